"""Numbers, counted quantities and casualty figures in news prose.

Three layers, each built on the one before:

    find_numbers      cardinal numbers with their qualifier ("more than 50", "dozens of",
                      "at least twelve"); designations (Tu-22M3, S-300, 2S19, Route 66,
                      the 93rd Brigade), years, times, dates, percentages and money are skipped
    find_quantities   numbers linked to the counted item spans a caller found (weapons,
                      "missile", "drone"), with a role from the clause's verb
                      (launched | intercepted | hit | used | destroyed | captured): "struck X
                      with 4" hits, "attacked X with 4" launches, an aircraft or system shot
                      down is destroyed ("shot down a Su-34" counts one), a list after a colon
                      or "along with" takes the role before it, "81 missiles, including ..."
                      is marked ``mixed`` (a total of several types)
    find_casualties   killed / injured figures by group (civilians | military | unknown),
                      with side from a demonym; ``acled_fatalities`` totals them the ACLED way
                      (the most conservative figure; "dozens" = 12, "tens" = 10, "hundreds" = 100)

Pure ``re``; all offsets are character offsets into the text passed in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sitrep.extract.item_roles import lexicon_munition, single_role_after

__all__ = [
    "CasualtyMention",
    "NumberMention",
    "QuantityMention",
    "acled_fatalities",
    "find_casualties",
    "find_numbers",
    "find_quantities",
    "parse_number",
    "settle_tolls",
]


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A cardinal number in text; the span includes its qualifier words."""

    start: int
    end: int
    text: str
    value: int
    qualifier: str  # exact | more_than | at_least | about | at_most | fewer_than


@dataclass(frozen=True, slots=True)
class QuantityMention:
    """A number counting an item ("12 Kh-22 cruise missiles" -> Kh-22, 12)."""

    start: int
    end: int
    text: str
    item: str
    role: str | None  # launched | intercepted | hit | used | destroyed | captured
    value: int
    qualifier: str
    mixed: bool = False  # a total over several types: "81 missiles, including six Kinzhals"


@dataclass(frozen=True, slots=True)
class CasualtyMention:
    """A killed / injured figure ("three civilians were killed")."""

    start: int
    end: int
    text: str
    group: str  # civilians | military | unknown
    outcome: str  # killed | injured
    value: int
    qualifier: str
    side: str | None  # ISO code from a demonym, e.g. "UA"
    update: bool = False  # a toll that has risen ("the death toll rose to 19"): it replaces earlier figures


# ------------------------------------------------------------------ numbers

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
}
# Vague amounts, ACLED's reading (value, qualifier).
_VAGUE = {
    "a dozen": (12, "exact"), "one dozen": (12, "exact"), "half a dozen": (6, "exact"),
    "dozens": (12, "at_least"), "tens": (10, "at_least"), "scores": (20, "at_least"),
    "hundreds": (100, "at_least"), "thousands": (1000, "at_least"),
    "tens of thousands": (10_000, "at_least"), "hundreds of thousands": (100_000, "at_least"),
    "a couple": (2, "about"), "a hundred": (100, "exact"), "a thousand": (1000, "exact"),
    "a score": (20, "exact"),
}  # fmt: skip
_QUALIFIERS = {
    "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "in excess of": "more_than", "just over": "more_than", "well over": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "a minimum of": "at_least",
    "about": "about", "around": "about", "nearly": "about", "almost": "about", "some": "about",
    "roughly": "about", "approximately": "about", "approx.": "about", "an estimated": "about",
    "estimated": "about", "close to": "about", "just under": "about", "an approximate": "about",
    "up to": "at_most", "at most": "at_most", "as many as": "at_most", "no more than": "at_most",
    "a maximum of": "at_most", "not more than": "at_most",
    "fewer than": "fewer_than", "less than": "fewer_than", "under": "fewer_than",
    "below": "fewer_than", "between": "at_least",
    "several": "at_least", "a few": "at_least", "many": "at_least",
}  # fmt: skip

