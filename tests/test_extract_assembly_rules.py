"""Assembly rules measured against the gold coding conventions (tests/gold/README.md)."""

from __future__ import annotations

from sitrep.extract import extract_text


def test_assembly_strike_and_interception_in_one_sentence_are_two_events():
    evs = extract_text(
        "Houthis fired 12 drones at shipping in the Red Sea on Tuesday, all of which were shot down by US warships.",
        "2024-01-10",
    )
    assert sorted(e.kind for e in evs) == ["interception", "strike"]


def test_assembly_overnight_is_dated_by_the_morning_it_ends():
    (ev, *_) = extract_text("Russia attacked Kyiv with drones overnight, the mayor said.", "2024-05-14")
    assert (ev.date.start, ev.date.end, ev.date.time_of_day) == ("2024-05-14", "2024-05-14", "night")


def test_assembly_generic_weapon_dropped_when_a_named_one_says_it():
    (ev, *_) = extract_text("Russia launched 20 Shahed drones at Odesa overnight.", "2024-05-14")
    names = [w.name for w in ev.weapons]
    assert "Shahed-136" in names and "drone" not in names


def test_assembly_counted_munitions_in_a_strike_were_launched():
    (ev, *_) = extract_text("Russia attacked Odesa with 29 Shahed drones and two Kalibr missiles overnight.", "2024-05-14")
    roles = {q.value: q.role for q in ev.quantities}
    assert roles.get(29) == "launched" and roles.get(2) == "launched"


def test_assembly_same_kind_at_another_place_with_also_is_another_event():
    evs = extract_text(
        "Russian forces shelled Nikopol on Tuesday, injuring a man. Marhanets was also hit by drones.", "2024-05-14"
    )
    assert [e.kind for e in evs] == ["strike", "strike"]


def test_assembly_belligerent_reporting_its_own_success_claims():
    (ev, *_) = extract_text("Russia's defence ministry said on Monday its forces had captured the village of Khromove.", "2024-05-14")
    assert [c.modality for c in ev.claims if c.source == "Ministry of Defence of Russia"] == ["claimed"]


def test_assembly_plain_report_by_an_outside_source_is_asserted():
    (ev, *_) = extract_text("Russian shelling killed two people in Kherson on Monday, the regional governor said.", "2024-05-14")
    assert all(c.modality == "asserted" for c in ev.claims)


def test_assembly_unattributed_report_is_claimed_by_the_document_source():
    (ev, *_) = extract_text("Air defence destroyed 12 missiles over Kyiv overnight.", "2024-05-01", source="Air Force of Ukraine")
    assert [(c.source, c.source_type) for c in ev.claims] == [("Ukrainian Air Force", "military")]


def test_assembly_since_a_date_is_a_range_to_publication():
    (ev, *_) = extract_text("Since 6 August, Ukrainian strikes have damaged the Chonhar road bridge.", "2023-08-12")
    assert (ev.date.start, ev.date.end, ev.date.text) == ("2023-08-06", "2023-08-12", "Since 6 August")


def test_assembly_history_is_not_news():
    assert extract_text("Syria's civil war began in 2011 with protests against President Bashar al-Assad.", "2024-05-14") == []


def test_assembly_an_impossible_interception_is_none():
    evs = extract_text("Ukraine's air force said it has no weapons capable of intercepting the Kh-22.", "2023-01-15")
    assert "interception" not in [e.kind for e in evs]


def test_assembly_a_month_range_ends_at_publication():
    (ev, *_) = extract_text("Ukraine shot down more than ten Russian aircraft in February, the air force said.", "2024-02-27")
    assert (ev.date.start, ev.date.end) == ("2024-02-01", "2024-02-27")
