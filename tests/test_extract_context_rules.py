"""Round-2 error classes, on sentences written here: places and dates from a neighbouring
sentence, the implicit author of a post, claim modality, partitive counts, clock-time windows."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.errors import KnowledgeError
from sitrep.extract import extract_text
from sitrep.extract.dates import find_dates
from sitrep.knowledge import triggers as trig

PUB = "2024-05-14"


def by_kind(text: str, pub: str = PUB) -> dict[str, object]:
    return {e.kind: e for e in extract_text(text, pub)}


def test_event_without_a_place_takes_the_place_of_the_sentence_before():
    ev = by_kind(
        "Russia has almost certainly started to deploy thermobaric rocket launchers with its forces near Chasiv Yar. "
        "Fighting continues along the approaches to the town."
    )
    assert [loc.name for loc in ev["battle"].locations] == ["Chasiv Yar"]


def test_interception_borrows_only_the_place_the_attack_was_aimed_at():
    # gold convention (g004, g006, g007): "attacked Odesa ... Air defence destroyed 9 of them" -> over Odesa
    ev = by_kind("Tonight the enemy attacked Odesa with 12 Shahed drones. Air defence destroyed 9 of them.")
    assert [loc.name for loc in ev["strike"].locations] == ["Odesa"]
    assert [loc.name for loc in ev["interception"].locations] == ["Odesa"]
    # ... but not the site of one hit: the missiles shot down were not all over Lviv
    ev = by_kind("Russian cruise missiles struck a residential neighbourhood in Lviv early on Thursday. "
                 "Air defence shot down seven of the 10 missiles.")
    assert ev["interception"].locations == ()


def test_countries_that_are_parties_are_not_places_of_a_meeting():
    ev = by_kind("The leaders of Italy and Canada met President Zelensky in Kyiv on Saturday and signed security agreements.")
    names = [loc.name for loc in ev["diplomacy"].locations]
    assert "Kyiv" in names and "Italy" not in names and "Canada" not in names


def test_air_force_voice_is_the_implicit_source():
    ev = by_kind("Overnight the enemy attacked Kharkiv with 10 Shahed drones. Air defence shot down 7 of them.")
    for kind in ("strike", "interception"):
        srcs = [(c.source, c.modality) for c in ev[kind].claims]
        assert ("Ukrainian Air Force", "asserted") in srcs


def test_defence_intelligence_voice_is_assessed_and_wire_copy_has_no_author():
    ev = by_kind("Russia has highly likely deployed additional VDV units to the Zaporizhzhia sector.")
    claim = next(iter(ev.values())).claims[0]
    assert (claim.source, claim.modality) == ("British Ministry of Defence", "assessed")
    plain = extract_text("Russian missiles hit Kharkiv on Monday, killing two people.", PUB)
    assert all(c.source == "unknown" for e in plain for c in e.claims)


def test_explicit_source_is_not_doubled_by_the_voice():
    ev = by_kind("The Air Force said the enemy launched 20 Shahed drones at Ukraine overnight.")
    assert len([c for c in ev["strike"].claims if "Air Force" in c.source]) == 1


def test_denial_in_another_clause_does_not_make_the_claimant_deny():
    ev = by_kind("Russia's defence ministry said its forces had taken Khromove; Ukraine's eastern command denied it.")
    mods = {c.source: c.modality for c in ev["territory_change"].claims}
    assert mods.get("Ministry of Defence of Russia") == "claimed"
    assert "denied" in mods.values()


def test_speaker_reporting_its_own_gain_claims_it():
    ev = by_kind("Sudan's Rapid Support Forces said on Tuesday they had seized the town of Wad Madani.")
    assert {c.modality for c in ev["territory_change"].claims} == {"claimed"}


def test_partitive_count_refers_back_to_the_weapon_named_before():
    ev = by_kind("Overnight the enemy launched 44 Shahed-136 drones. Air defence destroyed 38 of them.")
    got = {(q.item, q.role, q.value) for q in ev["interception"].quantities}
    assert ("Shahed-136", "intercepted", 38) in got


def test_launched_count_in_the_interception_sentence_goes_to_the_strike():
    ev = by_kind("Of the 40 missiles launched at Ukraine overnight, 33 were shot down. The missiles targeted energy infrastructure in Lviv.")
    assert ("missile", "launched", 40) in {(q.item, q.role, q.value) for q in ev["strike"].quantities}


def test_air_attack_weapons_count_mixed_weapons():
    ev = by_kind("In total the enemy launched 82 air attack weapons at Ukraine overnight.")
    assert ("air attack weapon", 82) in {(q.item, q.value) for q in ev["strike"].quantities}


def test_clock_time_window_is_a_night_range():
    (d,) = find_dates("From 23:00 on 21 March to 04:00 on 22 March, the enemy attacked", date(2024, 3, 22))
    assert (d.start_date, d.end_date, d.time_of_day) == (date(2024, 3, 21), date(2024, 3, 22), "night")


def test_statement_date_yields_to_the_event_date():
    ev = by_kind("The institute director stated on February 12 that Russian forces used a Zircon missile in a strike against Kyiv on February 7.", "2024-02-14")
    assert ev["strike"].date.start == "2024-02-07"


def test_onset_date_in_a_relative_clause_is_not_the_event_date():
    ev = extract_text(
        "Myanmar's military said on Tuesday it had lost control of outposts near Lashio, whose offensive began on October 27.", "2023-11-14"
    )
    assert ev and ev[0].date.start == "2023-11-14"


def test_hedged_forecast_after_an_event_is_its_own_assessment():
    kinds = [e.kind for e in extract_text("Russian forces have probably flooded areas near Kherson by breaching dams. This is likely intended to slow Ukrainian advances.", PUB)]
    assert "assessment" in kinds and len(kinds) == 2


def test_voices_load_and_reject_bad_modality(monkeypatch: pytest.MonkeyPatch):
    vs = trig.voices()
    assert [v.source for v in vs] == ["Air Force of Ukraine", "Institute for the Study of War", "UK Ministry of Defence"]
    assert trig.find_voice("the enemy attacked kyiv") is vs[0]
    assert trig.find_voice("ukrainian air defence shot down four drones") is None
    bad = {"version": 1, "voices": [{"source": "X", "cues": ["x"], "modality": "sure"}]}
    monkeypatch.setattr(trig, "_load_json", lambda name: bad)
    trig.voices.cache_clear()
    try:
        with pytest.raises(KnowledgeError, match="unknown modality"):
            trig.voices()
    finally:
        monkeypatch.undo()
        trig.voices.cache_clear()


def test_city_that_speaks_or_names_a_ship_is_not_a_place():
    ev = by_kind("Ukrainian missiles hit the landing ship Novocherkassk at Feodosia on Tuesday. Moscow did not comment.")
    names = [loc.name for loc in ev["strike"].locations]
    assert "Novocherkassk" not in names and "Moscow" not in names
    assert any("Feodosi" in n for n in names)


def test_office_title_place_is_not_the_event_place():
    ev = by_kind("Russian drones hit Odesa overnight, injuring two people, Kharkiv mayor Ihor Terekhov said.")
    assert [loc.name for loc in ev["strike"].locations] == ["Odesa"]


def test_country_next_to_a_town_of_another_country_is_dropped():
    ev = by_kind("Ukrainian missiles struck the headquarters of Russia's Black Sea Fleet in Sevastopol on Friday.")
    assert [loc.name for loc in ev["strike"].locations] == ["Sevastopol"]


def test_bare_ministry_is_named_for_the_country_of_the_event():
    ev = by_kind("Police detained 45 people at a rally in Makhachkala on Sunday, the interior ministry said.")
    assert "Ministry of Internal Affairs of Russia" in [c.source for c in ev["arrest"].claims]

