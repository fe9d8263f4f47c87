"""Measure extraction quality on the pinned gold sets and compare with tests/quality/floors.toml.

    .venv/bin/python bench/eval_floors.py            # print measured scores next to the floors
    .venv/bin/python bench/eval_floors.py --raise    # raise every floor to the measured score (never lowers)

Lowering a floor is done by hand in floors.toml, with a written reason in its [reasons] table.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT / "tests" / "quality" / "floors.toml"
sys.path.insert(0, str(ROOT / "tests" / "quality"))

from measure import measure


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--raise", dest="raise_", action="store_true", help="raise floors to the measured scores")
    args = ap.parse_args()
    floors = tomllib.loads(FLOORS.read_text(encoding="utf-8"))
    text = FLOORS.read_text(encoding="utf-8")
    for section, metrics in floors.items():
        if section == "reasons":
            continue
        got = measure(section)
        for name, floor in metrics.items():
            if name == "file":
                continue
            value = got[name]
            mark = "DROP" if value < floor - 1e-9 else ("up" if value > floor + 0.0005 else "")
            print(f"{section:5s} {name:20s} floor {floor:.3f}  measured {value:.4f} {mark}")
            if args.raise_ and value > floor:
                new = f"{int(value * 1000) / 1000:.3f}"
                text = _set(text, section, name, new)
    if args.raise_:
        FLOORS.write_text(text, encoding="utf-8")
    return 0


def _set(text: str, section: str, name: str, value: str) -> str:
    head = re.search(rf"(?m)^\[{section}\]$", text).start()  # type: ignore[union-attr]
    nxt = text.find("\n[", head + 1)
    end = len(text) if nxt == -1 else nxt
    body = re.sub(rf"(?m)^{re.escape(name)}\s*=\s*[0-9.]+", f"{name} = {value}", text[head:end], count=1)
    return text[:head] + body + text[end:]


if __name__ == "__main__":
    raise SystemExit(main())
