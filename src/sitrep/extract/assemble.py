"""Frames -> events.

Sentences that report the same event are joined: a sentence that refers back ("The
report ...", "The meeting ..."), describes footage of it, adds a claim without a trigger
of its own, or reports the same kind of event at a compatible time and place within two
sentences. "X was part of a much larger Y" makes Y a new event and X's event its child.
Each event is then finished: date resolved (text, else publication date), places, actors,
weapons and numbers de-duplicated, ACLED mapped, claims defaulted, a summary written.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace

from sitrep.extract.acled import acled_for
from sitrep.geo.distance import km
from sitrep.extract.frames import Frame, Placed, own_judgement
from sitrep.extract.event_weapons import FAMILIES as _FAMILIES
from sitrep.extract.event_weapons import KEEP_GENERIC as _KEEP_GENERIC
from sitrep.extract.event_weapons import doc_weapons, event_weapons
from sitrep.extract.claim_rules import (
    CONFIRMED,
    army_of_subject,
    conceded_damage,
    disputed,
    holding,
    one_per_source,
    own_success,
    pronoun_claims,
    trailing,
)
from sitrep.extract.claims import ClaimMention, find_claims, stance
from sitrep.extract.numbers import acled_fatalities, settle_tolls
from sitrep.extract.offices import epithet, office_of
from sitrep.extract.parties import Neighbour, event_actors
from sitrep.extract.placing import borrow_places, first_by_key
from sitrep.extract.placing import event_locations as _locations
from sitrep.extract.event_dates import event_date as _date
from sitrep.extract.summary import summarize
from sitrep.knowledge import classify_source
from sitrep.knowledge.triggers import Voice, find_voice
from sitrep.model import (
    Actor,
    Casualty,
    Claim,
    Document,
    Event,
    Evidence,
    Location,
    Mark,
    Quantity,
    Weapon,
)

_MAX_GAP = 2  # sentences between reports of one event
_ALSO = re.compile(
    r"\b(?:also|too|as well|separately|elsewhere|meanwhile|(?:later|earlier) that (?:day|morning|afternoon|evening|night)"
    r"|hours (?:later|earlier)|the (?:next|following) (?:day|morning|evening|night)"
    r"|(?:a|one|two|three|four|five|six|seven|\d) days? (?:later|earlier))\b",
    re.IGNORECASE,
)  # another place hit "later that day" / "the next day" is another event


class _Draft:
    """An event being assembled (private and mutable; frozen into an Event at the end)."""

    def __init__(self, frame: Frame) -> None:
        self.kind = frame.kind or "other"
        self.frames: list[Frame] = [frame]
        self.parent: _Draft | None = None
        self.flags: set[str] = set(frame.flags)
        self.borrowed: list[Placed] = []  # places named in a neighbouring sentence (borrow_places)
        if frame.part == "child":
            self.flags.add("part_of_larger")

    @property
    def last_index(self) -> int:
        return self.frames[-1].sentence.index

    def add(self, frame: Frame) -> None:
        self.frames.append(frame)
        self.flags |= frame.flags

    def text_date(self):
        for f in self.frames:
            if f.dates:
                return f.dates[0]
        return None

    def places(self):
        return [p for f in self.frames for p in f.places] + self.borrowed

    @property
    def first_index(self) -> int:
        return min(f.sentence.index for f in self.frames)


def _km(a: Location, b: Location) -> float:
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return math.inf
    return km(a.lat, a.lon, b.lat, b.lon)


def _sides(frames: Sequence[Frame], role: str = "initiator") -> set[str]:
    return {a.actor.side for f in frames for a in f.actors if a.actor.role == role and a.actor.side}


def _compatible(d: _Draft, f: Frame, context: Sequence[Frame] = ()) -> bool:
    """Can frame `f` be more of draft `d`? `context`: frames of the draft's sentence in other drafts, whose
    initiator stands in when the draft names none ("Hamas gunmen stormed X, while the group fired rockets")."""
    td = d.text_date()
    if td is not None and f.dates and (f.dates[0].start_date, f.dates[0].end_date) != (td.start_date, td.end_date):
        return False
    mine, theirs = _sides(d.frames) or _sides(context), _sides([f])
    if mine and (theirs and not mine & theirs or not theirs and mine & _sides([f], "target")):
        return False  # "Hamas fired rockets ... Israel's military said it was striking Gaza": the reply is another event
    old = [
        p.mention.location for p in d.places()
        if (p.mention.location.precision or 4) <= 3 and p.role != "origin" and p.mention.location.country is not None
    ]
    if not old:
        return True
    for p in f.places:
        loc = p.mention.location
        if (loc.precision or 4) > 3 or p.role == "origin" or loc.country is None:
            continue  # launch areas and seas ("Kalibrs from the Black Sea") say nothing of where it struck
        if not any(
            (o.country == loc.country and o.admin1 and o.admin1 == loc.admin1) or _km(o, loc) <= 25.0 for o in old
        ):
            return False
    return True


# "In occupied Melitopol, police arrested ...": a sentence that opens on a place sets a new scene
_SCENE = re.compile(r"^\W*(?:In|At|Near|Outside)\s+(?:the\s+)?(?:(?:Russian-|Ukrainian-)?(?:occupied|held|controlled)\s+|"
                    r"(?:north|south|east|west)(?:ern)?\s+)?$")


def _opens_on(f: Frame) -> bool:
    s = f.sentence
    for p in f.places:
        a = p.mention.start - s.start  # type: ignore[attr-defined]
        b = p.mention.end - s.start  # type: ignore[attr-defined]
        if 0 <= a <= 40 and _SCENE.match(s.text[:a]) and s.text[b:b + 2].startswith(","):
            return True
    return False


def _another_place(d: _Draft, f: Frame) -> bool:
    """ "Marhanets was also hit", "In occupied Melitopol, police arrested ...": the same kind of event at
    another named place is another event."""
    if not _ALSO.search(f.sentence.text) and not _opens_on(f):
        return False
    old = {p.mention.location.geonameid or p.mention.location.name for p in d.places()}
    new = {p.mention.location.geonameid or p.mention.location.name for p in f.places if (p.mention.location.precision or 4) <= 2}
    return bool(new) and not new & old


_AHEAD = re.compile(r"\b(?:will|would|intend(?:s|ed)?|aim(?:s|ed)? to|in the coming)\b")
# what an attack aimed at or did, never what air defence did: a sentence with no event of its own after an
# interception belongs to the strike it reports on
_AFTERMATH = re.compile(
    r"(?i)\b(?:main targets?|targets? (?:was|were|included)|aimed at|directed at|targeted|hits? (?:was|were) recorded"
    r"|(?:was|were) (?:hit|struck|damaged)|damag(?:ed|ing)|killed|killing|injur(?:ed|ing)|wound(?:ed|ing)|dead)\b"
)


_WAVE_SIZE = 10  # munitions launched in one report that make it a wave across a country


def _wave(frames: Sequence[Frame]) -> bool:
    """ "Russia fired 81 missiles overnight": a count of munitions launched large enough to be a wave."""
    return any(
        q.value >= _WAVE_SIZE and q.role in (None, "launched", "used") and not _PEOPLE.search(q.item) for f in frames for q in f.quantities
    )


_ONE_MUNITION = re.compile(r"\b(?:a|an|one|single)\s+(?:[\w-]+\s+){0,2}?(?:missile|drone|rocket|bomb|shell|shahed|projectile)\b", re.IGNORECASE)


def _specific_hit(frames: Sequence[Frame]) -> bool:
    """ "A missile hit an apartment building in Kharkiv, killing four": one munition's hit with its own toll, no wave count."""
    return (
        any(c.value > 0 for f in frames for c in f.casualties)
        and any(_ONE_MUNITION.search(f.sentence.text) for f in frames)
        and not _wave(frames)
    )


