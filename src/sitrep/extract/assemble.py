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
from sitrep.extract.frames import Frame, Placed
from sitrep.extract.numbers import acled_fatalities
from sitrep.extract.summary import summarize
from sitrep.knowledge import actor_for_side, classify_source, demonym_side, find_weapons
from sitrep.knowledge.triggers import Voice, find_voice
from sitrep.model import (
    Actor,
    Casualty,
    Claim,
    Document,
    Event,
    EventDate,
    Evidence,
    Location,
    Mark,
    Quantity,
    Weapon,
)

_MAX_GAP = 2  # sentences between reports of one event
_ALSO = re.compile(r"\b(?:also|too|as well|separately|elsewhere)\b")


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


def _compatible(d: _Draft, f: Frame) -> bool:
    td = d.text_date()
    if td is not None and f.dates and (f.dates[0].start_date, f.dates[0].end_date) != (td.start_date, td.end_date):
        return False
    old = [p.mention.location for p in d.places() if (p.mention.location.precision or 4) <= 3]
    if not old:
        return True
    for p in f.places:
        loc = p.mention.location
        if (loc.precision or 4) > 3:
            continue
        if not any(
            (o.country == loc.country and o.admin1 and o.admin1 == loc.admin1) or _km(o, loc) <= 25.0 for o in old
        ):
            return False
    return True


def _another_place(d: _Draft, f: Frame) -> bool:
    """ "Marhanets was also hit": the same kind of event at another named place is another event."""
    if not _ALSO.search(f.sentence.text):
        return False
    old = {p.mention.location.geonameid or p.mention.location.name for p in d.places()}
    new = {p.mention.location.geonameid or p.mention.location.name for p in f.places if (p.mention.location.precision or 4) <= 2}
    return bool(new) and not new & old


_AHEAD = re.compile(r"\b(?:will|would|intend(?:s|ed)?|aim(?:s|ed)? to|in the coming)\b")


def _attach_target(drafts: list[_Draft], f: Frame) -> _Draft | None:
    if not drafts:
        return None
    prev = drafts[-1]
    gap = f.sentence.index - prev.last_index
    if gap > _MAX_GAP or gap < 0:
        return None
    if f.anaphoric and f.kind == "assessment" and prev.kind != "assessment" and _AHEAD.search(f.sentence.text):
        return None  # "It is highly unlikely that Russia will encircle the town": a judgement of its own
    if f.anaphoric and (f.kind in (None, prev.kind) or f.base_kind == prev.kind or gap <= 1):
        return prev
    if f.media and gap <= 1 and not f.dates:
        return prev
    if f.kind is None:
        where = bool(f.places) and not any((p.mention.location.precision or 4) <= 3 for p in prev.places())
        return prev if gap <= 1 and (f.claims or f.actors or f.casualties or f.quantities or where) else None
    if f.kind == prev.kind and f.kind != "assessment" and _compatible(prev, f) and not _another_place(prev, f):
        return prev
    return None


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
            drafts.append(_Draft(f))
    return drafts


# ----------------------------------------------------------------------------- borrowed places

_BORROW_ROLES = ("target", "site", "destination")
_NO_BORROW = frozenset({"interception"})


def _role_here(kind: str) -> str:
    return "target" if kind == "strike" else ("destination" if kind in ("deployment", "logistics") else "site")


def _usable(p) -> bool:  # type: ignore[no-untyped-def]
    return not getattr(p, "qualifies", False) and (p.location.precision or 4) <= 3


def borrow_places(drafts: list[_Draft], sentences: Sequence[object], places: Sequence[object]) -> None:
    """An event whose sentences name no place takes the place of its neighbours: the places of the
    nearest earlier event within two sentences ("Air defence shot down three of the drones" after
    "attacked Kharkiv"), else a place named in one of the two sentences before it, else in the
    sentence right after it ("The main target was the capital, Kyiv")."""
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
    for n, d in enumerate(drafts):
        if d.kind in _NO_BORROW or d.places() or d.parent is not None:
            continue
        role = _role_here(d.kind)
        first = d.first_index
        earlier = [
            e for e in drafts[:n]
            if 0 <= first - e.last_index <= _MAX_GAP and any(p.role in _BORROW_ROLES for p in e.places())
        ]
        if earlier:
            src = [p for p in earlier[-1].places() if p.role in _BORROW_ROLES]
            d.borrowed = [Placed(p.mention, role) for p in src]
            continue
        for i in (first - 1, first - 2, d.last_index + 1):
            if i in by_sentence and (i < first or i not in owned):
                d.borrowed = [Placed(p, role) for p in by_sentence[i]]
                break


