"""One fast phrase matcher shared by the knowledge lexicons.

Text is *folded* to a same-length form before matching (dashes to ``-``, curly quotes to
straight ones, odd spaces to `` ``, Cyrillic look-alike letters to Latin, so "Х‑101" reads
"X-101"), then lower-cased and scanned once with a pyahocorasick automaton. Each hit is
checked for word boundaries and, for cased terms, for the exact case (or ALL CAPS); then the
leftmost-longest non-overlapping hits are kept. Offsets always index the original text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import ahocorasick  # type: ignore[import-not-found]

from sitrep.errors import KnowledgeError

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_SPACES = "\t\n\r\x0b\x0c\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
# Cyrillic letters that look like Latin ones, as Ukrainian and Russian reports write designations.
_LOOKALIKES = {
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I", "а": "a", "е": "e", "о": "o",
    "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "к": "k", "м": "m", "т": "t",
}
_TABLE: dict[int, str] = {ord(c): "-" for c in _DASHES}
_TABLE.update({ord(c): " " for c in _SPACES})
_TABLE.update({ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"})
_TABLE.update({ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032`\u00b4"})
_TABLE.update({ord(k): v for k, v in _LOOKALIKES.items()})

LEVELS = ("standalone", "midsentence", "context")


_ASCII_SPECIAL = re.compile(r"[\t\n\r\x0b\x0c`]")


def fold(text: str) -> str:
    """The same-length, case-preserving folded form of ``text`` used for matching."""
    if text.isascii() and not _ASCII_SPECIAL.search(text):
        return text
    return text.translate(_TABLE)


def lower_same_length(text: str) -> str:
    """``text.lower()`` that never changes the length (keeps offsets valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


@dataclass(frozen=True, slots=True)
class Term:
    """One surface form in a lexicon: what it is (``payload``) and how it may match."""

    surface: str  # folded, case-preserving form
    payload: Any
    cased: bool = False
    level: str = "standalone"  # standalone | midsentence | context
    plural: bool = True  # a trailing "s" may follow


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    term: Term


class Lexicon:
    """A compiled set of terms; :meth:`scan` finds their leftmost-longest occurrences."""

    def __init__(self, terms: Iterable[Term], *, source: str) -> None:
        self.source = source
        by_key: dict[str, list[Term]] = {}
        for term in terms:
            if term.level not in LEVELS:
                raise KnowledgeError(
                    f"{source}: term {term.surface!r} has unknown level {term.level!r}; "
                    f"use one of {', '.join(LEVELS)}"
                )
            key = lower_same_length(term.surface)
            if not key.strip():
                raise KnowledgeError(f"{source}: an empty alias was given; remove it")
            by_key.setdefault(key, []).append(term)
        self.by_key = by_key
        self._automaton = ahocorasick.Automaton()
        for key, found in by_key.items():
            self._automaton.add_word(key, tuple(found))
        if by_key:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return len(self.by_key)

    def candidates(self, text: str) -> Iterator[Hit]:
        """Every boundary- and case-valid hit, overlapping ones included."""
        if not self.by_key or not text:
            return
        cf = fold(text)
        low = lower_same_length(cf)
        n = len(cf)
        for end_idx, terms in self._automaton.iter(low):
            end = end_idx + 1
            start = end - len(lower_same_length(terms[0].surface))
            if start > 0 and _is_word(cf[start - 1]) and _is_word(cf[start]):
                continue
            for term in terms:
                stop = end
                if stop < n and _is_word(cf[stop]) and _is_word(cf[stop - 1]):
                    if term.plural and cf[stop] in "sS" and (stop + 1 >= n or not _is_word(cf[stop + 1])):
                        stop += 1
                    else:
                        continue
                if term.cased:
                    got = cf[start:end]
                    if got != term.surface and not (got.isupper() and got == term.surface.upper()):
                        continue
                yield Hit(start, stop, term)

    def scan(self, text: str) -> list[Hit]:
        """Leftmost-longest, non-overlapping hits, sorted by start."""
        return select_longest(self.candidates(text))


def select_longest(hits: Iterable[Hit]) -> list[Hit]:
    """Keep the longest hit at each position, dropping any that overlap a kept one."""
    ordered = sorted(hits, key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[Hit] = []
    last_end = -1
    for hit in ordered:
        if hit.start >= last_end:
            kept.append(hit)
            last_end = hit.end
    return kept


def at_sentence_start(text: str, start: int) -> bool:
    """Whether ``start`` begins a sentence (only spaces/quotes after . ! ? or a line break)."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“”‘’«(":
        i -= 1
    return i < 0 or text[i] in ".!?:\n\r"


def designation_variants(alias: str) -> list[str]:
    """Spelling variants of a hyphenated designation: "Kh-22" -> "Kh22", "Kh 22"."""
    out = [alias]
    if "-" in alias:
        out.append(alias.replace("-", ""))
        head = alias.split("-", 1)[0]
        if len(head) >= 2 and head.isalpha():
            out.append(alias.replace("-", " ", 1))
    return out


@cache
def load_json(name: str) -> dict[str, Any]:
    """Read one packaged data file (``knowledge/data/<name>``) and check its ``version``."""
    path = resources.files("sitrep.knowledge").joinpath("data").joinpath(name)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise KnowledgeError(f"knowledge file {name!r} is missing; reinstall sitrep") from exc
    except json.JSONDecodeError as exc:
        raise KnowledgeError(
            f"knowledge file {name!r} is not valid JSON (line {exc.lineno}: {exc.msg}); fix the file"
        ) from exc
    if not isinstance(data, dict) or not isinstance(data.get("version"), int):
        raise KnowledgeError(f"knowledge file {name!r} needs an integer 'version' field at the top")
    return data
