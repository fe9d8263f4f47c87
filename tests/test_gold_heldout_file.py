"""Validate the held-out gold set (tests/gold/heldout.jsonl) with the same checks as passages.jsonl.

The per-passage contract (keys, enums, ACLED pairs, dates, locations, yardstick ranges, fatalities)
is reused from tests/test_gold_files.py; only the size and coverage thresholds differ.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from sitrep.model import KINDS

HERE = Path(__file__).parent
HELDOUT = HERE / "gold" / "heldout.jsonl"


def _base():
    """Load tests/test_gold_files.py as a module (kept out of this module's namespace, so pytest does not re-collect it)."""
    spec = importlib.util.spec_from_file_location("_gold_files_base", HERE / "test_gold_files.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BASE = _base()


def _load() -> list[dict]:
    records = []
    for n, line in enumerate(HELDOUT.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"{HELDOUT}:{n}: blank line; remove it"
        records.append(json.loads(line))
    return records


RECORDS = _load()


def test_heldout_size_and_coverage() -> None:
    assert len(RECORDS) >= 80
    assert sum(1 for r in RECORDS if not r["events"]) >= 12
    kinds = {e["kind"] for r in RECORDS for e in r["events"]}
    assert kinds == set(KINDS), f"kinds missing from held-out gold: {set(KINDS) - kinds}"
    assert {r["register"] for r in RECORDS} == BASE.REGISTERS
    subs = {(e["acled"] or {}).get("sub_event_type") for r in RECORDS for e in r["events"]}
    for needed in ("Air/drone strike", "Shelling/artillery/missile attack", "Disrupted weapons use",
                   "Non-state actor overtakes territory", "Government regains territory"):
        assert needed in subs
    modalities = {c["modality"] for r in RECORDS for e in r["events"] for c in e["claims"]}
    assert {"denied", "claimed", "assessed", "predicted"} <= modalities


def test_heldout_ids_unique_and_disjoint() -> None:
    ids = [r["id"] for r in RECORDS]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("h") for i in ids)
    assert not set(ids) & {r["id"] for r in BASE.RECORDS}


def test_heldout_texts_not_copied_from_passages() -> None:
    seen = {r["text"].strip().lower() for r in BASE.RECORDS}
    assert not [r["id"] for r in RECORDS if r["text"].strip().lower() in seen]


def test_heldout_interceptions_carry_counts() -> None:
    counted = [e for r in RECORDS for e in r["events"]
               if e["kind"] == "interception" and any(q["role"] in ("intercepted", "destroyed") for q in e["quantities"])]
    assert len(counted) >= 8


@pytest.mark.parametrize("rec", RECORDS, ids=[r["id"] for r in RECORDS])
def test_heldout_passage_valid(rec: dict) -> None:
    BASE.test_gold_passage_valid(rec)
