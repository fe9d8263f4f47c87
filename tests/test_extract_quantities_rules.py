"""Quantity rules: roles from verbs, implicit single platforms, lists, totals, people and ship counts."""

from __future__ import annotations

import re

import pytest

from sitrep.extract.counts import people_counts, ship_losses, target_items
from sitrep.extract.numbers import find_quantities

ITEMS = [
    (r"Su-2[45]|Ka-52|Tu-22M3", None),
    (r"Kalibrs?(?: cruise missiles?)?", "3M-14 Kalibr"),
    (r"Kinzhals?", "Kh-47M2 Kinzhal"),
    (r"Kh-101(?: cruise missiles?)?", "Kh-101"),
    (r"(?:Shahed )?(?:attack )?drones?|Shaheds", "Shahed-136"),
    (r"(?:cruise |ballistic )?missiles?", "missile"),
    (r"rockets?", "rocket"),
    (r"air strikes?", "airstrike"),
    (r"guided (?:aerial )?bombs?", "glide bomb"),
    (r"air attack weapons", "air attack weapon"),
    (r"tanks?", "tank"),
    (r"Pantsir-S1(?: air defence system)?", "Pantsir-S1"),
]


def spans(text: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for pattern, name in ITEMS:
        for m in re.finditer(pattern, text):
            if not any(m.start() < e and s < m.end() for s, e, _ in out):
                out.append((m.start(), m.end(), name or m.group()))
    return sorted(out + target_items(text))


def qty(text: str) -> list[tuple[str, str | None, int]]:
    return [(q.item, q.role, q.value) for q in find_quantities(text, spans(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "struck X with N" reports hits; "attacked X with N" reports what was launched
        ("Russia struck Mykolaiv with three Kalibr cruise missiles overnight.", [("3M-14 Kalibr", "hit", 3)]),
        ("The enemy attacked Sumy with 12 Shahed drones.", [("Shahed-136", "launched", 12)]),
        # vague amounts before "of"
        ("Militants fired thousands of rockets at the city.", [("rocket", "launched", 1000)]),
        ("Air defence destroyed 20 drones and both Kalibrs.", [("Shahed-136", "intercepted", 20), ("3M-14 Kalibr", "intercepted", 2)]),
        # a single platform lost, and never a single munition
        ("Ukrainian gunners shot down a Su-25 near Avdiivka.", [("Su-25", "destroyed", 1)]),
        (
            "Forces destroyed a Russian Pantsir-S1 air defence system and two ammunition depots.",
            [("Pantsir-S1", "destroyed", 1), ("ammunition depot", "destroyed", 2)],
        ),
        ("A missile hit a school in Kharkiv.", []),
        # a list after a colon says what the count before it was made of
        (
            "The enemy launched 60 air attack weapons, of which 40 were destroyed: 25 Shaheds, 15 Kh-101 cruise missiles.",
            [
                ("air attack weapon", "launched", 60),
                ("air attack weapon", "intercepted", 40),
                ("Shahed-136", "intercepted", 25),
                ("Kh-101", "intercepted", 15),
            ],
        ),
        (
            "It was one of 30 cruise missiles fired overnight, 25 of which were shot down along with four drones.",
            [("missile", "launched", 30), ("missile", "intercepted", 25), ("Shahed-136", "intercepted", 4)],
        ),
        # a definite restatement of an earlier total adds nothing
        ("Of the 50 air attack weapons, 41 were destroyed.", [("air attack weapon", "intercepted", 41)]),
        # sorties count uses of the weapon they dropped
        ("Aviation carried out 9 air strikes with guided aerial bombs on the area.", [("glide bomb", "used", 9)]),
        ("Russia has lost around 300 tanks near the town.", [("tank", "destroyed", 300)]),
        ("Ukrainian forces struck Russian positions at 12 sites in the south.", [("site", "hit", 12)]),
    ],
)
def test_quantity_rules(text: str, expected: list[tuple[str, str | None, int]]) -> None:
    assert qty(text) == expected


def test_a_total_with_a_breakdown_is_marked_mixed() -> None:
    text = "Russia fired 70 missiles overnight, including eight Kinzhals."
    total, part = find_quantities(text, spans(text))
    assert (total.value, total.mixed) == (70, True)
    assert (part.item, part.value, part.mixed) == ("Kh-47M2 Kinzhal", 8, False)


def test_target_nouns_with_no_verb_have_no_role() -> None:
    text = "The region has three fuel depots."
    assert [q.role for q in find_quantities(text, spans(text))] == [None]


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("arrest", "Police detained at least 30 people outside the court.", [("person", "captured", 30)]),
        ("arrest", "Twelve people were injured and 40 people were detained.", [("person", "captured", 40)]),
        ("arrest", "The service said it had arrested three colonels.", [("colonel", "captured", 3)]),
        ("protest", "Thousands of mourners gathered in the square.", [("protester", "used", 1000)]),
        ("protest", "Several thousand Georgians demonstrated outside parliament.", [("protester", "used", 1000)]),
        ("violence_against_civilians", "Gunmen abducted 20 women near the village.", [("woman", "captured", 20)]),
        ("violence_against_civilians", "Gunmen killed 20 women near the village.", []),
        ("deployment", "The group deployed about 200 military instructors to Mali.", [("instructor", "used", 200)]),
        ("diplomacy", "The two sides exchanged 90 prisoners of war.", [("prisoner of war", "used", 90)]),
        ("battle", "Defenders repelled 31 Russian assaults near the town.", [("assault", "used", 31)]),
        ("territory_change", "The town fell after the surrender of hundreds of government troops.", [("soldier", "captured", 100)]),
        ("looting", "Soldiers took more than 2,000 paintings from the gallery.", [("painting", "captured", 2000)]),
        ("strike", "The strike killed 14 people.", []),
    ],
)
def test_people_counts(kind: str, text: str, expected: list[tuple[str, str, int]]) -> None:
    assert [(q.item, q.role, q.value) for q in people_counts(text, kind)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Naval drones sank the Russian patrol ship Sergei Kotov overnight.", [("patrol ship", 1)]),
        ("Missiles struck the landing ship Yamal in port. The vessel was likely destroyed.", [("landing ship", 1)]),
        ("Drones damaged the frigate Makarov and the corvette Buyan. The Buyan has been destroyed.", [("corvette", 1)]),
        ("The cruiser, the Moskva, has sunk after a fire.", []),
        ("The frigate Makarov was damaged.", []),
    ],
)
def test_ship_losses(text: str, expected: list[tuple[str, int]]) -> None:
    found = ship_losses(text, 0, len(text))
    assert [(q.item, q.value) for q in found] == expected
    assert all(q.role == "destroyed" for q in found)