# ----------------------------------------------------------------------------- finishing


def _dedupe(items, key):
    seen, out = set(), []
    for it in items:
        k = key(it)
        if k not in seen:
            seen.add(k)
            out.append(it)
    return out


_PARTY_KINDS = frozenset({"diplomacy", "logistics"})


def _locations(d: _Draft) -> list[Location]:
    locs = []
    for p in d.places():
        m = p.mention
        locs.append(replace(m.location, text=m.text, role=p.role))
    locs = _dedupe(locs, lambda x: (x.geonameid or x.name, x.role))
    finer = {(x.country, x.role) for x in locs if (x.precision or 4) < 4}
    finer_any = {x.country for x in locs if (x.precision or 4) < 4}
    finer_roles = {x.role for x in locs if (x.precision or 4) < 4}
    towns = {(x.country, x.admin1, x.role) for x in locs if (x.precision or 4) <= 2 and x.admin1}
    out = []
    for x in locs:
        if x.precision == 4 and (d.kind in _PARTY_KINDS or (d.kind == "deployment" and x.role != "destination")):
            continue  # "Italy and Canada signed agreements": countries that are parties, not places
        if x.precision == 4 and ((x.country, x.role) in finer or (x.role in ("site", "target") and (x.country in finer_any or finer_roles & {"site", "target"}))):
            continue  # "Ukraine" adds nothing next to "Kyiv Oblast"
        if x.precision == 3 and x.admin1 and (x.country, x.admin1, x.role) in towns:
            continue  # "Kherson Oblast" adds nothing next to "Krynky" in it
        out.append(x)
    return out


def _actors(d: _Draft, locations: list[Location]) -> list[Actor]:
    actors = [a.actor for f in d.frames for a in f.actors]
    by_name: dict[str, Actor] = {}
    for a in actors:
        cur = by_name.get(a.name)
        if cur is None or (cur.role != "initiator" and a.role == "initiator"):
            by_name[a.name] = a
    out = list(by_name.values())
    sides = {a.side for a in out if a.side}
    if len(sides) == 1:
        side = next(iter(sides))
        out = [replace(a, side=side) if a.side is None and a.type == "person" else a for a in out]
    if d.kind in ("territory_change", "battle", "strike"):
        init_sides = {a.side for a in out if a.role == "initiator" and a.side}
        place_countries = [x.country for x in locations if x.role in ("site", "target") and x.country]
        for c in dict.fromkeys(place_countries):
            if init_sides and c not in init_sides and c not in sides:
                out.append(replace(actor_for_side(c), text="", role="target"))
                sides.add(c)
    return out


# generic weapon words worth listing when the text names no type (tests/gold/README.md);
# others ("missile", "air defence system", "warship") say nothing the event's kind does not
_KEEP_GENERIC = frozenset(
    (
        "drone", "naval drone", "one-way attack drone", "cruise missile", "ballistic missile", "anti-ship missile",
        "hypersonic missile", "rocket", "thermobaric rocket", "artillery", "mortar", "glide bomb", "ied", "landmine",
        "grenade", "tank",
    )
)
_FAMILIES = ("drone", "missile", "bomb", "rocket", "artillery")


def _family(w: Weapon) -> str | None:
    text = f"{w.category or ''} {w.name}".lower()
    return next((f for f in _FAMILIES if f in text), None)


def _doc_specific(drafts: list[_Draft]) -> dict[str, set[Weapon]]:
    """Named weapons of the whole document by family ("drone": {Shahed-136})."""
    out: dict[str, set[Weapon]] = {}
    for d in drafts:
        for f in d.frames:
            for w in f.weapons:
                fam = _family(w.weapon)
                if not w.generic and fam:
                    out.setdefault(fam, set()).add(w.weapon)
    return out


