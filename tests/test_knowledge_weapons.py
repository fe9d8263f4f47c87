"""Weapons lexicon: the seed's phrases, Cyrillic-letter spellings, case rules and negatives."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from sitrep.knowledge import find_weapons, get_weapon
from sitrep.knowledge.weapons import load_weapons, weapon_names
from sitrep.model import Weapon

SEED = (Path(__file__).parent / "data" / "000_140fda5b5716f268.txt").read_text(encoding="utf-8")


def names(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.weapon.name) for m in find_weapons(text)]


def test_at_least_150_distinct_weapon_systems() -> None:
    assert len(set(weapon_names())) >= 150


def test_seed_bomber_phrase_is_one_platform_mention() -> None:
    tu = next(m for m in find_weapons(SEED) if m.weapon.name == "Tu-22M3")
    assert tu.weapon == Weapon(
        text="Tu-22M3 “Backfire” bombers", name="Tu-22M3", category="bomber aircraft", nato_name="Backfire", role="platform"
    )
    assert SEED[tu.start : tu.end] == tu.text
    assert tu.delivery == "air"


def test_seed_missile_phrase_is_one_munition_mention() -> None:
    kh = [m for m in find_weapons(SEED) if m.weapon.name == "Kh-22"]
    assert len(kh) == 1
    assert kh[0].text == "Kh-22 cruise missiles"
    assert kh[0].weapon.nato_name == "AS-4 Kitchen"
    assert kh[0].weapon.role == "munition"
    assert kh[0].delivery == "missile"


def test_seed_backfire_raid_and_himars() -> None:
    got = names(SEED)
    assert ("Backfire", "Tu-22M3") in got
    assert ("M142 HIMARS", "M142 HIMARS") in got
    # no weapon is invented from the "bomb shelters" of the Azot plant
    assert not any(text.startswith("bomb") for text, _ in got)


def test_seed_generic_missiles_are_flagged_generic() -> None:
    generic = [m for m in find_weapons(SEED) if m.generic]
    assert any(m.text == "ground-launched missiles" and m.weapon.name == "missile" for m in generic)
    assert all(m.weapon.role in ("munition", "platform", "system") for m in generic)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Russia fired Х-101 cruise missiles overnight.", "Kh-101"),  # Cyrillic Х
        ("Two X-555 missiles were shot down.", "Kh-555"),
        ("an X-22 hit the mall", "Kh-22"),
        ("Kh22 and", "Kh-22"),
        ("the Ch-101 is", "Kh-101"),
        ("Kh‑47M2 Kinzhal hypersonic missiles", "Kh-47M2 Kinzhal"),  # non-breaking hyphen
        ("a Geran-2 drone", "Shahed-136"),
        ("Shahed-136/Geran-2 drones", "Shahed-136"),
        ("Iskander-M ballistic missiles", "9M723 Iskander-M"),
        ("3M-14 Kalibr cruise missiles from the Black Sea", "3M-14 Kalibr"),
        ("Storm Shadow/SCALP missiles", "Storm Shadow"),
        ("a Bayraktar TB2 over Sudan", "Bayraktar TB2"),
        ("Iron Dome intercepted rockets", "Iron Dome"),
        ("Houthi Samad-3 drones", "Samad"),
        ("launched Burkan-2H missiles", "Burkan"),
    ],
)
def test_designations_and_spellings(text: str, name: str) -> None:
    assert name in [w for _, w in names(text)]


def test_alias_pairs_merge_into_one_mention() -> None:
    assert names("Russia launched Shahed-136/Geran-2 drones.") == [("Shahed-136/Geran-2 drones", "Shahed-136")]
    assert names("Tu-95MS “Bear” strategic bombers took off.") == [("Tu-95MS “Bear” strategic bombers", "Tu-95MS")]


@pytest.mark.parametrize(
    "text",
    [
        "He is a patriot who loves his country.",
        "Grad students protested outside the rectorate.",
        "The study was published in The Lancet last year.",
        "Bear in mind the weather.",
        "the price of a lancet in a pharmacy",
        "Julius Caesar crossed the Rubicon.",
        "They fished in the Sea of Azov.",
        "a think tank report",
    ],
)
def test_ordinary_words_are_not_weapons(text: str) -> None:
    assert [m for m in find_weapons(text) if not m.generic] == []


def test_risky_names_fire_in_weapon_context() -> None:
    got = names("Ukraine received a Patriot battery. Grad rockets hit the town. A Lancet struck a howitzer.")
    assert ("Patriot battery", "MIM-104 Patriot") in got
    assert ("Grad rockets", "BM-21 Grad") in got
    assert ("Lancet", "ZALA Lancet") in got


def test_context_only_name_needs_a_weapon_noun() -> None:
    assert names("The Bear was seen.") == []
    assert names("Bear bombers were seen.") == [("Bear bombers", "Tu-95MS")]


def test_mentions_are_sorted_non_overlapping_and_offsets_true() -> None:
    text = SEED + " Russia fired Kalibr missiles, Kinzhal missiles and Shahed drones; HIMARS and Himars too."
    found = find_weapons(text)
    assert found == sorted(found, key=lambda m: m.start)
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start
    for m in found:
        assert text[m.start : m.end] == m.text == m.weapon.text


def test_plural_designations() -> None:
    assert names("two Su-25s and several Kh-101s") == [("Su-25s", "Su-25"), ("Kh-101s", "Kh-101")]


def test_get_weapon_by_alias_and_spelling() -> None:
    kh22 = get_weapon("X-22")
    assert kh22 is not None and kh22.name == "Kh-22" and kh22.nato_name == "AS-4 Kitchen"
    assert get_weapon("kh 22") == kh22
    backfire = get_weapon("Backfire")
    assert backfire is not None and backfire.name == "Tu-22M3" and backfire.role == "platform"
    assert get_weapon("no such weapon") is None


def test_every_weapon_has_role_category_and_origin() -> None:
    lex = load_weapons()
    for entry in lex.entries:
        assert entry.role in ("munition", "platform", "system"), entry
        assert entry.category in lex.categories, entry
        assert entry.origin and len(entry.origin) == 2, entry
