"""Round 2 actor and weapon rules, on sentences written for these tests (not gold passages)."""

from __future__ import annotations

import pytest

from sitrep import extract
from sitrep.knowledge import find_actors


def _names(text: str) -> list[tuple[str, str | None, str]]:
    return [(m.actor.name, m.actor.side, m.actor.type) for m in find_actors(text)]


def _events(text: str, published: str = "2024-03-12"):
    return extract(text, published=published)


def _one(text: str, kind: str, published: str = "2024-03-12"):
    found = [e for e in _events(text, published) if e.kind == kind]
    assert found, f"no {kind} in {[e.kind for e in _events(text, published)]}"
    return found[0]


def _roles(event) -> dict[str, str]:
    return {a.name: a.role for a in event.actors}


# ---------------------------------------------------------------- knowledge: who a phrase names


@pytest.mark.parametrize(
    ("text", "name", "side", "type_"),
    [
        ("Suspected Islamist insurgents burned the market.", "Islamist insurgents", None, "rebel_group"),
        ("Iran-aligned militias fired at the base.", "Iran-aligned militias", None, "political_militia"),
        ("Syrian gunmen opened fire.", "Syrian gunmen", "SY", "rebel_group"),
        ("al-Qaida-linked jihadists attacked a post.", "al-Qaida-linked jihadists", None, "rebel_group"),
    ],
)
def test_unnamed_groups_are_named_by_their_qualifiers(text: str, name: str, side: str | None, type_: str) -> None:
    assert _names(text) == [(name, side, type_)]


def test_a_bare_group_noun_is_too_vague_to_code() -> None:
    assert _names("Militants attacked a checkpoint at dawn.") == []
    assert _names("Gunmen on motorbikes attacked the village.") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Moscow-installed officials in Nova Kakhovka said", "Russian occupation authorities"),
        ("Russian-appointed authorities detained him", "Russian occupation authorities"),
        ("the Karen National Union said", "KNU: Karen National Union"),
        ("fighters of the Kachin Independence Army", "KIA: Kachin Independence Army"),
        ("anti-Kremlin Russian fighters crossed the border", "Russian Volunteer Corps"),
        ("Akhmat special forces counterattacked", "Military Forces of Russia"),
        ("Rosgvardia units were moved to the front", "Military Forces of Russia"),
        ("the SBU said", "Security Service of Ukraine"),
    ],
)
def test_named_bodies_and_units(text: str, name: str) -> None:
    assert name in [n for n, _, _ in _names(text)]


def test_titles_before_a_name_still_join_it() -> None:
    found = find_actors("On Monday Russian Defence Minister Sergei Shoigu visited troops.")
    assert [(m.text, m.actor.name) for m in found] == [("Russian Defence Minister Sergei Shoigu", "Sergei Shoigu")]


# ---------------------------------------------------------------- events: who did it to whom


def test_speaker_pronoun_is_the_attacker() -> None:
    ev = _one("Hezbollah said it fired a barrage of rockets at an Israeli army post near Metula on Tuesday.", "strike")
    assert _roles(ev).get("Hezbollah") == "initiator"


def test_speaker_that_detained_is_the_arresting_body_and_detainee_a_civilian() -> None:
    ev = _one("Ukraine's security service said on Friday it had detained a woman in Kharkiv who was passing coordinates to Russian intelligence.", "arrest")
    roles = _roles(ev)
    assert roles.get("Security Service of Ukraine") == "initiator"
    assert roles.get("Civilians (Ukraine)") == "target"
    assert "Military Forces of Russia" not in roles  # who she served is not who was arrested


def test_police_that_detain_act_and_the_detained_are_targets() -> None:
    ev = _one("In Novosibirsk, Russian police detained two students on Sunday for posting anti-war leaflets.", "arrest", "2024-03-11")
    roles = _roles(ev)
    assert roles.get("Police Forces of Russia") == "initiator"
    assert roles.get("Civilians (Russia)") == "target"


def test_occupation_authorities_arrest() -> None:
    ev = _one("In occupied Berdiansk, Moscow-installed authorities arrested a local teacher on Monday, her family said.", "arrest")
    assert _roles(ev).get("Russian occupation authorities") == "initiator"


def test_the_junta_that_answers_with_air_strikes_is_the_attacker() -> None:
    ev = _one("The junta retaliated with air strikes on Falam in Chin state on Friday, killing seven civilians, residents said.", "strike")
    roles = _roles(ev)
    assert roles.get("Military Forces of Myanmar") == "initiator"
    assert roles.get("Civilians (Myanmar)") == "target"


def test_army_positions_hit_make_the_army_the_target() -> None:
    ev = _one("RSF fighters shelled army positions in Omdurman with mortars on Saturday.", "strike", "2024-03-10")
    roles = _roles(ev)
    assert roles.get("Rapid Support Forces") == "initiator"
    assert roles.get("Military Forces of Sudan") == "target"


