"""Numbered schema migrations for the SQLite store.

Each migration is applied once, in order, inside one transaction that also sets
``PRAGMA user_version`` to its number, so a database is always at a known version.
Append new migrations; never edit one that has shipped.
"""

from __future__ import annotations

#: ``PRAGMA application_id`` of a sitrep database ("SITR" as a big-endian int).
APPLICATION_ID = 0x53495452

#: Events whose date range spans more days than this are "long": a date-range query
#: reaches them through a separate index instead of widening every range scan. Changing
#: it needs a migration that recomputes ``events.long_span``.
LONG_SPAN_DAYS = 7

MIGRATIONS: tuple[tuple[int, str], ...] = (
    (
        1,
        f"""
        CREATE TABLE documents (
            id        TEXT PRIMARY KEY,
            text      TEXT NOT NULL,
            published TEXT,
            url       TEXT,
            title     TEXT,
            source    TEXT,
            origin    TEXT,
            added_at  TEXT NOT NULL
        );

        -- One row per event; `record` is the full public event record as JSON, the other
        -- columns are copies used to filter and sort.
        CREATE TABLE events (
            pk         INTEGER PRIMARY KEY,
            id         TEXT NOT NULL UNIQUE,
            kind       TEXT NOT NULL,
            date_start TEXT,
            date_end   TEXT,
            long_span  INTEGER NOT NULL DEFAULT 0,   -- 1 when the range exceeds {LONG_SPAN_DAYS} days
            lat        REAL,                         -- primary (first located) location
            lon        REAL,
            country    TEXT,
            admin1     TEXT,
            summary    TEXT NOT NULL DEFAULT '',
            record     TEXT NOT NULL,
            added_at   TEXT NOT NULL
        );
        CREATE INDEX events_date ON events(date_start, date_end, kind);
        CREATE INDEX events_long ON events(date_end, date_start) WHERE long_span = 1;

        -- Which documents report which event (many per event once reports are merged).
        CREATE TABLE event_reports (
            event_id TEXT NOT NULL,
            doc_id   TEXT NOT NULL,
            added_at TEXT NOT NULL,
            PRIMARY KEY (event_id, doc_id)
        ) WITHOUT ROWID;
        CREATE INDEX event_reports_doc ON event_reports(doc_id);

        CREATE TABLE evidence (
            event_id TEXT NOT NULL,
            doc_id   TEXT NOT NULL,
            start    INTEGER NOT NULL,
            "end"    INTEGER NOT NULL,
            sentence TEXT NOT NULL,
            marks    TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX evidence_event ON evidence(event_id);
        CREATE INDEX evidence_doc ON evidence(doc_id);

        -- Every location of every event, for the bounding-box filter.
        CREATE TABLE event_locations (
            event_pk    INTEGER NOT NULL,
            lat         REAL,
            lon         REAL,
            country     TEXT,   -- upper case
            admin1      TEXT    -- lower case
        );
        CREATE INDEX event_locations_event ON event_locations(event_pk, lat, lon);
        CREATE INDEX event_locations_point ON event_locations(lat, lon);

        -- Distinct filter values (field: actor, weapon, source, country, admin1; value lower
        -- case, country upper case) and how many events carry each: a substring filter
        -- first finds the few matching terms, then the events through event_terms.
        CREATE TABLE terms (
            id    INTEGER PRIMARY KEY,
            field TEXT NOT NULL,
            value TEXT NOT NULL,
            n     INTEGER NOT NULL DEFAULT 0,
            UNIQUE (field, value)
        );
        CREATE TABLE event_terms (
            event_pk INTEGER NOT NULL,
            term_id  INTEGER NOT NULL,
            PRIMARY KEY (event_pk, term_id)
        ) WITHOUT ROWID;
        CREATE INDEX event_terms_term ON event_terms(term_id, event_pk);

        -- Free-text search over summary and evidence sentences (trigram: substrings match);
        -- rowid = events.pk.
        CREATE VIRTUAL TABLE event_text USING fts5(body, tokenize = 'trigram');

        CREATE TABLE store_meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """,
    ),
    (
        2,
        """
        -- Merging (issue 6): every document's account of an event is a report; reports of the
        -- same real-world event share one row in `events` (event_id).
        CREATE TABLE reports (
            pk        INTEGER PRIMARY KEY,
            id        TEXT NOT NULL UNIQUE,   -- the extractor's event id for this document
            event_id  TEXT NOT NULL,          -- the merged event it belongs to
            component TEXT NOT NULL,          -- its connected component of same-event links
            doc_id    TEXT NOT NULL,
            published TEXT,
            kind      TEXT NOT NULL,
            record    TEXT NOT NULL           -- the report as extracted (public event record JSON)
        );
        CREATE INDEX reports_event ON reports(event_id);
        CREATE INDEX reports_doc ON reports(doc_id);
        CREATE INDEX reports_component ON reports(component);

        -- Candidate search: one row per (report, day it covers, place it names). A merge looks
        -- up the days one either side of a report, then a box around each place or its region.
        CREATE TABLE report_keys (
            kind      TEXT NOT NULL,
            day       TEXT NOT NULL,
            lat       REAL,
            lon       REAL,
            region    TEXT,                   -- "ua/kharkiv"
            regional  INTEGER NOT NULL,       -- 1 for a mention of the region itself
            report_pk INTEGER NOT NULL
        );
        CREATE INDEX report_keys_point ON report_keys(kind, day, lat);
        CREATE INDEX report_keys_region ON report_keys(kind, day, region, regional);
        CREATE INDEX report_keys_report ON report_keys(report_pk);

        -- An event id that was replaced by a merge keeps resolving to the event that absorbed it.
        CREATE TABLE event_aliases (
            old_id   TEXT PRIMARY KEY,
            event_id TEXT NOT NULL
        ) WITHOUT ROWID;

        -- User decisions: 'apart' (doc_id, doc_id) never merge; 'together' (report_id, report_id)
        -- always merge. Pairs are stored sorted.
        CREATE TABLE merge_decisions (
            kind    TEXT NOT NULL,
            a       TEXT NOT NULL,
            b       TEXT NOT NULL,
            made_at TEXT NOT NULL,
            PRIMARY KEY (kind, a, b)
        ) WITHOUT ROWID;

        -- An edited passage of a watched page: the new text replaced the old document's reports.
        CREATE TABLE revisions (
            old_doc_id TEXT NOT NULL,
            new_doc_id TEXT NOT NULL,
            source     TEXT,
            revised_at TEXT NOT NULL,
            PRIMARY KEY (old_doc_id, new_doc_id)
        ) WITHOUT ROWID;
        CREATE INDEX revisions_new ON revisions(new_doc_id);

        -- The watcher's state, so a restarted watcher resumes where it stopped.
        CREATE TABLE watch_sources (
            source        TEXT PRIMARY KEY,
            etag          TEXT,
            last_modified TEXT,
            polls         INTEGER NOT NULL DEFAULT 0,
            failures      INTEGER NOT NULL DEFAULT 0,
            last_poll     TEXT,
            next_poll     REAL NOT NULL DEFAULT 0,
            last_error    TEXT
        ) WITHOUT ROWID;
        CREATE TABLE watch_passages (
            source      TEXT NOT NULL,
            fingerprint TEXT NOT NULL,              -- hash of the passage's normalised text
            key         TEXT,                       -- the passage's own identity when it has one (entry link, message id)
            doc_id      TEXT NOT NULL,
            active      INTEGER NOT NULL DEFAULT 1,  -- 0 once the passage left the page or was edited
            first_seen  TEXT NOT NULL,
            last_seen   TEXT NOT NULL,
            PRIMARY KEY (source, fingerprint)
        ) WITHOUT ROWID;
        """,
    ),
    (
        3,
        """
        -- A merge that replaces an event id re-points the aliases of the old id: find them fast.
        CREATE INDEX event_aliases_event ON event_aliases(event_id);
        """,
    ),
)

LATEST_VERSION = MIGRATIONS[-1][0]
