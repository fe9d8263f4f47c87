"""Round 2 rules for event places and dates (sitrep.extract.dates, event_dates, placing; sitrep.geo).

General sentences, not copies of gold passages: other towns, numbers, weekdays and word orders.
"""

from __future__ import annotations

from datetime import date

import pytest

import sitrep
from sitrep.extract.dates import find_dates
from sitrep.geo import geocode_text

WED = date(2024, 5, 15)  # a Wednesday


def one(text: str, published: date = WED):
    found = find_dates(text, published)
    assert len(found) == 1, found
    d = found[0]
    return d.text, d.start_date, d.end_date, d.precision, d.time_of_day


def events(text: str, published: str = "2024-05-15"):
    return sitrep.extract(text, published=published)


def names(ev) -> set[str]:
    return {loc.name for loc in ev.locations}


# ----------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one night, dated by the morning it ends
        ("Drones struck Sumy overnight on 3 to 4 May.", ("overnight on 3 to 4 May", date(2024, 5, 4), date(2024, 5, 4), "day", "night")),
        ("Shelling went on through the night of May 9-10.", ("the night of May 9-10", date(2024, 5, 10), date(2024, 5, 10), "day", "night")),
        ("Missiles flew on the night of Saturday to Sunday.", ("on the night of Saturday to Sunday", date(2024, 5, 12), date(2024, 5, 12), "day", "night")),
        ("Raids continued overnight from Monday to Tuesday.", ("overnight from Monday to Tuesday", date(2024, 5, 14), date(2024, 5, 14), "day", "night")),
        # a span of days is not a night
        ("Talks ran from 6 to 8 May.", ("from 6 to 8 May", date(2024, 5, 6), date(2024, 5, 8), "day", None)),
        # words of the hour before a date
        ("Blasts were heard in the small hours of Monday.", ("in the small hours of Monday", date(2024, 5, 13), date(2024, 5, 13), "day", "night")),
        ("Troops attacked shortly before dawn on Tuesday.", ("shortly before dawn on Tuesday", date(2024, 5, 14), date(2024, 5, 14), "day", "night")),
        ("The convoy was hit at dusk on Sunday.", ("at dusk on Sunday", date(2024, 5, 12), date(2024, 5, 12), "day", "evening")),
        # counts of hours and weeks
        ("A depot burned 30 hours ago.", ("30 hours ago", date(2024, 5, 14), date(2024, 5, 14), "day", None)),
        ("Raids hit the port in the second week of April.", ("the second week of April", date(2024, 4, 8), date(2024, 4, 14), "week", None)),
        ("Fighting flared in the last week of February.", ("the last week of February", date(2024, 2, 23), date(2024, 2, 29), "week", None)),
        ("Four villages changed hands over the past fortnight.", ("over the past fortnight", date(2024, 5, 1), WED, "week", None)),
    ],
)
def test_date_phrases(text: str, expected: tuple) -> None:
    assert one(text) == expected


def test_weekday_span_never_ends_after_publication() -> None:
    friday = date(2024, 5, 17)
    assert one("Protests lasted from Friday to Sunday.", friday)[1:3] == (date(2024, 5, 10), date(2024, 5, 12))


def test_undated_sentence_continues_the_day_of_the_one_before() -> None:
    evs = events("Russian artillery shelled Okhtyrka on Monday afternoon. Later that day a drone struck a fire engine in Trostianets.")
    by_place = {next(iter(names(e))): e for e in evs if e.locations}
    assert by_place["Trostyanets"].date.start == "2024-05-13"
    assert by_place["Okhtyrka"].date.start == "2024-05-13"


def test_the_next_day_is_one_day_on() -> None:
    evs = events("A missile hit a warehouse in Mykolaiv on Saturday. The following day, drones struck a shipyard in Ochakiv.")
    ochakiv = [e for e in evs if "Ochakiv" in names(e)]
    assert ochakiv and ochakiv[0].date.start == "2024-05-12"


def test_a_forecast_keeps_the_report_date() -> None:
    evs = events("Russian glide bombs hit Kupiansk on Monday. Moscow will almost certainly keep up the bombardment of the town.")
    assert [e.date.start for e in evs if e.kind == "assessment"] == ["2024-05-15"]


