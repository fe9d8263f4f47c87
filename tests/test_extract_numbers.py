"""Numbers, counted quantities and casualties (sitrep.extract.numbers)."""

from __future__ import annotations

import re

import pytest

from sitrep.extract.numbers import (
    CasualtyMention,
    acled_fatalities,
    find_casualties,
    find_numbers,
    find_quantities,
    parse_number,
)

# ----------------------------------------------------------------- parse_number


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("six", 6), ("12", 12), ("1,200", 1200), ("twenty-five", 25), ("two hundred and fifty", 250),
        ("a dozen", 12), ("two dozen", 24), ("half a dozen", 6), ("dozens", 12), ("tens", 10),
        ("hundreds", 100), ("scores", 20), ("thousands", 1000), ("3.5 million", 3_500_000),
        ("a handful", None), ("several", None), ("seven six", None), ("", None),
    ],
)  # fmt: skip
def test_parse_number(words: str, value: int | None) -> None:
    assert parse_number(words) == value


# ----------------------------------------------------------------- find_numbers


def nums(text: str) -> list[tuple[str, int, str]]:
    found = find_numbers(text)
    assert all(text[n.start : n.end] == n.text for n in found)
    return [(n.text, n.value, n.qualifier) for n in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "more than 50 air, sea, and ground-launched missiles",
            [("more than 50", 50, "more_than")],
        ),
        ("At least 12 people were killed", [("At least 12", 12, "at_least")]),
        ("no fewer than 30 drones", [("no fewer than 30", 30, "at_least")]),
        ("some 1,500 people still live there", [("some 1,500", 1500, "about")]),
        ("nearly 200 shells", [("nearly 200", 200, "about")]),
        ("an estimated 40,000 troops", [("an estimated 40,000", 40000, "about")]),
        ("up to 30 drones", [("up to 30", 30, "at_most")]),
        ("fewer than ten rockets", [("fewer than ten", 10, "fewer_than")]),
        ("over 100 strikes", [("over 100", 100, "more_than")]),
        ("dozens of homes", [("dozens", 12, "at_least")]),
        ("tens of thousands of people", [("tens of thousands", 10000, "at_least")]),
        ("between 10 and 15 drones", [("between 10 and 15", 10, "at_least")]),
        ("two or three rockets", [("two or three", 2, "at_least")]),
        ("50 or more missiles", [("50 or more", 50, "at_least")]),
        ("a wave of six Russian bombers", [("six", 6, "exact")]),
    ],
)
def test_find_numbers_with_qualifiers(
    text: str, expected: list[tuple[str, int, str]]
) -> None:
    assert nums(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tu-22M3 Kh-22 S-300 M142 F-16 2S19 9M723 Su-34 Su-24",
        "on Route 66 near the 93rd Brigade and the 3rd Assault Brigade",
        "service 24/7 since 2022 at 10:30 and 22:00",
        "prices rose 50% or 5 percent, costing $1.5 billion or 300 dollars",
        "on 25 June, on June 25, on 24-25 June and on the 3rd of July",
        "No one was hurt; no one knows.",
    ],
)
def test_designations_dates_times_money_are_not_numbers(text: str) -> None:
    assert nums(text) == []


# ----------------------------------------------------------------- find_quantities

ITEMS = [
    (r"Tu-22M3(?: “Backfire”)?(?: bombers)?", "Tu-22M3"),
    (r"Kh-101/Kh-555", "Kh-101"),
    (r"Kh-22", "Kh-22"),
    (r"S-300", "S-300"),
    (r"Tu-95MS", "Tu-95MS"),
    (r"(?:Shahed(?:-136/131)? )?(?:attack )?drones?", "Shahed-136"),
    (r"(?:cruise |guided )?missiles?", "missile"),
    (r"tanks?", "tank"),
    (r"howitzers?", "howitzer"),
]


