"""Resolve scanned mentions to gazetteer entries, using the whole document as context.

Each candidate gets an additive score (log-population prior, kind prior, focus-country and
front-line priors, place-type words, "X, Donetsk Oblast" / "X in the Kharkiv region" cues,
regions and countries named elsewhere in the document, distance to the document's
confidently resolved places).  Scores become probabilities with a softmax; the best
candidate wins if it passes the false-positive gate; every clue is kept for the explanation.
"""

from __future__ import annotations

import math
import re

from sitrep.geo import data as gdata
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.normalize import fold, skeleton
from sitrep.geo.records import Candidate, PlaceMention
from sitrep.geo.scan import RawMention
from sitrep.geo.score import (
    ADMIN1,
    COUNTRY,
    FAR_MAX_POP,
    MAX_DISTANCE_BONUS,
    MIN_POP_ANYWHERE,
    POINT_KINDS,
    SETTLEMENT,
    Ctx,
    Cues,
    accept,
    explain_score,
    fast_km,
    is_capital,
    rank,
)
from sitrep.model import Location

_CUE_GAP_RE = re.compile(r"^\s*(?:,|\(|,?\s*in\s+(?:the\s+)?|,?\s*of\s+(?:the\s+)?)\s*$", re.IGNORECASE)
# "X in the occupied Kherson region", "X, in southern Donetsk Oblast": the words allowed between a
# place (or the last of a list of places) and the region that locates it
_REGION_GAP_RE = re.compile(
    r"^(?:\s+[A-ZА-ЯІЇЄҐ][\w'’.-]*){0,2}"  # the rest of a name the gazetteer lacks ("Nizhni Lozovoe")
    r"(?:\s*\[[^\[\]]{0,40}\])?"  # a gloss: "Verkhnietoretske [Upper Toretske]"
    r"(?:[\s,(]*(?:[A-ZА-ЯІЇЄҐ][\w'’-]*\s+)+(?:district|raion|rayon|hromada|community|city council|council)"
    r"\.?\)?)*"  # a district the gazetteer lacks: "Tarany, Shakhtyor district, Donetsk region"
    r"(?:\s+(?:city\s+|village\s+|town\s+)?council)?"  # "Gorlovka city council Donetsk region"
    r"(?:\s+(?:area|areas|sector|direction))?"  # "Pavlovka area of the DPR"
    r"(?:\s+in\s+the\s+(?:north|south|east|west|centre|center|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?(?:\s+part)?\s+of)?"  # "Leninskoye in the south of the DPR"
    r"[\s,()]*(?:(?:in|of)\s+(?:the\s+)?)?(?:(?:russian-|ukrainian-)?(?:occupied|held|controlled|"
    r"southern|northern|eastern|western|central|north-?eastern|north-?western|south-?eastern|south-?western|"
    r"neighbouring|neighboring|frontline|front-line|border)\s+)?$")
_DISTRICT_GAP_RE = re.compile(r"^[\s,.()]*$")
# between two listed places: a separator, possibly after names the gazetteer lacks
# ("Prishib, Yavorskoye and Andreevka"), or a space inside one name ("Ternovye Pody")
_LIST_GAP_RE = re.compile(
    r"^(?:\s*(?:,|,?\s+and|,?\s+or|&)\s*[A-ZА-ЯІЇЄҐ][\w'’.-]*(?:\s+[A-ZА-ЯІЇЄҐ0-9][\w'’.-]*)?)*"
    r"\s*(?:,|,?\s+and|,?\s+or|&)\s*$|^ $|^\s+[-–]\s+$")
LIST_LOOKAHEAD = 12  # a listed place looks this many names ahead for the region after the list
COUNTRY_GAP_RE = re.compile(r"^\s*(?:,|\(|,?\s*in\s+)\s*$")
MAX_CANDIDATES = 4  # the winner and three runner-ups
DISTRICT_KM = 50  # a place farther than this from the district town named with it is another namesake