def test_date_of_a_briefing_is_not_the_event_date() -> None:
    evs = events("Speaking to journalists in Lviv on Tuesday, the regional governor said Russian troops had shelled Kupiansk over the weekend.")
    strike = [e for e in evs if e.kind == "strike"]
    assert strike and (strike[0].date.start, strike[0].date.end) == ("2024-05-11", "2024-05-12")
    assert "Lviv" not in names(strike[0])


def test_earlier_this_month_dates_the_clause() -> None:
    evs = events("Gunmen killed at least 30 villagers near Nyala earlier this month, aid workers said.")
    assert evs and (evs[0].date.start, evs[0].date.end) == ("2024-05-01", "2024-05-15")


def test_fighting_for_days_is_a_range() -> None:
    evs = events("Saboteurs crossed into the Kursk region on Sunday and fought border guards for three days near Sudzha.")
    battle = [e for e in evs if e.kind == "battle"]
    assert battle and (battle[0].date.start, battle[0].date.end) == ("2024-05-12", "2024-05-14")


# ----------------------------------------------------------------------------- places (geocoder)


def places(text: str) -> list[tuple[str, str, int]]:
    return [(m.text, m.location.name, m.location.precision) for m in geocode_text(text)]


def test_part_of_a_region_named_like_a_town() -> None:
    assert ("Gaza", "Gaza Strip", 3) in places("Tanks pushed deeper into northern Gaza on Friday.")
    assert ("Kyiv", "Kyiv", 1) in places("A rally filled central Kyiv.")  # a city's centre, not Kyiv Oblast


def test_myanmar_states_are_regions() -> None:
    found = places("Rebels overran an outpost near Hsenwi in northern Shan state.")
    assert ("Shan state", "Shan State", 3) in found
    assert any(name == "Hsenwi" for _, name, _ in found)


def test_a_country_named_in_full_gives_context() -> None:
    assert any(name == "Kidal" for _, name, _ in places("Soldiers entered Kidal in northern Mali."))


def test_the_capital() -> None:
    assert ("the Russian capital", "Moscow", 1) in places("Drones were shot down over the Russian capital.")
    found = places("Moscow's mayor said debris fell on a road in the capital.")
    assert ("the capital", "Moscow", 1) in found
    # "X, the capital of Y" and "the capital, X" add nothing
    assert [t for t, _, _ in places("Kramatorsk, the capital of the region, was shelled.")] == ["Kramatorsk"]
    assert [t for t, _, _ in places("The target was the capital, Chisinau.")] == ["Chisinau"]


# ----------------------------------------------------------------------------- places (events)


def test_where_a_speaker_was_is_not_the_event_place() -> None:
    evs = events("Speaking at a press conference in Warsaw on Wednesday, Ukraine's defence minister said Russian drones hit Izium overnight.")
    assert evs and all("Warsaw" not in names(e) for e in evs)


def test_where_people_fled_to_is_not_the_event_place() -> None:
    evs = events("Militia fighters torched homes in Sinja on Tuesday, forcing residents to flee to Gedaref.")
    assert evs and all("Al Qadarif" not in names(e) for e in evs)


def test_a_shore_named_after_a_sea() -> None:
    evs = events("A Ukrainian sea drone hit a Russian tug in the Black Sea off Sevastopol on Monday.")
    assert evs and names(evs[0]) == {"Black Sea"}


def test_launch_region_after_a_launch_site() -> None:
    evs = events("Overnight the enemy launched 18 Shahed drones from Cape Opuk in occupied Crimea at Odesa.")
    roles = {(loc.name, loc.role) for e in evs for loc in e.locations}
    assert ("Autonomous Republic of Crimea", "origin") in roles


def test_where_troops_pulled_back_to_is_not_the_town_taken() -> None:
    evs = events("Ukrainian forces recaptured Lyman on Saturday after Russian units were pulled back towards Kreminna.")
    taken = [e for e in evs if e.kind == "territory_change"]
    assert taken and "Kreminna" not in names(taken[0])


def test_places_an_earlier_operation_took_are_not_this_event() -> None:
    evs = events("Ukrainian troops raised their flag over Snihurivka on Saturday, after an offensive that pushed Russian units out of Beryslav.")
    taken = [e for e in evs if e.kind == "territory_change"]
    assert taken and "Beryslav" not in names(taken[0])


