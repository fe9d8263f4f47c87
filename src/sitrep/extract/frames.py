"""One frame per candidate sentence (or part of one): what the sentence says happened.

A frame gathers, for the span of text it covers, the event kind its triggers signal, the
stance (asserted, assessed, predicted, possible, denied), and the places, weapons,
actors, dates, numbers and claims inside it, with the role each plays. Frames are joined
into events by :mod:`sitrep.extract.assemble`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from datetime import date, timedelta

from sitrep.extract.claims import ClaimMention, Stance, find_claims, stance
from sitrep.extract.dates import DateMention, find_dates
from sitrep.extract.nlp import Entity
from sitrep.extract.counts import TARGET_ITEMS, people_counts, ship_losses, target_items
from sitrep.extract.numbers import (
    CasualtyMention,
    QuantityMention,
    find_casualties,
    find_numbers,
    find_quantities,
)
from sitrep.extract.placing import district_of_town, drop_locators, fled_to, held_in, moved_to, names_something_else, off_shore, other_clause_spans
from sitrep.extract.sentences import Sentence
from sitrep.knowledge import actor_for_side, demonym_side
from sitrep.knowledge.actors import enemy_named
from sitrep.knowledge.triggers import TriggerHit, cues, find_triggers, refine_kind
from sitrep.model import Actor

# the order in which kinds win a tie of trigger weight
_PRIORITY = (
    "interception",
    "territory_change",
    "strike",
    "violence_against_civilians",
    "battle",
    "arrest",
    "personnel_change",
    "riot",
    "protest",
    "looting",
    "deployment",
    "logistics",
    "diplomacy",
    "other",
)
# (primary, secondary) pairs that are two distinct events when both are signalled strongly
_SECONDARY_OK = {
    ("interception", "strike"),
    ("strike", "interception"),
    ("strike", "territory_change"),
    ("battle", "territory_change"),
    ("protest", "arrest"),
    ("riot", "arrest"),
    ("diplomacy", "logistics"),
    ("logistics", "diplomacy"),
    ("logistics", "deployment"),
    ("deployment", "logistics"),
    ("personnel_change", "arrest"),
    ("arrest", "personnel_change"),
}
_STATE_KINDS = {"strike", "interception", "battle", "territory_change", "deployment", "logistics"}
# an armed party already named: "Yemen's Houthis fired" needs no state forces guessed from "Yemen's"
_ARMED_TYPES = {"state_forces", "rebel_group", "political_militia", "identity_militia", "external"}
_CAPWORD = re.compile(r"\b[A-Z][a-z]+(?:’s|'s)?\b")
_TARGET_PREP = re.compile(
    r"\b(?:against|on(?!\s+(?:\w+day|\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|the (?:night|morning|evening)))|at|targeting|targeted"
    r"|struck|hit|attacked|shelled|into|over)\s+(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)  # "on Sunday that Russian forces...": a date, not a target
# "from Belgorod oblast", "from the Primorsko-Akhtarsk and Kursk areas" (not "from Belgorod towards Kharkiv")
_ORIGIN_PREP = re.compile(r"\bfrom\s+(?:the\s+)?(?:(?!(?:to|towards?|at|on|into|against|over)\s)[\w’'-]+,?\s+){0,2}$")
# "launched from the Cape Chauda area in Crimea", "from Tu-95 bombers over the Caspian Sea", "fired from a ship in the Black Sea"
_LAUNCH_AREA = re.compile(
    r"\b(?:launched|fired|from)\s+(?:the\s+|a\s+|an\s+)?(?:[\w/-]+\s+){0,3}(?:area|areas|region|direction|ships?|vessels?|"
    r"submarines?|bombers?|aircraft|jets|planes|launchers?|positions?|territory|airspace|waters)\s+(?:in|over|on|off|near|of|from)\s+"
    r"(?:the\s+)?(?:occupied\s+)?$"
    # "from Cape Chauda in occupied Crimea", "from Millerovo in Russia's Rostov region": the region of a launch site
    r"|\bfrom\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){1,3}(?:(?:area|airfield|air base|base)\s+)?in\s+(?:the\s+)?"
    r"(?:(?:occupied|annexed|Russian-occupied)\s+)?(?:[A-Z][\w’'-]*(?:’s|'s)\s+)?$"
)
_DEST_PREP = re.compile(r"\b(?:to|towards?|toward|headed for|heading for|into)\s+(?:the\s+)?(?:\w+\s+){0,1}$")
_LOSS = re.compile(r"withdr|pulled out|retreat|abandon|fell|fallen|lost|lose|surrender")
# "Russia may be trying ...": a country that acts is an actor, not a place
_COUNTRY_ACTS = re.compile(
    r"^\s+(?:again\s+|also\s+|reportedly\s+|now\s+)?(?:may|might|could|has|have|had|is|was|were|will|would|launched|"
    r"attacked|struck|fired|used|using|sent|deployed|denied|said|claimed|continues|continued|began|plans|wants|accused)\b"
)
_OFFICE_AFTER = re.compile(
    r"(?:’s|'s)?\s+(?:(?:acting|deputy|former|interim|Russian-installed|Moscow-installed|Kremlin-installed|occupation)\s+)?"
    r"(?:mayor|governor|city council|regional (?:governor|administration|military administration|police|prosecutor)"
    r"|officials?|authorities|police|civil defen[cs]e|health (?:ministry|officials|authorities)|(?:government\s+)?media office)\b"
    r"(?!\s+(?:building|headquarters|offices?|premises|compound))",
    re.IGNORECASE,
)  # "Gaza's civil defence said": a speaker, not a place
_SPEAKS = re.compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:said|says|denied|denies|did not (?:immediately )?comment|has not commented|declined to comment"
    r"|accused|accuses|blamed|blames|claimed|claims|rejected|responded|did not confirm)\b"
)
_SHIP_BEFORE = re.compile(r"\b(?:cruiser|ship|vessel|frigate|corvette|submarine|flagship|tanker|carrier|boat|fleet|destroyer|warship)(?:,)?\s+(?:the\s+)?$", re.IGNORECASE)
_PERSON_PREFIX = re.compile(r"(?:president|minister|commander|general|colonel|chief|leader|spokes\w+|head|governor|mayor)\W*(?:\w+\W+){0,3}$")


@dataclass(frozen=True, slots=True)
class Placed:
    """A place mention (from :mod:`sitrep.geo`) with the role it plays in the frame."""

    mention: object  # sitrep.geo.PlaceMention
    role: str


@dataclass(frozen=True, slots=True)
class ActorAt:
    actor: Actor
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Frame:
    sentence: Sentence
    start: int  # the span of the document this frame covers
    end: int
    kind: str | None  # None: nothing happened here by itself (may still attach to an event)
    base_kind: str | None  # the kind the triggers signal, before stance turned it into an assessment
    trigger: TriggerHit | None  # absolute offsets
    hints: tuple[str, ...]
    stance: Stance
    places: tuple[Placed, ...]
    weapons: tuple[object, ...]  # sitrep.knowledge.WeaponMention
    actors: tuple[ActorAt, ...]
    dates: tuple[DateMention, ...]  # absolute offsets
    quantities: tuple[QuantityMention, ...]  # absolute offsets
    casualties: tuple[CasualtyMention, ...]  # absolute offsets
    claims: tuple[ClaimMention, ...]  # absolute offsets
    flags: frozenset[str]
    anaphoric: bool
    media: bool
    part: str = "whole"  # whole | child (refers to an earlier event) | parent (a larger event)


@dataclass(frozen=True, slots=True)
class DocMentions:
    """Whole-document scans, sorted by start; frames take the slices they cover."""

    places: Sequence[object]
    weapons: Sequence[object]
    actors: Sequence[object]
    entities: Sequence[Entity]
    published: date | None


def _slice(items: Sequence[object], start: int, end: int) -> list[object]:
    # bisect on the items themselves: no list of starts rebuilt for every frame (that was O(n) a call)
    i = bisect.bisect_left(items, start, key=lambda it: it.start)  # type: ignore[attr-defined]
    out = []
    while i < len(items) and items[i].start < end:  # type: ignore[attr-defined]
        if items[i].end <= end:  # type: ignore[attr-defined]
            out.append(items[i])
        i += 1
    return out


def _lower(text: str) -> str:
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower()[0] for c in text)


def _background_ranges(low: str) -> list[tuple[int, int]]:
    out = []
    for m in cues().background.finditer(low):
        stops = [i for i in (low.find(",", m.end()), low.find(";", m.end())) if i != -1]
        out.append((m.start(), min(stops) if stops else len(low)))
    return out


def _inside(ranges: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(rs <= s and e <= re_ for rs, re_ in ranges)


def _overlaps(spans: Sequence[tuple[int, int]], s: int, e: int) -> bool:
    return any(not (e <= a or s >= b) for a, b in spans)


_SINCE = re.compile(r"\bsince\s+(?:at\s+least\s+|early\s+|late\s+|mid-?)?$", re.IGNORECASE)


def _since(d: DateMention, span: str, published: date | None, offset: int) -> DateMention:
    """ "Since 6 August, strikes have damaged the bridge": from that date to publication."""
    m = _SINCE.search(span, 0, d.start)
    moved = replace(d, start=d.start + offset, end=d.end + offset)
    if published is None or m is None or d.start_date >= published:
        return moved
    days = (published - d.start_date).days
    return replace(
        moved, start=m.start() + offset, text=span[m.start() : d.end], end_date=published, precision="week" if days <= 31 else "month"
    )


_LASTING = re.compile(
    r"\bfor\s+(?P<n>two|three|four|five|six|seven|[2-7])\s+(?:straight\s+|consecutive\s+|more\s+)?days\b", re.IGNORECASE
)
_NUM_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _lasting(d: DateMention, span: str, published: date | None, offset: int) -> DateMention:
    """ "crossed the border on Monday ... and fought for two days": the day it began and the days after
    (never past publication)."""
    if d.precision != "day" or d.start_date != d.end_date or "days" not in span:
        return d
    m = _LASTING.search(span, d.end - offset)
    if m is None:
        return d
    n = _NUM_WORDS.get(m["n"].lower()) or int(m["n"])
    end = d.start_date + timedelta(days=n - 1)
    if published is not None:
        end = min(end, published)
    return replace(d, end_date=end, precision="week") if end > d.start_date else d


_SPEECH_DATE = re.compile(
    r"\b(?:(?:said|says|stated|told|announced|reported|claimed|wrote|added|confirmed|denied)(?: \w+){0,3}?"
    r"|(?:speaking|spoke|briefing|told reporters|news conference|press conference)(?: [\w'’]+){0,5}?) (?:on|late on|early on)\s*$",
    re.IGNORECASE,
)


def _date_is_cue(background: list[tuple[int, int]], d: DateMention) -> bool:
    """Is the date all of a background range ("earlier this month" up to the next comma)?"""
    return any(a == d.start and b - d.end <= 2 for a, b in background)


_ONSET = re.compile(r"\b(?:began|begun|started|since|launched|start)\b[^,.;]{0,30}$")


def _event_dates_first(dates: list[DateMention], text: str) -> list[DateMention]:
    """ "Ruvin stated on February 12 that Russian forces used a Zircon on February 7": the date of the
    statement goes after the event's own date (it stays when it is the only one)."""
    if len(dates) < 2:
        return dates
    speech = [d for d in dates if _SPEECH_DATE.search(text, max(0, d.start - 60), d.start)]
    if not speech or len(speech) == len(dates):
        return dates
    after = [d for d in dates if d not in speech and d.start > speech[0].end and not _ONSET.search(text, max(0, d.start - 40), d.start)]
    if not after:
        return dates
    return after + [d for d in dates if d not in after]


