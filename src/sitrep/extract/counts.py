"""Counts that are not counts of weapons: people and attacks, target objects, named ships lost.

    people_counts     "police detained at least 20 people", "thousands of mourners gathered",
                      "exchanged 48 children", "deployed about 100 instructors",
                      "repelled 24 Russian attacks" -> (item, role, value)
    target_items      countable target nouns ("two ammunition depots", "16 sites") offered to
                      :func:`sitrep.extract.numbers.find_quantities` as items
    ship_losses       "sank the Russian missile corvette Ivanovets", "the Minsk has been
                      destroyed" (the landing ship Minsk named earlier) -> one ship destroyed

Pure ``re``; offsets are character offsets into the text passed in.
"""

from __future__ import annotations

import re

from sitrep.extract.numbers import QuantityMention, find_numbers

__all__ = ["people_counts", "ship_losses", "target_items", "TARGET_ITEMS"]

_R = re.IGNORECASE

# ------------------------------------------------------------------- people

# plural noun -> the item a count of them is coded as
_WHO_ITEM = {
    "people": "person", "persons": "person", "individuals": "person", "protesters": "protester",
    "demonstrators": "demonstrator", "mourners": "mourner", "suspects": "suspect", "activists": "activist",
    "prisoners of war": "prisoner of war", "pows": "prisoner of war", "prisoners": "prisoner",
    "detainees": "detainee", "hostages": "hostage", "civilians": "civilian", "residents": "resident",
    "children": "child", "men": "man", "women": "woman", "girls": "girl", "boys": "boy",
    "migrants": "migrant", "refugees": "refugee", "students": "student", "workers": "worker",
    "journalists": "journalist", "soldiers": "soldier", "troops": "soldier", "servicemen": "soldier",
    "service members": "soldier", "personnel": "soldier", "fighters": "fighter", "militants": "militant",
    "officers": "officer", "colonels": "colonel", "generals": "general", "instructors": "instructor",
    "advisers": "adviser", "advisors": "adviser", "mercenaries": "mercenary", "volunteers": "volunteer",
    "conscripts": "conscript", "sailors": "sailor", "villagers": "villager", "passengers": "passenger",
    "farmers": "farmer", "pupils": "pupil", "schoolchildren": "child", "schoolgirls": "girl", "schoolboys": "boy",
    "worshippers": "worshipper", "fishermen": "fisherman", "miners": "miner", "traders": "trader",
    "teachers": "teacher", "doctors": "doctor", "aid workers": "aid worker", "evacuees": "evacuee",
    "wives": "woman", "relatives": "relative", "family members": "family member", "opposition supporters": "protester",
    "supporters": "supporter", "rebels": "rebel", "insurgents": "insurgent", "policemen": "police officer",
    "police officers": "police officer",
}  # fmt: skip
_WHO_ALT = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_WHO_ITEM, key=len, reverse=True))
_WHO = re.compile(rf"\s+(?:of\s+)?(?:the\s+)?(?:[\w’'-]+\s+){{0,2}}?(?P<who>{_WHO_ALT})(?![\w-])", _R)
# "Several thousand Israelis demonstrated": a crowd named by a demonym, counted by its verb
_CROWD = re.compile(
    r"\s+(?:of\s+)?(?:[\w’'-]+\s+){0,2}?(?:(?:have|had|has)\s+)?"
    r"(?:demonstrated|protested|rallied|marched|gathered|took\s+to\s+the\s+streets|turned\s+out|joined)\b",
    _R,
)
_ATTACKS = re.compile(
    r"\s+(?:(?!of\b|in\b|near\b|on\b)[\w’'-]+\s+){0,2}?(?P<what>attacks|assaults|offensive\s+actions|combat\s+engagements"
    r"|clashes|attempts\s+to\s+advance)(?![\w-])",
    _R,
)
_CAPTURE_BEFORE = re.compile(
    r"\b(?:arrest(?:ed|ing|s)?|detain(?:ed|ing|s)?|abduct(?:ed|ing|s)?|kidnapp?(?:ed|ing|s)?|seiz(?:ed|ing)|captur(?:ed|ing)"
    r"|round(?:ed)?\s+up|deport(?:ed|ing)|surrender\s+of|took|taken|holding|held)\b[^.;]{0,30}$",
    _R,
)
_CAPTURE_AFTER = re.compile(
    r"^\s*(?:(?!and\b|while\b|but\b)[\w’'-]+\s+){0,3}?(?:(?:were|was|have\s+been|had\s+been|are\s+being|being|had|have)\s+)?(?:\w+ly\s+)?"
    r"(?:arrested|detained|abducted|kidnapped|captured|taken\s+(?:hostage|prisoner|captive)|deported|rounded\s+up"
    r"|surrendered|held)\b",
    _R,
)
_HARMED = re.compile(
    r"^\s*(?:[\w’'-]+\s+){0,2}?(?:(?:were|was|have\s+been|had\s+been|are|being)\s+)?(?:\w+ly\s+)?"
    r"(?:killed|injured|wounded|hurt|dead|died|missing|hospitali[sz]ed)\b",
    _R,
)
# "police detained 27 of them", "abducted around 15 others": people named before
_REFER = re.compile(r"\s+(?:of\s+(?:them|those|these|whom)|others|more)\b", _R)
_PROTEST_CUE = re.compile(r"\b(?:protest\w*|demonstrat\w+|rall(?:y|ied|ies)|march(?:ed|es)?|gathered|vigil|picket\w*)\b", _R)
_HARM_BEFORE = re.compile(r"\b(?:kill(?:ed|ing|s)?|shot\s+dead|shooting\s+dead|execut(?:ed|ing)|murder(?:ed|ing)|injur(?:ed|ing|es)|wound(?:ed|ing|s)?|hurt(?:ing)?|including|among\s+them)\s+$", _R)
# the role a count of people plays in an event of each kind, when no verb says otherwise
_PEOPLE_ROLE = {
    "arrest": "captured", "protest": "used", "riot": "used", "diplomacy": "used", "other": "used",
    "deployment": "used", "logistics": "used",
}  # fmt: skip
_CROWD_KINDS = ("protest", "riot")
# goods taken in looting: "removing more than 10,000 works", "stole 40 cars"
_GOODS = re.compile(
    r"\s+(?:of\s+)?(?:[\w’'-]+\s+){0,2}?(?P<what>works\s+of\s+art|artworks|works|paintings|exhibits|artefacts|artifacts"
    r"|items|objects|icons|sculptures|manuscripts|books|cars|vehicles|tractors|combines|tonnes|tons)(?![\w-])",
    _R,
)
_GOODS_ITEM = {"works": "artwork", "works of art": "artwork", "artworks": "artwork", "tonnes": "tonne", "tons": "tonne"}