def _hit_in_wave(d: _Draft, f: Frame) -> bool:
    """A specific hit and the wave it was part of, in neighbouring sentences, are two strikes (tests/gold/README.md)."""
    return d.kind == f.kind == "strike" and (
        (_wave(d.frames) and _specific_hit([f])) or (_specific_hit(d.frames) and _wave([f]))
    )


def _partner_before(drafts: list[_Draft], f: Frame) -> _Draft | None:
    """ "Air defence shot down 37 missiles. Hits were recorded in three oblasts": the strike before the interception."""
    if len(drafts) < 2 or f.kind != "strike" or drafts[-1].kind != "interception":
        return None
    d = drafts[-2]
    if d.kind != "strike" or f.sentence.index - d.last_index > _MAX_GAP or f.anaphoric:
        return None
    return d if _compatible(d, f) and not _another_place(d, f) and not _hit_in_wave(d, f) else None


def _attach_target(drafts: list[_Draft], f: Frame) -> _Draft | None:
    if not drafts:
        return None
    prev = drafts[-1]
    gap = f.sentence.index - prev.last_index
    if gap > _MAX_GAP or gap < 0:
        return None
    if _hit_in_wave(prev, f):
        return None
    last = prev.frames[-1]
    if f.kind is not None and f.kind == last.kind and f.sentence.index == last.sentence.index and f.start >= last.end:
        return None  # a sentence split into two clauses of one kind: "Hezbollah fired missiles at X, and Israel responded with strikes on Y"
    if f.kind == "assessment" and prev.kind != "assessment" and (own_judgement(f) or _AHEAD.search(f.sentence.text)):
        return None  # "This is almost certainly an attempt to ...": a judgement is an event of its own (tests/gold/README.md)
    if f.kind is None and prev.kind == "interception" and _AFTERMATH.search(f.sentence.text):
        partner = drafts[-2] if len(drafts) > 1 and drafts[-2].kind == "strike" else None
        if partner is not None and 0 <= f.sentence.index - partner.last_index <= _MAX_GAP:
            return partner  # "... destroyed 59 cruise missiles. The main target was Kyiv": where the attack was aimed
    if f.anaphoric and (f.kind in (None, prev.kind) or f.base_kind == prev.kind or gap <= 1):
        return prev
    if f.media and gap <= 1 and not f.dates:
        return prev
    if f.kind is None:
        where = bool(f.places) and not any((p.mention.location.precision or 4) <= 3 for p in prev.places())
        return prev if gap <= 1 and (f.claims or f.actors or f.casualties or f.quantities or where) else None
    context = [g for x in drafts[-4:-1] for g in x.frames if g.sentence.index == last.sentence.index]
    if f.kind == prev.kind and f.kind != "assessment" and _compatible(prev, f, context) and not _another_place(prev, f) and not _new_deal(prev, f):
        return None if _SEPARATE.search(f.sentence.text) else prev
    return _partner_before(drafts, f)


