"""The watcher's state in the SQLite store: per source, the conditional-request validators and
back-off, and the fingerprint of every passage already read (``sitrep watch`` resumes from it)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class WatchState:
    """What the watcher knows about one source between polls."""

    source: str
    etag: str | None = None
    last_modified: str | None = None
    polls: int = 0
    failures: int = 0  # consecutive failed polls (for back-off)
    last_poll: str | None = None
    next_poll: float = 0.0  # epoch seconds
    last_error: str | None = None


@dataclass(frozen=True, slots=True)
class WatchedPassage:
    """A passage of a watched source that has been read."""

    source: str
    fingerprint: str
    key: str | None
    doc_id: str
    active: bool = True  # False once it left the page or was replaced by an edit


class WatchStateMixin:
    """Watch-state methods of :class:`~sitrep.store.sqlite.SQLiteStore`."""

    conn: sqlite3.Connection

    def watch_state(self, source: str) -> WatchState | None:
        """The saved state of ``source``, or None when it was never polled."""
        with self._lock:  # type: ignore[attr-defined]
            row = self.conn.execute(
                "SELECT source, etag, last_modified, polls, failures, last_poll, next_poll, last_error "
                "FROM watch_sources WHERE source = ?",
                (source,),
            ).fetchone()
        return None if row is None else WatchState(*row)

    def save_watch_state(self, state: WatchState) -> None:
        """Insert or replace the state of one source (its own transaction)."""
        with self._lock:  # type: ignore[attr-defined]
            self.conn.execute(
                "INSERT OR REPLACE INTO watch_sources (source, etag, last_modified, polls, failures, last_poll, "
                "next_poll, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (state.source, state.etag, state.last_modified, state.polls, state.failures, state.last_poll,
                 state.next_poll, state.last_error),
            )

    def watched_passages(self, source: str) -> list[WatchedPassage]:
        """Every passage of ``source`` read so far, active or not."""
        with self._lock:  # type: ignore[attr-defined]
            rows = self.conn.execute(
                "SELECT source, fingerprint, key, doc_id, active FROM watch_passages WHERE source = ? "
                "ORDER BY first_seen, fingerprint",
                (source,),
            ).fetchall()
        return [WatchedPassage(r[0], r[1], r[2], r[3], bool(r[4])) for r in rows]

    def record_passages(self, source: str, seen: Sequence[WatchedPassage], gone: Sequence[str], now: str) -> None:
        """Mark ``seen`` passages active (adding new ones) and the fingerprints ``gone`` inactive."""
        with self._lock:  # type: ignore[attr-defined]
            conn = self.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.executemany(
                    "INSERT INTO watch_passages (source, fingerprint, key, doc_id, active, first_seen, last_seen) "
                    "VALUES (?, ?, ?, ?, 1, ?, ?) ON CONFLICT(source, fingerprint) DO UPDATE SET active = 1, "
                    "last_seen = excluded.last_seen",
                    [(source, p.fingerprint, p.key, p.doc_id, now, now) for p in seen],
                )
                conn.executemany(
                    "UPDATE watch_passages SET active = 0 WHERE source = ? AND fingerprint = ?",
                    [(source, fp) for fp in gone],
                )
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise


__all__ = ["WatchState", "WatchStateMixin", "WatchedPassage"]
