"""The SQLite event store (the default): WAL, one transaction per document, versioned schema."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from sitrep.errors import StoreError
from sitrep.model import Document, Event, EventFilter, event_from_dict, event_to_dict
from sitrep.store.base import AddResult, MapPoint, Stats, Store
from sitrep.store.merging import MergingMixin
from sitrep.store.migrations import (
    APPLICATION_ID,
    LATEST_VERSION,
    LONG_SPAN_DAYS,
    MIGRATIONS,
)
from sitrep.store.query import Where, build_where, page_clause
from sitrep.store.watchstate import WatchStateMixin

_SQLITE_HEADER = b"SQLite format 3\x00"
_FETCH = 500


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _check_path(path: Path, readonly: bool) -> None:
    """Fail early, with a message a user can act on, for paths SQLite would reject."""
    if path.is_dir():
        raise StoreError(f"cannot open database {str(path)!r}: it is a folder; pass a file path with --db")
    if path.exists():
        if not readonly and not os.access(path, os.W_OK):
            raise StoreError(
                f"cannot open database {str(path)!r}: the file is not writable; "
                "fix its permissions or pass another --db path"
            )
        if path.stat().st_size > 0:
            with path.open("rb") as fh:
                header = fh.read(len(_SQLITE_HEADER))
            if header != _SQLITE_HEADER:
                raise StoreError(
                    f"cannot open database {str(path)!r}: it is not a SQLite file, so not a sitrep "
                    "database; pass another --db path (or set SITREP_DB)"
                )
        return
    if readonly:
        raise StoreError(
            f"cannot open database {str(path)!r}: it does not exist; run `sitrep ingest` first "
            "or pass another --db path"
        )
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise StoreError(
            f"cannot create database {str(path)!r}: folder {str(parent)!r} does not exist; "
            "create it or pass another --db path"
        )
    if not os.access(parent, os.W_OK | os.X_OK):
        raise StoreError(
            f"cannot create database {str(path)!r}: folder {str(parent)!r} is not writable; "
            "pass a --db path in a folder you can write to"
        )


def _terms(event: Event, outlet: str | None) -> list[tuple[str, str]]:
    """(field, value) pairs the term filters match against, deduplicated."""
    pairs: list[tuple[str, str]] = []
    pairs += [("actor", v.lower()) for a in event.actors for v in (a.name, a.text) if v]
    pairs += [("weapon", v.lower()) for w in event.weapons for v in (w.name, w.text, w.nato_name) if v]
    pairs += [("source", c.source.lower()) for c in event.claims if c.source]
    if outlet:
        pairs.append(("source", outlet.lower()))
    pairs += [("country", loc.country.upper()) for loc in event.locations if loc.country]
    pairs += [("admin1", loc.admin1.lower()) for loc in event.locations if loc.admin1]
    return list(dict.fromkeys(pairs))


def _body(event: Event) -> str:
    return "\n".join(dict.fromkeys([event.summary, *(ev.sentence for ev in event.evidence)]))


def _date_columns(event: Event) -> tuple[str | None, str | None, int]:
    start = event.date.start or event.date.end
    end = event.date.end or event.date.start
    long_span = 0
    if start and end:
        try:
            long_span = int((date.fromisoformat(end) - date.fromisoformat(start)).days > LONG_SPAN_DAYS)
        except ValueError:
            long_span = 1  # not a plain ISO date: never let the narrow range scan miss it
    return start, end, long_span


def _primary_place(event: Event) -> tuple[float | None, float | None, str | None, str | None]:
    located = [loc for loc in event.locations if loc.lat is not None and loc.lon is not None]
    first = located[0] if located else (event.locations[0] if event.locations else None)
    if first is None:
        return None, None, None, None
    return first.lat, first.lon, first.country, first.admin1


class SQLiteStore(MergingMixin, WatchStateMixin, Store):
    """:class:`Store` on one SQLite file (or ``":memory:"``)."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        self._lock = threading.RLock()
        self._term_ids: dict[tuple[str, str], int] = {}
        memory = self.path == ":memory:"
        if not memory:
            _check_path(Path(self.path), readonly)
        try:
            if readonly:
                uri = f"{Path(self.path).resolve().as_uri()}?mode=ro"
                conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            else:
                conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {self.path!r}: {exc}; pass another --db path") from exc
        self._conn: sqlite3.Connection | None = conn
        try:
            self._setup()
        except sqlite3.DatabaseError as exc:
            conn.close()
            self._conn = None
            raise StoreError(
                f"cannot open database {self.path!r}: {exc}; is it a sitrep database? "
                "pass another --db path"
            ) from exc
        except StoreError:
            conn.close()
            self._conn = None
            raise

    # ------------------------------------------------------------------ set-up

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"database {self.path!r} is closed; open it again with open_store()")
        return self._conn

    def _setup(self) -> None:
        conn = self.conn
        conn.execute("PRAGMA busy_timeout = 5000")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        n_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id != APPLICATION_ID and (n_tables or app_id or version):
            raise StoreError(
                f"cannot open database {self.path!r}: it is a SQLite file but not a sitrep "
                "database; pass another --db path (sitrep will not write into it)"
            )
        if version > LATEST_VERSION:
            raise StoreError(
                f"cannot open database {self.path!r}: it was written by a newer sitrep (schema "
                f"version {version}, this one knows up to {LATEST_VERSION}); upgrade sitrep"
            )
        if not self.readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            if version < LATEST_VERSION:
                self._migrate(version)
        elif version < LATEST_VERSION:
            raise StoreError(
                f"cannot open database {self.path!r} read-only: its schema (version {version}) "
                "needs an upgrade; open it once without read-only (e.g. `sitrep events`)"
            )
        conn.execute("PRAGMA temp_store = MEMORY")

    def _migrate(self, current: int) -> None:
        conn = self.conn
        for number, script in MIGRATIONS:
            if number <= current:
                continue
            try:
                conn.executescript(
                    "BEGIN IMMEDIATE;\n"
                    f"{script}\n"
                    f"PRAGMA application_id = {APPLICATION_ID};\n"
                    f"PRAGMA user_version = {number};\n"
                    "COMMIT;"
                )
            except sqlite3.Error as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise StoreError(
                    f"cannot upgrade database {self.path!r} to schema version {number}: {exc}; "
                    "restore a backup or start a new database with --db"
                ) from exc

    @property
    def schema_version(self) -> int:
        """The schema version of the open database."""
        with self._lock:
            return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                if not self.readonly:
                    try:
                        self._conn.execute("PRAGMA optimize")
                    except sqlite3.Error:
                        pass  # optimisation is best effort; closing must still happen
                self._conn.close()
                self._conn = None

    # ------------------------------------------------------------------ documents

    def has_document(self, doc_id: str) -> bool:
        with self._lock:
            row = self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row is not None

    def get_document(self, doc_id: str) -> Document | None:
        with self._lock:
            row = self.conn.execute(
                "SELECT id, text, published, url, title, source, origin FROM documents WHERE id = ?",
                (doc_id,),
            ).fetchone()
        return None if row is None else self._document(row)

    @staticmethod
    def _document(row: Sequence[object]) -> Document:
        published = row[2]
        return Document(
            id=str(row[0]),
            text=str(row[1]),
            published=date.fromisoformat(str(published)) if published else None,
            url=row[3],  # type: ignore[arg-type]
            title=row[4],  # type: ignore[arg-type]
            source=row[5],  # type: ignore[arg-type]
            origin=row[6],  # type: ignore[arg-type]
        )

    @contextmanager
    def _transaction(self, what: str) -> Iterator[sqlite3.Connection]:
        """One write transaction (the caller holds ``self._lock``): all of it is stored or none.
        ``what`` completes the error message, e.g. "store document 'doc_…'"."""
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            self._term_ids.clear()  # ids of terms created in the rolled-back transaction
            raise StoreError(
                f"cannot {what} in {self.path!r}: {exc}; nothing of it was written — check free disk "
                "space and that no other program locks the database"
            ) from exc
        except BaseException:
            conn.execute("ROLLBACK")
            self._term_ids.clear()
            raise

    def _insert_document_row(self, doc: Document, now: str) -> None:
        self.conn.execute(
            "INSERT INTO documents (id, text, published, url, title, source, origin, added_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.id, doc.text, doc.published.isoformat() if doc.published else None, doc.url, doc.title,
             doc.source, doc.origin, now),
        )

    def add_document(self, doc: Document, events: Sequence[Event]) -> AddResult:
        if self.readonly:
            raise StoreError(f"cannot store document {doc.id!r}: database {self.path!r} is open read-only")
        with self._lock:
            if self.has_document(doc.id):
                return AddResult(doc.id, stored=False, reason="already stored")
            now = _now()
            added = linked = 0
            with self._transaction(f"store document {doc.id!r}"):
                self._insert_document_row(doc, now)
                seen: set[str] = set()
                for event in events:
                    if event.id in seen:
                        continue
                    seen.add(event.id)
                    if self._insert_event(event, doc, now):
                        added += 1
                    else:
                        linked += 1
        return AddResult(doc.id, stored=True, events_added=added, events_linked=linked)

    def _insert_event(self, event: Event, doc: Document, now: str) -> bool:
        """Insert one event (True), or link an already-stored one to ``doc`` (False)."""
        conn = self.conn
        row = conn.execute("SELECT pk FROM events WHERE id = ?", (event.id,)).fetchone()
        doc_ids = dict.fromkeys([doc.id, *event.doc_ids])
        if row is not None:
            pk = int(row[0])
            if doc.source:
                self._add_terms(pk, [("source", doc.source.lower())], new_event=False)
            evidence = [ev for ev in event.evidence if ev.doc_id == doc.id]
            new = False
        else:
            record = json.dumps(event_to_dict(event), ensure_ascii=False, separators=(",", ":"))
            start, end, long_span = _date_columns(event)
            lat, lon, country, admin1 = _primary_place(event)
            cur = conn.execute(
                "INSERT INTO events (id, kind, date_start, date_end, long_span, lat, lon, country, "
                "admin1, summary, record, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (event.id, event.kind, start, end, long_span, lat, lon, country, admin1,
                 event.summary, record, now),
            )
            pk = int(cur.lastrowid or 0)
            conn.executemany(
                "INSERT INTO event_locations (event_pk, lat, lon, country, admin1) VALUES (?, ?, ?, ?, ?)",
                [
                    (pk, loc.lat, loc.lon,
                     loc.country.upper() if loc.country else None,
                     loc.admin1.lower() if loc.admin1 else None)
                    for loc in event.locations
                ],
            )
            self._add_terms(pk, _terms(event, doc.source))
            conn.execute("INSERT INTO event_text (rowid, body) VALUES (?, ?)", (pk, _body(event)))
            evidence = list(event.evidence)
            new = True
        conn.executemany(
            "INSERT OR IGNORE INTO event_reports (event_id, doc_id, added_at) VALUES (?, ?, ?)",
            [(event.id, d, now) for d in doc_ids],
        )
        conn.executemany(
            'INSERT INTO evidence (event_id, doc_id, start, "end", sentence, marks) VALUES (?, ?, ?, ?, ?, ?)',
            [
                (event.id, ev.doc_id, ev.start, ev.end, ev.sentence,
                 json.dumps([[m.start, m.end, m.field] for m in ev.marks]))
                for ev in evidence
            ],
        )
        return new

    def _term_id(self, field: str, value: str) -> int:
        key = (field, value)
        term_id = self._term_ids.get(key)
        if term_id is None:
            conn = self.conn
            conn.execute("INSERT OR IGNORE INTO terms (field, value, n) VALUES (?, ?, 0)", key)
            term_id = int(conn.execute("SELECT id FROM terms WHERE field = ? AND value = ?", key).fetchone()[0])
            self._term_ids[key] = term_id
        return term_id

    def _add_terms(self, pk: int, pairs: Sequence[tuple[str, str]], new_event: bool = True) -> None:
        """Link event ``pk`` to its filter terms and count it on each term."""
        conn = self.conn
        ids = [self._term_id(f, v) for f, v in pairs]
        if not new_event:  # an old event: only terms it does not carry yet count
            ids = [
                i for i in ids
                if conn.execute("INSERT OR IGNORE INTO event_terms (event_pk, term_id) VALUES (?, ?)", (pk, i)).rowcount
            ]
        else:
            conn.executemany("INSERT INTO event_terms (event_pk, term_id) VALUES (?, ?)", [(pk, i) for i in ids])
        conn.executemany("UPDATE terms SET n = n + 1 WHERE id = ?", [(i,) for i in ids])

    def _lookup_terms(self, field: str, value: str, exact: bool) -> tuple[tuple[int, ...], int]:
        if exact:
            sql = "SELECT id, n FROM terms WHERE field = ? AND value = ?"
        else:
            sql = "SELECT id, n FROM terms WHERE field = ? AND instr(value, ?) > 0"
        with self._lock:
            rows = self.conn.execute(sql, (field, value)).fetchall()
        return tuple(int(r[0]) for r in rows), sum(int(r[1]) for r in rows)

    def _where(self, flt: EventFilter) -> Where:
        return build_where(flt, self._lookup_terms)

    # ------------------------------------------------------------------ events

    def get_event(self, event_id: str) -> Event | None:
        with self._lock:
            row = self.conn.execute("SELECT record FROM events WHERE id = ?", (event_id,)).fetchone()
            if row is None:  # an id a merge replaced resolves to the event that absorbed it
                row = self.conn.execute(
                    "SELECT e.record FROM event_aliases a JOIN events e ON e.id = a.event_id WHERE a.old_id = ?",
                    (event_id,),
                ).fetchone()
        return None if row is None else event_from_dict(json.loads(row[0]))

    def _select_records(self, flt: EventFilter) -> tuple[str, tuple[object, ...]]:
        # Sort and page on the narrow keys first, then read the wide JSON records of the page.
        where = self._where(flt)
        page = page_clause(flt)
        sql = (
            f"SELECT e2.record FROM (SELECT e.pk, e.date_start, e.id FROM events e WHERE {where.sql} "
            f"{page.sql}) k JOIN events e2 ON e2.pk = k.pk ORDER BY k.date_start DESC, k.id"
        )
        return sql, where.params + page.params

    def iter_event_json(self, flt: EventFilter) -> Iterator[str]:
        sql, params = self._select_records(flt)
        with self._lock:
            cur = self.conn.execute(sql, params)
        while True:
            with self._lock:
                rows = cur.fetchmany(_FETCH)
            if not rows:
                return
            for (record,) in rows:
                yield str(record)

    def iter_events(self, flt: EventFilter) -> Iterator[Event]:
        for record in self.iter_event_json(flt):
            yield event_from_dict(json.loads(record))

    def iter_points(self, flt: EventFilter, limit: int) -> Iterator[MapPoint]:
        # The primary place is stored in its own columns: no JSON record is decoded.
        where = self._where(replace(flt, bbox=None, limit=None, offset=0))
        sql = (
            "SELECT e.id, e.kind, e.lat, e.lon, e.summary FROM events e "
            f"WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL AND ({where.sql}) LIMIT ?"
        )
        try:
            with self._lock:
                rows = self.conn.execute(sql, (*where.params, limit)).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read map points from {self.path!r}: {exc}") from exc
        return (MapPoint(i, k, float(la), float(lo), s or "") for i, k, la, lo, s in rows)

    def count_events(self, flt: EventFilter) -> int:
        where = self._where(flt)
        with self._lock:
            row = self.conn.execute(f"SELECT count(*) FROM events e WHERE {where.sql}", where.params).fetchone()
        return int(row[0])

    def explain(self, flt: EventFilter) -> list[str]:
        """SQLite's query plan for :meth:`query_events` (for tests and tuning)."""
        sql, params = self._select_records(flt)
        with self._lock:
            return [str(r[3]) for r in self.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]

    def documents_for_event(self, event_id: str) -> list[Document]:
        event_id = self.resolve_event_id(event_id) or event_id
        with self._lock:
            rows = self.conn.execute(
                "SELECT d.id, d.text, d.published, d.url, d.title, d.source, d.origin "
                "FROM event_reports r JOIN documents d ON d.id = r.doc_id WHERE r.event_id = ? "
                "ORDER BY d.published IS NULL, d.published, d.id",
                (event_id,),
            ).fetchall()
        return [self._document(r) for r in rows]

    def stats(self, flt: EventFilter) -> Stats:
        where = self._where(flt)
        with self._lock:
            rows = self.conn.execute(
                f"SELECT e.date_start, e.kind, count(*) FROM events e WHERE {where.sql} "
                "GROUP BY e.date_start, e.kind ORDER BY e.date_start, e.kind",
                where.params,
            ).fetchall()
        by_kind: dict[str, int] = {}
        for _day, kind, n in rows:
            by_kind[kind] = by_kind.get(kind, 0) + int(n)
        return Stats(
            by_day_kind=tuple((str(d), str(k), int(n)) for d, k, n in rows if d is not None),
            by_kind=tuple(sorted(by_kind.items(), key=lambda kv: (-kv[1], kv[0]))),
            total=sum(by_kind.values()),
        )
