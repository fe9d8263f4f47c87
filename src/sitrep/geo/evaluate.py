"""Measure the geocoder on gold files: the toponym test set and UCDP GED rows.

Library functions (the tests and ``bench/geocode.py`` call them); each returns a frozen report.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.geo.gazetteer import get_gazetteer
from sitrep.geo.normalize import fold, skeleton
from sitrep.geo.records import PlaceMention
from sitrep.geo.resolve import resolve
from sitrep.geo.scan import scan
from sitrep.geo.distance import km

TOLERANCE_KM = 25.0


@dataclass(frozen=True, slots=True)
class ToponymFailure:
    category: str
    text: str
    surface: str
    expected: str
    got: str


@dataclass(frozen=True, slots=True)
class ToponymReport:
    total: int
    correct: int
    by_category: tuple[tuple[str, int, int], ...]  # (category, correct, total)
    regions_total: int
    regions_correct: int
    precision_agree: int
    failures: tuple[ToponymFailure, ...]

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def render(self) -> str:
        head = (f"toponyms: {self.correct}/{self.total} = {self.accuracy:.1%} within {TOLERANCE_KM:.0f} km "
                f"(regions at the right admin1: {self.regions_correct}/{self.regions_total}; "
                f"precision code agrees: {self.precision_agree}/{self.total})")
        lines = [head]
        for cat, c, t in self.by_category:
            lines.append(f"  {cat:<10} {c:>4}/{t:<4} {c / t:.1%}")
        for f in self.failures:
            lines.append(f"  MISS [{f.category}] {f.surface!r}: expected {f.expected}; got {f.got}  | {f.text}")
        return "\n".join(lines)


def _describe(m: PlaceMention | None) -> str:
    if m is None:
        return "nothing"
    loc = m.location
    if loc.lat is None:
        return f"unresolved {m.text!r}"
    return f"{loc.name} ({m.kind}, {loc.admin1}, {loc.country}) {loc.lat:.3f},{loc.lon:.3f} p{loc.precision}"


def _check(g: dict, m: PlaceMention | None) -> bool:
    kind = g["kind"]
    if kind == "unknown":
        return m is None or m.location.lat is None
    if m is None or m.location.lat is None or m.location.lon is None:
        return False
    loc = m.location
    if kind == "admin1":
        return m.kind == "admin1" and loc.country == g["country"] and loc.admin1 == g["admin1"]
    if kind == "country":
        return m.kind == "country" and loc.country == g["country"]
    return km(m.location.lat, m.location.lon, g["lat"], g["lon"]) <= TOLERANCE_KM


def evaluate_toponyms(path: Path) -> ToponymReport:
    """Score ``geocode_text`` on a toponyms.jsonl file (see tests/data/toponyms.jsonl)."""
    from sitrep.geo import geocode_text

    total = correct = rt = rc = pagree = 0
    cats: dict[str, list[int]] = {}
    failures: list[ToponymFailure] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if "text" not in row:
            continue
        ms = geocode_text(row["text"])
        for g in row["places"]:
            m = next((x for x in ms if x.start < g["end"] and g["start"] < x.end), None)
            ok = _check(g, m)
            total += 1
            correct += ok
            c = cats.setdefault(row["category"], [0, 0])
            c[0] += ok
            c[1] += 1
            if g["kind"] == "admin1":
                rt += 1
                rc += ok
            if m is not None and m.location.precision == g.get("precision"):
                pagree += 1
            if not ok:
                exp = (f"{g.get('name') or g.get('admin1') or g.get('country')} ({g['kind']}, "
                       f"{g.get('admin1')}, {g.get('country')})")
                failures.append(ToponymFailure(row["category"], row["text"], g["surface"], exp, _describe(m)))
    return ToponymReport(total, correct, tuple((k, v[0], v[1]) for k, v in sorted(cats.items())),
                         rt, rc, pagree, tuple(failures))


# ----------------------------------------------------------------------------- UCDP

_UCDP_ADM1_RE = re.compile(r"\s+(?:oblast|special republican city|city)$", re.IGNORECASE)


def ucdp_admin1(adm_1: str) -> str | None:
    """UCDP's ``adm_1`` ("Zaporizhzhya oblast", "Kiev Special Republican city") -> short name."""
    if not adm_1:
        return None
    gaz = get_gazetteer()
    city = "special republican city" in adm_1.lower()
    base = _UCDP_ADM1_RE.sub("", adm_1.strip())
    for i in gaz.lookup(skeleton(base)):
        if gaz.kind[i] == 1 and gaz.country[i] == "UA":
            name = gaz.admin1[i]
            return f"{name} City" if city and name == "Kyiv" else name
    return None


