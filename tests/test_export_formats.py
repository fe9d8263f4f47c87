"""The four export formats: structure, ACLED column rules, and round trips."""

from __future__ import annotations

import csv
import io
import json
import random
from dataclasses import replace
from datetime import date

import pytest

from sitrep.export import (
    ACLED_COLUMNS,
    acled_event_id,
    write_acled_csv,
    write_geojson,
    write_jsonl,
    write_parquet,
)
from sitrep.model import (
    Actor,
    Claim,
    EventDate,
    Location,
    event_from_dict,
    event_to_dict,
)
from sitrep.store.synthetic import synthetic_corpus, synthetic_event

EVENTS = [e for _, evs in synthetic_corpus(30, seed=21) for e in evs]


def _one(**changes):
    base = synthetic_event(random.Random(5), "doc_x", 0, date(2022, 6, 25))
    return replace(base, **changes)


def test_export_jsonl_roundtrip():
    buf = io.StringIO()
    assert write_jsonl(EVENTS, buf) == len(EVENTS)
    lines = buf.getvalue().splitlines()
    assert len(lines) == len(EVENTS)
    assert [event_from_dict(json.loads(line)) for line in lines] == EVENTS


def test_export_acled_columns_in_order_and_null_acled_left_out():
    buf = io.StringIO()
    n = write_acled_csv(EVENTS, buf)
    rows = list(csv.reader(io.StringIO(buf.getvalue())))
    assert tuple(rows[0]) == ACLED_COLUMNS and len(ACLED_COLUMNS) == 31
    coded = [e for e in EVENTS if e.acled is not None]
    assert 0 < n == len(coded) < len(EVENTS)
    assert all(len(r) == 31 for r in rows[1:])
    assert len(rows) == n + 1


def _acled(event) -> dict[str, str]:
    buf = io.StringIO()
    write_acled_csv([event], buf)
    return next(csv.DictReader(io.StringIO(buf.getvalue())))


def test_export_acled_row_rules():
    event = _one(
        kind="strike",
        actors=(
            Actor("Russian forces", "Military Forces of Russia", "RU", "state_forces", "initiator"),
            Actor("civilians", "Civilians", "UA", "civilians", "target"),
        ),
        locations=(
            Location("Belarus", "Belarus", "origin", "BY", lat=53.9, lon=27.57, precision=4),
            Location("Sumy", "Sumy", "target", "UA", "Sumy", lat=50.91, lon=34.8, precision=3),
        ),
        claims=(Claim("Air Force of Ukraine", "military"), Claim("Reuters", "media"), Claim("Air Force of Ukraine", "military")),
        date=EventDate("2022-06-25", "2022-06-25", "week", "text"),
        fatalities=3,
        flags=("first_time",),
    )
    row = _acled(event)
    assert row["event_date"] == "2022-06-25" and row["year"] == "2022"
    assert row["time_precision"] == "2"
    assert row["geo_precision"] == "3"  # admin1 (3) -> 3
    assert row["location"] == "Sumy" and row["country"] == "Ukraine" and row["iso"] == "804"
    assert row["latitude"] == "50.91" and row["longitude"] == "34.8"
    assert row["inter1"] == "1" and row["inter2"] == "7" and row["interaction"] == "17"
    assert row["civilian_targeting"] == "Civilian targeting"
    assert row["source"] == "Air Force of Ukraine; Reuters"
    assert row["notes"] == event.summary
    assert row["fatalities"] == "3"
    assert row["event_id_cnty"].startswith("UKR")
    assert row["event_id_cnty"] == acled_event_id(event, "UA")  # stable from the event id
    assert row["actor1"].startswith("Military Forces of Russia")
    assert row["event_type"] == event.acled.event_type


@pytest.mark.parametrize("schema_precision, acled_precision", [(1, "1"), (2, "2"), (3, "3"), (4, "3")])
def test_export_acled_geo_precision(schema_precision, acled_precision):
    loc = Location("X", "X", "target", "UA", lat=50.0, lon=30.0, precision=schema_precision)
    assert _acled(_one(locations=(loc,)))["geo_precision"] == acled_precision


def test_export_acled_sole_actor_interaction():
    event = _one(actors=(Actor("Russian forces", "Military Forces of Russia", "RU", "state_forces", "initiator"),))
    row = _acled(event)
    assert row["inter1"] == "1" and row["actor2"] == "" and row["interaction"] == "10"


def test_export_geojson_points_at_primary_location():
    unlocated = _one(id="evt_nowhere", locations=(Location("somewhere", "somewhere"),))
    buf = io.StringIO()
    n = write_geojson([*EVENTS, unlocated], buf)
    data = json.loads(buf.getvalue())
    assert data["type"] == "FeatureCollection"
    assert n == len(data["features"]) == len(EVENTS)
    by_id = {e.id: e for e in EVENTS}
    for feature in data["features"]:
        event = by_id[feature["id"]]
        assert feature["geometry"] == {"type": "Point", "coordinates": [event.locations[0].lon, event.locations[0].lat]}
        assert feature["properties"] == event_to_dict(event)


def test_export_geojson_empty():
    buf = io.StringIO()
    assert write_geojson([], buf) == 0
    assert json.loads(buf.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_export_parquet_roundtrip(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    assert write_parquet(EVENTS, path) == len(EVENTS)
    table = pq.read_table(path)
    assert table.num_rows == len(EVENTS)
    rows = table.to_pylist()
    assert list(rows[0]) == list(event_to_dict(EVENTS[0]))
    for row, event in zip(rows, EVENTS):
        record = {k: (v if k in ("id", "kind", "summary", "fatalities", "parent", "first_reported") else json.loads(v)) for k, v in row.items()}
        assert event_from_dict(record) == event
