"""Property tests of merging: order independence, stable ids, idempotent re-ingest."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.model import (
    Actor,
    Casualty,
    Document,
    Event,
    EventDate,
    EventFilter,
    Evidence,
    Location,
    event_to_dict,
)
from sitrep.store import open_store

# Places: two towns 12 km apart, one 60 km away in the same region, and the region itself.
PLACES = (
    Location("Kharkiv", "Kharkiv", "target", "UA", "Kharkiv", None, 49.98, 36.25, 1, 1),
    Location("Pisochyn", "Pisochyn", "target", "UA", "Kharkiv", None, 49.96, 36.09, 2, 1),
    Location("Chuhuiv", "Chuhuiv", "target", "UA", "Kharkiv", None, 49.84, 36.69, 3, 1),
    Location("Kharkiv Oblast", "Kharkiv Oblast", "target", "UA", "Kharkiv", None, 49.98, 36.25, 4, 3),
)
DAY0 = date(2024, 5, 10)


def _doc(n: int, day: int, place: int, kind: str, killed: int, side: str) -> tuple[Document, list[Event]]:
    doc_id = f"doc_p{n:03d}"
    loc = PLACES[place]
    sentence = f"Report {n}: attack on {loc.text}."
    d = (DAY0 + timedelta(days=day)).isoformat()
    event = Event(
        id=Event.make_id(doc_id, 0, kind), kind=kind, acled=None, date=EventDate(d, d, "day", "text"),
        summary=sentence, actors=(Actor("forces", "forces", side, "state_forces", "initiator"),),
        locations=(loc,), casualties=(Casualty("civilians", "killed", killed),) if killed else (),
        fatalities=killed, evidence=(Evidence(doc_id, 0, len(sentence), sentence),), doc_ids=(doc_id,),
    )
    published = DAY0 + timedelta(days=day + n % 2)
    return Document(doc_id, sentence, published, source=f"outlet {n % 3}"), [event]


reports = st.lists(
    st.tuples(st.integers(0, 4), st.integers(0, 3), st.sampled_from(["strike", "interception"]),
              st.integers(0, 4), st.sampled_from(["RU", "RU", "UA"])),
    min_size=1, max_size=14,
)


def _state(store) -> tuple[list[dict], list[tuple[str, str, str]]]:
    return [event_to_dict(e) for e in store.query_events(EventFilter())], store.report_links()


def _ingest(corpus, order) -> tuple[list[dict], list[tuple[str, str, str]]]:
    with open_store(":memory:") as store:
        for i in order:
            store.add_reports(*corpus[i])
        return _state(store)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports, st.randoms(use_true_random=False))
def test_merge_property_any_order_same_events_and_ids(specs, rnd):
    corpus = [_doc(n, *spec) for n, spec in enumerate(specs)]
    order = list(range(len(corpus)))
    first = _ingest(corpus, order)
    rnd.shuffle(order)
    assert _ingest(corpus, order) == first


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports, st.data())
def test_merge_property_reingest_changes_nothing(specs, data):
    corpus = [_doc(n, *spec) for n, spec in enumerate(specs)]
    with open_store(":memory:") as store:
        for doc, events in corpus:
            store.add_reports(doc, events)
        before = _state(store)
        again = data.draw(st.lists(st.sampled_from(range(len(corpus))), min_size=1, max_size=4))
        for i in again:
            result = store.add_reports(*corpus[i])
            assert not result.stored and result.reason == "already stored"
        assert _state(store) == before


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports)
def test_merge_property_ids_stable_as_later_reports_arrive(specs):
    """Reports arriving in publication order never change the id of an event already stored."""
    corpus = sorted((_doc(n, *spec) for n, spec in enumerate(specs)), key=lambda de: (de[0].published, de[1][0].id))
    with open_store(":memory:") as store:
        for doc, events in corpus:
            before = {e.id for e in store.query_events(EventFilter())}
            store.add_reports(doc, events)
            for old in before:  # every earlier id still resolves to an event holding its reports
                assert store.get_event(old) is not None


@lru_cache(maxsize=1)
def _merge_set_extracted() -> tuple[tuple[Document, tuple[Event, ...]], ...]:
    from test_merge_quality import merge_set_documents

    from sitrep.extract import extract_documents

    docs, _gold = merge_set_documents()
    return tuple((d, tuple(evs)) for d, evs in extract_documents(docs[:90]))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_merge_property_real_documents_any_order(rnd):
    corpus = list(_merge_set_extracted())
    first = _ingest(corpus, range(len(corpus)))
    order = list(range(len(corpus)))
    rnd.shuffle(order)
    assert _ingest(corpus, order) == first


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports, st.randoms(use_true_random=False))
def test_merge_property_store_matches_batch_merge(specs, rnd):
    """The store's incremental merging ends where merging all reports at once does."""
    from sitrep.merge import merge_events, report_of

    corpus = [_doc(n, *spec) for n, spec in enumerate(specs)]
    order = list(range(len(corpus)))
    rnd.shuffle(order)
    events, _links = _ingest(corpus, order)
    batch = merge_events(report_of(e, doc.published) for doc, evs in corpus for e in evs)
    assert sorted(events, key=lambda e: e["id"]) == sorted((event_to_dict(e) for e in batch), key=lambda e: e["id"])
