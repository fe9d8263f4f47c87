"""Query parameters of the HTTP API -> :class:`~sitrep.model.EventFilter`.

Every parameter is parsed here, by hand, so that a bad value becomes an :class:`ApiError`
(HTTP 400) whose message names the parameter, shows the value and says what to send.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from sitrep.model import KINDS, EventFilter

#: Page size when ``limit`` is not given, and the largest page a client may ask for.
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000

#: Query parameters that :func:`parse_filter` understands (anything else is a 400).
FILTER_PARAMS = (
    "since",
    "until",
    "kind",
    "country",
    "admin1",
    "actor",
    "weapon",
    "source",
    "bbox",
    "q",
)
PAGE_PARAMS = ("limit", "offset")
_MAX_TEXT = 200


class ApiError(Exception):
    """A failure the API reports as ``{"ok": false, "error": message, "status": status}``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed request: the filter plus the page the client asked for."""

    flt: EventFilter
    limit: int
    offset: int


def _one(params: Mapping[str, Sequence[str]], name: str) -> str | None:
    values = params.get(name) or ()
    if len(values) > 1:
        raise ApiError(400, f"parameter {name!r} was given {len(values)} times; give it once")
    if not values:
        return None
    value = values[0].strip()
    return value or None


def _date(params: Mapping[str, Sequence[str]], name: str) -> str | None:
    value = _one(params, name)
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ApiError(
            400, f"parameter {name}={value!r} is not a date; use YYYY-MM-DD, e.g. 2022-06-25"
        ) from None


def _kinds(params: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    kinds: list[str] = []
    for raw in params.get("kind") or ():
        for part in raw.split(","):
            kind = part.strip()
            if not kind:
                continue
            if kind not in KINDS:
                raise ApiError(
                    400, f"parameter kind={kind!r} is not a kind; use one of {', '.join(KINDS)}"
                )
            if kind not in kinds:
                kinds.append(kind)
    return tuple(kinds)


def _bbox(params: Mapping[str, Sequence[str]]) -> tuple[float, float, float, float] | None:
    value = _one(params, "bbox")
    if value is None:
        return None
    hint = "use bbox=min_lon,min_lat,max_lon,max_lat, e.g. bbox=22,44,41,53"
    parts = value.split(",")
    try:
        nums = tuple(float(p) for p in parts)
    except ValueError:
        raise ApiError(400, f"parameter bbox={value!r} holds a non-number; {hint}") from None
    if len(nums) != 4:
        raise ApiError(400, f"parameter bbox={value!r} needs 4 numbers, got {len(nums)}; {hint}")
    min_lon, min_lat, max_lon, max_lat = nums
    if any(n != n for n in nums):  # NaN
        raise ApiError(400, f"parameter bbox={value!r} holds NaN; {hint}")
    if not (-90 <= min_lat <= max_lat <= 90):
        raise ApiError(
            400, f"parameter bbox={value!r}: latitudes must satisfy -90 <= min_lat <= max_lat <= 90"
        )
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180):
        raise ApiError(400, f"parameter bbox={value!r}: longitudes must lie in -180..180")
    return (min_lon, min_lat, max_lon, max_lat)


def _text(params: Mapping[str, Sequence[str]], name: str) -> str | None:
    value = _one(params, name)
    if value is not None and len(value) > _MAX_TEXT:
        raise ApiError(400, f"parameter {name!r} is {len(value)} characters; keep it under {_MAX_TEXT}")
    return value


def _int(params: Mapping[str, Sequence[str]], name: str, default: int, lo: int, hi: int) -> int:
    value = _one(params, name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ApiError(400, f"parameter {name}={value!r} is not a whole number") from None
    if not lo <= number <= hi:
        raise ApiError(400, f"parameter {name}={number} is out of range; use {lo}..{hi}")
    return number


def check_known(params: Mapping[str, Sequence[str]], allowed: Sequence[str]) -> None:
    """Raise a 400 naming the first parameter the endpoint does not understand."""
    for name in params:
        if name not in allowed:
            raise ApiError(
                400, f"unknown parameter {name!r}; this endpoint understands {', '.join(allowed)}"
            )


def parse_filter(params: Mapping[str, Sequence[str]]) -> EventFilter:
    """The :class:`EventFilter` described by the request's query parameters."""
    since = _date(params, "since")
    until = _date(params, "until")
    if since and until and since > until:
        raise ApiError(400, f"since={since} is after until={until}; swap them")
    country = _text(params, "country")
    return EventFilter(
        since=since,
        until=until,
        kind=_kinds(params),
        country=country.upper() if country else None,
        admin1=_text(params, "admin1"),
        actor=_text(params, "actor"),
        weapon=_text(params, "weapon"),
        source=_text(params, "source"),
        bbox=_bbox(params),
        q=_text(params, "q"),
    )


def parse_query(params: Mapping[str, Sequence[str]], *, max_limit: int = MAX_LIMIT) -> Query:
    """Filter plus ``limit`` (1..max_limit, default 100) and ``offset`` (>= 0)."""
    flt = parse_filter(params)
    limit = _int(params, "limit", DEFAULT_LIMIT, 1, max_limit)
    offset = _int(params, "offset", 0, 0, 10_000_000)
    return Query(flt=replace(flt, limit=limit, offset=offset), limit=limit, offset=offset)


def parse_zoom(params: Mapping[str, Sequence[str]]) -> int:
    """The map zoom level (0..20) for clustering; 6 when not given."""
    return _int(params, "zoom", 6, 0, 20)


__all__ = [
    "DEFAULT_LIMIT",
    "FILTER_PARAMS",
    "MAX_LIMIT",
    "PAGE_PARAMS",
    "ApiError",
    "Query",
    "check_known",
    "parse_filter",
    "parse_query",
    "parse_zoom",
]
