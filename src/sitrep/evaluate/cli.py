"""`sitrep eval GOLD [--by field|class|register] [--errors N] [--format gold|case|ucdp]`.

The command in sitrep/cli.py only parses arguments and calls :func:`run_eval`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from sitrep.errors import InputError
from sitrep.evaluate.report import BY, render


def run_eval(path: str | Path, out: TextIO, *, by: str = "field", errors: int = 10, fmt: str | None = None, limit: int | None = None) -> int:
    """Evaluate one gold file and write the report to ``out``; returns the exit code (0)."""
    from sitrep.evaluate import evaluate

    if by not in BY:
        raise InputError(str(path), "bad_option", f"--by {by!r} is not one of {', '.join(BY)}")
    if not Path(path).is_file():
        raise InputError(str(path), "missing", "no such gold file; give a JSONL file (own gold, CASE 2021 task 2 or UCDP rows)")
    report = evaluate(path, fmt=fmt, limit=limit)
    out.write(render(report, by=by, errors=errors))
    return 0


__all__ = ["run_eval"]