@dataclass(frozen=True, slots=True)
class UcdpReport:
    rows: int
    admin1_rows: int  # where_prec <= 3 with a gold admin1
    admin1_named: int  # ... whose gold admin1 is named or implied by a place in the text
    admin1_right_all: int
    admin1_right_named: int
    point_rows: int  # where_prec <= 2
    point_named: int  # ... whose gold point is within tolerance of some gazetteer candidate in the text
    point_right_all: int
    point_right_named: int
    errors: tuple[tuple[str, int], ...]  # cause -> count, over point_rows

    def render(self) -> str:
        def pct(a: int, b: int) -> str:
            return f"{a}/{b} = {a / b:.1%}" if b else "n/a"

        return "\n".join([
            f"UCDP rows: {self.rows}",
            (f"admin1 right (where_prec<=3): named {pct(self.admin1_right_named, self.admin1_named)}; "
             f"all {pct(self.admin1_right_all, self.admin1_rows)}"),
            (f"point within {TOLERANCE_KM:.0f} km (where_prec<=2): named "
             f"{pct(self.point_right_named, self.point_named)}; all {pct(self.point_right_all, self.point_rows)}"),
            "errors on where_prec<=2 rows, by cause: " + ", ".join(f"{k} {v}" for k, v in self.errors),
        ])


def _pick(ms: list[PlaceMention], limit: int) -> PlaceMention | None:
    """The event's place: the most specific resolved mention of the first text that has one."""
    best = None
    for m in ms:
        if m.start >= limit or m.location.lat is None or m.qualifies:
            continue
        p = m.location.precision or 9
        if m.kind == "country":
            p = 9
        if best is None or p < (best.location.precision or 9) - (0 if best.kind != "country" else 9):
            best = m
    if best is None:
        for m in ms:
            if m.start >= limit and m.location.lat is not None and not m.qualifies and m.kind != "country":
                return m
    return best


def evaluate_ucdp(path: Path) -> UcdpReport:
    """Geocode ``where_description`` + headlines of UCDP GED rows and compare with UCDP's coding."""
    gaz = get_gazetteer()
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    a_rows = a_named = a_all = a_named_ok = 0
    p_rows = p_named = p_all = p_named_ok = 0
    errors: Counter[str] = Counter()
    for r in rows:
        desc = r.get("where_description") or ""
        text = desc + "\n" + (r.get("source_headline") or "")
        raws = scan(text, gaz)
        ms = resolve(text, raws, gaz)
        pick = _pick(ms, len(desc))
        prec = int(r["where_prec"])
        glat, glon = float(r["latitude"]), float(r["longitude"])
        gold_a1 = ucdp_admin1(r.get("adm_1") or "")
        if prec <= 3 and gold_a1:
            a_rows += 1
            cand_a1 = {gaz.admin1[i] for raw in raws for i in raw.ids}
            named = gold_a1 in cand_a1 or (gold_a1 == "Kyiv City" and "Kyiv City" in cand_a1)
            ok = pick is not None and pick.location.admin1 == gold_a1
            a_all += ok
            if named:
                a_named += 1
                a_named_ok += ok
        if prec <= 2:
            p_rows += 1
            near = any(km(gaz.lat[i], gaz.lon[i], glat, glon) <= TOLERANCE_KM
                       for raw in raws for i in raw.ids if gaz.kind[i] != 4)
            ok = (pick is not None and pick.location.lat is not None and pick.location.lon is not None
                  and km(pick.location.lat, pick.location.lon, glat, glon) <= TOLERANCE_KM)
            p_all += ok
            if near:
                p_named += 1
                p_named_ok += ok
            if not ok:
                errors[_cause(desc, raws, pick, near, gaz)] += 1
    return UcdpReport(len(rows), a_rows, a_named, a_all, a_named_ok, p_rows, p_named, p_all, p_named_ok,
                      tuple(errors.most_common()))


