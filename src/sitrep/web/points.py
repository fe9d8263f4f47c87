"""Map points (id, kind, lat, lon, summary) of the events matching a filter, cheaply.

Points come from :meth:`sitrep.store.Store.iter_points` (the SQLite store reads its
primary-location columns without decoding events). They are cached as numpy columns per
filter and per database version, so panning (a new bounding box) does not touch the store.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from sitrep.model import EventFilter
from sitrep.store.base import Store
from sitrep.web.clusters import Cell, Point, cluster_columns


@dataclass(frozen=True, slots=True)
class PointSet:
    """Located events of one filter as columns (numpy arrays), for fast re-clustering."""

    ids: tuple[str, ...]
    kinds: tuple[str, ...]
    summaries: tuple[str, ...]
    lat: np.ndarray
    lon: np.ndarray

    def points(self, index: Iterable[int]) -> Iterator[Point]:
        for i in index:
            yield Point(self.ids[i], self.kinds[i], float(self.lat[i]), float(self.lon[i]), self.summaries[i])


class PointReader:
    """Reads :class:`PointSet` records for a filter from one store, with a small cache.

    The cache is keyed by the filter (bounding box left out: it is applied to the cached
    columns) and by SQLite's ``PRAGMA data_version``, so a write by any process empties it.
    """

    def __init__(self, store: Store, max_events: int, cache_size: int = 8) -> None:
        self.store = store
        self.max_events = max_events
        self.cache_size = cache_size
        self._lock = threading.Lock()
        self._cache: OrderedDict[tuple[object, ...], PointSet] = OrderedDict()
        self._conn: sqlite3.Connection | None = None
        path = getattr(store, "path", None)
        # A connection of our own, only to see commits by any connection (the store's included)
        # through PRAGMA data_version; without one (in-memory or non-SQLite stores) nothing is cached.
        if path and path != ":memory:" and Path(path).is_file():
            uri = f"{Path(path).resolve().as_uri()}?mode=ro"
            try:
                self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
                self._conn.execute("PRAGMA busy_timeout = 5000")
            except sqlite3.Error:
                self._conn = None

    def clusters(self, flt: EventFilter, zoom: int) -> list[Cell]:
        """Map cells of the located events matching ``flt`` (primary place inside its bbox)."""
        pset = self.point_set(replace(flt, bbox=None, limit=None, offset=0))
        index = self._inside(pset, flt)
        ids = [pset.ids[i] for i in index]
        kinds = [pset.kinds[i] for i in index]
        summaries = [pset.summaries[i] for i in index]
        return cluster_columns(ids, kinds, summaries, pset.lat[index], pset.lon[index], zoom)

    @staticmethod
    def _inside(pset: PointSet, flt: EventFilter) -> np.ndarray:
        index = np.arange(len(pset.ids))
        if flt.bbox is not None and len(index):
            min_lon, min_lat, max_lon, max_lat = flt.bbox
            inside = (pset.lat >= min_lat) & (pset.lat <= max_lat)
            if min_lon <= max_lon:
                inside &= (pset.lon >= min_lon) & (pset.lon <= max_lon)
            else:  # the box crosses the antimeridian
                inside &= (pset.lon >= min_lon) | (pset.lon <= max_lon)
            index = index[inside]
        return index

    def points(self, flt: EventFilter) -> Iterator[Point]:
        """Located events matching ``flt`` (primary place inside its bbox), at most ``max_events``."""
        pset = self.point_set(replace(flt, bbox=None, limit=None, offset=0))
        return pset.points(self._inside(pset, flt).tolist())

    def data_version(self) -> int | None:
        """SQLite's ``PRAGMA data_version`` on this reader's own connection (None without one).

        It changes whenever any other connection, the store's included, commits a write.
        """
        if self._conn is None:
            return None
        with self._lock:
            try:
                return int(self._conn.execute("PRAGMA data_version").fetchone()[0])
            except sqlite3.Error:
                return None

    def point_set(self, flt: EventFilter) -> PointSet:
        version = self.data_version()
        if version is None:
            return _point_set(self.store.iter_points(flt, self.max_events))
        key = (flt, version)
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
        pset = _point_set(self.store.iter_points(flt, self.max_events))
        with self._lock:
            self._cache[key] = pset
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return pset

    def close(self) -> None:
        if self._conn is not None:
            with self._lock:
                self._conn.close()
            self._conn = None


def _point_set(points: Iterable[Point]) -> PointSet:
    pts = list(points)
    return PointSet(
        ids=tuple(p.id for p in pts),
        kinds=tuple(p.kind for p in pts),
        summaries=tuple(p.summary for p in pts),
        lat=np.fromiter((p.lat for p in pts), dtype=np.float64, count=len(pts)),
        lon=np.fromiter((p.lon for p in pts), dtype=np.float64, count=len(pts)),
    )


__all__ = ["PointReader", "PointSet"]
