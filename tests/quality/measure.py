"""The numbers the quality gate pins: one flat dict of scores per gold set (shared by the
gate test and bench/eval_floors.py)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from sitrep.evaluate import EvalReport, evaluate

ROOT = Path(__file__).resolve().parents[2]
SETS = {
    "gold": ROOT / "tests" / "gold" / "passages.jsonl",
    "heldout": ROOT / "tests" / "gold" / "heldout.jsonl",
    "case": ROOT / "tests" / "data" / "case2021_task2_dev.jsonl",
    "ucdp": ROOT / "tests" / "data" / "ucdp_ukraine_dev.jsonl",
}


@cache
def report(section: str) -> EvalReport:
    return evaluate(SETS[section])


def measure(section: str) -> dict[str, float]:
    r = report(section)
    out = {f"{f.name}_f1": f.f1 for f in r.fields}
    if section == "case":
        out["micro_f1"] = r.micro_f1
        out["macro_f1"] = r.macro_f1
    return out
