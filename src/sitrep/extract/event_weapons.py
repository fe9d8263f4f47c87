"""Which weapons an event lists (tests/gold/README.md, "Weapons and quantities").

    frames' weapon mentions -> drop targets, defences and what "was not intercepted"
    -> add what the partner strike/interception says of them -> resolve "missiles"/"drones"
    to the one type the document names -> keep informative generic words -> de-duplicate

An attack partly shot down is two events: the strike lists every munition launched (also those its
interception names), the interception those shot down ("38 of them" after "44 Shahed drones").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol, cast

from sitrep.extract.frames import Frame
from sitrep.knowledge import WeaponMention, find_weapons, get_weapon
from sitrep.model import Weapon

MAX_GAP = 2  # sentences between an attack and its interception (assemble._MAX_GAP)


class Draft(Protocol):
    """The part of an event being assembled that weapon selection reads (assemble._Draft)."""

    kind: str
    frames: list[Frame]

    @property
    def first_index(self) -> int: ...


# generic weapon words worth listing when the text names no type (tests/gold/README.md);
# others ("missile", "air defence system", "warship") say nothing the event's kind does not
KEEP_GENERIC = frozenset(
    (
        "drone", "naval drone", "one-way attack drone", "fpv drone", "loitering munition", "cruise missile",
        "ballistic missile", "anti-ship missile", "hypersonic missile", "rocket", "thermobaric rocket", "artillery",
        "mortar", "glide bomb", "ied", "improvised explosive device", "landmine", "grenade", "tank",
    )
)
FAMILIES = ("drone", "missile", "bomb", "rocket", "artillery")
# kinds no weapon takes part in: a meeting "to provide F-16s" is not fought with them
_UNARMED = frozenset({"diplomacy", "personnel_change", "protest", "arrest"})
# "the landing ship Novocherkassk", "the frigate Admiral Makarov": a named vessel is the event's platform
_VESSELS = frozenset({"warship", "landing ship", "submarine"})
_NAMED_AFTER = re.compile(r"\s+[A-Z][a-z]")
# "The Kh-22s could not be intercepted": these weapons got through, they belong to the strike
_NOT_INTERCEPTED = re.compile(
    r"\b(?:(?:could|can|were|was|are|is|did|have|has)(?: not|n't)|never|failed to|unable to)"
    r"(?: be| been| have been)? (?:intercept|shoot down|shot down|down(?:ed)?\b|destroy)",
    re.IGNORECASE,
)
_INTERCEPT_WORDS = re.compile(r"\b(?:intercept\w*|shot down|shoot down|downed|destroyed by)\b", re.IGNORECASE)
# "against Ukrainian artillery systems", "drone attacks on tanks": a generic weapon word as the target
_AS_TARGET = re.compile(r"\b(?:against|targeting|targeted|at|on)\s+(?:(?:the|a|an|its|their|enemy|[A-Z][a-z]+)\s+){0,2}$")
_DEFENCE = ("air defence system", "surface-to-air missile", "MANPADS")
# "shelled Shebekino with multiple rocket launchers": a launcher named by its kind only says rockets were fired
_LAUNCHER_FIRES = {"multiple rocket launcher": "rocket"}
# "shipped ATACMS missiles to Ukraine, and Ukrainian forces have already used them to strike ...": the weapons named before
_USED_THEM = re.compile(r"\b(?:used|using|fired|firing|launched|launching|deployed)\s+(?:them|it|these|those)\b", re.IGNORECASE)
# "Moscow blamed Ukrainian shelling", "X accuses Russia of blowing it up; Russia says Ukraine shelled it":
# the means are one side's version of a disputed cause, so "shelled" does not make the weapon artillery
_CONTESTED_MEANS = re.compile(
    r"\bblam\w*\b[^.;]*\bshell|\baccus\w*\b[^.]*;[^.]*\b(?:says?|said|claims?|claimed)\b[^.;]*\bshell", re.IGNORECASE
)


def _mentions(f: Frame) -> list[WeaponMention]:
    return cast("list[WeaponMention]", list(f.weapons))


def _family(w: Weapon) -> str | None:
    text = f"{w.category or ''} {w.name}".lower()
    return next((f for f in FAMILIES if f in text), None)


def _units(f: Frame) -> list[tuple[Weapon, ...]]:
    """The named weapons of a frame, a slash group ("Kh-101/Kh-555") as one unit."""
    s = f.sentence
    out: list[list[Weapon]] = []
    prev = None
    for w in _mentions(f):
        if w.generic:
            prev = None
            continue
        if prev is not None and s.text[prev.end - s.start : w.start - s.start] == "/":
            out[-1].append(w.weapon)
        else:
            out.append([w.weapon])
        prev = w
    return [tuple(u) for u in out]


def doc_weapons(drafts: Sequence[Draft]) -> dict[str, list[tuple[Weapon, ...]]]:
    """Named munitions of the whole document by family ("drone": [(Shahed-136,)]), a slash group as one."""
    out: dict[str, list[tuple[Weapon, ...]]] = {}
    for d in drafts:
        for f in d.frames:
            for unit in _units(f):
                if any(w.role == "system" for w in unit):
                    continue
                fam = _family(unit[0])
                names = [tuple(x.name for x in u) for u in out.get(fam or "", [])]
                if fam and tuple(w.name for w in unit) not in names:
                    out.setdefault(fam, []).append(unit)
            for m in _mentions(f):  # "one of 20 cruise missiles": the types the text names without a model
                fam = _family(m.weapon)
                key = f"generic {fam}"
                if m.generic and fam and m.weapon.name in KEEP_GENERIC and m.weapon.name not in [u[0].name for u in out.get(key, [])]:
                    out.setdefault(key, []).append((m.weapon,))
    return out


def _counted(f: Frame, roles: tuple[str | None, ...]) -> list[Weapon]:
    """Named weapons a frame counts with one of ``roles`` ("downed 38 of them" after 44 Shaheds)."""
    out = []
    for q in f.quantities:
        if q.role not in roles or not q.item:
            continue
        for part in q.item.split("/"):
            entry = get_weapon(part)
            if entry is not None and not entry.generic:
                out.append(entry.weapon(part))
    return out


_PARTNER_WINDOW = 6  # drafts either side searched for a partner event (no scan of a whole long document)


def _partner_weapons(d: Draft, drafts: Sequence[Draft]) -> list[Weapon]:
    """Weapons a partner event's sentences give this one: to a strike, the munitions its interception names
    (shot down, launched or not intercepted: all were launched); to an interception, those a strike's
    sentence lists after the count shot down ("57 were destroyed: 18 Kh-101 cruise missiles, 39 Shaheds")."""
    out: list[Weapon] = []
    other = {"strike": "interception", "interception": "strike"}.get(d.kind)
    if other is None or d not in drafts:
        return out
    i = drafts.index(d)
    near = drafts[max(0, i - _PARTNER_WINDOW) : i + _PARTNER_WINDOW + 1]  # drafts come in text order
    mine = [x for x in near if x.kind == d.kind]
    for e in near:
        if e is d or e.kind != other or abs(e.first_index - d.first_index) > MAX_GAP:
            continue
        if min(mine, key=lambda x: (abs(x.first_index - e.first_index), x.first_index > e.first_index)) is not d:
            continue  # the partner pairs with the nearest event of this kind (the wave just before it)
        for f in e.frames:
            if d.kind == "strike":  # what was shot down or got through was launched
                out += [w.weapon for w in _mentions(f) if not w.generic and w.weapon.role == "munition"]
                out += _counted(f, ("launched", "hit"))
                continue
            downed = [q.end for q in f.quantities if q.role == "intercepted"]
            if downed:
                out += [w.weapon for w in _mentions(f) if not w.generic and w.start >= min(downed)]
    return out


def _own_mentions(d: Draft) -> list[tuple[Weapon, bool, Frame, WeaponMention]]:
    out = []
    for f in d.frames:
        s = f.sentence
        negated = d.kind == "interception" and bool(_NOT_INTERCEPTED.search(s.text))
        for w in _mentions(f):
            if negated:
                continue  # "Iskander-M and Kinzhal missiles were not intercepted"
            before = s.text[max(0, w.start - s.start - 40) : w.start - s.start]
            if w.generic and d.kind != "interception" and w.weapon.name not in _VESSELS and _AS_TARGET.search(before):
                continue
            if d.kind == "strike" and w.weapon.category in _DEFENCE and _INTERCEPT_WORDS.search(s.text):
                continue  # "all ten were destroyed by the Patriot system": the defence, not the attack
            out.append((w.weapon, w.generic, f, w))
    return out


def event_weapons(
    d: Draft,
    doc_specific: dict[str, list[tuple[Weapon, ...]]] | None = None,
    drafts: Sequence[Draft] = (),
    hints: Callable[[], list[str]] = list,
) -> list[Weapon]:
    """The event's weapons: named systems, generic words worth listing (``KEEP_GENERIC``), what a partner
    strike or interception says of them, and "missiles"/"drones" resolved to the one type the text names."""
    if d.kind in _UNARMED:
        return []
    ws = _own_mentions(d)
    specific = [w for w, g, _, _ in ws if not g] + _partner_weapons(d, drafts)
    if d.kind == "interception":
        specific += _counted_own(d)
    out = list(specific)
    for w, g, f, m in ws:
        if not g:
            continue
        name = w.name.lower()
        fam = _family(w)
        units = [u for u in (doc_specific or {}).get(fam or "", []) if name in ("drone", "missile") or name in (u[0].category or "")]
        if any(fam and fam in f"{s.category} {s.name}".lower() and (s.role != "system" or w.role == "system") for s in specific):
            continue  # "Shahed drones": the Shahed says it (a launcher does not name its rockets)
        # "38 drones downed" after "44 Shahed drones"; an interception's "all 12 missiles" after "12 Kh-101/Kh-555
        # cruise missiles" (a strike's bare "missiles" may be a wider, mixed wave)
        if fam and len(units) == 1 and (name in ("drone", "cruise missile") or d.kind == "interception" and name in ("missile", "ballistic missile")):
            out += units[0]
            continue
        types = (doc_specific or {}).get(f"generic {fam}", [])
        if name == "missile" and d.kind == "strike" and not units and len(types) == 1:
            out += types[0]  # "A Russian missile hit Uman ... one of at least 20 cruise missiles"
            continue
        fired = _LAUNCHER_FIRES.get(name)
        if fired and d.kind == "strike":
            out += [x.weapon for x in find_weapons(fired) if x.generic][:1]
            continue
        vessel = name in _VESSELS and _NAMED_AFTER.match(f.sentence.text, m.end - f.sentence.start) is not None
        if not vessel and (name not in KEEP_GENERIC or (d.kind not in ("strike", "interception") and name in ("artillery", "tank"))):
            continue
        if vessel and d.kind not in ("strike", "interception"):
            continue
        out.append(w)
    if d.kind == "strike" and not out:
        out += _used_them(d)
    if d.kind == "strike" and not out and not any(_CONTESTED_MEANS.search(f.sentence.text) for f in d.frames):
        said = hints()
        generic = {"artillery": "artillery", "drone": "drone"}.get(said[0]) if said else None
        if generic:
            out += [m.weapon for m in find_weapons(generic) if m.generic][:1]  # "shelled": artillery
    return _first_of_each(out)


def _used_them(d: Draft) -> list[Weapon]:
    """ "shipped ATACMS missiles ..., and Ukrainian forces have used them to strike an airfield": the munitions
    the same sentence names before the pronoun."""
    for f in d.frames:
        s = f.sentence
        m = _USED_THEM.search(s.text, max(0, f.start - s.start))
        if m is None or (f.trigger is not None and m.start() > f.trigger.start - s.start):
            continue
        earlier = [w for w in find_weapons(s.text[: m.start()]) if not w.generic and w.weapon.role == "munition"]
        if earlier:
            return [earlier[-1].weapon]
    return []


def _first_of_each(ws: list[Weapon]) -> list[Weapon]:
    seen: set[str] = set()
    out = []
    for w in ws:
        if w.name not in seen:
            seen.add(w.name)
            out.append(w)
    return out


def _counted_own(d: Draft) -> list[Weapon]:
    """Named weapons an interception counts without naming them ("Air defence destroyed 74 of them")."""
    return [
        w
        for f in d.frames
        if not any(m.weapon.role != "system" for m in _mentions(f))  # a count of weapons the sentence names is theirs
        for w in _counted(f, ("intercepted", "destroyed", None))
    ]


__all__ = ["FAMILIES", "KEEP_GENERIC", "doc_weapons", "event_weapons"]
