"""Validate the hand-coded gold passages (tests/gold/passages.jsonl) against the event contract."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sitrep.model import (
    ACTOR_ROLES,
    DATE_PRECISIONS,
    KINDS,
    LOCATION_ROLES,
    MODALITIES,
    QUALIFIERS,
    QUANTITY_ROLES,
    SOURCE_TYPES,
    TIMES_OF_DAY,
    WEAPON_ROLES,
)

GOLD = Path(__file__).parent / "gold" / "passages.jsonl"
REGISTERS = {"airforce", "wire", "liveblog", "mod", "thinktank"}
PASSAGE_KEYS = {"id", "register", "published", "text", "events"}
EVENT_KEYS = {"kind", "acled", "date", "locations", "actors", "weapons", "quantities",
              "casualties", "fatalities", "claims", "flags"}
# ACLED codebook 2023: event type -> sub-event types
ACLED = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
YARDSTICK = {(0.0, 0.05), (0.10, 0.20), (0.25, 0.35), (0.40, 0.50), (0.55, 0.75), (0.80, 0.90), (0.95, 1.0)}
CASUALTY_GROUPS = {"civilians", "military", "unknown"}
CASUALTY_OUTCOMES = {"killed", "injured"}


def _load() -> list[dict]:
    records = []
    for n, line in enumerate(GOLD.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"{GOLD}:{n}: blank line; remove it"
        records.append(json.loads(line))
    return records


RECORDS = _load()


def test_gold_file_size_and_coverage() -> None:
    assert len(RECORDS) >= 200
    assert sum(1 for r in RECORDS if not r["events"]) >= 30
    kinds = {e["kind"] for r in RECORDS for e in r["events"]}
    assert kinds == set(KINDS), f"kinds missing from gold: {set(KINDS) - kinds}"
    assert {r["register"] for r in RECORDS} == REGISTERS
    subs = {(e["acled"] or {}).get("sub_event_type") for r in RECORDS for e in r["events"]}
    for needed in ("Air/drone strike", "Shelling/artillery/missile attack", "Disrupted weapons use",
                   "Non-state actor overtakes territory", "Government regains territory"):
        assert needed in subs
    modalities = {c["modality"] for r in RECORDS for e in r["events"] for c in e["claims"]}
    assert {"denied", "claimed", "assessed"} <= modalities


def test_gold_ids_unique() -> None:
    ids = [r["id"] for r in RECORDS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("rec", RECORDS, ids=[r["id"] for r in RECORDS])
def test_gold_passage_valid(rec: dict) -> None:
    rid = rec["id"]
    assert PASSAGE_KEYS <= rec.keys(), f"{rid}: missing {PASSAGE_KEYS - rec.keys()}"
    assert rec["register"] in REGISTERS
    published = date.fromisoformat(rec["published"])
    assert 2022 <= published.year <= 2024
    assert rec["text"].strip()
    for ev in rec["events"]:
        assert EVENT_KEYS <= ev.keys(), f"{rid}: missing {EVENT_KEYS - ev.keys()}"
        assert ev["kind"] in KINDS
        if ev["acled"] is not None:
            assert ev["acled"]["sub_event_type"] in ACLED[ev["acled"]["event_type"]], rid
        if ev["kind"] == "assessment":
            assert ev["acled"] is None, f"{rid}: an assessment is not an ACLED event"
        if ev["kind"] == "interception":
            assert ev["acled"]["sub_event_type"] == "Disrupted weapons use"
        d = ev["date"]
        start, end = date.fromisoformat(d["start"]), date.fromisoformat(d["end"])
        assert start <= end <= published, f"{rid}: event dated after publication"
        assert d["precision"] in DATE_PRECISIONS
        assert d["time_of_day"] in TIMES_OF_DAY + (None,)
        if d.get("text"):
            assert d["text"].lower() in rec["text"].lower(), f"{rid}: date text not in passage"
        for loc in ev["locations"]:
            assert loc["role"] in LOCATION_ROLES
            assert loc["precision"] in (1, 2, 3, 4)
            assert loc["text"].lower() in rec["text"].lower(), f"{rid}: {loc['text']!r} not in passage"
            if loc["precision"] < 4:
                assert -90 <= loc["lat"] <= 90 and -180 <= loc["lon"] <= 180, rid
            if loc["precision"] < 3:
                assert loc["country"] and loc["admin1"] and loc["geonameid"], rid
        for act in ev["actors"]:
            assert act["name"] and act["role"] in ACTOR_ROLES
        for w in ev["weapons"]:
            assert w["name"] and w["role"] in WEAPON_ROLES
        for q in ev["quantities"]:
            assert q["role"] in QUANTITY_ROLES and q["qualifier"] in QUALIFIERS
            assert isinstance(q["value"], int) and q["value"] > 0
        killed = 0
        for c in ev["casualties"]:
            assert c["group"] in CASUALTY_GROUPS and c["outcome"] in CASUALTY_OUTCOMES
            assert c["qualifier"] in QUALIFIERS and c["value"] > 0
            killed += c["value"] if c["outcome"] == "killed" else 0
        assert 0 <= ev["fatalities"] <= killed, f"{rid}: fatalities exceed the killed reported"
        for cl in ev["claims"]:
            assert cl["source"] and cl["source_type"] in SOURCE_TYPES and cl["modality"] in MODALITIES
            if cl["probability"] is not None:
                lo, hi = cl["probability"]
                assert (lo, hi) in YARDSTICK, f"{rid}: {cl['probability']} not a yardstick range"
                assert cl["confidence"], f"{rid}: probability without the words behind it"
        assert all(isinstance(f, str) for f in ev["flags"])