def _admin1_of(gaz: Gazetteer, ids: tuple[int, ...]) -> tuple[str, str] | None:
    """The admin1 a mention names, when it can name one ("Donetsk" -> UA/Donetsk)."""
    for i in ids:
        if gaz.kind[i] == ADMIN1:
            return (gaz.country[i] or "", gaz.admin1[i] or "")
    return None


def _softmax(scores: list[float]) -> list[float]:
    m = max(scores)
    ex = [math.exp(x - m) for x in scores]
    t = sum(ex)
    return [x / t for x in ex]


_SENTENCE_END_RE = re.compile(r"[.;!?\n]\s")
CLAUSE_CHARS = 100


def _is_region(gaz: Gazetteer, rm: RawMention) -> bool:
    """A first-level region: "Donetsk Oblast", "Crimea", "Sumy" followed by "oblasts"."""
    if rm.hint == "admin1":
        return any(gaz.kind[i] == ADMIN1 for i in rm.ids)
    return bool(rm.ids) and all(gaz.kind[i] == ADMIN1 for i in rm.ids)


def _is_district(gaz: Gazetteer, rm: RawMention) -> bool:
    """A district named after its town: "Bakhmut raion", "Amvrosiivskyi district", "Volnovakha region"."""
    return rm.hint == "admin2" or (rm.hint == "admin1" and not any(gaz.kind[i] == ADMIN1 for i in rm.ids))


def _cues(text: str, raws: list[RawMention], gaz: Gazetteer) -> tuple[
        list[tuple[str, str] | None], list[str | None], list[bool], list[tuple[str, str] | None],
        list[int | None]]:
    """Region and country cues around each mention.

    * ``X, Donetsk Oblast`` / ``X (Luhansk region)`` / ``X village, Y district, Donetsk region`` /
      ``X in the Kharkiv region``: the region after X in the same clause (local cue);
    * ``X, Donetsk`` (a bare name that can be a region) when X has a candidate there;
    * ``X, Ukraine``: a country cue;
    * ``In the Kharkiv region, ... X``: a region earlier in the same sentence (weaker);
    * ``X village, Amvrosiivskyi district``: the district after X (its number in ``raws``).
    """
    n = len(raws)
    locals_: list[tuple[str, str] | None] = [None] * n
    local_cc: list[str | None] = [None] * n
    qualifies = [False] * n
    earlier: list[tuple[str, str] | None] = [None] * n
    district: list[int | None] = [None] * n
    if n < 2:
        return locals_, local_cc, qualifies, earlier, district
    kind = gaz.kind
    reg = [_is_region(gaz, r) for r in raws]
    dis = [_is_district(gaz, r) for r in raws]
    cue = [reg[j] or dis[j] or any(kind[i] in (COUNTRY, ADMIN1) for i in raws[j].ids) for j in range(n)]
    if not any(cue):
        return locals_, local_cc, qualifies, earlier, district  # no region, district or country to cue
    gaps = [""] + [text[raws[j - 1].end:raws[j].start] for j in range(1, n)]
    ends = [False] + [bool(_SENTENCE_END_RE.search(g + " ")) for g in gaps[1:]]  # a sentence ends before j
    last_cue = max(j for j in range(n) if cue[j])
    for k, rm in enumerate(raws):
        if k >= last_cue:
            break
        if reg[k] or dis[k] or not any(kind[i] in POINT_KINDS for i in rm.ids):
            continue  # regions, districts, countries and seas take no region cue
        chain = True  # every name between X and the region is listed with X ("X, Y and Z in ...")
        for j in range(k + 1, min(n, k + LIST_LOOKAHEAD)):
            nxt = raws[j]
            if (j > k + 3 and not chain) or ends[j] or nxt.start - rm.end > CLAUSE_CHARS:
                break
            gap = gaps[j]
            if dis[j]:
                near = bool(_DISTRICT_GAP_RE.match(gap) or _REGION_GAP_RE.match(gap) or _LIST_GAP_RE.match(gap))
                if district[k] is None and chain and near:
                    district[k] = j
                chain = chain and near
                continue
            na1 = _admin1_of(gaz, nxt.ids)
            listed = nxt.plural or any(x.startswith("listed") for x in nxt.notes)
            if na1 and not listed and nxt.hint in (None, "admin1"):
                explicit = reg[j]
                adjacent = bool(_CUE_GAP_RE.match(gap)) and len(gap) < 12
                if explicit and chain and (adjacent or _REGION_GAP_RE.match(gap)):
                    locals_[k] = na1
                    qualifies[j] = True
                    nxt.hint = "admin1"
                    reg[j] = True
                    break
                if (j == k + 1 and adjacent and ("," in gap or "(" in gap)
                        and any((gaz.country[i], gaz.admin1[i]) == na1 and gaz.kind[i] != ADMIN1 for i in rm.ids)):
                    locals_[k] = na1
                    qualifies[j] = True
                    nxt.hint = "admin1"
                    reg[j] = True
                    break
            if (j == k + 1 and COUNTRY_GAP_RE.match(gap) and len(nxt.ids) == 1
                    and gaz.kind[nxt.ids[0]] == COUNTRY):
                local_cc[k] = gaz.country[nxt.ids[0]]
                qualifies[j] = True
                break
            if nxt.hint not in ("admin2", "settlement", None):
                break
            chain = chain and bool(_LIST_GAP_RE.match(gap))
    if not any(reg):
        return locals_, local_cc, qualifies, earlier, district
    for k, rm in enumerate(raws):
        if locals_[k] is not None or reg[k]:
            continue
        for j in range(k - 1, max(-1, k - 4), -1):
            prev = raws[j]
            if ends[j + 1]:
                break
            if reg[j] and not prev.plural and prev.front is None:  # a front sector spans regions
                earlier[k] = _admin1_of(gaz, prev.ids)
                break
    return locals_, local_cc, qualifies, earlier, district


