"""Evaluation: extraction scored against people's coding.

    load_gold (gold.py)   read a gold file: own passages | CASE 2021 task 2 | UCDP rows
    extract               sitrep.extract.extract_documents over the gold texts
    score (scoring.py)    per document, then summed: P/R/F1 per field, confusion matrix, errors
    render (report.py)    the text `sitrep eval` prints

    >>> report = evaluate("tests/gold/passages.jsonl")
    >>> report.field("kind").f1

``match_gold`` / ``check_event`` (matching.py) check one document's events field by field
against a must/should gold coding (the seed acceptance test).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sitrep.evaluate.gold import CASE_LABELS, FORMATS, NO_EVENT, GoldDoc, load_gold
from sitrep.evaluate.matching import Check, EventMatch, check_event, match_gold
from sitrep.evaluate.scoring import (
    GOLD_FIELDS,
    Confusion,
    DocError,
    DocScore,
    FieldScore,
    GroupScores,
    class_scores,
    confusion,
    score_case_doc,
    score_gold_doc,
    score_ucdp_doc,
    sum_fields,
)
from sitrep.model import Document, Event


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Scores of one gold file."""

    path: str
    fmt: str
    docs: int
    gold_events: int
    predicted_events: int
    fields: tuple[FieldScore, ...]
    classes: tuple[FieldScore, ...]  # per gold label: kinds (own gold) or ACLED sub-types (CASE)
    groups: tuple[GroupScores, ...]  # per register (own gold)
    confusion: Confusion
    errors: tuple[DocError, ...]  # worst first
    seconds: float

    def field(self, name: str) -> FieldScore:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"no field {name!r} in this report; fields: {', '.join(f.name for f in self.fields)}")

    @property
    def macro_f1(self) -> float:
        """Mean F1 over the gold labels (0.0 when there are none)."""
        return sum(c.f1 for c in self.classes) / len(self.classes) if self.classes else 0.0

    @property
    def micro_f1(self) -> float:
        """Micro-F1 over the per-label counts (for CASE: accuracy)."""
        return FieldScore("micro", sum(c.tp for c in self.classes), sum(c.fp for c in self.classes), sum(c.fn for c in self.classes)).f1


def extract_gold(docs: Sequence[GoldDoc]) -> list[list[Event]]:
    """The extractor's events for each gold document, in order."""
    from sitrep.extract import extract_documents

    stream = (Document(id=f"gold_{d.id}", text=d.text, published=d.published, origin=d.id) for d in docs)
    return [evs for _doc, evs in extract_documents(stream)]


def score(fmt: str, docs: Sequence[GoldDoc], predicted: Sequence[Sequence[Event]], path: str = "", seconds: float = 0.0) -> EvalReport:
    """Score predicted events against gold documents (no extraction here)."""
    scorer = {"gold": score_gold_doc, "case": score_case_doc, "ucdp": score_ucdp_doc}[fmt]
    scores: list[DocScore] = [scorer(d, evs) for d, evs in zip(docs, predicted)]
    order = GOLD_FIELDS if fmt != "case" else ("sub_event_type",)
    fields = sum_fields(scores, order)
    conf = confusion(scores)
    groups: list[GroupScores] = []
    registers = sorted({d.register for d in docs if d.register})
    for reg in registers:
        sel = [s for d, s in zip(docs, scores) if d.register == reg]
        groups.append(GroupScores(reg, len(sel), sum_fields(sel, order)))
    errors = []
    for d, s in zip(docs, scores):
        if s.problems:
            errors.append(DocError(d.id, d.text, len(s.problems), s.problems))
    errors.sort(key=lambda e: (-e.errors, e.doc_id))
    if fmt == "case":
        # CASE counts "no ACLED event" as a class: the confusion matrix is the whole story
        classes = class_scores(conf)
        fields = (FieldScore("sub_event_type", sum(c.tp for c in classes), sum(c.fp for c in classes), sum(c.fn for c in classes)),)
        fields += (_type_score(conf),)
    else:
        classes = class_scores(conf)
    return EvalReport(
        path=path,
        fmt=fmt,
        docs=len(docs),
        gold_events=sum(len(d.events) for d in docs) if fmt == "gold" else len(docs),
        predicted_events=sum(len(p) for p in predicted),
        fields=fields,
        classes=classes,
        groups=tuple(groups),
        confusion=conf,
        errors=tuple(errors),
        seconds=seconds,
    )


def _type_score(conf: Confusion) -> FieldScore:
    """Event-type (not sub-type) accuracy as a field score, from a CASE confusion matrix."""
    from sitrep.knowledge.triggers import acled_table

    table = acled_table()
    sub_to_type: dict[str, str] = {}
    for spec in table["kinds"].values():
        if not spec:
            continue
        et = spec["event_type"]
        for key in ("default", "government_regains"):
            if spec.get(key):
                sub_to_type[spec[key]] = et
        for sub in (spec.get("by_hint") or {}).values():
            sub_to_type[sub] = et
        for rule in spec.get("by_cue") or ():
            sub_to_type[rule["sub_event_type"]] = et
        nv = spec.get("non_violent")
        if nv:
            sub_to_type[nv["sub_event_type"]] = nv["event_type"]
    ok = sum(n for g, p, n in conf.counts if sub_to_type.get(g, g) == sub_to_type.get(p, p))
    total = sum(n for _g, _p, n in conf.counts)
    return FieldScore("event_type", ok, total - ok, total - ok)


def evaluate(path: str | Path, fmt: str | None = None, limit: int | None = None) -> EvalReport:
    """Extract events from every document of a gold file and score them."""
    fmt, docs = load_gold(path, fmt, limit)
    t0 = time.perf_counter()
    predicted = extract_gold(docs)
    return score(fmt, docs, predicted, path=str(path), seconds=time.perf_counter() - t0)


__all__ = [
    "CASE_LABELS",
    "FORMATS",
    "NO_EVENT",
    "Check",
    "Confusion",
    "DocError",
    "EvalReport",
    "EventMatch",
    "FieldScore",
    "GoldDoc",
    "GroupScores",
    "check_event",
    "evaluate",
    "extract_gold",
    "load_gold",
    "match_gold",
    "score",
]
