"""Speed check for the date / number / quantity / casualty finders: prints words per second.

    .venv/bin/python bench/speed_dates_numbers.py [repeat]

Runs each finder sentence by sentence over the packaged sample texts (src/sitrep/samples/*.txt),
as the extractor does on candidate sentences, and over whole documents.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str):  # the modules alone, without importing the whole extract package
    spec = importlib.util.spec_from_file_location(
        name, ROOT / "src/sitrep/extract" / f"{name}.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def main(repeat: int = 20) -> None:
    dates, numbers = _load("dates"), _load("numbers")
    texts = [
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "src/sitrep/samples").glob("*.txt"))
    ]
    sentences = [
        s for t in texts for s in re.split(r"(?<=[.!?])\s+|\n+", t) if s.strip()
    ]
    words = sum(len(s.split()) for s in sentences)
    items = [
        (0, 0, "missile")
    ]  # find_quantities needs spans; a dummy keeps the number scan honest
    pub = date(2024, 1, 18)
    jobs = {
        "find_dates": lambda s: dates.find_dates(s, pub),
        "find_numbers": numbers.find_numbers,
        "find_quantities": lambda s: numbers.find_quantities(s, items),
        "find_casualties": numbers.find_casualties,
        "find_time_of_day": dates.find_time_of_day,
    }
    print(f"{len(sentences)} sentences, {words} words, x{repeat}")
    total = 0.0
    for name, fn in jobs.items():
        t0 = time.perf_counter()
        for _ in range(repeat):
            for s in sentences:
                fn(s)
        dt = time.perf_counter() - t0
        total += dt
        print(f"{name:18s} {words * repeat / dt:12,.0f} words/s (per sentence)")
    print(f"{'all five':18s} {words * repeat / total:12,.0f} words/s (per sentence)")
    t0 = time.perf_counter()
    for _ in range(repeat):
        for t in texts:
            dates.find_dates(t, pub)
            numbers.find_numbers(t)
            numbers.find_casualties(t)
    print(
        f"{'whole documents':18s} {words * repeat / (time.perf_counter() - t0):12,.0f} words/s (dates+numbers+casualties)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
