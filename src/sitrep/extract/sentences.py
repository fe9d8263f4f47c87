"""Split a document into sentences with character offsets, and mark page furniture.

A rule-based splitter (newlines are hard boundaries; ``. ! ?`` followed by space and an
upper-case letter, a digit or an opening quote end a sentence, unless the word before is a
known abbreviation). It runs at several MB/s, so the whole document can be split before
any model runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sitrep.knowledge.triggers import furniture_regex

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr gen lt col maj capt cpt sgt adm cmdr brig st mt ft no nos vs etc jan feb mar apr jun jul
    aug sep sept oct nov dec u.s u.k u.n e.g i.e approx est dept gov sen rep pres inc corp ltd co jr sr""".split()
)
_END = re.compile(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9А-ЯЁІЇЄ])")
_MAX_SENTENCE = 1500  # characters; longer runs (tables, lists) are cut at the next space


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int  # offsets into the document text
    end: int
    text: str
    furniture: bool


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the '.' at ``dot`` the end of an abbreviation or an initial ('Gen.', 'U.S.', 'J.')?"""
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower().rstrip(".")
    if not word:
        return False
    if len(word) == 1 and text[j].isupper():
        return True  # an initial
    return word in _ABBREVIATIONS


def _split_paragraph(text: str, offset: int) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _END.finditer(text):
        dot = m.start()
        if text[dot] == "." and _is_abbreviation(text, dot):
            continue
        end = m.end()
        yield offset + start, offset + end
        start = end
    if start < len(text):
        yield offset + start, offset + len(text)


def _chunks(start: int, end: int, text: str) -> Iterator[tuple[int, int]]:
    while end - start > _MAX_SENTENCE:
        cut = text.rfind(" ", start, start + _MAX_SENTENCE)
        cut = cut if cut > start else start + _MAX_SENTENCE
        yield start, cut
        start = cut
    yield start, end


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with stripped offsets; furniture is marked, not removed."""
    furniture = furniture_regex()
    out: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        for s, e in _split_paragraph(line, line_start):
            for cs, ce in _chunks(s, e, text):
                raw = text[cs:ce]
                lead = len(raw) - len(raw.lstrip())
                stripped = raw.strip()
                if not stripped:
                    continue
                cs2 = cs + lead
                ce2 = cs2 + len(stripped)
                is_furniture = bool(furniture.search(stripped.lower()))
                out.append(Sentence(len(out), cs2, ce2, stripped, is_furniture))
    return out


__all__ = ["Sentence", "split_sentences"]