# another incident, or a reply at another time: "Separately, ...", "Israeli jets later struck ...", "Israel responded with ..."
_SEPARATE = re.compile(
    r"(?i)\b(?:separately|in (?:a|another) separate|in another (?:incident|attack|strike)|elsewhere|later|in response|responded|retaliat\w*)\b"
)
_DEAL = re.compile(r"(?i)\b(?:sign\w*|agree\w*|accords?|deals?|treat(?:y|ies)|memorand\w*|pacts?)\b")


def _deal(frames: Sequence[Frame]) -> bool:
    return any(f.trigger is not None and _DEAL.search(f.trigger.text) for f in frames)


def _new_deal(d: _Draft, f: Frame) -> bool:
    """ "Leaders arrived in Kyiv. Italy and Canada signed security agreements": a visit and an agreement
    (ACLED codes only the agreement) reported in separate sentences are two events."""
    return d.kind == f.kind == "diplomacy" and f.sentence.index != d.last_index and _deal(d.frames) != _deal([f])


def _child_target(drafts: list[_Draft], f: Frame) -> _Draft | None:
    names = {w.weapon.name for w in f.weapons}
    for d in reversed(drafts):
        if names & {w.weapon.name for g in d.frames for w in g.weapons}:
            return d
    return drafts[-1] if drafts else None


def group_frames(frames: Sequence[Frame]) -> list[_Draft]:
    drafts: list[_Draft] = []
    pending_child: _Draft | None = None
    for f in frames:
        if f.part == "child":
            target = _child_target(drafts, f)
            if target is None:
                target = _Draft(replace(f, kind=f.kind or "strike"))
                drafts.append(target)
            else:
                target.add(f)
            target.flags.add("part_of_larger")
            pending_child = target
            continue
        if f.part == "parent":
            d = _Draft(f)
            drafts.append(d)
            if pending_child is not None and pending_child is not d:
                pending_child.parent = d
            pending_child = None
            continue
        target = _attach_target(drafts, f)
        if target is not None:
            target.add(f)
        elif f.kind is not None:
            d = _Draft(f)
            prev = drafts[-1] if drafts else None
            if prev is not None and 0 <= f.sentence.index - prev.last_index <= _MAX_GAP and _hit_in_wave(prev, f):
                hit, wave = (d, prev) if _wave(prev.frames) else (prev, d)
                hit.flags.add("part_of_larger")
                hit.parent = wave
            drafts.append(d)
    return drafts


# ----------------------------------------------------------------------------- finishing


def _actors(d: _Draft, locations: list[Location], drafts: Sequence[_Draft] = (), claims: Sequence[Claim] = ()) -> list[Actor]:
    """The event's actors (sitrep.extract.parties), completed from the events within two sentences."""
    neighbours = [
        Neighbour(e.kind, e.first_index - d.first_index, tuple(e.frames), tuple(_locations(e)))
        for e in drafts
        if e is not d and abs(e.first_index - d.first_index) <= _MAX_GAP
    ]
    return event_actors(d.kind, d.frames, locations, neighbours, claims)


def _doc_specific(drafts: list[_Draft]) -> dict[str, list[tuple[Weapon, ...]]]:
    """Named munitions of the whole document by family, a slash group as one (sitrep.extract.event_weapons)."""
    return doc_weapons(drafts)


def _weapons(
    d: _Draft, doc_specific: dict[str, list[tuple[Weapon, ...]]] | None = None, drafts: Sequence[_Draft] = ()
) -> list[Weapon]:
    """The event's weapons (sitrep.extract.event_weapons)."""
    return event_weapons(d, doc_specific, drafts, hints=lambda: _hints(d))


# an attack partly shot down is two events: the strike keeps launched/hit, the interception intercepted/destroyed
_OTHER_EVENTS_ROLES = {"interception": ("launched", "used", "hit"), "strike": ("intercepted",)}