def _dedupe(anchors: list[tuple[float, float, str, int, bool]]) -> list[tuple[float, float, str, int, float, bool]]:
    """One anchor per place; a place named twice keeps mention number -1 (never its own)."""
    seen: dict[tuple[float, float], tuple[float, float, str, int, float, bool]] = {}
    for lat, lon, name, k, capital in anchors:
        key = (lat, lon)
        seen[key] = (lat, lon, name, -1 if key in seen else k, math.cos(math.radians(lat)), capital)
    return list(seen.values())


_ONE: dict[tuple, tuple[int, tuple[PlaceMention, ...]]] = {}  # single-mention documents, by signature
ONE_CACHE_SIZE = 50_000


def _signature(text: str, rm: RawMention) -> tuple:
    """Everything about a lone mention that resolution reads (its words, flags and candidates)."""
    return (rm.ids, text[rm.start:rm.end], rm.name_end - rm.start, rm.hint, rm.suffix, rm.plural, rm.qualifier,
            rm.qual_precision, rm.prep, rm.allcaps, rm.demonym, rm.after_demonym, rm.key, rm.type_before,
            rm.chained, rm.sentence_start, tuple(rm.notes))


def resolve(text: str, raws: list[RawMention], gaz: Gazetteer) -> list[PlaceMention]:
    """Turn scanned mentions into :class:`PlaceMention` objects.

    A document naming one place is resolved once per distinct mention (its words and flags
    decide everything) and then reused at its new offsets; otherwise see :func:`_resolve`.
    """
    if len(raws) != 1:
        return _resolve(text, raws, gaz) if raws else []
    rm = raws[0]
    key = (id(gaz), len(gaz), _signature(text, rm))
    hit = _ONE.get(key)
    if hit is None:
        if len(_ONE) >= ONE_CACHE_SIZE:
            _ONE.clear()
        hit = _ONE[key] = (rm.start, tuple(_resolve(text, raws, gaz)))
    base, ms = hit
    if base == rm.start:
        return list(ms)
    d = rm.start - base
    return [PlaceMention(m.start + d, m.end + d, m.text, m.kind, m.qualifier, m.location, m.candidates, m.qualifies)
            for m in ms]


