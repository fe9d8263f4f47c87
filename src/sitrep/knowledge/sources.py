"""Who claims it, and through what: sources and media (``data/sources.json``).

Sources are outlets, think tanks, official bodies and kinds of witness, each with a
``source_type`` of the event schema and a side. Besides the named ones, institution
templates ("Ministry of Defence", "officials", "state media", ...) are expanded for every
country of ``actors.json``: "Ukrainian Ministry of Defense" -> Ministry of Defence of Ukraine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from typing import Any

from sitrep.errors import KnowledgeError
from sitrep.knowledge._matcher import Lexicon, Term, fold, load_json, lower_same_length
from sitrep.model import SOURCE_TYPES

DATA_FILE = "sources.json"


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """A source of claims: canonical name, type (government, military, media, ...) and side."""

    name: str
    source_type: str
    side: str | None = None


@dataclass(frozen=True, slots=True)
class SourceMention:
    start: int
    end: int
    text: str
    source: SourceInfo


@dataclass(frozen=True, slots=True)
class MediumMention:
    """How a claim was published: "Facebook post", "video", "intelligence update", ..."""

    start: int
    end: int
    text: str
    medium: str  # canonical medium name


@dataclass(frozen=True, slots=True)
class OfficeTerm:
    """One term of office: "governor" of "Kharkiv" from 2020-12 (YYYY-MM strings; ``until`` None: in office)."""

    holder: SourceInfo
    since: str
    until: str | None


@dataclass(frozen=True, slots=True)
class SourceLexicon:
    version: int
    sources: tuple[SourceInfo, ...]
    by_key: dict[str, SourceInfo]
    lexicon: Lexicon
    media: Lexicon
    offices: dict[str, tuple[OfficeTerm, ...]] = field(default_factory=dict)  # "governor of kharkiv" -> terms
    epithets: dict[str, tuple[SourceInfo, ...]] = field(default_factory=dict)  # "monitor" -> (SOHR, ...)


def normalise(phrase: str) -> str:
    """The lookup key of a source phrase: folded, lower-cased, Defence spelling, no "the"/"'s"."""
    key = lower_same_length(fold(phrase)).strip(" .,:;\"'()")
    key = re.sub(r"\s+", " ", key)
    key = re.sub(r"^(?:the|a|an)\s+", "", key)
    key = re.sub(r"'s?$", "", key)
    return key.replace("defense", "defence").replace("armored", "armoured")


def _cased(alias: str) -> bool:
    if not any(c.isupper() for c in alias):
        return False
    return len(alias) <= 6 or " " not in alias or alias.startswith("The ")


def _build(data: dict[str, Any], countries: list[dict[str, Any]]) -> SourceLexicon:
    types = set(data.get("source_types") or ())
    if not types <= set(SOURCE_TYPES):
        raise KnowledgeError(f"{DATA_FILE}: source_types {sorted(types - set(SOURCE_TYPES))} are not in the event schema")
    by_key: dict[str, SourceInfo] = {}
    terms: list[Term] = []
    sources: list[SourceInfo] = []
    names: set[str] = set()
    epithets: dict[str, list[SourceInfo]] = {}

    def add(alias: str, info: SourceInfo, cased: bool, explicit: bool) -> None:
        key = normalise(alias) if explicit else lower_same_length(fold(alias)).replace("defense", "defence")
        if key in by_key and by_key[key] != info:
            if explicit:
                raise KnowledgeError(
                    f"{DATA_FILE}: {alias!r} names both {by_key[key].name!r} and {info.name!r}; keep it on one entry"
                )
            return  # an explicit source wins over a template
        by_key[key] = info
        terms.append(Term(fold(alias), info, cased=cased, plural=False))

    for raw in data.get("sources") or ():
        name, stype = raw.get("name"), raw.get("source_type")
        if not isinstance(name, str) or name.lower() in names:
            raise KnowledgeError(f"{DATA_FILE}: source {name!r} is missing a name or listed twice")
        names.add(name.lower())
        if stype not in types:
            raise KnowledgeError(f"{DATA_FILE}: {name!r} has source_type {stype!r}; use one of {sorted(types)}")
        info = SourceInfo(name, stype, raw.get("side"))
        sources.append(info)
        for alias in dict.fromkeys([name, *raw.get("aliases", ())]):
            add(alias, info, _cased(alias), explicit=True)
        for epithet in raw.get("epithets") or ():
            if not isinstance(epithet, str) or not epithet.islower():
                raise KnowledgeError(f"{DATA_FILE}: {name!r} epithet {epithet!r} must be a lower-case string")
            epithets.setdefault(normalise(epithet), []).append(info)
    for inst in data.get("institutions") or ():
        if inst.get("source_type") not in types:
            raise KnowledgeError(f"{DATA_FILE}: institution {inst.get('name')!r} has an unknown source_type")
        for c in countries:
            demonym = c["demonyms"][0]
            info = SourceInfo(
                inst["name"].format(acled=c.get("acled_country") or c["name"], name=c["name"], demonym=demonym),
                inst["source_type"],
                c["iso"],
            )
            for alias in {a.lower(): a for a in inst["aliases"]}.values():
                for d in c["demonyms"]:
                    add(f"{d} {alias}", info, cased=len(d) <= 4, explicit=False)
                for n in c.get("names") or ():
                    if not n.startswith("the "):
                        add(f"{n}'s {alias}", info, cased=False, explicit=False)
                        if n.isupper() and len(n) <= 4:  # "the UAE foreign ministry": an initialism as attribute
                            add(f"{n} {alias}", info, cased=True, explicit=False)
                    if alias[0].isupper() and " " in alias:  # "Ministry of Defence of (the) Ukraine/United Arab Emirates"
                        add(f"{alias} of {n}", info, cased=False, explicit=False)
    offices: dict[str, list[OfficeTerm]] = {}
    for raw in data.get("officials") or ():
        name, stype = raw.get("name"), raw.get("source_type")
        if not isinstance(name, str) or stype not in types or not raw.get("offices"):
            raise KnowledgeError(f"{DATA_FILE}: official {name!r} needs a name, a known source_type and offices")
        info = SourceInfo(name, stype, raw.get("side"))
        if normalise(name) not in by_key:  # a named source wins (an official may also be listed there)
            add(name, info, cased=True, explicit=True)
        for office in raw["offices"]:
            since, until = office.get("from"), office.get("to")
            if not all(isinstance(x, str) and re.fullmatch(r"\d{4}-\d{2}", x) for x in (since, *(() if until is None else (until,)))):
                raise KnowledgeError(f"{DATA_FILE}: official {name!r} has a term without YYYY-MM dates")
            for place in office.get("of") or ():
                offices.setdefault(f"{office['title']} of {place}".lower(), []).append(OfficeTerm(info, since, until))
    media_terms = []
    for raw in data.get("media") or ():
        for alias in dict.fromkeys([raw["name"], *raw.get("aliases", ())]):
            media_terms.append(Term(fold(alias), raw["name"], cased=_cased(alias) and len(alias) <= 2, plural=True))
    return SourceLexicon(
        version=int(data["version"]),
        sources=tuple(sources),
        by_key=by_key,
        lexicon=Lexicon(terms, source=DATA_FILE),
        media=Lexicon(media_terms, source=f"{DATA_FILE} (media)"),
        offices={k: tuple(sorted(v, key=lambda t: t.since)) for k, v in offices.items()},
        epithets={k: tuple(v) for k, v in epithets.items()},
    )


def officeholder(title: str, place: str, on: date | None = None) -> SourceInfo | None:
    """Who held ``title`` ("governor", "mayor") of ``place`` (a region or city name) on ``on`` (else now)."""
    terms = load_sources().offices.get(f"{title} of {place}".lower(), ())
    if on is None:
        return terms[-1].holder if terms and terms[-1].until is None else None
    month = on.isoformat()[:7]
    held = [t for t in terms if t.since <= month and (t.until is None or month <= t.until)]
    # a month of handover has two holders: the one who took office that month
    return held[-1].holder if held else None


@cache
def load_sources() -> SourceLexicon:
    """The packaged source lexicon, validated and compiled (cached)."""
    return _build(load_json(DATA_FILE), list(load_json("actors.json").get("countries") or ()))


def find_sources(text: str) -> list[SourceMention]:
    """Spans of known source phrases in ``text`` ("The Washington Post", "Western analysts")."""
    return [
        SourceMention(h.start, h.end, text[h.start : h.end], h.term.payload) for h in load_sources().lexicon.scan(text)
    ]


def by_epithet(phrase: str, context: str) -> SourceInfo | None:
    """ "the monitor added", "the ethnic armed group said": the source the epithet describes (sources.json
    "epithets"), when ``context`` (the text before) names exactly one such source."""
    candidates = load_sources().epithets.get(normalise(phrase))
    if not candidates:
        return None
    named = {m.source for m in find_sources(context)} if context else set()
    hits = [c for c in candidates if c in named]
    return hits[0] if len(hits) == 1 else None


def find_media(text: str) -> list[MediumMention]:
    """Spans naming how a claim was published ("Facebook post", "video", "intelligence update")."""
    return [
        MediumMention(h.start, h.end, text[h.start : h.end], h.term.payload) for h in load_sources().media.scan(text)
    ]


@cache
def _people() -> dict[str, Any]:
    from sitrep.knowledge.actors import load_actors

    return {p.name: p for p in load_actors().people}


def _person_source(phrase: str) -> SourceInfo | None:
    from sitrep.knowledge.actors import find_actors

    people = _people()
    for mention in find_actors(phrase):
        person = people.get(mention.actor.name)
        if person is not None:
            stype = {"government": "government", "military": "military", "police": "government"}.get(
                person.affiliation, "military"
            )
            return SourceInfo(person.name, stype, person.side)
    return None


# a personal name right after a title ("mayor Ihor Terekhov", "governor, Oleh Kiper")
_TITLED_NAME = re.compile(r",?\s+((?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+)\s*")
_POST_END = re.compile(r"(?i)(?:minister|secretary|spokes(?:man|woman|person)|commander|chief|governor|mayor|president)$")
# a body's officer by rank or post, then the name ("Southern Defense Forces Spokesperson Colonel Vladyslav
# Voloshyn", "Air Force commander Mykola Oleshchuk"): the person speaks
_OFFICER_NAME = re.compile(
    r",?\s+(?:(?i:spokes(?:man|woman|person)|commander|chief|head|director|deputy|colonel|general|lieutenant|major|captain|"
    r"admiral|officer|press officer|representative|adviser|advisor)\s+)+((?:[A-Z][a-z][\w'’-]+\s+){1,2}[A-Z][a-z][\w'’-]+)\s*"
)


@lru_cache(maxsize=8192)
def classify_source(phrase: str) -> SourceInfo | None:
    """Who a source phrase names: "the British Ministry of Defense" -> British Ministry of Defence.

    Tolerates Defense/Defence, a leading "the", a trailing "'s" and demonym + institution
    ("Ukrainian Ministry of Defense" -> Ministry of Defence of Ukraine, government, UA); a
    longer phrase falls back to the longest source inside it, then to a known person.
    """
    lex = load_sources()
    found = lex.by_key.get(normalise(phrase))
    if found is not None:
        return found
    hits = lex.lexicon.scan(phrase)
    if hits:
        best = max(hits, key=lambda h: (h.end - h.start, -h.start))
        info: SourceInfo = best.term.payload
        officer = _OFFICER_NAME.fullmatch(phrase[best.end :])
        if officer:  # "Air Force spokesman Yurii Ihnat": the officer, of the body's type and side
            return _person_source(officer.group(1)) or SourceInfo(officer.group(1), info.source_type, info.side)
        named = _TITLED_NAME.fullmatch(phrase[best.end :])
        # "Governor Serhii Lysak": the person, not generic officials; "Russia's defence minister Sergei Shoigu": the minister
        if named and (info.side is None or _POST_END.search(phrase[: best.end])):
            return _person_source(named.group(1)) or SourceInfo(named.group(1), info.source_type, None)
        return info
    return _person_source(phrase)


__all__ = [
    "by_epithet",
    "MediumMention",
    "officeholder",
    "SourceInfo",
    "SourceLexicon",
    "SourceMention",
    "classify_source",
    "find_media",
    "find_sources",
    "load_sources",
    "normalise",
]