def test_interception_of_all_launched_copies_each_count() -> None:
    from sitrep import extract

    text = (
        "Russia launched 14 Shahed drones and three Kh-101 cruise missiles at Odesa overnight, "
        "all of which were shot down by air defence, the Air Force said."
    )
    got = {(q.item, q.role, q.value) for e in extract(text, published="2024-03-02") for q in e.quantities}
    assert {("Shahed-136", "intercepted", 14), ("Kh-101", "intercepted", 3)} <= got


def test_generic_count_refers_back_to_the_one_named_type() -> None:
    from sitrep import extract

    text = (
        "Russia launched 20 Kh-101 cruise missiles and six Kinzhal missiles at Kyiv. "
        "Air defence destroyed 18 cruise missiles and all six Kinzhals."
    )
    got = {(q.item, q.role, q.value) for e in extract(text, published="2024-03-02") for q in e.quantities}
    assert ("Kh-101", "intercepted", 18) in got
    assert ("Kh-47M2 Kinzhal", "intercepted", 18) not in got


def test_a_larger_total_is_not_the_named_type_again() -> None:
    from sitrep import extract

    text = (
        "Six bombers launched 12 Kh-22 cruise missiles at Kyiv. "
        "The raid was part of a much larger strike involving more than 50 missiles fired at Ukraine."
    )
    got = {(q.item, q.value) for e in extract(text, published="2024-03-02") for q in e.quantities}
    assert ("Kh-22", 50) not in got
    assert ("Kh-22", 12) in got
