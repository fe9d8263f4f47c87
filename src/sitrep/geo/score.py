"""Candidate scoring: one additive formula, computed fast for ranking and verbosely for reasons.

score = static prior (log10 population, or a kind prior; focus-country and front-line bonuses,
        precomputed per entry in the index)
      + name match (exact spelling +1.5, same skeleton +0.5, spelling variant 0, former name -1)
      + place-type word ("oblast" favours admin1, "village" settlements, "raion" the town)
      + region cue next to it (+6 in it, -3 elsewhere) or earlier in the sentence (+3)
      + country cue next to it (+3 / -2), country named in the document (+1.5)
      + region named in the document (+1.5)
      + distance to the document's confidently resolved places (+3 <25 km ... +0.4 <400 km)

``rank`` and ``explain_score`` must agree; a test checks that they do.

The winner must then pass the false-positive gate (:func:`rejection` says why it fails): a
country only under its own name or an alias ("Hanna" is not Ghana); a settlement not inside a
longer name of people ("Aung San Suu Kyi") outside the focus countries; a short alternate name
("Baby" = Pidhirne) only with a locative word; a town outside the focus countries only with a
locative word ("in", "near", "village of" ...) unless it is big (1,000,000 people at the start of
a sentence, "Mobile fire groups"; 100,000 elsewhere, "Bradley fighting vehicles"); a small village
not more than 400 km from every other place the document names (a far namesake of a front-line
village the gazetteer lacks), a foreign town not more than 1,500 km.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from sitrep.geo import data as gdata
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.normalize import fold, skeleton
from sitrep.geo.scan import RawMention

SETTLEMENT = gdata.KINDS.index("settlement")
ADMIN1 = gdata.KINDS.index("admin1")
COUNTRY = gdata.KINDS.index("country")
LANDMARK = gdata.KINDS.index("landmark")
POINT_KINDS = frozenset((SETTLEMENT, LANDMARK))
MIN_POP_ANYWHERE = 100_000  # settlements outside focus countries need this many people or a cue


@dataclass(slots=True)
class Ctx:
    """What the whole document says: countries, regions, confidently placed mentions."""

    countries: set[str]
    admin1s: set[tuple[str, str]]
    anchors: list[tuple[float, float, str, int, float, bool]]  # lat, lon, name, mention, cos(lat), capital
    anchor_ids: tuple[int, ...] = ()  # their gazetteer entries


@dataclass(frozen=True, slots=True)
class Cues:
    """What the words around one mention say."""

    k: int  # mention number (its own anchor is ignored)
    surface: str
    key: str  # skeleton
    sfold: str  # fold
    local: tuple[str, str] | None  # (country, admin1) named next to it
    local_cc: str | None  # country named next to it
    earlier: tuple[str, str] | None  # region named earlier in the sentence


@lru_cache(maxsize=50_000)
def similar(a: str, b: str) -> bool:
    """Two skeletons close enough to be spellings of one name (not a former name)."""
    return SequenceMatcher(None, a, b).ratio() >= 0.75


def fast_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: within 1% of great-circle at these ranges, and cheaper."""
    x = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) * 0.5))
    return 111.195 * math.hypot(x, lat2 - lat1)


def _name_bonus(name: str, c: Cues) -> float:
    if name == c.surface or fold(name) == c.sfold:
        return 1.5
    sk = skeleton(name)
    if sk == c.key:
        return 0.5
    return 0.0 if similar(sk, c.key) else -1.0


def _hint_bonus(hint: str | None, kc: int) -> float:
    if hint is None:
        return 0.0
    if hint == "admin1":
        return 5.0 if kc == ADMIN1 else -6.0
    if hint == "admin2":
        return 1.0 if kc == SETTLEMENT else -3.0 if kc == ADMIN1 else 0.0
    if hint == "settlement":
        return 1.0 if kc == SETTLEMENT else -4.0
    if hint == "country":
        return 5.0 if kc == COUNTRY else -5.0
    return 0.0


def _nearest(gaz: Gazetteer, i: int, ctx: Ctx, k: int) -> tuple[float, str]:
    """Distance (km, equirectangular at the anchor's latitude) to the nearest other anchor."""
    lat, lon = gaz.lat[i], gaz.lon[i]
    best, name = 1e18, ""
    for alat, alon, aname, ak, acos, _ in ctx.anchors:
        if ak != k:
            dx = (alon - lon) * acos
            dy = alat - lat
            dd = dx * dx + dy * dy
            if dd < best:
                best, name = dd, aname
    return 111.195 * math.sqrt(best), name