def _clause(text: str, pos: int) -> str:
    lo = max(0, pos - 80)
    cut = max(text.rfind(".", lo, pos), text.rfind(";", lo, pos))
    return text[(cut + 1 if cut >= 0 else lo) : pos]


def _referent(before: str) -> str:
    """Who "27 of them" / "15 others" are: a crowd at a protest, else the people named last."""
    if _PROTEST_CUE.search(before):
        return "protester"
    named = [m.group("who") for m in re.finditer(rf"\b(?P<who>{_WHO_ALT})(?![\w-])", before, _R)]
    return _WHO_ITEM[re.sub(r"\s+", " ", named[-1].lower())] if named else "person"


def people_counts(span: str, kind: str | None, context: str = "") -> list[QuantityMention]:
    """Counts of people (and of attacks repelled) in a clause of an event of `kind`.

    Detained, abducted or surrendering people are ``captured`` whatever the kind; people taking part
    in a protest, exchanged, evacuated or deployed are ``used``; killed or injured people are
    casualties, not counts; attacks and assaults in a battle are ``used``; goods looted are ``captured``.
    "Detained 27 of them" / "abducted 15 others" count the people named before (in `context`, the
    sentence before the clause, or the clause itself).
    """
    out: list[QuantityMention] = []
    for n in find_numbers(span):
        before = _clause(span, n.start)
        if _HARM_BEFORE.search(before):
            continue
        r = _REFER.match(span, n.end)
        if r is not None and _CAPTURE_BEFORE.search(before):
            item = _referent(context + " " + span[: n.start])
            out.append(QuantityMention(n.start, r.end(), span[n.start : r.end()], item, "captured", n.value, n.qualifier))
            continue
        m = _WHO.match(span, n.end)
        if m is not None:
            rest = span[m.end() : m.end() + 60]
            if _HARMED.match(rest):
                continue
            who = re.sub(r"\s+", " ", m.group("who").lower())
            if _CAPTURE_BEFORE.search(before) or _CAPTURE_AFTER.match(rest):
                role: str | None = "captured"
            elif kind not in _CROWD_KINDS and _CROWD.match(span, m.end()) is not None:
                continue  # "several hundred women gathered ...; police detained 27": the crowd, not the detained
            else:
                role = _PEOPLE_ROLE.get(kind or "")
            if role is None:
                continue
            item = _WHO_ITEM[who]
            if kind in _CROWD_KINDS and role == "used" and item in ("person", "demonstrator", "mourner", "activist"):
                item = "protester"
            out.append(QuantityMention(n.start, m.end(), span[n.start : m.end()], item, role, n.value, n.qualifier))
            continue
        if kind in _CROWD_KINDS:
            c = _CROWD.match(span, n.end)
            if c is not None:
                out.append(QuantityMention(n.start, n.end, n.text, "protester", "used", n.value, n.qualifier))
                continue
        if kind == "looting":
            g = _GOODS.match(span, n.end)
            if g is not None:
                what = re.sub(r"\s+", " ", g.group("what").lower())
                item = _GOODS_ITEM.get(what, what[:-1])
                out.append(QuantityMention(n.start, g.end(), span[n.start : g.end()], item, "captured", n.value, n.qualifier))
            continue
        if kind == "battle":
            a = _ATTACKS.match(span, n.end)
            if a is not None:
                what = re.sub(r"\s+", " ", a.group("what").lower())
                item = {"attempts to advance": "attack", "clashes": "clash"}.get(what, what[:-1])
                out.append(QuantityMention(n.start, a.end(), span[n.start : a.end()], item, "used", n.value, n.qualifier))
    return out


