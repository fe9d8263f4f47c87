"""Where events live: an embedded SQLite database by default.

    with open_store("sitrep.db") as store:
        store.add_document(doc, events)
        store.query_events(EventFilter(since="2022-06-01", kind=("strike",)))
"""

from __future__ import annotations

import os
from pathlib import Path

from sitrep.store.base import AddResult, Stats, Store
from sitrep.store.merging import EventReport, MergeResult
from sitrep.store.sqlite import SQLiteStore
from sitrep.store.watchstate import WatchedPassage, WatchState

DEFAULT_DB = "sitrep.db"


def default_db_path() -> str:
    """``$SITREP_DB`` when set, else ``./sitrep.db``."""
    return os.environ.get("SITREP_DB") or DEFAULT_DB


def open_store(path: str | Path | None = None, *, readonly: bool = False) -> Store:
    """Open (creating and migrating as needed) the event database at ``path``.

    ``None`` means ``$SITREP_DB`` or ``./sitrep.db``; ``":memory:"`` gives a private
    in-memory database. Raises :class:`~sitrep.errors.StoreError` with a message naming
    the path when it cannot be opened (unwritable folder, not a sitrep database, a schema
    newer than this sitrep).
    """
    return SQLiteStore(default_db_path() if path is None else path, readonly=readonly)


__all__ = [
    "DEFAULT_DB",
    "AddResult",
    "EventReport",
    "MergeResult",
    "SQLiteStore",
    "Stats",
    "Store",
    "WatchState",
    "WatchedPassage",
    "default_db_path",
    "open_store",
]
