"""Name keys: fold spellings of one place name so that variants meet.

Two levels:

* :func:`fold` -- lower case, Cyrillic transliterated, diacritics and apostrophes dropped,
  hyphens as spaces, ``St.`` as ``saint``.  "L’viv", "Lviv", "Львів" -> ``lviv``.
* :func:`skeleton` -- :func:`fold` plus transliteration-system folding (ie/ye/e, kh/h, g/h,
  zh/z, ts/c, y/i, doubled letters, -ovka/-ivka, final -ov/-ev/-iv), so that
  Sievierodonetsk / Syevyerodonets'k / Severodonetsk, Kiev / Kyiv, Kharkov / Kharkiv,
  Krasnogorovka / Krasnohorivka share one key.  The gazetteer is indexed by skeletons.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Ukrainian + Russian + Belarusian Cyrillic -> Latin (BGN/PCGN-like, lower case; upper case
# is lowered first).
_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "ё": "e",
    "є": "ie", "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ў": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia", "ʼ": "", "’": "",
}
_CYR_TABLE = str.maketrans(_CYR)
_APOSTROPHES = str.maketrans("", "", "’'ʼ`ʹ‘\"“”´")
_SPACE_RE = re.compile(r"[\s\-‐‑–—_/]+")
_SAINT_RE = re.compile(r"\b(?:st|ste|sv|sankt|san|sao|sainte)\b\.?\s*")
_DOT_RE = re.compile(r"\.")

_DIGRAPHS = (
    ("shch", "s"), ("sch", "s"), ("szcz", "s"), ("kh", "h"), ("zh", "z"), ("tch", "c"),
    ("ch", "c"), ("cz", "c"), ("sh", "s"), ("sz", "s"), ("ts", "c"), ("tz", "c"),
)
_LETTER_PAIRS = (("g", "h"), ("w", "v"), ("y", "i"), ("j", "i"), ("q", "k"), ("x", "ks"))
_VKA_RE = re.compile(r"(?<=[a-z])[oe]vka\b")  # -ovka / -evka -> -ivka
_OV_RE = re.compile(r"(?<=[a-z]{2})(?:ov|ev|iv|of|ef|if)\b")  # final -ov / -ev / -iv
_SKII_RE = re.compile(r"(?<=[a-z]{3})(?:skii|ski|skoe|ske|skoie)\b")  # adjectival -skii / -skoe
_OE_RE = re.compile(r"(?<=[a-z]{3})(?:oe|oie|o)\b")  # final -oe / -o
_DOUBLE_RE = re.compile(r"([a-z])\1+")  # doubled letters


def fold_uncached(name: str) -> str:
    """:func:`fold` without the cache (used when building the index)."""
    s = name.lower()
    if s.isascii():  # the Cyrillic table maps no ASCII letter; only three apostrophes are ASCII
        if "'" in s or '"' in s or "`" in s:
            s = s.translate(_APOSTROPHES)
    else:
        s = s.translate(_CYR_TABLE).translate(_APOSTROPHES)
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s)
        # lower() again: compatibility forms decompose to capitals ("𝐀" -> "A")
        s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower().translate(_CYR_TABLE)
        s = s.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d")
        s = s.replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("ð", "d")
    if " " in s or "-" in s or "\t" in s or "_" in s or "/" in s or not s.isascii():
        s = _SPACE_RE.sub(" ", s)
    if "." in s or "st" in s or "sv" in s or "sa" in s:
        s = _SAINT_RE.sub("saint ", s)
        if "." in s:
            s = s.replace(".", "")
    return s.strip()


def skeleton_of_fold(s: str) -> str:
    """:func:`skeleton` of an already folded string (no cache).  The index build calls this for
    every name, so the rules are written out: each runs only when its letters occur."""
    for a, b in _DIGRAPHS:
        if a in s:
            s = s.replace(a, b)
    for a, b in _LETTER_PAIRS:  # g/h, w/v, y/i, j/i, q/k, x/ks (no target is itself a source)
        if a in s:
            s = s.replace(a, b)
    if "i" in s:
        # ie -> e, ii -> i, then i before a vowel is dropped (Mykolaiv ~ Nikolaev, -ia/-iu ~ -a/-u)
        s = s.replace("ie", "e").replace("ii", "i")
        s = s.replace("ia", "a").replace("iu", "u").replace("ie", "e").replace("io", "o")
    if "vka" in s:
        s = _VKA_RE.sub("ivka", s)
    if "v" in s or "f" in s:
        s = _OV_RE.sub("iv", s)
    if "sk" in s:
        s = _SKII_RE.sub("sk", s)
    if "o" in s:
        s = _OE_RE.sub("e", s)
    if "ei" in s:
        s = s.replace("ei", "i")
    return _DOUBLE_RE.sub(r"\1", s)


fold = lru_cache(maxsize=200_000)(fold_uncached)
fold.__doc__ = "Lower-cased, transliterated, diacritic- and apostrophe-free form of ``name``."


@lru_cache(maxsize=200_000)
def skeleton(name: str) -> str:
    """The index key of ``name``: :func:`fold` plus transliteration folding."""
    return skeleton_of_fold(fold(name))


_ASCII_BAD_RE = re.compile(r"[0-9]")


def is_indexable(name: str) -> bool:
    """True for names worth indexing: Latin or Cyrillic letters, starting upper case."""
    if len(name) < 3 or not name[0].isupper():
        return False
    if len(name) <= 4 and name.isupper():  # airport / abbreviation codes (IEV, LED)
        return False
    if name.isascii():
        return _ASCII_BAD_RE.search(name) is None
    for ch in name:
        if ch.isalpha():
            o = ord(ch)
            if not (o < 0x250 or 0x400 <= o < 0x530 or 0x1E00 <= o < 0x1F00):
                return False
        elif ch.isdigit():
            return False
    return True


__all__ = ["fold", "fold_uncached", "is_indexable", "skeleton", "skeleton_of_fold"]
