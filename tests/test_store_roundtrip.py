"""Store -> read gives back exactly what was stored; re-adding and crashes change nothing."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest

from sitrep.model import Document, EventFilter, Location, event_to_dict
from sitrep.store import open_store
from sitrep.store.synthetic import synthetic_corpus, synthetic_event


def _doc(n: int, source: str | None = "The War Zone") -> Document:
    return Document(f"doc_{n:04d}", f"text of document {n}", date(2022, 6, 25), f"https://example.org/{n}", f"Title {n}", source, f"/tmp/{n}.txt")


def test_store_roundtrip_events_and_document(tmp_path):
    corpus = list(synthetic_corpus(40, seed=3))
    with open_store(tmp_path / "s.db") as store:
        for doc, events in corpus:
            result = store.add_document(doc, events)
            assert result.stored and result.events_added == len(events)
        expected = {e.id: event_to_dict(e) for _, evs in corpus for e in evs}
        got = {e.id: event_to_dict(e) for e in store.query_events(EventFilter())}
        assert got == expected
        doc, events = corpus[0]
        assert store.get_document(doc.id) == doc
        assert store.get_event(events[0].id) == events[0]
        assert store.documents_for_event(events[0].id) == [doc]
        assert store.get_event("evt_missing") is None
        assert store.get_document("doc_missing") is None


def test_store_reopen_keeps_data(tmp_path):
    doc, events = next(synthetic_corpus(5, seed=1))
    with open_store(tmp_path / "s.db") as store:
        store.add_document(doc, events)
    with open_store(tmp_path / "s.db", readonly=True) as store:
        assert store.count_events(EventFilter()) == 5
        assert store.has_document(doc.id)


def test_store_readding_document_changes_nothing(tmp_path):
    doc, events = next(synthetic_corpus(5, seed=2))
    with open_store(tmp_path / "s.db") as store:
        first = store.add_document(doc, events)
        before = [event_to_dict(e) for e in store.query_events(EventFilter())]
        again = store.add_document(doc, events[:2])
        assert first.stored and first.events_added == 5
        assert not again.stored and again.reason == "already stored" and again.events_added == 0
        assert [event_to_dict(e) for e in store.query_events(EventFilter())] == before
        assert store.stats(EventFilter()).total == 5


def test_store_crash_inside_add_leaves_earlier_documents(tmp_path):
    corpus = list(synthetic_corpus(15, seed=4))
    path = tmp_path / "s.db"
    with open_store(path) as store:
        for doc, events in corpus[:2]:
            store.add_document(doc, events)
        doc, events = corpus[2]
        # A location whose latitude cannot be written: the failure comes after the document
        # row and the first events were inserted, inside the same transaction.
        broken = replace(events[-1], locations=(Location("X", "X", lat=object()),))  # type: ignore[arg-type]
        with pytest.raises(TypeError):  # the bad latitude cannot become JSON
            store.add_document(doc, [*events[:-1], broken])
        assert not store.has_document(doc.id)
        assert all(store.get_event(e.id) is None for e in events)
        assert store.count_events(EventFilter()) == 10
        # the store is still usable afterwards
        assert store.add_document(doc, events).events_added == 5
    with open_store(path) as store:
        assert store.count_events(EventFilter()) == 15


def test_store_event_reported_by_two_documents(tmp_path):
    rng = random.Random(0)
    event = synthetic_event(rng, "doc_0001", 0, date(2022, 6, 25))
    with open_store(tmp_path / "s.db") as store:
        store.add_document(_doc(1, "Reuters"), [event])
        second = store.add_document(_doc(2, "Kyiv Independent"), [event])
        assert second.stored and second.events_added == 0 and second.events_linked == 1
        assert [d.id for d in store.documents_for_event(event.id)] == ["doc_0001", "doc_0002"]
        assert store.count_events(EventFilter(source="kyiv independent")) == 1
        assert store.count_events(EventFilter()) == 1


def test_store_memory_database_and_closed_store():
    store = open_store(":memory:")
    doc, events = next(synthetic_corpus(2))
    store.add_document(doc, events)
    assert store.count_events(EventFilter()) == 2
    store.close()
    from sitrep.errors import StoreError

    with pytest.raises(StoreError, match="closed"):
        store.count_events(EventFilter())


def test_store_event_json_matches_events(tmp_path):
    import json

    with open_store(tmp_path / "s.db") as store:
        for doc, events in synthetic_corpus(12, seed=5):
            store.add_document(doc, events)
        flt = EventFilter(limit=7, offset=2)
        assert [json.loads(s) for s in store.iter_event_json(flt)] == [
            event_to_dict(e) for e in store.query_events(flt)
        ]
