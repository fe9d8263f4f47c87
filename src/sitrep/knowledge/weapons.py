"""Weapons, platforms and systems: the lexicon in ``data/weapons.json`` and its matcher.

    text -> fold + one Aho-Corasick scan -> boundary/case checks -> leftmost-longest hits
         -> phrase grouping ("Tu-22M3 “Backfire” bombers" is one mention) -> WeaponMention

A specific weapon's mention absorbs a following alias of the same weapon (``Shahed-136/Geran-2``,
``Tu-22M3 “Backfire”``) and a following weapon noun (``Kh-22 cruise missiles``). Risky bare
names (``Grad``, ``Patriot``, ``Lancet``) carry a *level* in the data file: ``midsentence``
names do not fire at a sentence start unless a weapon noun follows ("Grad students" does not),
``context`` names (``Bear``) fire only next to another alias or a weapon noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from sitrep.errors import KnowledgeError
from sitrep.knowledge._matcher import (
    Hit,
    Lexicon,
    Term,
    at_sentence_start,
    designation_variants,
    fold,
    load_json,
    lower_same_length,
)
from sitrep.model import WEAPON_ROLES, Weapon

DATA_FILE = "weapons.json"

_ALIAS_GAP = re.compile(r"""[\s/"'(),-]{0,4}""")  # between two aliases of one weapon
_HEAD_GAP = re.compile(r"""[\s"')]{1,3}""")  # between a weapon and its noun
_KIT_GAP = re.compile(r"\s+(?:(?:fitted|equipped|retrofitted|upgraded|converted) )?with (?:an? |the )?")  # bomb -> its kit


@dataclass(frozen=True, slots=True)
class WeaponEntry:
    """One weapon system (or, with ``generic=True``, a generic weapon noun) from the data file."""

    name: str
    aliases: tuple[str, ...]
    category: str
    role: str
    nato_name: str | None = None
    origin: str | None = None
    delivery: str | None = None  # ACLED hint: air | missile | artillery | ground | naval | air_defence
    generic: bool = False
    kit: bool = False  # a guidance/glide kit (UMPK, JDAM-ER): part of the bomb it is fitted to

    def weapon(self, text: str) -> Weapon:
        """The model record for a mention of this entry written as ``text``."""
        return Weapon(text=text, name=self.name, category=self.category, nato_name=self.nato_name, role=self.role)


@dataclass(frozen=True, slots=True)
class WeaponMention:
    """A weapon named in a text: character span, the words, and what it is."""

    start: int
    end: int
    text: str
    weapon: Weapon
    generic: bool
    delivery: str | None


@dataclass(frozen=True, slots=True)
class WeaponLexicon:
    """The loaded, validated data file and its compiled matcher."""

    version: int
    entries: tuple[WeaponEntry, ...]
    generic: tuple[WeaponEntry, ...]
    categories: frozenset[str]
    lexicon: Lexicon
    by_key: dict[str, WeaponEntry]


def _default_cased(alias: str, generic: bool) -> bool:
    if generic:
        return any(c.isupper() for c in alias)
    if not any(c.isdigit() for c in alias):
        return True
    letters = re.match(r"[A-Za-z]+", alias)
    return letters is not None and len(letters.group()) == 1


def _lookup_key(text: str) -> str:
    return re.sub(r"[\s\-]", "", lower_same_length(fold(text.strip())))


def _alias_spec(raw: Any, owner: str) -> tuple[str, str, bool | None]:
    if isinstance(raw, str):
        return raw.strip(), "standalone", None
    if isinstance(raw, dict) and isinstance(raw.get("text"), str):
        icase = raw.get("icase")
        return raw["text"].strip(), str(raw.get("level", "standalone")), (None if icase is None else not icase)
    raise KnowledgeError(f"{DATA_FILE}: alias {raw!r} of {owner!r} must be a string or {{'text': ...}}")


