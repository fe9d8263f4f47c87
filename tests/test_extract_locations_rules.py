"""Which places named in a sentence are an event's locations (sitrep.extract.placing, assemble._locations)."""

from __future__ import annotations

import pytest

import sitrep
from sitrep.geo import geocode_text

PUB = "2024-03-05"


def _names(text: str, kind: str | None = None) -> list[list[str]]:
    events = sitrep.extract(text, published=PUB)
    return [[loc.name for loc in e.locations] for e in events if kind is None or e.kind == kind]


def _all_names(text: str) -> set[str]:
    return {n for names in _names(text) for n in names}


def test_locator_after_a_resolved_place_is_dropped() -> None:
    names = _all_names("Russian forces captured Ocheretyne, northwest of Avdiivka, on Sunday.")
    assert "Ocheretyne" in names
    assert "Avdiyivka" not in names


def test_edge_of_a_town_locates_the_village() -> None:
    names = _all_names("Russian troops took full control of the village of Khromove on the western edge of Bakhmut on Monday.")
    assert names == {"Khromove"}


def test_place_north_of_a_city_near_a_village_keeps_the_village() -> None:
    names = _all_names("Russian forces attacked north of Kharkiv City near Lyptsi on Sunday.")
    assert "Lyptsi" in names
    assert "Kharkiv" not in names


def test_capital_standing_for_its_government_is_no_place() -> None:
    names = _all_names("Russian missiles hit Odesa on Monday, killing three people, and Kyiv condemned the attack.")
    assert "Odesa" in names
    assert "Kyiv" not in names


def test_possessive_country_before_an_organisation_is_no_place() -> None:
    names = _all_names("Ukraine's security service said on Tuesday it had detained two men in Kharkiv.")
    assert "Ukraine" not in names


def test_capital_possessive_campaign_is_no_place() -> None:
    names = _all_names("Drones attacked an oil refinery in Ryazan overnight, in Kyiv's most extensive campaign so far.")
    assert "Kyiv" not in names


def test_ship_named_after_a_city_is_no_place() -> None:
    text = ("Ukrainian missiles struck the shipyard in Sevastopol on Wednesday, damaging the landing ship Minsk. "
            "The Minsk has almost certainly been destroyed.")
    names = _all_names(text)
    assert "Sevastopol" in names
    assert "Minsk" not in names


def test_hostages_held_somewhere_else() -> None:
    names = _all_names("Thousands of Israelis demonstrated in Tel Aviv on Saturday to call for the release of hostages held in Gaza.")
    assert names == {"Tel Aviv"}


def test_other_events_time_clause() -> None:
    names = _all_names("African leaders met Vladimir Putin in Saint Petersburg on Saturday, a day after meeting Zelensky in Kyiv.")
    assert "Saint Petersburg" in names
    assert "Kyiv" not in names


def test_states_that_helped_are_no_places() -> None:
    names = _all_names("Israel's military said 99 percent of the drones were intercepted with the help of the United States, Britain and Jordan.")
    assert not names & {"United States", "United Kingdom", "Jordan"}


def test_city_district_next_to_its_city_is_one_location() -> None:
    per_event = _names("Kharkiv was hit again overnight. Two guided bombs struck the Saltivskyi district, injuring 11 people.")
    assert per_event and all(len(names) == 1 for names in per_event if names)
    assert {n for names in per_event for n in names} == {"Kharkiv"}


def test_river_is_no_place() -> None:
    names = _all_names("Russian forces flooded areas near Kherson on Monday by breaching dams along the Dnipro.")
    assert "Dnipro" not in names
    assert "Dnipro River" not in names


def test_origin_of_a_flight_is_not_where_a_riot_was() -> None:
    names = _all_names("A mob stormed the airport in Makhachkala on Sunday, searching for passengers arriving on a flight from Tel Aviv.")
    assert "Tel Aviv" not in names


def test_region_locating_a_town_in_the_same_sentence_is_dropped() -> None:
    names = _all_names("Ukrainian forces recaptured Kupiansk in the Kharkiv region on Saturday.")
    assert names == {"Kupyansk"}


