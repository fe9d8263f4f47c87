"""Loaders for the curated geography files in ``geo/data/`` (knowledge as data).

Each loader validates its file and raises :class:`~sitrep.errors.KnowledgeError` naming the
file, the line and what to fix.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.errors import KnowledgeError

DATA_DIR = Path(__file__).with_name("data")
KINDS = ("settlement", "admin1", "admin2", "country", "landmark", "feature", "region")


@dataclass(frozen=True, slots=True)
class Admin1:
    """A first-level division: GeoNames (country, admin1 code) -> ACLED-style short name."""

    country: str
    code: str
    name: str
    full_name: str
    variants: tuple[str, ...]
    lat: float
    lon: float
    capital_id: int | None


@dataclass(frozen=True, slots=True)
class Landmark:
    """A curated place GeoNames cities lack: plant, bridge, air base, sea, river, region."""

    name: str
    variants: tuple[str, ...]
    kind: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    precision: int


@dataclass(frozen=True, slots=True)
class CountryInfo:
    iso: str
    aliases: tuple[str, ...]
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class Qualifier:
    phrase: str
    qualifier: str
    precision: int


def _rows(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in required if c not in (reader.fieldnames or ())]
            if missing:
                raise KnowledgeError(
                    f"{path}: missing column(s) {', '.join(missing)}; the header must name "
                    f"{', '.join(required)}"
                )
            return [(i + 2, {k: (v or "").strip() for k, v in row.items()}) for i, row in enumerate(reader)]
    except OSError as exc:
        raise KnowledgeError(f"cannot read {path}: {exc}; reinstall sitrep or fix the path") from exc


def _float(path: Path, line: int, field: str, value: str, lo: float, hi: float) -> float:
    try:
        x = float(value)
    except ValueError:
        raise KnowledgeError(f"{path}:{line}: {field} {value!r} is not a number") from None
    if not lo <= x <= hi:
        raise KnowledgeError(f"{path}:{line}: {field} {x} is outside [{lo}, {hi}]")
    return x


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(";") if v.strip())


def load_admin1(path: Path | None = None) -> tuple[Admin1, ...]:
    """The curated admin1 table (``admin1.csv``)."""
    path = path or DATA_DIR / "admin1.csv"
    out: list[Admin1] = []
    seen: set[tuple[str, str]] = set()
    for line, r in _rows(path, ("country", "code", "name", "full_name", "variants", "lat", "lon", "capital_id")):
        if len(r["country"]) != 2 or not r["code"] or not r["name"]:
            raise KnowledgeError(f"{path}:{line}: country (ISO2), code and name are required")
        key = (r["country"], r["code"])
        if key in seen:
            raise KnowledgeError(f"{path}:{line}: duplicate admin1 {key}; keep one row per code")
        seen.add(key)
        out.append(
            Admin1(
                country=r["country"],
                code=r["code"],
                name=r["name"],
                full_name=r["full_name"] or r["name"],
                variants=_split(r["variants"]),
                lat=_float(path, line, "lat", r["lat"], -90, 90),
                lon=_float(path, line, "lon", r["lon"], -180, 180),
                capital_id=int(r["capital_id"]) if r["capital_id"] else None,
            )
        )
    return tuple(out)


def load_landmarks(path: Path | None = None) -> tuple[Landmark, ...]:
    """Curated landmarks, features and regions (``landmarks.csv``, or a user CSV of that shape)."""
    path = path or DATA_DIR / "landmarks.csv"
    out: list[Landmark] = []
    for line, r in _rows(path, ("name", "lat", "lon")):
        kind = r.get("kind") or "landmark"
        if kind not in KINDS:
            raise KnowledgeError(f"{path}:{line}: kind {kind!r} is not one of {', '.join(KINDS)}")
        if not r["name"]:
            raise KnowledgeError(f"{path}:{line}: name is empty")
        prec = r.get("precision") or ("1" if kind in ("landmark", "settlement") else "3")
        if prec not in ("1", "2", "3", "4"):
            raise KnowledgeError(f"{path}:{line}: precision {prec!r} must be 1, 2, 3 or 4")
        country = r.get("country") or None
        if country is not None and len(country) != 2:
            raise KnowledgeError(f"{path}:{line}: country {country!r} must be an ISO 3166 alpha-2 code")
        out.append(
            Landmark(
                name=r["name"],
                variants=_split(r.get("variants", "")),
                kind=kind,
                lat=_float(path, line, "lat", r["lat"], -90, 90),
                lon=_float(path, line, "lon", r["lon"], -180, 180),
                country=country,
                admin1=r.get("admin1") or None,
                precision=int(prec),
            )
        )
    return tuple(out)


def load_countries(path: Path | None = None) -> tuple[CountryInfo, ...]:
    """Country aliases and the point a country-level mention is coded to (``countries.csv``)."""
    path = path or DATA_DIR / "countries.csv"
    return tuple(
        CountryInfo(
            iso=r["iso"],
            aliases=_split(r["aliases"]),
            lat=_float(path, line, "lat", r["lat"], -90, 90),
            lon=_float(path, line, "lon", r["lon"], -180, 180),
        )
        for line, r in _rows(path, ("iso", "aliases", "lat", "lon"))
    )


def load_demonyms(path: Path | None = None) -> dict[str, str]:
    """Demonym -> ISO2 ("Belarusian" -> "BY")."""
    path = path or DATA_DIR / "demonyms.csv"
    return {r["demonym"]: r["country"] for _, r in _rows(path, ("demonym", "country"))}


def load_words(name: str) -> tuple[str, ...]:
    """A one-word-a-line list (``#`` comments) or the first column of a one-column CSV."""
    path = DATA_DIR / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise KnowledgeError(f"cannot read {path}: {exc}; reinstall sitrep") from exc
    words = [w.strip() for w in lines if w.strip() and not w.startswith("#")]
    if name.endswith(".csv"):
        words = words[1:]
    return tuple(words)


def load_suffixes() -> dict[str, str]:
    """Place-type words that follow a name ("oblast" -> admin1, "raion" -> admin2)."""
    path = DATA_DIR / "suffixes.csv"
    out = {}
    for line, r in _rows(path, ("word", "kind")):
        if r["kind"] not in KINDS:
            raise KnowledgeError(f"{path}:{line}: kind {r['kind']!r} is not one of {', '.join(KINDS)}")
        out[r["word"].lower()] = r["kind"]
    return out


def load_qualifiers() -> tuple[Qualifier, ...]:
    """Phrases before a name that make the location approximate ("near", "outskirts of")."""
    path = DATA_DIR / "qualifiers.csv"
    out = []
    for line, r in _rows(path, ("phrase", "qualifier", "precision")):
        if r["precision"] not in ("1", "2", "3"):
            raise KnowledgeError(f"{path}:{line}: precision must be 1, 2 or 3")
        out.append(Qualifier(r["phrase"].lower(), r["qualifier"], int(r["precision"])))
    return tuple(sorted(out, key=lambda q: -len(q.phrase)))


@lru_cache(maxsize=1)
def load_focus() -> dict[str, float]:
    """Countries whose every name is indexed, with a prior bonus (``focus.csv``)."""
    path = DATA_DIR / "focus.csv"
    out = {}
    for line, r in _rows(path, ("country", "prior")):
        out[r["country"]] = _float(path, line, "prior", r["prior"], 0, 5)
    return out


@lru_cache(maxsize=1)
def load_frontline() -> dict[tuple[str, str], float]:
    """Admin1s where fighting is reported most, with a prior bonus (``frontline.csv``)."""
    path = DATA_DIR / "frontline.csv"
    return {(r["country"], r["admin1"]): _float(path, line, "prior", r["prior"], 0, 5)
            for line, r in _rows(path, ("country", "admin1", "prior"))}


@lru_cache(maxsize=1)
def data_version() -> str:
    """A hash of every packaged data file: the cache key of the built index."""
    h = hashlib.sha1()
    for p in sorted(DATA_DIR.iterdir()):
        if p.is_file() and p.suffix in (".csv", ".txt"):
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:12]


__all__ = [
    "DATA_DIR",
    "KINDS",
    "Admin1",
    "CountryInfo",
    "Landmark",
    "Qualifier",
    "data_version",
    "load_admin1",
    "load_countries",
    "load_demonyms",
    "load_focus",
    "load_frontline",
    "load_landmarks",
    "load_qualifiers",
    "load_suffixes",
    "load_words",
]