def _flag(raw: dict[str, Any], key: str, owner: str) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise KnowledgeError(f"{DATA_FILE}: {owner!r} has {key} {value!r}; use true or false")
    return value


def _entry_terms(entry: WeaponEntry, specs: list[tuple[str, str, bool | None]]) -> list[Term]:
    kind = "generic" if entry.generic else "weapon"
    terms: dict[str, Term] = {}  # by surface: "HIMARS" and "Himars" are both kept
    for text, level, cased in specs:
        use_cased = _default_cased(text, entry.generic) if cased is None else cased
        variants = designation_variants(text) if any(c.isdigit() for c in text) else [text]
        for variant in variants:
            surface = fold(variant)
            key = surface if use_cased else lower_same_length(surface)
            if key in terms:
                continue
            terms[key] = Term(surface, (kind, entry), cased=use_cased, level=level)
    return list(terms.values())


def _build(data: dict[str, Any]) -> WeaponLexicon:
    roles = set(data.get("roles") or ())
    if not roles <= set(WEAPON_ROLES):
        raise KnowledgeError(f"{DATA_FILE}: roles {sorted(roles - set(WEAPON_ROLES))} are not in the event schema")
    deliveries = set(data.get("deliveries") or ())
    categories = frozenset(data.get("categories") or ())
    owners: dict[str, str] = {}
    names: set[str] = set()
    terms: list[Term] = []
    entries: list[WeaponEntry] = []
    generic: list[WeaponEntry] = []
    by_key: dict[str, WeaponEntry] = {}

    def claim(term: Term, owner: str) -> None:
        key = lower_same_length(term.surface)
        if key in owners and owners[key] != owner:
            raise KnowledgeError(
                f"{DATA_FILE}: alias {term.surface!r} belongs to both {owners[key]!r} and {owner!r}; "
                "keep it on one entry"
            )
        owners[key] = owner
        terms.append(term)

    for section, is_generic in (("weapons", False), ("generic", True)):
        for raw in data.get(section) or ():
            name = raw.get("name")
            if not isinstance(name, str) or not name:
                raise KnowledgeError(f"{DATA_FILE}: an entry in {section!r} has no 'name': {raw!r}")
            if name.lower() in names:
                raise KnowledgeError(f"{DATA_FILE}: {name!r} is listed twice; merge the entries")
            names.add(name.lower())
            if raw.get("category") not in categories:
                raise KnowledgeError(
                    f"{DATA_FILE}: {name!r} has category {raw.get('category')!r}, not in 'categories'; add it there"
                )
            if raw.get("role") not in roles:
                raise KnowledgeError(f"{DATA_FILE}: {name!r} has role {raw.get('role')!r}; use one of {sorted(roles)}")
            if raw.get("delivery") is not None and raw["delivery"] not in deliveries:
                raise KnowledgeError(
                    f"{DATA_FILE}: {name!r} has delivery {raw['delivery']!r}; use one of {sorted(deliveries)} or null"
                )
            specs = [_alias_spec(a, name) for a in raw.get("aliases") or ()]
            # the name is an alias too, unless one is spelt the same ("Emad" with its own level);
            # an alias "KN23" does not stand for the hyphenated name "KN-23"
            if not is_generic and name.lower() not in {t.lower() for t, _, _ in specs}:
                specs.insert(0, (name, "standalone", None))
            entry = WeaponEntry(
                name=name,
                aliases=tuple(t for t, _, _ in specs),
                category=raw["category"],
                role=raw["role"],
                nato_name=raw.get("nato_name"),
                origin=raw.get("origin"),
                delivery=raw.get("delivery"),
                generic=is_generic,
                kit=_flag(raw, "kit", name),
            )
            for term in _entry_terms(entry, specs):
                claim(term, name)
            for text, _, _ in specs:
                by_key.setdefault(_lookup_key(text), entry)
            (generic if is_generic else entries).append(entry)
    for head in data.get("heads") or ():
        claim(Term(fold(head), ("head", None), cased=False), "(head noun)")
    for blocker in data.get("blockers") or ():
        cased = any(c.isupper() for c in blocker)  # "The Lancet" is cased, "think tank" is not
        claim(Term(fold(blocker), ("block", None), cased=cased, plural=False), "(blocker)")
    return WeaponLexicon(
        version=int(data["version"]),
        entries=tuple(entries),
        generic=tuple(generic),
        categories=categories,
        lexicon=Lexicon(terms, source=DATA_FILE),
        by_key=by_key,
    )


