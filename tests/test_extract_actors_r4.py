"""Round 4 actor rules, on sentences written for these tests (not gold passages): wars beyond
Ukraine–Russia as data (``group_adversaries``), "clashes between", speakers that respond or overrun,
"the group" anaphora, launchers and defending platforms in interceptions, crowds at an embassy."""

from __future__ import annotations

import pytest

from sitrep import extract
from sitrep.errors import KnowledgeError
from sitrep.knowledge import actor_for_side
from sitrep.knowledge.actors import _group_adversaries, group_adversary, load_actors, opposed
from sitrep.model import Actor


def _one(text: str, kind: str, published: str = "2024-03-12"):
    events = extract(text, published=published)
    found = [e for e in events if e.kind == kind]
    assert found, f"no {kind} in {[e.kind for e in events]}"
    return found[0]


def _roles(event) -> dict[str, str | None]:
    return {a.name: a.role for a in event.actors}


# ---------------------------------------------------------------- knowledge: group_adversaries


def test_group_adversary_needs_the_theatre() -> None:
    assert group_adversary("Rapid Support Forces", "SD") == "SD"
    assert group_adversary("Hezbollah", "LB") == "IL"
    assert group_adversary("JNIM: Group for Support of Islam and Muslims", "NE") == "NE"  # '@where'
    assert group_adversary("Hezbollah", "SY") is None  # outside the listed theatre: no guess
    assert group_adversary("Hezbollah", None) is None
    assert group_adversary("Unknown Brigade", "SD") is None


def test_opposed_states_and_groups() -> None:
    hezbollah = Actor("Hezbollah", "Hezbollah", "LB", "political_militia", "initiator")
    assert opposed(hezbollah, actor_for_side("IL"))
    assert opposed(actor_for_side("UA"), actor_for_side("RU"))
    assert not opposed(hezbollah, actor_for_side("US"))
    assert not opposed(actor_for_side("US"), actor_for_side("GB"))


def test_group_adversaries_validated() -> None:
    lex = load_actors()
    assert all(opp == "@where" or opp in lex.countries for opp, _ in lex.group_adversaries.values())
    with pytest.raises(KnowledgeError):
        _group_adversaries({"group_adversaries": [{"group": "Nobody", "opponent": "SD", "where": ["SD"]}]}, set(), {"SD"})
    with pytest.raises(KnowledgeError):
        _group_adversaries({"group_adversaries": [{"group": "X", "opponent": "ZZ", "where": ["SD"]}]}, {"X"}, {"SD"})


# ---------------------------------------------------------------- battles


def test_clashes_between_army_and_group_both_fight() -> None:
    e = _one("Heavy clashes between the army and the Rapid Support Forces erupted in Nyala on Tuesday, witnesses said.", "battle")
    roles = _roles(e)
    assert roles.get("Rapid Support Forces") == "initiator"
    assert roles.get("Military Forces of Sudan") == "initiator"


def test_group_battle_supplies_its_states_forces() -> None:
    e = _one("Fighting against the RSF continued near Kadugli on Monday.", "battle", "2024-06-10")
    assert "Military Forces of Sudan" in _roles(e)


def test_speaker_that_overran_a_base_takes_it() -> None:
    e = _one("The Ta'ang National Liberation Army says it has overrun a junta outpost near Lashio.", "territory_change", "2024-07-20")
    roles = _roles(e)
    assert roles.get("TNLA: Ta'ang National Liberation Army") == "initiator"
    assert roles.get("Military Forces of Myanmar") == "target"


# ---------------------------------------------------------------- strikes


def test_speaker_that_responded_is_the_attacker() -> None:
    text = (
        "Hezbollah launched rockets at an Israeli position near Shlomi. "
        "The Israeli army said it retaliated with shelling on Lebanese villages near Naqoura."
    )
    strikes = [x for x in extract(text, published="2024-01-15") if x.kind == "strike"]
    assert len(strikes) >= 2
    second = _roles(strikes[-1])
    assert second.get("Military Forces of Israel") == "initiator"
    assert second.get("Hezbollah") != "initiator"  # two opposing initiators: the one that speaks of its own fire
    assert "Military Forces of Lebanon" not in second  # "Lebanese villages" are places, not an army


def test_demonym_before_shelling_is_the_attacker() -> None:
    e = _one("Belgorod's governor said Ukrainian shelling had killed a woman in Shebekino on Sunday.", "strike", "2024-03-17")
    roles = _roles(e)
    assert roles.get("Military Forces of Ukraine") == "initiator"
    assert "Military Forces of Russia" not in roles or roles["Military Forces of Russia"] != "initiator"


def test_the_group_refers_back_to_the_named_group() -> None:
    text = "JNIM fighters attacked an army convoy near Djibo on Friday, and the group later shelled the town's market, residents said."
    strikes = [e for e in extract(text, published="2024-05-03") if e.kind in ("strike", "battle")]
    initiators = {a.name for e in strikes for a in e.actors if a.role == "initiator"}
    assert "JNIM: Group for Support of Islam and Muslims" in initiators
    assert "Military Forces of Burkina Faso" not in initiators


def test_strike_on_group_positions_in_its_theatre() -> None:
    e = _one("Air strikes hit Hamas positions in Khan Younis overnight, the health ministry said.", "strike", "2024-02-01")
    roles = _roles(e)
    assert roles.get("Hamas Movement") == "target"
    assert roles.get("Military Forces of Israel") == "initiator"


# ---------------------------------------------------------------- interceptions


def test_launcher_of_intercepted_missiles_is_the_target() -> None:
    e = _one("Twenty of the 30 drones Russia launched overnight were shot down, Ukraine's air force said.", "interception", "2024-04-02")
    roles = _roles(e)
    assert roles.get("Military Forces of Russia") == "target"
    assert roles.get("Military Forces of Ukraine") == "initiator"


def test_defending_ship_and_speaker_both_intercept() -> None:
    e = _one("U.S. Central Command said its forces and a French frigate shot down five Houthi drones over the Red Sea.", "interception")
    roles = _roles(e)
    assert roles.get("Military Forces of France") == "initiator"
    assert roles.get("Military Forces of the United States") == "initiator"
    assert roles.get("Houthi Movement") == "target"


def test_platform_shot_down_is_still_the_attackers() -> None:
    e = _one("Air defences shot down a Russian Su-25 jet over Donetsk region.", "interception")
    assert _roles(e).get("Military Forces of Russia") == "target"


# ---------------------------------------------------------------- crowds


def test_crowd_at_a_foreign_embassy_is_local() -> None:
    e = _one("Hundreds of people rallied outside the Iranian embassy in Berlin on Saturday.", "protest", "2024-01-20")
    names = {a.name for a in e.actors}
    assert "Protesters (Germany)" in names
    assert "Protesters (Iran)" not in names
