"""Who a titled or described source is: "the governor" of the struck oblast on the report's date,
"the city military administration", "the deputy defence minister", "the monitor".

Used by :mod:`sitrep.extract.assemble` when it finishes an event's claims; the office holders and
their terms come from ``knowledge/data/sources.json``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import cache

from sitrep.knowledge import actor_for_side, classify_source, demonym_side
from sitrep.knowledge.sources import by_epithet, officeholder
from sitrep.model import Claim, Location


_OFFICE_NAMES = {
    "interior": "Ministry of Internal Affairs of {}", "defence": "Ministry of Defence of {}", "defense": "Ministry of Defence of {}",
    "foreign": "Ministry of Foreign Affairs of {}", "army": "Armed Forces of {}", "military": "Armed Forces of {}",
    "junta": "Armed Forces of {}", "armed forces": "Armed Forces of {}",
}
_BARE_OFFICE = re.compile(
    r"(?i)^(?:the )?(?:(interior|defen[cs]e|foreign) ministry|(army|military|junta|armed forces)|"
    r"(?:(?:regional|national|local|city|district|oblast|provincial|state) )?(police))$"
)


_LOCAL_TITLE = re.compile(
    r"^(?i:the )?(?:(?P<near>[A-Z][\w’'-]+)(?:['’]s)? )?(?i:(?:regional|city|local|oblast|acting|region['’]s|city['’]s) )*"
    r"(?P<title>(?i:governor|mayor))\b(?! [A-Z])"
    r"(?: of (?:the )?(?P<of>[A-Z][\w’'-]+)(?: (?i:region|oblast|province|krai|city))?)?"
)


@cache
def _officials_by_title() -> dict[str, str]:
    """Known officials by lower-cased title ("governor of kharkiv oblast" -> Oleh Syniehubov)."""
    from sitrep.knowledge.actors import load_actors

    return {p.title.lower(): p.name for p in load_actors().people if p.title}


def epithet(c: Claim, before: str) -> Claim:
    """ "..., the monitor added", "..., the ethnic armed group said": the source named earlier in the text
    that the description fits (sources.json "epithets")."""
    info = by_epithet(c.source, before) if c.source and classify_source(c.source) is None else None
    return replace(c, source=info.name, source_type=info.source_type) if info is not None else c


_CITY_ADMIN = re.compile(r"^(?i:the )?(?i:city|municipal) (?i:military )?administration\b(?! of)")


def _city_administration(c: Claim, locations: list[Location]) -> Claim:
    """ "..., the city military administration said": the administration of the one city the event hit,
    when sources.json names it ("Kyiv City Military Administration")."""
    if not _CITY_ADMIN.match(c.text or ""):
        return c
    cities = {x.name for x in locations if x.role in ("site", "target") and x.precision == 1}
    if len(cities) != 1:
        return c
    info = classify_source(f"{cities.pop()} City Military Administration")
    if info is None or info.side is None:  # only the generic "Officials"
        return c
    return replace(c, source=info.name, source_type=info.source_type)


def _local_official(c: Claim, locations: list[Location], on: date | None = None) -> Claim:
    """ "..., the regional governor said", "the Kharkiv governor", "the governor of Kherson region": the
    governor (or mayor) of the region (city) the title or the event names, in office on the report's date,
    when the knowledge files name them."""
    m = _LOCAL_TITLE.match(c.text or "")
    if m is None:
        return _city_administration(c, locations)
    title = m.group("title").lower()
    named = m.group("of") or m.group("near")
    if named and demonym_side(named) is not None and classify_source(named) is None and named not in {x.admin1 for x in locations}:
        named = None  # "the Russian governor": a side, not a place
    here = [x for x in locations if x.role in ("site", "target")]
    if named:
        places = {named}
    elif title == "governor":
        places = {x.admin1 for x in here if x.admin1}
    else:
        places = {x.name for x in here if x.precision == 1}
    if len(places) != 1:
        return c
    place = places.pop()
    info = officeholder(title, place, on)
    if info is not None:
        return replace(c, source=info.name, source_type=info.source_type)
    name = _officials_by_title().get(f"{title} of {place} oblast".lower()) or _officials_by_title().get(f"{title} of {place}".lower())
    return replace(c, source=name, source_type="government") if name else c


# "the deputy defence minister said": a national office named without its holder
_NATIONAL_TITLE = re.compile(
    r"(?i)^(?:the )?(?P<title>(?:(?:first|deputy|acting) )*(?:defen[cs]e|interior|foreign|justice|health) minister)$"
)


def _office_country(locations: list[Location], fallback: Sequence[Location]) -> str | None:
    """The name of the one country the event (else the passage) happened in ("Ukraine")."""
    countries = {x.country for x in locations if x.country and x.role in ("site", "target")}
    if not countries:  # "The junta said it had shot down seven drones": the country of the passage
        countries = {x.country for x in fallback if x.country and x.role in ("site", "target")}
    if len(countries) != 1:
        return None
    forces = actor_for_side(next(iter(countries)))
    return forces.name.rpartition(" of ")[2] if forces is not None and " of " in forces.name else None


def office_of(c: Claim, locations: list[Location], fallback: Sequence[Location] = (), on: date | None = None) -> Claim:
    """ "60 people were detained in Makhachkala, the interior ministry said": the ministry (or "the
    army", "the junta", "the regional police") of the one country the event happened in; "the deputy
    defence minister said": its holder on the report's date, when the knowledge files name them."""
    title = _NATIONAL_TITLE.match(c.source)
    if title is not None:
        country = _office_country(locations, fallback)
        key = title.group("title").lower().replace("defense", "defence")
        info = officeholder(key, country, on) if country else None
        return replace(c, source=info.name, source_type=info.source_type) if info is not None else c
    m = _BARE_OFFICE.match(c.source)
    if m is None:
        return _local_official(c, locations, on)
    country = _office_country(locations, fallback)
    if not country:
        return c
    if m.group(3):  # "the regional police said": that country's police
        info = classify_source(f"{country}'s police")
        return replace(c, source=info.name, source_type=info.source_type) if info is not None and info.side else c
    name = _OFFICE_NAMES[(m.group(1) or m.group(2)).lower()].format(country)
    return replace(c, source=name, source_type="military" if m.group(2) else c.source_type)


__all__ = ["epithet", "office_of"]
