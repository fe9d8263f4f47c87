"""The claim rules applied to an event's gathered claims (sitrep.extract.claim_rules)."""

from __future__ import annotations

from sitrep.extract.claim_rules import disputed, names_source, one_per_source, own_success, trailing
from sitrep.model import Claim


def _claim(source: str, text: str, verb: str = "said", modality: str = "asserted", stype: str = "military") -> Claim:
    return Claim(source=source, source_type=stype, text=text, verb=verb, medium=None, modality=modality, confidence=None, probability=None)


def test_own_forces_success_is_claimed():
    s = "Hamas said its fighters had destroyed three Israeli tanks in Gaza City."
    assert own_success(_claim("Hamas", "Hamas said"), "battle", s).modality == "claimed"


def test_own_losses_stay_asserted():
    s = "Hamas said five of its fighters had been killed in the raid."
    assert own_success(_claim("Hamas", "Hamas said"), "strike", s).modality == "asserted"


def test_media_reports_are_never_turned_into_claims():
    s = "Reuters said Russian forces had taken the village."
    assert own_success(_claim("Reuters", "Reuters said", stype="media"), "territory_change", s).modality == "asserted"


def test_blame_by_the_other_side_makes_a_dispute():
    a = _claim("Government of Ukraine", "Ukraine accuses", verb="accuses", modality="claimed", stype="government")
    b = _claim("Government of Russia", "Russia says", verb="says", stype="government")
    assert [c.modality for c in disputed([a, b], "Ukraine accuses Russia of the blast; Russia says Ukraine shelled it.")] == ["claimed", "claimed"]


def test_footage_confirmation_keeps_reports_asserted():
    a = _claim("Armed Forces of Ukraine", "the army said")
    b = _claim("Russian sources", "Russian sources denied", verb="denied", modality="denied", stype="unknown")
    out = disputed([a, b], "Ukrainian troops retook the village, the army said. Geolocated footage confirms it. Russian sources denied.")
    assert out[0].modality == "asserted"


def test_one_claim_per_source_prefers_its_claim():
    a = _claim("Government of Russia", "Russian officials said", stype="government")
    b = _claim("Government of Russia", "Moscow blamed", verb="blamed", modality="claimed", stype="government")
    assert one_per_source([a, b]) == [b]


def test_trailing_attribution():
    s = "Two people were killed, the governor said on Friday."
    assert trailing(s, s.index("the governor"), s.index(" on Friday"))
    t = "Officials said two people were killed in a long series of overnight attacks on the city."
    assert not trailing(t, 0, len("Officials said"))


def test_attribution_naming_the_publisher():
    assert names_source("Air Force spokesman Yurii Ihnat said", "Air Force of Ukraine")
    assert not names_source("mayor Vitali Klitschko said", "Air Force of Ukraine")
