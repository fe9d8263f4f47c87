"""The text of `sitrep eval`: a table of scores, a confusion matrix, the worst errors."""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.evaluate.scoring import FieldScore

BY = ("field", "class", "register")


def _table(title: str, rows: Sequence[FieldScore]) -> list[str]:
    width = max([len(r.name) for r in rows] + [len(title)])
    out = [f"{title:<{width}}  precision  recall     F1    tp    fp    fn"]
    for r in rows:
        out.append(f"{r.name:<{width}}  {r.precision:9.3f}  {r.recall:6.3f}  {r.f1:5.3f}  {r.tp:4d}  {r.fp:4d}  {r.fn:4d}")
    return out


def _short(label: str, n: int = 14) -> str:
    return label if len(label) <= n else label[: n - 1] + "…"


def render_confusion(report) -> list[str]:  # type: ignore[no-untyped-def]
    """Rows: gold label; columns: predicted label (only labels that occur)."""
    conf = report.confusion
    labels = list(conf.labels)
    if not labels:
        return []
    cells = {(g, p): n for g, p, n in conf.counts}
    head_w = max(len(_short(x, 34)) for x in labels)
    out = ["confusion (rows: gold, columns: predicted; column key below)"]
    out.append(" " * head_w + " " + " ".join(f"{i:>4d}" for i in range(len(labels))))
    for g in labels:
        row = [cells.get((g, p), 0) for p in labels]
        if not any(row):
            continue
        out.append(f"{_short(g, 34):<{head_w}} " + " ".join(f"{n:>4d}" if n else "   ." for n in row))
    out.append("key: " + ", ".join(f"{i}={labels[i]}" for i in range(len(labels))))
    return out


def render(report, by: str = "field", errors: int = 10) -> str:  # type: ignore[no-untyped-def]
    """The printable report; ``by`` is field | class | register."""
    lines = [
        (
            f"{report.path} ({report.fmt}): {report.docs} documents, {report.gold_events} gold events, "
            f"{report.predicted_events} predicted, extraction {report.seconds:.1f} s"
        ),
        "",
    ]
    if by == "class":
        lines += _table("label", report.classes)
    elif by == "register" and report.groups:
        for g in report.groups:
            lines += _table(f"{g.name} ({g.docs} docs)", g.fields) + [""]
    else:
        lines += _table("field", report.fields)
    if report.classes:
        lines += ["", f"labels: micro-F1 {report.micro_f1:.3f}  macro-F1 {report.macro_f1:.3f} over {len(report.classes)} gold labels"]
    lines += [""] + render_confusion(report)
    if errors > 0 and report.errors:
        lines += ["", f"worst errors ({min(errors, len(report.errors))} of {len(report.errors)} documents with errors)"]
        for e in report.errors[:errors]:
            text = " ".join(e.text.split())
            lines.append(f"- {e.doc_id} ({e.errors}): {text[:300]}{'…' if len(text) > 300 else ''}")
            lines += [f"    {p}" for p in e.problems[:8]]
    return "\n".join(lines) + "\n"


__all__ = ["BY", "render", "render_confusion"]
