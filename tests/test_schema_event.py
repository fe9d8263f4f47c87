"""The packaged JSON Schema of the event record accepts good records and rejects bad ones."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib import resources

import pytest
from jsonschema import Draft202012Validator

from sitrep import model as m
from sitrep.export import schema_errors
from sitrep.model import event_to_dict
from sitrep.store.synthetic import synthetic_corpus

EVENTS = [e for _, evs in synthetic_corpus(40, seed=8) for e in evs]


def _schema() -> dict:
    return json.loads(resources.files("sitrep").joinpath("schema/event.schema.json").read_text())


def test_schema_is_valid_draft_2020_12():
    Draft202012Validator.check_schema(_schema())
    assert _schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_enums_follow_the_model():
    s = _schema()
    d = s["$defs"]
    assert s["properties"]["kind"]["enum"] == list(m.KINDS)
    assert d["claim"]["properties"]["source_type"]["enum"] == list(m.SOURCE_TYPES)
    assert d["claim"]["properties"]["modality"]["enum"] == list(m.MODALITIES)
    assert d["qualifier"]["enum"] == list(m.QUALIFIERS)
    assert d["actor"]["properties"]["role"]["enum"] == [*m.ACTOR_ROLES, None]
    assert d["location"]["properties"]["role"]["enum"] == [*m.LOCATION_ROLES, None]
    assert d["weapon"]["properties"]["role"]["enum"] == [*m.WEAPON_ROLES, None]
    assert d["quantity"]["properties"]["role"]["enum"] == [*m.QUANTITY_ROLES, None]
    assert d["date"]["properties"]["precision"]["enum"] == [*m.DATE_PRECISIONS, None]
    assert set(s["required"]) == set(m.Event.__dataclass_fields__)


def test_schema_accepts_built_events():
    for event in EVENTS:
        assert schema_errors(event_to_dict(event)) == [], event.id


def test_schema_allows_added_fields():
    record = event_to_dict(EVENTS[0])
    record["merged_from"] = ["evt_a"]
    record["locations"][0]["score"] = 0.9
    assert schema_errors(record) == []


def _broken(path: str, value):
    record = event_to_dict(EVENTS[0])
    *parents, last = path.split(".")
    target = record
    for p in parents:
        target = target[int(p)] if p.isdigit() else target[p]
    if value is KeyError:
        del target[last]
    else:
        target[last] = value
    return record


@pytest.mark.parametrize(
    "path, value",
    [
        ("kind", "airstrike"),
        ("summary", KeyError),
        ("date.start", "25 June 2022"),
        ("date.precision", "fortnight"),
        ("date.basis", "guess"),
        ("actors.0.role", "aggressor"),
        ("locations.0.precision", 5),
        ("locations.0.lat", 123.0),
        ("weapons.0.role", "bomb"),
        ("quantities.0.qualifier", "roughly"),
        ("quantities.0.value", -2),
        ("claims.0.source_type", "blog"),
        ("claims.0.modality", "rumoured"),
        ("claims.0.probability", [0.8]),
        ("fatalities", "three"),
        ("doc_ids", []),
        ("evidence", []),
        ("id", "event-1"),
        ("acled", {"event_type": "Battles"}),
    ],
)
def test_schema_rejects_bad_records(path, value):
    errors = schema_errors(_broken(path, value))
    assert errors, f"{path}={value!r} was accepted"


def test_schema_null_where_the_doc_says_null():
    event = replace(EVENTS[0], acled=None, parent=None, first_reported=None,
                    date=m.EventDate(None, None, None, "published"))
    assert schema_errors(event_to_dict(event)) == []
