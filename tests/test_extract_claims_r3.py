"""Claims round 3: publisher voices, a belligerent's own attacks, donors' offices, source names."""

from __future__ import annotations

import sitrep
from sitrep.knowledge import classify_source
from sitrep.knowledge.triggers import find_voice


def _claims(text: str, published: str = "2024-04-02") -> list[list[tuple[str, str]]]:
    return [[(c.source, c.modality) for c in e.claims] for e in sitrep.extract(text, published=published)]


def test_air_force_voice_cues() -> None:
    for text in (
        "At night the Russian invaders struck Kharkiv region with six Shahed drones.",
        "Anti-aircraft units of the Air Force shot down five of the drones.",
        "In total 19 means of air attack were recorded overnight.",
        "Air defence brought down 12 of the 14 drones over Poltava oblast.",
    ):
        voice = find_voice(text.lower())
        assert voice is not None and voice.source == "Air Force of Ukraine", text


def test_air_force_voice_not_for_russian_units() -> None:
    assert find_voice("russian anti-aircraft units of the air force shot down drones over belgorod.") is None


def test_invaders_post_gets_air_force_claim() -> None:
    found = _claims(
        "Overnight the Russian invaders launched 14 Shahed drones at Odesa region. "
        "Aviation and anti-aircraft units of the Defence Forces knocked out 11 of them."
    )
    air_force = classify_source("Air Force of Ukraine").name  # type: ignore[union-attr]
    assert found and all((air_force, "asserted") in cs for cs in found)


def test_armed_group_own_attack_is_claimed() -> None:
    found = _claims("The Houthis said they had launched three drones at a container ship in the Gulf of Aden on Monday.")
    assert found and ("Houthis", "claimed") in found[0]


def test_own_attack_overran_is_claimed() -> None:
    found = _claims("The Arakan Army said it had overrun two army camps near Buthidaung on Sunday.")
    assert found and ("Arakan Army", "claimed") in found[0]


def test_justification_targeted_stays_asserted() -> None:
    found = _claims("A strike on a house in Khan Younis killed six people, medics said. The army said it had targeted a militant commander.")
    assert found and all(m != "claimed" for cs in found for _, m in cs)


def test_office_named_by_its_capital() -> None:
    found = _claims("Poland will send Ukraine four more MiG-29 fighter jets, the government in Warsaw said on Thursday.")
    assert found and found[0][0][0] == "Government of Poland"


def test_country_with_adverb_announces() -> None:
    found = _claims("Denmark separately announced it would donate 19 F-16 jets to Ukraine.", "2023-08-21")
    assert found and found[0][0] == ("Government of Denmark", "asserted")


def test_source_names_canonicalise() -> None:
    assert classify_source("the UAE foreign ministry").name == classify_source("Emirati foreign ministry").name  # type: ignore[union-attr]
    assert classify_source("Ministry of Foreign Affairs of the United Arab Emirates") is not None
    assert classify_source("The Arakan Army").name == "Arakan Army"  # type: ignore[union-attr]
    assert classify_source("Sudan's army").name == classify_source("Military Forces of Sudan").name  # type: ignore[union-attr]
    assert classify_source("the Britain-based war monitor").name == "Syrian Observatory for Human Rights"  # type: ignore[union-attr]


def test_city_military_administration_by_event_city() -> None:
    found = _claims("A missile hit a warehouse in Kyiv early on Monday, injuring four people, the city military administration said.")
    assert found and found[0][0][0] == "Kyiv City Military Administration"


def test_epithet_names_the_source_named_before() -> None:
    found = _claims(
        "Shelling killed four civilians in Idlib province on Monday, the Syrian Observatory for Human Rights said. "
        "A car bomb also killed two fighters near Azaz, the war monitor added."
    )
    assert len(found) == 2 and found[1][0][0] == "Syrian Observatory for Human Rights"


def test_epithet_without_antecedent_is_left_alone() -> None:
    from sitrep.knowledge.sources import by_epithet

    assert by_epithet("the monitor", "Two people were killed in Aleppo.") is None
    assert by_epithet("the paramilitaries", "The Rapid Support Forces attacked El Obeid.").name == "Rapid Support Forces"  # type: ignore[union-attr]


def test_group_named_as_subject_then_described_is_claimed() -> None:
    found = _claims("Arakan Army fighters seized a police post near Maungdaw on Tuesday, the rebel group said.")
    assert found and ("Arakan Army", "claimed") in found[0]