def _resolve(text: str, raws: list[RawMention], gaz: Gazetteer) -> list[PlaceMention]:
    """Document context first (countries and regions named), then cues around each mention, a
    first ranking, the confidently placed mentions as anchors, a re-ranking of the ambiguous
    ones by distance to the anchors, and the false-positive gate."""
    ctx = Ctx(countries=set(), admin1s=set(), anchors=[])
    kind = gaz.kind
    for rm in raws:
        ids = rm.ids
        if rm.hint == "country" or (len(ids) == 1 and kind[ids[0]] == COUNTRY):
            ctx.countries.add(gaz.country[ids[0]] or "")
        else:  # "in northern Mali": a country named in full, though towns elsewhere share the name
            named = fold(text[rm.start:rm.name_end])
            ctx.countries.update(gaz.country[i] or "" for i in ids if kind[i] == COUNTRY and fold(gaz.names[i]) == named)
        a1 = _admin1_of(gaz, ids)
        if a1 and (rm.hint == "admin1" or all(kind[i] != 0 for i in ids)):
            if rm.front is None:  # "the Kharkiv axis" is a front, not the region the document is about
                ctx.admin1s.add(a1)
            ctx.countries.add(a1[0])
    locals_, local_cc, qualifies, earlier, district = _cues(text, raws, gaz)
    cues = []
    for k, rm in enumerate(raws):
        surface = text[rm.start:rm.name_end]
        cues.append(Cues(k, surface, rm.key or skeleton(surface), fold(surface), locals_[k], local_cc[k],
                         earlier[k]))
    # a lone country, region or sea needs no ranking (its score is explained, its probability is 1)
    ranked = [[(0.0, rm.ids[0])] if len(rm.ids) == 1 and kind[rm.ids[0]] not in POINT_KINDS
              else rank(gaz, rm, ctx, cues[k]) for k, rm in enumerate(raws)]
    anchors: list[tuple[float, float, str, int, bool]] = []
    for k, rk in enumerate(ranked if len(raws) > 1 else ()):
        best_s, best_i = rk[0]
        margin = best_s - (rk[1][0] if len(rk) > 1 else -99.0)
        if (margin >= 2.0 and gaz.kind[best_i] in POINT_KINDS
                and locals_[k] in (None, (gaz.country[best_i], gaz.admin1[best_i]))
                and accept(gaz, raws[k], best_i, ctx, locals_[k], cues[k])):
            anchors.append((gaz.lat[best_i], gaz.lon[best_i], gaz.names[best_i], k, is_capital(gaz, best_i)))
    if anchors:
        ctx.anchors = _dedupe(anchors)
        ctx.anchor_ids = tuple(ranked[a[3]][0][1] for a in anchors)
        # only a ranking that distance can still change is redone (the bonus is at most 3)
        ranked = [rank(gaz, rm, ctx, cues[k]) if len(rk) > 1 and rk[0][0] - rk[1][0] < MAX_DISTANCE_BONUS
                  else rk for k, (rm, rk) in enumerate(zip(raws, ranked))]
    results: list[PlaceMention] = []
    own = {a[3] for a in ctx.anchors}  # mentions whose own anchor is excluded: explain them alone
    explained: dict[tuple, list[str]] = {}  # repeated mentions in the same words share the reason
    gkey = (id(gaz), len(gaz))
    for k, rm in enumerate(raws):
        rk = ranked[k]
        best_i = rk[0][1]
        fixed = len(rm.ids) == 1 and gaz.kind[best_i] not in POINT_KINDS  # a country, region or sea
        if fixed:  # its result depends on its words and on whether the document names its country/region
            cc = gaz.country[best_i]
            fkey = (gkey, _signature(text, rm), locals_[k], local_cc[k], earlier[k], qualifies[k],
                    cc in ctx.countries, (cc, gaz.admin1[best_i]) in ctx.admin1s)
            hit = _FIXED.get(fkey)
            if hit is not None:
                if hit.start != rm.start:
                    shift = rm.start - hit.start
                    hit = PlaceMention(hit.start + shift, hit.end + shift, hit.text, hit.kind, hit.qualifier,
                                       hit.location, hit.candidates, hit.qualifies)
                results.append(hit)
                continue
        if not accept(gaz, rm, best_i, ctx, locals_[k], cues[k]):
            continue
        top = rk[:MAX_CANDIDATES]
        probs = _softmax([x[0] for x in top])
        c = cues[k]
        ekey = (top[0][1], rm.key, rm.hint, rm.suffix, rm.type_before, c.sfold, c.local, c.local_cc, c.earlier)
        why = None if k in own else explained.get(ekey)
        if why is None:
            why = explained[ekey] = explain_score(gaz, rm, top[0][1], ctx, c)[1]
        scored = [(s_, i, list(why) if r == 0 else []) for r, (s_, i) in enumerate(top)]
        loc_a1 = locals_[k]
        elsewhere = (loc_a1 is not None and gaz.kind[best_i] == SETTLEMENT
                     and (gaz.country[best_i], gaz.admin1[best_i]) != loc_a1)
        if (loc_a1 is None and earlier[k] is not None and gaz.kind[best_i] == SETTLEMENT
                and gaz.population[best_i] < FAR_MAX_POP and not qualifies[k]
                and (gaz.country[best_i], gaz.admin1[best_i]) != earlier[k]):
            loc_a1, elsewhere = earlier[k], True  # "Donetsk region: in Georgievka, ...": a village elsewhere
        d = district[k]
        if d is not None and gaz.kind[best_i] == SETTLEMENT and gaz.population[best_i] < MIN_POP_ANYWHERE:
            town = ranked[d][0][1]
            far = fast_km(gaz.lat[best_i], gaz.lon[best_i], gaz.lat[town], gaz.lon[town]) > DISTRICT_KM
            if (elsewhere or far) and gaz.kind[town] in POINT_KINDS and (
                    gaz.country[town] == gaz.country[best_i] or gaz.country[town] in gdata.load_focus()):
                results.append(_district_fallback(text, gaz, rm, town, text[raws[d].start:raws[d].end],
                                                  scored, probs, qualifies[k]))
                continue
        if elsewhere and loc_a1 is not None:
            m = _region_fallback(text, gaz, rm, loc_a1, scored, probs, qualifies[k])
        else:
            m = _mention(text, gaz, rm, best_i, probs[0], scored[0][2], scored[1:], probs[1:],
                         loc_a1, qualifies[k])
            if fixed:
                if len(_FIXED) >= ONE_CACHE_SIZE:
                    _FIXED.clear()
                _FIXED[fkey] = m
        if m is not None:
            results.append(m)
    return results