_NW = "|".join(
    sorted([*_UNITS, *_TENS, "hundred", "thousand", "million"], key=len, reverse=True)
)
_WORDS = rf"(?:{_NW})(?:(?:\s+and\s+|\s+|-)(?:{_NW}))*(?![\w-])"
_DIGITS = r"(?<![\w\-/.:$€£₴₽#№+])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:million|thousand|billion))?"
_VAGUE_RE = (
    r"(?:(?:a|one|two|three|four|five|half\s+a)\s+dozen|tens\s+of\s+thousands|hundreds\s+of\s+thousands"
    r"|dozens|tens(?=\s+of\b)|scores(?=\s+of\b)|hundreds|thousands|a\s+couple(?=\s+of\b)|a\s+hundred|a\s+thousand)"
    r"(?![\w-])"
)
_QUAL_RE = "|".join(
    re.escape(q).replace(r"\ ", r"\s+")
    for q in sorted(_QUALIFIERS, key=len, reverse=True)
)
_NUM_RE = re.compile(
    rf"(?<![\w-])(?P<num>{_VAGUE_RE}|{_DIGITS}|{_WORDS})"
    rf"(?:(?P<sep>\s*(?:-|–|to|or|and)\s*)(?P<num2>(?<![\w])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?![\w.,/:]\d)|(?<![\w-]){_WORDS}))?"
    r"(?P<suf>\s+or\s+more|\+|-plus|\s+or\s+so)?",
    re.IGNORECASE,
)
_QUAL_BACK = re.compile(rf"(?<![\w-])(?:{_QUAL_RE})\s+$", re.IGNORECASE)
_GATE_NUM = re.compile(
    r"\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|ty\b|ty-|hundred|thousand|dozen",
    re.IGNORECASE,
)
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b"
)
_AFTER_SKIP = re.compile(
    rf"(?:\s*(?:%|percent\b|per\s+cent\b|a\.m\.|p\.m\.|am\b|pm\b|hrs\b|o'clock|GMT\b|UTC\b|CET\b|EET\b|local\s+time)"
    rf"|[\w/:]\w|\.\d|\s*(?:US\s+)?(?:dollars|euros|pounds|hryvnias?|roubles?|rubles?|yuan|USD|EUR|UAH)\b"
    rf"|(?:st|nd|rd|th)\s+of\s+{_MONTHS}|\s+(?:of\s+)?{_MONTHS}|-(?:[A-Za-z]))"
)
_BEFORE_SKIP = re.compile(
    rf"(?:\b(?:Route|Highway|Road|Motorway|No\.?|Number|Unit|Flight|Resolution|Article|Section|Chapter|Page"
    rf"|Building|Block|House|Gate|Platform|School|Lyceum|Gymnasium|Hospital|Apartment|Room|Bus|Tram|Line"
    rf"|Channel|Reactor|Plant|Battalion|Brigade|Regiment|Division|Corps|Army|Squadron|Wing|Group|Zone"
    rf"|Sector|Point|Hill|Height|Mine|Shaft|Pier|Berth|Camp|Colony|Prison|Cell|Level|Phase|Stage|Type"
    rf"|Model|Mk|Mark|Version|Block|Batch|Series|Episode|Day|Vol|Part|Item|Paragraph|Clause|Protocol"
    rf"|Terminal|Track|Kilometre|Kilometer|km|Hall|Ward|Lot|Plot|Square|Street|Avenue|St\.|Ave\.)"
    rf"|{_MONTHS}|[$€£₴₽]|\b(?:USD|EUR|UAH|US\$))\s*$"
)
_ONE_BAD_BEFORE = re.compile(
    r"\b(?:no|any|every|the|this|that|which|each|someone|anyone|no-|last)\s*$",
    re.IGNORECASE,
)
_ONE_BAD_AFTER = re.compile(
    r"^\s*(?:another|'s|’s|of\s+us|by\s+one|way|thing|side)\b", re.IGNORECASE
)
_PLURAL_WORD = re.compile(
    r"\s+(?!was\b|has\b|is\b|this\b|its\b|does\b|as\b|us\b|plus\b)[a-z]{2,}s\b"
)


def parse_number(words: str) -> int | None:
    """The integer a number phrase stands for: "six", "1,200", "twenty-five", "two dozen",
    "dozens" (12), "tens" (10), "hundreds" (100), "scores" (20); None when it is not a
    count ("a handful", "several")."""
    w = re.sub(r"\s+", " ", words.strip().lower())
    if not w:
        return None
    if w in _VAGUE:
        return _VAGUE[w][0]
    m = re.fullmatch(
        r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?: (million|thousand|billion))?", w
    )
    if m:
        whole = int(m[1].replace(",", ""))
        frac = float("0." + m[2]) if m[2] else 0.0
        if m[3]:
            return int((whole + frac) * _SCALES[m[3]])
        return whole if not m[2] else None
    m = re.fullmatch(r"(a|one|two|three|four|five|six|seven|eight|nine|ten) dozen", w)
    if m:
        return 12 * (1 if m[1] in ("a", "one") else _UNITS[m[1]])
    return _parse_words(w)


def _parse_words(w: str) -> int | None:
    tokens = [t for t in re.split(r"[\s-]+", w) if t and t != "and"]
    if not tokens:
        return None
    if tokens[0] == "a" and len(tokens) > 1 and tokens[1] in _SCALES:
        tokens[0] = "one"
    total, current, last = 0, 0, ""
    for t in tokens:
        if t in _UNITS:
            if last in ("unit", "teen") or (last == "tens" and _UNITS[t] >= 10):
                return None
            current += _UNITS[t]
            last = "teen" if _UNITS[t] >= 10 else "unit"
        elif t in _TENS:
            if last in ("unit", "teen", "tens"):
                return None
            current += _TENS[t]
            last = "tens"
        elif t == "hundred":
            if last == "hundred":
                return None
            current = (current or 1) * 100
            last = "hundred"
        elif t in _SCALES:
            total += (current or 1) * _SCALES[t]
            current, last = 0, "scale"
        else:
            return None
    return total + current


def _skip_number(text: str, num_start: int, num_end: int, num_text: str) -> bool:
    """Designations, dates, times, years, money and percentages are not counts."""
    after = text[num_end : num_end + 24]
    before = text[max(0, num_start - 16) : num_start]
    if _AFTER_SKIP.match(after) or _BEFORE_SKIP.search(before):
        return True
    if re.fullmatch(r"(?:19|20)\d\d", num_text) and not _PLURAL_WORD.match(after):
        return True  # a year, unless it counts something ("1950 soldiers")
    return bool(
        num_text.lower() == "one"
        and (
            _ONE_BAD_BEFORE.search(text[max(0, num_start - 10) : num_start])
            or _ONE_BAD_AFTER.match(after)
        )
    )