def test_region_attacked_and_a_town_hit_in_another_sentence_are_both_kept() -> None:
    text = ("Russian aircraft dropped guided bombs on the border areas of Sumy oblast overnight. "
            "Two civilians were injured when a bomb hit Bilopillia.")
    names = _all_names(text)
    assert {"Sumy Oblast", "Bilopillia"} <= names


def test_interception_takes_the_place_the_attack_was_aimed_at() -> None:
    text = "Tonight the enemy attacked Kharkiv with 10 Shahed drones. Air defence forces shot down six of the drones."
    got = _names(text, "interception")
    assert got and "Kharkiv" in got[0]


def test_interception_of_others_takes_no_place() -> None:
    text = "On Monday the enemy attacked Kryvyi Rih with four Kalibr missiles. Air defence shot down three others."
    got = _names(text, "interception")
    assert got and all("Kryvyy Rih" not in names for names in got)


def test_launch_area_is_an_origin() -> None:
    text = "Overnight Russia attacked Odesa oblast with 29 Shahed drones launched from the Cape Chauda area in Crimea."
    events = [e for e in sitrep.extract(text, published=PUB) if e.kind == "strike"]
    roles = {loc.name: loc.role for e in events for loc in e.locations}
    assert roles.get("Odesa Oblast") == "target"
    assert roles.get("Autonomous Republic of Crimea") == "origin"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Putin signed treaties to annex four regions — Donetsk, Luhansk, Zaporizhzhia and Kherson.",
         ["Donetsk Oblast", "Luhansk Oblast", "Zaporizhzhia Oblast", "Kherson Oblast"]),
        ("Drones were shot down over the regions of Kursk and Belgorod.", ["Kursk Oblast", "Belgorod Oblast"]),
    ],
)
def test_type_word_before_a_list_makes_regions(text: str, want: list[str]) -> None:
    assert [p.location.name for p in geocode_text(text)] == want


def test_both_ends_of_a_front_line() -> None:
    got = [p.location.name for p in geocode_text("Russian forces will push along the Kupiansk-Svatove line.")]
    assert got == ["Kupyansk", "Svatove"]
    assert [p.location.name for p in geocode_text("fighting on the Bakhmut–Siversk highway")] == ["Bakhmut", "Siversk"]


def test_country_pair_of_a_war_is_not_split() -> None:
    assert geocode_text("the Russia-Ukraine war entered its third year") == []


def test_sea_inside_an_organisation_name_is_no_place() -> None:
    assert geocode_text("Russia pulled out of the Black Sea Grain Initiative on Monday.")[1:] == []
    assert all(p.location.name != "Black Sea" for p in geocode_text("pulled out of the Black Sea Grain Initiative"))


def test_common_village_name_far_from_the_documents_places_is_a_namesake() -> None:
    text = ("Russian forces seized Ocheretyne and Novobakhmutivka in late April. "
            "The ministry claimed that its forces captured Semenivka as well.")
    got = {p.text: p.location for p in geocode_text(text)}
    assert "Ocheretyne" in got
    assert "Semenivka" not in got  # the Donetsk Semenivka is not in cities500; the others are 170+ km away


def test_capture_does_not_take_the_place_it_advanced_towards() -> None:
    names = _all_names("Wagner forces captured the military headquarters in Rostov-on-Don and advanced towards Moscow.")
    assert "Rostov-on-Don" in names
    assert "Moscow" not in names


def test_speaker_location_is_not_the_place_of_an_announcement() -> None:
    names = _all_names("Britain will send Ukraine £2.5 billion in military aid, the prime minister announced in London on Friday.")
    assert "London" not in names


def test_sentence_naming_what_drones_were_aimed_at_gives_the_target() -> None:
    text = ("Overnight the enemy launched 40 Shahed drones from the Primorsko-Akhtarsk and Kursk areas. "
            "Most of the drones were aimed at Kyiv.")
    strikes = [e for e in sitrep.extract(text, published=PUB) if e.kind == "strike"]
    roles = {loc.name: loc.role for e in strikes for loc in e.locations}
    assert roles.get("Kyiv") == "target"
    assert roles.get("Kursk") == "origin"


def test_place_across_the_river_from_a_plant_is_a_locator() -> None:
    names = _all_names("Russian forces shelled Nikopol across the Dnipro river from the occupied Zaporizhzhia nuclear plant on Tuesday.")
    assert names == {"Nikopol"}