_FIXED: dict[tuple, PlaceMention] = {}  # countries, regions and seas, by their words and context flags


def clear_caches() -> None:
    """Forget the resolutions cached so far (benchmarks measure unseen documents with it); the
    spelling caches shared with the scanner stay."""
    from sitrep.geo import score

    _ONE.clear()
    _FIXED.clear()
    score.clear_caches()


def _district_fallback(text: str, gaz: Gazetteer, rm: RawMention, town: int, district_text: str,
                       scored: list[tuple[float, int, list[str]]], probs: list[float],
                       qualifies: bool) -> PlaceMention:
    """The text names the district but the gazetteer has no such place in it: code the district."""
    surface = text[rm.start:rm.name_end]
    best = scored[0][1]
    loc = Location(
        text=text[rm.start:rm.end], name=surface, role=None, country=gaz.country[town], admin1=gaz.admin1[town],
        admin2=gaz.names[town], lat=gaz.lat[town], lon=gaz.lon[town], geonameid=None, precision=2, score=0.0,
        reason=(f"no '{surface}' near {district_text!r} in the gazetteer (best: {gaz.names[best]}, "
                f"{gaz.admin1[best] or gaz.country[best]}); coded to the district's town {gaz.names[town]}"),
    )
    return PlaceMention(rm.start, rm.end, text[rm.start:rm.end], "settlement", rm.qualifier, loc,
                        _candidates(gaz, scored[:MAX_CANDIDATES - 1], probs), qualifies=qualifies)


_CAND_CACHE: dict[tuple[int, int, float, tuple[str, ...]], Candidate] = {}


