"""How sure a claim is: own successes and enemy losses, disputes, denials, forecasts, evidence."""

from __future__ import annotations

from sitrep.extract import extract_text
from sitrep.extract.claims import find_claims, stance

PUB = "2024-03-12"


def _modalities(sentence: str, prediction: bool = False) -> dict[str, str]:
    return {m.claim.source: m.claim.modality for m in find_claims(sentence, stance(sentence, prediction))}


def _event_claims(text: str) -> dict[str, str]:
    return {c.source: c.modality for e in extract_text(text, PUB) for c in e.claims if c.source != "unknown"}


def test_claimer_is_not_the_denier_in_a_which_clause():
    got = _modalities("The Russian Ministry of Defence claimed its forces took Bilohorivka, which Ukrainian officials denied.")
    assert got["Ministry of Defence of Russia"] == "claimed"
    assert got["Government of Ukraine"] == "denied"


def test_claimed_verb_beats_a_forecast_stance():
    got = _modalities("Russian officials claimed that the attackers had been heading for the border.", prediction=True)
    assert got["Government of Russia"] == "claimed"


def test_hedge_in_another_clause_does_not_hedge_the_first_source():
    s = "Ukraine's special forces said 20 officers were killed; Russia's defence ministry said one man was missing, apparently unhurt."
    assert _modalities(s)["Special Operations Forces of Ukraine"] == "asserted"


def test_yardstick_judgement_about_the_future_is_a_forecast():
    st = stance("It is highly likely that artillery shortages will persist through the winter.", False)
    assert st.modality == "predicted" and st.probability == (0.8, 0.9)


def test_yardstick_judgement_of_purpose_is_an_assessment():
    st = stance("The withdrawal is likely intended to shorten Russian supply lines.", True)
    assert st.modality == "assessed"


def test_footage_indicates_is_evidence_not_a_hedge():
    got = _modalities("Geolocated footage indicates that Ukrainian forces advanced south of the village.")
    assert got == {"Geolocated footage": "asserted"}


def test_belligerent_report_of_enemy_losses_is_a_claim():
    got = _event_claims("Russia's defence ministry said 30 Ukrainian drones were destroyed over Belgorod region overnight.")
    assert got.get("Ministry of Defence of Russia") == "claimed"


def test_own_losses_are_not_a_claim():
    got = _event_claims("Israeli jets struck Hezbollah positions in southern Lebanon on Monday. Hezbollah said three of its fighters had been killed.")
    assert got.get("Hezbollah") == "asserted"


def test_report_denied_by_the_other_side_becomes_a_claim():
    got = _event_claims("Ukraine's ombudsman says Russian forces have forcibly deported children from Oleshky; Moscow denies this.")
    assert got.get("Ombudsman of Ukraine") == "claimed"
    assert got.get("Government of Russia") == "denied"


def test_partisan_sources_make_claims():
    got = _event_claims("Ukrainian forces attacked near Robotyne on Monday, according to Russian sources.")
    assert got.get("Russian sources") == "claimed"
