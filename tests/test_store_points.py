"""Store.iter_points: the SQLite store's column read gives the same points as decoding events."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from sitrep.model import EventFilter
from sitrep.store import open_store
from sitrep.store.base import Store, map_point
from sitrep.store.synthetic import synthetic_corpus


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(tmp_path_factory.mktemp("p") / "p.db")
    for doc, events in synthetic_corpus(120, seed=5, first_day=date(2022, 6, 1), days=30):
        s.add_document(doc, events)
    yield s
    s.close()


def _decoded(store, flt: EventFilter, limit: int):
    """The base class's implementation: decode every event and take its first located place."""
    return sorted(Store.iter_points(store, flt, limit), key=lambda p: p.id)


@pytest.mark.parametrize(
    "flt",
    [
        EventFilter(),
        EventFilter(kind=("strike",)),
        EventFilter(since="2022-06-10", until="2022-06-20"),
        EventFilter(country="UA", bbox=(30.0, 45.0, 40.0, 52.0), limit=3, offset=2),
    ],
)
def test_sqlite_points_equal_decoded_points(store, flt):
    fast = sorted(store.iter_points(flt, 10_000), key=lambda p: p.id)
    assert fast == _decoded(store, flt, 10_000)
    assert fast, "the synthetic corpus has located events for every filter here"
    # bbox, limit and offset are the caller's business: they do not shrink the answer
    assert len(fast) == len(list(store.iter_points(replace(flt, bbox=None, limit=None, offset=0), 10_000)))


def test_points_limit_and_unlocated_events(store):
    assert len(list(store.iter_points(EventFilter(), 5))) == 5
    event = next(store.iter_events(EventFilter(limit=1)))
    assert map_point(replace(event, locations=())) is None
    point = map_point(event)
    assert point is not None and (point.lat, point.lon) == (event.locations[0].lat, event.locations[0].lon)
