"""Merge benchmark: is the cost of merging a document flat as the database grows?

    python bench/merge_ingest.py [--base 10000 100000] [--docs 10000] [--events-per-doc 1]

For each base size: a database is filled with that many synthetic events through the merging
path (``Store.add_reports``), then ``--docs`` new documents (another seed, the same days, so
they land among the stored events and many merge) are ingested, timed. Prints documents/s, the
p50/p95 latency of one ``add_reports`` call, how many reports merged into a stored event, and
the size of the largest merged event. Extraction is not timed (synthetic events).

By default the events are spread over a period that grows with the base (365 days per 100,000
events), so each day holds as many events at every size and only the database grows; with
``--same-period`` every size uses one year, so a larger base is also denser (more merges).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sitrep.model import EventFilter
from sitrep.store import open_store
from sitrep.store.synthetic import synthetic_corpus

FIRST_DAY = date(2022, 2, 24)


def fill(path: Path, n_events: int, days: int) -> float:
    t = time.perf_counter()
    with open_store(path) as store:
        for doc, events in synthetic_corpus(n_events, seed=1, first_day=FIRST_DAY, days=days, events_per_doc=5):
            store.add_reports(doc, events)
    return time.perf_counter() - t


def measure(path: Path, n_docs: int, per_doc: int, days: int) -> dict[str, float]:
    times: list[float] = []
    linked = 0
    with open_store(path) as store:
        corpus = list(synthetic_corpus(n_docs * per_doc, seed=2, first_day=FIRST_DAY, days=days, events_per_doc=per_doc))
        t0 = time.perf_counter()
        for doc, events in corpus:
            t = time.perf_counter()
            result = store.add_reports(doc, events)
            times.append(time.perf_counter() - t)
            linked += result.events_linked
        total = time.perf_counter() - t0
        largest = store.conn.execute(  # type: ignore[attr-defined]
            "SELECT max(n) FROM (SELECT count(*) AS n FROM reports GROUP BY event_id)").fetchone()[0]
        events = store.count_events(EventFilter())
    times.sort()
    return {
        "docs": len(corpus), "seconds": total, "docs_per_s": len(corpus) / total,
        "p50_ms": 1000 * statistics.median(times), "p95_ms": 1000 * times[int(0.95 * len(times)) - 1],
        "linked": linked, "largest": largest, "events": events,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--events-per-doc", type=int, default=1)
    parser.add_argument("--same-period", action="store_true", help="one year at every size (denser as it grows)")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()))
    args = parser.parse_args(argv)
    print(f"{'base events':>12} {'days':>5} {'fill s':>8} {'docs':>6} {'docs/s':>8} {'p50 ms':>7} {'p95 ms':>7} "
          f"{'merged':>7} {'largest':>7} {'events after':>12}")
    for base in args.base:
        path = args.dir / f"sitrep-merge-bench-{base}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        days = 365 if args.same_period else max(1, round(365 * base / 100_000))
        fill_s = fill(path, base, days)
        m = measure(path, args.docs, args.events_per_doc, days)
        print(f"{base:12,d} {days:5d} {fill_s:8.1f} {m['docs']:6,d} {m['docs_per_s']:8.0f} {m['p50_ms']:7.2f} {m['p95_ms']:7.2f} "
              f"{m['linked']:7,d} {m['largest']:7d} {m['events']:12,d}")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
