"""Who did it to whom: an event's actors from its frames, its places and its neighbours.

The frames name the actors the text names ("Russian forces", "the RSF", "Zelensky"); this module
completes them the way an analyst codes ACLED actors (tests/gold/README.md, "Actors"):

- a speaker whose pronoun acts is the party ("Hezbollah says it launched drones", "the SBU said it
  had detained ...");
- strikes: the attacker as initiator, inferred when unstated (the adversary of a named target,
  "the enemy", "the junta responded with air strikes", the attacker of a neighbouring strike, the
  opposing state of the country hit); one attacking side (the one that owns the weapons);
  "Civilians (X)" as target when civilians are hurt or homes hit and no armed target is named, the
  other side's forces when a military object, refinery or named launcher is hit ("shelled army
  positions", "struck a Russian S-300 launcher");
- interceptions: the defender as initiator (the country it happens over, or the side the
  neighbouring strike hit), the attacker as target;
- battles and territory changes: the side that loses ground or is attacked as target (a rebel
  capture at home is taken from that state's forces);
- violence against civilians, looting: "Civilians (X)" as target; protests, riots, arrests:
  "Protesters (X)", "Rioters (X)", "Police Forces of X"; the detained as "Civilians (X)" or, where a
  crowd is named, "Protesters (X)";
- diplomacy: the governments of the countries that take part.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sitrep.extract.frames import ActorAt, Frame
from sitrep.knowledge import actor_for_side, classify_source, demonym_side, find_actors
from sitrep.knowledge.actors import adversary_of, alliance_members, group_adversary, load_actors, opposed
from sitrep.model import Actor, Location

_VIOLENT = frozenset({"strike", "interception", "battle", "territory_change", "violence_against_civilians", "looting"})
_STATE = frozenset({"state_forces"})
_ARMED = frozenset({"state_forces", "rebel_group", "political_militia", "identity_militia", "external"})
# "the Air Force said its forces ...", "the RSF said they had taken ...", "the military said it had lost ...":
# the speaker is the party
_ITS_FORCES = re.compile(
    r"\b(?:its|their|our)\s+(?:own\s+)?(?:forces|troops|units|soldiers|fighters|army|military|defenders|drones|air\s+defen[cs]es?)\b"
    r"|\b(?:it|they|we)\s+(?:(?P<aux>had|has|have|was|were)\s+)?(?:\w+ly\s+)?(?:also\s+)?(?P<verb>taken|captured|seized|retaken|recaptured"
    r"|liberated|killed|destroyed|repelled|repulsed|thwarted|beaten back|beat back|fended off|striking|struck|attacked|shot|downed"
    r"|intercepted|lost|withdrawn|pulled|retreated|abandoned|launched|fired|shelled|bombed|targeted|hit|sank|detained|arrested"
    r"|overrun|overran|stormed|responded|retaliated|raided|ambushed)\b",
    re.IGNORECASE,
)
_SAID_THEN = re.compile(r"\s*,?\s*(?:\w+\s+){0,3}?(?:said|says|claimed|claims|announced|reported|stated|added)(?:\s+that)?\s+", re.IGNORECASE)
_LOSING = frozenset({"lost", "withdrawn", "pulled", "retreated", "abandoned"})
# "the army said it had beaten back an RSF offensive": the speaker was attacked
_DEFENDING = frozenset({"repelled", "repulsed", "thwarted", "beaten back", "beat back", "fended off"})
# "with the help of the United States, Britain and Jordan": allies of the side that acts
_ALLIES = re.compile(r"\b(?:with the (?:help|support|assistance) of|helped by|alongside|together with)\s+([^.;]+)", re.IGNORECASE)
_QUALIFIER_AFTER = re.compile(r"^-(?:made|built|supplied|designed|produced|manufactured|linked|backed|affiliated|aligned|allied|installed|controlled|held|occupied)\b")
_PLACE_NOUN_AFTER = re.compile(r"^\s+(?:city|cities|towns?|villages?|regions?|border|territory|soil|airspace|side)\b", re.IGNORECASE)
# a force named without a side: "the army withdrew", "junta troops", "killed 15 soldiers", "Police used"
_BARE_FORCE = re.compile(
    r"(?<![\w-])(?:(?P<junta>junta)(?:\s+(?:troops|forces|soldiers))?|(?:the\s+)?(?:army|military|troops|soldiers|servicemen)"
    r"|(?P<police>police|riot police|security forces))(?![\w-])",
    re.IGNORECASE,
)
_BARE_NOT_PARTY = re.compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:said|say|says|told|reported|base|bases|post|posts|checkpoint|camp|barracks|officers?|spokes\w+|chief|commanders?|vehicles?|convoy)\b",
    re.IGNORECASE,
)
_BARE_NOT_ACTING = re.compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:said|say|says|told|reported|called|calls|described|confirmed|denied|claimed|announced|added|stated|spokes\w+|chief|officers?|administrations?|command|intelligence"
    r"|authorities|officials?|leadership|government|council|court|prosecutors?|governor|hospital|analysts?|bloggers?|experts?)\b",
    re.IGNORECASE,
)
_SIDE_WORD = re.compile(r"([A-Z][\w.-]*(?:['’]s)?)\s*$")
_PLATFORM_CONTEXT = re.compile(r"\b(?:from|by|aboard|with|using)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_SPEAKER_AFTER = re.compile(
    r"^,?\s+(?:[\w'’-]+\s+){0,8}?(?:said|says|stated|states|told|reported|reports|claimed|claims|wrote|added|announced|blamed|blames"
    r"|accused|accuses|denied|denies|did not (?:immediately )?comment|has not commented|declined to comment)\b"
)
_SPEAKER_BEFORE = re.compile(r"(?:according to|said|says)\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}$", re.IGNORECASE)
_ADDRESSEE_BEFORE = re.compile(r"\b(?:told|informed|briefed|reported to)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}$")
_OCCUPIED = re.compile(r"\b(?:occupied|[A-Z]\w+-(?:controlled|held|installed|occupied))\b")
_REMOTE_WEAPONS = re.compile(r"\b(?:landmine|mine|ied|explosive device|truck bomb|car bomb)s?\b", re.IGNORECASE)
_MAX_GAP = 2
_TALKERS = re.compile(r"\b(?:officials?|diplomats?|lawmakers|spokes\w+|ministry|presidential office)$", re.IGNORECASE)
_ATTACKS_AFTER = re.compile(
    r"^\s+(?:(?:have|has|had|were|was)\s+)?(?:\w+ly\s+)?(?:attacked|assaulted|stormed|advanced|launched|pushed|shelled|captured|seized|took|entered"
    r"|broke through|used|fired|struck|hit|bombed|targeted|pounded|shot down|downed|intercepted|destroyed)\b",
    re.IGNORECASE,
)
# "repelled a Russian attack", "thwarted a Ukrainian offensive": the side whose attack it was
_ATTACK_NOUN_AFTER = re.compile(
    r"^\s+(?:[a-z-]+\s+)?(?:attacks?|assaults?|offensives?|counteroffensives?|counter-offensives?|counterattacks?|counter-attacks?"
    r"|advances?|raids?|incursions?|breakthrough attempts?|assault groups?)\b",
    re.IGNORECASE,
)
_DEMONYM_ATTACK = re.compile(
    r"\b([A-Z][a-z]+)(?=\s+(?:[a-z-]+\s+)?(?:attacks?|assaults?|offensives?|counteroffensives?|counter-offensives?|counterattacks?"
    r"|counter-attacks?|advances?|raids?|incursions?|assault groups?)\b)"
)
# "Ukrainian shelling killed two", "Israeli air strikes on Rafah": the side whose strike it was
_STRIKE_NOUN_AFTER = re.compile(
    r"^\s+(?:[a-z-]+\s+)?(?:shelling|shellfire|bombardments?|bombings?|strikes?|airstrikes?|air\s+strikes?|air\s+raids?|barrages?)\b",
    re.IGNORECASE,
)
# "clashes between the army and the RSF": both sides fight
_BETWEEN = re.compile(r"\bbetween\s+((?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,4}?)\s+and\s+", re.IGNORECASE)
_GROUP_ANAPHOR = re.compile(r"\b(?:the|this|that)\s+(?:group|militants|militia|rebels|movement|insurgents|jihadists)\b", re.IGNORECASE)
_EMBASSY_AFTER = re.compile(r"^\s+(?:embassy|consulate|mission|flags?|diplomatic)\b", re.IGNORECASE)
_LAUNCHES_AFTER = re.compile(r"^\s+(?:(?:has|had|have)\s+)?(?:\w+ly\s+)?(?:fired|launched|sent|used)\b", re.IGNORECASE)
_REPELS_AFTER = re.compile(
    r"^\s+(?:(?:have|has|had)\s+)?(?:\w+ly\s+)?(?:repelled|repulsed|thwarted|fended off|beat back|held off|stopped)\b", re.IGNORECASE
)
_DEATH_TOLL = re.compile(r"\bdeath toll\b", re.IGNORECASE)
_FOR_WHOM = re.compile(r"\b(?:to|for|with|from|on behalf of|working for|spying for)\s+(?:the\s+)?\Z", re.IGNORECASE)
# force used on a crowd (not mere detentions), reported in the sentence of the arrests that followed
_POLICE_FORCE = re.compile(
    r"\b(?:riot )?police(?: officers)?\s+(?:\w+\s+){0,3}?(?:used|fired|beat|dispersed|clashed|charged|broke up|cleared)\b", re.IGNORECASE
)
_CROWD = re.compile(r"\b(?:protesters|protestors|demonstrators|marchers|rally|rallies|protest|protests)\b", re.IGNORECASE)
_STORAGE_TANKS = re.compile(r"\b(?:fuel|oil|water|gas|petrol|storage)\s+\Z", re.IGNORECASE)
_DETAINED_CIVILIAN = re.compile(
    r"\b(?:detain\w*|arrest\w*|abduct\w*|rounded up|took into custody)\s+(?:(?:a|an|the|two|three|four|five|six|seven|eight|nine|ten|\d+"
    r"|several|dozens of|local|young|elderly|former|prominent|female|male|civilian|[\w-]+-year-old)\s+)*(?:residents?|man|men|woman|women"
    r"|journalists?|reporters?|civilians?|people|persons?|activists?|bloggers?|teachers?|priests?|students?|volunteers?|citizens?"
    r"|villagers?|farmers?|pensioners?|teenagers?|boys?|girls?)\b",
    re.IGNORECASE,
)
_POLICE_ACTS = re.compile(
    r"\b(?:riot )?police(?: officers)?\s+(?:\w+\s+)?(?:used|fired|beat|dispersed|detained|arrested|clashed|attacked|charged|broke up)\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Neighbour:
    """Another event of the same passage, as far as actor inference needs it."""

    kind: str
    distance: int  # sentences from this event's first one (negative: before it)
    frames: tuple[Frame, ...]
    locations: tuple[Location, ...]


def _span(f: Frame) -> str:
    s = f.sentence
    return s.text[f.start - s.start : f.end - s.start]


def _text(frames: Sequence[Frame]) -> str:
    return " ".join(_span(f) for f in frames)


def _speaker(f: Frame, a: ActorAt) -> bool:
    """ "Kharkiv mayor Ihor Terekhov said", "according to governor X": a source, not a party."""
    s = f.sentence
    after = s.text[a.end - s.start : a.end - s.start + 60]
    before = s.text[max(0, a.start - s.start - 60) : a.start - s.start]
    if _SPEAKER_AFTER.match(after) or _ADDRESSEE_BEFORE.search(before):
        return True  # "Shoigu told President Vladimir Putin that ...": the one told is no party either
    return bool(_SPEAKER_BEFORE.search(before) and re.match(r"\s*(?:[,.;)]|$)", after))


def _owns_weapon(f: Frame, a: ActorAt) -> bool:
    """ "Ukrainian drones", "a Russian A-50": a bare demonym qualifies a weapon that follows it
    ("Ukrainian air defences destroyed 14 missiles" is a force that acts, not a weapon's owner)."""
    if len(a.actor.text.split()) != 1:
        return False
    s = f.sentence
    for w in f.weapons:
        if w.start < a.end:  # type: ignore[attr-defined]
            continue  # a weapon before the name is not one it qualifies
        gap = s.text[a.end - s.start : w.start - s.start]  # type: ignore[attr-defined]
        if 0 <= len(gap) <= 30 and re.fullmatch(r"[\s\w/-]*", gap) and len(gap.split()) <= 2 and not re.search(r"\w(?:ed|s)\b", gap):
            return True
    return False


def _hit_object(f: Frame, w: object) -> bool:
    """A launcher, air-defence system or aircraft named after the strike's verb, not as its means
    ("struck a Russian S-300 launcher" — not "fired from Tu-95MS bombers", "with HIMARS")."""
    weapon = getattr(w, "weapon", None)
    if f.trigger is None or weapon is None or getattr(w, "generic", True) or weapon.role not in ("system", "platform"):
        return False  # "air defence equipment" is no named object
    if w.start < f.trigger.end:  # type: ignore[attr-defined]
        return False
    s = f.sentence
    return not _PLATFORM_CONTEXT.search(s.text[max(0, w.start - s.start - 40) : w.start - s.start])  # type: ignore[attr-defined]


def _defending_platform(f: Frame, w: object) -> bool:
    """A named ship, aircraft or air-defence system before an interception's verb: the one that intercepts."""
    weapon = getattr(w, "weapon", None)
    return f.trigger is not None and weapon is not None and weapon.role in ("system", "platform") and w.start < f.trigger.start  # type: ignore[attr-defined]


def _weapon_owners(kind: str, f: Frame) -> list[ActorAt]:
    """ "Ukrainian naval drones", "a Russian A-50": the side a demonym in front of a weapon names."""
    if kind not in ("strike", "interception"):
        return []
    s = f.sentence
    out = []
    taken = [(a.start, a.end) for a in f.actors]
    for w in f.weapons:
        before = s.text[max(0, w.start - s.start - 40) : w.start - s.start]  # type: ignore[attr-defined]
        m = re.search(r"\b([A-Z][\w.]*(?:-[A-Z][\w]*)?)\s+(?:[a-z][\w-]*\s+){0,2}$", before)
        if m is None:
            continue
        side = demonym_side(m.group(1))
        start = w.start - len(before) + m.start(1)  # type: ignore[attr-defined]
        if side is None or any(a <= start < b for a, b in taken) or m.group(1) in ("Kyiv", "Moscow", "Kiev"):
            continue
        defends = kind == "interception" and _defending_platform(f, w)  # "a British destroyer shot down nine drones"
        role = "initiator" if defends else "target" if kind == "interception" or _hit_object(f, w) else "initiator"
        out.append(ActorAt(replace(actor_for_side(side), text=m.group(1), role=role), start, start + len(m.group(1))))
        taken.append((start, start + len(m.group(1))))
    return out


def _attack_owners(kind: str, f: Frame) -> list[ActorAt]:
    """ "repelled a Russian assault", "beat back a Ukrainian counteroffensive": the side whose attack it was."""
    if kind not in ("battle", "territory_change"):
        return []
    s = f.sentence
    span = _span(f)
    taken = [(a.start, a.end) for a in f.actors]
    out = []
    for m in _DEMONYM_ATTACK.finditer(span):
        side = demonym_side(m.group(1))
        start = f.start + m.start(1)
        if side is None or any(a <= start < b for a, b in taken) or m.group(1) in ("Kyiv", "Moscow", "Kiev"):
            continue
        end = start + len(m.group(1))
        out.append(ActorAt(replace(actor_for_side(side), text=s.text[start - s.start : end - s.start], role="initiator"), start, end))
    return out


def _own(kind: str, frames: Sequence[Frame]) -> list[Actor]:
    """The actors the frames name, de-duplicated; speakers, qualifiers and alliances resolved."""
    by_name: dict[str, Actor] = {}
    for f in frames:
        s = f.sentence
        for at in [*f.actors, *_weapon_owners(kind, f), *_attack_owners(kind, f)]:
            a = at.actor
            after = s.text[at.end - s.start : at.end - s.start + 30]
            if _QUALIFIER_AFTER.match(after) or (a.type in _STATE and not at.actor.text.lower().endswith(("forces", "troops")) and _PLACE_NOUN_AFTER.match(after)):
                continue  # "Czech-made launchers", "Wagner-linked Africa Corps", "the Russian city of Belgorod"
            if kind in _VIOLENT and a.type != "civilians" and _speaker(f, at):
                continue
            if kind in _VIOLENT and a.type == "government" and _TALKERS.search(at.actor.text):
                continue  # "Ukrainian officials did not confirm": people who speak about it, not a party
            if kind == "arrest" and a.role == "target" and a.type in _ARMED and _FOR_WHOM.search(s.text, 0, at.start - s.start):
                continue  # "detained two residents passing positions to Russian military intelligence": who they served
            if a.type in _STATE and re.search(r"['’]s$", at.actor.text) and re.match(r"\s+(?:[a-z-]+\s+){0,2}[A-Z]", after):
                continue  # "Sudan's paramilitary Rapid Support Forces", "Yemen's Houthis": the group is the party
            if kind == "interception" and a.type in _ARMED and _owns_weapon(f, at):
                owned = [w for w in f.weapons if 0 <= w.start - at.end <= 30]  # type: ignore[attr-defined]
                if not (owned and _defending_platform(f, owned[0])):  # "a British destroyer shot down": the defender
                    a = replace(a, role="target")  # "destroyed two Ukrainian drones": the attacker
            elif kind == "strike" and a.type in _ARMED and _owns_weapon(f, at):
                owned = [w for w in f.weapons if 0 <= w.start - at.end <= 30]  # type: ignore[attr-defined]
                hit = bool(owned) and _hit_object(f, owned[0])
                a = replace(a, role="target" if hit else "initiator")  # "a Russian missile hit": the attacker
            if kind == "interception" and a.type in _ARMED and _LAUNCHES_AFTER.match(after):
                a = replace(a, role="target")  # "the 41 missiles Russia fired at Ukraine were brought down": the attacker
            elif kind in ("battle", "territory_change", "strike", "interception") and a.type in _ARMED:
                if _ATTACKS_AFTER.match(after) or _ATTACK_NOUN_AFTER.match(after) or (kind == "strike" and _STRIKE_NOUN_AFTER.match(after)):
                    a = replace(a, role="initiator")  # "as Russian forces assaulted ...", "repelled a Russian attack"
                elif _REPELS_AFTER.match(after):
                    a = replace(a, role="target")  # "Ukrainian forces repelled a Russian assault": the attacked side
            for m in alliance_members(a) or [a]:
                cur = by_name.get(m.name)
                if cur is None or (cur.role != "initiator" and m.role == "initiator"):
                    by_name[m.name] = m
    out = list(by_name.values())
    sides = {a.side for a in out if a.side}
    if len(sides) == 1:
        side = next(iter(sides))
        out = [replace(a, side=side) if a.side is None and a.type == "person" else a for a in out]
    return out


def _countries(locations: Sequence[Location]) -> list[str]:
    return list(dict.fromkeys(x.country for x in locations if x.role in ("site", "target", None) and x.country))


def _country(locations: Sequence[Location], neighbours: Sequence[Neighbour] = ()) -> str | None:
    """Where it happened: the first country of the event's places, else of the nearest neighbour's."""
    own = _countries(locations)
    if own:
        return own[0]
    for n in sorted(neighbours, key=lambda n: abs(n.distance)):
        there = _countries(n.locations)
        if there:
            return there[0]
    return None


def _add(out: list[Actor], actor: Actor | None, role: str) -> None:
    if actor is not None and all(a.name != actor.name for a in out):
        out.append(replace(actor, text="", role=role))


def _forces(side: str | None, kind: str = "military") -> Actor | None:
    return actor_for_side(side, kind) if side else None


def _source_actor(source: str, loose: bool = True) -> Actor | None:
    """The armed actor a claim source speaks for: "Rapid Support Forces" -> the RSF; "the Ukrainian
    Air Force" -> Military Forces of Ukraine; "U.S. Central Command" -> Military Forces of the United States."""
    if not source or source == "unknown":
        return None
    named = [m.actor for m in find_actors(source) if m.actor.type in _ARMED]
    if named:
        return named[0]
    info = classify_source(source)
    side = info.side if info is not None else None
    if side is None and " of " in source:
        side = demonym_side(source.rpartition(" of ")[2])  # "Government of the United States"
    if side is None and loose:
        words = re.findall(r"[A-Z][\w.]*", source)
        side = next((demonym_side(w) for w in [words[0], words[-1]] if demonym_side(w)), None) if words else None
    return _forces(side)


def _speaker_side(frames: Sequence[Frame], kind: str = "") -> tuple[Actor, str] | None:
    """The actor behind "its forces" / "it had lost", with its role: the source of the frame's claim
    ("Russia's Defence Ministry said its forces..." -> Military Forces of Russia, initiator)."""
    for f in frames:
        m = _ITS_FORCES.search(_span(f))
        if m is None:
            continue
        verb = (m.group("verb") or "").lower()
        passive = (m.group("aux") or "").lower() in ("was", "were") and not verb.endswith("ing")
        role = "target" if verb in _LOSING or verb in _DEFENDING or passive else "initiator"  # "it was hit": the speaker took it
        if kind == "interception" and verb in _DEFENDING:
            role = "initiator"  # "the RSF said they had repelled ... and shot down a drone": the defender intercepts
        for c in f.claims:
            if c.end > f.start + m.start():
                continue  # the pronoun refers back to a speaker named before it
            actor = _source_actor(c.claim.source, loose=False)
            first = re.match(r"(?:the\s+)?([A-Z][\w.]*)\s+(?:[A-Z]\w*\s+)*(?:Command|Forces|Army|Navy|Air Force|Military)\b", c.claim.source)
            if actor is None and first and demonym_side(first.group(1)):  # "U.S. Central Command said its forces"
                actor = _forces(demonym_side(first.group(1)))
            if actor is not None:
                return actor, role
        pronoun = f.start + m.start()
        for a in f.actors:  # "Houthi rebels claimed they hit the MV Tutor": a speaker the claims did not catch
            if a.end <= pronoun and a.actor.type in _ARMED and _SAID_THEN.fullmatch(f.sentence.text[a.end - f.sentence.start : pronoun - f.sentence.start]):
                return replace(a.actor, role=role), role
    return None


def _voice(claims: Sequence[object]) -> str | None:
    """The side of the event's sources ("Ukrainian Air Force" -> UA): whose "enemy" the text means."""
    for c in claims:
        actor = _source_actor(getattr(c, "source", ""))
        if actor is not None and actor.side:
            return actor.side
    return None


def _allies(frames: Sequence[Frame]) -> list[Actor]:
    """ "intercepted with the help of the United States, Britain and Jordan": those countries' forces."""
    out = []
    for f in frames:
        for m in _ALLIES.finditer(_span(f)):
            for w in re.findall(r"(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*", m.group(1)):
                side = demonym_side(w)
                if side:
                    out.append(actor_for_side(side))
    return out


def _bare_forces(frames: Sequence[Frame], country: str | None) -> list[Actor]:
    """ "the army withdrew", "junta troops", "Police used pepper spray": the forces of the country
    the event happens in, when nothing in front of the noun names another side."""
    if country is None:
        return []
    out = []
    for f in frames:
        span = _span(f)
        taken = [(a.start - f.start, a.end - f.start) for a in f.actors]
        for m in _BARE_FORCE.finditer(span):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if _BARE_NOT_PARTY.match(span, m.end()):
                continue  # "police said", "an army base": a speaker or a place, not a party
            side_word = _SIDE_WORD.search(span, 0, m.start())
            if side_word and demonym_side(side_word.group(1)):
                continue
            if re.search(r"\b(?:its|their|our|his|her)\s+$", span[: m.start()]):
                continue
            out.append(_forces(country, "police" if m.group("police") else "military"))
    return [a for a in out if a is not None]


def _with_speaker(out: list[Actor], frames: Sequence[Frame], acting: frozenset[str] = _ARMED, kind: str = "") -> list[Actor]:
    """ "Hezbollah says it launched drones", "the SBU said it had detained two residents": the speaker
    is the party its pronoun stands for, when the frames name no one else in that role."""
    found = _speaker_side(frames, kind)
    if found is None:
        return out
    speaker, role = found
    same_role = [a for a in out if a.role == role and a.type in acting]
    owned = next((m for f in frames if (m := _ITS_FORCES.search(_span(f)))), None)
    joint = owned is not None and owned.group(0).lower().startswith(("its ", "their ", "our ")) and re.match(r"\s+and\b", _span(frames[0])[owned.end() :])
    if (same_role and not (joint and not any(opposed(a, speaker) for a in same_role))) or any(a.name == speaker.name for a in out):
        return out  # "said its forces and a British destroyer shot down nine drones": both act
    out = list(out)
    for m in alliance_members(speaker) or [speaker]:  # "the shadow government said its drones": its armed wing
        _add(out, m, role)
    return out


def _bare_forces_at(frames: Sequence[Frame], country: str | None) -> list[tuple[Actor, bool]]:
    """ "The military hit back with air strikes", "shelled army positions": the home country's forces,
    and whether they come before the frame's trigger (the one that acts) or after it (the one hit)."""
    if country is None:
        return []
    out = []
    for f in frames:
        span = _span(f)
        taken = [(a.start - f.start, a.end - f.start) for a in f.actors]
        if f.trigger is None:
            continue
        trig = f.trigger.start - f.start
        for m in _BARE_FORCE.finditer(span):
            if any(s < m.end() and m.start() < e for s, e in taken) or m.group("police"):
                continue
            if _BARE_NOT_ACTING.match(span, m.end()) or re.search(r"[A-Z][\w.-]*\s+$", span[: m.start()]) and m.group(0)[0].isupper():
                continue  # "the army said", "the regional military administration", "Kherson Oblast Military Administration"
            side_word = _SIDE_WORD.search(span, 0, m.start())
            if (side_word and demonym_side(side_word.group(1))) or re.search(r"\b(?:its|their|our|his|her)\s+$", span[: m.start()]):
                continue
            forces = _forces(country)
            if forces is not None:
                out.append((forces, m.start() < trig))
    return out


def _group_home(neighbours: Sequence[Neighbour], out: Sequence[Actor]) -> str | None:
    """Where an event with no place happens: the home of a local armed group it or a near neighbour
    names ("Arakan Army fighters overran a junta outpost ... The military hit back": Myanmar)."""
    groups = [*out, *(a for n in neighbours if abs(n.distance) <= _MAX_GAP for a in _own(n.kind, n.frames))]
    return next((a.side for a in groups if a.type in _ARMED and a.type not in _STATE and a.side), None)


def _neighbour_initiator(neighbours: Sequence[Neighbour], kinds: frozenset[str], voice: str | None = None) -> Actor | None:
    """The attacker of the nearest strike of the passage (earlier first)."""
    for n in sorted(neighbours, key=lambda n: (abs(n.distance), n.distance > 0)):
        if n.kind not in kinds or abs(n.distance) > _MAX_GAP:
            continue
        own = _own(n.kind, n.frames)
        if n.kind in ("strike", "interception"):
            own = _with_speaker(own, n.frames[:1])  # "the shadow government said its drones attacked"
        inferred = _strike(own, n.frames, n.locations, (), voice) if n.kind == "strike" else own
        found = next((a for a in inferred if a.role == "initiator" and a.type in _ARMED), None)
        if found is not None:
            return found
    return None


def _group_antecedent(text: str, neighbours: Sequence[Neighbour]) -> Actor | None:
    """ "Hamas gunmen infiltrated ..., while the group fired rockets": the armed group an anaphor
    ("the group", "the militants") refers back to, named by an earlier event of the passage."""
    if not _GROUP_ANAPHOR.search(text):
        return None
    for n in sorted((n for n in neighbours if -_MAX_GAP <= n.distance <= 0), key=lambda n: -n.distance):
        found = next((a for a in _own(n.kind, n.frames) if a.type in _ARMED and a.type not in _STATE), None)
        if found is not None:
            return found
    return None


def _object_side(text: str, rx: re.Pattern[str]) -> tuple[bool, str | None]:
    """Does the text name an object of this class as hit, and whose is it ("Russian airfields")?"""
    for m in rx.finditer(text):
        if _PLATFORM_CONTEXT.search(text, max(0, m.start() - 40), m.start()):
            continue  # "launched from a ship", "fired by helicopters": the means, not the target
        if _STORAGE_TANKS.search(text, max(0, m.start() - 12), m.start()) and m.group(0).lower().startswith("tank"):
            continue  # "fuel tanks on a train": no armour
        before = text[max(0, m.start() - 40) : m.start()]
        word = re.search(r"([A-Z][\w.-]*(?:['’]s)?)\s+(?:[\w-]+\s+){0,2}$", before)
        return True, demonym_side(word.group(1)) if word else None
    return False, None


def _one_attacking_side(out: list[Actor], frames: Sequence[Frame], where: str | None = None) -> list[Actor]:
    """A strike has one attacking side: when opposing states both come out as initiators ("Three Russian
    missiles hit Chernihiv ... had Ukraine received enough air defence"), keep the side that owns the
    weapons ("Russian missiles", "Ukrainian naval drones"), else the side the event's own sentence names."""
    inits = [a for a in out if a.role == "initiator" and a.type in _ARMED and a.side]
    sides: set[str | None] = {a.side for a in inits}
    if not any(opposed(a, b, where) for i, a in enumerate(inits) for b in inits[i + 1 :]):
        return out  # "Israeli artillery ... Hezbollah" is two sides too, where the file knows the group's war
    owners: set[str | None] = {at.actor.side for f in frames for at in _weapon_owners("strike", f)}
    owners |= {at.actor.side for f in frames for at in f.actors if at.actor.side and _owns_weapon(f, at)}
    keep: set[str | None] = owners & sides
    if len(keep) != 1:
        named: set[str | None] = {a.side for a in _own("strike", frames[:1]) if a.role == "initiator" and a.type in _ARMED and a.side}
        keep = named & sides
    if len(keep) != 1:
        return out
    side = next(iter(keep))
    kept = [a for a in inits if a.side == side]
    return [a for a in out if not (a.role == "initiator" and a.type in _ARMED and a.side != side and any(opposed(a, k, where) for k in kept))]


def _weapon_hit(frames: Sequence[Frame]) -> tuple[bool, str | None]:
    """ "hit an S-400 battery near Dzhankoi", "struck a Ukrainian HIMARS launcher": a named launcher,
    air-defence system or aircraft after the strike's verb (not the one it was fired from) was hit."""
    for f in frames:
        s = f.sentence
        for w in f.weapons:
            if w.generic or not _hit_object(f, w):  # type: ignore[attr-defined]
                continue  # "launched by Su-34 jets", "from Tu-95MS bombers": the means
            before = s.text[max(0, w.start - s.start - 40) : w.start - s.start]  # type: ignore[attr-defined]
            word = re.search(r"([A-Z][\w.-]*(?:['’]s)?)\s+(?:[\w-]+\s+){0,2}$", before)
            return True, demonym_side(word.group(1)) if word else None
    return False, None


def _strike(
    out: list[Actor], frames: Sequence[Frame], locations: Sequence[Location], neighbours: Sequence[Neighbour], voice: str | None = None
) -> list[Actor]:
    lex = load_actors()
    text = _text(frames)
    country = _country(locations) or (None if locations else _group_home(neighbours, out))
    out = _one_attacking_side(out, frames, country)
    initiators = [a for a in out if a.role == "initiator" and a.type in _ARMED]
    lead = {a.actor.name for a in frames[0].actors} if frames else set()
    named_target = any(a.role == "target" and a.type in _ARMED and a.name in lead for a in out)
    bare = _bare_forces_at(frames, country)
    if not initiators:
        side = None
        for a in out:
            if a.role == "target" and a.type in _STATE and adversary_of(a.side):
                side = adversary_of(a.side)
                break
        where = country or _country((), neighbours)
        for a in out if side is None else ():
            if a.role == "target" and a.type in _ARMED and a.type not in _STATE and group_adversary(a.name, where):
                side = group_adversary(a.name, where)  # "strikes on Hezbollah positions in southern Lebanon": Israel's
                break
        if side is None and lex.enemy_re.search(text):
            side = adversary_of(voice) or adversary_of(where)
        attacker = _forces(side)
        if attacker is None:  # "The junta responded with air strikes on the town"
            attacker = next((a for a, first in bare if first), None)
        if attacker is None and neighbours:
            attacker = _group_antecedent(text, neighbours) or _neighbour_initiator(neighbours, frozenset({"strike"}), voice)
        if attacker is None and where and not _OCCUPIED.search(text) and not _REMOTE_WEAPONS.search(text):
            attacker = _forces(adversary_of(where))
        if attacker is not None:
            out = [a for a in out if not (a.name == attacker.name and a.role == "target")]
            _add(out, attacker, "initiator")
            initiators = [attacker]
    init_sides = {a.side for a in initiators if a.side}
    hurt = any(c.group in ("civilians", "unknown") for f in frames for c in f.casualties) or bool(_DEATH_TOLL.search(text))
    civ_hit, _ = _object_side(text, lex.civilian_object_re)
    if hurt and not civ_hit and not any(c.group == "civilians" for f in frames for c in f.casualties):
        hurt = not _object_side(text, lex.military_object_re)[0]  # "two people were killed" at a command post: not civilians
    if (hurt or civ_hit) and country and not named_target:  # "bombed RSF positions ... 17 civilians were killed": the RSF
        _add(out, _forces(country, "civilians"), "target")
    state_init = {a.side for a in initiators if a.type in _STATE}
    for forces, first in bare:
        if not first and forces.side not in state_init:
            _add(out, forces, "target")  # "shelled army positions in the city"
    if not any(a.role == "target" and a.type in _ARMED for a in out) and not (hurt and country):
        mil_hit, owner = _object_side(text, lex.military_object_re)
        if not mil_hit:
            mil_hit, owner = _weapon_hit(frames)
        if mil_hit:
            side = owner if owner and owner not in init_sides else next((adversary_of(s) for s in init_sides if adversary_of(s)), None)
            _add(out, _forces(side), "target")
    return out


def _interception(
    out: list[Actor], frames: Sequence[Frame], locations: Sequence[Location], neighbours: Sequence[Neighbour], voice: str | None = None
) -> list[Actor]:
    allies = _allies(frames)
    names = {a.name for a in allies}
    defenders = [a for a in out if a.role == "initiator" and a.type in _ARMED and a.name not in names]
    attackers = [a for a in out if a.role == "target" and a.type in _ARMED and a.name not in names]
    out = [a for a in out if a.name not in names]
    for ally in allies:
        _add(out, ally, "initiator")
    strikes = [n for n in neighbours if n.kind == "strike" and abs(n.distance) <= _MAX_GAP]
    attacker = None if attackers else _neighbour_initiator(strikes, frozenset({"strike"}), voice)
    if not defenders:
        # the states attacking: a rebel group's home state is the one defending ("the junta shot down PDF drones")
        against = {a.side for a in attackers if a.side and a.type in _STATE}
        against |= {attacker.side} if attacker is not None and attacker.type in _STATE else set()
        side = _country(locations, strikes)
        if side is None or side in against:
            side = next((adversary_of(s) for s in against if adversary_of(s)), None)
        if side is None and voice not in against:
            side = voice
        defender = _forces(side)
        if defender is not None and defender.side not in against:
            out = [a for a in out if a.name != defender.name]
            _add(out, defender, "initiator")
            defenders = [defender]
    if not attackers:
        if attacker is None and defenders:
            d = defenders[0]
            attacker = _forces(adversary_of(d.side) or group_adversary(d.name, _country(locations) or d.side))
        if attacker is not None and all(attacker.name != d.name for d in out if d.role == "initiator"):
            _add(out, attacker, "target")
    return out


def _fighting(kind: str, out: list[Actor], frames: Sequence[Frame], locations: Sequence[Location]) -> list[Actor]:
    country = _country(locations)
    found = _speaker_side(frames)
    if found is not None:
        speaker, role = found
        if any(a.role == "initiator" and a.type in _ARMED and a.name != speaker.name for a in out):
            role = "target"  # "the army said it had lost the town to the RSF"
        if role == "initiator" or all(a.name != speaker.name for a in out):
            out = [a for a in out if a.name != speaker.name]
            _add(out, speaker, role)
    initiators = [a for a in out if a.role == "initiator" and a.type in _ARMED]
    state_init = {a.side for a in initiators if a.type in _STATE and a.side}
    between = any(_BARE_FORCE.search(m.group(1)) for f in frames for m in _BETWEEN.finditer(_span(f)))
    for forces in _bare_forces(frames, country) if initiators or between else ():
        if forces.side not in state_init:  # "took Wad Madani after the army withdrew"; "clashes between the army and ..."
            _add(out, forces, "initiator" if between else "target")
    state_sides = {a.side for a in out if a.type in _STATE and a.side}
    initiators = [a for a in out if a.role == "initiator" and a.type in _ARMED]
    state_init = {a.side for a in initiators if a.type in _STATE and a.side}
    local = {a.side for a in out if a.type in _ARMED and a.type not in _STATE and a.side}
    for c in _countries(locations):
        if initiators and c not in state_init and c not in state_sides and c not in local:
            _add(out, _forces(c), "target")  # "Russian forces captured Avdiivka": Ukraine's forces lose it
            state_sides.add(c)
    init_sides = {a.side for a in initiators if a.side}
    out = [
        replace(a, role="target") if a.role == "participant" and a.type in _ARMED and a.side and a.side not in init_sides
        and any(adversary_of(s) == a.side for s in init_sides) else a
        for a in out
    ]  # "Ukrainian forces seized Sudzha ... Akhmat units were counterattacking": the other side is the one attacked
    if kind == "territory_change" and initiators and not any(a.role == "target" and a.type in _ARMED for a in out):
        home = {a.side for a in initiators if a.type not in _STATE and a.side}
        for c in _countries(locations) or list(home):
            if c in home:
                _add(out, _forces(c), "target")  # "the PDF and the KIA captured Kanbalu": from Myanmar's military
                break
    armed = [a for a in out if a.type in _ARMED]
    if armed:
        sides = {a.side for a in armed if a.side}
        roles = {a.role for a in armed}
        if len(sides) == 1 and len(roles) == 1:
            other = adversary_of(next(iter(sides)))
            role = "initiator" if roles == {"target"} else "target"
            if other is None and not any(a.type in _STATE for a in armed):  # "fighting against the RSF near El Obeid": Sudan's army
                other = next((g for a in armed if (g := group_adversary(a.name, country or a.side))), None)
            if other is not None:
                _add(out, _forces(other), role)  # "Ukraine recaptured Kupiansk": from Russia's forces
    elif kind == "battle" and country and adversary_of(country):
        _add(out, _forces(adversary_of(country)), "initiator")  # "fighting continued near Verbove"
        _add(out, _forces(country), "initiator")
    return out


def _crowd_side(frames: Sequence[Frame], country: str | None) -> str | None:
    """ "Polish farmers", "Several thousand Israelis": a demonym before the crowd, else where it is."""
    for f in frames:
        for m in re.finditer(r"\b[A-Z][a-z]+s?\b", _span(f)):
            side = demonym_side(m.group(0)) or demonym_side(m.group(0).removesuffix("s"))
            rest = _span(f)[m.end() :]
            if side and not re.match(r"\s+(?:of|in)\b", rest) and not _EMBASSY_AFTER.match(rest) and m.group(0) not in ("Kyiv", "Moscow"):
                return side
    return country


def _countries_named(frames: Sequence[Frame]) -> list[str]:
    """Countries a frame names as such ("Italy and Canada signed ...", "a package for Ukraine"), in order."""
    found: list[tuple[int, str]] = []
    for f in frames:
        for p in f.places:
            loc = p.mention.location  # type: ignore[attr-defined]
            if loc.precision == 4 and loc.country:
                found.append((p.mention.start, loc.country))  # type: ignore[attr-defined]
        for a in f.actors:
            if a.actor.side and a.actor.type in ("state_forces", "government"):
                found.append((a.start, a.actor.side))
    return list(dict.fromkeys(c for _, c in sorted(found)))


_TRANSFER = re.compile(
    r"\b(?:aid|package|pledg\w*|deliver\w*|donat\w*|transfer\w*|shipped|shipments?|suppl(?:y|ied|ies)|provid\w*|send|sends|sent"
    r"|financ\w*|fund|funds|funded|funding|buy|buys|bought|purchas\w*"
    r"|receiv\w*|gave|give[sn]?|committed)\b",
    re.IGNORECASE,
)
_ANAPHORIC = re.compile(r"^\s*(?:this|these|that|those|such|it|the move|the operation)\b", re.IGNORECASE)
_RECIPIENT = re.compile(r"\b(?:for|to|send|sends|sent|give|gives|gave|provide|provides|supply|supplies)\s+(?:the\s+)?$", re.IGNORECASE)


_NAME_RUN = re.compile(r"(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*")
_RECEIVES = re.compile(r"^\s+(?:has\s+|have\s+|had\s+|will\s+|recently\s+)*(?:received|receives|receive|gets|got|obtained)\b", re.IGNORECASE)


def _named_sides(frames: Sequence[Frame]) -> list[tuple[str, str, str, bool]]:
    """Countries a frame names by name or demonym, in order, with the words before and after each and
    whether it comes before the transfer ("the Netherlands and Denmark committed to transfer jets to Ukraine")."""
    out = []
    for f in frames:
        span = _span(f)
        verbs = [v.start() for v in _TRANSFER.finditer(span)]
        cut = verbs[-1] if verbs else len(span)  # a donor names itself before some verb of giving
        for m in _NAME_RUN.finditer(span):
            words = m.group(0).rstrip(".")  # "... for Kyiv." ends the sentence, not the name
            side = demonym_side(words)
            if side is None:
                parts = words.split()
                side = demonym_side(parts[-1]) if len(parts) > 1 and parts[0].lower() != "the" else None
            if side is not None:
                out.append((side, span[max(0, m.start() - 20) : m.start()], span[m.end() : m.end() + 40], m.start() < cut))
    return out


def _logistics(
    out: list[Actor], frames: Sequence[Frame], locations: Sequence[Location], claims: Sequence[object], neighbours: Sequence[Neighbour]
) -> list[Actor]:
    """ "The United States announced a $400 million aid package for Ukraine": the donor's government
    gives, the recipient's forces receive (a side moving its own supplies keeps its own actors)."""
    if not _TRANSFER.search(_text(frames)):
        return out
    named = _named_sides(frames)
    recipient = next((side for side, before, _, _ in named if _RECIPIENT.search(before)), None)
    recipient = recipient or next((side for side, _, after, _ in named if _RECEIVES.match(after)), None)
    recipient = recipient or next((x.country for x in locations if x.role == "destination" and x.country), None)
    donors = [side for side, before, _, _ in named if re.search(r"\bfrom\s+(?:the\s+)?$", before) and side != recipient]
    donors = donors or [side for side, _, _, first in named if first and side != recipient]
    sources = [_source_actor(getattr(c, "source", "")) for c in claims]
    donors = donors or [a.side for a in sources if a is not None and a.side and a.side != recipient]
    same_sentence = [a for n in neighbours if n.distance == 0 for f in n.frames for a in (x.actor for x in f.actors)]
    people = [a.side for a in [*out, *same_sentence] if a.type == "person" and a.side]
    donors = donors or [side for side in people if side != recipient]
    if recipient is None:
        recipient = next((side for side in people if side not in donors), None)
    donors = list(dict.fromkeys(donors))
    if not donors or recipient is None:
        return out
    out = [a for a in out if a.type == "person" or a.side not in (*donors, recipient)]
    for donor in donors:
        _add(out, _forces(donor, "government"), "initiator")
    _add(out, _forces(recipient), "participant")
    return out


def _diplomacy(out: list[Actor], frames: Sequence[Frame], claims: Sequence[object]) -> list[Actor]:
    """Participants: the people named (speakers included: "Sunak announced ... where he signed"), or the
    governments of the countries that meet, sign or exchange."""
    for c in claims:
        named = [m.actor for m in find_actors(getattr(c, "source", "")) if m.actor.type == "person"]
        for person in named[:1]:
            _add(out, person, "participant")
    if any(a.type == "person" for a in out):
        return [a for a in out if a.type not in _STATE]
    govs = [a for a in out if a.type not in _STATE]
    spoke = [a.side for a in (_source_actor(getattr(c, "source", "")) for c in claims) if a is not None and a.side]
    for side in [*spoke, *_countries_named(frames)]:
        _add(govs, _forces(side, "government"), "participant")
    return govs


def _assessment(out: list[Actor], frames: Sequence[Frame], neighbours: Sequence[Neighbour]) -> list[Actor]:
    """The subject of a judgement: the party named first ("Russia will attempt ... to push Ukrainian
    forces back" -> Russia); "This is likely intended ..." refers to the previous event's party."""
    if frames and _ANAPHORIC.match(_span(frames[0])):
        for n in sorted((n for n in neighbours if -_MAX_GAP <= n.distance < 0), key=lambda n: -n.distance):
            party = next((a for a in _own(n.kind, n.frames) if a.type in _ARMED or a.type == "person"), None)
            if party is not None:
                return [replace(party, text="", role="subject")]
    mentions: list[tuple[int, Actor]] = [(a.start, a.actor) for f in frames for a in f.actors if a.actor.name in {x.name for x in out}]
    for f in frames:
        for p in f.places:
            loc = p.mention.location  # type: ignore[attr-defined]
            before = f.sentence.text[max(0, p.mention.start - f.sentence.start - 12) : p.mention.start - f.sentence.start]  # type: ignore[attr-defined]
            if re.search(r"\b(?:for|to|in|into|from|against|on|towards?|at|of|with)\s+$", before, re.IGNORECASE):
                continue  # "heading for Ukraine": a place, not the one judged
            if loc.precision == 4 and loc.country and adversary_of(loc.country):
                mentions.append((p.mention.start, actor_for_side(loc.country)))  # type: ignore[attr-defined]
    if not mentions:
        return out
    first = min(mentions, key=lambda m: m[0])[1]
    return [replace(first, role="subject")]


def event_actors(
    kind: str,
    frames: Sequence[Frame],
    locations: Sequence[Location],
    neighbours: Sequence[Neighbour] = (),
    claims: Sequence[object] = (),
) -> list[Actor]:
    """The actors of one event, completed from the passage (see the module docstring). ``claims``
    are the event's claims (objects with a ``source``): whose voice "the enemy" is written in."""
    out = _own(kind, frames)
    if kind in ("strike", "interception"):  # "Israel responded with air strikes": its forces strike
        out = [_forces(a.side) or a if a.type == "government" and a.role == "initiator" else a for a in out]
    country = _country(locations)
    voice = _voice(claims)
    if kind in ("strike", "interception"):
        out = _with_speaker(out, frames[:1], kind=kind)  # the event's own sentence: a later one may be the other side's
    if kind == "strike":
        return _strike(out, frames, locations, neighbours, voice)
    if kind == "interception":
        return _interception(out, frames, locations, neighbours, voice)
    if kind in ("battle", "territory_change"):
        return _fighting(kind, out, frames, locations)
    if kind in ("violence_against_civilians", "looting"):
        if not any(a.role == "initiator" and a.type in _ARMED for a in out):
            near = [n for n in neighbours if n.kind in _VIOLENT and abs(n.distance) <= _MAX_GAP]
            for n in sorted(near, key=lambda n: abs(n.distance)):
                found = next((a for a in _own(n.kind, n.frames) if a.role == "initiator" and a.type in _ARMED), None)
                if found is not None:
                    _add(out, found, "initiator")
                    break
        hurt = any(c.group in ("civilians", "unknown") for f in frames for c in f.casualties)
        civ_hit, _ = _object_side(_text(frames), load_actors().civilian_object_re)
        armed_target = any(a.role == "target" and a.type in _ARMED for a in out)
        if country and any(a.role == "initiator" for a in out) and (hurt or civ_hit or (kind != "looting" and not armed_target)):
            _add(out, _forces(country, "civilians"), "target")
        return out
    if kind in ("protest", "riot"):
        side = _crowd_side(frames, country)
        if side:
            crowd = _forces(side, "protesters" if kind == "protest" else "rioters")
            out = [a for a in out if a.type not in ("civilians", "protesters", "rioters")]
            _add(out, crowd, "initiator")
        arrests_near = [x for n in neighbours if n.kind == "arrest" and 0 <= n.distance <= 1 for x in n.frames]
        if any(_POLICE_ACTS.search(_span(f)) for f in frames) or any(_POLICE_FORCE.search(_span(x)) for x in arrests_near):
            _add(out, _forces(country, "police"), "target")  # "Police used pepper spray against demonstrators"
        return out
    if kind == "arrest":
        out = _with_speaker(out, frames[:1], frozenset({"state_forces", "government"}))
        if not any(a.type in ("state_forces", "government") for a in out):
            _add(out, _forces(country, "police"), "initiator")  # detentions are police work unless the text says whose
        for n in sorted(neighbours, key=lambda n: abs(n.distance)):
            if n.kind in ("protest", "riot") and abs(n.distance) <= _MAX_GAP and country:
                side = _crowd_side(n.frames, country)
                _add(out, _forces(side, "protesters" if n.kind == "protest" else "rioters"), "target")
                break
        if country and not any(a.role == "target" for a in out) and _CROWD.search(_text(frames)):
            _add(out, _forces(_crowd_side(frames, country), "protesters"), "target")  # "fired tear gas at protesters ... and detained 15"
        if country and not any(a.role == "target" for a in out) and _DETAINED_CIVILIAN.search(_text(frames)):
            _add(out, _forces(country, "civilians"), "target")  # "detained two residents", "arrested a journalist"
        return out
    if kind == "logistics":
        return _logistics(out, frames, locations, claims, neighbours)
    if kind == "assessment":
        return _assessment(out, frames, neighbours)
    if kind == "diplomacy":
        return _diplomacy(out, frames, claims)
    if kind == "deployment" and not out and country:
        _add(out, _forces(country), "initiator")  # "a second IRIS-T system was deployed near Kyiv": the host's forces
        return out
    if kind == "personnel_change" and any(a.type == "person" for a in out):
        return [a for a in out if a.type == "person"]
    return out


__all__ = ["Neighbour", "event_actors"]
