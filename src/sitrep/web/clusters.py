"""Grid clustering of event points for the map, so 50,000 events draw as a few hundred markers.

Points are binned into square cells of :data:`CELL_PX` screen pixels at the requested zoom
(Web Mercator, 256-pixel tiles). A cell with one event carries that event's id and summary;
a larger cell carries its count, its kinds and the centre of its points.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from sitrep.store.base import MapPoint as Point
from sitrep.store.base import map_point as event_point

CELL_PX = 40


@dataclass(frozen=True, slots=True)
class Cell:
    """One map marker: a single event or a cluster."""

    lat: float
    lon: float
    count: int
    kinds: tuple[tuple[str, int], ...]  # most frequent first
    event_id: str | None = None  # set when count == 1
    summary: str | None = None  # set when count == 1


def _pixel(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    scale = 256 * (2**zoom)
    lat = max(min(lat, 85.0511), -85.0511)
    x = (lon + 180.0) / 360.0 * scale
    s = math.sin(math.radians(lat))
    y = (0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)) * scale
    return x, y


@dataclass(slots=True)
class _Bin:
    count: int
    lat_sum: float
    lon_sum: float
    kinds: Counter[str]
    first: Point


def cluster_points(points: Iterable[Point], zoom: int, cell_px: int = CELL_PX) -> list[Cell]:
    """Bin points into cells of ``cell_px`` pixels at ``zoom``; largest cells first."""
    bins: dict[tuple[int, int], _Bin] = {}
    for p in points:
        x, y = _pixel(p.lat, p.lon, zoom)
        key = (int(x // cell_px), int(y // cell_px))
        b = bins.get(key)
        if b is None:
            bins[key] = _Bin(1, p.lat, p.lon, Counter({p.kind: 1}), p)
        else:
            b.count += 1
            b.lat_sum += p.lat
            b.lon_sum += p.lon
            b.kinds[p.kind] += 1
    cells: list[Cell] = []
    for b in bins.values():
        kinds = tuple(sorted(b.kinds.items(), key=lambda kv: (-kv[1], kv[0])))
        if b.count == 1:
            p = b.first
            cells.append(Cell(p.lat, p.lon, 1, kinds, p.id, p.summary))
        else:
            lat = round(b.lat_sum / b.count, 5)
            lon = round(b.lon_sum / b.count, 5)
            cells.append(Cell(lat, lon, b.count, kinds))
    cells.sort(key=lambda c: -c.count)
    return cells


def cluster_columns(
    ids: Sequence[str],
    kinds: Sequence[str],
    summaries: Sequence[str],
    lat: np.ndarray,
    lon: np.ndarray,
    zoom: int,
    cell_px: int = CELL_PX,
) -> list[Cell]:
    """:func:`cluster_points` on columns, vectorised (50,000 points in a few milliseconds)."""
    n = len(ids)
    if n == 0:
        return []
    scale = 256.0 * (2**zoom)
    x = (lon + 180.0) / 360.0 * scale
    s = np.sin(np.radians(np.clip(lat, -85.0511, 85.0511)))
    y = (0.5 - np.log((1 + s) / (1 - s)) / (4 * math.pi)) * scale
    cx = (x // cell_px).astype(np.int64)
    cy = (y // cell_px).astype(np.int64)
    keys = cx * (1 << 31) + cy
    cells_key, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
    lat_mean = np.bincount(inverse, weights=lat) / counts
    lon_mean = np.bincount(inverse, weights=lon) / counts
    kind_names, kind_codes = np.unique(np.asarray(kinds, dtype=object).astype(str), return_inverse=True)
    n_kinds = len(kind_names)
    per_kind = np.bincount(inverse * n_kinds + kind_codes, minlength=len(cells_key) * n_kinds)
    per_kind = per_kind.reshape(len(cells_key), n_kinds)
    first = np.full(len(cells_key), -1, dtype=np.int64)
    first[inverse[::-1]] = np.arange(n)[::-1]  # first point of each cell
    out: list[Cell] = []
    for c in np.argsort(-counts, kind="stable"):
        row = per_kind[c]
        nz = np.nonzero(row)[0]
        kc = tuple(sorted(((str(kind_names[k]), int(row[k])) for k in nz), key=lambda kv: (-kv[1], kv[0])))
        if counts[c] == 1:
            i = int(first[c])
            out.append(Cell(float(lat[i]), float(lon[i]), 1, kc, ids[i], summaries[i]))
        else:
            out.append(Cell(round(float(lat_mean[c]), 5), round(float(lon_mean[c]), 5), int(counts[c]), kc))
    return out


__all__ = ["CELL_PX", "Cell", "Point", "cluster_columns", "cluster_points", "event_point"]
