"""Extraction: documents -> event records.

The stage runs in steps you can see in the modules:

    sentences.py   split the text into sentences, mark page furniture
    pipeline.py    find triggers (knowledge/data/triggers.json) -> candidate sentences;
                   spaCy NER (nlp.py) on candidate sentences only; weapons, actors, places
    frames.py      one frame per candidate sentence: kind, stance, actors, places, weapons,
                   dates (dates.py), numbers and casualties (numbers.py), claims (claims.py)
    assemble.py    frames -> events: same-event sentences joined, parents linked,
                   ACLED mapped (acled.py), summaries written (summary.py)

``sitrep.extract`` is also callable: ``sitrep.extract(text, published="2022-06-25")``.
"""

from __future__ import annotations

import sys
import types

from sitrep.extract.pipeline import extract_documents, extract_events, extract_text

__all__ = ["extract_documents", "extract_events", "extract_text"]


class _CallableModule(types.ModuleType):
    def __call__(self, text, published=None, **kwargs):  # type: ignore[no-untyped-def]
        return extract_text(text, published, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
