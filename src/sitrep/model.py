"""The records sitrep passes between its stages.

Every stage speaks in these frozen dataclasses; JSON (the public event record of
``docs/event-schema.md``) is produced and read only here, by :func:`event_to_dict`
and :func:`event_from_dict`, so the contract lives in one place.

Field names follow the event schema exactly; fields added beyond the schema are
marked "(added)".
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Literal, get_args

ACTOR_ROLES = ("initiator", "target", "subject", "participant")
ACTOR_TYPES = (
    "state_forces",
    "rebel_group",
    "political_militia",
    "identity_militia",
    "rioters",
    "protesters",
    "civilians",
    "external",
    "government",
    "person",
    "organisation",
    "unknown",
)
LOCATION_ROLES = ("target", "origin", "site", "destination")
WEAPON_ROLES = ("munition", "platform", "system")
QUANTITY_ROLES = ("launched", "intercepted", "hit", "used", "destroyed", "captured")
QUALIFIERS = ("exact", "more_than", "at_least", "about", "at_most", "fewer_than")
SOURCE_TYPES = (
    "government",
    "military",
    "intelligence",
    "media",
    "analyst",
    "social_media",
    "witness",
    "unknown",
)
MODALITIES = ("asserted", "claimed", "assessed", "predicted", "possible", "denied")
DATE_PRECISIONS = ("day", "week", "month", "year")
TIMES_OF_DAY = ("night", "morning", "afternoon", "evening")

Kind = Literal[
    "strike",
    "interception",
    "battle",
    "territory_change",
    "violence_against_civilians",
    "protest",
    "riot",
    "arrest",
    "personnel_change",
    "deployment",
    "logistics",
    "diplomacy",
    "looting",
    "assessment",
    "other",
]


# the kinds of event, in the order the schema lists them
KINDS: tuple[str, ...] = get_args(Kind)


def content_id(prefix: str, *parts: object, length: int = 16) -> str:
    """A stable identifier: ``prefix_`` + the first ``length`` hex digits of a SHA-1."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:length]}"


@dataclass(frozen=True, slots=True)
class Document:
    """One article, post or passage as read from its source."""

    id: str
    text: str
    published: date | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None  # outlet, e.g. "The War Zone"
    origin: str | None = None  # where it was read from: a path, "-" or a URL (added)

    @staticmethod
    def make_id(text: str) -> str:
        return content_id("doc", text)


@dataclass(frozen=True, slots=True)
class Acled:
    event_type: str
    sub_event_type: str
    disorder_type: str = "Political violence"


@dataclass(frozen=True, slots=True)
class EventDate:
    start: str | None
    end: str | None
    precision: str | None = "day"  # day | week | month | year
    basis: str = "published"  # text | published
    time_of_day: str | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    text: str
    name: str
    side: str | None = None  # ISO country code of the side, e.g. "RU", "UA"
    type: str | None = None  # state_forces, civilians, person, ...
    role: str | None = None  # initiator | target | subject | participant


@dataclass(frozen=True, slots=True)
class Location:
    text: str
    name: str
    role: str | None = None  # target | origin | site | destination
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: int | None = None  # 1 town · 2 near/part of · 3 admin1 · 4 country
    score: float | None = None  # (added) resolver's confidence
    reason: str | None = None  # (added) why this entry was chosen


@dataclass(frozen=True, slots=True)
class Weapon:
    text: str
    name: str
    category: str | None = None
    nato_name: str | None = None
    role: str | None = None  # munition | platform | system


@dataclass(frozen=True, slots=True)
class Quantity:
    item: str
    role: str | None
    value: int
    qualifier: str = "exact"
    text: str = ""


@dataclass(frozen=True, slots=True)
class Casualty:
    group: str  # civilians | military | unknown
    outcome: str  # killed | injured
    value: int
    qualifier: str = "exact"
    text: str = ""
    side: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    source: str
    source_type: str = "unknown"
    text: str = ""
    verb: str | None = None
    medium: str | None = None
    modality: str = "asserted"
    confidence: str | None = None
    probability: tuple[float, float] | None = None