HISTORY_DAYS = 365  # an event the text dates more than this before publication is background


def _history(dates: Sequence[DateMention], published: date | None) -> bool:
    """Does the clause date itself, explicitly, well before the publication date?"""
    if published is None or not dates:
        return False
    return all((published - d.end_date).days > HISTORY_DAYS for d in dates)


# counts of people (detained, taking part, exchanged, deployed) and of attacks repelled: sitrep.extract.counts
_PEOPLE_KINDS = frozenset(
    {"arrest", "protest", "riot", "diplomacy", "other", "deployment", "logistics", "violence_against_civilians", "territory_change", "battle", "looting"}
)


def _people_counts(span: str, kind: str, context: str = "") -> list[QuantityMention]:
    """People counted in `span`; `context` (the sentence before the clause) says who "27 of them" are."""
    return people_counts(span, kind, context)


_OF_THEM = re.compile(
    r"\b(?:\d+|\w+) (?:out )?of (?:them|these|those|the)\b|\bof which\b|\ball (?:\d+|\w+) (?:were|was|have been|had been)\b"
    r"|\b(?:shot down|downed|destroyed|intercepted) (?:\d+|\w+) others\b"  # "...; air defence shot down three others"
    # "Thirty-nine were shot down.": a bare count opening the sentence refers to the weapon named before
    r"|^\W*(?:\d+|[a-z]+(?:-[a-z]+)?) (?:were|was|have been|had been) (?:\w+ )?(?:shot|downed|destroyed|intercepted|neutrali[sz]ed|brought)\b"
)
# generic munition names a count may stand for, with the category words the named weapon must carry
_REFER_BACK = 1500  # how far back (characters) a generic count looks for the one type it stands for
_SUBTYPES = {"missile": "missile", "cruise missile": "cruise", "ballistic missile": "ballistic", "drone": "drone"}
_NOT_THE_NAMED = re.compile(r"\b(?:other|more|different|new|additional|further)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_MIXED_TOTAL = re.compile(r"^[^.;]{0,40}?,?\s+(?:including|among\s+them|mostly|mainly)\b", re.IGNORECASE)


def _plain(phrase: str) -> str:
    """ "armoured vehicles" -> "armoured vehicle"; "aircraft" stays."""
    low = re.sub(r"\s+", " ", phrase.lower().strip())
    if low.endswith("ies"):
        return low[:-3] + "y"
    return low[:-1] if low.endswith("s") and not low.endswith(("ss", "aircraft")) else low


_MEANS_OF = re.compile(r"\bmeans\s+of\s+$", re.IGNORECASE)
# a count over a pair of generic munition words with no count of its own for the second
_AND_GENERIC = re.compile(
    r"\s+(?:and|or|&)\s+(?:(?:ballistic|cruise|guided|attack|strike|kamikaze)\s+)?(?:missiles|drones|rockets|uavs)\b", re.IGNORECASE
)


def _item_name(text: str, w: object, mentions: DocMentions | None = None) -> str:
    """What a count counts: "82 air attack weapons" counts mixed weapons, not air strikes; "59 cruise
    missiles" after "70 Kh-101/Kh-555 cruise missiles" counts the Kh-101s; "two corvettes" counts
    corvettes (the surface noun of a generic platform, not the class "warship")."""
    name: str = w.weapon.name  # type: ignore[attr-defined]
    if not getattr(w, "generic", False):
        return name
    if text[w.end : w.end + 8].lower().startswith(" weapon"):  # type: ignore[attr-defined]
        return "air attack weapon" if "air" in w.text.lower() else name  # type: ignore[attr-defined]
    if _MEANS_OF.search(text, max(0, w.start - 12), w.start) and "air" in w.text.lower():  # type: ignore[attr-defined]
        return "air attack weapon"  # "47 means of air attack"
    if _AND_GENERIC.match(text, w.end):  # type: ignore[attr-defined]
        return "air attack weapon"  # "more than 300 drones and missiles": one total over both kinds
    if w.weapon.role == "platform" and w.weapon.category != "drone":  # type: ignore[attr-defined]
        return _plain(w.text)  # type: ignore[attr-defined]  ("UAVs" count drones, not "uav"s)
    cat = _SUBTYPES.get(name.lower())
    if cat is None or mentions is None or _MIXED_TOTAL.match(text[w.end : w.end + 60]):  # type: ignore[attr-defined]
        return name
    if _NOT_THE_NAMED.search(text, max(0, w.start - 24), w.start):  # type: ignore[attr-defined]
        return name
    groups: list[list[object]] = []
    for v in _slice(mentions.weapons, max(0, w.start - _REFER_BACK), w.start):  # type: ignore[attr-defined]
        if v.generic or v.weapon.role != "munition" or cat not in f"{v.weapon.category or ''} {v.weapon.name}".lower():  # type: ignore[attr-defined]
            continue
        if groups and text[groups[-1][-1].end : v.start] == "/":  # type: ignore[attr-defined]
            groups[-1].append(v)  # "Kh-101/Kh-555": one group
        else:
            groups.append([v])
    names = {tuple(sorted(x.weapon.name for x in g)) for g in groups}  # type: ignore[attr-defined]
    if len(names) != 1:
        return name
    # "more than 50 missiles" after "12 Kh-22 missiles" is a larger total, not the Kh-22s again
    here, there = _count_before(text, w.start), _count_before(text, groups[-1][0].start)  # type: ignore[attr-defined]
    if here is not None and there is not None and here > there:
        return name
    return groups[-1][0].weapon.name  # type: ignore[attr-defined]


def _item_start(text: str, w: object) -> int:
    """Where a counted item begins: "47 means of air attack" counts from "means"."""
    m = _MEANS_OF.search(text, max(0, w.start - 12), w.start)  # type: ignore[attr-defined]
    return m.start() if m else w.start  # type: ignore[attr-defined]


_COUNT_GAP = re.compile(r"^(?:[\s,]+[\w-]+){0,5}?\s+$")


def _count_before(text: str, pos: int) -> int | None:
    """The number counting the item that starts at `pos` ("12 Kh-22 cruise missiles" -> 12), if any."""
    lo = max(0, pos - 50)
    nums = find_numbers(text[lo:pos])
    if not nums or not _COUNT_GAP.match(" " + text[lo + nums[-1].end : pos]):
        return None
    return nums[-1].value


def _earlier_item(mentions: DocMentions, start: int, text: str = "") -> list[tuple[int, int, str]]:
    """ "Air defence destroyed 74 of them": the weapon named last before the sentence, as an item
    placed before the span (negative offsets), so a partitive count can refer back to it."""
    before = [
        (w, _item_name(text, w) if text else w.weapon.name)  # type: ignore[attr-defined]
        for w in _slice(mentions.weapons, max(0, start - 300), start)
        if w.weapon.role != "system"  # type: ignore[attr-defined]
    ]
    before = [(w, n) for w, n in before if not w.generic or n in _SUBTYPES or n == "air attack weapon"]  # type: ignore[attr-defined]
    if not before:
        return []
    named = [b for b in before if not b[0].generic]  # type: ignore[attr-defined]
    # "launched 82 air attack weapons, of which 57 ...": the mixed total; "launched 75 Shahed drones ...
    # Most of the drones ... 74 of them": the Shaheds
    w, name = before[-1] if before[-1][1] == "air attack weapon" else (named or before)[-1]
    return [(w.start - start, w.end - start, name)]  # type: ignore[attr-defined]


def not_a_place(text: str, p: object) -> bool:
    """A place name that names something else here: a speaker ("Kharkiv mayor Ihor Terekhov said",
    "Moscow did not comment") or a ship named after a city ("the landing ship Novocherkassk")."""
    start, end = p.start, p.end  # type: ignore[attr-defined]
    if _OFFICE_AFTER.match(text, end) or _SPEAKS.match(text, end) or _SHIP_BEFORE.search(text, max(0, start - 30), start):
        return True
    return names_something_else(text, p)


_FRONT = re.compile(r"\b(?:east|eastern|front|frontline|front line|clash\w*|fighting|rebels?|separatists?|militants?|insurgents?|truce|ceasefire)\b")
_NEGATED = re.compile(r"\b(?:no|never|not any)\s+$")
_ONGOING = re.compile(r"\b(?:continu(?:e|es|ed|ing)|began|begun|start(?:ed|s)|proceeded|went on|kept) to $")
_ATTEMPT = re.compile(
    r"\b(?:tried|trying|attempted|attempting|sought|seeking|intended|intending|failed|in (?:an attempt|a bid|an effort)) to $"
)


def _choose(hits: list[TriggerHit]) -> tuple[TriggerHit | None, list[TriggerHit]]:
    if not hits:
        return None, []
    best: dict[str, TriggerHit] = {}
    for h in hits:
        cur = best.get(h.kind)
        if cur is None or h.weight > cur.weight:
            best[h.kind] = h
    ranked = sorted(best.values(), key=lambda h: (-h.weight, _PRIORITY.index(h.kind) if h.kind in _PRIORITY else 99))
    primary = ranked[0]
    secondary = [h for h in ranked[1:] if h.weight >= 3 and (primary.kind, h.kind) in _SECONDARY_OK]
    return primary, secondary


def _place_role(kind: str | None, before: str) -> str:
    if _ORIGIN_PREP.search(before) or (kind in ("strike", "interception") and _LAUNCH_AREA.search(before)):
        return "origin"
    if kind == "strike":
        return "target"
    if kind == "interception":
        return "site"  # "shot down over Kharkiv": where the air defence fired, not what was hit
    if _DEST_PREP.search(before) and kind in ("deployment", "logistics", "assessment"):
        return "destination"
    if _TARGET_PREP.search(before) and kind in ("battle", "violence_against_civilians", "looting"):
        return "target"
    return "site"


_BETWEEN_SIDES = re.compile(r"\bbetween\s+(?:[\w'’-]+\s+){0,6}?(?:and\s+)?(?:the\s+)?$", re.IGNORECASE)


def _actor_role(kind: str | None, actor: Actor, before: str, after_trigger: bool, loss: bool = False) -> str:
    if kind == "diplomacy":
        return "participant"
    if kind in ("deployment", "logistics"):
        return "target" if _TARGET_PREP.search(before[-40:]) else "initiator"
    if loss and not after_trigger:
        return "target"  # "the last Ukrainian troops had withdrawn": the side that gives ground
    if loss and re.search(r"\bto\s+(?:the\s+)?$", before):
        return "initiator"  # "lost control of the town to the RSF": the side that takes it
    if kind == "arrest":  # "police detained a man", "Igor Girkin was arrested by ..."
        if re.search(r"\bby\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", before):
            return "initiator"
        return "target" if after_trigger else "initiator"
    if kind in ("personnel_change", "assessment"):
        return "subject"
    if kind == "battle" and _BETWEEN_SIDES.search(before[-80:]):
        return "initiator"  # "clashes between the army and the RSF": both sides fight
    if _TARGET_PREP.search(before[-40:]):
        return "target"
    if kind in _STATE_KINDS or kind in ("violence_against_civilians", "riot", "protest", "looting"):
        return "target" if after_trigger else "initiator"
    return "participant"


def build_frame(
    text: str,
    sentence: Sentence,
    start: int,
    end: int,
    mentions: DocMentions,
    part: str = "whole",
) -> Frame:
    """Analyse ``text[start:end]`` (part or all of ``sentence``)."""
    span = text[start:end]
    low = _lower(span)
    cue = cues()
    background = _background_ranges(low)
    weapons = [w for w in _slice(mentions.weapons, start, end) if not _inside(background, w.start - start, w.end - start)]
    weapon_spans = [(w.start - start, w.end - start) for w in weapons if not w.generic]

    hits = [
        h
        for h in sentence_triggers(low)
        if not _inside(background, h.start, h.end) and not any(a <= h.start and h.end <= b for a, b in weapon_spans)
    ]
    weighted = []
    for h in hits:
        w, k = h.weight, h.kind
        if _NEGATED.search(low, max(0, h.start - 12), h.start):
            continue  # "it had carried out no air strikes there": a denial, not a report
        if low[max(0, h.start - 3) : h.start] == "to " and not _ONGOING.search(low, max(0, h.start - 16), h.start):
            w -= 2  # "to launch attacks": an infinitive, not a report of one ("continued to shell": a report)
            if k == "territory_change" and _ATTEMPT.search(low, max(0, h.start - 40), h.start):
                w, k = 3, "battle"  # "tried to take control of the hill, but were pushed back": fighting, no gain
        weighted.append(TriggerHit(h.start, h.end, h.text, k, w, h.hint))
    primary, _secondary = _choose([h for h in weighted if h.weight > 0])

    casualties = [
        replace(c, start=c.start + start, end=c.end + start)
        for c in find_casualties(span)
        if not _inside(background, c.start, c.end)
    ]
    base_kind = primary.kind if primary else None
    if base_kind is not None:
        generic = not any(h.hint for h in weighted if h.weight > 0) and not any(
            getattr(w, "delivery", None) not in (None, "ground") for w in weapons
        )  # small arms and tanks deliver no remote strike: a bare "attack" with gunfire may be a clash
        base_kind = refine_kind(base_kind, low, generic, primary.end if primary else 0)
        if base_kind is None:
            primary = None
    if base_kind is None and casualties:
        if weapons:
            base_kind = "strike"
        elif any(c.group == "civilians" for c in casualties) and re.search(r"gunmen|militants|attackers|shot|stabbed|executed", low):
            base_kind = "violence_against_civilians"
        elif any(c.group == "military" and c.outcome == "killed" for c in casualties) and _FRONT.search(low):
            base_kind = "battle"  # "Two Ukrainian soldiers killed in rebel east despite truce": fighting, weapon unstated

    predictive = bool(cue.prediction.search(low)) and not all(
        _inside(background, m.start(), m.end()) for m in cue.prediction.finditer(low)
    )
    anchor = primary.start if primary else None
    hypothetical = any(m.start() < (anchor if anchor is not None else len(low)) for m in cue.hypothetical.finditer(low))
    st = stance(span, predictive, anchor)
    kind = base_kind
    if base_kind is not None and (predictive or hypothetical) or base_kind is None and st.modality in ("assessed", "predicted") and re.search(r"\b(?:will|would|could|is|are|has|have)\b", low):
        kind = "assessment"

    claims = [
        ClaimMention(c.start + start, c.end + start, c.claim) for c in find_claims(span, st)
    ]
    source_spans = [(c.start, c.end) for c in claims if c.claim.source_type != "unknown"]

    places = []
    acting: list[ActorAt] = []
    actor_spans = [(a.start, a.end) for a in _slice(mentions.actors, start, end)]
    here = [p for p in _slice(mentions.places, start, end) if not getattr(p, "qualifies", False)]
    # "Novoselivka, Donetsk Oblast": the region only says which Novoselivka (qualifies); "Ocheretyne,
    # northwest of Avdiivka": Avdiivka only says where Ocheretyne is (a locator)
    locators = drop_locators(text, here)
    elsewhere = other_clause_spans(span)
    for n, p in enumerate(here):
        if _inside(background, p.start - start, p.end - start) or _overlaps(source_spans, p.start, p.end):
            continue
        if n in locators or _inside(elsewhere, p.start - start, p.end - start) or held_in(text, p.start):
            continue
        if district_of_town(text, here, n):
            continue  # "Kharkiv's Kyivskyi district": Kharkiv is the place (not a Kyivskyi elsewhere)
        if fled_to(text, p.start) or off_shore(text, p.start, here):
            continue  # "forcing families to flee towards Kosti"; "in the Black Sea off western Crimea"
        if base_kind not in ("deployment", "logistics") and moved_to(text, p.start):
            continue  # "troops were being regrouped to Donetsk": not where the town changed hands
        if not_a_place(text, p):
            continue
        loc = p.location
        if loc.precision == 4 and loc.country and (
            _overlaps(actor_spans, p.start, p.end) or _COUNTRY_ACTS.match(text[p.end : min(end, p.end + 40)])
        ):
            if not _overlaps(actor_spans, p.start, p.end):
                acting.append(ActorAt(replace(actor_for_side(loc.country), text=p.text), p.start, p.end))
            continue
        before = text[max(start, p.start - 60) : p.start]
        places.append(Placed(p, _place_role(base_kind, before)))
    place_spans = [(p.mention.start, p.mention.end) for p in places]

    trig_abs = start + primary.start if primary else None
    loss = bool(primary and primary.kind == "territory_change" and _LOSS.search(primary.text))
    actors: list[ActorAt] = []
    for a in acting:
        after = trig_abs is not None and a.start > trig_abs
        role = _actor_role(kind, a.actor, text[max(start, a.start - 60) : a.start], after, loss)
        actors.append(ActorAt(replace(a.actor, role=role), a.start, a.end))
    for a in _slice(mentions.actors, start, end):
        if _overlaps(source_spans, a.start, a.end) or _overlaps(place_spans, a.start, a.end):
            continue
        if _inside(background, a.start - start, a.end - start):
            continue
        after = trig_abs is not None and a.start > trig_abs
        role = _actor_role(kind, a.actor, text[max(start, a.start - 60) : a.start], after, loss)
        actors.append(ActorAt(replace(a.actor, role=role), a.start, a.end))
    taken = [(a.start, a.end) for a in actors]
    for e in _slice(mentions.entities, start, end):
        if e.label != "PERSON" or _overlaps(taken, e.start, e.end) or _overlaps(source_spans, e.start, e.end):
            continue
        if any(w.start < e.end and e.start < w.end for w in weapons):  # type: ignore[attr-defined]
            continue  # "Russian Su-34 and Su-35 aircraft": a weapon the tagger took for a name
            continue
        if _overlaps(place_spans, e.start, e.end) or not re.search(r"[A-Z][a-z]+ [A-Z][a-z]+", e.text):
            continue
        side = None
        prefix = text[max(start, e.start - 50) : e.start]
        for w in reversed(_CAPWORD.findall(prefix)):
            side = demonym_side(w.replace("’s", "").replace("'s", ""))
            if side:
                break
        person = Actor(text=e.text, name=e.text, side=side, type="person")
        after = trig_abs is not None and e.start > trig_abs
        role = _actor_role(kind, person, prefix, after)
        actors.append(ActorAt(replace(person, role=role), e.start, e.end))
        taken.append((e.start, e.end))
    if base_kind in _STATE_KINDS and not any(a.actor.type in _ARMED_TYPES for a in actors) and not enemy_named(span):
        for m in _CAPWORD.finditer(span):
            s, e = m.start() + start, m.end() + start
            if _overlaps(source_spans, s, e) or _overlaps(place_spans, s, e) or _overlaps(taken, s, e):
                continue
            if _inside(background, m.start(), m.end()):
                continue
            side = demonym_side(m.group(0).replace("’s", "").replace("'s", ""))
            if not side:
                continue
            forces = actor_for_side(side)
            after = trig_abs is not None and s > trig_abs
            role = _actor_role(kind, forces, text[max(start, s - 60) : s], after, loss)
            actors.append(ActorAt(replace(forces, text=m.group(0), role=role), s, e))
            taken.append((s, e))
            break

    found = find_dates(span, mentions.published)
    dates = [
        _lasting(_since(d, span, mentions.published, start), span, mentions.published, start)
        for d in found
        if not _inside(background, d.start, d.end) or _SINCE.search(span, 0, d.start)
    ]
    # "killed 800 people in Ardamata earlier this month": a cue of background that is only the date
    # itself dates the clause (after any other date it gives)
    dates += [replace(d, start=d.start + start, end=d.end + start) for d in found if _date_is_cue(background, d)]
    dates = _event_dates_first(dates, text)
    if kind is not None and kind != "assessment" and _history(dates, mentions.published):
        kind = base_kind = None  # "Syria's civil war began in 2011 with protests": background, not news
    # counts go to munitions and platforms, not to a generic "air defence system" that shot them down
    items = [(_item_start(text, w) - start, w.end - start, _item_name(text, w, mentions)) for w in weapons if not (w.generic and w.weapon.role == "system")]
    targets = target_items(span)
    items += [t for t in targets if not any(a < t[1] and t[0] < b for a, b, _ in items)]
    if _OF_THEM.search(low):
        items = _earlier_item(mentions, start, text) + items
    quantities = [
        replace(q, start=q.start + start, end=q.end + start)
        for q in find_quantities(span, items)
        if q.role is not None or q.item not in TARGET_ITEMS  # "two depots" with no verb counts nothing done
    ]
    quantities += ship_losses(text, start, end)
    if kind in _PEOPLE_KINDS:
        quantities += [replace(q, start=q.start + start, end=q.end + start) for q in _people_counts(span, kind, text[sentence.start : start])]

    flags = set()
    if cue.first_time.search(low):
        flags.add("first_time")
    stripped = low.lstrip()
    trig = TriggerHit(primary.start + start, primary.end + start, primary.text, primary.kind, primary.weight, primary.hint) if primary else None
    hints = tuple(h.hint for h in weighted if h.hint and h.weight > 0)
    return Frame(
        sentence=sentence,
        start=start,
        end=end,
        kind=kind,
        base_kind=base_kind,
        trigger=trig,
        hints=hints,
        stance=st,
        places=tuple(places),
        weapons=tuple(weapons),
        actors=tuple(actors),
        dates=tuple(dates),
        quantities=tuple(quantities),
        casualties=tuple(casualties),
        claims=tuple(claims),
        flags=frozenset(flags),
        anaphoric=bool(cue.anaphora.match(stripped)),
        media=bool(cue.media_description.search(low)),
        part=part,
    )


def frames_for(text: str, sentence: Sentence, mentions: DocMentions) -> list[Frame]:
    """The frames of one sentence: one, or two when it says "X was part of a larger Y"."""
    low = _lower(sentence.text)
    m = cues().part_of_larger.search(low)
    if m and m.start() > 0:
        split = sentence.start + m.start()
        child = build_frame(text, sentence, sentence.start, split, mentions, part="child")
        parent = build_frame(text, sentence, split, sentence.end, mentions, part="parent")
        larger = "battle" if re.search(r"offensive|assault|operation", m.group(0)) else "strike"
        if parent.kind is None or parent.kind == "assessment":
            parent = replace(parent, kind=larger, base_kind=larger)
        return [child, parent]
    split = _clause_split(low)
    if split is not None:
        a = _judged(build_frame(text, sentence, sentence.start, sentence.start + split, mentions), text)
        b = _judged(build_frame(text, sentence, sentence.start + split, sentence.end, mentions), text)
        if a.kind is not None and b.kind is not None and (a.kind != b.kind or a.kind == "strike"):
            # "..., who was arrested last month": the main clause does not take the relative clause's date
            relative = bool(re.match(r"\W*(?:who|which|where)\b", low[split:]))
            return [_share(a, b, dates=not relative), _share(b, a)]
    raw = build_frame(text, sentence, sentence.start, sentence.end, mentions)
    whole = _judged(raw, text)
    read = _reading_end(raw)
    if read is not None:
        # "Russia's use of Belarus is likely connected to a meeting on Saturday between Putin and Lukashenko":
        # the judgement, and the new event it links to (reported as fact; not "... part of the offensive")
        b = build_frame(text, sentence, read, sentence.end, mentions)
        if b.kind not in (None, "assessment") and b.trigger is not None and b.dates and not _REFERENCE.search(_lower(text[max(read, b.trigger.start - 30) : b.trigger.start])):
            a = _judged(build_frame(text, sentence, sentence.start, read, mentions), text)
            return [replace(_share(a, b), kind="assessment"), replace(b, claims=b.claims or a.claims)]
    cut = _judgement_split(low) if whole.kind == "assessment" else None
    if cut is not None:
        # "There is a remote chance that Russia will seize X; its forces are more likely to ...": two judgements
        a = _judged(build_frame(text, sentence, sentence.start, sentence.start + cut, mentions), text)
        b = _judged(build_frame(text, sentence, sentence.start + cut, sentence.end, mentions), text)
        if a.kind == b.kind == "assessment":
            return [_share(a, b), _share(b, a)]
    if whole.kind == "interception" and (_LAUNCHED_OF.search(low) or _ATTACK_BY.search(low)):
        # "33 of the 41 cruise missiles Russia fired at Ukraine were brought down": the attack and its interception
        return [replace(whole, kind="strike", base_kind="strike"), whole]
    if whole.kind == "arrest":
        protest = _protest_at_arrest(low, whole, sentence.start)
        if protest is not None:
            return [protest, whole]  # the protest first: it may continue a protest reported just before
    return [whole]


_FLIP = {"initiator": "target", "target": "initiator"}


def _protest_at_arrest(low: str, f: Frame, offset: int) -> Frame | None:
    """ "Police detained 21 people during a demonstration demanding ...": the protest is an event of
    its own (the protesters act; the police intervene), beside the arrests."""
    background = _background_ranges(low)
    hit = next(
        (
            h
            for h in sentence_triggers(low)
            if h.kind == "protest" and h.weight >= 3 and not _inside(background, h.start, h.end)
            and not _NEGATED.search(low, max(0, h.start - 12), h.start)
            and not _NOT_HELD.search(low, max(0, h.start - 60), h.start)
            and not (_WHO_PROTESTED.match(h.text) and _ARRESTED_BEFORE.search(low, max(0, h.start - 50), h.start))
        ),
        None,
    )
    if hit is None:
        return None
    actors = tuple(replace(a, actor=replace(a.actor, role=_FLIP.get(a.actor.role or "", a.actor.role))) for a in f.actors)
    trigger = replace(hit, start=hit.start + offset, end=hit.end + offset)
    return replace(f, kind="protest", base_kind="protest", trigger=trigger, actors=actors, quantities=(), casualties=())


# "Police detained 30 protesters": a noun naming who was arrested, not a protest reported here
_WHO_PROTESTED = re.compile(r"(?:protesters|protestors|demonstrators|strikers)$")
_ARRESTED_BEFORE = re.compile(r"\b(?:arrest\w*|detain\w*|apprehended|rounded up|jailed)\s+(?:[\w'’-]+\s+){0,4}$")
# "accused of organising protests", "for calling for protests", "ahead of a planned rally": no protest took place here
_NOT_HELD = re.compile(
    r"\b(?:organi[sz](?:e|es|ed|ing)|call(?:ed|ing)? for|incit\w+|plann(?:ed|ing)|planned|ahead of|before|in anticipation of|prevent\w*"
    r"|urg\w+|accused of|charged with|over|(?:for )?(?:join|joining|take part in|taking part in|participat(?:e|es|ing) in))"
    r"\s+(?:or\s+\w+\s+(?:in\s+)?)?(?:an?\s+|the\s+|[\w'’-]+\s+){0,4}$"
)


# "of the 41 cruise missiles Russia fired", "eight of the 12 Shahed-type drones that the enemy launched"
_LAUNCHED_OF = re.compile(
    r"\bof (?:the |all |some )?(?:\d[\d,]*|[a-z]+(?:-[a-z]+)?) (?:[\w/-]+ ){0,3}?(?:missiles|drones|shaheds|uavs|rockets|projectiles|air attack weapons)"
    r",? (?:(?:that|which) )?(?:[\w-]+ ){0,3}?(?:fired|launched|sent)\b"
)


# "repelled an attack by four sea drones": the attack and its interception
_ATTACK_BY = re.compile(r"\battacks? by (?:\S+ ){0,4}(?:drones|missiles|uavs|shaheds|rockets|boats)\b")


def _judgement_split(low: str) -> int | None:
    """The ";" between two hedged judgements in one sentence, each with its own probability word."""
    for m in re.finditer(";", low):
        if _YARDSTICK_WORD.search(low, 0, m.start()) and _YARDSTICK_WORD.search(low, m.end()):
            return m.start()
    return None


# "It is highly likely that ...", "It was unclear whether ...": an expletive "it" refers back to nothing
_EXPLETIVE = re.compile(
    r"^\s*it\s+(?:is|was|has been|had been|remains|seems|appears)\s+(?:\w+\s+){0,3}?"
    r"(?:likely|unlikely|certain|possible|probable|plausible|clear|unclear|doubtful|improbable|a realistic possibility|a remote chance)"
    r"\s+(?:that|whether|to)\b"
)
_SPEAKER = re.compile(
    r"^\s*(?:it|they|he|she)\s+(?:also\s+|later\s+|further\s+)?(?:said|says|added|adds|reported|reports|stated|states|noted|notes"
    r"|announced|announces|claimed|claims|told|tells|wrote|writes)\b"
)
# a hedged reading of why or how something already reported happened: "the mutiny was motivated by",
# "the arrest was probably part of a purge", "the plane was brought down deliberately" (not "forces
# likely intentionally damaged the dam": that judges who did it, the event's own claim)
_INTERPRETS = re.compile(
    r"\b(?:(?:was|were|been|be)\s+(?:\w+\s+){0,2}?\w+(?:ed|en|wn)\s+(?:down\s+|up\s+)?(?:deliberately|intentionally|on purpose)"
    r"|motivated by|(?:is|are|was|were|be|been)\s+(?:\w+\s+){0,2}?"
    r"(?:part of|an? (?:attempt|effort|bid|response|reaction|signal|sign|message|indication|pretext)|in (?:response|retaliation)"
    r"|linked to|connected to|related to|tied to|retaliation for|revenge for|a consequence of|the result of|caused by|due to))\b"
)
_MAY_DO = re.compile(r"\b(?:may|might|could)\s+(?:still\s+|soon\s+|also\s+|yet\s+)?(?:(?!have\b|be\b|not\b|\w+ed\b)\w+\s+(?:\S+\s+){0,2})?$")
_MODAL_DO = re.compile(r"(?:may|might|could)\s+(?:still\s+|soon\s+|also\s+|yet\s+)?(?!have\b|be\b|not\b|\w+ed\b)\w+")
_YARDSTICK_WORD = re.compile(r"\b(?:likely|unlikely|probably|probable|almost certain(?:ly)?|realistic possibility|remote chance|possibly|may|might|could)\b")


def own_judgement(f: Frame) -> bool:
    """Is the frame an analytic judgement that stands as an event of its own (tests/gold/README.md,
    `assessment`): a forecast ("Russia will likely continue to press towards X") or a hedged reading
    of why or how something happened ("the arrest was probably part of a purge")? A hedged judgement
    that the event itself happened ("the Minsk has almost certainly been destroyed") is not."""
    if f.stance.modality == "predicted":
        return True
    if f.stance.modality not in ("assessed", "possible"):
        return False
    low = _lower(f.sentence.text[f.start - f.sentence.start : f.end - f.sentence.start])
    if f.stance.modality == "possible" and f.trigger is not None and (
        _MAY_DO.search(low, 0, max(0, f.trigger.start - f.start)) or _MODAL_DO.match(f.trigger.text.lower())
    ):
        return True  # "Pyongyang could supply artillery shells": something that may yet happen (not "may have supplied")
    return _reading_end(f) is not None


def _reading_end(f: Frame) -> int | None:
    """Where a hedged reading ("... was probably part of", "... is likely connected to") ends, if the
    frame is one (absolute offset)."""
    if f.stance.modality not in ("assessed", "possible"):
        return None
    low = _lower(f.sentence.text[f.start - f.sentence.start : f.end - f.sentence.start])
    m, why = _YARDSTICK_WORD.search(low), _INTERPRETS.search(low)
    return f.start + why.end() if m is not None and why is not None and m.start() < why.end() else None


def _judged(f: Frame, text: str) -> Frame:
    """Judgements of their own become assessments, and an expletive "it" in one ("It is highly likely
    that the mutiny was motivated by ...") is no reference back to the event before."""
    if f.anaphoric and _SPEAKER.match(_lower(text[f.start : f.end])):
        f = replace(f, anaphoric=False)  # "It added that a first batch of tanks had arrived": "it" is the source, not the event
    if f.kind == "assessment" and f.base_kind not in (None, "assessment") and f.stance.modality == "asserted":
        # no hedge and no forecast: "saying they would return to their bases" reports what happened
        return replace(f, kind=f.base_kind)
    if not own_judgement(f):
        return f
    if f.anaphoric and _EXPLETIVE.match(_lower(text[f.start : f.end])):
        f = replace(f, anaphoric=False)
    return f if f.kind in (None, "assessment") else replace(f, kind="assessment")


# where one sentence reports two events: "X fired drones at Y, all of which were shot down";
# "Hezbollah fired missiles at Z, and Israel responded with air strikes on W"
_CLAUSE_BREAK = re.compile(
    r"(?:;|,? (?:and|while|but|whereas) (?=[a-z]*\s*[a-z])|, (?=(?:all|most|\d+|\w+) of (?:which|them)\b)|, (?=(?:of which|which were)\b)"
    r"|,? (?=under which\b)|, (?=where\b)|, (?=adding that\b)|, (?=who (?:was|were|had been|has been|have been)\b))"
)


_LIST_GOES_ON = re.compile(
    r"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens of|several)\s+"
    r"(?!(?:were|was|of|had|have|more|others)\b)[a-z-]+"
)


@lru_cache(maxsize=512)
def sentence_triggers(low: str) -> tuple[TriggerHit, ...]:
    """The triggers of a lower-cased sentence, computed once (candidate selection and clause splitting both ask)."""
    return tuple(find_triggers(low))


def _clause_split(low: str) -> int | None:
    """Offset at which a sentence with two strong triggers of event kinds splits into two clauses."""
    hits = [h for h in sentence_triggers(low) if h.weight >= 3]
    if len(hits) < 2:
        return None
    for m in _CLAUSE_BREAK.finditer(low):
        before = [h for h in hits if h.end <= m.start()]
        after = [h for h in hits if h.start >= m.end()]
        if not before or not after:
            continue
        kb = {h.kind for h in before}
        if kb & _FIGHTS and {h.kind for h in after if 0 <= h.start - m.end() <= 6} & (_FIGHTS - kb):
            return m.start()  # "repelled an attack and shot down a drone": one subject, two events (a fight and an interception)
        if re.match(r"\s*(?:then |later |also )?\w+(?:ed|en)\b", low[m.end():]):
            continue  # "was found and defused": one subject, one event
        if "and" in m.group(0) and _LIST_GOES_ON.match(low, m.end()):
            continue  # "12 drones, three missiles and two cruise missiles": one list of weapons
        kb = {h.kind for h in before}
        ka = {h.kind for h in after if _PAST_VERB.match(h.text) or not _REFERENCE.search(low, max(0, h.start - 30), h.start)}
        if any((x, y) in _SECONDARY_OK for x in kb for y in ka):
            return m.start()
        joined = m.group(0).lstrip(",").lstrip()
        if not joined.startswith((";", "and", "while", "whereas")) or _ANSWER.search(low, m.end()):
            continue  # "...; Moscow denied the charge and blamed Ukrainian shelling": a reply about the same event
        # "X fired rockets at A, and Israel responded with strikes on B"; "gunmen stormed the town,
        # while the group fired rockets": a new clause with a new subject and a strong trigger of its own
        if "strike" in kb & ka or (ka and not ka & kb and _NEW_SUBJECT.match(low, m.end())):
            return m.start()
    return None


_FIGHTS = frozenset({"battle", "interception"})
_ANSWER = re.compile(r"\b(?:denied|denies|deny|blamed|blames|accused|accuses|rejected|rejects|dismissed|dismisses|refuted|disputed)\b")
# the start of a clause with a subject of its own (not "... and then shelled", "... and killed")
_NEW_SUBJECT = re.compile(
    r"\s*(?:the |a |an |its |their |his |her |some |several |at least |all |both |\d|[a-z’'-]+(?:’s|'s) |"
    r"(?:ukrainian|russian|israeli|iranian|houthi|hamas|hezbollah|sudanese|syrian|american|u\.s\.|us|british|french|german|"
    r"ukraine|russia|israel|iran|moscow|kyiv|kiev|washington|government|rebel|army|military|police|troops|forces|militants|gunmen|protesters)\b)"
)


# "..., the largest drone attack since 2022": a noun phrase naming the same event, not a second one
_REFERENCE = re.compile(r"\b(?:the|its|this|that|their)\s+(?:[\w-]+\s+){0,2}$")
# "while the group fired rockets": a verb after its subject, not a noun phrase naming the event again
_PAST_VERB = re.compile(r"(?:\w+ed|struck|shot|fought|hit|took|overran|overrun|seized|stormed|shelled)\b")


def _share(f: Frame, other: Frame, dates: bool = True) -> Frame:
    """A clause lacking a date, a claim or a stance of its own takes the other clause's."""
    return replace(
        f,
        dates=f.dates or (other.dates if dates else ()),
        claims=f.claims or other.claims,
        stance=f.stance if f.stance.modality != "asserted" or other.stance.modality == "asserted" else other.stance,
    )


__all__ = ["ActorAt", "DocMentions", "Frame", "Placed", "build_frame", "frames_for", "not_a_place", "own_judgement", "sentence_triggers"]
