"""Turn an :class:`~sitrep.model.EventFilter` into a SQLite WHERE clause.

The shape of the SQL is chosen so that the planner uses the right index: a date range
drives the query through ``events_date``; selective term filters (actor, weapon, source,
country, admin1) become lists of event keys, common ones are checked per event; a bounding
box is checked per event when dates or the sort order drive, else through the point index.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sitrep.errors import StoreError
from sitrep.model import EventFilter
from sitrep.store.migrations import LONG_SPAN_DAYS


@dataclass(frozen=True, slots=True)
class Where:
    """A WHERE clause (without the keyword; "1" when empty) and its parameters."""

    sql: str
    params: tuple[object, ...]


def _iso(value: str, name: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise StoreError(
            f"invalid filter {name}={value!r}: expected an ISO date such as 2022-06-25"
        ) from None


def like_pattern(text: str) -> str:
    """A case-insensitive LIKE pattern matching ``text`` anywhere (``%`` and ``_`` act as wildcards)."""
    return f"%{text.strip().lower()}%"


#: Term filters matching at most this many events are evaluated as a list of event keys;
#: commoner ones are checked per event while the date index (or the sort order) drives.
SELECTIVE_TERMS = 5000

#: Look up term ids: (field, value, exact) -> (matching term ids, events carrying them).
TermLookup = Callable[[str, str, bool], tuple[tuple[int, ...], int]]


def _date_clause(flt: EventFilter) -> tuple[list[str], list[object]]:
    if not flt.since and not flt.until:
        return [], []
    since = _iso(flt.since, "since") if flt.since else None
    until = _iso(flt.until, "until") if flt.until else None
    if since and until and since > until:
        raise StoreError(f"invalid filter: since={flt.since} is after until={flt.until}")
    if since:
        # Overlap of [date_start, date_end] with [since, ...]. A short event starts at most
        # LONG_SPAN_DAYS before `since`, which keeps the scan of events_date narrow; long
        # events are found through their own partial index on date_end.
        lo = (since - timedelta(days=LONG_SPAN_DAYS)).isoformat()
        s = since.isoformat()
        if until:
            u = until.isoformat()
            return (
                [
                    (
                        "((e.date_start BETWEEN ? AND ? AND e.date_end >= ?) "
                        "OR (e.long_span = 1 AND e.date_end >= ? AND e.date_start <= ?))"
                    )
                ],
                [lo, u, s, s, u],
            )
        return (
            ["((e.date_start >= ? AND e.date_end >= ?) OR (e.long_span = 1 AND e.date_end >= ?))"],
            [lo, s, s],
        )
    assert until is not None
    return ["e.date_start <= ?"], [until.isoformat()]


def _bbox_clause(flt: EventFilter) -> tuple[list[str], list[object]]:
    if flt.bbox is None:
        return [], []
    try:
        min_lon, min_lat, max_lon, max_lat = (float(v) for v in flt.bbox)
    except (TypeError, ValueError):
        raise StoreError(
            f"invalid filter bbox={flt.bbox!r}: expected four numbers min_lon,min_lat,max_lon,max_lat"
        ) from None
    if min_lat > max_lat:
        raise StoreError(f"invalid filter bbox={flt.bbox!r}: min_lat is above max_lat")
    conds = ["l.lat BETWEEN ? AND ?"]
    params: list[object] = [min_lat, max_lat]
    if min_lon <= max_lon:
        conds.append("l.lon BETWEEN ? AND ?")
    else:  # the box crosses the antimeridian
        conds.append("(l.lon >= ? OR l.lon <= ?)")
    params += [min_lon, max_lon]
    return conds, params


def _term_filters(flt: EventFilter) -> list[tuple[str, str, bool]]:
    """(field, value, exact) for each term filter that is set."""
    out: list[tuple[str, str, bool]] = []
    for field, value in (("actor", flt.actor), ("weapon", flt.weapon), ("source", flt.source)):
        if value and value.strip():
            out.append((field, value.strip().lower(), False))
    if flt.country and flt.country.strip():
        out.append(("country", flt.country.strip().upper(), True))
    if flt.admin1 and flt.admin1.strip():
        out.append(("admin1", flt.admin1.strip().lower(), True))
    return out


def build_where(flt: EventFilter, lookup: TermLookup) -> Where:
    """The WHERE clause over ``events AS e`` for every condition of ``flt``."""
    clauses: list[str] = []
    params: list[object] = []
    date_sql, date_params = _date_clause(flt)
    clauses += date_sql
    params += date_params
    kinds = tuple(k for k in flt.kind if k)
    if kinds:
        clauses.append(f"e.kind IN ({', '.join('?' * len(kinds))})")
        params += kinds
    for field, value, exact in _term_filters(flt):
        ids, n_events = lookup(field, value, exact)
        if not ids:
            return Where("0", ())
        marks = ", ".join("?" * len(ids))
        if n_events <= SELECTIVE_TERMS:
            clauses.append(f"e.pk IN (SELECT et.event_pk FROM event_terms et WHERE et.term_id IN ({marks}))")
        else:
            clauses.append(
                "EXISTS (SELECT 1 FROM event_terms et WHERE et.event_pk = e.pk "
                f"AND et.term_id IN ({marks}))"
            )
        params += ids
    bbox_sql, bbox_params = _bbox_clause(flt)
    if bbox_sql:
        cond = " AND ".join(bbox_sql)
        if date_sql or flt.limit is not None:  # the date index or the sort order drives
            clauses.append(f"EXISTS (SELECT 1 FROM event_locations l WHERE l.event_pk = e.pk AND {cond})")
        else:  # the point index drives
            clauses.append(f"e.pk IN (SELECT l.event_pk FROM event_locations l WHERE {cond})")
        params += bbox_params
    words = (flt.q or "").split()
    if words:
        clauses.append(
            "e.pk IN (SELECT t.rowid FROM event_text t WHERE "
            + " AND ".join("t.body LIKE ?" for _ in words)
            + ")"
        )
        params += [like_pattern(w) for w in words]
    return Where(" AND ".join(clauses) if clauses else "1", tuple(params))


def page_clause(flt: EventFilter) -> Where:
    """ORDER BY / LIMIT / OFFSET for :meth:`Store.query_events`."""
    limit = -1 if flt.limit is None else int(flt.limit)
    offset = int(flt.offset or 0)
    if limit < 0 and flt.limit is not None or offset < 0:
        raise StoreError(f"invalid paging limit={flt.limit} offset={flt.offset}: use numbers >= 0")
    return Where("ORDER BY e.date_start DESC, e.id LIMIT ? OFFSET ?", (limit, offset))