def _quantity(kind: str, q, weapons: list[Weapon]) -> Quantity:  # type: ignore[no-untyped-def]
    """A count as the event reports it: a munition counted in a strike was launched, one counted in an
    interception was intercepted; "23 drones" is "23 Shahed-136" when the event names that one drone."""
    item, role = q.item, q.role
    fam = next((f for f in _FAMILIES if f in item.lower()), None) if item else None
    if fam and item.lower() in _KEEP_GENERIC | {"missile", "drone"} and not getattr(q, "mixed", False):
        named = [w for w in weapons if w.name.lower() not in _KEEP_GENERIC and fam in ((w.category or "") + " " + w.name).lower()]
        if len({w.name for w in named}) == 1:
            item = named[0].name
    munition = (
        any(w.name == item and w.role == "munition" for w in weapons) or (fam is not None and fam != "artillery") or item == "air attack weapon"
    )
    if kind == "strike" and munition and role is None:
        role = "launched"
    elif kind == "interception" and munition and role in (None, "used"):
        role = "intercepted"
    return Quantity(item, role, q.value, q.qualifier, q.text)


# counts a partner event reports for this one: "Of the 40 missiles launched, 33 were shot down"
_FROM_SIBLING = {"strike": ("interception", ("launched", "hit", "used")), "interception": ("strike", ("intercepted",))}
# an interception that downs everything launched without counting it again: "all of which were shot
# down", "all ten were destroyed" (not "nearly all"); or one kind of it: "intercepted all 18 missiles and the drones"
_ALL_DOWN = re.compile(
    r"(?<!nearly\s)(?<!almost\s)(?<!not\s)\ball\s+(?:\w+\s+)?(?:of\s+(?:which|them|these|those)|were|was|have\s+been|had\s+been)\b"
    r"|\b(?:and|all|both)\s+(?:of\s+)?the\s+(?P<what>missiles|drones|rockets|shaheds|uavs)\b",
    re.IGNORECASE,
)


def _sibling_counts(d: _Draft, drafts: list[_Draft], weapons: list[Weapon]) -> list[Quantity]:
    """Launched counts said in an interception's sentence belong to the strike, and intercepted
    counts said in a strike's sentence to the interception (the partner within two sentences);
    "all of which were shot down" intercepts every count the strike launched."""
    if d.kind not in _FROM_SIBLING:
        return []
    other, roles = _FROM_SIBLING[d.kind]
    downs = [m for f in d.frames for m in _ALL_DOWN.finditer(f.sentence.text[f.start - f.sentence.start : f.end - f.sentence.start])]
    downs = downs if d.kind == "interception" else []
    out = []
    for e in drafts:
        if e is d and downs:
            # "eight drones had been used, all of them shot down": the interception's own launched count
            out += [_quantity(d.kind, replace(x, role="intercepted"), weapons) for f in d.frames for x in f.quantities if x.role == "launched"]
            continue
        if e is d or e.kind != other or abs(e.first_index - d.first_index) > _MAX_GAP:
            continue
        cats = {w.weapon.name: f"{w.weapon.category or ''} {w.weapon.name}".lower() for f in e.frames for w in f.weapons}
        for f in e.frames:
            for x in f.quantities:
                if x.role in roles:
                    out.append(_quantity(d.kind, x, weapons))
                elif x.role == "launched" and downs:
                    what = {(m["what"] or "").lower().rstrip("s").replace("shahed", "drone").replace("uav", "drone") for m in downs}
                    if "" in what or any(w in cats.get(x.item, x.item.lower()) for w in what):
                        out.append(_quantity(d.kind, replace(x, role="intercepted"), weapons))
    return out


_PEOPLE = re.compile(r"\b(?:people|persons?|residents|children|child|man|woman|men|women|passengers|civilians?|girl|boy|teenager|family|families|worshippers|villagers|shoppers)\b", re.IGNORECASE)
_FIGHTERS = re.compile(r"\b(?:soldiers?|troops|servicem[ae]n|fighters|militants|personnel|officers|sailors|marines|crew)\b", re.IGNORECASE)


# what says the "people" hurt were civilians: the word itself, or a civilian place hit
_CIVILIAN_CUE = re.compile(
    r"\b(?:civilians?|residents?|children|child|kids|famil(?:y|ies)|displaced|refugees?|evacuees?|pensioners?|worshippers|pupils"
    r"|shoppers|passers-by|apartments?|residential|homes?|houses?|housing|flats|dwellings?|markets?|bazaar|shops?|shopping"
    r"|supermarkets?|hypermarkets?|mall|caf[eé]s?|restaurants?|schools?|kindergartens?|nurser(?:y|ies)|universit(?:y|ies)"
    r"|hospitals?|clinics?|maternity|church(?:es)?|mosques?|synagogues?|tents?|shelters?|sheltering|bus\s+stops?|playgrounds?"
    r"|beach|wedding|funeral|mourners|queue|bakery|pharmacy|post\s+office|aid\s+(?:convoy|workers?|distribution))\b",
    re.IGNORECASE,
)
_NOT_CIVILIAN = re.compile(r"\b(?:police|officers?|guards?)\b", re.IGNORECASE)


