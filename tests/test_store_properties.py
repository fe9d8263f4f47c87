"""Property test: any event the model can express is read back exactly as stored."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep import model as m
from sitrep.model import Document, EventFilter, event_to_dict
from sitrep.store import open_store

text = st.text(alphabet=string.ascii_letters + " -'“”Кх日\n", max_size=20)
opt_text = st.none() | text
finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
day = st.dates().map(lambda d: d.isoformat())

actors = st.builds(m.Actor, text, text, st.none() | st.sampled_from(["RU", "UA"]), st.none() | st.sampled_from(m.ACTOR_TYPES), st.none() | st.sampled_from(m.ACTOR_ROLES))
locations = st.builds(
    m.Location, text, text, st.none() | st.sampled_from(m.LOCATION_ROLES), opt_text, opt_text, opt_text,
    st.none() | st.floats(-90, 90), st.none() | st.floats(-180, 180), st.none() | st.integers(1, 10**7),
    st.none() | st.integers(1, 4), st.none() | finite, opt_text,
)
weapons = st.builds(m.Weapon, text, text, opt_text, opt_text, st.none() | st.sampled_from(m.WEAPON_ROLES))
quantities = st.builds(m.Quantity, text, st.none() | st.sampled_from(m.QUANTITY_ROLES), st.integers(0, 10**6), st.sampled_from(m.QUALIFIERS), text)
casualties = st.builds(m.Casualty, st.sampled_from(["civilians", "military", "unknown"]), st.sampled_from(["killed", "injured"]), st.integers(0, 10**4), st.sampled_from(m.QUALIFIERS), text, st.none() | st.just("UA"))
claims = st.builds(
    m.Claim, text, st.sampled_from(m.SOURCE_TYPES), text, opt_text, opt_text, st.sampled_from(m.MODALITIES), opt_text,
    st.none() | st.tuples(st.floats(0, 1), st.floats(0, 1)),
)
marks = st.builds(m.Mark, st.integers(0, 10**5), st.integers(0, 10**5), st.sampled_from(["trigger", "date", "location"]))
evidence = st.builds(m.Evidence, st.just("doc_prop"), st.integers(0, 10**5), st.integers(0, 10**5), text, st.lists(marks, max_size=3).map(tuple))
dates = st.builds(m.EventDate, st.none() | day, st.none() | day, st.none() | st.sampled_from(m.DATE_PRECISIONS), st.sampled_from(["text", "published"]), st.none() | st.sampled_from(m.TIMES_OF_DAY), opt_text)
acled = st.none() | st.builds(m.Acled, text, text, text)


def tup(s):
    return st.lists(s, max_size=3).map(tuple)


events = st.builds(
    m.Event,
    id=st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=12).map(lambda s: f"evt_{s}"),
    kind=st.sampled_from(m.KINDS),
    acled=acled,
    date=dates,
    summary=text,
    actors=tup(actors),
    locations=tup(locations),
    weapons=tup(weapons),
    quantities=tup(quantities),
    casualties=tup(casualties),
    fatalities=st.integers(0, 10**4),
    claims=tup(claims),
    flags=tup(st.sampled_from(["first_time", "unconfirmed", "disputed"])),
    parent=st.none() | st.just("evt_parent"),
    evidence=tup(evidence),
    doc_ids=st.just(("doc_prop",)),
    first_reported=st.none() | st.just("2022-06-25T21:14:00Z"),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(events, max_size=6, unique_by=lambda e: e.id), opt_text)
def test_store_property_roundtrip(evs, outlet):
    with open_store(":memory:") as store:
        result = store.add_document(Document("doc_prop", "text", source=outlet), evs)
        assert result.events_added == len(evs)
        got = {e.id: event_to_dict(e) for e in store.query_events(EventFilter())}
        assert got == {e.id: event_to_dict(e) for e in evs}
        for e in evs:
            assert store.get_event(e.id) == e
        assert store.count_events(EventFilter()) == len(evs) == store.stats(EventFilter()).total