_CAP_RE = re.compile(r"\b[A-Z][a-z]{3,}")


def _cause(desc: str, raws: Iterable, pick: PlaceMention | None, near: bool, gaz: object) -> str:
    if near:
        return "right place among candidates, wrong one chosen" if pick is not None else "found but rejected"
    if not desc.strip():
        return "no where_description"
    if pick is None:
        return "no place found (name not in gazetteer or not recognised)"
    if pick.location.precision and pick.location.precision >= 3:
        return "only a region/country found (gold is a point)"
    return "place found, gold point elsewhere (gazetteer gap or different place)"


# ----------------------------------------------------------------------------- gold passages


@dataclass(frozen=True, slots=True)
class PlaceError:
    """One wrong or suspect place on a gold passage."""

    passage: str
    kind: str  # "missed" | "wrong" | "foreign" | "far"
    surface: str
    got: str
    expected: str


@dataclass(frozen=True, slots=True)
class PassageReport:
    """Place precision/recall of ``geocode_text`` against the locations of gold events.

    * recall: gold locations whose text a resolved mention overlaps, placed right (within 25 km
      at precision 1-2, the right admin1 at 3, the right country at 4);
    * gold precision: of the resolved mentions overlapping a gold location, the ones placed right;
    * foreign: resolved mentions elsewhere in the passage placed in a country the passage never
      involves (not a gold location's or an actor's country, not named in the text) - the false
      positives of the "Mobile, Alabama" kind;
    * far: other resolved villages and towns (under 100,000 people) more than 300 km from every
      gold point of the passage, outside the gold regions - the far namesakes of a front-line village;
    * place precision: 1 - (wrong + foreign) / resolved mentions judged (gold-overlapping + foreign
      + the rest, which are places the events do not use but the passage plausibly names).
    """

    passages: int
    gold: int
    found: int
    resolved: int
    on_gold: int
    right_on_gold: int
    foreign: int
    far: int
    errors: tuple[PlaceError, ...]

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def gold_precision(self) -> float:
        return self.right_on_gold / self.on_gold if self.on_gold else 0.0

    @property
    def precision(self) -> float:
        bad = (self.on_gold - self.right_on_gold) + self.foreign + self.far
        return 1 - bad / self.resolved if self.resolved else 0.0

    def render(self, *, errors: bool = False) -> str:
        head = (f"gold passages: {self.passages}; place recall {self.found}/{self.gold} = {self.recall:.1%}; "
                f"precision on gold places {self.right_on_gold}/{self.on_gold} = {self.gold_precision:.1%}; "
                f"false positives: foreign {self.foreign}, far namesakes {self.far}; place precision {self.precision:.1%} "
                f"over {self.resolved} resolved mentions")
        if not errors:
            return head
        return "\n".join([head, *(f"  {e.kind.upper():<8} {e.passage} {e.surface!r}: got {e.got}; expected {e.expected}"
                                  for e in self.errors)])


def _gold_right(g: dict, m: PlaceMention) -> bool:
    loc = m.location
    if loc.lat is None:
        return False
    if g["precision"] == 4 or g.get("lat") is None:
        return g.get("country") is None or loc.country == g["country"]
    if g["precision"] == 3 and g.get("admin1"):
        return loc.country == g["country"] and skeleton(g["admin1"]) in _admin1_keys().get((loc.country, loc.admin1), ())
    return loc.lon is not None and km(loc.lat, loc.lon, g["lat"], g["lon"]) <= TOLERANCE_KM


@lru_cache(maxsize=1)
def _admin1_keys() -> dict[tuple[str | None, str | None], frozenset[str]]:
    """(country, short admin1 name) -> skeletons of every spelling ("Zaporizhzhia", "Moscow Oblast")."""
    from sitrep.geo import data as gdata

    return {(a.country, a.name): frozenset(skeleton(n) for n in (a.name, a.full_name, *a.variants))
            for a in gdata.load_admin1()}


# Countries reported as one theatre: a place in any of them is not foreign to a passage about another.
THEATRES = (frozenset({"UA", "RU", "BY", "MD"}), frozenset({"IL", "PS", "LB", "SY", "IR", "YE"}))