def _casualty(kind: str, c, context: str = "") -> Casualty:  # type: ignore[no-untyped-def]
    """A figure as the event reports it. "People" killed or hurt by a strike or an attack on civilians
    are civilians when the text says so: civilians or residents named anywhere in the event's sentences,
    or a civilian place hit (an apartment block, a market, a school, a camp for the displaced); with no
    such cue they stay unknown (tests/gold/README.md: casualties record what the text says)."""
    group = c.group
    if (
        group == "unknown"
        and kind in ("strike", "violence_against_civilians")
        and not _FIGHTERS.search(c.text)
        and not _NOT_CIVILIAN.search(c.text)
        and _CIVILIAN_CUE.search(f"{c.text} {context}")
    ):
        group = "civilians"
    return Casualty(group, c.outcome, c.value, c.qualifier, c.text, c.side)


# events that report no casualties of their own: the toll said in their sentences is the partner's
# ("Air defence shot down 20 drones; debris injured three people" -> the strike; "20 people were
# injured and 60 detained" -> the riot, not the arrest)
_CASUALTY_PARTNER = {
    "interception": ("strike",),
    "arrest": ("riot", "protest", "violence_against_civilians"),
    "looting": ("violence_against_civilians", "strike", "battle"),  # "attacked and burned villages, killing dozens"
}


def _casualty_mentions(drafts: Sequence[_Draft]) -> dict[int, list]:  # type: ignore[type-arg]
    """Each draft's casualty mentions, tolls settled (sitrep.extract.numbers.settle_tolls), with the
    figures of an interception or arrest moved to its partner event within two sentences."""
    own = {id(d): [c for f in d.frames for c in f.casualties] for d in drafts}
    for d in drafts:
        kinds = _CASUALTY_PARTNER.get(d.kind or "")
        if not kinds or not own[id(d)]:
            continue
        near = [e for e in drafts if e is not d and e.kind in kinds and abs(e.first_index - d.first_index) <= _MAX_GAP]
        if near:
            partner = min(near, key=lambda e: abs(e.first_index - d.first_index))
            own[id(partner)] = own[id(partner)] + own[id(d)]
            own[id(d)] = []
    return {k: settle_tolls(v) for k, v in own.items()}


_TARGET_NOUN = re.compile(
    r"\s+(?:base|bases|site|sites|factory|factories|plant|depot|depots|launchers?|facility|facilities|warehouse|storage|test|tests"
    r"|program|programme|production|corvettes?|cruisers?|frigates?|boats?|ships?|carriers?|destroyers?|units?|crews?|operators?)\b",
    re.IGNORECASE,
)


_REMOTE = ("missile", "artillery")


def _hints(d: _Draft) -> list[str]:
    """Delivery hints, strongest first: named munitions, generic weapon words, platforms, trigger words.
    A wave that mixes missiles with drones ("53 missiles and 47 Shahed drones") is coded by its missiles
    (tests/gold/README.md, ACLED mapping): a named or counted drone munition, or plural "drones", next to a missile."""
    mun, gen, plat, words = [], [], [], []
    missiles = drones = False
    for f in d.frames:
        for w in f.weapons:
            if not w.delivery:
                continue
            after = f.sentence.text[w.end - f.sentence.start : w.end - f.sentence.start + 24]
            if _TARGET_NOUN.match(after) or (w.generic and after.lower().startswith(" weapon")):
                continue  # "bombed a missile base": the missile is the target, not the means; "air attack weapons": mixed
            if w.weapon.role == "munition" and w.delivery in _REMOTE:
                missiles = True
            elif w.delivery == "drone" and (w.weapon.role == "munition" or w.text.lower().endswith("drones")):
                drones = True
            if w.generic:
                gen.append(w.delivery)
            elif w.weapon.role == "munition":
                mun.append(w.delivery)
            else:
                plat.append(w.delivery)
        words.extend(f.hints)
    out = mun + gen + plat + words
    if missiles and drones:
        out = [h for h in out if h in _REMOTE] + [h for h in out if h not in _REMOTE]
    return out


def _same_source(a: str, b: str) -> bool:
    """ "The Air Force" and "Ukrainian Air Force" name one source."""
    info = classify_source(a)
    x = (info.name if info is not None else a).lower().removeprefix("the ")
    y = b.lower().removeprefix("the ")
    return x == y or x in y or y in x


_NEW_CLAUSE = re.compile(r";\s*|,? (?:and|while|but|whereas) ")
_AFTER_TRAILING = re.compile(r",\s*(?:where|when|after which|before|whereupon)\b")


def _in_scope(c: object, f: Frame) -> bool:
    """Does a claim the frame took from the other clause of its sentence cover its event? "Iran launched
    300 drones; Israel's military said 99 percent were intercepted": a leading attribution in a later
    clause covers only that clause (a trailing "..., the military said." covers the whole sentence)."""
    if f.trigger is None or getattr(c, "claim").modality == "denied":
        return True  # "...; Moscow denies this": a denial answers the clause before it
    s = f.sentence
    start, end = getattr(c, "start") - s.start, getattr(c, "end") - s.start
    trig = f.trigger.start - s.start
    if trig >= end and s.text[:start].rstrip(" \"'’”").endswith(",") and _AFTER_TRAILING.search(s.text, end, trig):
        return False  # "..., Sunak announced in Kyiv, where he signed an agreement": the attribution covers what precedes it
    if trig >= start or f.start <= getattr(c, "start") < f.end:
        return True  # the attribution is in the frame's own clause
    breaks = [m for m in _NEW_CLAUSE.finditer(s.text, trig, start) if m.end() == start or not s.text[m.end() : start].strip(" ,")]
    return not breaks or trailing(s.text, start, end)


