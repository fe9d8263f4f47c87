"""sitrep: sourced, geocoded, deduplicated events from war and conflict reporting.

    >>> import sitrep
    >>> events = sitrep.extract("Russian forces shelled Kharkiv on Monday.", published="2024-05-14")
    >>> with sitrep.open_store("sitrep.db") as store:
    ...     store.query_events(sitrep.EventFilter(kind=("strike",)))

The pipeline, one stage per sub-package: ingest -> extract -> geo -> store -> export / web.
"""

from __future__ import annotations

import importlib
from typing import Any

from sitrep.errors import InputError, SitrepError, StoreError
from sitrep.model import Document, Event, EventFilter, Skip, event_from_dict, event_to_dict

__version__ = "0.1.0"

_LAZY = {
    "extract": ("sitrep.extract", None),  # a callable module: sitrep.extract(text, published=...)
    "extract_documents": ("sitrep.extract", "extract_documents"),
    "read_inputs": ("sitrep.ingest", "read_inputs"),
    "open_store": ("sitrep.store", "open_store"),
    "geocode_text": ("sitrep.geo", "geocode_text"),
}


def __getattr__(name: str) -> Any:  # lazy: `import sitrep` stays cheap (no spaCy, no gazetteer)
    if name in _LAZY:
        module, attr = _LAZY[name]
        mod = importlib.import_module(module)
        return mod if attr is None else getattr(mod, attr)
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")


__all__ = [
    "Document",
    "Event",
    "EventFilter",
    "InputError",
    "SitrepError",
    "Skip",
    "StoreError",
    "__version__",
    "event_from_dict",
    "event_to_dict",
    "extract",
    "extract_documents",
    "geocode_text",
    "open_store",
    "read_inputs",
]
