"""The store's public API, independent of the database behind it.

:class:`Store` is what every caller (CLI, web, merging) programs against; the SQLite
implementation lives in :mod:`sitrep.store.sqlite`, and a PostgreSQL one can follow
with the same methods.
"""

from __future__ import annotations

import abc
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from types import TracebackType
from typing import Self

from sitrep.merge import Dispute
from sitrep.model import Document, Event, EventFilter, event_to_dict


@dataclass(frozen=True, slots=True)
class AddResult:
    """What :meth:`Store.add_document` did with one document."""

    doc_id: str
    stored: bool  # False when nothing was written
    events_added: int = 0  # new event rows
    events_linked: int = 0  # events already stored that this document now also reports
    reason: str | None = None  # why nothing was stored, e.g. "already stored"


@dataclass(frozen=True, slots=True)
class EventReport:
    """One document's report of a stored event, for showing reports side by side."""

    doc_id: str
    document: Document | None
    report: Event  # the event as extracted from that document alone


@dataclass(frozen=True, slots=True)
class MapPoint:
    """The part of an event a map needs: its id, kind, primary place and summary."""

    id: str
    kind: str
    lat: float
    lon: float
    summary: str


def map_point(event: Event) -> MapPoint | None:
    """The event's first located place as a :class:`MapPoint`, or None when it has no coordinates."""
    for loc in event.locations:
        if loc.lat is not None and loc.lon is not None:
            return MapPoint(event.id, event.kind, float(loc.lat), float(loc.lon), event.summary)
    return None


@dataclass(frozen=True, slots=True)
class Stats:
    """Event counts by day and kind (an event counts on the day its date range starts)."""

    by_day_kind: tuple[tuple[str, str, int], ...]  # (YYYY-MM-DD, kind, n), by day then kind
    by_kind: tuple[tuple[str, int], ...]  # (kind, n), most frequent first
    total: int


class Store(abc.ABC):
    """An event database. Use as a context manager or call :meth:`close`."""

    path: str

    @abc.abstractmethod
    def has_document(self, doc_id: str) -> bool:
        """True when a document with this id is stored."""

    @abc.abstractmethod
    def add_document(self, doc: Document, events: Sequence[Event]) -> AddResult:
        """Store a document and its events in one transaction; a stored doc id changes nothing."""

    def add_reports(self, doc: Document, events: Sequence[Event], *, replaces: str | None = None) -> AddResult:
        """Like :meth:`add_document`, merging each event with stored reports of the same
        real-world event (see :mod:`sitrep.merge`). A store without merging just stores."""
        return self.add_document(doc, events)

    def reports_for_event(self, event_id: str) -> list[EventReport]:
        """Each document's own report of the event, earliest first ([] when the store does not merge)."""
        return []

    def disputes_for_event(self, event_id: str) -> tuple[Dispute, ...]:
        """Figures the event's reports disagree on, each value with its document and source."""
        return ()

    @abc.abstractmethod
    def get_document(self, doc_id: str) -> Document | None:
        """The stored document, or None."""

    @abc.abstractmethod
    def get_event(self, event_id: str) -> Event | None:
        """The stored event, or None."""

    @abc.abstractmethod
    def iter_events(self, flt: EventFilter) -> Iterator[Event]:
        """Events matching ``flt``, streamed in :meth:`query_events` order."""

    def iter_event_json(self, flt: EventFilter) -> Iterator[str]:
        """Like :meth:`iter_events`, as the JSON text of each event record (fast path for the API)."""
        for event in self.iter_events(flt):
            yield json.dumps(event_to_dict(event), ensure_ascii=False)

    def query_events(self, flt: EventFilter) -> list[Event]:
        """Events matching ``flt``: latest start date first, then by id; paged by limit/offset."""
        return list(self.iter_events(flt))

    def iter_points(self, flt: EventFilter, limit: int) -> Iterator[MapPoint]:
        """Located events matching ``flt`` (bbox, limit and offset ignored) as map points, at most ``limit``.

        A store can answer this without decoding whole events; this default decodes them.
        """
        events = self.iter_events(replace(flt, bbox=None, limit=limit, offset=0))
        return (p for p in map(map_point, events) if p is not None)

    @abc.abstractmethod
    def count_events(self, flt: EventFilter) -> int:
        """How many events match ``flt`` (limit and offset ignored)."""

    @abc.abstractmethod
    def documents_for_event(self, event_id: str) -> list[Document]:
        """Every stored document that reports the event, oldest publication first."""

    @abc.abstractmethod
    def stats(self, flt: EventFilter) -> Stats:
        """Counts by day and kind of the events matching ``flt`` (limit and offset ignored)."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release the connection; the store cannot be used afterwards."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
