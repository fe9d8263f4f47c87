"""Place precision and recall on the gold passages' event locations (issue 3 follow-up), pinned."""

from __future__ import annotations

from pathlib import Path

from sitrep.geo.evaluate import evaluate_passages

GOLD = Path(__file__).parent / "gold" / "passages.jsonl"
# Floors move down only on purpose. Measured 2026-11-28 (before -> after the false-positive fixes):
# recall 216/228 = 94.7% -> 221/228 = 96.9%; precision on gold places 223/226 = 98.7% -> 228/229 = 99.6%;
# foreign false positives 4 -> 1 (the one left, Vilnius, is a real place the events do not use);
# far namesakes 5 -> 0; place precision 97.6% (of 492 resolved) -> 99.6% (of 484).
MIN_RECALL = 0.96
MIN_GOLD_PRECISION = 0.99
MIN_PRECISION = 0.99
# 2026-11-28, the set grew from 207 to 332 passages: recall 99.3% (399/402), precision 99.6% (of 801);
# foreign 2: Vilnius and Brussels (real venues the events do not use); "Osnovianskyi district" (a
# Kharkiv district) no longer resolves to Oshnaviyeh, Iran: a district named after a respelled town of
# a country the document does not name is rejected (geo/score.py ``rejection``).
MAX_FOREIGN = 2
MAX_FAR = 1


def test_geo_passages_place_precision_recall_pinned(capsys) -> None:  # type: ignore[no-untyped-def]
    r = evaluate_passages(GOLD)
    with capsys.disabled():
        print("\n" + r.render(errors=True))
    assert r.passages >= 200 and r.gold >= 200
    assert r.recall >= MIN_RECALL
    assert r.gold_precision >= MIN_GOLD_PRECISION
    assert r.precision >= MIN_PRECISION
    assert r.foreign <= MAX_FOREIGN and r.far <= MAX_FAR, [e for e in r.errors if e.kind in ("foreign", "far")]


def test_geo_passages_errors_are_typed() -> None:
    r = evaluate_passages(GOLD)
    assert {e.kind for e in r.errors} <= {"missed", "wrong", "foreign", "far"}
    assert sum(e.kind == "missed" for e in r.errors) == r.gold - r.found
    assert sum(e.kind == "foreign" for e in r.errors) == r.foreign