@dataclass(frozen=True, slots=True)
class Mark:
    """(added) A highlighted span inside an evidence sentence: which field it fed."""

    start: int  # character offsets into the document text
    end: int
    field: str  # "trigger", "date", "location", "actor", "weapon", "quantity", ...


@dataclass(frozen=True, slots=True)
class Evidence:
    doc_id: str
    start: int
    end: int
    sentence: str
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    kind: str
    acled: Acled | None
    date: EventDate
    summary: str
    actors: tuple[Actor, ...] = ()
    locations: tuple[Location, ...] = ()
    weapons: tuple[Weapon, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    casualties: tuple[Casualty, ...] = ()
    fatalities: int = 0
    claims: tuple[Claim, ...] = ()
    flags: tuple[str, ...] = ()
    parent: str | None = None
    evidence: tuple[Evidence, ...] = ()
    doc_ids: tuple[str, ...] = ()
    first_reported: str | None = None

    @staticmethod
    def make_id(doc_id: str, start: int, kind: str) -> str:
        return content_id("evt", doc_id, start, kind)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What the store, the CLI and the API filter events by."""

    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    kind: tuple[str, ...] = ()
    country: str | None = None
    admin1: str | None = None
    actor: str | None = None  # substring of an actor name or text
    weapon: str | None = None  # substring of a weapon name, text or NATO name
    source: str | None = None  # substring of a claim source or document outlet
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    q: str | None = None  # free-text search over summary and evidence
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True, slots=True)
class Skip:
    """An input that was not processed, and why (a typed reason, never a silent None)."""

    origin: str
    reason: str  # short code: "binary", "empty", "encoding", "malformed_jsonl", "no_text", "too_large", ...
    message: str  # one line a user can act on


# ----------------------------------------------------------------------------- JSON


def _clean(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_clean(v) for v in value]
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


def event_to_dict(event: Event) -> dict[str, Any]:
    """The event as the JSON object of the public event record."""
    d = _clean(asdict(event))
    return d


def event_from_dict(d: dict[str, Any]) -> Event:
    """Inverse of :func:`event_to_dict` (tolerates missing added fields)."""
    acled = Acled(**d["acled"]) if d.get("acled") else None
    dd = d.get("date") or {}
    claims = []
    for c in d.get("claims") or ():
        c = dict(c)
        if c.get("probability") is not None:
            c["probability"] = tuple(c["probability"])
        claims.append(Claim(**c))
    evidence = []
    for ev in d.get("evidence") or ():
        ev = dict(ev)
        ev["marks"] = tuple(Mark(**m) for m in ev.get("marks") or ())
        evidence.append(Evidence(**ev))
    return Event(
        id=d["id"],
        kind=d["kind"],
        acled=acled,
        date=EventDate(
            start=dd.get("start"),
            end=dd.get("end"),
            precision=dd.get("precision"),
            basis=dd.get("basis", "published"),
            time_of_day=dd.get("time_of_day"),
            text=dd.get("text"),
        ),
        summary=d.get("summary", ""),
        actors=tuple(Actor(**a) for a in d.get("actors") or ()),
        locations=tuple(Location(**x) for x in d.get("locations") or ()),
        weapons=tuple(Weapon(**w) for w in d.get("weapons") or ()),
        quantities=tuple(Quantity(**q) for q in d.get("quantities") or ()),
        casualties=tuple(Casualty(**c) for c in d.get("casualties") or ()),
        fatalities=int(d.get("fatalities") or 0),
        claims=tuple(claims),
        flags=tuple(d.get("flags") or ()),
        parent=d.get("parent"),
        evidence=tuple(evidence),
        doc_ids=tuple(d.get("doc_ids") or ()),
        first_reported=d.get("first_reported"),
    )


def document_to_dict(doc: Document) -> dict[str, Any]:
    d = asdict(doc)
    d["published"] = doc.published.isoformat() if doc.published else None
    return d


__all__ = [
    "KINDS",
    "Acled",
    "Actor",
    "Casualty",
    "Claim",
    "Document",
    "Event",
    "EventDate",
    "EventFilter",
    "Evidence",
    "Location",
    "Mark",
    "Quantity",
    "Skip",
    "Weapon",
    "content_id",
    "document_to_dict",
    "event_from_dict",
    "event_to_dict",
]