def _voice_claim(d: _Draft, voice: Voice | None, attributed: bool) -> Claim | None:
    """The implicit author of a text in a publisher's own voice (triggers.json "voices")."""
    if voice is None or (voice.kinds and d.kind not in voice.kinds) or (attributed and not voice.alongside):
        return None
    info = classify_source(voice.source)
    # the stance of a sentence that reports this kind of event first ("It is almost certain that losses will
    # remain high" for the assessment, not the hedge of a deployment merged into it)
    ranked = sorted(
        d.frames,
        key=lambda f: (f.stance.modality == "asserted", f.kind != d.kind, d.kind == "assessment" and f.stance.modality != "predicted"),
    )
    st = ranked[0].stance
    modality = voice.modality or (voice.fallback if st.modality == "asserted" and voice.fallback else st.modality)
    return Claim(
        source=info.name if info is not None else voice.source,
        source_type=info.source_type if info is not None else "unknown",
        text="",
        verb=None,
        medium=None,
        modality=modality,
        confidence=st.confidence if modality == st.modality else None,
        probability=st.probability if modality == st.modality else None,
    )


_ATTRIBUTION = re.compile(r"\b(?:said|says|told|reported|according to|announced|stated|claimed|added)\b")
_CONSEQUENCE = re.compile(r"\b(?:damaged|destroyed|killed|injured|wounded|hit|fire|casualties|damage|dead)\b")
_PARTICIPLE_CUE = re.compile(r"\b(?:saying|adding|announcing|claiming|stating|insisting|noting|denying|confirming|acknowledging|admitting)\b")


def _orphan_claims(drafts: list[_Draft], sentences: Sequence[object]) -> dict[int, list[tuple[str, Claim]]]:
    """Claims of a sentence that reports no event of its own go to the event of the sentence before
    (else after) it: "... Air defence destroyed 39 missiles. Energy company Ukrenergo said equipment
    at three plants was damaged." (A strike takes a claim about damage or casualties.)"""
    used = {f.sentence.index for d in drafts for f in d.frames}
    out: dict[int, list[tuple[str, Claim]]] = {}
    for s in sentences:
        idx, text = getattr(s, "index"), getattr(s, "text")
        if idx in used or getattr(s, "furniture", False) or not _ATTRIBUTION.search(text):
            continue
        before = [d for d in drafts if any(f.sentence.index == idx - 1 for f in d.frames)]
        after = [d for d in drafts if d.first_index == idx + 1]
        near = before or after
        if not near:
            continue
        found = find_claims(text, stance(text, False))
        if not found:
            continue
        recent = [d for d in drafts if any(0 < idx - f.sentence.index <= _MAX_GAP for f in d.frames)]
        strikes = [d for d in recent if d.kind == "strike"] if _CONSEQUENCE.search(text.lower()) else []
        target = strikes[-1] if strikes else near[-1 if near is before else 0]
        out.setdefault(id(target), []).extend((text, m.claim) for m in found)
    return out


def _participle_claims(f: Frame) -> list[ClaimMention]:
    """A clause split off its sentence loses the subject a participle reports for ("Biden visited Kyiv,
    meeting Zelensky and announcing $500 million in aid"): the sentence's participle mentions."""
    text = f.sentence.text
    if f.claims or not _PARTICIPLE_CUE.search(text):
        return []
    base = f.sentence.start
    return [
        ClaimMention(m.start + base, m.end + base, m.claim)
        for m in find_claims(text, f.stance)
        if (m.claim.verb or "").endswith("ing") and not (m.claim.verb or "").startswith("accord")
    ]


def _voiced(d: _Draft) -> bool:
    """Is part of the event told in the publisher's own voice, with no source of its own? ("The enemy
    launched 27 drones...; debris damaged a warehouse, spokesman Ihnat said": the Air Force tells the first)"""
    return any(
        f.kind is not None and not any(c.claim.source_type != "unknown" and _in_scope(c, f) for c in f.claims)
        for f in d.frames
    )


