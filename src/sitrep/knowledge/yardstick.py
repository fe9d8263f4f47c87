"""How sure a claim is: the UK Probability Yardstick and hedge cues (``data/yardstick.json``).

The Yardstick maps words to ranges (remote chance <= 5%, highly unlikely 10-20%, unlikely
25-35%, realistic possibility 40-50%, likely/probably 55-75%, highly likely 80-90%, almost
certain >= 95%). Other cues carry only a modality: hedges ("may", "suggests") -> possible,
predictions ("predict", "is set to") -> predicted, denials -> denied, claim verbs -> claimed.
Matching is longest-first, so "highly likely" is one cue, not also "likely".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from sitrep.errors import KnowledgeError
from sitrep.knowledge._matcher import Lexicon, Term, fold, load_json, lower_same_length
from sitrep.model import MODALITIES

DATA_FILE = "yardstick.json"


@dataclass(frozen=True, slots=True)
class ConfidenceMention:
    """A confidence or modality cue in a text, with its Yardstick range where it has one."""

    start: int
    end: int
    text: str
    probability: tuple[float, float] | None
    modality: str


@dataclass(frozen=True, slots=True)
class _Cue:
    modality: str
    probability: tuple[float, float] | None


@dataclass(frozen=True, slots=True)
class YardstickLexicon:
    version: int
    ranges: dict[str, tuple[float, float]]  # canonical Yardstick phrase -> range
    by_key: dict[str, _Cue]
    lexicon: Lexicon


def _range(value: Any, where: str) -> tuple[float, float] | None:
    if value is None:
        return None
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, (int, float)) for v in value)):
        raise KnowledgeError(f"{DATA_FILE}: {where} probability must be [low, high] or null")
    low, high = float(value[0]), float(value[1])
    if not 0.0 <= low <= high <= 1.0:
        raise KnowledgeError(f"{DATA_FILE}: {where} probability {value} must satisfy 0 <= low <= high <= 1")
    return (low, high)


def _build(data: dict[str, Any]) -> YardstickLexicon:
    modalities = set(data.get("modalities") or ())
    if not modalities <= set(MODALITIES):
        raise KnowledgeError(f"{DATA_FILE}: modalities {sorted(modalities - set(MODALITIES))} are not in the event schema")
    ranges = {y["phrase"]: _range(y["probability"], y["phrase"]) for y in data.get("yardstick") or ()}
    lowercase_only = set(data.get("lowercase_only") or ())
    by_key: dict[str, _Cue] = {}
    terms: list[Term] = []
    for raw in data.get("terms") or ():
        text = raw.get("text")
        if not isinstance(text, str) or not text.strip():
            raise KnowledgeError(f"{DATA_FILE}: a term has no 'text': {raw!r}")
        if raw.get("modality") not in modalities:
            raise KnowledgeError(f"{DATA_FILE}: {text!r} has modality {raw.get('modality')!r}; use one of {sorted(modalities)}")
        cue = _Cue(raw["modality"], _range(raw.get("probability"), text))
        canon = raw.get("yardstick")
        if canon is not None and ranges.get(canon) != cue.probability:
            raise KnowledgeError(f"{DATA_FILE}: {text!r} disagrees with the Yardstick range of {canon!r}")
        key = lower_same_length(fold(text))
        if key in by_key:
            raise KnowledgeError(f"{DATA_FILE}: term {text!r} is listed twice; keep one")
        by_key[key] = cue
        terms.append(Term(fold(text), cue, cased=text in lowercase_only, plural=False))
    return YardstickLexicon(int(data["version"]), ranges, by_key, Lexicon(terms, source=DATA_FILE))  # type: ignore[arg-type]


@cache
def load_yardstick() -> YardstickLexicon:
    """The packaged Yardstick and cue lexicon, validated and compiled (cached)."""
    return _build(load_json(DATA_FILE))


def find_confidence(text: str) -> list[ConfidenceMention]:
    """Confidence, hedge, prediction, denial and claim cues in ``text``, sorted by start."""
    return [
        ConfidenceMention(h.start, h.end, text[h.start : h.end], h.term.payload.probability, h.term.payload.modality)
        for h in load_yardstick().lexicon.scan(text)
    ]


def yardstick(phrase: str) -> tuple[float, float] | None:
    """The Yardstick range of a phrase ("highly likely" -> (0.80, 0.90)); None if it has none."""
    lex = load_yardstick()
    key = re.sub(r"\s+", " ", lower_same_length(fold(phrase)).strip(" \"'.,;:()"))
    cue = lex.by_key.get(key)
    if cue is not None:
        return cue.probability
    for mention in find_confidence(phrase):
        if mention.probability is not None:
            return mention.probability
    return None


__all__ = ["ConfidenceMention", "YardstickLexicon", "find_confidence", "load_yardstick", "yardstick"]
