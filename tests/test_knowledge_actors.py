"""Actor lexicon: forces by demonym, people with titles, organisations, ACLED names and codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import KnowledgeError
from sitrep.knowledge import (
    acled_actor_name,
    acled_inter_code,
    actor_for_side,
    demonym_side,
    find_actors,
)
from sitrep.knowledge.actors import load_actors
from sitrep.model import Actor

SEED = (Path(__file__).parent / "data" / "000_140fda5b5716f268.txt").read_text(encoding="utf-8")


def found(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(m.text, m.actor.name, m.actor.side, m.actor.type) for m in find_actors(text)]


def test_seed_forces_and_people() -> None:
    got = found(SEED)
    assert ("Russian forces", "Military Forces of Russia", "RU", "state_forces") in got
    assert ("Ukrainian troops", "Military Forces of Ukraine", "UA", "state_forces") in got
    assert ("the Russians", "Military Forces of Russia", "RU", "state_forces") in got
    assert ("Russian President Vladimir Putin", "Vladimir Putin", "RU", "person") in got
    assert ("Belarusian President Alexander Lukashenko", "Alexander Lukashenko", "BY", "person") in got
    assert ("General-Colonel Andrei Serdyukov", "Andrei Serdyukov", "RU", "person") in got
    assert ("General of the Army Alexandr Dvornikov", "Alexander Dvornikov", "RU", "person") in got


def test_mentions_have_no_role_and_true_offsets() -> None:
    for m in find_actors(SEED):
        assert m.actor.role is None
        assert SEED[m.start : m.end] == m.text == m.actor.text


@pytest.mark.parametrize(
    ("text", "name", "side"),
    [
        ("Wagner fighters stormed the town.", "Wagner Group", "RU"),
        ("Russia's troops withdrew.", "Military Forces of Russia", "RU"),
        ("Ukraine's air force said it shot down 20 drones.", "Military Forces of Ukraine", "UA"),
        ("the Kremlin said", "Government of Russia", "RU"),
        ("Kyiv said the strike hit a school", "Government of Ukraine", "UA"),
        ("Hamas militants fired rockets", "Hamas Movement", "PS"),
        ("IDF troops entered Rafah", "Military Forces of Israel", "IL"),
        ("Ansar Allah claimed the attack", "Houthi Movement", "YE"),
        ("the RSF shelled El Fasher", "Rapid Support Forces", "SD"),
        ("Ukrainian civilians were killed", "Civilians (Ukraine)", "UA"),
        ("Chechen leader Ramzan Kadyrov", "Ramzan Kadyrov", "RU"),
        ("President Zelenskyy said", "Volodymyr Zelensky", "UA"),
        ("Syrsky ordered a withdrawal", "Oleksandr Syrskyi", "UA"),
    ],
)
def test_lexicon_actors(text: str, name: str, side: str) -> None:
    assert (name, side) in [(m.actor.name, m.actor.side) for m in find_actors(text)]


def test_capital_is_a_place_unless_it_acts() -> None:
    assert found("Missiles hit Kyiv overnight.") == []
    assert found("Shelling north and east of Kyiv.") == []


def test_azov_sea_is_not_the_azov_brigade() -> None:
    assert found("Ships sailed in the Sea of Azov.") == []
    assert found("the Azov Regiment held out")[0][1] == "Azov Brigade"


def test_unknown_person_gets_side_from_demonym_and_title() -> None:
    assert found("Russian General Ivan Popov was dismissed.") == [
        ("Russian General Ivan Popov", "Ivan Popov", "RU", "person")
    ]
    assert found("Ukrainian General Newswire reported") == []


def test_actor_for_side_and_acled_names() -> None:
    ua = actor_for_side("UA")
    assert ua == Actor(text="Military Forces of Ukraine", name="Military Forces of Ukraine", side="UA", type="state_forces")
    assert acled_actor_name(ua) == "Military Forces of Ukraine (2019-)"
    assert acled_actor_name(actor_for_side("RU")) == "Military Forces of Russia (2000-)"
    assert acled_actor_name(actor_for_side("UA", "civilians")) == "Civilians (Ukraine)"
    assert acled_inter_code(actor_for_side("UA", "civilians")) == 7
    assert acled_inter_code(ua) == 1
    with pytest.raises(KnowledgeError, match="ISO code"):
        actor_for_side("XX")


def test_acled_codes_for_people_and_groups() -> None:
    putin = find_actors("Vladimir Putin")[0].actor
    assert acled_actor_name(putin) == "Government of Russia (2000-)"
    assert acled_inter_code(putin) == 1
    hez = find_actors("Hezbollah")[0].actor
    assert acled_inter_code(hez) == 3
    rsf = find_actors("Rapid Support Forces")[0].actor
    assert acled_inter_code(rsf) == 2
    assert acled_inter_code(Actor(text="gunmen", name="Unidentified Armed Group", type="unknown")) == 3


def test_demonym_side() -> None:
    assert demonym_side("Belarusian") == "BY"
    assert demonym_side("Russian") == "RU"
    assert demonym_side("Ukraine's") == "UA"
    assert demonym_side("the Russians") == "RU"
    assert demonym_side("Martian") is None


def test_at_least_60_people() -> None:
    assert len(load_actors().people) >= 60


def test_coordinated_demonyms_share_the_force_noun() -> None:
    got = found("Russian and Belarusian troops held drills.")
    assert got == [
        ("Russian", "Military Forces of Russia", "RU", "state_forces"),
        ("Belarusian troops", "Military Forces of Belarus", "BY", "state_forces"),
    ]