def test_a_named_air_defence_system_hit_is_the_other_sides() -> None:
    ev = _one("Ukrainian forces hit a Pantsir system near Melitopol with a drone on Sunday.", "strike", "2024-03-10")
    roles = _roles(ev)
    assert roles.get("Military Forces of Ukraine") == "initiator"
    assert roles.get("Military Forces of Russia") == "target"


def test_a_refinery_in_russia_makes_russia_the_target() -> None:
    ev = _one("Ukrainian drones struck an oil refinery in Volgograd overnight, causing a fire, the regional governor said.", "strike")
    assert _roles(ev).get("Military Forces of Russia") == "target"


def test_the_side_that_owns_the_missiles_is_the_only_attacker() -> None:
    ev = _one(
        "Two Russian missiles hit the centre of Sumy on Monday morning, killing five people, officials said. "
        "The mayor said the city would have been spared had Ukraine received more air defence systems.",
        "strike",
        "2024-03-11",
    )
    roles = _roles(ev)
    assert roles.get("Military Forces of Russia") == "initiator"
    assert roles.get("Military Forces of Ukraine") != "initiator"


def test_the_occupiers_are_the_other_side_not_the_victims_country() -> None:
    ev = _one("The occupiers hit Kupiansk with guided bombs on Tuesday, wounding three Ukrainian civilians, the regional governor said.", "strike")
    roles = _roles(ev)
    assert roles.get("Military Forces of Russia") == "initiator"
    assert roles.get("Military Forces of Ukraine") != "initiator"


def test_rebels_capture_a_town_from_the_state() -> None:
    ev = _one("Arakan Army fighters seized the town of Mrauk U on Sunday, the group said.", "territory_change", "2024-03-11")
    roles = _roles(ev)
    assert roles.get("AA: Arakan Army") == "initiator"
    assert roles.get("Military Forces of Myanmar") == "target"


def test_a_weapon_is_not_a_person() -> None:
    for ev in _events("Russian Su-25 jets fired unguided rockets at Ukrainian positions near Vuhledar on Monday.", "2024-03-11"):
        assert all(a.type != "person" for a in ev.actors)


# ---------------------------------------------------------------- events: weapons


def test_a_launcher_named_by_kind_fires_rockets() -> None:
    ev = _one("Russian troops shelled Vovchansk with multiple rocket launchers on Sunday, wounding a man.", "strike", "2024-03-10")
    assert "rocket" in [w.name for w in ev.weapons]


def test_used_them_takes_the_munitions_named_before() -> None:
    ev = _one(
        "France has delivered SCALP missiles to Ukraine, and Ukrainian pilots have used them to strike a Russian command post in Crimea, an official said.",
        "strike",
    )
    assert "Storm Shadow" in [w.name for w in ev.weapons]


def test_the_owner_of_a_launcher_that_was_hit_is_the_target() -> None:
    ev = _one("Ukrainian HIMARS struck a Russian Buk launcher near Tokmak on Thursday, the southern command said.", "strike", "2024-03-15")
    roles = _roles(ev)
    assert roles.get("Military Forces of Ukraine") == "initiator"
    assert roles.get("Military Forces of Russia") == "target"


def test_a_group_that_claims_it_hit_is_the_attacker() -> None:
    ev = _one("Houthi fighters claimed they hit a Liberian-flagged freighter with a drone boat in the Red Sea on Thursday.", "strike", "2024-03-15")
    assert _roles(ev).get("Houthi Movement") == "initiator"


def test_crowd_detained_after_tear_gas_are_protesters() -> None:
    ev = _one("Riot police in Yerevan fired tear gas at demonstrators near the government building on Monday and detained 40 people.", "arrest", "2024-03-12")
    roles = _roles(ev)
    assert roles.get("Police Forces of Armenia") == "initiator"
    assert roles.get("Protesters (Armenia)") == "target"


def test_the_side_whose_attack_was_repelled_attacked() -> None:
    ev = _one("Our battalion repelled a Russian assault near Kurakhove on Monday, the Ukrainian unit said on Telegram.", "battle", "2024-03-12")
    roles = _roles(ev)
    assert roles.get("Military Forces of Russia") == "initiator"
    assert roles.get("Military Forces of Ukraine") == "target"


def test_rebel_drones_downed_by_the_home_state() -> None:
    events = _events(
        "The shadow government said its drones struck an air base in Magway on Sunday. The junta said it had shot down four drones.",
        "2024-03-11",
    )
    strike = next(e for e in events if e.kind == "strike")
    assert _roles(strike).get("People's Defence Force") == "initiator"
    downed = [e for e in events if e.kind == "interception"]
    assert downed and _roles(downed[0]).get("Military Forces of Myanmar") == "initiator"
    assert _roles(downed[0]).get("People's Defence Force") == "target"


def test_fpv_wording_variants() -> None:
    ev = _one("Russian first-person-view drones hit a civilian car in Beryslav on Monday, wounding the driver.", "strike", "2024-03-11")
    assert "FPV drone" in [w.name for w in ev.weapons]
