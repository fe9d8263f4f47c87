"""Grouping frames into events: clause splits, partners, separate incidents (frames_for, assemble)."""

from __future__ import annotations

from sitrep.extract import extract_text


def test_aftermath_after_an_interception_belongs_to_the_strike() -> None:
    text = (
        "Russia launched 26 Shahed drones at southern Ukraine overnight. "
        "Air defence shot down 21 of them over Mykolaiv oblast. "
        "The drones were aimed at port facilities in Izmail."
    )
    events = extract_text(text, published="2024-02-20")
    strike = next(e for e in events if e.kind == "strike")
    interception = next(e for e in events if e.kind == "interception")
    assert any(loc.name.startswith("Izma") for loc in strike.locations)
    assert not any(loc.name.startswith("Izma") for loc in interception.locations)


def test_new_subject_after_while_starts_a_second_event() -> None:
    text = (
        "Gunmen stormed a village near Djibo on Friday, killing 14 villagers, "
        "while the group fired mortar shells at an army base in Arbinda."
    )
    events = extract_text(text, published="2024-03-16")
    assert len(events) == 2
    assert len({e.kind for e in events}) == 2


def test_reply_clause_is_no_second_event() -> None:
    text = (
        "Kyiv said Russian troops blew up a bridge over the Siverskyi Donets on Monday; "
        "Moscow denied the accusation and blamed Ukrainian shelling."
    )
    assert len(extract_text(text, published="2024-03-12")) == 1


def test_strikes_by_opposing_sides_are_two_events() -> None:
    text = (
        "Houthi forces fired an anti-ship missile at a Greek-owned tanker in the Red Sea on Monday. "
        "The US military said its jets struck Houthi radar sites in Yemen hours later."
    )
    events = [e for e in extract_text(text, published="2024-02-13") if e.kind == "strike"]
    assert len(events) == 2
    assert {loc.name for loc in events[0].locations} != {loc.name for loc in events[1].locations}


def test_separately_reported_strike_is_its_own_event() -> None:
    text = (
        "Russian shelling killed a woman in Nikopol on Thursday, the regional governor said. "
        "Separately, a drone hit a tractor near Marhanets, injuring its driver."
    )
    assert [e.kind for e in extract_text(text, published="2024-03-14")] == ["strike", "strike"]


def test_pronoun_that_names_the_speaker_is_no_reference_to_the_event() -> None:
    text = (
        "Norway will give Ukraine further NASAMS launchers and artillery ammunition, the government said on Thursday. "
        "It added that a first batch of CV90 vehicles had arrived in Ukraine on Monday."
    )
    events = extract_text(text, published="2024-03-14")
    assert [e.kind for e in events] == ["logistics", "logistics"]
    assert events[0].date.start != events[1].date.start


def test_visit_and_agreement_in_separate_sentences_are_two_events() -> None:
    text = (
        "The prime ministers of Estonia and Latvia arrived in Kyiv by train on Tuesday. "
        "Estonia signed a ten-year security agreement with Ukraine."
    )
    assert [e.kind for e in extract_text(text, published="2024-03-12")] == ["diplomacy", "diplomacy"]


def test_count_of_launched_munitions_inside_an_interception_is_also_the_attack() -> None:
    text = "Nineteen of the 27 drones that Russia launched at Kharkiv oblast overnight were shot down, the air force said."
    events = extract_text(text, published="2024-03-20")
    assert sorted(e.kind for e in events) == ["interception", "strike"]
    strike = next(e for e in events if e.kind == "strike")
    assert any(q.role == "launched" and q.value == 27 for q in strike.quantities)


def test_a_later_reply_by_the_other_side_is_its_own_strike() -> None:
    text = (
        "Hezbollah fired a barrage of rockets at Kiryat Shmona on Tuesday. "
        "Israeli aircraft later struck a Hezbollah weapons depot near Tyre."
    )
    assert [e.kind for e in extract_text(text, published="2024-03-12")] == ["strike", "strike"]


def test_a_list_of_weapons_joined_by_and_is_one_attack() -> None:
    text = (
        "Russia fired nine attack drones, two Iskander-M ballistic missiles and two Kh-59 guided missiles at Odesa overnight, "
        "and air defence shot down all of the drones."
    )
    events = extract_text(text, published="2024-03-15")
    assert sorted(e.kind for e in events) == ["interception", "strike"]


def test_launch_areas_joined_by_and_do_not_split_the_attack() -> None:
    text = "The enemy launched 22 Shahed drones from Primorsko-Akhtarsk and Kursk at southern and central Ukraine overnight."
    assert [e.kind for e in extract_text(text, published="2024-03-15")] == ["strike"]


def test_attack_with_missiles_and_its_interception_in_one_sentence() -> None:
    text = "Russia attacked Dnipro with four Kalibr missiles before dawn; three were intercepted, the air force said."
    assert sorted(e.kind for e in extract_text(text, published="2024-03-15")) == ["interception", "strike"]


def test_relative_clause_reports_an_earlier_event_with_its_own_date() -> None:
    text = "The ministry said it had dismissed the head of the border guard, Colonel Petro Ivanenko, who was arrested last month."
    events = extract_text(text, published="2024-05-18")
    assert sorted(e.kind for e in events) == ["arrest", "personnel_change"]
    dismissal = next(e for e in events if e.kind == "personnel_change")
    assert dismissal.date.start == "2024-05-18"