def _weapons(d: _Draft, doc_specific: dict[str, set[Weapon]] | None = None) -> list[Weapon]:
    ws = [(w.weapon, w.generic) for f in d.frames for w in f.weapons]
    specific = [w for w, g in ws if not g]
    out = []
    for w, g in ws:
        if g:
            name = w.name.lower()
            if name not in _KEEP_GENERIC or (d.kind not in ("strike", "interception") and name in ("artillery", "tank")):
                continue
            fam = _family(w)
            if fam and any(fam in (s.category or "").lower() or fam in s.name.lower() for s in specific):
                continue  # "Shahed drones": the Shahed says it
            named = (doc_specific or {}).get(fam or "", set())
            if fam and len(named) == 1 and name in ("drone", "missile", "cruise missile"):
                w = next(iter(named))  # "38 drones downed" after "Russia launched 44 Shahed drones"
        out.append(w)
    if d.kind == "strike" and not out:
        hints = _hints(d)
        generic = {"artillery": "artillery", "drone": "drone"}.get(hints[0]) if hints else None
        if generic:
            out += [m.weapon for m in find_weapons(generic) if m.generic][:1]  # "shelled": artillery
    return _dedupe(out, lambda w: w.name)


# an attack partly shot down is two events: the strike keeps launched/hit, the interception intercepted/destroyed
_OTHER_EVENTS_ROLES = {"interception": ("launched", "used", "hit"), "strike": ("intercepted",)}


def _quantity(kind: str, q, weapons: list[Weapon]) -> Quantity:  # type: ignore[no-untyped-def]
    """A count as the event reports it: a munition counted in a strike was launched, one counted in an
    interception was intercepted; "23 drones" is "23 Shahed-136" when the event names that one drone."""
    item, role = q.item, q.role
    fam = next((f for f in _FAMILIES if f in item.lower()), None) if item else None
    if fam and item.lower() in _KEEP_GENERIC | {"missile", "drone"}:
        named = [w for w in weapons if w.name.lower() not in _KEEP_GENERIC and fam in ((w.category or "") + " " + w.name).lower()]
        if len({w.name for w in named}) == 1:
            item = named[0].name
    munition = any(w.name == item and w.role == "munition" for w in weapons) or (fam is not None and fam != "artillery")
    if kind == "strike" and munition and role in (None, "used"):
        role = "launched"
    elif kind == "interception" and munition and role in (None, "used"):
        role = "intercepted"
    return Quantity(item, role, q.value, q.qualifier, q.text)


# counts a partner event reports for this one: "Of the 40 missiles launched, 33 were shot down"
_FROM_SIBLING = {"strike": ("interception", ("launched",)), "interception": ("strike", ("intercepted",))}


def _sibling_counts(d: _Draft, drafts: list[_Draft], weapons: list[Weapon]) -> list[Quantity]:
    """Launched counts said in an interception's sentence belong to the strike, and intercepted
    counts said in a strike's sentence to the interception (the partner within two sentences)."""
    if d.kind not in _FROM_SIBLING:
        return []
    other, roles = _FROM_SIBLING[d.kind]
    out = []
    for e in drafts:
        if e is d or e.kind != other or abs(e.first_index - d.first_index) > _MAX_GAP:
            continue
        for f in e.frames:
            for x in f.quantities:
                if x.role in roles:
                    out.append(_quantity(d.kind, x, weapons))
    return out


_PEOPLE = re.compile(r"\b(?:people|persons?|residents|children|child|man|woman|men|women|passengers|civilians?|girl|boy|teenager|family|families|worshippers|villagers|shoppers)\b", re.IGNORECASE)
_FIGHTERS = re.compile(r"\b(?:soldiers?|troops|servicem[ae]n|fighters|militants|personnel|officers|sailors|marines|crew)\b", re.IGNORECASE)


def _casualty(kind: str, c) -> Casualty:  # type: ignore[no-untyped-def]
    """People killed or hurt by a strike or an attack on civilians are civilians unless the text says
    they were fighters (tests/gold/README.md)."""
    group = c.group
    if group == "unknown" and kind in ("strike", "violence_against_civilians") and _PEOPLE.search(c.text) and not _FIGHTERS.search(c.text):
        group = "civilians"
    return Casualty(group, c.outcome, c.value, c.qualifier, c.text, c.side)


