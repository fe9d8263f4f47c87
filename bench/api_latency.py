"""p95 latency of the HTTP API over loopback, on 100,000 synthetic events in SQLite.

    .venv/bin/python bench/api_latency.py [--events 100000] [--requests 200] [--db PATH]

Builds the database with ``sitrep.store.synthetic`` (or reuses ``--db`` when it exists),
starts ``sitrep.web.serve`` with uvicorn in a subprocess on 127.0.0.1, and times
``GET /api/events`` for one-week + bounding-box queries (a different week each request) and
``GET /api/stats`` with httpx: the same request repeated (served from the server's cache
after the first), and a different filter each time (never cached). Targets: events p95
<= 50 ms, stats p95 <= 100 ms (both stats lines).
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from sitrep.store import open_store
from sitrep.store.synthetic import synthetic_corpus


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build(path: Path, n: int) -> None:
    t0 = time.perf_counter()
    with open_store(path) as store:
        for doc, events in synthetic_corpus(n, days=365):
            store.add_document(doc, events)
        total = store.count_events(store_filter())
    print(f"built {path} with {total:,} events in {time.perf_counter() - t0:.1f} s")


def store_filter():
    from sitrep.model import EventFilter

    return EventFilter()


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[94]


def timed(client: httpx.Client, url: str, requests: int, make_params) -> tuple[list[float], int]:
    samples: list[float] = []
    matched = 0
    for i in range(requests):
        params = make_params(i)
        t0 = time.perf_counter()
        r = client.get(url, params=params)
        samples.append((time.perf_counter() - t0) * 1000)
        r.raise_for_status()
        matched += int(r.json()["total"])
    return samples, matched


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--db", type=Path, default=None)
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "bench.db"
    if not db.exists():
        build(db, args.events)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-c",
         f"from sitrep.web import serve; serve({str(db)!r}, host='127.0.0.1', port={port})"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    client.get("/api/stats", params={"since": "2022-03-01", "until": "2022-03-01"})
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit("server did not start") from None
                    time.sleep(0.1)
            rng = random.Random(1)
            first = date(2022, 2, 24)

            def week_bbox(i: int) -> dict[str, str]:
                start = first + timedelta(days=rng.randrange(358))
                lon, lat = rng.uniform(24, 37), rng.uniform(45, 50)
                return {
                    "since": start.isoformat(),
                    "until": (start + timedelta(days=6)).isoformat(),
                    "bbox": f"{lon:.2f},{lat:.2f},{lon + 4:.2f},{lat + 3:.2f}",
                }

            timed(client, "/api/events", 20, week_bbox)  # warm-up
            ev, ev_matched = timed(client, "/api/events", args.requests, week_bbox)
            timed(client, "/api/stats", 5, lambda i: {})
            st, _ = timed(client, "/api/stats", args.requests, lambda i: {})
            # The server caches /api/stats per (filter, database version): a different filter
            # each request (all events up to a day in the year's last 100 days) always misses.
            last = first + timedelta(days=364)
            cold, _ = timed(client, "/api/stats", min(args.requests, 100),
                            lambda i: {"until": (last - timedelta(days=i)).isoformat()})
    finally:
        server.terminate()
        server.wait(timeout=10)
        tmp.cleanup()
    print(f"GET /api/events (one week + bbox, limit 100): {args.requests} requests, "
          f"mean {ev_matched / args.requests:.0f} matches/request; "
          f"median {statistics.median(ev):.1f} ms, p95 {p95(ev):.1f} ms (target <= 50)")
    print(f"GET /api/stats (all {args.events:,} events, by day and kind): {args.requests} requests; "
          f"median {statistics.median(st):.1f} ms, p95 {p95(st):.1f} ms (target <= 100)")
    print(f"GET /api/stats uncached (until=a different day each request): {len(cold)} requests; "
          f"median {statistics.median(cold):.1f} ms, p95 {p95(cold):.1f} ms (target <= 100)")
    return 0 if p95(ev) <= 50 and p95(st) <= 100 and p95(cold) <= 100 else 1


if __name__ == "__main__":
    raise SystemExit(main())
