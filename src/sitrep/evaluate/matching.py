"""Compare extracted events with a gold coding, field by field.

Gold events use the event record's field names; a field ending in ``_like`` matches by
case-insensitive substring (``"source_like": "Air Force"``). A gold location matches a
predicted one within 25 km when it gives coordinates and precision 1–2, else by
admin1/country. Every listed field must match; fields a gold event does not list are not
checked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sitrep.model import Event
from sitrep.geo.distance import km as _km

RADIUS_KM = 25.0


@dataclass(frozen=True, slots=True)
class Check:
    field: str
    ok: bool
    expected: str
    got: str


@dataclass(frozen=True, slots=True)
class EventMatch:
    label: str
    level: str
    event: Event | None
    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        return self.event is not None and all(c.ok for c in self.checks)

    def failures(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]


def _like(needle: str | None, *hay: str | None) -> bool:
    return needle is not None and any(h and needle.lower() in h.lower() for h in hay)


def _obj_ok(gold: dict[str, Any], got: Any, special: dict[str, Any] | None = None) -> bool:
    for key, want in gold.items():
        if special and key in special:
            if not special[key](want, got):
                return False
        elif key.endswith("_like"):
            base = key[: -len("_like")]
            if not _like(want, getattr(got, base, None), getattr(got, "text", None)):
                return False
        elif key == "probability":
            have = getattr(got, "probability", None)
            if have is None or want is None:
                if have != want:
                    return False
            elif any(abs(a - b) > 1e-6 for a, b in zip(have, want)):
                return False
        elif getattr(got, key, None) != want:
            return False
    return True


def _location_ok(gold: dict[str, Any], loc: Any) -> bool:
    prec = gold.get("precision")
    near = "lat" in gold and "lon" in gold and (prec is None or prec <= 2)
    if near and (loc.lat is None or loc.lon is None or _km(gold["lat"], gold["lon"], loc.lat, loc.lon) > RADIUS_KM):
        return False
    rest = {k: v for k, v in gold.items() if k not in ("lat", "lon")}
    return _obj_ok(rest, loc)


def _list_checks(name: str, golds: Sequence[dict[str, Any]], items: Sequence[Any], match) -> list[Check]:
    out = []
    for g in golds:
        hit = any(match(g, it) for it in items)
        out.append(Check(name, hit, str(g), "; ".join(str(it) for it in items) or "none"))
    return out


def check_event(gold: dict[str, Any], event: Event) -> list[Check]:
    """Every field the gold event lists, checked against ``event``."""
    checks = [Check("kind", event.kind == gold["kind"], gold["kind"], event.kind)]
    if "acled" in gold:
        want = gold["acled"]
        if want is None:
            checks.append(Check("acled", event.acled is None, "null", str(event.acled)))
        else:
            ok = event.acled is not None and all(getattr(event.acled, k) == v for k, v in want.items())
            checks.append(Check("acled", ok, str(want), str(event.acled)))
    for key, want in (gold.get("date") or {}).items():
        have = getattr(event.date, key)
        checks.append(Check(f"date.{key}", have == want, str(want), str(have)))
    checks += _list_checks("actors", gold.get("actors", ()), event.actors, _obj_ok)
    checks += _list_checks("weapons", gold.get("weapons", ()), event.weapons, _obj_ok)
    checks += _list_checks(
        "quantities",
        gold.get("quantities", ()),
        event.quantities,
        lambda g, q: _obj_ok(g, q, {"item_like": lambda w, q: _like(w, q.item, q.text)}),
    )
    checks += _list_checks("locations", gold.get("locations", ()), event.locations, _location_ok)
    checks += _list_checks("claims", gold.get("claims", ()), event.claims, _obj_ok)
    checks += _list_checks("casualties", gold.get("casualties", ()), event.casualties, _obj_ok)
    for flag in gold.get("flags", ()):
        checks.append(Check("flags", flag in event.flags, flag, ",".join(event.flags)))
    if "fatalities" in gold:
        checks.append(Check("fatalities", event.fatalities == gold["fatalities"], str(gold["fatalities"]), str(event.fatalities)))
    return checks


def match_gold(gold_events: Sequence[dict[str, Any]], events: Sequence[Event]) -> list[EventMatch]:
    """Pair each gold event with the predicted event that satisfies most of its fields
    (each predicted event used once), then check ``parent_label`` links."""
    used: set[str] = set()
    matches: list[EventMatch] = []
    for gold in gold_events:
        best: tuple[int, Event | None, list[Check]] = (-1, None, [])
        for ev in events:
            if ev.id in used or ev.kind != gold["kind"]:
                continue
            checks = check_event(gold, ev)
            score = sum(c.ok for c in checks)
            if score > best[0]:
                best = (score, ev, checks)
        _, ev, checks = best
        if ev is not None:
            used.add(ev.id)
        matches.append(EventMatch(gold.get("label", ""), gold.get("level", "must"), ev, tuple(checks)))
    by_label = {m.label: m for m in matches}
    final = []
    for gold, m in zip(gold_events, matches):
        parent_label = gold.get("parent_label")
        if parent_label and m.event is not None:
            parent = by_label.get(parent_label)
            want = parent.event.id if parent and parent.event else None
            ok = want is not None and m.event.parent == want
            m = EventMatch(m.label, m.level, m.event, m.checks + (Check("parent", ok, str(want), str(m.event.parent)),))
        if m.event is None:
            m = EventMatch(m.label, m.level, None, (Check("event", False, gold["kind"], "no event of that kind"),))
        final.append(m)
    return final


__all__ = ["Check", "EventMatch", "check_event", "match_gold"]
