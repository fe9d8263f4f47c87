"""actors.json additions for actor inference: adversaries, crowds, alliances, canonical group names."""

from __future__ import annotations

import copy

import pytest

from sitrep.errors import KnowledgeError
from sitrep.knowledge import actor_for_side, find_actors
from sitrep.knowledge._matcher import load_json
from sitrep.knowledge.actors import DATA_FILE, _build, adversary_of, alliance_members, load_actors
from sitrep.model import Actor


def test_adversaries_are_symmetric_for_ukraine_and_russia() -> None:
    assert adversary_of("UA") == "RU"
    assert adversary_of("RU") == "UA"
    assert adversary_of("FR") is None
    assert adversary_of(None) is None


def test_crowd_actor_names() -> None:
    assert actor_for_side("GE", "protesters").name == "Protesters (Georgia)"
    assert actor_for_side("RU", "rioters").name == "Rioters (Russia)"
    assert actor_for_side("PL", "protesters").type == "protesters"
    assert actor_for_side("GE", "police").name == "Police Forces of Georgia"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Houthi rebels fired a missile at a tanker", "Houthi Movement"),
        ("Hamas fighters crossed the fence", "Hamas Movement"),
        ("MNDAA fighters took the border crossing", "MNDAA: Myanmar National Democratic Alliance Army"),
        ("JNIM claimed the ambush", "JNIM: Group for Support of Islam and Muslims"),
        ("The People's Defence Force attacked a police post", "People's Defence Force"),
    ],
)
def test_acled_style_group_names(text: str, name: str) -> None:
    assert name in [m.actor.name for m in find_actors(text)]


def test_alliance_stands_for_its_members() -> None:
    alliance = Actor("the Brotherhood Alliance", "Three Brotherhood Alliance", "MM", "rebel_group", "initiator")
    members = alliance_members(alliance)
    assert [m.name for m in members] == [
        "MNDAA: Myanmar National Democratic Alliance Army",
        "TNLA: Ta'ang National Liberation Army",
        "AA: Arakan Army",
    ]
    assert all(m.role == "initiator" for m in members)
    assert alliance_members(actor_for_side("MM")) == []


def test_object_phrases_match_whole_words() -> None:
    lex = load_actors()
    assert lex.civilian_object_re.search("hit a residential building")
    assert lex.military_object_re.search("struck an ammunition depot")
    assert not lex.military_object_re.search("tankers and airbaseline figures")
    assert lex.enemy_re.search("the enemy launched drones")


def _data() -> dict:
    return copy.deepcopy(load_json(DATA_FILE))


def test_bad_alliance_member_is_rejected() -> None:
    data = _data()
    data["organisations"].append(
        {"name": "Fake Alliance", "aliases": ["Fake Alliance"], "side": None, "type": "rebel_group", "acled_name": "Fake", "same_as": None, "members": ["Nobody"]}
    )
    with pytest.raises(KnowledgeError, match="members"):
        _build(data)


def test_adversary_of_an_unlisted_country_is_rejected() -> None:
    data = _data()
    data["adversaries"] = {"UA": "XX"}
    with pytest.raises(KnowledgeError, match="adversaries"):
        _build(data)


def test_empty_word_list_is_rejected() -> None:
    data = _data()
    data["enemy_words"] = []
    with pytest.raises(KnowledgeError, match="enemy_words"):
        _build(data)