# -------------------------------------------------------------- target nouns

# countable things struck or destroyed that are not weapons: "two ammunition depots", "16 sites"
_TARGETS = re.compile(
    r"\b(?P<t>(?:ammunition|ammo|fuel|oil|weapons?|supply|logistics)\s+(?:depots?|dumps?|warehouses?|storage\s+sites?)"
    r"|depots?|warehouses?|command\s+posts?|radar\s+stations?|radars?|bridges?|sites|positions|firing\s+positions"
    r"|trains?|locomotives?|(?:pickup\s+)?trucks?|substations?|landing\s+craft|(?:armou?red\s+)?(?:personnel\s+carriers|vehicles))(?![\w-])",
    _R,
)
TARGET_ITEMS = frozenset(
    {"ammunition depot", "ammo depot", "fuel depot", "oil depot", "weapons depot", "supply depot", "logistics depot",
     "depot", "warehouse", "command post", "radar station", "radar", "bridge", "site", "position", "firing position",
     "train", "locomotive", "truck", "substation", "ammunition dump", "fuel dump", "ammunition warehouse",
     "fuel warehouse", "ammunition storage site", "fuel storage site", "weapon depot", "weapons warehouse",
     "pickup truck", "landing craft", "vehicle", "armoured vehicle", "armored vehicle", "personnel carrier",
     "armoured personnel carrier", "armored personnel carrier"}
)  # fmt: skip


def _singular(phrase: str) -> str:
    words = re.sub(r"\s+", " ", phrase.lower()).split(" ")
    last = words[-1]
    if last.endswith("ies"):
        last = last[:-3] + "y"
    elif last.endswith(("ches", "shes", "sses")):
        last = last[:-2]
    elif last.endswith("s") and not last.endswith("ss"):
        last = last[:-1]
    return " ".join([*words[:-1], last])


def target_items(span: str) -> list[tuple[int, int, str]]:
    """Target nouns in `span` as (start, end, singular name) items; a count of one with no verb
    role is no quantity (the caller drops it)."""
    if not _TARGETS.search(span):
        return []
    return [(m.start(), m.end(), _singular(m.group("t"))) for m in _TARGETS.finditer(span)]


# ------------------------------------------------------------------- ships

_SHIP_CLASS = (
    r"(?:large\s+)?landing\s+ship|patrol\s+(?:ship|boat)|corvette|cruiser|frigate|submarine|minesweeper|destroyer"
    r"|tugboat|tanker|warship|flagship|reconnaissance\s+ship|(?:missile\s+)?boat"
)
# ship names are capitalised: the class and the verbs are matched in any case, the name is not
_NAMED_SHIP = re.compile(rf"\b(?P<cls>(?i:{_SHIP_CLASS}))[,]?\s+(?:the\s+)?[\"“‘']?(?P<name>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)")
_SANK = re.compile(
    rf"\b(?i:sank|sunk|sink(?:s|ing)?|destroy(?:ed|ing|s)?)\s+(?i:the\s+|a\s+|an\s+)?(?:[\w’'-]+\s+){{0,3}}?"
    rf"(?P<cls>(?i:{_SHIP_CLASS}))[,]?\s+(?:the\s+)?[\"“‘']?(?P<name>[A-Z][\w-]+)"
)
_WAS_SUNK = re.compile(
    r"\b(?i:the)\s+(?P<ref>(?i:vessel|ship|warship)|[A-Z][\w-]+)\s+(?:was|has\s+been|had\s+been|is)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:destroyed|sunk)\b"
)


def _class_noun(cls: str) -> str:
    return re.sub(r"\s+", " ", cls.lower()).removeprefix("large ")


def ship_losses(text: str, start: int, end: int) -> list[QuantityMention]:
    """Named ships sunk or destroyed in ``text[start:end]`` (offsets into `text`); "the vessel" or
    "the Minsk" refers back to a ship named earlier in `text`."""
    out: list[QuantityMention] = []
    for m in _SANK.finditer(text, start, end):
        out.append(QuantityMention(m.start("cls"), m.end("name"), m.group(0), _class_noun(m["cls"]), "destroyed", 1, "exact"))
    if out:
        return out
    for m in _WAS_SUNK.finditer(text, start, end):
        ref = m.group("ref")
        earlier = list(_NAMED_SHIP.finditer(text, max(0, m.start() - 600), m.start()))
        if ref.lower() in ("vessel", "ship", "warship"):
            named = earlier[-1:]
        else:
            named = [s for s in earlier if s.group("name").split()[0] == ref][-1:]
        if named:
            out.append(QuantityMention(m.start(), m.end(), m.group(0), _class_noun(named[0]["cls"]), "destroyed", 1, "exact"))
    return out