def find_numbers(text: str) -> list[NumberMention]:
    """Cardinal numbers in `text` with the qualifier words around them."""
    if not _GATE_NUM.search(text):
        return []
    out: list[NumberMention] = []
    for m in _NUM_RE.finditer(text):
        raw = m["num"]
        value = parse_number(raw)
        if value is None:
            continue
        end = m.end()
        v2 = parse_number(m["num2"]) if m["num2"] else None
        sep = (m["sep"] or "").strip().lower()
        q = _QUAL_BACK.search(text, max(0, m.start() - 24), m.start())
        q_words = re.sub(r"\s+", " ", q.group().strip().lower()) if q else ""
        qualifier = _QUALIFIERS.get(q_words, "exact")
        if q_words == "between" and (v2 is None or sep != "and"):
            qualifier, q = "exact", None
        start = q.start() if q else m.start()
        if m["num2"] and (
            v2 is None or v2 <= value or sep == "and" and q_words != "between"
        ):
            end = m.end("num")  # not a range: "3 and 5", "10-5"
            if _skip_number(text, m.start("num"), end, raw):
                continue
            out.append(_mention(text, start, end, value, qualifier, raw))
            continue
        num_end = m.end("num2") if m["num2"] else m.end("num")
        if _skip_number(
            text, m.start("num"), num_end, raw if not m["num2"] else m["num2"]
        ):
            continue
        if raw.strip().lower() in _VAGUE and qualifier == "exact":
            qualifier = _VAGUE[re.sub(r"\s+", " ", raw.strip().lower())][1]
        if m["num2"] and qualifier == "exact":
            qualifier = "at_least"  # a range: ACLED keeps the low end
        if m["suf"]:
            qualifier = "about" if "so" in m["suf"] else "at_least"
        out.append(_mention(text, start, end, value, qualifier, raw))
    return out


def _mention(
    text: str, start: int, end: int, value: int, qualifier: str, raw: str
) -> NumberMention:
    return NumberMention(start, end, text[start:end], value, qualifier)


# --------------------------------------------------------------- quantities

_R = re.IGNORECASE
_VERB_ROLES: tuple[tuple[str, str], ...] = (
    (
        "intercepted",
        (
            r"shot\s+down|shoot(?:s|ing)?\s+down|intercept(?:ed|s|ing)?|downed|neutrali[sz](?:ed|es|ing)"
            r"|brought\s+down|bring(?:s|ing)?\s+down|destroyed\s+in\s+(?:the\s+)?(?:air|flight|the\s+sky)"
            r"|repel(?:led|s)?|suppress(?:ed)?|took\s+down|taken\s+down"
        ),
    ),
    (
        "destroyed",
        (
            r"destroy(?:ed|s|ing)?|wiped\s+out|knock(?:ed)?\s+out|eliminat(?:ed|es|ing)|burn(?:ed|t)|annihilated"
            r"|sank|sunk|sink(?:s|ing)?|los(?:t|es|ing)"
        ),
    ),
    (
        "captured",
        r"captur(?:ed|es|ing)|seiz(?:ed|es|ing)|took|taken\s+as\s+trophies|abandoned",
    ),
    (
        "hit",
        (
            r"(?:struck|hit|strik(?:es|ing))\s+(?:[\w'’-]+\s+){0,4}?(?:with|at)"
            r"|hit|hits|struck|strik(?:es|ing)|damag(?:ed|es|ing)|reached\s+(?:their|its)\s+targets?|landed"
        ),
    ),
    (
        "launched",
        (
            r"launch(?:ed|es|ing)?|fir(?:ed|es|ing)|used|us(?:es|ing)|sent|unleash(?:ed|es|ing)|deploy(?:ed|s|ing)"
            r"|attack(?:ed|s|ing)?\s+(?:[\w'’-]+\s+){0,4}?with|targeted\s+(?:[\w'’-]+\s+){0,4}?with"
            r"|employ(?:ed|s|ing)|dropp(?:ed|ing)|drops?"
        ),
    ),
)
_ROLE_NAMES = [r for r, _ in _VERB_ROLES]
_VERB_ALT = "|".join(f"(?P<{r}>{p})" for r, p in _VERB_ROLES)
# The verb just before a number: "launched 12", "shot down all 12", "attacked Kyiv with 36".
_VERB_BEFORE = re.compile(
    rf"\b(?:{_VERB_ALT})\s+(?:(?:a\s+total\s+of|all|only|just|another|a\s+further|an\s+additional|the|of\s+the)\s+)*$",
    _R,
)
# The verb after an item: "missiles launched", "drones were shot down", "bombers launched".
_VERB_AFTER = re.compile(
    r"^(?:\s*[\"“”'‘’)]?\s*(?:[\w/-]+\s+){0,3}?)"
    r"(?:(?:were|was|have\s+been|has\s+been|had\s+been|are|is|being|had|have|also|then|later|reportedly"
    r"|successfully|all|subsequently|again)\s+)*"
    rf"(?:{_VERB_ALT})\b",
    _R,
)
_GAP_STOP = re.compile(
    r"[.;:!?()\d]|\b(?:was|were|is|are|be|been|being|had|has|have|by|from|at|in|on|into|onto|over|under|with|which"
    r"|that|who|whom|to|of|for|than|after|before|during|since|per|each|km|kilometres?|kilometers?|miles?|metres?"
    r"|meters?|times|hours?|days?|weeks?|people|persons|soldiers|troops|civilians|said|says|them|those|these)\b",
    _R,
)
_PLATFORM = re.compile(
    r"\b(?:bombers?|aircraft|jets?|planes?|warplanes?|ships?|vessels?|submarines?|launchers?|helicopters?|frigates?"
    r"|corvettes?|warships?|fighters?|carriers?|cruisers?|boats?)\b|^(?:Tu|Su|MiG|Il|Ka|Mi|Yak|An|Be)-",
    _R,
)
_MUNITION = re.compile(
    r"missile|drone|uav|rocket|shahed|geran|kh-|kalibr|iskander|kinzhal|oniks|onyx|tochka|bomb|projectile|shell"
    r"|(?<!am)munition|s-300|s-400|weapon|target|lancet|tornado|smerch|grad",
    _R,
)
_AIR_DEFENCE = re.compile(
    r"air[\s-]+defen[cs]e|anti-aircraft|air\s+force|shot\s+down|intercept|mobile\s+fire\s+group|electronic\s+warfare",
    _R,
)
_PARTITIVE = re.compile(r"^\s+(?:out\s+)?of\s+(?:the\s+|these\s+|those\s+)?(?=\S)", _R)
_OF_THEM = re.compile(
    r"^\s+(?:of\s+(?:them|these|those|which|it)|of\s+the\s+(?:missiles|drones|rockets))\b",
    _R,
)
_COORD = re.compile(
    r"^(?:\s+(?!(?:was|were|is|are|by|from|at|in|on|over|with|to|of|that|which|who)\b)[\w/-]+){0,5}?"
    r"\s*(?:,\s*)?(?:and|as\s+well\s+as|plus|along\s+with|together\s+with|,)\s*$",
    _R,
)
# "of which 57 were destroyed: 18 Kh-101 cruise missiles, 39 Shaheds": the list says what the 57 were
_LIST_AFTER = re.compile(r"^[^.;:]{0,40}:\s*$")
_MIXED_AFTER = re.compile(r"^[^.;]{0,40}?,?\s+(?:including|among\s+them|mostly|mainly)\b", _R)
_COPULA_BEFORE = re.compile(r"\b(?:was|is|were|are|be|been|as)\s+$", _R)
_DEFINITE = re.compile(r"\bthe\s+$", _R)
_ALONG = re.compile(r"^[^.;:]*\b(?:along|together)\s+with\s+$", _R)
# "shot down a Su-34", "destroyed an Il-22", "another Su-34": one platform (never a munition: "a missile hit")
_ONE = re.compile(r"(?<![\w-])(?:an?|another|one\s+more)\s+(?=\S)", _R)
_BOTH = re.compile(r"(?<![\w-])both\s+(?=\S)", _R)
_VAGUE_OF = re.compile(r"^\s+of\s+(?:the\s+)?", _R)
# "14 air strikes with guided aerial bombs": the strikes count uses of the bomb
_SORTIE = re.compile(r"air\s*strike|airstrike|sorties?|strikes?$", _R)
_WITH = re.compile(r"^\s+(?:with|using)\s+(?:[\w-]+\s+){0,2}?$", _R)
_BARE_AFTER = re.compile(
    r"^\s*(?:[,.;]|were\b|was\b|had\s+been\b|have\s+been\b|are\b|more\b|others?\b)", _R
)


