"""Find place-name candidates in a document (no resolution yet).

Pipeline: capitalised tokens -> runs of tokens that could form one name -> longest gazetteer
match inside each run -> drop matches that are part of a person's or organisation's name
("Vladimir Putin", "Washington Post") -> attach the words around each match: a place-type
word after it ("oblast", "region", "raion"), a qualifier before it ("near", "outskirts of"),
a locative preposition ("in", "at", "from").  Demonym + territory phrases ("Belarusian
airspace") become country mentions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from sitrep.geo import data as gdata
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.normalize import fold, skeleton

MAX_TOKENS = 5
_UP = "A-ZА-ЯЁІЇЄҐ"
_TOKEN_RE = re.compile(rf"(?<![\w'’ʼ‐\-])(?:(?:al|el|ad|ar|as|ash|at|az|an|ez|es|ed|er|en|et)-)?[{_UP}][^\W_]*(?:['’ʼ‐\-][^\W_]+)*")
_JOINERS = frozenset({" ", " of ", " on ", " upon ", " de ", " del ", " la ", " el ", " an ", " na ", "'s ", "’s "})
_LIST_GAP_RE = re.compile(r"^\s*(?:,|,?\s+and|,?\s+or|&)\s*$")
_PREP_RE = re.compile(
    r"(?:^|\W)(?:in|at|near|from|to|into|outside|towards?|around|across|over|via|through|of|"
    r"inside|within|between|along|on|against|reach(?:ed)?|captured?|took|liberated|shelled|struck|hit|"
    r"entered|seized|stormed|raided|bombed|attacked|"
    r"visit(?:ed|ing|s)?)"
    r"\s+(?:(?:the|a|an|west|east|north|south|western|eastern|northern|southern|central|downtown|occupied)\s+)*$"
)
_TYPE_BEFORE_RE = re.compile(
    r"(?:^|\W)(village|town|city|settlement|urban-type settlement|hamlet)\s+of\s+(?:the\s+)?$"
)


@dataclass(slots=True)
class RawMention:
    """A place-name candidate span with the words around it (internal to the geocoder)."""

    start: int
    end: int  # includes a place-type word ("oblast") when there is one
    name_end: int  # end of the name itself
    ids: tuple[int, ...]
    hint: str | None = None  # kind from the words around: admin1 | admin2 | settlement | country
    suffix: str | None = None
    plural: bool = False
    qualifier: str | None = None
    qual_precision: int | None = None
    prep: bool = False
    allcaps: bool = False
    demonym: str | None = None  # ISO2 when the mention is "Belarusian airspace"
    after_demonym: bool = False  # "British Columbia": a town name right after a demonym
    key: str = ""  # the skeleton the name matched
    type_before: str | None = None  # "village" in "the village of X"
    chained: bool = False  # right next to another name ("Aung San Suu Kyi", "Hanna Maliar")
    sentence_start: bool = False  # the first word of a sentence ("Mobile fire groups ...")
    front: str | None = None  # "sector" in "the Pokrovsk sector": a front sector named after the place
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    neutral: frozenset[str]
    stop: frozenset[str]
    orgwords: frozenset[str]
    features: frozenset[str]
    demonyms: dict[str, str]
    suffix_re: re.Pattern[str]
    suffixes: dict[str, str]
    qual_re: re.Pattern[str]
    quals: dict[str, tuple[str, int]]
    demonym_re: re.Pattern[str]
    lower_heads: frozenset[str]  # first words of curated multi-word names after a place name


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """The word lists of ``geo/data`` compiled once."""
    neutral = frozenset(gdata.load_words("stopnames.txt"))
    names = frozenset(gdata.load_words("namewords.txt"))
    demonyms = gdata.load_demonyms()
    suffixes = gdata.load_suffixes()
    suffix_re = re.compile(
        r"\s+(" + "|".join(re.escape(s) for s in sorted(suffixes, key=len, reverse=True)) + r")(?![\w])",
        re.IGNORECASE,
    )
    quals = {q.phrase: (q.qualifier, q.precision) for q in gdata.load_qualifiers()}
    qual_re = re.compile(
        r"(?:^|\W)(" + "|".join(re.escape(p) for p in quals) + r")\s+(?:the\s+)?"
        r"(?:(?:village|town|city|settlement)\s+of\s+)?$"
    )
    places = gdata.load_words("demonym_places.csv")
    demonym_re = re.compile(
        r"\b(" + "|".join(re.escape(d) for d in sorted(demonyms, key=len, reverse=True)) + r")\s+("
        + "|".join(re.escape(p) for p in sorted(places, key=len, reverse=True)) + r")\b"
    )
    features = frozenset(gdata.load_words("featurewords.txt"))
    heads = set(features)
    for lm in gdata.load_landmarks():
        for n in (lm.name, *lm.variants):
            parts = n.split()
            if len(parts) > 1 and parts[1].isascii():
                heads.add(parts[1].lower())
    heads -= {"and", "of", "the", "city", "region", "oblast"}
    return _Lexicon(neutral, neutral | names, names, features, demonyms, suffix_re, suffixes, qual_re, quals,
                    demonym_re, frozenset(heads))


def _is_neutral(tok: str, lx: _Lexicon) -> bool:
    f = fold(tok)
    if f in lx.neutral or tok.lower() in lx.suffixes or tok in lx.demonyms:
        return True
    head = tok.split("-", 1)[0]
    return head in lx.demonyms or (head != tok and fold(head) in lx.neutral)


_SENT_END_RE = re.compile(r"(?:^|[.!?:;\n\"«(])\s*$")


def _cyrillic_sentence_start(text: str, start: int) -> bool:
    """A sentence-initial Cyrillic word (Cyrillic capitalises only names and sentence starts)."""
    return "\u0400" <= text[start] <= "\u04ff" and bool(_SENT_END_RE.search(text[max(0, start - 4):start]))


def _tokens(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _TOKEN_RE.finditer(text):
        s, e = m.span()
        tok = text[s:e]
        if tok.endswith(("'s", "’s")) and len(tok) > 3:
            e -= 2
        elif tok in ("St", "Ste", "Mt", "Ft") and text[e:e + 1] == ".":
            e += 1
        out.append((s, e))
    return out


def _runs(text: str, toks: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    runs: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    for s, e in toks:
        if cur and text[cur[-1][1]:s] in _JOINERS:
            cur.append((s, e))
        else:
            if cur:
                runs.append(cur)
            cur = [(s, e)]
    if cur:
        runs.append(cur)
    return runs


def _overlaps(s: int, e: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < b and a < e for a, b in spans)


def scan(text: str, gaz: Gazetteer, exclude: Sequence[tuple[int, int]] = ()) -> list[RawMention]:
    """Candidate place mentions in ``text``, sorted by start."""
    lx = lexicon()
    out: list[RawMention] = []
    taken: list[tuple[int, int]] = []
    for m in lx.demonym_re.finditer(text):
        iso = lx.demonyms[m.group(1)]
        ce = gaz.country_entry.get(iso)
        if ce is not None and not _overlaps(m.start(), m.end(), exclude):
            out.append(RawMention(m.start(), m.end(), m.end(), (ce,), hint="country", demonym=iso,
                                  notes=[f"demonym + '{m.group(2)}'"]))
            taken.append(m.span())
    _districts(text, gaz, out, exclude)
    taken += [(r.start, r.end) for r in out if r.hint == "admin2"]
    n_before = len(out)
    _line_ends(text, gaz, out, exclude, lx)
    taken += [(r.start, r.end) for r in out[n_before:]]
    keys = gaz.keys
    for run in _runs(text, _tokens(text)):
        n = len(run)
        matched: list[tuple[int, int, tuple[int, ...], str]] = []  # (first token, last+1, ids, key)
        i = 0
        while i < n:
            hit = None
            for j in range(min(n, i + MAX_TOKENS), i, -1):
                surface = text[run[i][0]:run[j - 1][1]]
                if j - i == 1 and (len(surface) < 3 or fold(surface) in lx.stop):
                    break
                k = skeleton(surface)
                if k in keys:
                    hit = (i, j, gaz.lookup(k), k)
                    break
            if hit:
                matched.append(hit)
                i = hit[1]
            else:
                i += 1
        for a, b, ids, key in matched:
            s, e = run[a][0], run[b - 1][1]
            # part of a longer proper name? ("Vladimir Putin", "Kyiv Independent")
            if (a > 0 and text[run[a - 1][1]:s] == " "
                    and not _is_neutral(text[run[a - 1][0]:run[a - 1][1]], lx)
                    and not _cyrillic_sentence_start(text, run[a - 1][0])
                    and not any(x[1] == a for x in matched)):
                continue
            if b < n and text[e:run[b][0]] == " ":
                nxt = text[run[b][0]:run[b][1]]
                if fold(nxt) in lx.features or (not _is_neutral(nxt, lx) and not any(
                        x[0] == b and not _glued(text, run, x[1], lx) for x in matched)):
                    continue  # "Black Sea Grain Initiative": "Grain" is a name only inside a longer one
            after_demonym = a > 0 and text[run[a - 1][1]:s] == " " and text[run[a - 1][0]:run[a - 1][1]] in lx.demonyms
            # "Armed Forces of Ukraine", "Ministry of Defence of Russia": part of an organisation
            if a > 0 and text[run[a - 1][1]:s] == " of " and fold(text[run[a - 1][0]:run[a - 1][1]]) in lx.orgwords:
                continue
            if _overlaps(s, e, exclude) or _overlaps(s, e, taken):
                continue
            if b == n or text[e:run[b][0]] != " ":  # "the Dnipro river", "the Kerch bridge"
                ext = _lower_feature(text, s, e, gaz, lx)
                if ext is not None:
                    if not ext[1]:
                        continue  # "the Hudson river": a river, and not a curated one
                    e, ids, key = ext[0], ext[1], skeleton(text[s:ext[0]])
            rm = _decorate(text, s, e, ids, lx)
            rm.key = key
            if rm.hint is None and _PART_OF_RE.search(text, max(0, s - 20), s) and _region_not_town(gaz, ids):
                rm.hint = "admin1"  # "in central Gaza", "northern Shan": a part of a region, not the town
                rm.notes.append("a part of a region")
            if rm.hint == "admin1" and rm.end > e:  # "Moscow region" names Moscow Oblast, not the city's region
                whole = gaz.lookup(skeleton(text[s:rm.end]))
                if any(gaz.kind[i] == 1 for i in whole):
                    rm.ids = tuple(i for i in whole if gaz.kind[i] == 1)
            if rm.hint is None and rm.qualifier is None:
                _front_sector(text, rm, gaz)
            rm.after_demonym = after_demonym
            rm.chained = any((x[1] == a or x[0] == b) for x in matched if x[:2] != (a, b)) and (
                (a > 0 and text[run[a - 1][1]:s] == " ") or (b < n and text[e:run[b][0]] == " "))
            rm.sentence_start = bool(_SENT_END_RE.search(text[max(0, s - 4):s]))
            out.append(rm)
    out.sort(key=lambda r: r.start)
    _distribute_plural(text, out)
    _distribute_front(text, out, gaz)
    _distribute_type_before(text, out)
    _distribute_prep(text, out)
    return out


_SECTOR_RE = re.compile(r"\s+(sectors?|directions?|axis|axes|front)\b(?!\s+(?:of|line)\b)")


def _front_sector(text: str, rm: RawMention, gaz: Gazetteer) -> None:
    """"the Pokrovsk direction", "the Zaporizhzhia sector": a front sector named after a town is the
    area around it (precision 2), and one named after a region's namesake capital is the region
    (the Zaporizhzhia front runs through the oblast, far from the city)."""
    m = _SECTOR_RE.match(text, rm.name_end)
    if m is not None:
        _make_front(rm, gaz, m.group(1).lower())


def _make_front(rm: RawMention, gaz: Gazetteer, word: str) -> None:
    rm.front = word
    regions = tuple(i for i in rm.ids if gaz.kind[i] == 1)
    if regions and any(gaz.kind[i] == 0 for i in rm.ids):
        rm.ids, rm.hint = regions, "admin1"
        rm.notes.append(f"front sector named after a region ('{word}')")
    else:
        rm.qualifier, rm.qual_precision = "sector", 2
        rm.notes.append(f"front sector around the town ('{word}')")


_PART_OF_RE = re.compile(r"\b(?:central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|"
                         r"south-?western|northeastern|northwestern|southeastern|southwestern)\s+$", re.IGNORECASE)


def _region_not_town(gaz: Gazetteer, ids: tuple[int, ...]) -> bool:
    """Does the name stand for a region whose own name no town of its country shares ("Gaza" for the
    Gaza Strip, "Shan"), so that "central Gaza" is a part of the region ("central Kyiv" is the city's)?"""
    if any(gaz.kind[i] == 3 for i in ids):
        return False  # "southern Lebanon": a country's part is the country's
    regions = [i for i in ids if gaz.kind[i] == 1]
    towns = {(gaz.country[i], skeleton(gaz.names[i])) for i in ids if gaz.kind[i] == 0}
    return any((gaz.country[i], skeleton(gaz.admin1[i] or "")) not in towns for i in regions)


def _glued(text: str, run: list[tuple[int, int]], b: int, lx: _Lexicon) -> bool:
    """Is the token after token ``b - 1`` of ``run`` a capitalised word that continues a proper name?"""
    if b >= len(run) or text[run[b - 1][1]:run[b][0]] != " ":
        return False
    return not _is_neutral(text[run[b][0]:run[b][1]], lx)


_LOWER_WORDS_RE = re.compile(r"(?: [a-z][a-z-]*){1,3}")


def _lower_feature(text: str, s: int, e: int, gaz: Gazetteer,
                   lx: _Lexicon) -> tuple[int, tuple[int, ...]] | None:
    """A name followed by lower-case words that name a curated feature ("the Dnipro river" ->
    Dnipro River, "the Kerch bridge" -> Kerch Bridge): (new end, its entries).  A feature word
    that names no curated feature ("the Hudson river") returns (end, ()): not the town.  None
    when the words after the name are not a feature."""
    m = _LOWER_WORDS_RE.match(text, e)
    if m is None:
        return None
    words = m.group(0).split()
    if words[0] not in lx.lower_heads:
        return None
    name = text[s:e]
    for k in range(len(words), 0, -1):
        ids = tuple(i for i in gaz.lookup(skeleton(name + " " + " ".join(words[:k]))) if gaz.kind[i] != 0)
        if ids:
            return e + len(" ".join(words[:k])) + 1, ids
    return (e, ()) if words[0] in lx.features else None


def _distribute_prep(text: str, ms: list[RawMention]) -> None:
    """"in Kharkiv and Izium": a locative preposition before a list applies to every name in it."""
    for i in range(1, len(ms)):
        if not ms[i].prep and ms[i - 1].prep and _LIST_GAP_RE.match(text[ms[i - 1].end:ms[i].start]):
            ms[i].prep = True


_DISTRICT_RE = re.compile(
    rf"(?<![\w'’-])([{_UP}][\w'’-]+?)(s['’]?kyi|s['’]?kyy|s['’]?kiy|s['’]?kii|s['’]?ky|s['’]?ki|s['’]?kyj|skoy|skoho|skogo|ska)"
    r"\s+(district|raion|rayon|region|районі|району|район)\b",
    re.IGNORECASE,
)
_STEM_ENDINGS = ("", "a", "e", "o", "ka", "sk", "aya", "oye", "oe", "ske", "ske", "ivka", "ove", "ovo")


def _districts(text: str, gaz: Gazetteer, out: list[RawMention], exclude: Sequence[tuple[int, int]]) -> None:
    """"Amvrosiivskyi raion", "Starobeshivskiy district", "Popasnyansky district": a district named
    after its town (adjective form) -> an admin2 mention with the town's candidates."""
    if "istrict" not in text and "aion" not in text and "ayon" not in text and "egion" not in text and "айон" not in text:
        return
    spans = [(r.start, r.end) for r in out]
    for m in _DISTRICT_RE.finditer(text):
        if _overlaps(m.start(), m.end(), spans) or _overlaps(m.start(), m.end(), exclude):
            continue
        stem = m.group(1)
        stems = [stem]
        if stem.lower().endswith(("yan", "ian", "jan")):
            stems.append(stem[:-3])
        if stem.lower().endswith("iv"):
            stems.append(stem[:-2] + "ev")
        if m.group(2).lower().startswith("s") and not m.group(2).lower().startswith("sk"):
            stems.append(stem + "s")
        ids: list[int] = []
        for st in stems:
            for ending in _STEM_ENDINGS:
                for i in gaz.lookup_name(st + ending):
                    if gaz.kind[i] == 0 and i not in ids:
                        ids.append(i)
            if ids:
                break
        if ids:
            word = m.group(3).lower()
            out.append(RawMention(m.start(), m.end(), m.start(3) - 1, tuple(ids), hint="admin2", suffix=word,
                                  key=skeleton(stem), notes=[f"district named after its town ('{m.group(0)}')"]))


_LINE_RE = re.compile(
    rf"(?<![\w'’-])([{_UP}][\w'’]+)\s?[-–]\s?([{_UP}][\w'’]+)\s+(?:line|axis|front|frontline|front line|highway|road|"
    r"route|railway|rail line|direction|corridor|sector|motorway)\b"
)


def _line_ends(text: str, gaz: Gazetteer, out: list[RawMention], exclude: Sequence[tuple[int, int]],
               lx: _Lexicon) -> None:
    """"the Kupiansk-Svatove line", "the Bakhmut–Siversk highway": both ends are places (the joined
    name is in no gazetteer)."""
    if "-" not in text and "–" not in text:
        return
    for m in _LINE_RE.finditer(text):
        if gaz.lookup(skeleton(text[m.start(1):m.end(2)])) or _overlaps(m.start(), m.end(), exclude):
            continue
        ends = [(m.start(g), m.end(g), gaz.lookup(skeleton(m.group(g)))) for g in (1, 2)]
        if not all(ids and not _is_neutral(text[a:b], lx) for a, b, ids in ends):
            continue
        for a, b, ids in ends:
            rm = _decorate(text, a, b, ids, lx)
            rm.key = skeleton(text[a:b])
            rm.notes.append(f"end of '{m.group(0)}'")
            out.append(rm)


def _decorate(text: str, s: int, e: int, ids: tuple[int, ...], lx: _Lexicon) -> RawMention:
    rm = RawMention(s, e, e, ids)
    surface = text[s:e]
    rm.allcaps = surface.isupper() and len(surface) > 1
    m = lx.suffix_re.match(text, e, min(len(text), e + 40))
    if m:
        word = m.group(1).lower()
        rm.suffix = word
        rm.hint = lx.suffixes.get(word) or lx.suffixes.get(word.rstrip("s"))
        rm.plural = word.endswith("s") or word in ("oblasti", "области")
        rm.end = m.end()
    before = text[max(0, s - 48):s].lower()
    q = lx.qual_re.search(before)
    if q:
        rm.qualifier, rm.qual_precision = lx.quals[q.group(1)]
    t = _TYPE_BEFORE_RE.search(before)
    if t and rm.hint is None:
        rm.hint = "settlement"
        rm.type_before = t.group(1)
        rm.notes.append(f"'{t.group(1)} of'")
    rm.prep = bool(q or t or _PREP_RE.search(before))
    return rm


_TYPE_LIST_RE = re.compile(r"\b(regions|oblasts|provinces|states|governorates)\s*(?:[—–:(]|--|,)?\s*(?:of\s+|including\s+|namely\s+)?(?:the\s+)?$",
                           re.IGNORECASE)


def _distribute_type_before(text: str, ms: list[RawMention]) -> None:
    """"four regions — Donetsk, Luhansk, Zaporizhzhia and Kherson": a plural type word before a list
    applies to every name in it."""
    i = 0
    while i < len(ms):
        m = _TYPE_LIST_RE.search(text, max(0, ms[i].start - 30), ms[i].start)
        if m is None or ms[i].hint is not None:
            i += 1
            continue
        hint = "admin1"
        j = i
        while True:
            if ms[j].hint is None:
                ms[j].hint = hint
                ms[j].notes.append(f"listed after '{m.group(1)}'")
            if j + 1 < len(ms) and _LIST_GAP_RE.match(text[ms[j].end:ms[j + 1].start]):
                j += 1
            else:
                break
        i = j + 1


def _distribute_front(text: str, ms: list[RawMention], gaz: Gazetteer) -> None:
    """"the Kupiansk and Lyman directions": a plural sector word applies to the whole list."""
    for i, m in enumerate(ms):
        if m.front is None or not m.front.endswith(("s", "axes")):
            continue
        j = i
        while j > 0 and _LIST_GAP_RE.match(text[ms[j - 1].end:ms[j].start]):
            j -= 1
            if ms[j].hint is None and ms[j].qualifier is None and ms[j].front is None:
                _make_front(ms[j], gaz, m.front)


def _distribute_plural(text: str, ms: list[RawMention]) -> None:
    """"Kyiv, Chernihiv, and Sumy oblasts": the plural type word applies to the whole list."""
    for i, m in enumerate(ms):
        if not m.plural or m.hint is None:
            continue
        j = i
        while j > 0 and _LIST_GAP_RE.match(text[ms[j - 1].end:ms[j].start]):
            j -= 1
            if ms[j].hint is None:
                ms[j].hint = m.hint
                ms[j].notes.append(f"listed before '{m.suffix}'")


__all__ = ["RawMention", "lexicon", "scan"]