def item_spans(text: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for pattern, name in ITEMS:
        for m in re.finditer(pattern, text):
            if not any(m.start() < e and s < m.end() for s, e, _ in spans):
                spans.append((m.start(), m.end(), name))
    return sorted(spans)


def qty(text: str) -> list[tuple[str, str | None, int, str]]:
    return [
        (q.item, q.role, q.value, q.qualifier)
        for q in find_quantities(text, item_spans(text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A wave of six Russian Tu-22M3 “Backfire” bombers launched 12 Kh-22 cruise missiles from Belarusian airspace.",
            [("Tu-22M3", "used", 6, "exact"), ("Kh-22", "launched", 12, "exact")],
        ),
        (
            "The raid was part of a strike involving more than 50 air, sea, and ground-launched missiles fired at Ukraine.",
            [("missile", "launched", 50, "more_than")],
        ),
        (
            "Of the 40 missiles launched, 33 were shot down, the Air Force said.",
            [
                ("missile", "launched", 40, "exact"),
                ("missile", "intercepted", 33, "exact"),
            ],
        ),
        (
            "Overnight, air defence destroyed 31 of 33 Shahed drones.",
            [
                ("Shahed-136", "intercepted", 31, "exact"),
                ("Shahed-136", "launched", 33, "exact"),
            ],
        ),
        (
            "Russia fired three cruise missiles at Odesa; two of them were intercepted.",
            [
                ("missile", "launched", 3, "exact"),
                ("missile", "intercepted", 2, "exact"),
            ],
        ),
        (
            (
                "The enemy attacked Ukraine with 36 Shahed-136/131 attack drones and 10 Kh-101/Kh-555 cruise missiles "
                "launched from Tu-95MS strategic bombers."
            ),
            [
                ("Shahed-136", "launched", 36, "exact"),
                ("Kh-101", "launched", 10, "exact"),
            ],
        ),
        (
            "As a result of combat work, air defence destroyed 27 attack drones and 8 cruise missiles.",
            [
                ("Shahed-136", "intercepted", 27, "exact"),
                ("missile", "intercepted", 8, "exact"),
            ],
        ),
        (
            "Ukrainian forces destroyed 5 tanks and captured 2 howitzers near Bakhmut.",
            [("tank", "destroyed", 5, "exact"), ("howitzer", "captured", 2, "exact")],
        ),
        (
            "In Kharkiv, two S-300 missiles hit an industrial facility.",
            [("S-300", "hit", 2, "exact")],
        ),
        (
            "Russia launched 40 drones overnight. Air defence shot down 33.",
            [
                ("Shahed-136", "launched", 40, "exact"),
                ("Shahed-136", "intercepted", 33, "exact"),
            ],
        ),
    ],
)
def test_find_quantities(
    text: str, expected: list[tuple[str, str | None, int, str]]
) -> None:
    assert qty(text) == expected


def test_quantity_spans_point_at_the_number() -> None:
    text = "Bombers launched 12 Kh-22 cruise missiles."
    (q,) = find_quantities(text, item_spans(text))
    assert (q.start, q.end, q.text) == (text.index("12"), text.index("12") + 2, "12")


def test_numbers_counting_nothing_are_left_out() -> None:
    text = (
        "The strike killed 3 people and 1,200 troops moved 10 km from the missile site."
    )
    assert qty(text) == []
    assert find_quantities("Russia launched 12 missiles.", []) == []


# ----------------------------------------------------------------- find_casualties


def cas(text: str) -> list[tuple[str, str, int, str, str | None]]:
    found = find_casualties(text)
    assert all(text[c.start : c.end] == c.text for c in found)
    return [(c.group, c.outcome, c.value, c.qualifier, c.side) for c in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At least 12 people were killed and dozens were injured in the strike on the shopping centre.",
            [
                ("unknown", "killed", 12, "at_least", None),
                ("unknown", "injured", 12, "at_least", None),
            ],
        ),
        (
            "Russian shelling hit the market in Avdiivka, killing 6 civilians, including 2 women.",
            [("civilians", "killed", 6, "exact", None)],
        ),
        (
            (
                "Russian artillery shelled Kherson, killing a 73-year-old woman and wounding seven people, "
                "including a police officer, regional governor Oleksandr Prokudin said."
            ),
            [
                ("civilians", "killed", 1, "exact", None),
                ("unknown", "injured", 7, "exact", None),
            ],
        ),
        (
            "He said at least two civilians were killed and four wounded in the town.",
            [
                ("civilians", "killed", 2, "at_least", None),
                ("civilians", "injured", 4, "exact", None),
            ],
        ),
        (
            "A man was killed in Nikopol, Governor Serhii Lysak said.",
            [("civilians", "killed", 1, "exact", None)],
        ),
        (
            "Two children were injured by falling debris.",
            [("civilians", "injured", 2, "exact", None)],
        ),
        (
            "Three Ukrainian soldiers were wounded in the attack.",
            [("military", "injured", 3, "exact", "UA")],
        ),
        (
            "Five Russian servicemen died when the depot exploded.",
            [("military", "killed", 5, "exact", "RU")],
        ),
        (
            "The death toll rose to 25 on Sunday, officials said.",
            [("unknown", "killed", 25, "exact", None)],
        ),
        (
            "Hundreds of people lost their lives in Mariupol.",
            [("unknown", "killed", 100, "at_least", None)],
        ),
        (
            "The strike killed three and wounded 12.",
            [
                ("unknown", "killed", 3, "exact", None),
                ("unknown", "injured", 12, "exact", None),
            ],
        ),
        (
            "Regional governor Vyacheslav Gladkov said no one was hurt.",
            [("unknown", "injured", 0, "exact", None)],
        ),
        (
            "Two S-300 missiles hit an industrial facility, injuring three people, including a 52-year-old woman.",
            [("unknown", "injured", 3, "exact", None)],
        ),
        (
            "The administration said two truck drivers were injured and taken to hospital.",
            [("civilians", "injured", 2, "exact", None)],
        ),
    ],
)
def test_find_casualties(
    text: str, expected: list[tuple[str, str, int, str, str | None]]
) -> None:
    assert cas(text) == expected


