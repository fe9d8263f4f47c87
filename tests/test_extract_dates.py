"""Dates in news prose, resolved against the publication date (sitrep.extract.dates)."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest

from sitrep.extract.dates import DateMention, find_dates, find_time_of_day

SAT = date(2022, 6, 25)  # the seed article's publication day, a Saturday
SEED = (
    Path(__file__).resolve().parents[1]
    / "src"
    / "sitrep"
    / "samples"
    / "seed_twz_2022-06-25.txt"
)


def only(text: str, published: date | None = SAT) -> DateMention:
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0]


def span(
    text: str, published: date | None = SAT
) -> tuple[str, date, date, str, str | None]:
    d = only(text, published)
    return d.text, d.start_date, d.end_date, d.precision, d.time_of_day


# ----------------------------------------------------------------- the seed


def test_seed_on_saturday_is_the_publication_day() -> None:
    text = "Russian forces launched missile attacks from Belarus on Saturday in the first strikes of their kind."
    d = only(text)
    assert (d.text, d.start_date, d.end_date, d.precision, d.relative) == (
        "Saturday",
        SAT,
        SAT,
        "day",
        True,
    )
    assert text[d.start : d.end] == "Saturday"


def test_seed_night_of_june_25() -> None:
    text = (
        "more than 50 air, sea, and ground-launched missiles fired at Ukraine on the night of June 25, "
        "according to a Facebook post from the Air Force Command"
    )
    assert span(text) == ("on the night of June 25", SAT, SAT, "day", "night")


def test_seed_earlier_this_spring_is_a_spring_2022_range() -> None:
    text = "since targeting the Donbas earlier this spring."
    d = only(text)
    assert d.text == "earlier this spring"
    assert d.start_date == date(2022, 3, 1)
    assert date(2022, 5, 1) <= d.end_date <= date(2022, 5, 31)
    assert d.precision == "month"


def test_seed_weeks_of_fighting_is_not_a_date() -> None:
    assert (
        find_dates(
            "After weeks of heavy fighting in and around the city, Russian forces have taken it.",
            SAT,
        )
        == []
    )


@pytest.mark.skipif(not SEED.exists(), reason="seed sample not packaged")
def test_seed_article_dates_are_all_near_publication() -> None:
    found = find_dates(SEED.read_text(encoding="utf-8"), SAT)
    assert found, "the seed article names several dates"
    assert all(date(2022, 3, 1) <= d.start_date <= d.end_date <= SAT for d in found)
    assert not any("weeks" in d.text for d in found)


# ----------------------------------------------------------------- weekdays and relative days


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian forces shelled Kharkiv on Monday night, the governor said.",
            ("Monday night", date(2022, 6, 20), date(2022, 6, 20), "day", "night"),
        ),
        (
            "The strike on the depot happened last Tuesday.",
            ("last Tuesday", date(2022, 6, 21), date(2022, 6, 21), "day", None),
        ),
        (
            "Saturday morning explosions were heard in Kyiv.",
            ("Saturday morning", SAT, SAT, "day", "morning"),
        ),
        (
            "Explosions rocked Odesa overnight, officials said.",
            ("overnight", SAT, SAT, "day", "night"),
        ),
        (
            "Drones attacked Kyiv last night, the mayor said.",
            ("last night", SAT, SAT, "day", "night"),
        ),
        (
            "Officials said yesterday that the bridge was hit.",
            ("yesterday", date(2022, 6, 24), date(2022, 6, 24), "day", None),
        ),
        ("Sirens sounded across Ukraine today.", ("today", SAT, SAT, "day", None)),
        (
            "Two days ago, a missile hit Dnipro.",
            ("Two days ago", date(2022, 6, 23), date(2022, 6, 23), "day", None),
        ),
        (
            "A missile struck the city on Friday last week.",
            ("Friday last week", date(2022, 6, 17), date(2022, 6, 17), "day", None),
        ),
        (
            "Explosions were heard early Sunday near Kherson.",
            ("early Sunday", date(2022, 6, 19), date(2022, 6, 19), "day", "morning"),
        ),
        (
            "Shelling resumed late on Thursday.",
            (
                "late on Thursday",
                date(2022, 6, 23),
                date(2022, 6, 23),
                "day",
                "evening",
            ),
        ),
        (
            "This morning, sirens sounded in Kyiv.",
            ("This morning", SAT, SAT, "day", "morning"),
        ),
    ],
)
def test_relative_days(
    text: str, expected: tuple[str, date, date, str, str | None]
) -> None:
    assert span(text) == expected
    assert only(text).relative is True


def test_weekday_on_a_sunday_publication_means_the_day_before() -> None:
    sunday = date(2022, 6, 26)
    assert span("Russia struck Lviv on Saturday, the governor said.", sunday)[1] == SAT


def test_overnight_into_sunday_ends_on_sunday() -> None:
    sunday = date(2022, 6, 26)
    assert span("Russia launched 40 drones overnight into Sunday.", sunday) == (
        "overnight into Sunday",
        sunday,
        sunday,
        "day",
        "night",
    )


def test_the_day_before_follows_the_previous_date() -> None:
    found = find_dates(
        "On Thursday, Russia struck Kharkiv. The day before, drones attacked Sumy.", SAT
    )
    assert [(d.text, d.start_date) for d in found] == [
        ("Thursday", date(2022, 6, 23)),
        ("The day before", date(2022, 6, 22)),
    ]


# ----------------------------------------------------------------- explicit dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A strike hit Lviv on 3 June, the governor said.",
            ("3 June", date(2022, 6, 3), date(2022, 6, 3), "day", None),
        ),
        (
            "On the 3rd of June a strike hit Lviv.",
            ("3rd of June", date(2022, 6, 3), date(2022, 6, 3), "day", None),
        ),
        (
            "Missiles struck Kyiv on June 25, 2022, officials said.",
            ("June 25, 2022", SAT, SAT, "day", None),
        ),
        (
            "Missiles struck Kyiv on 25 June 2022.",
            ("25 June 2022", SAT, SAT, "day", None),
        ),
        ("The report is dated 2022-06-25.", ("2022-06-25", SAT, SAT, "day", None)),
        ("Zvit vid 25.06.2022 was published.", ("25.06.2022", SAT, SAT, "day", None)),
        (
            "On Saturday, June 25, 2022, missiles struck Kyiv.",
            ("Saturday, June 25, 2022", SAT, SAT, "day", None),
        ),
        (
            # one night, dated by the morning it ends (tests/gold/README.md, "Dates")
        "Drones attacked the city on the night of 24-25 June.",
            ("on the night of 24-25 June", SAT, SAT, "day", "night"),
        ),
        (
            "Fighting raged on the night of June 24-25.",
            ("on the night of June 24-25", SAT, SAT, "day", "night"),
        ),
        (
            "Talks were held between 3 and 5 July 2021.",
            (
                "between 3 and 5 July 2021",
                date(2021, 7, 3),
                date(2021, 7, 5),
                "day",
                None,
            ),
        ),
        (
            "Shelling continued from June 1 to June 10.",
            (
                "from June 1 to June 10",
                date(2022, 6, 1),
                date(2022, 6, 10),
                "day",
                None,
            ),
        ),
        (
            "Shelling continued from 28 May to 3 June.",
            ("from 28 May to 3 June", date(2022, 5, 28), date(2022, 6, 3), "day", None),
        ),
        (
            "Russia intensified attacks in mid-June.",
            ("mid-June", date(2022, 6, 11), date(2022, 6, 20), "month", None),
        ),
        (
            "The offensive began in early March.",
            ("early March", date(2022, 3, 1), date(2022, 3, 10), "month", None),
        ),
        (
            "Grain exports collapsed in April.",
            ("April", date(2022, 4, 1), date(2022, 4, 30), "month", None),
        ),
        (
            "Since May 2022 the city has been occupied.",
            ("May 2022", date(2022, 5, 1), date(2022, 5, 31), "month", None),
        ),
        (
            "The bridge was repaired in 2021.",
            ("2021", date(2021, 1, 1), date(2021, 12, 31), "year", None),
        ),
        (
            "KYIV, Nov 4 - Ukrainian forces repelled attacks.",
            ("Nov 4", date(2021, 11, 4), date(2021, 11, 4), "day", None),
        ),
    ],
)
def test_explicit_dates(
    text: str, expected: tuple[str, date, date, str, str | None]
) -> None:
    assert span(text) == expected


def test_a_month_day_after_publication_is_last_year() -> None:
    assert span("A strike hit Lviv on 3 July.")[1] == date(2021, 7, 3)
    assert span("A strike hit Lviv on 3 July.", date(2022, 7, 4))[1] == date(2022, 7, 3)


def test_explicit_year_dates_are_not_relative() -> None:
    assert only("Missiles struck Kyiv on 25 June 2022.").relative is False
    assert only("Missiles struck Kyiv on 25 June.").relative is True


def test_without_publication_only_explicit_years_resolve() -> None:
    text = "On Saturday, and on 25 June, and yesterday, missiles struck Kyiv; the report is dated 25 June 2022."
    found = find_dates(text, None)
    assert [(d.text, d.start_date) for d in found] == [("25 June 2022", SAT)]


# ----------------------------------------------------------------- relative periods


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia launched attacks last week.",
            ("last week", date(2022, 6, 13), date(2022, 6, 19), "week"),
        ),
        (
            "Russia has launched attacks this week.",
            ("this week", date(2022, 6, 20), SAT, "week"),
        ),
        (
            "Russia launched attacks earlier this week.",
            ("earlier this week", date(2022, 6, 20), date(2022, 6, 24), "week"),
        ),
        (
            "Losses rose last month.",
            ("last month", date(2022, 5, 1), date(2022, 5, 31), "month"),
        ),
        (
            "Air defence shot down 20 drones in the last 48 hours.",
            ("in the last 48 hours", date(2022, 6, 23), SAT, "day"),
        ),
        (
            "Over the past week Russia shelled the town.",
            ("Over the past week", date(2022, 6, 18), SAT, "week"),
        ),
        (
            "The city was bombed last summer.",
            ("last summer", date(2021, 6, 1), date(2021, 8, 31), "month"),
        ),
    ],
)
def test_relative_periods(text: str, expected: tuple[str, date, date, str]) -> None:
    assert span(text)[:4] == expected


# ----------------------------------------------------------------- not dates


@pytest.mark.parametrize(
    "text",
    [
        "After weeks of heavy fighting, the town fell.",
        "Defenders held the bridge for three days.",
        "The hotline works 24/7.",
        "Su-24 bombers, S-300 batteries and Kh-22 missiles were seen on Route 66.",
        "Some 1,200 troops and 2 women were evacuated.",
        "The ceasefire may hold, and troops march on.",
        "At 10:30 the convoy moved; Unit 3 followed.",
        "The 93rd Brigade and 2S19 howitzers moved 40 km.",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, SAT) == []


def test_results_are_sorted_and_do_not_overlap() -> None:
    text = (
        "On the night of 24-25 June, and again on Saturday morning, Russia struck Kyiv; "
        "on 3 June and in mid-May it had struck Lviv. Earlier this week, drones hit Sumy."
    )
    found = find_dates(text, SAT)
    assert len(found) == 5
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    assert all(text[d.start : d.end] == d.text for d in found)


def test_longest_match_wins() -> None:
    assert only("Strikes on 25 June 2022 hit Kyiv.").text == "25 June 2022"
    assert (
        only("Explosions were heard overnight into Sunday.", date(2022, 6, 26)).text
        == "overnight into Sunday"
    )


# ----------------------------------------------------------------- time of day without a day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The attack happened at night.", "night"),
        ("In the morning, rescuers arrived.", "morning"),
        ("Shelling began at dawn.", "morning"),
        ("Fighting resumed in the afternoon.", "afternoon"),
        ("Drones flew in at dusk.", "evening"),
        ("Troops held the line.", None),
    ],
)
def test_find_time_of_day(text: str, expected: str | None) -> None:
    assert find_time_of_day(text) == expected


def test_time_words_alone_give_no_date() -> None:
    assert (
        find_dates(
            "The attack happened at night. In the morning, rescuers arrived.", SAT
        )
        == []
    )
