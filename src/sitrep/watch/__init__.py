"""Rolling coverage: follow live blogs, pages, feeds and Telegram exports as they update.

    Watcher(store).run(["https://.../live", "channel/result.json"], rounds=None)

Each poll reads only new or edited passages (:mod:`sitrep.watch.passages`) and merges their
events into the store (:meth:`~sitrep.store.SQLiteStore.add_reports`); an edited passage is
stored as a revision of the old one. State lives in the database, so a restarted watcher
resumes where it stopped.
"""

from __future__ import annotations

from sitrep.watch.passages import (
    KnownPassage,
    Passage,
    PassageDiff,
    diff_passages,
    fingerprint,
    split_passages,
)
from sitrep.watch.runner import PollResult, Watcher

__all__ = [
    "KnownPassage",
    "Passage",
    "PassageDiff",
    "PollResult",
    "Watcher",
    "diff_passages",
    "fingerprint",
    "split_passages",
]