MAX_DISTANCE_BONUS = 3.0


def _distance_bonus(d: float) -> float:
    if d < 1.0:
        return 2.0
    if d < 25:
        return 3.0
    if d < 60:
        return 2.0
    if d < 150:
        return 1.0
    return 0.4 if d < 400 else 0.0


VILLAGE_WORDS = frozenset(("village", "settlement", "hamlet", "urban-type settlement"))
VILLAGE_MAX_POP = 50_000


def _village_penalty(rm: RawMention, kc: int, pop: int) -> float:
    """"Alexandrovka village" is not Donetsk (whose former name was Aleksandrovka)."""
    if kc == SETTLEMENT and pop > VILLAGE_MAX_POP and (rm.suffix or rm.type_before) in VILLAGE_WORDS:
        return -3.0
    return 0.0


_HINTS = {h: tuple(_hint_bonus(h, kc) for kc in range(len(gdata.KINDS)))
          for h in (None, "admin1", "admin2", "settlement", "country")}
_NO_HINT = _HINTS[None]
_NB: dict[tuple[str, str, str], float] = {}  # (name, folded surface, skeleton) -> name bonus


def rank(gaz: Gazetteer, rm: RawMention, ctx: Ctx, c: Cues) -> list[tuple[float, int]]:
    """All candidates of ``rm`` as (score, entry), best first (the formula of :func:`explain_score`)."""
    prior, kinds, names, country, admin1, pops = gaz.prior, gaz.kind, gaz.names, gaz.country, gaz.admin1, gaz.population
    hints = _HINTS.get(rm.hint, _NO_HINT)
    village = (rm.suffix or rm.type_before) in VILLAGE_WORDS
    surface, local, earlier, local_cc = c.surface, c.local, c.earlier, c.local_cc
    a1s, ccs, anchors = ctx.admin1s, ctx.countries, ctx.anchors
    out = []
    for i in rm.ids:
        kc = kinds[i]
        s = prior[i] + hints[kc]
        if kc == SETTLEMENT:
            n = names[i]
            if n == surface:
                s += 1.5
            else:
                nk = (n, c.sfold, c.key)
                nb = _NB.get(nk)
                if nb is None:
                    if len(_NB) > 200_000:
                        _NB.clear()
                    nb = _NB[nk] = _name_bonus(n, c)
                s += nb
            if village and pops[i] > VILLAGE_MAX_POP:
                s -= 3.0
        if kc != COUNTRY:
            cc = country[i]
            place = (cc, admin1[i])
            point = kc in POINT_KINDS
            if local is not None:
                if place == local:
                    s += 6.0
                elif point:
                    s -= 3.0
            elif point:
                if earlier is not None and place == earlier:
                    s += 3.0
                if place in a1s:
                    s += 1.5
            if local_cc:
                s += 3.0 if cc == local_cc else -2.0
            if cc in ccs:
                s += 1.5
            if point and anchors:
                s += _distance_bonus(_nearest(gaz, i, ctx, c.k)[0])
        out.append((s, i))
    out.sort(reverse=True)
    return out


