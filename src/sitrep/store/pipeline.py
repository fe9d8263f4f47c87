"""Read -> extract -> store: the library behind ``sitrep ingest``.

    inputs -> read_inputs -> (Skip | Document) -> not stored yet? -> extract_documents
           -> Store.add_reports (merged with the stored reports of the same events; sitrep.merge)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sitrep.model import Document, Event, Skip
from sitrep.store.base import AddResult, Store

ALREADY_STORED = "already stored"


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingest run did."""

    documents_read: int  # documents read from the inputs (stored or not)
    documents_stored: int
    skipped: tuple[tuple[str, int], ...]  # (reason, count), most frequent first
    events_added: int
    events_linked: int  # events already stored that a new document also reports

    @property
    def n_skipped(self) -> int:
        return sum(n for _, n in self.skipped)

    @property
    def input_skipped(self) -> int:
        """Skips for unreadable inputs (everything but "already stored")."""
        return sum(n for reason, n in self.skipped if reason != ALREADY_STORED)


def _new_documents(
    items: Iterable[Document | Skip],
    store: Store,
    skipped: Counter[str],
    on_skip: Callable[[Skip], None] | None,
    read: list[int],
) -> Iterator[Document]:
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Skip):
            skipped[item.reason] += 1
            if on_skip:
                on_skip(item)
            continue
        read[0] += 1
        if item.id in seen or store.has_document(item.id):
            skipped[ALREADY_STORED] += 1
            continue
        seen.add(item.id)
        yield item


def ingest_inputs(
    store: Store,
    inputs: Sequence[str],
    *,
    published: date | None = None,
    max_bytes: int | None = None,
    batch_size: int | None = None,
    client: Any = None,
    on_skip: Callable[[Skip], None] | None = None,
    on_stored: Callable[[Document, AddResult], None] | None = None,
    merge: bool = True,
) -> IngestReport:
    """Read ``inputs``, extract the documents not stored yet, store each in its own transaction.

    With ``merge`` (the default) each event joins the stored event it reports, if any."""
    from sitrep import (
        extract as extract_stage,  # looked up at call time (tests replace it)
    )
    from sitrep.ingest import read_inputs

    kwargs: dict[str, Any] = {"published": published, "client": client}
    if max_bytes is not None:
        kwargs["max_bytes"] = max_bytes
    skipped: Counter[str] = Counter()
    read = [0]
    docs = _new_documents(read_inputs(list(inputs), **kwargs), store, skipped, on_skip, read)
    extract_kwargs = {"batch_size": batch_size} if batch_size else {}
    stored = added = linked = 0
    for doc, events in extract_stage.extract_documents(docs, **extract_kwargs):
        add = store.add_reports if merge else store.add_document
        result = add(doc, _as_events(events))
        if result.stored:
            stored += 1
            added += result.events_added
            linked += result.events_linked
        else:
            skipped[result.reason or ALREADY_STORED] += 1
        if on_stored:
            on_stored(doc, result)
    return IngestReport(
        documents_read=read[0],
        documents_stored=stored,
        skipped=tuple(sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0]))),
        events_added=added,
        events_linked=linked,
    )


def _as_events(events: Iterable[Event]) -> list[Event]:
    return list(events)


__all__ = ["ALREADY_STORED", "IngestReport", "ingest_inputs"]
