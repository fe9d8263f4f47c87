"""Human-readable account of geocoding decisions (used by ``sitrep geocode``)."""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.geo.records import PlaceMention

PRECISION_WORDS = {1: "the place itself", 2: "near / part of", 3: "region", 4: "country"}


def explain(mentions: Sequence[PlaceMention]) -> str:
    """One block per mention: chosen entry, score, reason, runner-up candidates."""
    if not mentions:
        return "no place names found"
    lines: list[str] = []
    for m in mentions:
        loc = m.location
        head = f"[{m.start}:{m.end}] {m.text!r} -> "
        if loc.lat is None:
            lines.append(head + "UNRESOLVED (" + (loc.reason or "not in the gazetteer") + ")")
            continue
        where = ", ".join(x for x in (loc.admin1, loc.country) if x)
        gid = f" geonameid {loc.geonameid}" if loc.geonameid else ""
        qual = f" [{m.qualifier}]" if m.qualifier else ""
        role = " (qualifies the place before)" if m.qualifies else ""
        lines.append(
            f"{head}{loc.name} ({m.kind}{', ' + where if where else ''}){qual}{role} "
            f"{loc.lat:.4f},{loc.lon:.4f}{gid} precision {loc.precision} "
            f"({PRECISION_WORDS.get(loc.precision or 0, '?')}) score {loc.score:.2f}"
        )
        lines.append(f"    why: {loc.reason}")
        for c in m.candidates:
            cw = ", ".join(x for x in (c.admin1, c.country) if x)
            extra = "; ".join(c.clues[:3]) if c.clues else (f"population {c.population:,}" if c.population else "")
            lines.append(f"    runner-up: {c.name} ({c.kind}{', ' + cw if cw else ''}) score {c.score:.2f}"
                         + (f" - {extra}" if extra else ""))
    return "\n".join(lines)


__all__ = ["explain"]