def explain_score(gaz: Gazetteer, rm: RawMention, i: int, ctx: Ctx, c: Cues) -> tuple[float, list[str]]:
    """The same score as :func:`rank`, with the reasons in words."""
    kc = gaz.kind[i]
    kind = gdata.KINDS[kc]
    cc, a1 = gaz.country[i], gaz.admin1[i]
    why: list[str] = []
    s = gaz.prior[i]
    if kc == SETTLEMENT:
        why.append(f"population {gaz.population[i]:,}")
    else:
        why.append(f"{kind} prior")
    focus = gdata.load_focus().get(cc or "", 0.0)
    if focus:
        why.append(f"focus country {cc}")
    if kc == SETTLEMENT and gdata.load_frontline().get((cc or "", a1 or ""), 0.0):
        why.append(f"front-line region {a1}")
    hb = _hint_bonus(rm.hint, kc)
    s += hb
    if hb > 0 and rm.type_before is None and rm.hint != "country":  # those are in the mention's notes
        why.append(f"type word '{rm.suffix}'" if rm.suffix else
                   "named as a region" if rm.hint == "admin1" else f"type: {rm.hint}")
    elif hb < 0:
        why.append(f"does not fit the type word '{rm.suffix}'" if rm.suffix else f"not a place of type {rm.hint}")
    if kc == SETTLEMENT:
        vp = _village_penalty(rm, kc, gaz.population[i])
        if vp:
            s += vp
            why.append(f"too big for a '{rm.suffix or rm.type_before}'")
        nb = _name_bonus(gaz.names[i], c)
        s += nb
        if nb == 0.0:
            why.append("spelling variant")
        elif nb < 0:
            why.append("matched an alternate/former name")
    if kc != COUNTRY:
        place = (cc, a1)
        point = kc in POINT_KINDS
        if c.local is not None:
            if place == c.local:
                s += 6.0
                why.append(f"region named next to it: {c.local[1]}")
            elif point:
                s -= 3.0
                why.append(f"not in the region named next to it ({c.local[1]})")
        elif point:
            if c.earlier is not None and place == c.earlier:
                s += 3.0
                why.append(f"region named earlier in the sentence: {c.earlier[1]}")
            if place in ctx.admin1s:
                s += 1.5
                why.append(f"document mentions {a1}")
        if c.local_cc:
            s += 3.0 if cc == c.local_cc else -2.0
            if cc == c.local_cc:
                why.append(f"country named next to it: {cc}")
        if cc in ctx.countries:
            s += 1.5
            why.append(f"document mentions {cc}")
        if point and ctx.anchors:
            d, name = _nearest(gaz, i, ctx, c.k)
            db = _distance_bonus(d)
            s += db
            if d < 1.0:
                why.append(f"same place as '{name}' named elsewhere")
            elif db >= 1.0:
                why.append(f"{d:.0f} km from {name}")
    return s, why


MIN_POP_NO_CUE = 1_000_000  # ... and this many when nothing around the name says it is a place
SHORT_NAME = 5  # an alternate name this short may be an English word ("Baby" = Pidhirne)
FAR_KM = 400  # a village this far from every other place of the document is a namesake ...
FAR_MAX_POP = 20_000  # ... unless it is a town this big
COMMON_NAME = 4  # a village name this many places in one country share ("Semenivka", "Novoselivka") ...
COMMON_FAR_KM = 120  # ... is a namesake this far from every other place of the document
MAIN_FOCUS = 0.4  # focus weight of the main theatres, whose pieces of longer names and respelled districts stand
FOREIGN_FAR_KM = 1_500  # a town outside the focus countries this far from the document's places is a namesake


@lru_cache(maxsize=1)
def _country_folds() -> dict[str, frozenset[str]]:
    """ISO2 -> the folded names a country is written as (``countries.csv`` aliases)."""
    return {c.iso: frozenset(fold(a) for a in c.aliases) for c in gdata.load_countries()}


def _far_from_document(gaz: Gazetteer, i: int, ctx: Ctx, k: int, km: float) -> bool:
    """True when the document places other names and all of them lie farther than ``km``."""
    lat, lon = gaz.lat[i], gaz.lon[i]
    seen = False
    for alat, alon, _, ak, acos, capital in ctx.anchors:
        if ak == k or capital or (abs(alat - lat) < 0.01 and abs(alon - lon) < 0.01):
            continue  # itself, or a capital named for its government ("Kyiv said", "talks in Brussels")
        seen = True
        if 111.195 * math.hypot((alon - lon) * acos, alat - lat) <= km:
            return False
    return seen


def clear_caches() -> None:
    """Forget the cached name bonuses."""
    _NB.clear()


def _in_focus_only(gaz: Gazetteer, ctx: Ctx, i: int) -> bool:
    """Every other place the document confidently names lies in the focus countries."""
    focus = gdata.load_focus()
    return all(gaz.country[j] in focus for j in ctx.anchor_ids if j != i)


def is_capital(gaz: Gazetteer, i: int) -> bool:
    """A national capital (the point its country is coded to): often named for its government."""
    pts = _CAPITALS.get(id(gaz))
    if pts is None:
        pts = _CAPITALS[id(gaz)] = frozenset((round(gaz.lat[j], 1), round(gaz.lon[j], 1))
                                             for j in gaz.country_entry.values())
    return (round(gaz.lat[i], 1), round(gaz.lon[i], 1)) in pts


_CAPITALS: dict[int, frozenset[tuple[float, float]]] = {}


def accept(gaz: Gazetteer, rm: RawMention, i: int, ctx: Ctx, local: object, c: Cues | None = None) -> bool:
    """The false-positive gate for the winning candidate (see :func:`rejection`)."""
    return rejection(gaz, rm, i, ctx, local, c) is None