def _candidates(gaz: Gazetteer, scored: list[tuple[float, int, list[str]]], probs: list[float]) -> tuple[Candidate, ...]:
    """Runner-up records (frozen, so identical ones are shared between mentions)."""
    out = []
    for (_, j, c), p in zip(scored, probs):
        key = (id(gaz), j, round(p, 3), tuple(c))
        cand = _CAND_CACHE.get(key)
        if cand is None:
            if len(_CAND_CACHE) > 100_000:
                _CAND_CACHE.clear()
            cand = _CAND_CACHE[key] = Candidate(
                name=gaz.names[j], kind=gdata.KINDS[gaz.kind[j]], country=gaz.country[j], admin1=gaz.admin1[j],
                lat=gaz.lat[j], lon=gaz.lon[j], geonameid=gaz.geonameid[j] or None,
                population=gaz.population[j], score=key[2], clues=key[3])
        out.append(cand)
    return tuple(out)


def _region_fallback(text: str, gaz: Gazetteer, rm: RawMention, a1: tuple[str, str],
                     scored: list[tuple[float, int, list[str]]], probs: list[float],
                     qualifies: bool) -> PlaceMention | None:
    """The text names the region but the gazetteer has no such place in it: code the region."""
    ai = next((i for i in gaz.lookup(skeleton(a1[1])) if gaz.kind[i] == ADMIN1
               and (gaz.country[i], gaz.admin1[i]) == a1), None)
    if ai is None:
        return None
    surface = text[rm.start:rm.name_end]
    loc = Location(
        text=text[rm.start:rm.end], name=surface, role=None, country=a1[0], admin1=a1[1],
        admin2=None, lat=round(gaz.lat[ai], 5), lon=round(gaz.lon[ai], 5), geonameid=None,
        precision=3, score=0.0,
        reason=(f"no '{surface}' in {a1[1]} in the gazetteer (best elsewhere: {gaz.names[scored[0][1]]}, "
                f"{gaz.admin1[scored[0][1]] or gaz.country[scored[0][1]]}); coded to the region named next "
                "to it, at its capital's point"),
    )
    cands = _candidates(gaz, scored[: MAX_CANDIDATES - 1], probs)
    return PlaceMention(rm.start, rm.end, text[rm.start:rm.end], "settlement", rm.qualifier, loc, cands,
                        qualifies=qualifies)


def _mention(text: str, gaz: Gazetteer, rm: RawMention, i: int, prob: float, clues: list[str],
             rest: list[tuple[float, int, list[str]]], rest_p: list[float],
             local: tuple[str, str] | None, qualifies: bool) -> PlaceMention:
    kind = gdata.KINDS[gaz.kind[i]]
    precision = gaz.precision[i]
    admin2 = None
    out_kind = kind
    if kind == "settlement" and rm.hint in ("admin2", "admin1"):  # "Bakhmut raion", "Volnovakha region"
        out_kind, precision, admin2 = "admin2", 2, gaz.names[i]
    if rm.qualifier and kind in ("settlement", "landmark", "admin2"):
        precision = max(precision, rm.qual_precision or 2)
    if rm.notes:
        clues = [*rm.notes, *clues]
    if rm.qualifier:
        clues.append(f"qualifier '{rm.qualifier}' -> precision {precision}")
    reason = "; ".join(clues)
    loc = Location(
        text=text[rm.start:rm.end],
        name=gaz.names[i],
        role=None,
        country=gaz.country[i],
        admin1=gaz.admin1[i],
        admin2=admin2,
        lat=gaz.lat[i],
        lon=gaz.lon[i],
        geonameid=gaz.geonameid[i] or None,
        precision=precision,
        score=round(prob, 3),
        reason=reason,
    )
    cands = _candidates(gaz, rest[: MAX_CANDIDATES - 1], rest_p)
    return PlaceMention(rm.start, rm.end, text[rm.start:rm.end], out_kind, rm.qualifier, loc, cands,
                        qualifies=qualifies)


__all__ = ["clear_caches", "resolve"]