def _claims(
    d: _Draft,
    doc: Document,
    voice: Voice | None = None,
    orphans: Sequence[tuple[str, Claim]] = (),
    moved: frozenset[int] = frozenset(),
) -> list[Claim]:
    sentences = list(dict.fromkeys([*(f.sentence.text for f in d.frames), *(text for text, _ in orphans)]))
    text = " ".join(sentences)
    # the sentence after the event may say the report cannot be verified ("ISW cannot verify Ruvin's claim")
    last = max(f.sentence.end for f in d.frames)
    after = doc.text[last : last + 200].split(". ")[0]
    verified = bool(CONFIRMED.search(text))
    raw = [
        (epithet(c.claim, doc.text[: f.sentence.end]), f.sentence.text)
        for f in d.frames
        for c in [*f.claims, *_participle_claims(f)]
        if id(c) not in moved and _in_scope(c, f)
    ] + [(c, t) for t, c in orphans]
    # the army is named after judging, as ``_office_of`` names the bare offices
    judged = [(army_of_subject(c if verified else own_success(c, d.kind, t), t), t) for c, t in raw]
    claimed = {c.source for c, _ in judged if c.modality == "claimed"}
    claims = first_by_key(
        [holding(c, d.kind, t, bool(claimed - {c.source})) for c, t in judged],
        lambda c: (c.source, c.verb),
    )
    claims = disputed(claims, text + " " + after)
    claims = one_per_source(claims)
    attributed = any(c.source_type != "unknown" for c in claims)
    implicit = _voice_claim(d, voice, attributed) if not doc.source else None
    # beside named sources ("Air Force commander Mykola Oleshchuk said"), the publisher speaks only for
    # what it tells in its own voice, with no source of its own
    if implicit is not None and not any(_same_source(c.source, implicit.source) for c in claims) and (not attributed or _voiced(d)):
        claims = [*claims, implicit]
    if claims:
        return claims
    st = d.frames[0].stance
    info = classify_source(doc.source) if doc.source else None  # an Air Force post: the Air Force says it
    return [
        Claim(
            source=(info.name if info is not None else doc.source) or "unknown",
            source_type=info.source_type if info is not None else ("media" if doc.source else "unknown"),
            text="",
            verb=None,
            medium=None,
            modality=st.modality,
            confidence=st.confidence,
            probability=st.probability,
        )
    ]


def _covers_before(c: Claim, d: _Draft) -> bool:
    """Can a claim reach back to an earlier sentence? Only a trailing attribution ("..., the ministry
    said.") can; a leading one ("Geolocated footage indicates that ...") covers its own sentence."""
    for f in d.frames:
        at = f.sentence.text.find(c.text)
        if at != -1:
            return trailing(f.sentence.text, at, at + len(c.text))
    return False


_NEW_REPORT = re.compile(
    r"^\W*(?:(?:Later|Earlier) (?:that|the same|on|in)\b|(?:Hours|Minutes|(?:\w+ )?(?:days?|hours?|weeks?)) (?:later|earlier)\b|"
    r"Separately\b|Elsewhere\b|Meanwhile\b|In a separate\b|On the [\w-]+ (?:front|border)\b)"
)


def _opens_report(d: _Draft) -> bool:
    """Does the event's first sentence open a report of its own ("Later that day ...", "Separately, ...")?"""
    first = min(d.frames, key=lambda f: f.sentence.index)
    return bool(_NEW_REPORT.match(first.sentence.text))


def _shared_claims(drafts: list[_Draft], claims: list[list[Claim]]) -> list[list[Claim]]:
    """An event no source is named for takes the sources of the nearest event of the passage
    (within two sentences): "A mob stormed the airport... 60 people were detained, the interior
    ministry said" attributes both events. Denials stay with the event they deny; a publisher's
    implicit voice (a claim with no attribution text) is not lent."""
    out = []
    lendable = [[c for c in own if c.text] for own in claims]
    scoped = [[c for c in own if _covers_before(c, d)] for d, own in zip(drafts, lendable)]
    for i, (d, own) in enumerate(zip(drafts, claims)):
        denials = [c for c in own if c.source != "unknown" and c.modality == "denied"]
        if any(c.source != "unknown" for c in own) and len(denials) < len([c for c in own if c.source != "unknown"]):
            out.append(own)
            continue
        if denials:
            # "The RSF denied targeting civilians": the event denied is the one reported just before
            prev = [j for j, e in enumerate(drafts) if j != i and d.first_index - e.first_index == 1 and lendable[j]]
            lent = [c for c in (lendable[prev[-1]] if prev else []) if c.modality != "denied" and c.source != "unknown"]
            out.append([*lent, *own] if lent else own)
            continue
        # a later sentence's source first ("... 60 were detained, the ministry said"), then the sentence
        # just before ("X hit Nikopol, the governor said. Marhanets was also hit")
        near = sorted(
            (abs(e.first_index - d.first_index) + (0.5 if e.first_index < d.first_index else 0), j)
            for j, e in enumerate(drafts)
            if j != i and -1 <= e.first_index - d.first_index <= _MAX_GAP
        )
        pool = [lendable[j] if drafts[j].first_index < d.first_index else scoped[j] for j in range(len(drafts))]
        lent = next(
            ([c for c in pool[j] if c.source != "unknown" and c.modality != "denied"] for _, j in near
             if any(c.source != "unknown" and c.modality != "denied" for c in pool[j])
             # "Later that day ...", "Separately, ...": a sentence that opens a new report is not lent to
             and not _opens_report(drafts[j] if drafts[j].first_index > d.first_index else d)
             # an earlier sentence lends only plain reports, not a side's claims or blame
             and (drafts[j].first_index >= d.first_index or all(c.modality == "asserted" for c in lendable[j]))),
            [],
        )
        out.append(lent or own)
    return out