@dataclass(frozen=True, slots=True)
class _Item:
    start: int
    end: int
    name: str


def _clause_start(text: str, pos: int, limit: int = 80) -> int:
    lo = max(0, pos - limit)
    cut = max(
        text.rfind(".", lo, pos), text.rfind(";", lo, pos), text.rfind("\n", lo, pos)
    )
    return cut + 1 if cut >= 0 else lo


_ABBR = re.compile(r"\b(?:[A-Z]\.){2,}")
# "three Russian landing craft and a patrol boat": a second noun phrase begins, the number counts the first
_GAP_COORD = re.compile(r"\b(?:and|or|as\s+well\s+as|plus)\s+(?:an?|the|another|its|their)\s", _R)


def _gap_ok(gap: str) -> bool:
    """Words between a number and its item: adjectives, demonyms ("U.S.-made"), names, quotes, commas."""
    gap = _ABBR.sub("X", gap)
    return len(gap) <= 60 and gap.count(" ") <= 7 and not _GAP_STOP.search(gap) and not _GAP_COORD.search(gap)


def _verb_role(m: re.Match[str]) -> str | None:
    return next((r for r in _ROLE_NAMES if m.group(r)), None)


def _is_platform(text: str, item: _Item) -> bool:
    return bool(
        _PLATFORM.search(item.name)
        or _PLATFORM.search(text[item.start : item.end + 30].split(",")[0])
    )


def _is_munition(text: str, item: _Item) -> bool:
    """A missile, drone, bomb or shell (not an aircraft, ship, vehicle or air-defence system)."""
    surface = text[item.start : item.end]
    if _MUNITION.search(item.name) or lexicon_munition(item.name):
        return True
    return not _PLATFORM.search(item.name) and not _PLATFORM.search(surface) and bool(_MUNITION.search(surface))


def _adjust(role: str | None, text: str, item: _Item, pos: int) -> str | None:
    """Destroyed munitions / air-defence context read as intercepted; platforms are 'used'; an
    aircraft, ship or system shot down is 'destroyed' (it is a loss, not an interception)."""
    if role in ("destroyed", "intercepted") and not _is_munition(text, item):
        return "destroyed"
    if role == "destroyed":
        sentence = text[_clause_start(text, pos, 200) : pos + 120]
        if (
            _MUNITION.search(item.name)
            or lexicon_munition(item.name)
            or _MUNITION.search(text[item.start : item.end])
            or _AIR_DEFENCE.search(sentence)
        ):
            return "intercepted"
    if role == "launched" and _is_platform(text, item) and not _is_munition(text, item):
        return "used"
    return role


def _role_before(text: str, pos: int) -> str | None:
    window = text[_clause_start(text, pos, 70) : pos]
    m = _VERB_BEFORE.search(window)
    return _verb_role(m) if m else None


_PASSIVE = re.compile(
    rf"\b(?:were|was|have\s+been|has\s+been|had\s+been|are|is|got)\s+(?:(?:\w+ly|all|also|then)\s+)*(?:{_VERB_ALT})\b", _R
)


def _passive_after(text: str, pos: int) -> str | None:
    """The passive verb later in the clause: "33 of the 41 missiles Russia fired at Kyiv were shot down"."""
    window = text[pos : pos + 90]
    cut = re.search(r"[.;:!?]|,\s", window)
    m = _PASSIVE.search(window[: cut.start()] if cut else window)
    return _verb_role(m) if m else None


def _role_after(text: str, pos: int) -> str | None:
    window = text[pos : pos + 70]
    cut = re.search(r"[.;:!?]|,\s", window)
    m = _VERB_AFTER.match(window[: cut.start()] if cut else window)
    return _verb_role(m) if m else None