def test_no_casualties_is_zero_killed_and_injured() -> None:
    assert sorted(cas("There were no casualties, the mayor said.")) == [
        ("unknown", "injured", 0, "exact", None),
        ("unknown", "killed", 0, "exact", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Dozens of homes and a bus station were damaged.",
        "Some 1,200 troops moved towards Lysychansk.",
        "2 women protested outside the city council.",
        "A wave of six Russian Tu-22M3 bombers launched 12 Kh-22 cruise missiles.",
    ],
)
def test_not_casualties(text: str) -> None:
    assert find_casualties(text) == []


def test_casualty_text_is_the_evidence_phrase() -> None:
    (c,) = find_casualties(
        "In Izium, three civilians were killed when a missile hit a school."
    )
    assert c.text == "three civilians were killed"


# ----------------------------------------------------------------- ACLED fatalities


def c(group: str, outcome: str, value: int, side: str | None = None) -> CasualtyMention:
    return CasualtyMention(0, 0, "", group, outcome, value, "exact", side)


def test_acled_fatalities_ignores_injuries_and_keeps_the_lowest_figure() -> None:
    found = find_casualties(
        "At least 12 people were killed and dozens were injured. Later officials said 15 people were killed."
    )
    assert acled_fatalities(found) == 12


def test_acled_fatalities_adds_distinct_groups_and_sides() -> None:
    assert (
        acled_fatalities(
            [
                c("civilians", "killed", 6),
                c("military", "killed", 3, "UA"),
                c("military", "killed", 2, "RU"),
            ]
        )
        == 11
    )
    assert (
        acled_fatalities([c("civilians", "killed", 6), c("civilians", "injured", 40)])
        == 6
    )


def test_acled_fatalities_unknown_group_may_overlap_known_ones() -> None:
    assert (
        acled_fatalities([c("unknown", "killed", 12), c("civilians", "killed", 6)])
        == 12
    )
    assert (
        acled_fatalities([c("unknown", "killed", 2), c("civilians", "killed", 6)]) == 6
    )
    assert acled_fatalities([]) == 0


def test_acled_fatalities_vague_amounts() -> None:
    assert acled_fatalities(find_casualties("Dozens of civilians were killed.")) == 12
    assert acled_fatalities(find_casualties("Hundreds of people died.")) == 100
    assert acled_fatalities(find_casualties("Tens of soldiers were killed.")) == 10