def _named_countries(text: str) -> set[str]:
    """Countries the text names in words (name, alias or demonym), found without the geocoder."""
    from sitrep.geo import data as gdata

    words = {fold(w) for w in re.findall(r"[^\W\d_][\w.'’-]*", text)}
    low = fold(text)
    out = {iso for d, iso in gdata.load_demonyms().items() if fold(d) in words}
    gaz = get_gazetteer()
    for iso, i in gaz.country_entry.items():
        if fold(gaz.names[i]) in low:
            out.add(iso)
    for c in gdata.load_countries():
        if any(re.search(r"(?<!\w)" + re.escape(fold(a)) + r"(?!\w)", low) for a in c.aliases):
            out.add(c.iso)
    return out


def evaluate_passages(path: Path) -> PassageReport:
    """Score ``geocode_text`` on the locations of gold passages (tests/gold/passages.jsonl)."""
    from sitrep.geo import geocode_text

    n = gold_n = found = resolved = on_gold = right = foreign = far = 0
    pop = _population_by_geonameid()
    errors: list[PlaceError] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text: str = row["text"]
        n += 1
        golds: dict[str, dict] = {}
        involved: set[str] = set()
        for ev in row["events"]:
            for g in ev["locations"]:
                golds.setdefault(g["text"], g)
                if g.get("country"):
                    involved.add(g["country"])
            involved.update(a["side"] for a in ev["actors"] if a.get("side"))
        judged = bool(involved)  # a passage with no event says nothing about which countries it is about
        involved |= _named_countries(text)
        for th in THEATRES:
            if involved & th:
                involved |= th
        points = [(g["lat"], g["lon"]) for g in golds.values() if g.get("lat") is not None]
        regions = {(g.get("country"), g.get("admin1")) for g in golds.values()}
        spans = [(m.start(), m.start() + len(t), t) for t in golds for m in re.finditer(re.escape(t), text)]
        ms = [m for m in geocode_text(text) if m.location.lat is not None]
        resolved += len(ms)
        for t, g in golds.items():
            gold_n += 1
            hits = [m for m in ms if any(s < m.end and m.start < e for s, e, tt in spans if tt == t)]
            if any(_gold_right(g, m) for m in hits):
                found += 1
            else:
                errors.append(PlaceError(row["id"], "missed", t, ", ".join(_describe(m) for m in hits) or "nothing",
                                         f"{g.get('name')} ({g.get('admin1')}, {g.get('country')}) p{g['precision']}"))
        for m in ms:
            over = [golds[tt] for s, e, tt in spans if s < m.end and m.start < e]
            if over:
                on_gold += 1
                if any(_gold_right(g, m) for g in over):
                    right += 1
                else:
                    errors.append(PlaceError(row["id"], "wrong", m.text, _describe(m),
                                             f"{over[0].get('name')} ({over[0].get('admin1')}, {over[0].get('country')})"))
            elif judged and m.location.country is not None and m.location.country not in involved:
                foreign += 1
                errors.append(PlaceError(row["id"], "foreign", m.text, _describe(m),
                                         "a place in " + (", ".join(sorted(involved)) or "no country")))
            elif (m.kind == "settlement" and points and m.location.lat is not None and m.location.lon is not None
                  and pop.get(m.location.geonameid or 0, 0) < 100_000
                  and (m.location.country, m.location.admin1) not in regions
                  and all(km(m.location.lat, m.location.lon, a, b) > 300 for a, b in points)):
                far += 1
                errors.append(PlaceError(row["id"], "far", m.text, _describe(m), "a place within 300 km of "
                                         + ", ".join(sorted({g["text"] for g in golds.values() if g.get("lat")}))))
    return PassageReport(n, gold_n, found, resolved, on_gold, right, foreign, far, tuple(errors))


@lru_cache(maxsize=1)
def _population_by_geonameid() -> dict[int, int]:
    gaz = get_gazetteer()
    return {g: gaz.population[i] for i, g in enumerate(gaz.geonameid) if g and gaz.kind[i] == 0}


__all__ = ["PassageReport", "PlaceError", "ToponymReport", "UcdpReport", "evaluate_passages", "evaluate_toponyms", "evaluate_ucdp", "km", "ucdp_admin1"]