def find_quantities(
    text: str, items: Sequence[tuple[int, int, str]]
) -> list[QuantityMention]:
    """Numbers that count one of `items` ((start, end, canonical name) spans), with a role.

    Numbers that count nothing in `items` are left out.
    """
    spans = [_Item(s, e, n) for s, e, n in sorted(items)]
    if not spans:
        return []
    nums = [
        n
        for n in find_numbers(text)
        if not any(n.start < i.end and i.start < n.end for i in spans)
    ]
    nums += [
        NumberMention(m.start(), m.start() + 4, text[m.start() : m.start() + 4], 2, "exact")
        for m in _BOTH.finditer(text)
    ]
    nums.sort(key=lambda n: n.start)
    linked: dict[int, tuple[NumberMention, _Item, str | None]] = {}
    # 1. a number directly before its item ("six Russian Tu-22M3 bombers", "thousands of rockets")
    for n in nums:
        nxt = next((i for i in spans if i.start >= n.end), None)
        if nxt is None:
            continue
        gap = text[n.end : nxt.start]
        of = _VAGUE_OF.match(gap) if n.value in (10, 12, 20, 100, 1000, 10_000, 100_000) and n.qualifier != "exact" else None
        if _gap_ok(gap[of.end() :] if of else gap):
            if _copula_one(text, n):
                continue
            role = _role_before(text, n.start) or _role_after(text, nxt.end)
            if role == "launched" and _is_platform(text, nxt) and not _is_munition(text, nxt):
                role = "used"
            with_item = _sortie_with(text, nxt, spans)
            if with_item is not None:
                nxt, role = with_item, "used"
            linked[n.start] = (n, nxt, _adjust(role, text, nxt, n.start))
    # 1b. "shot down a Su-34", "destroyed a Russian A-50 aircraft and an Il-22": one platform lost
    for m in _ONE.finditer(text):
        nxt = next((i for i in spans if i.start >= m.end()), None)
        if nxt is None or m.start() in linked or not _gap_ok(text[m.end() : nxt.start]):
            continue
        one = NumberMention(m.start(), m.end() - 1, m.group().strip(), 1, "exact")
        earlier = max((q for q in linked.values() if q[0].start < m.start()), key=lambda q: q[0].start, default=None)
        if _is_munition(text, nxt):
            # "fired 11 drones and a ballistic missile": one more munition in a counted list (never a
            # lone "a missile hit", which says which missile, not how many)
            if earlier is not None and earlier[2] and earlier[1] is not nxt and _COORD.match(text[earlier[1].end : m.start()]):
                linked[m.start()] = (one, nxt, _adjust(earlier[2], text, nxt, m.start()))
            continue
        lost = _role_before(text, m.start()) or single_role_after(text, nxt.end)
        if lost is None and earlier is not None and earlier[2] in ("destroyed", "intercepted") and _COORD.match(text[earlier[1].end : m.start()]):
            lost = "destroyed"  # "destroyed a Russian A-50 aircraft and an Il-22"
        if _adjust(lost, text, nxt, m.start()) == "destroyed":
            linked[m.start()] = (one, nxt, "destroyed")
    # 2. partitives and bare numbers ("31 of 33 drones", "two of them", "33 were shot down")
    totals: set[int] = set()
    for idx, n in enumerate(nums):
        if n.start in linked or n.start in totals or _copula_one(text, n):
            continue
        after = text[n.end : n.end + 40]
        item: _Item | None = None
        role: str | None = None
        part = _PARTITIVE.match(after)
        follower = nums[idx + 1] if idx + 1 < len(nums) else None
        named = next((i for i in spans if part and i.start == n.end + part.end()), None)
        if part and named is not None:
            # "shot down nine of the drones": the item follows the partitive directly
            item = named
            role = _role_before(text, n.start) or _passive_after(text, named.end) or _role_after(text, named.end)
            if role is None:
                continue
            role = _adjust(role, text, item, n.start)
        elif part and follower is not None and follower.start == n.end + part.end() and follower.start not in linked:
            # "downed 21 of the 24": the total was counted (and named) before
            prev = [i for i in spans if i.end <= n.start and n.start - i.end <= 300]
            role = _role_before(text, n.start) or _passive_after(text, follower.end) or _role_after(text, follower.end)
            if not prev or role is None:
                continue
            item = prev[-1]
            role = _adjust(role, text, item, n.start)
            totals.add(follower.start)
        elif (
            part
            and follower is not None
            and follower.start == n.end + part.end()
            and follower.start in linked
        ):
            total, item, total_role = linked[follower.start]
            # "33 of the 41 missiles Russia fired were brought down": the passive verb is the partitive's
            role = _role_before(text, n.start) or _passive_after(text, linked[follower.start][1].end) or _role_after(
                text, linked[follower.start][1].end
            )
            role = _adjust(role, text, item, n.start)
            if total_role in (None, "intercepted", "destroyed", "hit") and role in (
                "intercepted",
                "destroyed",
                "hit",
            ):
                linked[follower.start] = (total, item, "launched")
        elif _OF_THEM.match(after) or _BARE_AFTER.match(after):
            prev = [i for i in spans if i.end <= n.start and n.start - i.end <= 250]
            if not prev:
                continue
            item = prev[-1]
            skip = _OF_THEM.match(after)
            role = _role_before(text, n.start) or _role_after(
                text, n.end + (skip.end() if skip else 0)
            )
            if role is None:
                continue
            role = _adjust(role, text, item, n.start)
        if item is not None:
            linked[n.start] = (n, item, role)
    # 3. coordination inherits the role: "destroyed 27 attack drones and 8 cruise missiles";
    #    a list after a colon says what the count before it was made of
    ordered = sorted(linked.values(), key=lambda t: t[0].start)
    out: list[QuantityMention] = []
    prev_q: tuple[NumberMention, _Item, str | None] | None = None
    for n, item, role in ordered:
        if prev_q is not None and prev_q[2]:
            after_prev = text[max(prev_q[0].end, prev_q[1].end) : n.start]
            if role is None and (_COORD.match(text[prev_q[1].end : n.start]) or _ALONG.search(after_prev)):
                role = _adjust(prev_q[2] if prev_q[2] != "used" else None, text, item, n.start)
            elif _LIST_AFTER.match(after_prev) and (role is None or role == "launched"):
                role = _adjust(prev_q[2], text, item, n.start)
        if role is None and _DEFINITE.search(text, max(0, n.start - 8), n.start):
            continue  # "Of the 88 air attack weapons, 59 were destroyed": the total was given before
        mixed = bool(_MIXED_AFTER.match(text[item.end : item.end + 60]))
        out.append(QuantityMention(n.start, n.end, n.text, item.name, role, n.value, n.qualifier, mixed))
        prev_q = (n, item, role)
    return out


