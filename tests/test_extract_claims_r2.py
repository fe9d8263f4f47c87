"""Round-2 claim rules: appositive titles, pronouns that speak again, participles, concessions,
congratulations, object-first denials, "still hold" denials, officeholders by date, infinitive
forecasts. Sentences are paraphrases written for these tests (other names, places and numbers than
the gold passages)."""

from __future__ import annotations

from datetime import date

import pytest

import sitrep
from sitrep.extract.claims import find_claims, stance
from sitrep.knowledge import classify_source
from sitrep.knowledge.sources import officeholder


def _claims(text: str) -> list[tuple[str, str | None, str]]:
    return [(m.claim.source, m.claim.verb, m.claim.modality) for m in find_claims(text, stance(text, False))]


def _events(text: str, published: str = "2024-05-01") -> list[tuple[str, set[tuple[str, str]]]]:
    return [(e.kind, {(c.source, c.modality) for c in e.claims}) for e in sitrep.extract(text, published=published)]


def test_person_then_appositive_title_is_the_source() -> None:
    text = "Two drones hit a factory in Poltava on Tuesday, Volodymyr Kohut, the Poltava governor, told reporters."
    got = find_claims(text, stance(text, False))
    assert [(m.claim.source, m.claim.source_type, m.claim.verb) for m in got] == [("Volodymyr Kohut", "government", "told")]


def test_appositive_title_gives_the_type_of_an_unknown_person() -> None:
    text = "Ukrainian drones struck a radar station in Crimea overnight, Andrii Yusov, a spokesman for Ukraine's military intelligence, said."
    got = find_claims(text, stance(text, False))
    assert [(m.claim.source, m.claim.source_type) for m in got] == [("Andrii Yusov", "intelligence")]
    text = "A glide bomb hit a clinic in Zaporizhzhia, injuring nine people, according to Ivan Fedorov, the head of the regional military administration."
    assert [(m.claim.source, m.claim.source_type) for m in find_claims(text, stance(text, False))] == [("Ivan Fedorov", "government")]


def test_officer_named_after_body_and_rank_is_the_source() -> None:
    assert classify_source("Ukrainian Navy spokesman Captain Dmytro Pletenchuk").name == "Dmytro Pletenchuk"
    assert classify_source("Ukrainian Navy spokesman Captain Dmytro Pletenchuk").source_type == "military"
    assert classify_source("Russia's defence minister Sergei Shoigu").name == "Sergei Shoigu"
    assert classify_source("Ukrainian Navy spokesman").name == "Ukrainian Navy"  # no name: the body


def test_pronoun_speaks_for_the_person_named_before() -> None:
    text = (
        "Russian forces shelled Kherson on Sunday, killing a man, governor Oleksandr Prokudin said. "
        "Ukrainian troops also repelled an assault near Krynky, he added."
    )
    events = _events(text)
    assert ("battle", {("Oleksandr Prokudin", "asserted")}) in events


def test_second_verb_of_the_same_subject() -> None:
    text = "Governor Alexander Bogomaz claimed that all drones had been shot down, but admitted that a storage tank caught fire."
    assert _claims(text) == [("Alexander Bogomaz", "claimed", "claimed"), ("Alexander Bogomaz", "admitted", "asserted")]


def test_concession_of_damage_goes_to_the_strike() -> None:
    text = (
        "Ukrainian drones targeted an oil depot in the Bryansk region overnight. Governor Alexander Bogomaz claimed "
        "that all drones had been shot down, but admitted that a storage tank caught fire."
    )
    events = dict(_events(text))
    assert events["strike"] == {("Alexander Bogomaz", "asserted")}
    assert events["interception"] == {("Alexander Bogomaz", "claimed")}


def test_participle_reports_for_the_sentence_subject() -> None:
    text = "Russian President Vladimir Putin visited Mariupol on Saturday, saying reconstruction of the city was under way."
    assert _claims(text) == [("Vladimir Putin", "saying", "asserted")]
    # a participle after a named source belongs to that source's clause, not to the sentence subject
    text = "Ukraine's air force said it downed 20 drones, adding that debris fell on Lviv."
    assert [c[0] for c in _claims(text)] == ["Ukrainian Air Force"]


def test_congratulating_troops_on_a_capture_is_a_claim() -> None:
    text = "Russian Defence Minister Sergei Shoigu congratulated the troops on the capture of Marinka."
    assert _claims(text) == [("Sergei Shoigu", "congratulated", "claimed")]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Israeli drones struck a house in Rafah, killing four people, Gaza health officials said, a report the Israeli military disputed.", "Israel Defense Forces"),
        ("The rebels said they had downed a helicopter, claims the junta quickly rejected.", "junta"),
    ],
)
def test_object_first_denial(text: str, source: str) -> None:
    got = {(s, m) for s, _, m in _claims(text)}
    assert any(source in s and m == "denied" for s, m in got), got


def test_defenders_still_holding_denies_a_rivals_capture_claim() -> None:
    text = (
        "Russian milbloggers claimed that Russian forces had seized Krasnohorivka, but a Ukrainian brigade said "
        "its soldiers still hold positions in the town."
    )
    (kind, claims), = _events(text)
    assert kind == "territory_change"
    assert {m for _, m in claims} == {"claimed", "denied"}


def test_holding_without_a_rival_claim_stays_a_report() -> None:
    text = "Ukrainian forces recaptured Klishchiivka on Sunday and continue to hold the village, the General Staff said."
    for kind, claims in _events(text):
        assert all(m != "denied" for _, m in claims)


def test_officeholder_by_region_and_date() -> None:
    assert officeholder("governor", "Kursk", date(2024, 1, 10)).name == "Roman Starovoit"
    assert officeholder("governor", "Kursk", date(2024, 8, 10)).name == "Alexei Smirnov"
    assert officeholder("governor", "Odesa", date(2022, 6, 1)).name == "Maksym Marchenko"
    assert officeholder("governor", "Atlantis", date(2024, 1, 1)) is None


def test_bare_title_resolves_to_the_officeholder_of_the_event_region() -> None:
    events = _events("Shelling damaged a school in Sudzha on Monday, the governor said.", "2024-01-15")
    assert events == [("strike", {("Roman Starovoit", "asserted")})]
    events = _events("Shelling damaged a school in Sudzha on Monday, the governor said.", "2024-08-12")
    assert events == [("strike", {("Alexei Smirnov", "asserted")})]


def test_title_naming_its_region_resolves_to_that_officeholder() -> None:
    events = _events("A drone hit a warehouse in Kupiansk overnight, the Kharkiv governor said.", "2023-09-01")
    assert ("strike", {("Oleh Syniehubov", "asserted")}) in events


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Russian forces are highly unlikely to cross the Dnipro in strength this year.", "predicted"),
        ("Russia is likely to have lost more than 40 tanks near the town.", "assessed"),
        ("The strikes are likely to be intended to degrade Ukrainian logistics.", "assessed"),
    ],
)
def test_yardstick_with_infinitive_is_a_forecast(text: str, modality: str) -> None:
    assert stance(text, False).modality == modality


def test_trailing_attribution_does_not_cover_a_following_where_clause() -> None:
    text = (
        "Canada will send Ukraine 50 armoured vehicles, Prime Minister Justin Trudeau announced in Kyiv on Saturday, "
        "where he signed a security agreement with President Zelensky."
    )
    for kind, claims in _events(text, "2024-02-24"):
        if kind == "diplomacy":
            assert not any("Trudeau" in s for s, _ in claims)
        if kind == "logistics":
            assert any("Trudeau" in s for s, _ in claims)
