"""Which sentences and clauses make which events (frames_for, _clause_split, group_frames).

General sentences written for these behaviours (not copied from the gold files)."""

from __future__ import annotations

from sitrep.extract import extract_text


def kinds(text: str, published: str = "2024-03-12") -> list[str]:
    return sorted(e.kind for e in extract_text(text, published=published))


def test_hedged_reading_of_a_reported_event_is_its_own_assessment() -> None:
    text = (
        "Ukrainian forces recaptured the village of Pishchane on Tuesday, the General Staff said. "
        "Analysts said the Russian withdrawal was probably part of an effort to shorten the front line."
    )
    events = extract_text(text, published="2024-03-13")
    assert sorted(e.kind for e in events) == ["assessment", "territory_change"]
    judgement = next(e for e in events if e.kind == "assessment")
    assert any(c.modality == "assessed" and c.probability == (0.55, 0.75) for c in judgement.claims)


def test_expletive_it_does_not_join_the_event_before() -> None:
    text = (
        "Unidentified drones struck an oil refinery in Novoshakhtinsk on Sunday, the regional governor said. "
        "It is highly likely that the attack was intended as retaliation for strikes on Ukrainian power plants."
    )
    assert kinds(text, "2024-03-18") == ["assessment", "strike"]


def test_hedged_judgement_that_the_event_happened_stays_with_it() -> None:
    text = (
        "Ukraine struck a Russian patrol ship near Sevastopol on 5 March. "
        "It is almost certain that the vessel has been put out of action."
    )
    assert kinds(text, "2024-03-07") == ["strike"]


def test_forecast_with_an_event_word_is_an_assessment() -> None:
    text = "There is a realistic possibility that Russia will launch fresh assaults towards Chasiv Yar in the coming weeks."
    assert kinds(text) == ["assessment"]


def test_modal_with_a_bare_verb_is_a_possibility_not_a_delivery() -> None:
    text = "European officials said Tehran could ship short-range ballistic missiles to Russia within weeks."
    assert kinds(text) == ["assessment"]


def test_two_judgements_split_by_a_semicolon() -> None:
    text = (
        "Russian forces are unlikely to break through near Robotyne this month; "
        "they will almost certainly keep attacking near Avdiivka instead."
    )
    assert kinds(text) == ["assessment", "assessment"]


def test_unhedged_would_in_reported_speech_is_no_forecast() -> None:
    text = "The commander pulled his troops out of the town on Monday, saying they would regroup near Siversk."
    assert "assessment" not in kinds(text, "2024-03-12")


def test_reading_that_links_to_a_new_event_keeps_both() -> None:
    text = (
        "The surge in cross-border shelling is likely connected to a meeting on Friday in Minsk "
        "between Vladimir Putin and Alexander Lukashenko."
    )
    assert "diplomacy" in kinds(text, "2024-03-16")