def _copula_one(text: str, n: NumberMention) -> bool:
    """ "It was one of 20 missiles": which one, not how many."""
    return n.text.lower() == "one" and bool(_COPULA_BEFORE.search(text, max(0, n.start - 12), n.start))


def _sortie_with(text: str, item: _Item, spans: Sequence[_Item]) -> _Item | None:
    """ "14 air strikes with guided aerial bombs": the weapon the strikes used."""
    if not _SORTIE.search(item.name):
        return None
    nxt = next((i for i in spans if i.start >= item.end), None)
    if nxt is None or not _WITH.match(text[item.end : nxt.start]):
        return None
    return nxt


# --------------------------------------------------------------- casualties

_MILITARY = (
    r"soldiers?|servicem[ae]n|servicewom[ae]n|service\s+members?|servicemembers?|troops|fighters|militants?"
    r"|personnel|marines?|paratroopers?|guardsm[ae]n|conscripts?|mercenar(?:y|ies)|commanders?|officers?"
    r"|combatants?|defenders?|sailors?|pilots?|crew\s+members?|border\s+guards?|national\s+guardsm[ae]n"
    r"|rebels?|insurgents?|jihadists?|gunmen|assailants|attackers|terrorists?|operatives?|commandos?|snipers?|paramilitar(?:y|ies)"
    # "eight members of the Kurdish-led SDF", "members of the RSF": members of an armed force
    r"|members?\s+of\s+(?:the\s+|an?\s+)?(?:[\w’'-]+\s+){0,3}?(?:forces|army|militias?|SDF|YPG|PKK|Hamas|Hezbollah"
    r"|RSF|Wagner|brigades?|battalions?|regiments?|units?|guards?|armed\s+group|movement|garrison|crews?)"
    r"(?:\s+(?:group|forces|movement|militia))?"
)
_CIVILIAN = (
    r"civilians?|residents?|children|child|kids?|women|woman|men|man|boys?|girls?|teenagers?|teens?|bab(?:y|ies)"
    r"|infants?|toddlers?|elderly|pensioners?|journalists?|reporters?|medics?|doctors?|nurses?|paramedics?"
    r"|rescuers?|firefighters?|volunteers?|(?:aid\s+|power\s+|utility\s+|rail(?:way)?\s+)?workers?|employees?"
    r"|drivers?|passengers?|farmers?|students?|pupils?|villagers?|locals?|inhabitants?|patients?|worshippers?"
    r"|family\s+members?|teachers?|miners?|fishermen|shoppers?|pedestrians?|minors?|girls?|daughters?|sons?"
    r"|mothers?|fathers?|grandmothers?|grandfathers?|couple|evacuees?|displaced\s+(?:people|persons)|refugees?|wives|husbands?"
)
_UNKNOWN = r"people|persons?|individuals?|others|victims?|more|police(?:\s+officers?|m[ae]n)?|policem[ae]n|police\s+officer"
_GROUP_NOUN = (
    rf"(?:(?P<unk>{_UNKNOWN})|(?P<mil>{_MILITARY})|(?P<civ>{_CIVILIAN}))(?![\w-])"
)
_KILLED = r"killed|dead|died|die|perished|lost\s+(?:their|his|her)\s+li(?:ves|fe)|(?:were|was)\s+slain|slain|murdered|executed"
_INJURED = r"injured|wounded|hurt|hospitali[sz]ed|sustained\s+injuries|suffered\s+(?:\w+\s+)?injuries|injuries|sought\s+medical\s+(?:help|care|aid|attention|treatment|assistance)"
_OUTCOME = rf"(?:(?P<killed>{_KILLED})|(?P<injured>{_INJURED}))(?![\w-])"
_AUX = r"(?:(?:were|was|have\s+been|has\s+been|had\s+been|are|is|got|being|also|reportedly|later|all|confirmed|left)\s+)*"
_MODS = r"(?:(?!(?:were|was|and|of|in|at|on|by|from|to|with|including|who|had|have|has)\b)(?:[\w’'-]+|(?:[A-Z]\.){2,})\s+){0,3}?"
_AFTER_NUM = re.compile(rf"^\s+(?:of\s+(?:the\s+)?)?{_MODS}{_GROUP_NOUN}", _R)
_OUTCOME_AFTER = re.compile(
    rf"^(?:\s+(?:[\w’'-]+\s+){{0,3}}?|\s+){_AUX}(?:(?:\w+ly)\s+)?{_OUTCOME}", _R
)
_BARE_OUTCOME = re.compile(rf"^\s+{_AUX}(?:(?:\w+ly)\s+)?{_OUTCOME}", _R)
_VERB_OBJ = re.compile(
    r"\b(?:(?P<killed>kill(?:ed|ing|s)?|claim(?:ed|ing)?\s+the\s+lives\s+of|took\s+the\s+lives\s+of|execut(?:ed|ing|es)"
    r"|shot\s+dead|murder(?:ed|ing|s)?)"
    r"|(?P<injured>wound(?:ed|ing|s)?|injur(?:ed|ing|es)|hurt(?:ing)?))\s+(?:(?:all|another|a\s+further|an\s+additional)\s+)?$",
    _R,
)
_TOLL = re.compile(
    r"(?:\b(?:death\s+|casualty\s+)?toll\b|\bnumber\s+of\s+(?:the\s+)?(?:dead|killed|people\s+killed|victims|fatalities|deaths)\b)"
    r"[^.;]{0,80}?(?:\b(?:to|at|of|is|was|reached|stands|stood|hit|passed|exceeded|now)\s+)"
    r"(?:(?:at\s+least|more\s+than|over|about|some|nearly|almost|around)\s+)?$",
    _R,
)
# "the toll has risen to 19", "death toll climbs to 12": an update that replaces earlier figures
_TOLL_RISE = re.compile(r"\b(?:r[io]se[ns]?|rising|risen|climb(?:ed|s|ing)?|increas(?:ed|es|ing)|jump(?:ed|s)|gr[eo]w(?:n|s)?|mount(?:ed|s)|reach(?:ed|es))\b", _R)
# "he had earlier put the toll at three": a superseded figure
_TOLL_EARLIER = re.compile(r"\b(?:earlier|initially|previously|initial|first|preliminary)\b", _R)
# "... killed eight soldiers and a civilian": a second object of the same verb
_AND_OBJ = re.compile(r"^\s*,?\s*(?:and|as\s+well\s+as|plus|along\s+with)\s+$", _R)
_SUBSET = re.compile(
    r"(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|incl\.|among\s+the\s+dead|among\s+the\s+injured)\s+(?:\w+\s+)?$",
    _R,
)
_SINGLE = re.compile(
    rf"\b(?P<a>an?|one|his|her)\s+{_MODS}(?:(?P<unk>person|individual|police\s+officer|policem[ae]n)|(?P<mil>soldier|serviceman|servicewoman|service\s+member|servicemember|officer|marine|paratrooper|conscript|fighter|commander|sailor|pilot|border\s+guard)"
    r"|(?P<civ>civilian|resident|child|kid|woman|man|boy|girl|teenager|teen|baby|infant|toddler|pensioner|journalist|reporter"
    r"|medic|doctor|nurse|paramedic|rescuer|firefighter|volunteer|worker|employee|driver|passenger|farmer|student|pupil"
    r"|villager|local|inhabitant|patient|teacher|minor|wife|husband|son|daughter|mother|father|grandson|granddaughter"
    r"|grandmother|grandfather|brother|sister|neighbou?r|shepherd|evacuee|refugee))(?![\w-])",
    _R,
)
_ZERO = re.compile(
    r"\b(?:(?P<none>no\s+(?:casualties|victims)|without\s+casualties|no\s+(?:one|body)\s+was\s+(?:(?P<zk>killed|hurt|injured|wounded)))"
    r"|nobody\s+was\s+(?P<zk2>killed|hurt|injured|wounded)|no\s+(?P<zi>injuries|deaths|fatalities)"
    r"|no\s+(?P<zgroup>civilians|people|soldiers|residents)\s+(?:were|was)\s+(?P<zk3>killed|hurt|injured|wounded))\b",
    _R,
)
_DEMONYMS = {
    "ukrainian": "UA", "russian": "RU", "belarusian": "BY", "israeli": "IL", "palestinian": "PS",
    "syrian": "SY", "american": "US", "british": "GB", "iranian": "IR", "turkish": "TR", "polish": "PL",
    "moldovan": "MD", "georgian": "GE", "chechen": "RU", "north korean": "KP", "korean": "KR",
}  # fmt: skip
_CAS_GATE = re.compile(
    r"kill|dead|die|death|perish|lives|life|slain|murder|execut|injur|wound|hurt|hospital|casualt|toll|medical",
    _R,
)
_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’)]*|\n|$)")
_ABBREV = re.compile(r"\b(?:[A-Z]\.){2,}(?=\s+[a-z]|\s+[A-Z][a-z]+\s+[a-z])")
_CREW = re.compile(r"\bcrew|\bsailors?\b", _R)
_MERCHANT = re.compile(
    r"\b(?:bulk\s+carrier|cargo\s+ship|container\s+ship|merchant|freighter|tanker|commercial\s+(?:ship|vessel)|ferry|trawler"
    r"|fishing\s+(?:boat|vessel))",
    _R,
)