def _evidence(d: _Draft, doc: Document) -> list[Evidence]:
    by_sentence: dict[int, list[Frame]] = {}
    for f in d.frames:
        by_sentence.setdefault(f.sentence.index, []).append(f)
    out = []
    for frames in by_sentence.values():
        s = frames[0].sentence
        marks: list[Mark] = []
        for f in frames:
            if f.trigger:
                marks.append(Mark(f.trigger.start, f.trigger.end, "trigger"))
            marks += [Mark(p.mention.start, p.mention.end, "location") for p in f.places]
            marks += [Mark(w.start, w.end, "weapon") for w in f.weapons]
            marks += [Mark(a.start, a.end, "actor") for a in f.actors if a.start < a.end]
            marks += [Mark(x.start, x.end, "date") for x in f.dates]
            marks += [Mark(q.start, q.end, "quantity") for q in f.quantities]
            marks += [Mark(c.start, c.end, "casualty") for c in f.casualties]
            marks += [Mark(c.start, c.end, "claim") for c in f.claims]
            if f.stance.span:
                a, b = f.stance.span
                marks.append(Mark(f.start + a, f.start + b, "confidence"))
        marks = sorted(set(marks), key=lambda m: (m.start, m.end, m.field))
        out.append(Evidence(doc_id=doc.id, start=s.start, end=s.end, sentence=s.text, marks=tuple(marks)))
    return out


def finish(drafts: list[_Draft], doc: Document, sentences: Sequence[object] = ()) -> list[Event]:
    ids: dict[int, str] = {}
    for d in drafts:
        ids[id(d)] = Event.make_id(doc.id, d.frames[0].start, d.kind)
    events = []
    doc_specific = _doc_specific(drafts)
    voice = find_voice(doc.text.lower()) if drafts and not doc.source else None
    orphans = _orphan_claims(drafts, sentences)
    placed = {id(d): _locations(d) for d in drafts}
    cas_by_draft = _casualty_mentions(drafts)
    everywhere = [x for d in drafts for x in placed[id(d)]]
    for extra in (pronoun_claims(drafts, sentences, _MAX_GAP), (conceded := conceded_damage(drafts, _MAX_GAP))[0]):
        for k, v in extra.items():
            orphans.setdefault(k, []).extend(v)
    all_claims = _shared_claims(
        drafts,
        [
            [office_of(c, placed[id(d)], everywhere, doc.published) for c in _claims(d, doc, voice, orphans.get(id(d), ()), conceded[1])]
            for d in drafts
        ],
    )
    for d, claims in zip(drafts, all_claims):
        locations = _locations(d)
        actors = _actors(d, locations, drafts, claims)
        weapons = _weapons(d, doc_specific, drafts)
        quantities = first_by_key(
            [q for f in d.frames for q in (_quantity(d.kind, x, weapons) for x in f.quantities) if q.role not in _OTHER_EVENTS_ROLES.get(d.kind, ())]
            + _sibling_counts(d, drafts, weapons),
            lambda q: (q.item, q.role, q.value),
        )
        cas_mentions = cas_by_draft[id(d)]
        context = " ".join(dict.fromkeys(f.sentence.text for f in d.frames))
        if any(c.group == "civilians" for c in cas_mentions):
            context += " civilians"  # "killing a woman and wounding seven people": the same civilians
        casualties = first_by_key(
            [_casualty(d.kind, c, context) for c in cas_mentions if c.value > 0],
            lambda c: (c.group, c.outcome, c.value, c.side),
        )
        flags = set(d.flags)
        if any(c.modality == "possible" for c in claims) and d.kind != "assessment":
            flags.add("unconfirmed")
        if any(c.modality == "denied" for c in claims):
            flags.add("disputed")
        evidence = _evidence(d, doc)
        low = " ".join(e.sentence for e in evidence).lower()
        acled = acled_for(d.kind, _hints(d), low, actors, locations)
        date = _date(d, doc, drafts, sentences)
        event = Event(
            id=ids[id(d)],
            kind=d.kind,
            acled=acled,
            date=date,
            summary="",
            actors=tuple(actors),
            locations=tuple(locations),
            weapons=tuple(weapons),
            quantities=tuple(quantities),
            casualties=tuple(casualties),
            fatalities=acled_fatalities(cas_mentions),
            claims=tuple(claims),
            flags=tuple(sorted(flags)),
            parent=ids[id(d.parent)] if d.parent is not None else None,
            evidence=tuple(evidence),
            doc_ids=(doc.id,),
            first_reported=doc.published.isoformat() if doc.published else None,
        )
        events.append(replace(event, summary=summarize(event)))
    return events


__all__ = ["borrow_places", "finish", "group_frames"]
