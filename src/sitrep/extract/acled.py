"""Map a sitrep event to ACLED's event type and sub-event type (knowledge/data/acled.json)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from sitrep.knowledge.triggers import acled_table
from sitrep.model import Acled, Actor, Location

_PASSIVE_LOSS = re.compile(r"\b(?:were|was|been|being) (?:pushed|driven|forced|expelled|evicted|ousted|flushed|kicked) (?:back|out)\b")
_REGAIN = re.compile(r"\b(?:liberat\w*|recaptur\w*|retook|retaken|regain\w*|reclaim\w*|took back|pushed back)\b")


# "an army spokesman said the rebels took...": the state named as a speaker does not act
_NOT_A_SPEAKER = r"(?!\w*\s+(?:spokes\w*|sources?|officials?|statements?|media|press|said|says|told|reported|announced))"


@cache
def _compiled(pattern_list: tuple[str, ...], suffix: str = "") -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(pattern_list) + r")" + suffix)


def _by_cue(spec: dict, text: str) -> str | None:
    for rule in spec.get("by_cue", ()):
        if _compiled(tuple(rule["cues"])).search(text):
            return rule["sub_event_type"]
    return None


def _first_side(spec: dict, text: str) -> str | None:
    """Which is named first in the evidence: a state's forces or a non-state group?"""
    st = _compiled(tuple(spec.get("state_cues", ())), _NOT_A_SPEAKER).search(text) if spec.get("state_cues") else None
    ns = _compiled(tuple(spec.get("nonstate_cues", ()))).search(text) if spec.get("nonstate_cues") else None
    if st is None and ns is None:
        return None
    first = "state" if ns is None or (st is not None and st.start() < ns.start()) else "nonstate"
    if _PASSIVE_LOSS.search(text):  # "the militants were pushed back from ...": the first named lost
        return "nonstate" if first == "state" else "state"
    return first


def acled_for(
    kind: str,
    hints: Sequence[str],
    evidence_text: str,
    actors: Iterable[Actor] = (),
    locations: Iterable[Location] = (),
) -> Acled | None:
    """ACLED event type / sub-event type for an event, or None where ACLED would not code it.

    ``hints`` are delivery hints in order of strength (specific munitions first, then
    generic weapon words, then trigger words); ``evidence_text`` is lower-cased.
    """
    table = acled_table()
    spec = table["kinds"].get(kind)
    if spec is None:
        return None
    event_type = spec["event_type"]
    sub = spec.get("default")
    if kind == "strike":
        by_hint = spec["by_hint"]
        priority = spec["hint_priority"]
        special = [h for h in hints if h in ("chemical", "suicide", "grenade", "ied")]
        present = [h for h in hints if h in by_hint]
        if special:
            sub = by_hint[min(special, key=priority.index)]
        elif present:
            sub = by_hint[present[0]]  # hints come strongest first: munitions, generic weapons, platforms, words
    elif kind == "territory_change":
        nv, wo = spec["non_violent"], spec.get("withdrawal_only")
        if _compiled(tuple(nv["cues"])).search(evidence_text):
            event_type, sub = nv["event_type"], nv["sub_event_type"]
        elif wo and _compiled(tuple(wo["cues"])).search(evidence_text) and not _compiled(tuple(wo["unless"])).search(evidence_text):
            event_type, sub = wo["event_type"], wo["sub_event_type"]  # "US forces have withdrawn from a key base"
        else:
            actors = list(actors)
            initiators = {a.side for a in actors if a.role == "initiator" and a.side and a.type == "state_forces"}
            nonstate = any(a.role == "initiator" and a.type not in ("state_forces", "person", "government", None) for a in actors)
            countries = {loc.country for loc in locations if loc.country and loc.role in ("site", "target", None)}
            first = _first_side(spec, evidence_text)
            own_ground = bool(initiators and countries and initiators <= countries)
            if nonstate and not initiators:
                pass  # a non-state group takes ground
            elif own_ground and not nonstate:
                sub = spec["government_regains"]
            elif first == "state" and (own_ground or not (initiators and countries)):
                sub = spec["government_regains"]  # the state's forces are named first: they act
            elif first is None and _REGAIN.search(evidence_text) and not initiators - countries:
                sub = spec["government_regains"]
    else:
        sub = _by_cue(spec, evidence_text) or sub
    if sub is None:
        return None
    return Acled(event_type=event_type, sub_event_type=sub, disorder_type=table["disorder_types"][event_type])


__all__ = ["acled_for"]