def _group_of(m: re.Match[str]) -> str:
    return (
        "military" if m.group("mil") else ("civilians" if m.group("civ") else "unknown")
    )


def _side(words: str) -> str | None:
    low = words.lower()
    if re.search(r"\bu\.\s?s\.|\bus\s+(?:service|troops|soldiers|forces|military)", low):
        return "US"
    return next(
        (iso for d, iso in _DEMONYMS.items() if re.search(rf"\b{d}\b", low)), None
    )


def _outcome(m: re.Match[str]) -> str:
    return "killed" if m.group("killed") else "injured"


def find_casualties(text: str) -> list[CasualtyMention]:
    """Killed / injured figures: "at least 12 people were killed", "killing six civilians",
    "a man was injured", "no one was hurt" (value 0)."""
    if not _CAS_GATE.search(text):
        return []
    out: list[CasualtyMention] = []
    masked = _ABBREV.sub(lambda m: m.group().replace(".", "_"), text)  # "U.S." ends no sentence
    for sm in _SENT.finditer(masked):
        if _CAS_GATE.search(sm.group()):
            out.extend(_sentence_casualties(text, sm.start(), sm.end()))
    return out


def _sentence_casualties(text: str, lo: int, hi: int) -> list[CasualtyMention]:
    sent = text[lo:hi]
    found: list[CasualtyMention] = []
    counts: list[tuple[int, int, int, str, str]] = [
        (n.start, n.end, n.value, n.qualifier, n.text) for n in find_numbers(sent)
    ]
    counts += [
        (m.start(), m.end("a"), 1, "exact", m["a"]) for m in _SINGLE.finditer(sent)
    ]
    counts.sort()
    for start, end, value, qualifier, _ in counts:
        before = sent[max(0, start - 40) : start]
        if _SUBSET.search(before):
            continue
        noun = _AFTER_NUM.match(sent[end:]) if end < len(sent) else None
        group, side, tail = "unknown", None, end
        if noun:
            group, side, tail = _group_of(noun), _side(noun.group()), end + noun.end()
            if group == "military" and _CREW.search(noun.group()) and _MERCHANT.search(sent):
                group, side = "civilians", None  # the crew of a merchant ship are civilians
            if (
                noun.group("unk")
                and noun.group("unk").lower() in ("others", "more")
                and found
            ):
                group, side = found[-1].group, found[-1].side
        verb = _VERB_OBJ.search(sent[max(0, start - 40) : start])
        toll = _TOLL.search(sent[max(0, start - 110) : start])
        if verb:
            s0 = start - (len(sent[max(0, start - 40) : start]) - verb.start())
            outcome = _outcome(verb)
            if not noun and found and _COORD_CAS.search(sent[found[-1].end - lo : s0]):
                group, side = found[-1].group, found[-1].side
            found.append(_cas(text, lo + s0, lo + tail, group, outcome, value, qualifier, side))
            continue
        if toll:
            s0 = start - (len(sent[max(0, start - 110) : start]) - toll.start())
            lead = sent[max(0, s0 - 40) : start]
            if _TOLL_EARLIER.search(lead):
                continue  # "had earlier put the toll at three": replaced by the figure reported now
            found.append(
                replace(
                    _cas(text, lo + s0, lo + tail, group if noun else "unknown", "killed", value, qualifier, side if noun else None),
                    update=bool(_TOLL_RISE.search(toll.group())),
                )
            )
            continue
        rest = sent[tail:]
        post = (_OUTCOME_AFTER if noun else _BARE_OUTCOME).match(rest)
        if post is None:
            if noun and found and _AND_OBJ.match(sent[found[-1].end - lo : start]):
                prev = found[-1]  # "killed eight members of the SDF and a civilian"
                if (prev.group, prev.side) == (group, side) and prev.value > 0:
                    # "injuring a woman and her son": one figure of two
                    found[-1] = _cas(text, prev.start, lo + tail, group, prev.outcome, prev.value + value, prev.qualifier, side)
                else:
                    found.append(_cas(text, lo + start, lo + tail, group, prev.outcome, value, qualifier, side))
            continue
        if not noun and found and _COORD_CAS.search(sent[found[-1].end - lo : start]):
            group, side = found[-1].group, found[-1].side
        found.append(_cas(text, lo + start, lo + tail + post.end(), group, _outcome(post), value, qualifier, side))
    for m in _ZERO.finditer(sent):
        group = {
            "civilians": "civilians",
            "residents": "civilians",
            "soldiers": "military",
        }.get((m["zgroup"] or "").lower(), "unknown")
        word = (m["zk"] or m["zk2"] or m["zk3"] or m["zi"] or "").lower()
        outcomes = ["killed", "injured"] if m["none"] and not m["zk"] else []
        if word in ("killed", "deaths", "fatalities"):
            outcomes = ["killed"]
        elif word:
            outcomes = ["injured"]
        for outcome in outcomes:
            found.append(_cas(text, lo + m.start(), lo + m.end(), group, outcome, 0, "exact", None))
    return found


