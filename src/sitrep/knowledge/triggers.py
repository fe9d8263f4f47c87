"""Event trigger words, page furniture and the ACLED mapping: loaders for data files.

The data lives in ``knowledge/data/triggers.json``, ``furniture.json`` and ``acled.json``;
this module validates it once and compiles it into a few regular expressions that run
over lower-cased text (case-sensitive matching of lower-cased text is ~4x faster than
``re.IGNORECASE``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from sitrep.errors import KnowledgeError
from sitrep.model import KINDS

_HINTS = ("missile", "artillery", "air", "drone", "ied", "grenade", "suicide", "chemical")


@dataclass(frozen=True, slots=True)
class TriggerGroup:
    kind: str
    weight: int
    hint: str | None
    patterns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TriggerHit:
    """A trigger found in a sentence (offsets relative to the text searched)."""

    start: int
    end: int
    text: str
    kind: str
    weight: int
    hint: str | None


@dataclass(frozen=True, slots=True)
class RefineRule:
    """Re-code a frame's kind from context words (triggers.json "refine")."""

    note: str
    kinds: frozenset[str]
    cues: re.Pattern[str]
    requires: re.Pattern[str] | None
    unless: re.Pattern[str] | None
    generic: bool  # only when no trigger or weapon names a delivery (a bare "attack")
    to: str | None  # None: no event
    after_trigger: bool = False  # cues only count after the trigger word

    def applies(self, kind: str | None, lowered: str, generic: bool, trigger_end: int = 0) -> bool:
        if kind not in self.kinds or (self.generic and not generic):
            return False
        if not self.cues.search(lowered, trigger_end if self.after_trigger else 0):
            return False
        if self.requires is not None and not self.requires.search(lowered):
            return False
        return self.unless is None or not self.unless.search(lowered)


@dataclass(frozen=True, slots=True)
class CueSet:
    """Compiled cue lists (prediction, hypothetical, background, anaphora, flags...)."""

    prediction: re.Pattern[str]
    hypothetical: re.Pattern[str]
    background: re.Pattern[str]
    anaphora: re.Pattern[str]
    first_time: re.Pattern[str]
    part_of_larger: re.Pattern[str]
    media_description: re.Pattern[str]
    casualty: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Voice:
    """A publisher's own voice ("the enemy attacked...": a Ukrainian Air Force post), from triggers.json."""

    source: str
    cues: re.Pattern[str]
    kinds: frozenset[str]  # empty: any kind
    alongside: bool  # also when the event names other sources
    modality: str | None  # None: the event's stance
    fallback: str | None = None  # the modality when the event's stance is a plain assertion


def _load_json(name: str) -> dict[str, Any]:
    try:
        with resources.files("sitrep.knowledge").joinpath("data").joinpath(name).open("r", encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, json.JSONDecodeError) as exc:
        raise KnowledgeError(f"cannot load knowledge file {name!r}: {exc}; reinstall sitrep") from exc
    if not isinstance(data, dict) or "version" not in data:
        raise KnowledgeError(f"knowledge file {name!r} has no 'version' field; it is not a sitrep data file")
    return data


def _alternation(patterns: list[str], name: str) -> re.Pattern[str]:
    try:
        return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b")
    except re.error as exc:
        raise KnowledgeError(f"bad regular expression in {name}: {exc}") from exc


@cache
def trigger_groups() -> tuple[TriggerGroup, ...]:
    data = _load_json("triggers.json")
    groups = []
    for i, g in enumerate(data.get("groups", [])):
        kind = g.get("kind")
        if kind not in KINDS:
            raise KnowledgeError(f"triggers.json group {i}: unknown kind {kind!r}; use one of {', '.join(KINDS)}")
        hint = g.get("hint")
        if hint is not None and hint not in _HINTS:
            raise KnowledgeError(f"triggers.json group {i}: unknown hint {hint!r}; use one of {', '.join(_HINTS)}")
        pats = tuple(g.get("patterns") or ())
        if not pats:
            raise KnowledgeError(f"triggers.json group {i} ({kind}) has no patterns")
        for p in pats:
            literal = re.sub(r"\\.", "", p)  # escapes such as \S are not letters to match
            if literal != literal.lower():
                raise KnowledgeError(f"triggers.json pattern {p!r} must be lower-case (it runs on lower-cased text)")
            try:
                re.compile(p)
            except re.error as exc:
                raise KnowledgeError(f"triggers.json pattern {p!r}: {exc}") from exc
        groups.append(TriggerGroup(kind=kind, weight=int(g.get("weight", 1)), hint=hint, patterns=pats))
    return tuple(groups)


@cache
def _trigger_regex() -> tuple[re.Pattern[str], tuple[TriggerGroup, ...]]:
    # at one position the first alternative wins: try the stronger groups first
    groups = tuple(sorted(trigger_groups(), key=lambda g: -g.weight))
    parts = [f"(?P<g{i}>" + "|".join(f"(?:{p})" for p in g.patterns) + ")" for i, g in enumerate(groups)]
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b"), groups


def find_triggers(lowered: str) -> list[TriggerHit]:
    """Every trigger in ``lowered`` (text already lower-cased); where several could start at one
    position, the strongest group wins."""
    regex, groups = _trigger_regex()
    hits = []
    for m in regex.finditer(lowered):
        gi = next(int(k[1:]) for k, v in m.groupdict().items() if v is not None)
        g = groups[gi]
        hits.append(TriggerHit(m.start(), m.end(), m.group(0), g.kind, g.weight, g.hint))
    return hits


