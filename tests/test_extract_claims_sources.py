"""Who a claim comes from: subjects of reporting verbs, titles, live-blog prefixes, asides."""

from __future__ import annotations

from sitrep.extract import extract_text
from sitrep.extract.claims import find_claims, stance

PUB = "2024-03-12"


def _sources(sentence: str) -> list[str]:
    return [m.claim.source for m in find_claims(sentence, stance(sentence, False))]


def test_lower_case_office_before_said_is_a_source():
    assert _sources("Two civilians were wounded in Kupiansk, the regional prosecutor said.") == ["regional prosecutor"]


def test_known_institution_with_possessive_is_found():
    assert _sources("Ukraine's border service said on Monday that a patrol came under fire.") == ["State Border Guard Service of Ukraine"]


def test_relative_clause_after_a_group_stays_with_its_noun():
    assert _sources("Troops burned the market, villagers who fled told reporters.") == ["Witnesses"]


def test_title_and_name_after_according_to_gives_the_person():
    assert _sources("Three people were injured, according to mayor Ihor Terekhov.") == ["Ihor Terekhov"]


def test_live_blog_prefix_names_the_source():
    assert _sources("Russian MoD: air defence destroyed three drones over Kursk region overnight.") == ["Ministry of Defence of Russia"]


def test_verb_after_non_source_subject_is_not_a_claim():
    assert _sources("Ukrainian forces conducted the first confirmed strike with the new missile.") == []


def test_aside_in_a_relative_clause_is_not_the_events_source():
    assert _sources("The two sides swapped prisoners, a month after a crash that Moscow said was sabotage.") == []


def test_of_which_attribution_is_kept():
    assert "Government of Ukraine" in _sources("Russia fired 30 missiles, 25 of which Ukraine said were shot down.")


def test_citing_witnesses_adds_them():
    assert _sources("Gunmen killed 12 villagers, the UN refugee agency said, citing witnesses.") == ["UNHCR", "Witnesses"]


def test_rejected_a_plan_is_not_a_denial():
    assert _sources("The president rejected the peace plan on Tuesday.") == []


def test_bare_army_takes_the_country_of_the_event():
    ev = extract_text("Government forces shelled rebel positions near Gao on Tuesday, the army said.", PUB)
    assert ev and any(c.source == "Armed Forces of Mali" for c in ev[0].claims)


def test_claim_only_sentence_goes_to_the_event_before():
    ev = extract_text(
        "Russian missiles struck the city of Zaporizhzhia overnight. The energy company Ukrenergo said a substation was damaged.",
        PUB,
    )
    strikes = [e for e in ev if e.kind == "strike"]
    assert strikes and any(c.source == "Ukrenergo" for c in strikes[0].claims)


def test_leading_attribution_in_a_later_clause_does_not_cover_the_first():
    ev = extract_text(
        "Russia launched 40 drones at Odesa overnight; Ukraine's air force said 35 of them were shot down.", PUB
    )
    strikes = [e for e in ev if e.kind == "strike"]
    assert strikes and not any("Air Force" in c.source for c in strikes[0].claims)


def test_named_speaker_of_the_publisher_replaces_its_voice():
    ev = extract_text("Our air defence shot down a Su-25 near Bakhmut, Air Force spokesman Yurii Ihnat said.", PUB)
    assert ev and [c.source for c in ev[0].claims if c.source != "unknown"] == ["Yurii Ihnat"]


def test_regional_governor_is_named_from_the_events_region():
    ev = extract_text("A missile hit an apartment block in Kharkiv on Tuesday, killing two people, the regional governor said.", PUB)
    assert ev and ev[0].claims[0].source == "Oleh Syniehubov"


def test_place_after_a_preposition_is_not_the_speaker():
    assert _sources("Officials in Kharkiv said two people died.") == ["Officials"]
    assert _sources("Residents of the town said the shelling lasted all night.") == ["Witnesses"]
