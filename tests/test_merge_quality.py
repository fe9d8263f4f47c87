"""Quality gate for merging: the real extractor on the merge test set, pairwise precision/recall.

The set (tests/data/merge/documents.jsonl, built by make_merge_set.py) holds real-world-like
events, each reported by 2–5 differently worded documents, with distractors: the same town on
another day, another town on the same day, and the interception of a strike. Floors are pinned
in tests/quality/merge.json.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from sitrep.extract import extract_documents
from sitrep.merge import pairwise_scores
from sitrep.model import Document
from sitrep.store import open_store

DATA = Path(__file__).parent / "data" / "merge"
GATE = json.loads((Path(__file__).parent / "quality" / "merge.json").read_text())


def _rows() -> list[dict]:
    return [json.loads(line) for line in (DATA / "documents.jsonl").read_text().splitlines() if line.strip()]


def merge_set_documents() -> tuple[list[Document], dict[str, tuple[str, str]]]:
    """The documents of the merge set and, by doc id, (gold event, gold kind)."""
    rows = _rows()
    docs = [Document(r["id"], r["text"], date.fromisoformat(r["published"]), source=r["source"]) for r in rows]
    return docs, {r["id"]: (r["gold"], r["gold_kind"]) for r in rows}


def test_merge_set_shape():
    rows = _rows()
    per_event = Counter(r["gold"] for r in rows)
    assert len(per_event) >= 60
    assert all(2 <= n <= 5 for n in per_event.values())
    sys.path.insert(0, str(DATA))
    try:
        from make_merge_set import build
    finally:
        sys.path.pop(0)
    assert build() == rows  # the committed file is what the generator writes
    kinds = Counter(r["gold_kind"] for r in {r["gold"]: r for r in rows}.values())
    assert kinds["strike"] >= 40 and kinds["interception"] >= 5 and kinds["battle"] >= 5


@pytest.fixture(scope="module")
def merged():
    docs, gold = merge_set_documents()
    store = open_store(":memory:")
    for doc, events in extract_documents(docs):
        store.add_reports(doc, events)
    yield store, gold
    store.close()


def test_merge_quality_gate(merged):
    store, gold = merged
    links = store.report_links()
    kinds = {rid: store.get_event(eid).kind for rid, _doc, eid in links}
    truth = {}
    for rid, doc_id, _eid in links:
        event, kind = gold[doc_id]
        truth[rid] = event if kinds[rid] == kind else f"other:{rid}"  # an extra event: its own
    predicted = {rid: eid for rid, _doc, eid in links}
    scores = pairwise_scores(truth, predicted)
    print(
        f"\nmerge quality: precision {scores.precision:.4f} recall {scores.recall:.4f} "
        f"(tp {scores.true_pos}, fp {scores.false_pos}, fn {scores.false_neg}; "
        f"{len(links)} reports, {len(set(truth.values()))} gold events, {len(set(predicted.values()))} merged events)"
    )
    assert scores.precision >= GATE["floors"]["precision"] >= 0.95
    assert scores.recall >= GATE["floors"]["recall"] >= 0.90


def test_merge_set_disputes_are_flagged(merged):
    store, _gold = merged
    by_event: dict[str, set[str]] = {}
    for _rid, doc_id, eid in store.report_links():
        by_event.setdefault(eid, set()).add(doc_id)
    flagged = 0
    for eid, docs in by_event.items():
        event = store.get_event(eid)
        disputes = store.disputes_for_event(eid)
        assert ("disputed" in event.flags) == bool(disputes)
        for d in disputes:
            assert len({v for v, _doc, _src in d.values}) > 1
            assert {doc for _v, doc, _src in d.values} <= docs
        if disputes:
            flagged += 1
            killed = [r.report.fatalities for r in store.reports_for_event(eid) if r.report.fatalities > 0]
            assert event.fatalities == (min(killed) if killed else 0)  # ACLED: most conservative
    assert flagged >= 5
