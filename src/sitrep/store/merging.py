"""Merging inside the SQLite store: reports in, one event per real-world event out.

    add_reports(doc, events)
      -> each event is a report (table ``reports``; keys by day and place in ``report_keys``)
      -> neighbours: same kind, the days one either side, a box of MAX_KM around each place or
         the same region (indexed look-ups per place; never a scan of all events), kept when
         sitrep.merge.linked says they may be the same event
      -> _settle: the report's cluster is decided as sitrep.merge.base_clusters would decide it
         over all reports; the change is passed on to the later reports it can affect
      -> _render: the events of the clusters that changed are re-combined
         (sitrep.merge.combine_reports); ids that no longer name an event become aliases

The column ``reports.component`` holds the report's cluster (the id of its leader, the
cluster's earliest report); ``reports.event_id`` the event it is shown in (clusters tied by a
user's 'together' decision share one). Everything for one document is one transaction.
"""

from __future__ import annotations

import heapq
import json
import math
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from sitrep.errors import StoreError
from sitrep.merge import (
    MAX_KM,
    Decisions,
    Dispute,
    Report,
    combine_reports,
    date_range,
    disputes,
    facts,
    fits,
    is_regional,
    join_decided,
    linked,
    match_places,
    mergeable,
    region_key,
)
from sitrep.model import Document, Event, event_from_dict, event_to_dict
from sitrep.store.base import AddResult, EventReport

_KM_PER_DEG = 111.0


@dataclass(frozen=True, slots=True)
class MergeResult:
    """What a user decision (split or merge) did: the events it left."""

    event_ids: tuple[str, ...]


def _dump(event: Event) -> str:
    return json.dumps(event_to_dict(event), ensure_ascii=False, separators=(",", ":"))


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


