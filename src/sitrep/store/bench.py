"""Store benchmark: ``python -m sitrep.store.bench --events 100000 [--db PATH]``.

Builds (or reuses) a database of synthetic events, then prints p50/p95 latencies of the
queries the CLI and the web API make, and the query plan of the one-week + bbox query.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path

from sitrep.model import EventFilter
from sitrep.store import Store, open_store
from sitrep.store.sqlite import SQLiteStore
from sitrep.store.synthetic import synthetic_corpus

WEEK = EventFilter(since="2022-06-20", until="2022-06-26")
BBOX = (30.0, 46.0, 34.0, 51.0)
QUERIES: dict[str, EventFilter] = {
    "week + bbox, limit 100": replace(WEEK, bbox=BBOX, limit=100),
    "week + bbox, all": replace(WEEK, bbox=BBOX),
    "week, limit 500": replace(WEEK, limit=500),
    "bbox, limit 100": EventFilter(bbox=BBOX, limit=100),
    "actor, limit 100": EventFilter(actor="wagner", limit=100),
    "week + actor": replace(WEEK, actor="wagner"),
    "country + kind, limit 100": EventFilter(country="UA", kind=("battle",), limit=100),
    "text, limit 100": EventFilter(q="odesa bombers", limit=100),
    "latest 100": EventFilter(limit=100),
}


def _percentiles(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return times[len(times) // 2], times[max(0, int(len(times) * 0.95) - 1)]


def _decoded_json(store: Store, flt: EventFilter) -> list[object]:
    return [json.loads(s) for s in store.iter_event_json(flt)]


def build(path: Path, n_events: int) -> float:
    """Fill a new database with ``n_events`` synthetic events; seconds taken."""
    t = time.perf_counter()
    with open_store(path) as store:
        for doc, events in synthetic_corpus(n_events, first_day=date(2022, 2, 24), days=365, events_per_doc=20):
            store.add_document(doc, events)
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None, help="reuse or create this database")
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args(argv)
    path = args.db or Path(tempfile.gettempdir()) / f"sitrep-bench-{args.events}.db"
    if not path.exists():
        secs = build(path, args.events)
        print(f"built {path}: {args.events} events in {secs:.1f} s ({args.events / secs:,.0f} events/s)")
    store = open_store(path)
    assert isinstance(store, SQLiteStore)
    print(f"database {path} ({os.path.getsize(path) / 1e6:.0f} MB), {store.count_events(EventFilter())} events")
    print(f"{'query':28s} {'rows':>6s} {'objects p50/p95 ms':>20s} {'json p50/p95 ms':>18s}")
    for name, flt in QUERIES.items():
        rows = len(store.query_events(flt))
        o50, o95 = _percentiles(partial(store.query_events, flt), args.runs)
        j50, j95 = _percentiles(partial(_decoded_json, store, flt), args.runs)
        print(f"{name:28s} {rows:6d} {o50:9.1f} / {o95:6.1f} {j50:8.1f} / {j95:6.1f}")
    for name, flt in (("stats, all", EventFilter()), ("stats, week", WEEK)):
        s50, s95 = _percentiles(partial(store.stats, flt), args.runs)
        print(f"{name:28s} {'':6s} {s50:9.1f} / {s95:6.1f}")
    c50, c95 = _percentiles(partial(store.count_events, replace(WEEK, bbox=BBOX)), args.runs)
    print(f"{'count, week + bbox':28s} {'':6s} {c50:9.1f} / {c95:6.1f}")
    print("plan of week + bbox:", " | ".join(store.explain(QUERIES["week + bbox, limit 100"])))
    store.close()


if __name__ == "__main__":
    main()