@cache
def cues() -> CueSet:
    data = _load_json("triggers.json")
    need = (
        "prediction_cues",
        "hypothetical_cues",
        "background_cues",
        "anaphora",
        "first_time",
        "part_of_larger",
        "media_description",
        "casualty_verbs",
    )
    for key in need:
        if not data.get(key):
            raise KnowledgeError(f"triggers.json lacks the list {key!r}")
    return CueSet(
        prediction=_alternation(data["prediction_cues"], "prediction_cues"),
        hypothetical=_alternation(data["hypothetical_cues"], "hypothetical_cues"),
        background=_alternation(data["background_cues"], "background_cues"),
        anaphora=re.compile(r"^(?:" + "|".join(data["anaphora"]) + r")\b"),
        first_time=_alternation(data["first_time"], "first_time"),
        part_of_larger=_alternation(data["part_of_larger"], "part_of_larger"),
        media_description=_alternation(data["media_description"], "media_description"),
        casualty=_alternation(data["casualty_verbs"], "casualty_verbs"),
    )


@cache
def voices() -> tuple[Voice, ...]:
    """The "voices" of triggers.json, in order (the first whose cues match wins)."""
    data = _load_json("triggers.json")
    out = []
    for i, v in enumerate(data.get("voices") or ()):
        where = f"triggers.json voices[{i}]"
        if not isinstance(v, dict) or not v.get("source") or not v.get("cues"):
            raise KnowledgeError(f"{where} needs a 'source' and a non-empty 'cues' list; fix the data file")
        modality, fallback = v.get("modality"), v.get("fallback")
        for m in (modality, fallback):
            if m not in (None, "asserted", "claimed", "assessed", "predicted", "possible"):
                raise KnowledgeError(f"{where}: unknown modality {m!r}; use asserted, claimed, assessed, predicted or possible")
        out.append(
            Voice(
                source=str(v["source"]),
                cues=_alternation(list(v["cues"]), where),
                kinds=frozenset(v.get("kinds") or ()),
                alongside=bool(v.get("alongside", False)),
                modality=modality,
                fallback=fallback,
            )
        )
    return tuple(out)


def find_voice(lowered: str) -> Voice | None:
    """The publisher whose own voice the (lower-cased) document is written in, if any."""
    return next((v for v in voices() if v.cues.search(lowered)), None)


@cache
def refine_rules() -> tuple[RefineRule, ...]:
    """The "refine" rules of triggers.json, in order."""
    data = _load_json("triggers.json")
    out = []
    for i, r in enumerate(data.get("refine") or ()):
        where = f"triggers.json refine rule {i}"
        kinds = r.get("kinds") or []
        to = r.get("to")
        bad = [k for k in [*kinds, *([to] if to else [])] if k not in KINDS]
        if bad or not kinds:
            raise KnowledgeError(f"{where}: unknown or missing kinds {bad or kinds!r}; use kinds from {', '.join(KINDS)}")
        if not r.get("cues"):
            raise KnowledgeError(f"{where} has no cues")
        out.append(
            RefineRule(
                note=str(r.get("note", "")),
                kinds=frozenset(kinds),
                cues=_alternation(r["cues"], f"{where} cues"),
                requires=_alternation(r["requires"], f"{where} requires") if r.get("requires") else None,
                unless=_alternation(r["unless"], f"{where} unless") if r.get("unless") else None,
                generic=bool(r.get("generic", False)),
                to=to,
                after_trigger=r.get("scope") == "after_trigger",
            )
        )
    return tuple(out)


def refine_kind(kind: str | None, lowered: str, generic: bool, trigger_end: int = 0) -> str | None:
    """The kind after the refine rules: the first that applies re-codes it, then the rules are tried
    again on the new kind (an arrest at a protest is a protest; a protest with stones is a riot)."""
    for _ in range(3):
        rule = next((r for r in refine_rules() if r.applies(kind, lowered, generic, trigger_end)), None)
        if rule is None or rule.to == kind:
            return kind
        kind = rule.to
        if kind is None:
            return None
    return kind


@cache
def furniture_regex() -> re.Pattern[str]:
    data = _load_json("furniture.json")
    pats = data.get("patterns") or []
    if not pats:
        raise KnowledgeError("furniture.json has no patterns")
    return re.compile("|".join(f"(?:{p})" for p in pats))


@cache
def acled_table() -> dict[str, Any]:
    data = _load_json("acled.json")
    kinds = data.get("kinds") or {}
    missing = [k for k in KINDS if k not in kinds]
    if missing:
        raise KnowledgeError(f"acled.json lacks kinds: {', '.join(missing)}")
    for kind, spec in kinds.items():
        if spec is None:
            continue
        if spec.get("event_type") not in data["disorder_types"]:
            raise KnowledgeError(f"acled.json kind {kind!r}: unknown event_type {spec.get('event_type')!r}")
    return data


def validate_all() -> None:
    """Load and check every file this module reads (used by tests and `sitrep doctor`)."""
    trigger_groups()
    _trigger_regex()
    cues()
    refine_rules()
    voices()
    furniture_regex()
    acled_table()


__all__ = [
    "CueSet",
    "RefineRule",
    "TriggerGroup",
    "TriggerHit",
    "Voice",
    "acled_table",
    "cues",
    "find_triggers",
    "furniture_regex",
    "refine_kind",
    "refine_rules",
    "trigger_groups",
    "validate_all",
    "voices",
    "find_voice",
]
