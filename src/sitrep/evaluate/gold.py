"""Gold files in three formats, read into one shape: :class:`GoldDoc`.

    gold    the project's own passages (tests/gold/passages.jsonl): {"id", "text", "published", "events": [...]}
    case    CASE 2021 task 2: {"id", "text", "label"} with ACLED-style sub-event labels
    ucdp    UCDP GED rows: {"source_headline", "latitude", "longitude", "where_prec", "date_start", ...}

The format is detected from the keys of the first record unless given.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sitrep.errors import InputError

FORMATS = ("gold", "case", "ucdp")
NO_EVENT = "no ACLED event"

# CASE 2021 task 2 labels -> ACLED sub-event types (tests/data/README.md); the five non-ACLED labels -> NO_EVENT
CASE_LABELS: dict[str, str] = {
    "AIR_STRIKE": "Air/drone strike",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ARMED_CLASH": "Armed clash",
    "DISR_WEAP": "Disrupted weapons use",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SUIC_BOMB": "Suicide bomb",
    "CHEM_WEAP": "Chemical weapon",
    "GRENADE": "Grenade",
    "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "SEX_VIOL": "Sexual violence",
    "ARREST": "Arrests",
    "AGREEMENT": "Agreement",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence",
    "OTHER": "Other",
    "ORG_CRIME": NO_EVENT,
    "NATURAL_DISASTER": NO_EVENT,
    "MAN_MADE_DISASTER": NO_EVENT,
    "ATTRIB": NO_EVENT,
    "DIPLO": NO_EVENT,
}


@dataclass(frozen=True, slots=True)
class UcdpTruth:
    """What a UCDP row says about its event."""

    lat: float | None
    lon: float | None
    where_prec: int | None
    start: date | None
    end: date | None
    deaths: int | None  # UCDP "best"
    violence: int | None  # 1 state-based, 2 non-state, 3 one-sided


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One gold document: its text and what people coded from it (per format)."""

    id: str
    text: str
    published: date | None
    events: tuple[Mapping[str, Any], ...] = ()  # gold: event records
    label: str | None = None  # case: the ACLED sub-event type of the main event, or NO_EVENT
    raw_label: str | None = None  # case: the label as written in the file
    ucdp: UcdpTruth | None = None
    register: str | None = None


def detect_format(record: Mapping[str, Any]) -> str | None:
    """The format a record belongs to, from its keys (None when unknown)."""
    if "events" in record and "text" in record:
        return "gold"
    if "label" in record and "text" in record:
        return "case"
    if "source_headline" in record:
        return "ucdp"
    return None


def _iso(value: Any) -> date | None:
    if not value:
        return None
    return date.fromisoformat(str(value)[:10])


def _us_date(value: str | None) -> date | None:
    """UCDP's "1/22/2014 12:00:00 AM" (or ISO)."""
    if not value:
        return None
    head = value.split(" ")[0]
    if "-" in head:
        return date.fromisoformat(head[:10])
    return datetime.strptime(head, "%m/%d/%Y").date()


def _lenient(value: str) -> date | None:
    """A source date in whatever form UCDP rows carry (ISO, D/M/Y, M/D/Y); None if none fits."""
    head = value.strip().split(" ")[0]
    for f in ("%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(head, f).date()
        except ValueError:
            continue
    return None


def _int(value: Any) -> int | None:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def _float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _from_gold(r: Mapping[str, Any], n: int) -> GoldDoc:
    return GoldDoc(
        id=str(r.get("id", n)),
        text=r["text"],
        published=_iso(r.get("published")),
        events=tuple(r.get("events") or ()),
        register=r.get("register"),
    )


def _from_case(r: Mapping[str, Any], n: int, origin: str) -> GoldDoc:
    raw = str(r["label"])
    if raw not in CASE_LABELS:
        raise InputError(origin, "bad_label", f"line {n}: unknown CASE label {raw!r}; known labels are {', '.join(CASE_LABELS)}")
    return GoldDoc(id=str(r.get("id", n)), text=r["text"], published=None, label=CASE_LABELS[raw], raw_label=raw)


def _from_ucdp(r: Mapping[str, Any], n: int) -> GoldDoc:
    heads = [h.strip() for h in str(r.get("source_headline") or "").split(";") if h.strip()]
    text = "\n".join(h if h[-1] in ".!?" else h + "." for h in heads)
    dates = [d for d in (str(r.get("source_date") or "").split(";")) if d.strip()]
    truth = UcdpTruth(
        lat=_float(r.get("latitude")),
        lon=_float(r.get("longitude")),
        where_prec=_int(r.get("where_prec")),
        start=_us_date(r.get("date_start")),
        end=_us_date(r.get("date_end")),
        deaths=_int(r.get("best")),
        violence=_int(r.get("type_of_violence")),
    )
    published = _lenient(dates[0]) if dates else None
    published = published or truth.end
    return GoldDoc(id=str(r.get("id", n)), text=text, published=published, ucdp=truth)


def load_gold(path: str | Path, fmt: str | None = None, limit: int | None = None) -> tuple[str, tuple[GoldDoc, ...]]:
    """Read a gold JSONL file; returns (format, documents). Rows without text are skipped."""
    origin = str(path)
    if fmt is not None and fmt not in FORMATS:
        raise InputError(origin, "bad_format", f"unknown gold format {fmt!r}; use one of {', '.join(FORMATS)} (or leave it out to detect)")
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(origin, "unreadable", f"{exc}; give a UTF-8 JSONL gold file") from exc
    docs: list[GoldDoc] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(origin, "malformed_jsonl", f"line {n} is not JSON ({exc.msg}); fix or remove it") from exc
        if not isinstance(r, dict):
            raise InputError(origin, "malformed_jsonl", f"line {n} is not a JSON object")
        if fmt is None:
            fmt = detect_format(r)
            if fmt is None:
                raise InputError(origin, "unknown_format", f"line {n}: cannot tell the gold format from keys {sorted(r)}; pass --format gold|case|ucdp")
        if fmt == "gold":
            doc = _from_gold(r, n)
        elif fmt == "case":
            doc = _from_case(r, n, origin)
        else:
            doc = _from_ucdp(r, n)
        if doc.text.strip():
            docs.append(doc)
        if limit is not None and len(docs) >= limit:
            break
    if fmt is None:
        raise InputError(origin, "empty", "the gold file has no records")
    return fmt, tuple(docs)


__all__ = ["CASE_LABELS", "FORMATS", "NO_EVENT", "GoldDoc", "UcdpTruth", "detect_format", "load_gold"]
