"""The date + bounding-box query uses the date index and stays fast on a few thousand events."""

from __future__ import annotations

import re
import time
from datetime import date

import pytest

from sitrep.model import EventFilter
from sitrep.store import open_store
from sitrep.store.synthetic import synthetic_corpus

WEEK_BBOX = EventFilter(since="2022-06-20", until="2022-06-26", bbox=(30.0, 46.0, 34.0, 51.0), limit=100)


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("speed") / "speed.db")
    for doc, events in synthetic_corpus(4000, seed=7, first_day=date(2022, 2, 24), days=365, events_per_doc=40):
        store.add_document(doc, events)
    yield store
    store.close()


def test_store_week_bbox_plan_uses_date_index(big):
    plan = " | ".join(big.explain(WEEK_BBOX))
    assert "USING INDEX events_date" in plan, plan
    assert not re.search(r"\bSCAN e\b", plan), plan  # never a full scan of the events table
    assert "event_locations_event" in plan, plan


def test_store_term_and_text_filters_avoid_full_scans(big):
    for flt in (
        EventFilter(since="2022-06-20", until="2022-06-26", actor="wagner"),
        EventFilter(since="2022-06-20", until="2022-06-26", kind=("strike",), country="UA"),
    ):
        plan = " | ".join(big.explain(flt))
        assert not re.search(r"\bSCAN e\b", plan), plan  # driven by an index, not a table scan


def _p95(fn, runs: int = 40) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    times.sort()
    return times[int(runs * 0.95) - 1]


def test_store_week_bbox_is_fast(big):
    assert len(big.query_events(WEEK_BBOX)) > 0
    p95 = _p95(lambda: big.query_events(WEEK_BBOX))
    stats_p95 = _p95(lambda: big.stats(EventFilter()))
    # ~2 ms and ~2 ms here on 4,000 events; the bounds leave room for a loaded CI machine
    assert p95 < 0.05, f"week+bbox p95 {p95 * 1000:.1f} ms"
    assert stats_p95 < 0.1, f"stats p95 {stats_p95 * 1000:.1f} ms"
