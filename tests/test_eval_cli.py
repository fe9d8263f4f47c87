"""`sitrep eval` prints per-field scores, a confusion matrix and the worst errors."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from sitrep.cli import app

ROWS = [
    {"id": "1", "text": "Russian forces shelled Kharkiv on Monday, killing two civilians.", "label": "ART_MISS_ATTACK"},
    {"id": "2", "text": "Police arrested 40 people in Minsk on Sunday.", "label": "ARREST"},
    {"id": "3", "text": "A strong earthquake damaged hundreds of houses in the south.", "label": "NATURAL_DISASTER"},
]


def test_eval_cli_scores_a_case_file(tmp_path):
    p = tmp_path / "case.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in ROWS) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["eval", str(p), "--by", "class", "--errors", "2"])
    assert res.exit_code == 0, res.output
    assert "(case): 3 documents" in res.output
    assert "Shelling/artillery/missile attack" in res.output
    assert "micro-F1" in res.output and "macro-F1" in res.output
    assert "confusion (rows: gold" in res.output


def test_eval_cli_own_gold_prints_fields(tmp_path):
    row = {"id": "g1", "published": "2024-05-06", "text": "Russian forces shelled Kharkiv on Monday.",
           "events": [{"kind": "strike", "acled": None, "locations": [], "claims": []}]}
    p = tmp_path / "gold.jsonl"
    p.write_text(json.dumps(row) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["eval", str(p)])
    assert res.exit_code == 0, res.output
    for field in ("event", "kind", "date", "locations", "claim_modality"):
        assert f"\n{field} " in res.output


def test_eval_cli_missing_file_is_one_line_error(tmp_path):
    res = CliRunner().invoke(app, ["eval", str(tmp_path / "nope.jsonl")])
    assert res.exit_code == 1
    assert "nope.jsonl" in res.output and "no such gold file" in res.output