def test_sahel_alone_is_not_burkina_faso() -> None:
    assert places("Jihadist violence has spread across the Sahel.") == []


def test_a_state_of_things_is_dated_by_the_report() -> None:
    evs = events("Ukrainian troops retook Staromaiorske on 27 July, the brigade said. Russian artillery is still shelling the village.",
                 published="2024-07-30")
    assert [e.date.start for e in evs if e.kind == "territory_change"] == ["2024-07-27"]
    assert [e.date.start for e in evs if e.kind == "strike"] == ["2024-07-30"]


def test_a_judgement_borrows_no_place_it_does_not_point_at() -> None:
    evs = events("Russian forces shelled Orikhiv on Sunday. It is highly likely that Russia will keep up such attacks through the summer.",
                 published="2024-05-13")
    judged = [e for e in evs if e.kind == "assessment"]
    assert judged and judged[0].locations == ()
    evs = events("Russian forces pressed on Chasiv Yar on Sunday. They are unlikely to take the town in the coming weeks.",
                 published="2024-05-13")
    judged = [e for e in evs if e.kind == "assessment"]
    assert judged and {loc.name for loc in judged[0].locations} == {"Chasiv Yar"}


def test_a_district_of_a_named_town_is_the_town() -> None:
    evs = events("A Russian bomb hit Odesa's Kyivskyi district on Monday, injuring four people.")
    assert evs and names(evs[0]) == {"Odesa"}
    evs = events("A drone struck the Novobavarskyi district of Kharkiv on Monday.")
    assert evs and names(evs[0]) == {"Kharkiv"}


def test_a_point_at_sea_placed_from_a_port() -> None:
    evs = events("A Houthi missile struck a tanker in the Red Sea, 60 nautical miles west of Hodeidah, on Sunday.")
    assert evs and names(evs[0]) == {"Red Sea"}


def test_since_the_start_of_the_month() -> None:
    assert one("Russian forces have shelled Marhanets daily since the start of this month.")[1:4] == (date(2024, 5, 1), WED, "month")


def test_a_territorys_agency_is_a_speaker() -> None:
    evs = events("An Israeli strike killed seven people in Deir al-Balah on Tuesday, Gaza's civil defence said.")
    assert evs and all("Gaza" not in names(e) for e in evs)


def test_days_earlier_counts_back_from_the_day_before() -> None:
    evs = events("A ballistic missile hit Sumy on Wednesday. Two days earlier, drones struck a depot in Okhtyrka.", published="2024-05-24")
    okhtyrka = [e for e in evs if "Okhtyrka" in names(e)]
    assert okhtyrka and okhtyrka[0].date.start == "2024-05-20"


def test_a_separate_story_is_not_dated_by_the_one_before() -> None:
    evs = events("Police detained 15 men in Daraa on Tuesday, the monitor said. Separately, an IED killed two soldiers near Izraa.",
                 published="2024-05-24")
    izraa = [e for e in evs if e.kind == "strike"]
    assert izraa and izraa[0].date.start == "2024-05-24"


def test_working_for_a_capital_is_a_government() -> None:
    evs = events("In occupied Berdiansk, Russian-installed police arrested a teacher accused of spying for Kyiv on Monday.")
    assert evs and all("Kyiv" not in names(e) for e in evs)


def test_an_official_of_a_place_with_a_title_word() -> None:
    evs = events("Belgorod's acting governor said Ukrainian shelling killed a man in Shebekino on Sunday.")
    assert evs and all("Belgorod" not in names(e) for e in evs)


def test_a_district_named_on_its_own_after_the_town() -> None:
    evs = events("Kharkiv: a glide bomb hit a warehouse in the Industrialnyi district on Monday afternoon, the mayor said.")
    assert evs and names(evs[0]) == {"Kharkiv"}


def test_a_sentence_opening_on_another_place_is_another_event() -> None:
    evs = events("The SBU said on Monday it had detained a man in Kherson who was passing targets to Russia. "
                 "In occupied Nova Kakhovka, Russian-installed police arrested a priest accused of working for Kyiv.")
    arrests = [names(e) for e in evs if e.kind == "arrest"]
    assert {"Kherson"} in arrests and {"Nova Kakhovka"} in arrests