_TARGET_NOUN = re.compile(r"\s+(?:base|bases|site|sites|factory|factories|plant|depot|depots|launchers?|facility|facilities|warehouse|storage|test|tests|program|programme|production)\b", re.IGNORECASE)


def _hints(d: _Draft) -> list[str]:
    mun, gen, plat, words = [], [], [], []
    for f in d.frames:
        for w in f.weapons:
            if not w.delivery:
                continue
            after = f.sentence.text[w.end - f.sentence.start : w.end - f.sentence.start + 24]
            if _TARGET_NOUN.match(after):
                continue  # "bombed a missile base": the missile is the target, not the means
            if w.generic:
                gen.append(w.delivery)
            elif w.weapon.role == "munition":
                mun.append(w.delivery)
            else:
                plat.append(w.delivery)
        words.extend(f.hints)
    return mun + gen + plat + words


_REPORTING = frozenset({"said", "says", "say", "stated", "states", "announced", "reported", "reports", "according to", "added", "told"})
_CLAIMABLE = frozenset({"strike", "interception", "battle", "territory_change"})


_OWN_FORCES = re.compile(
    r"\b(?:its|their|our|his) (?:own )?(?:forces|troops|units|army|military|air defen[cs]es?|soldiers|fighters|navy|fleet|drones|missiles)\b"
    r"|\b(?:said|says|stated|told|reported|announced) (?:\w+ ){0,3}?(?:that )?(?:it|they) (?:had |has |have )?"
    r"(?:taken|seized|captured|repelled|thwarted|destroyed|killed|shot down|downed|hit|retaken|recaptured|struck|sank|liberated)\b"
)
_FORCES_OF = re.compile(r"\b([A-Z][a-z]+) (?:forces|troops|units|soldiers|fighters|navy|drones|missiles)\b")


def _own_success(c: Claim, kind: str, sentence: str) -> Claim:
    """ "Russia's defence ministry said its forces had taken the town": a belligerent reporting its own
    forces' success makes a claim, not a neutral report."""
    if c.modality != "asserted" or (c.verb or "").lower() not in _REPORTING or kind not in _CLAIMABLE:
        return c
    if c.source_type not in ("military", "government", "intelligence"):
        return c
    if _OWN_FORCES.search(sentence):
        return replace(c, modality="claimed")
    # "Shoigu told Putin that Russian forces had taken Lysychansk": the speaker's side reports its gain
    info = classify_source(c.source)
    at = sentence.find(c.text) if c.text else -1
    if info is not None and info.side and at != -1 and kind == "territory_change":
        tail = sentence[at + len(c.text) :]
        if any(demonym_side(m.group(1)) == info.side for m in _FORCES_OF.finditer(tail)):
            return replace(c, modality="claimed")
    return c


def _same_source(a: str, b: str) -> bool:
    """ "The Air Force" and "Ukrainian Air Force" name one source."""
    info = classify_source(a)
    x = (info.name if info is not None else a).lower().removeprefix("the ")
    y = b.lower().removeprefix("the ")
    return x == y or x in y or y in x


def _voice_claim(d: _Draft, voice: Voice | None, attributed: bool) -> Claim | None:
    """The implicit author of a text in a publisher's own voice (triggers.json "voices")."""
    if voice is None or (voice.kinds and d.kind not in voice.kinds) or (attributed and not voice.alongside):
        return None
    info = classify_source(voice.source)
    st = next((f.stance for f in d.frames if f.stance.modality != "asserted"), d.frames[0].stance)
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


def _claims(d: _Draft, doc: Document, voice: Voice | None = None) -> list[Claim]:
    claims = _dedupe([_own_success(c.claim, d.kind, f.sentence.text) for f in d.frames for c in f.claims], lambda c: (c.source, c.verb))
    attributed = any(c.source_type != "unknown" for c in claims)
    implicit = _voice_claim(d, voice, attributed) if not doc.source else None
    if implicit is not None and not any(_same_source(c.source, implicit.source) for c in claims):
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


_OFFICE_NAMES = {"interior": "Ministry of Internal Affairs of {}", "defence": "Ministry of Defence of {}", "defense": "Ministry of Defence of {}", "foreign": "Ministry of Foreign Affairs of {}"}
_BARE_OFFICE = re.compile(r"(?i)^(?:the )?(interior|defen[cs]e|foreign) ministry$")