class MergingMixin:
    """Merging methods of :class:`~sitrep.store.sqlite.SQLiteStore` (see module docstring)."""

    # provided by SQLiteStore
    conn: sqlite3.Connection
    path: str
    readonly: bool

    # ------------------------------------------------------------------ public

    def add_reports(self, doc: Document, events: Sequence[Event], *, replaces: str | None = None) -> AddResult:
        """Store a document and merge each of its events with the stored reports of the same event.

        ``replaces``: the id of a stored document this one revises (an edited passage): its
        reports are withdrawn, each new report of the same kind takes the id of the old one
        (so event ids stay), and a revision is recorded. A stored doc id changes nothing.
        """
        if self.readonly:
            raise StoreError(f"cannot store document {doc.id!r}: database {self.path!r} is open read-only")
        with self._lock:  # type: ignore[attr-defined]
            if self.has_document(doc.id):  # type: ignore[attr-defined]
                return AddResult(doc.id, stored=False, reason="already stored")
            now = self._now()
            with self._transaction(f"store document {doc.id!r}"):  # type: ignore[attr-defined]
                self._insert_document_row(doc, now)  # type: ignore[attr-defined]
                added, linked = self._merge_in(doc, events, replaces, now)
        return AddResult(doc.id, stored=True, events_added=added, events_linked=linked)

    def resolve_event_id(self, event_id: str) -> str | None:
        """The current id of an event: itself, or the event that absorbed it (aliases), or None."""
        with self._lock:  # type: ignore[attr-defined]
            if self.conn.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone():
                return event_id
            row = self.conn.execute("SELECT event_id FROM event_aliases WHERE old_id = ?", (event_id,)).fetchone()
        return str(row[0]) if row else None

    def reports_for_event(self, event_id: str) -> list[EventReport]:
        """Each document's own report of the event, earliest first (empty for unmerged stores)."""
        current = self.resolve_event_id(event_id) or event_id
        with self._lock:  # type: ignore[attr-defined]
            rows = self.conn.execute(
                "SELECT doc_id, record FROM reports WHERE event_id = ? ORDER BY published IS NULL, published, id",
                (current,),
            ).fetchall()
        return [EventReport(str(d), self.get_document(str(d)), event_from_dict(json.loads(r))) for d, r in rows]  # type: ignore[attr-defined]

    def report_links(self) -> list[tuple[str, str, str]]:
        """(report id, doc id, event id) of every stored report, by report id."""
        with self._lock:  # type: ignore[attr-defined]
            rows = self.conn.execute("SELECT id, doc_id, event_id FROM reports ORDER BY id").fetchall()
        return [(str(a), str(b), str(c)) for a, b, c in rows]

    def disputes_for_event(self, event_id: str) -> tuple[Dispute, ...]:
        """Figures the event's reports disagree on, each value with its document and source."""
        reports = self.reports_for_event(event_id)
        sources = {r.doc_id: r.document.source for r in reports if r.document and r.document.source}
        return disputes([Report(r.report, r.doc_id, _pub(r.document)) for r in reports], sources)  # type: ignore[arg-type]

    def split_event(self, event_id: str, doc_id: str) -> MergeResult:
        """Undo a wrong merge: the reports of ``doc_id`` leave the event and never merge with
        the documents left in it again (a decision kept in the database)."""
        current = self._require_event(event_id)
        with self._lock:  # type: ignore[attr-defined]
            docs = [str(r[0]) for r in self.conn.execute(
                "SELECT DISTINCT doc_id FROM reports WHERE event_id = ? ORDER BY doc_id", (current,))]
            if doc_id not in docs:
                raise StoreError(
                    f"document {doc_id!r} does not report event {current!r}; its documents are: "
                    f"{', '.join(docs) or 'none'} (see `sitrep show {current}`)"
                )
            if len(docs) == 1:
                return MergeResult((current,))
            pairs = [_pair(doc_id, other) for other in docs if other != doc_id]
            self._decide("apart", pairs, [current])
            rows = self.conn.execute(
                f"SELECT doc_id, event_id FROM reports WHERE doc_id IN ({','.join('?' * len(docs))}) ORDER BY id", docs
            ).fetchall()
            rest = [str(e) for d, e in rows if d != doc_id]
            mine = [str(e) for d, e in rows if d == doc_id]
            return MergeResult(tuple(dict.fromkeys(sorted(rest) + sorted(mine))))

    def merge_events_by_id(self, a: str, b: str) -> MergeResult:
        """Force two events into one (a decision kept in the database)."""
        ea, eb = self._require_event(a), self._require_event(b)
        if ea == eb:
            return MergeResult((ea,))
        self._decide("together", [_pair(ea, eb)], [ea, eb])
        return MergeResult((self._require_event(ea),))

    def decisions(self) -> Decisions:
        """Every user decision stored."""
        with self._lock:  # type: ignore[attr-defined]
            rows = self.conn.execute("SELECT kind, a, b FROM merge_decisions").fetchall()
        return Decisions(
            apart=frozenset((a, b) for k, a, b in rows if k == "apart"),
            together=frozenset((a, b) for k, a, b in rows if k == "together"),
        )

    def revisions_of(self, doc_id: str) -> list[tuple[str, str, str]]:
        """(old doc id, new doc id, revised at) for every revision touching ``doc_id``."""
        with self._lock:  # type: ignore[attr-defined]
            rows = self.conn.execute(
                "SELECT old_doc_id, new_doc_id, revised_at FROM revisions WHERE old_doc_id = ? OR new_doc_id = ? "
                "ORDER BY revised_at",
                (doc_id, doc_id),
            ).fetchall()
        return [(str(a), str(b), str(c)) for a, b, c in rows]

    # ------------------------------------------------------------------ internals

    def _require_event(self, event_id: str) -> str:
        current = self.resolve_event_id(event_id)
        if current is None:
            raise StoreError(f"no event {event_id!r} in {self.path!r}; list the ids with `sitrep events`")
        return current

    def _decide(self, kind: str, pairs: Iterable[tuple[str, str]], event_ids: Sequence[str]) -> None:
        if self.readonly:
            raise StoreError(f"cannot record a decision: database {self.path!r} is open read-only")
        now = self._now()
        with self._lock, self._transaction(f"record a {kind} decision"):  # type: ignore[attr-defined]
            self.conn.executemany(
                "INSERT OR IGNORE INTO merge_decisions (kind, a, b, made_at) VALUES (?, ?, ?, ?)",
                [(kind, a, b, now) for a, b in pairs],
            )
            decisions = self.decisions()
            members = self._reports_of_events(event_ids)
            touched = {self._cluster_of(r.id) for r in members}
            if kind == "apart":  # who links to whom changed: re-decide every member
                touched |= self._settle(members, decisions, set())
            self._render(touched, decisions)

    @staticmethod
    def _now() -> str:
        from sitrep.store.sqlite import _now

        return _now()

    def _merge_in(self, doc: Document, events: Sequence[Event], replaces: str | None, now: str) -> tuple[int, int]:
        published = doc.published.isoformat() if doc.published else None
        incoming: dict[str, Event] = {}
        for e in events:
            incoming.setdefault(e.id, e)
        decisions = self.decisions()
        touched: set[str] = set()
        seeds: list[Report] = []
        if replaces:
            incoming = self._take_ids(replaces, list(incoming.values()))
            touched, seeds = self._withdraw(replaces, doc.id, now)
        new_reports: list[Report] = []
        for event in incoming.values():
            if self.conn.execute("SELECT 1 FROM reports WHERE id = ?", (event.id,)).fetchone():
                continue  # the same report id is already stored (a duplicate event): nothing to add
            report = Report(event, doc.id, published)
            self._insert_report(report)
            new_reports.append(report)
        touched |= self._settle(seeds + new_reports, decisions, {r.id for r in new_reports})
        self._render(touched, decisions)
        linked = sum(self._cluster_of(r.id) != r.id for r in new_reports)
        return len(new_reports) - linked, linked

    def _take_ids(self, old_doc: str, events: list[Event]) -> dict[str, Event]:
        """Give revised reports the ids of the old passage's reports of the same kind, in order."""
        from dataclasses import replace

        old = [(str(i), str(k)) for i, k in self.conn.execute(
            "SELECT id, kind FROM reports WHERE doc_id = ? ORDER BY pk", (old_doc,))]
        out: dict[str, Event] = {}
        for e in events:
            match = next((i for i, k in old if k == e.kind), None)
            if match is not None:
                old.remove((match, e.kind))
                e = replace(e, id=match)
            out.setdefault(e.id, e)
        return out

    def _withdraw(self, old_doc: str, new_doc: str, now: str) -> tuple[set[str], list[Report]]:
        """Remove the reports of a revised document. Returns the clusters they were in and the
        reports to re-decide (the later members of those clusters and their neighbours)."""
        gone = self._reports_where("doc_id = ?", (old_doc,))
        clusters = {self._cluster_of(r.id) for r in gone}
        rows = self.conn.execute("SELECT pk FROM reports WHERE doc_id = ?", (old_doc,)).fetchall()
        self.conn.executemany("DELETE FROM report_keys WHERE report_pk = ?", rows)
        self.conn.execute("DELETE FROM reports WHERE doc_id = ?", (old_doc,))
        self.conn.execute(
            "INSERT OR IGNORE INTO revisions (old_doc_id, new_doc_id, source, revised_at) VALUES (?, ?, ?, ?)",
            (old_doc, new_doc, None, now),
        )
        seeds: dict[str, Report] = {}
        for cl in clusters:
            for m in self._members(cl):
                seeds[m.id] = m
                for y in self._neighbours(m, None):
                    seeds.setdefault(y.id, y)
        for r in gone:
            for y in self._neighbours(r, None):
                seeds.setdefault(y.id, y)
        return clusters, list(seeds.values())

    def _insert_report(self, report: Report) -> None:
        cur = self.conn.execute(
            "INSERT INTO reports (id, event_id, component, doc_id, published, kind, record) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (report.id, report.id, report.id, report.doc_id, report.published, report.event.kind, _dump(report.event)),
        )
        pk = int(cur.lastrowid or 0)
        if not mergeable(report.event):
            return
        rng = date_range(report.event)
        assert rng is not None
        days = [(rng[0] + timedelta(days=i)).isoformat() for i in range((rng[1] - rng[0]).days + 1)]
        rows = []
        for loc in match_places(report.event):
            for day in days:
                rows.append((report.event.kind, day, loc.lat, loc.lon, region_key(loc), int(is_regional(loc)), pk))
        self.conn.executemany(
            "INSERT INTO report_keys (kind, day, lat, lon, region, regional, report_pk) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )

    def _candidates(self, report: Report) -> list[Report]:
        """Stored reports that may be the same event: indexed look-ups by kind, day and place."""
        if not mergeable(report.event):
            return []
        rng = date_range(report.event)
        assert rng is not None
        days = [(rng[0] + timedelta(days=i)).isoformat() for i in range(-1, (rng[1] - rng[0]).days + 2)]
        marks = ",".join("?" * len(days))
        kind = report.event.kind
        pks: set[int] = set()
        for loc in match_places(report.event):
            region = region_key(loc)
            if is_regional(loc):
                if region:
                    pks.update(r[0] for r in self.conn.execute(
                        f"SELECT report_pk FROM report_keys WHERE kind = ? AND day IN ({marks}) AND region = ?",
                        (kind, *days, region)))
                continue
            dlat = MAX_KM / _KM_PER_DEG
            dlon = dlat / max(0.1, math.cos(math.radians(loc.lat or 0.0)))
            pks.update(r[0] for r in self.conn.execute(
                f"SELECT report_pk FROM report_keys WHERE kind = ? AND day IN ({marks}) "
                "AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?",
                (kind, *days, loc.lat - dlat, loc.lat + dlat, loc.lon - dlon, loc.lon + dlon)))  # type: ignore[operator]
            if region:
                pks.update(r[0] for r in self.conn.execute(
                    f"SELECT report_pk FROM report_keys WHERE kind = ? AND day IN ({marks}) AND region = ? "
                    "AND regional = 1",
                    (kind, *days, region)))
        if not pks:
            return []
        rows = self.conn.execute(
            f"SELECT id, doc_id, published, record FROM reports WHERE pk IN ({','.join('?' * len(pks))})",
            sorted(pks),
        ).fetchall()
        return [self._report(r) for r in rows]

    @staticmethod
    def _report(row: Sequence[object]) -> Report:
        return Report(event_from_dict(json.loads(str(row[3]))), str(row[1]), row[2])  # type: ignore[arg-type]

    def _cluster_of(self, report_id: str) -> str:
        return str(self.conn.execute("SELECT component FROM reports WHERE id = ?", (report_id,)).fetchone()[0])

    def _reports_where(self, where: str, params: Sequence[object]) -> list[Report]:
        rows = self.conn.execute(f"SELECT id, doc_id, published, record FROM reports WHERE {where}", params).fetchall()
        return [self._report(r) for r in rows]

    def _members(self, cluster: str) -> list[Report]:
        """The reports of a base cluster (the column ``component`` holds the cluster's leader)."""
        return sorted(self._reports_where("component = ?", (cluster,)), key=lambda r: r.sort_key)

    def _neighbours(self, report: Report, decisions: Decisions | None) -> list[Report]:
        mine = facts(report)
        return [c for c in self._candidates(report) if c.id != report.id and linked(mine, facts(c), decisions)]

    def _settle(self, seeds: Sequence[Report], decisions: Decisions, new_ids: set[str]) -> set[str]:
        """Re-decide the cluster of ``seeds`` and of every report a change reaches, in canonical
        order, exactly as :func:`sitrep.merge.base_clusters` would over all reports. Returns the
        clusters whose members changed. A report depends only on earlier ones, so a change is
        passed on to later reports only: its later neighbours and the later members of the
        clusters it left or joined (and, for a cluster it left, their later neighbours, which
        that member may have kept out)."""
        heap: list[tuple[tuple[str, str], str, Report]] = []
        queued: set[str] = set()

        def push(r: Report) -> None:
            if r.id not in queued:
                queued.add(r.id)
                heapq.heappush(heap, (r.sort_key, r.id, r))

        for r in seeds:
            push(r)
        touched: set[str] = set()
        while heap:
            key, rid, x = heapq.heappop(heap)
            queued.discard(rid)
            row = self.conn.execute("SELECT component FROM reports WHERE id = ?", (rid,)).fetchone()
            if row is None:
                continue  # withdrawn meanwhile
            old = str(row[0])
            fx = facts(x)
            neighbours = self._neighbours(x, decisions)
            candidates = {self._cluster_of(y.id) for y in neighbours if y.sort_key < key}
            choice = x.id
            for cl in sorted(candidates, key=self._leader_key):
                earlier = [facts(m) for m in self._members(cl) if m.sort_key < key]
                if earlier and fits(fx, earlier, decisions):
                    choice = cl
                    break
            if choice == old and rid not in new_ids:
                continue
            new_ids.discard(rid)
            self.conn.execute("UPDATE reports SET component = ? WHERE id = ?", (choice, rid))
            touched |= {old, choice}
            for y in neighbours:
                if y.sort_key > key:
                    push(y)
            for cl in {old, choice}:
                for m in self._members(cl):
                    if m.sort_key > key:
                        push(m)
                    if cl == old and old != choice and old != rid:
                        for y in self._neighbours(m, decisions):
                            if y.sort_key > key:
                                push(y)
        return touched

    def _leader_key(self, cluster: str) -> tuple[str, str]:
        row = self.conn.execute("SELECT published, id FROM reports WHERE id = ?", (cluster,)).fetchone()
        return (row[0] or "9999-99-99", row[1]) if row else ("9999-99-99", cluster)

    def _render(self, touched: set[str], decisions: Decisions) -> None:
        """Rewrite the events of the touched clusters (joined with clusters a 'together'
        decision ties them to); ids that no longer name an event become aliases."""
        clusters: set[str] = set()
        frontier = set(touched)
        while frontier:  # close over 'together' decisions
            cl = frontier.pop()
            if cl in clusters:
                continue
            clusters.add(cl)
            ids = {r.id for r in self._members(cl)}
            for a, b in decisions.together:
                for mine, other in ((a, b), (b, a)):
                    if mine in ids:
                        row = self.conn.execute("SELECT component FROM reports WHERE id = ?", (other,)).fetchone()
                        if row is not None:
                            frontier.add(str(row[0]))
        by_cluster = {cl: self._members(cl) for cl in sorted(clusters)}
        by_cluster = {cl: ms for cl, ms in by_cluster.items() if ms}
        old_events = {str(r[0]) for cl in by_cluster for r in self.conn.execute(
            "SELECT DISTINCT event_id FROM reports WHERE component = ?", (cl,))} | set(touched)
        new_ids = []
        for group in join_decided(list(by_cluster.values()), decisions):
            event = combine_reports(group)
            new_ids.append(event.id)
            self._write_event(event, group)
        for old in sorted(old_events - set(new_ids)):
            self._delete_event(old)
            row = self.conn.execute("SELECT event_id FROM reports WHERE id = ?", (old,)).fetchone()
            if row is not None:  # aliases that pointed at the old id follow it
                self.conn.execute("UPDATE event_aliases SET event_id = ? WHERE event_id = ?", (str(row[0]), old))

    def _event_of(self, report_id: str) -> str:
        return str(self.conn.execute("SELECT event_id FROM reports WHERE id = ?", (report_id,)).fetchone()[0])

    def _reports_of_events(self, event_ids: Iterable[str]) -> list[Report]:
        ids = list(event_ids)
        if not ids:
            return []
        rows = self.conn.execute(
            f"SELECT id, doc_id, published, record FROM reports WHERE event_id IN ({','.join('?' * len(ids))})",
            ids,
        ).fetchall()
        return [self._report(r) for r in rows]

    def _write_event(self, event: Event, group: Sequence[Report]) -> None:
        current = self.conn.execute("SELECT record FROM events WHERE id = ?", (event.id,)).fetchone()
        if current is None or str(current[0]) != _dump(event):  # unchanged rows stay as they are
            if current is not None:
                self._delete_event(event.id)
            self._store_event(event, [r.doc_id for r in group])
        self.conn.executemany("UPDATE reports SET event_id = ? WHERE id = ?", [(event.id, r.id) for r in group])
        self.conn.executemany(  # every report id of the group resolves to the event
            "INSERT INTO event_aliases (old_id, event_id) VALUES (?, ?) "
            "ON CONFLICT(old_id) DO UPDATE SET event_id = excluded.event_id",
            [(r.id, event.id) for r in group if r.id != event.id],
        )
        self.conn.execute("DELETE FROM event_aliases WHERE old_id = ?", (event.id,))

    def _store_event(self, event: Event, doc_ids: Sequence[str]) -> None:
        carrier = Document(id=doc_ids[0], text="")
        self._insert_event(event, carrier, self._now())  # type: ignore[attr-defined]
        pk = int(self.conn.execute("SELECT pk FROM events WHERE id = ?", (event.id,)).fetchone()[0])
        outlets = sorted({str(r[0]).lower() for r in self.conn.execute(
            f"SELECT source FROM documents WHERE id IN ({','.join('?' * len(doc_ids))}) AND source IS NOT NULL",
            list(doc_ids))})
        if outlets:
            self._add_terms(pk, [("source", o) for o in outlets], new_event=False)  # type: ignore[attr-defined]

    def _delete_event(self, event_id: str) -> None:
        row = self.conn.execute("SELECT pk FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            return
        pk = int(row[0])
        conn = self.conn
        conn.execute(
            "UPDATE terms SET n = n - 1 WHERE id IN (SELECT term_id FROM event_terms WHERE event_pk = ?)", (pk,)
        )
        conn.execute("DELETE FROM event_terms WHERE event_pk = ?", (pk,))
        conn.execute("DELETE FROM event_locations WHERE event_pk = ?", (pk,))
        conn.execute("DELETE FROM event_text WHERE rowid = ?", (pk,))
        conn.execute("DELETE FROM evidence WHERE event_id = ?", (event_id,))
        conn.execute("DELETE FROM event_reports WHERE event_id = ?", (event_id,))
        conn.execute("DELETE FROM events WHERE pk = ?", (pk,))


def _pub(doc: Document | None) -> str | None:
    return doc.published.isoformat() if doc and doc.published else None





def report_line(r: EventReport) -> str:
    """One line for ``sitrep show``: who reported what (date, places, figures)."""
    e = r.report
    doc = r.document
    who = " · ".join(x for x in (r.doc_id, doc.source if doc else None,
                                 doc.published.isoformat() if doc and doc.published else None) if x)
    places = ", ".join(dict.fromkeys(loc.name for loc in e.locations)) or "no place"
    figures = "; ".join(
        [f"{q.item} {q.role or ''} {q.value}".replace("  ", " ") for q in e.quantities]
        + [f"{c.group} {c.outcome} {c.value}" for c in e.casualties]
    )
    day = e.date.start if e.date.end in (None, e.date.start) else f"{e.date.start}..{e.date.end}"
    return f"{who}: {e.kind} {day} at {places}" + (f" — {figures}" if figures else "")


def reports_to_json(reports: Sequence[EventReport], found: Sequence[Dispute]) -> dict[str, object]:
    """The ``reports`` and ``disputes`` members of ``sitrep show --json`` and ``GET /api/events/{id}``."""
    return {
        "reports": [
            {"doc_id": r.doc_id, "source": r.document.source if r.document else None,
             "published": r.document.published.isoformat() if r.document and r.document.published else None,
             "event": event_to_dict(r.report)}
            for r in reports
        ],
        "disputes": [
            {"field": d.field, "item": d.item,
             "values": [{"value": v, "doc_id": doc, "source": src} for v, doc, src in d.values]}
            for d in found
        ],
    }

__all__ = ["EventReport", "MergeResult", "MergingMixin", "report_line", "reports_to_json"]
