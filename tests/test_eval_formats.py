"""Gold files in the three formats are read into one shape, and bad files are refused clearly."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sitrep.errors import InputError
from sitrep.evaluate import CASE_LABELS, NO_EVENT, load_gold

DATA = Path(__file__).parent / "data"
GOLD = Path(__file__).parent / "gold" / "passages.jsonl"


def _write(tmp_path: Path, rows: list[dict]) -> Path:
    p = tmp_path / "g.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return p


def test_eval_formats_detects_own_gold():
    fmt, docs = load_gold(GOLD, limit=5)
    assert fmt == "gold"
    assert len(docs) == 5
    assert docs[0].published == date(2023, 5, 14)
    assert docs[0].events and docs[0].events[0]["kind"] == "strike"
    assert docs[0].register == "airforce"


def test_eval_formats_detects_case_and_maps_labels():
    fmt, docs = load_gold(DATA / "case2021_task2_dev.jsonl")
    assert fmt == "case"
    assert len(docs) == 1019
    assert docs[0].raw_label == "AIR_STRIKE" and docs[0].label == "Air/drone strike"
    # the five non-ACLED labels all mean "no ACLED event"
    assert {CASE_LABELS[k] for k in ("ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "ATTRIB", "DIPLO")} == {NO_EVENT}
    assert len({d.label for d in docs}) == 26


def test_eval_formats_detects_ucdp_and_reads_truth():
    fmt, docs = load_gold(DATA / "ucdp_ukraine_dev.jsonl", limit=3)
    assert fmt == "ucdp"
    u = docs[0].ucdp
    assert u is not None and u.lat == pytest.approx(50.45) and u.where_prec == 1
    assert u.start == date(2014, 1, 22)
    assert "Kiev protest" in docs[0].text
    assert docs[0].published == date(2014, 1, 22)


def test_eval_formats_unknown_case_label_is_refused(tmp_path):
    p = _write(tmp_path, [{"id": "1", "text": "x", "label": "NOT_A_LABEL"}])
    with pytest.raises(InputError, match="unknown CASE label 'NOT_A_LABEL'"):
        load_gold(p)


def test_eval_formats_unrecognised_keys_ask_for_format(tmp_path):
    p = _write(tmp_path, [{"body": "x"}])
    with pytest.raises(InputError, match="--format"):
        load_gold(p)


def test_eval_formats_malformed_line_names_it(tmp_path):
    p = tmp_path / "bad.jsonl"
    p.write_text('{"id": "1", "text": "a", "label": "ARREST"}\n{not json\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        load_gold(p)


def test_eval_formats_forced_format_must_be_known(tmp_path):
    p = _write(tmp_path, [{"id": "1", "text": "a", "label": "ARREST"}])
    with pytest.raises(InputError, match="unknown gold format"):
        load_gold(p, fmt="acled")