def _office_of(c: Claim, locations: list[Location]) -> Claim:
    """ "60 people were detained in Makhachkala, the interior ministry said": the ministry of the
    one country the event happened in."""
    m = _BARE_OFFICE.match(c.source)
    countries = {x.country for x in locations if x.country and x.role in ("site", "target")}
    if m is None or len(countries) != 1:
        return c
    forces = actor_for_side(next(iter(countries)))
    country = forces.name.rpartition(" of ")[2] if forces is not None and " of " in forces.name else None
    return replace(c, source=_OFFICE_NAMES[m.group(1).lower()].format(country)) if country else c


def _shared_claims(drafts: list[_Draft], claims: list[list[Claim]]) -> list[list[Claim]]:
    """An event no source is named for takes the sources of the nearest event of the passage
    (within two sentences): "A mob stormed the airport... 60 people were detained, the interior
    ministry said" attributes both events. Denials stay with the event they deny."""
    out = []
    for i, (d, own) in enumerate(zip(drafts, claims)):
        if any(c.source != "unknown" for c in own):
            out.append(own)
            continue
        near = sorted(
            (abs(e.first_index - d.first_index), j)
            for j, e in enumerate(drafts)
            if j != i and 0 <= e.first_index - d.first_index <= _MAX_GAP
        )
        lent = next(
            ([c for c in claims[j] if c.source != "unknown" and c.modality != "denied"] for _, j in near
             if any(c.source != "unknown" and c.modality != "denied" for c in claims[j])),
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


_DATE_PARTNERS = {("interception", "strike"), ("strike", "interception")}


def _sibling_date(d: _Draft, drafts: list[_Draft]):  # type: ignore[no-untyped-def]
    """The text date of the nearest event within two sentences (earlier first), for an event whose
    own sentences give none: "Air defence shot down 37 missiles" after "on 21 March, the enemy..."."""
    near = sorted(
        (0 if e.first_index <= d.first_index else 1, abs(e.first_index - d.first_index), n)
        for n, e in enumerate(drafts)
        if e is not d and 0 <= d.first_index - e.first_index <= _MAX_GAP and e.text_date() is not None and (d.kind, e.kind) in _DATE_PARTNERS
    )
    return drafts[near[0][2]].text_date() if near else None


def _date(d: _Draft, doc: Document, drafts: list[_Draft] | None = None) -> EventDate:
    td = d.text_date() or (_sibling_date(d, drafts) if drafts else None)
    if td is not None:
        end = td.end_date
        if doc.published is not None and td.start_date <= doc.published < end:
            end = doc.published  # "in February", reported on 27 February: nothing after the report
        return EventDate(
            start=td.start_date.isoformat(),
            end=end.isoformat(),
            precision=td.precision,
            basis="text",
            time_of_day=td.time_of_day,
            text=td.text,
        )
    if doc.published is None:
        return EventDate(start=None, end=None, precision=None, basis="published", time_of_day=None, text=None)
    iso = doc.published.isoformat()
    return EventDate(start=iso, end=iso, precision="day", basis="published", time_of_day=None, text=None)


def finish(drafts: list[_Draft], doc: Document) -> list[Event]:
    ids: dict[int, str] = {}
    for d in drafts:
        ids[id(d)] = Event.make_id(doc.id, d.frames[0].start, d.kind)
    events = []
    doc_specific = _doc_specific(drafts)
    voice = find_voice(doc.text.lower()) if drafts and not doc.source else None
    all_claims = _shared_claims(drafts, [[_office_of(c, _locations(d)) for c in _claims(d, doc, voice)] for d in drafts])
    for d, claims in zip(drafts, all_claims):
        locations = _locations(d)
        actors = _actors(d, locations)
        weapons = _weapons(d, doc_specific)
        quantities = _dedupe(
            [q for f in d.frames for q in (_quantity(d.kind, x, weapons) for x in f.quantities) if q.role not in _OTHER_EVENTS_ROLES.get(d.kind, ())]
            + _sibling_counts(d, drafts, weapons),
            lambda q: (q.item, q.role, q.value),
        )
        cas_mentions = [c for f in d.frames for c in f.casualties]
        casualties = _dedupe(
            [_casualty(d.kind, c) for c in cas_mentions if c.value > 0],
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
        date = _date(d, doc, drafts)
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
