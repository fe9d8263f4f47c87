"""Every EventFilter condition, checked against a plain-Python evaluation of the same filter."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings, target
from hypothesis import strategies as st

from sitrep.errors import StoreError
from sitrep.model import Actor, Document, Event, EventDate, EventFilter, Location
from sitrep.store import open_store
from sitrep.store.synthetic import synthetic_corpus


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    corpus = list(synthetic_corpus(400, seed=11, first_day=date(2022, 6, 1), days=60))
    # a few hand-made events: a month-long range, no date, no location, two countries
    extra_doc = Document("doc_extra", "extra", date(2022, 7, 1), source="Meduza")
    base = corpus[0][1][0]
    extra = [
        replace(base, id="evt_month", date=EventDate("2022-05-01", "2022-06-30", "month", "text"), doc_ids=("doc_extra",)),
        replace(base, id="evt_nodate", date=EventDate(None, None, None), doc_ids=("doc_extra",)),
        replace(base, id="evt_noplace", locations=(), doc_ids=("doc_extra",)),
        replace(
            base,
            id="evt_two",
            locations=(
                Location("Belarus", "Belarus", "origin", "BY", lat=53.9, lon=27.57, precision=4),
                Location("Sumy", "Sumy Oblast", "target", "UA", "Sumy", lat=50.91, lon=34.8, precision=3),
            ),
            actors=(Actor("the Belarusian army", "Military Forces of Belarus", "BY", "state_forces", "initiator"),),
            doc_ids=("doc_extra",),
        ),
    ]
    store = open_store(tmp_path_factory.mktemp("f") / "f.db")
    outlets = {}
    for doc, events in corpus:
        store.add_document(doc, events)
        outlets.update({e.id: doc.source for e in events})
    store.add_document(extra_doc, extra)
    outlets.update({e.id: "Meduza" for e in extra})
    events = [e for _, evs in corpus for e in evs] + extra
    yield store, events, outlets
    store.close()


def _overlaps(e: Event, since: str | None, until: str | None) -> bool:
    start, end = e.date.start or e.date.end, e.date.end or e.date.start
    if start is None:
        return not since and not until
    return (not until or start <= until) and (not since or end >= since)


def _matches(e: Event, f: EventFilter, outlet: str | None) -> bool:
    def sub(needle: str | None, values) -> bool:
        return not needle or any(needle.lower() in (v or "").lower() for v in values)

    bbox_ok = True
    if f.bbox:
        x0, y0, x1, y1 = f.bbox
        bbox_ok = any(
            loc.lat is not None and loc.lon is not None and y0 <= loc.lat <= y1 and x0 <= loc.lon <= x1
            for loc in e.locations
        )
    words = (f.q or "").lower().split()
    body = " ".join([e.summary, *(ev.sentence for ev in e.evidence)]).lower()
    return (
        _overlaps(e, f.since, f.until)
        and (not f.kind or e.kind in f.kind)
        and (not f.country or any((loc.country or "").upper() == f.country.upper() for loc in e.locations))
        and (not f.admin1 or any((loc.admin1 or "").lower() == f.admin1.lower() for loc in e.locations))
        and sub(f.actor, [v for a in e.actors for v in (a.name, a.text)])
        and sub(f.weapon, [v for w in e.weapons for v in (w.name, w.text, w.nato_name)])
        and sub(f.source, [c.source for c in e.claims] + [outlet])
        and bbox_ok
        and all(w in body for w in words)
    )


FILTERS = [
    EventFilter(),
    EventFilter(since="2022-06-10", until="2022-06-16"),
    EventFilter(since="2022-06-10"),
    EventFilter(until="2022-06-05"),
    EventFilter(since="2022-06-20", until="2022-06-20"),
    EventFilter(kind=("battle",)),
    EventFilter(kind=("strike", "interception"), since="2022-06-01", until="2022-06-30"),
    EventFilter(country="ua"),
    EventFilter(country="BY"),
    EventFilter(admin1="odesa"),
    EventFilter(admin1="Sumy", country="UA"),
    EventFilter(actor="wagner"),
    EventFilter(actor="Belarusian"),
    EventFilter(weapon="kh-101"),
    EventFilter(weapon="bear"),  # NATO reporting name
    EventFilter(source="air force"),
    EventFilter(source="meduza"),  # document outlet
    EventFilter(source="kyiv independent", kind=("strike",)),
    EventFilter(bbox=(30.0, 45.0, 34.0, 48.0)),
    EventFilter(bbox=(27.0, 53.0, 28.0, 54.0)),  # only the second-ever location matches
    EventFilter(bbox=(30.0, 45.0, 34.0, 48.0), since="2022-06-10", until="2022-06-16"),
    EventFilter(q="launched odesa"),
    EventFilter(q="Bombers", since="2022-06-15"),
    EventFilter(actor="nobody at all"),
]


@pytest.mark.parametrize("flt", FILTERS, ids=[str(i) for i in range(len(FILTERS))])
def test_store_filter_matches_reference(loaded, flt):
    store, events, outlets = loaded
    expected = {e.id for e in events if _matches(e, flt, outlets[e.id])}
    got = [e.id for e in store.query_events(flt)]
    assert len(got) == len(set(got))
    assert set(got) == expected
    assert store.count_events(flt) == len(expected)
    assert store.stats(flt).total == len(expected)


def test_store_filters_select_something(loaded):
    store, events, _ = loaded
    # guard against a reference evaluator that trivially matches nothing
    for flt in FILTERS[:-1]:
        assert store.count_events(flt) > 0, flt
    assert store.count_events(FILTERS[-1]) == 0
    assert store.count_events(EventFilter()) == len(events)


def test_store_order_and_paging(loaded):
    store, _events, _ = loaded
    everything = store.query_events(EventFilter())
    keys = [((e.date.start or ""), e.id) for e in everything]
    dated = [k for k in keys if k[0]]
    assert dated == sorted(dated, key=lambda k: (_neg(k[0]), k[1]))
    assert everything[-1].id == "evt_nodate"  # undated last
    page = store.query_events(EventFilter(limit=25, offset=50))
    assert [e.id for e in page] == [e.id for e in everything[50:75]]
    assert store.query_events(EventFilter(limit=0)) == []


def _neg(day: str) -> tuple[int, ...]:
    return tuple(-int(p) for p in day.split("-"))


def test_store_stats_by_day_and_kind(loaded):
    store, _events, _ = loaded
    flt = EventFilter(since="2022-06-10", until="2022-06-12")
    stats = store.stats(flt)
    matched = store.query_events(flt)
    by_kind: dict[str, int] = {}
    for e in matched:
        by_kind[e.kind] = by_kind.get(e.kind, 0) + 1
    assert dict(stats.by_kind) == by_kind
    assert [n for _, n in stats.by_kind] == sorted(by_kind.values(), reverse=True)
    assert sum(n for _, _, n in stats.by_day_kind) == stats.total == len(matched)
    assert list(stats.by_day_kind) == sorted(stats.by_day_kind)


@pytest.mark.parametrize(
    "flt, message",
    [
        (EventFilter(since="June 25"), "since='June 25'"),
        (EventFilter(since="2022-06-30", until="2022-06-01"), "after"),
        (EventFilter(bbox=(1.0, 2.0, 3.0)), "bbox"),  # type: ignore[arg-type]
        (EventFilter(bbox=(0.0, 10.0, 1.0, 5.0)), "min_lat"),
        (EventFilter(offset=-1), "offset"),
    ],
)
def test_store_filter_errors_name_the_value(loaded, flt, message):
    store, _, _ = loaded
    with pytest.raises(StoreError, match=message):
        store.query_events(flt)


# ----------------------------------------------------------------------------- property test

_DAYS = [f"2022-{m:02d}-{d:02d}" for m in (5, 6, 7, 8) for d in (1, 9, 15, 22, 28)]


def _rarely(values):
    """Mostly None, so that combined filters still match something."""
    return st.sampled_from([None, None, None, *values])


@st.composite
def _filters(draw):
    since = draw(st.none() | st.sampled_from(_DAYS))
    until = draw(st.none() | st.sampled_from([d for d in _DAYS if not since or d >= since]))
    box = None
    if draw(st.booleans()):
        lat0 = draw(st.floats(44.0, 52.0))
        lon0 = draw(st.floats(28.0, 40.0))
        box = (lon0, lat0, lon0 + draw(st.floats(0.1, 6.0)), lat0 + draw(st.floats(0.1, 4.0)))
    return EventFilter(
        since=since,
        until=until,
        kind=tuple(draw(st.sets(st.sampled_from(["strike", "battle", "interception", "assessment"]), max_size=2))),
        country=draw(_rarely(["UA", "by"])),
        actor=draw(_rarely(["russia", "Ukrain", "wag", "army"])),
        weapon=draw(_rarely(["kh-", "HIMARS", "bear", "drone"])),
        source=draw(_rarely(["reuters", "ministry", "meduza"])),
        bbox=box,
        limit=draw(st.none() | st.integers(0, 30)),
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flt=_filters())
def test_store_property_filters_match_reference(loaded, flt):
    store, events, outlets = loaded
    expected = [e for e in events if _matches(e, flt, outlets[e.id])]
    target(float(min(len(expected), 50)))  # steer towards filters that select events
    got = store.query_events(flt)
    assert store.count_events(flt) == len(expected)
    assert {e.id for e in got} <= {e.id for e in expected}
    assert len(got) == (len(expected) if flt.limit is None else min(flt.limit, len(expected)))
