"""The knowledge matchers are fast enough for whole documents, and load quickly."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitrep.knowledge import (
    find_actors,
    find_confidence,
    find_media,
    find_sources,
    find_weapons,
)

DATA = Path(__file__).parent / "data"


def corpus() -> str:
    seed = (DATA / "000_140fda5b5716f268.txt").read_text(encoding="utf-8")
    ucdp = (DATA / "ucdp_ukraine_dev.jsonl").read_text(encoding="utf-8")[:700_000]
    return seed * 100 + ucdp  # about 1 MB of conflict reporting


def test_first_load_is_fast() -> None:
    code = (
        "import time; t=time.perf_counter(); import sitrep.knowledge as k; k.load_all(); "
        "print(time.perf_counter()-t)"
    )
    best = min(
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(2)
    )
    assert best < 0.6, f"import + load of all knowledge files took {best:.3f}s"


@pytest.mark.parametrize("finder", [find_weapons, find_actors, find_sources, find_media, find_confidence])
def test_matcher_throughput_at_least_1_mb_per_s(finder) -> None:  # type: ignore[no-untyped-def]
    text = corpus()
    finder(text[:1000])  # warm the cache
    megabytes = len(text.encode("utf-8")) / 1e6
    best = float("inf")
    for _ in range(2):
        t = time.perf_counter()
        found = finder(text)
        best = min(best, time.perf_counter() - t)
    assert found, "the corpus has mentions of every kind"
    assert megabytes / best >= 1.0, f"{finder.__name__}: {megabytes / best:.2f} MB/s"
