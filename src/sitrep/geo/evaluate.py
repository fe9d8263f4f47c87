"""Measure the geocoder on gold files: the toponym test set and UCDP GED rows.

Library functions (the tests and ``bench/geocode.py`` call them); each returns a frozen report.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sitrep.geo.gazetteer import get_gazetteer
from sitrep.geo.normalize import skeleton
from sitrep.geo.records import PlaceMention
from sitrep.geo.resolve import resolve
from sitrep.geo.scan import scan

TOLERANCE_KM = 25.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


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
    return km(loc.lat, loc.lon, g["lat"], g["lon"]) <= TOLERANCE_KM


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


__all__ = ["ToponymReport", "UcdpReport", "evaluate_toponyms", "evaluate_ucdp", "km", "ucdp_admin1"]
