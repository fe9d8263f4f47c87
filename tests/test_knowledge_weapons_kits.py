"""Lexicon details: glide/guidance kits, hyphenated names beside unhyphenated aliases, composite
and generic names (knowledge/data/weapons.json)."""

from __future__ import annotations

import copy

import pytest

from sitrep.errors import KnowledgeError
from sitrep.knowledge import find_weapons
from sitrep.knowledge._matcher import load_json
from sitrep.knowledge.weapons import DATA_FILE, _build


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.weapon.name) for m in find_weapons(text)]


def test_kit_fitted_to_a_bomb_is_part_of_it():
    assert _found("Su-34s dropped FAB-500 bombs fitted with UMPK glide kits") == [
        ("Su-34s", "Su-34"),
        ("FAB-500 bombs fitted with UMPK", "FAB-500"),
    ]
    assert _found("Mk 84 bombs equipped with JDAM-ER kits") == [("Mk 84 bombs equipped with JDAM-ER", "Mk 84")]


def test_kit_on_its_own_is_still_a_weapon():
    assert _found("Russia used UMPK bombs on the town") == [("UMPK bombs", "UMPK")]


def test_hyphenated_name_matches_beside_an_unhyphenated_alias():
    assert _found("North Korean KN-23 missiles") == [("KN-23 missiles", "KN-23")]
    assert _found("23 Shahed-136 drones") == [("Shahed-136 drones", "Shahed-136")]


def test_slash_composites_that_mean_one_type():
    assert _found("three Iskander-M/S-400 missiles") == [("Iskander-M/S-400 missiles", "9M723 Iskander-M")]
    assert _found("53 Shahed-131/136 drones") == [("Shahed-131/136 drones", "Shahed-136")]
    assert _found("a Shahed-131 drone") == [("Shahed-131 drone", "Shahed-131")]


def test_generic_ship_and_missile_classes():
    assert _found("the landing ship Olenegorsky Gornyak") == [("landing ship", "landing ship")]
    assert _found("two anti-ship ballistic missiles") == [("anti-ship ballistic missiles", "anti-ship missile")]


def test_kit_flag_must_be_boolean():
    data = copy.deepcopy(load_json(DATA_FILE))
    entry = next(w for w in data["weapons"] if w["name"] == "UMPK")
    entry["kit"] = "yes"
    with pytest.raises(KnowledgeError, match="kit"):
        _build(data)
