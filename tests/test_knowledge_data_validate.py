"""Every knowledge data file loads and validates; malformed data is refused with a clear message."""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import Any

import pytest

from sitrep.errors import KnowledgeError
from sitrep.knowledge import actors, load_all, sources, weapons
from sitrep.knowledge._matcher import load_json
from sitrep.knowledge.yardstick import _build as build_yardstick
from sitrep.knowledge.yardstick import load_yardstick

FILES = ("weapons.json", "actors.json", "sources.json", "yardstick.json")


def raw(name: str) -> dict[str, Any]:
    return copy.deepcopy(load_json(name))


@pytest.mark.parametrize("name", FILES)
def test_data_file_is_versioned_json(name: str) -> None:
    text = resources.files("sitrep.knowledge").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    data = json.loads(text)
    assert isinstance(data["version"], int) and data["version"] >= 1


def test_packaged_files_validate() -> None:
    load_all()  # raises KnowledgeError on duplicates, unknown categories or colliding aliases
    assert weapons._build(raw("weapons.json")).version >= 1
    assert actors._build(raw("actors.json")).version >= 1
    assert sources._build(raw("sources.json"), raw("actors.json")["countries"]).version >= 1
    assert build_yardstick(raw("yardstick.json")).version >= 1


def test_missing_file_is_a_knowledge_error() -> None:
    with pytest.raises(KnowledgeError, match="missing"):
        load_json("no_such_file.json")


def test_weapons_duplicate_entry_refused() -> None:
    data = raw("weapons.json")
    data["weapons"].append(copy.deepcopy(data["weapons"][0]))
    with pytest.raises(KnowledgeError, match="listed twice"):
        weapons._build(data)


def test_weapons_unknown_category_refused() -> None:
    data = raw("weapons.json")
    data["weapons"][0]["category"] = "space laser"
    with pytest.raises(KnowledgeError, match="space laser"):
        weapons._build(data)


def test_weapons_unknown_role_and_delivery_refused() -> None:
    data = raw("weapons.json")
    data["weapons"][0]["role"] = "vibes"
    with pytest.raises(KnowledgeError, match="role"):
        weapons._build(data)
    data = raw("weapons.json")
    data["weapons"][0]["delivery"] = "teleport"
    with pytest.raises(KnowledgeError, match="delivery"):
        weapons._build(data)


def test_weapons_alias_colliding_across_entries_refused() -> None:
    data = raw("weapons.json")
    data["weapons"][1]["aliases"].append("X-22")  # already Kh-22's
    with pytest.raises(KnowledgeError, match="belongs to both"):
        weapons._build(data)


def test_weapons_colliding_spelling_variant_refused() -> None:
    data = raw("weapons.json")
    data["weapons"][1]["aliases"].append("Kh 22")  # a generated variant of Kh-22
    with pytest.raises(KnowledgeError, match="belongs to both"):
        weapons._build(data)


def test_weapons_unknown_level_refused() -> None:
    data = raw("weapons.json")
    data["weapons"][0]["aliases"].append({"text": "Zzyzx", "level": "sometimes"})
    with pytest.raises(KnowledgeError, match="level"):
        weapons._build(data)


def test_actors_alias_collision_refused() -> None:
    data = raw("actors.json")
    data["organisations"][0]["aliases"].append("Putin")
    with pytest.raises(KnowledgeError, match="names both"):
        actors._build(data)


def test_actors_bad_affiliation_and_same_as_refused() -> None:
    data = raw("actors.json")
    data["people"][0]["affiliation"] = "Nobody Inc"
    with pytest.raises(KnowledgeError, match="affiliation"):
        actors._build(data)
    data = raw("actors.json")
    data["organisations"][0]["same_as"] = "military:ZZ"
    with pytest.raises(KnowledgeError, match="same_as"):
        actors._build(data)


def test_actors_duplicate_country_refused() -> None:
    data = raw("actors.json")
    data["countries"].append(copy.deepcopy(data["countries"][0]))
    with pytest.raises(KnowledgeError, match="iso"):
        actors._build(data)


def test_sources_unknown_type_and_collision_refused() -> None:
    countries = raw("actors.json")["countries"]
    data = raw("sources.json")
    data["sources"][0]["source_type"] = "rumour"
    with pytest.raises(KnowledgeError, match="rumour"):
        sources._build(data, countries)
    data = raw("sources.json")
    data["sources"][1]["aliases"].append("Reuters")
    with pytest.raises(KnowledgeError, match="names both"):
        sources._build(data, countries)


def test_yardstick_bad_entries_refused() -> None:
    data = raw("yardstick.json")
    data["terms"][0]["modality"] = "vibes"
    with pytest.raises(KnowledgeError, match="modality"):
        build_yardstick(data)
    data = raw("yardstick.json")
    data["terms"].append({"text": "probably", "modality": "assessed", "probability": [0.55, 0.75]})
    with pytest.raises(KnowledgeError, match="twice"):
        build_yardstick(data)
    data = raw("yardstick.json")
    data["terms"][0]["probability"] = [0.9, 0.1]
    with pytest.raises(KnowledgeError, match="probability"):
        build_yardstick(data)


def test_yardstick_matches_the_uk_ranges() -> None:
    ranges = load_yardstick().ranges
    assert ranges == {
        "remote chance": (0.0, 0.05),
        "highly unlikely": (0.10, 0.20),
        "unlikely": (0.25, 0.35),
        "realistic possibility": (0.40, 0.50),
        "likely": (0.55, 0.75),
        "highly likely": (0.80, 0.90),
        "almost certain": (0.95, 1.0),
    }