@cache
def load_weapons() -> WeaponLexicon:
    """The packaged weapons lexicon, validated and compiled (cached)."""
    return _build(load_json(DATA_FILE))


def get_weapon(name_or_alias: str) -> WeaponEntry | None:
    """The entry for a canonical name or any alias ("X-22", "Kh22", "Backfire"), else None."""
    return load_weapons().by_key.get(_lookup_key(name_or_alias))


@dataclass(slots=True)
class _Group:
    start: int
    end: int
    entry: WeaponEntry
    supported: bool
    absorbed: bool = False


def _supported(hit: Hit, text: str) -> bool:
    level = hit.term.level
    if level == "standalone":
        return True
    return level == "midsentence" and not at_sentence_start(text, hit.start)


def _close_quote(text: str, group: _Group) -> None:
    inner = fold(text[group.start : group.end])
    if inner.count('"') % 2 == 1 and group.end < len(text) and fold(text[group.end]) == '"' or inner.count("(") > inner.count(")") and group.end < len(text) and text[group.end] == ")":
        group.end += 1


def _group(text: str, hits: list[Hit]) -> list[_Group]:
    groups: list[_Group] = []
    prev: _Group | None = None
    for hit in hits:
        kind, entry = hit.term.payload
        if kind == "block":
            prev = None
            continue
        gap = fold(text[prev.end : hit.start]) if prev is not None else ""
        if kind == "weapon":
            if entry.kit and prev is not None and not prev.entry.generic and not prev.entry.kit and _KIT_GAP.fullmatch(gap):
                prev.end = hit.end  # "FAB-1500 bombs fitted with UMPK": the kit is part of the bomb
                continue
            same = prev is not None and not prev.entry.generic and prev.entry.name == entry.name
            if same and prev is not None and not prev.absorbed and _ALIAS_GAP.fullmatch(gap):
                prev.end = hit.end
                prev.supported = True
                continue
            prev = _Group(hit.start, hit.end, entry, _supported(hit, text))
            groups.append(prev)
            continue
        # a weapon noun: absorbed by the specific weapon just before it, else generic on its own
        if prev is not None and not prev.entry.generic and not prev.absorbed and _HEAD_GAP.fullmatch(gap):
            prev.end = hit.end
            prev.supported = True
            prev.absorbed = True
            continue
        if kind == "generic":
            prev = _Group(hit.start, hit.end, entry, True)
            groups.append(prev)
        else:
            prev = None
    return groups


def find_weapons(text: str) -> list[WeaponMention]:
    """Weapon mentions in ``text``, sorted by start: specific systems and generic weapon nouns."""
    lex = load_weapons()
    out: list[WeaponMention] = []
    for group in _group(text, lex.lexicon.scan(text)):
        if not group.supported:
            continue
        _close_quote(text, group)
        words = text[group.start : group.end]
        out.append(
            WeaponMention(
                start=group.start,
                end=group.end,
                text=words,
                weapon=group.entry.weapon(words),
                generic=group.entry.generic,
                delivery=group.entry.delivery,
            )
        )
    return out


def weapon_names() -> tuple[str, ...]:
    """Canonical names of every specific (non-generic) weapon system in the lexicon."""
    return tuple(e.name for e in load_weapons().entries)


__all__ = [
    "WeaponEntry",
    "WeaponLexicon",
    "WeaponMention",
    "find_weapons",
    "get_weapon",
    "load_weapons",
    "weapon_names",
]