_COORD_CAS = re.compile(
    r"^[^.;]{0,40}?\b(?:and|while|with)\b[^.;]{0,10}$|^\s*,\s*$", _R
)


def _cas(text: str, s: int, e: int, group: str, outcome: str, value: int, qualifier: str, side: str | None) -> CasualtyMention:
    return CasualtyMention(s, e, text[s:e], group, outcome, value, qualifier, side)


def settle_tolls(casualties: Sequence[CasualtyMention]) -> list[CasualtyMention]:
    """Figures as they stand: a risen toll ("the toll had risen to 19") replaces the lower killed
    figures reported before it ("killing 13 civilians") and takes their group."""
    ordered = sorted(casualties, key=lambda c: c.start)
    out: list[CasualtyMention] = []
    for c in ordered:
        if c.update and c.outcome == "killed":
            old = [x for x in out if x.outcome == "killed" and x.value < c.value and c.group in ("unknown", x.group)]
            if old:
                groups = {(x.group, x.side) for x in old}
                if c.group == "unknown" and len(groups) == 1:
                    group, side = next(iter(groups))
                    c = replace(c, group=group, side=side)
                out = [x for x in out if x not in old]
        out.append(c)
    return out


def acled_fatalities(casualties: Sequence[CasualtyMention]) -> int:
    """ACLED's most conservative count of the killed (injuries never count).

    Conflicting figures for the same group and side keep the lowest; figures for an unknown
    side (or group) may overlap the known ones, so they add nothing beyond them.
    """
    lowest: dict[tuple[str, str | None], int] = {}
    for c in settle_tolls(casualties):
        if c.outcome != "killed":
            continue
        key = (c.group, c.side)
        lowest[key] = min(lowest.get(key, c.value), c.value)

    def group_total(group: str) -> int:
        sided = sum(v for (g, s), v in lowest.items() if g == group and s is not None)
        return max(sided, lowest.get((group, None), 0))

    known = group_total("civilians") + group_total("military")
    return max(known, group_total("unknown"))
