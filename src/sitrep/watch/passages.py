"""Passages: the units a watched source is compared in between polls.

    documents of one poll -> split_passages -> Passage(key, text, fingerprint)
    -> diff_passages(known, current) -> new, edited (old -> new), unchanged, gone

A feed entry or a Telegram message is one passage, keyed by its link or message id. A page
(an article or a live blog) is split into paragraphs (its lines: headings and time stamps are
passages of their own, so a new entry never changes its neighbours); they have no key, so an edit
is recognised by similarity: a new paragraph that mostly repeats one that disappeared in the
same poll is an edit of it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from sitrep.model import Document

#: How similar (difflib ratio) a new paragraph must be to a vanished one to count as its edit.
EDIT_SIMILARITY = 0.6

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Passage:
    """One passage of a source: its text, a fingerprint of it and, when it has one, a key."""

    text: str
    fingerprint: str
    key: str | None
    document: Document  # the document it came from (url, title, date, source)


@dataclass(frozen=True, slots=True)
class KnownPassage:
    """A passage read in an earlier poll."""

    fingerprint: str
    key: str | None
    doc_id: str
    text: str = ""


@dataclass(frozen=True, slots=True)
class PassageDiff:
    """How the current passages of a source differ from the ones already read."""

    new: tuple[Passage, ...]
    edited: tuple[tuple[KnownPassage, Passage], ...]  # (old, new)
    unchanged: tuple[Passage, ...]
    gone: tuple[KnownPassage, ...]


def fingerprint(text: str) -> str:
    """A hash of the passage's words (case and spacing ignored)."""
    return hashlib.sha1(_SPACE.sub(" ", text).strip().lower().encode("utf-8")).hexdigest()[:20]


def split_passages(docs: Sequence[Document]) -> list[Passage]:
    """Passages of the documents one poll read (several documents: one passage each)."""
    if len(docs) != 1 or not _is_page(docs[0]):
        return [Passage(d.text.strip(), fingerprint(d.text), d.url or d.origin, d) for d in docs if d.text.strip()]
    doc = docs[0]
    lines = dict.fromkeys(line.strip() for line in doc.text.split("\n") if line.strip())
    return [Passage(line, fingerprint(line), None, doc) for line in lines]


def _is_page(doc: Document) -> bool:
    """A page (split into paragraphs) rather than a feed entry or a message (whole)."""
    return "#" not in (doc.origin or "")


def diff_passages(known: Iterable[KnownPassage], current: Sequence[Passage]) -> PassageDiff:
    """Classify ``current`` against the active passages ``known`` from earlier polls."""
    by_fp = {k.fingerprint: k for k in known}
    by_key = {k.key: k for k in by_fp.values() if k.key}
    seen_fps = {p.fingerprint for p in current}
    unchanged = [p for p in current if p.fingerprint in by_fp]
    fresh = list({p.fingerprint: p for p in current if p.fingerprint not in by_fp}.values())
    vanished = {k.fingerprint: k for k in by_fp.values() if k.fingerprint not in seen_fps}
    new: list[Passage] = []
    edited: list[tuple[KnownPassage, Passage]] = []
    for p in fresh:
        old = by_key.get(p.key) if p.key else None
        if old is None and p.key is None:
            old = _most_similar(p, [k for k in vanished.values() if k.key is None])
        if old is not None and old.fingerprint in vanished:
            edited.append((old, p))
            del vanished[old.fingerprint]
        else:
            new.append(p)
    return PassageDiff(tuple(new), tuple(edited), tuple(unchanged), tuple(vanished.values()))


def _most_similar(p: Passage, candidates: Sequence[KnownPassage]) -> KnownPassage | None:
    best, best_ratio = None, EDIT_SIMILARITY
    for k in candidates:
        ratio = SequenceMatcher(None, k.text.lower(), p.text.lower()).ratio() if k.text else 0.0
        if ratio >= best_ratio:
            best, best_ratio = k, ratio
    return best


__all__ = [
    "EDIT_SIMILARITY",
    "KnownPassage",
    "Passage",
    "PassageDiff",
    "diff_passages",
    "fingerprint",
    "split_passages",
]