def rejection(gaz: Gazetteer, rm: RawMention, i: int, ctx: Ctx, local: object,
              c: Cues | None = None) -> str | None:
    """Why the winning candidate is not a place mention, or None when it is accepted."""
    kc = gaz.kind[i]
    if kc == COUNTRY:
        if c is None or rm.demonym or c.sfold == fold(gaz.names[i]) or c.sfold in _country_folds().get(
                gaz.country[i] or "", ()):
            return None
        return "a country reached through a respelling ('Hanna' is not Ghana)"
    if kc != SETTLEMENT:
        return None  # regions and curated landmarks are never common words
    pop = gaz.population[i]
    if rm.allcaps:  # "AU", "LATEST": acronyms and headlines are not villages
        return None if pop >= 50_000 and rm.end - rm.start > 4 else "an acronym or headline word"
    if rm.after_demonym and rm.hint is None:
        return "part of another name after a demonym ('British Columbia')"
    cc = gaz.country[i] or ""
    focus = gdata.load_focus()
    if rm.chained and local is None and rm.hint is None and focus.get(cc, 0.0) < MAIN_FOCUS:
        return "part of a longer name ('Aung San Suu Kyi')"
    cue = bool(rm.qualifier or rm.prep or rm.type_before or local is not None or rm.hint in ("settlement", "admin2")
               or (c is not None and c.earlier is not None))
    if c is not None and local is None:
        nb = _name_bonus(gaz.names[i], c)
        if cc not in focus and cc not in ctx.countries and nb < (0.5 if pop >= MIN_POP_ANYWHERE else 1.5):
            return "a foreign place reached only through a folded or former spelling"
        if cc not in focus and cc not in ctx.countries and rm.hint == "admin1" and nb < 1.5:
            return "a region's type word after a respelled foreign town ('Shan state' is not Shiyan)"
        if (rm.hint == "admin2" and nb < 1.5 and cc not in ctx.countries
                and focus.get(cc, 0.0) < MAIN_FOCUS):
            return ("a district named after a respelled town of a country the document does not name "
                    "('Osnovianskyi district' is not Oshnaviyeh)")
        if nb < 0 and not cue and pop < MIN_POP_ANYWHERE and len(c.sfold) <= SHORT_NAME:
            return "a short alternate name of a small place, with no locative word ('Sea Baby drones')"
    named = cc in ctx.countries
    if (cc not in focus and not cue and (not named or rm.sentence_start)
            and pop < (MIN_POP_ANYWHERE if named else MIN_POP_NO_CUE if rm.sentence_start else MIN_POP_ANYWHERE)):
        return ("a foreign town named without a locative word" + (" at the start of a sentence ('Mobile fire groups')"
                                                                 if rm.sentence_start else " ('Bradley fighting vehicles')"))
    if c is not None and ctx.anchors and local is None and c.earlier is None and (cc, gaz.admin1[i]) not in ctx.admin1s:
        if pop < FAR_MAX_POP and cc in focus and _far_from_document(gaz, i, ctx, c.k, FAR_KM):
            return f"a village more than {FAR_KM} km from every other place in the document"
        if (pop < FAR_MAX_POP and cc in focus and sum(gaz.country[j] == cc for j in rm.ids) >= COMMON_NAME
                and _far_from_document(gaz, i, ctx, c.k, COMMON_FAR_KM)):
            return (f"one of {COMMON_NAME}+ villages of that name, more than {COMMON_FAR_KM} km from every other "
                    "place in the document (the one meant is not in the gazetteer)")
        if (cc not in focus and cc not in ctx.countries and pop < MIN_POP_NO_CUE and _in_focus_only(gaz, ctx, i)
                and _far_from_document(gaz, i, ctx, c.k, FOREIGN_FAR_KM)):
            return f"a foreign town more than {FOREIGN_FAR_KM:,} km from every other place in the document"
    if pop >= MIN_POP_ANYWHERE or local is not None or rm.hint in ("settlement", "admin2"):
        return None
    if rm.qualifier or rm.prep:
        ok = cc in focus or cc in ctx.countries or pop >= 5_000
    else:
        w = focus.get(cc, 0.0)
        ok = cc in ctx.countries or (w >= 0.4 and pop >= 1_000) or w >= 1.0
    return None if ok else "a small place with too little context"


__all__ = ["Ctx", "Cues", "accept", "clear_caches", "explain_score", "fast_km", "is_capital", "rank", "rejection", "similar"]
