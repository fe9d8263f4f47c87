"""Speed smoke tests (loose floors; bench/geocode.py measures properly)."""

from __future__ import annotations

import json
import time
from pathlib import Path

from sitrep.geo import geocode_text, get_gazetteer


def test_geo_speed_scan_and_resolve_is_cheap() -> None:
    get_gazetteer()
    rows = [json.loads(x) for x in (Path(__file__).parent / "data" / "case2021_task2_dev.jsonl")
            .read_text(encoding="utf-8").splitlines()]
    texts = [r["text"] for r in rows]
    words = sum(len(t.split()) for t in texts)
    for t in texts[:200]:
        geocode_text(t)  # warm the caches
    t0 = time.perf_counter()
    for t in texts:
        geocode_text(t)
    rate = words / (time.perf_counter() - t0)
    assert rate > 40_000, f"{rate:,.0f} words/s"
