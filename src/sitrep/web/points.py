"""Map points (id, kind, lat, lon, summary) of the events matching a filter, cheaply.

The :class:`~sitrep.store.Store` API returns whole events; decoding 50,000 JSON records for
a map redraw takes seconds. For the SQLite store this module reads the ``events`` table's
primary-location columns directly (same WHERE clause as the store, through
:func:`sitrep.store.query.build_where`) on its own read-only connection; any other store
falls back to :meth:`Store.iter_events`.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from sitrep.errors import StoreError
from sitrep.model import EventFilter
from sitrep.store.base import Store
from sitrep.web.clusters import Cell, Point, cluster_columns, event_point


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
        # Stopgap until the Store API offers points: the SQLite store's WHERE builder.
        self._where = getattr(store, "_where", None)
        if self._where is not None and path and path != ":memory:":
            uri = f"{Path(path).resolve().as_uri()}?mode=ro"
            try:
                self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
                self._conn.execute("PRAGMA busy_timeout = 5000")
            except sqlite3.Error:
                self._conn = None  # fall back to the Store API

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
        index = np.arange(len(pset.ids))
        if flt.bbox is not None and len(index):
            min_lon, min_lat, max_lon, max_lat = flt.bbox
            inside = (pset.lat >= min_lat) & (pset.lat <= max_lat)
            if min_lon <= max_lon:
                inside &= (pset.lon >= min_lon) & (pset.lon <= max_lon)
            else:  # the box crosses the antimeridian
                inside &= (pset.lon >= min_lon) | (pset.lon <= max_lon)
            index = index[inside]
        return pset.points(index.tolist())

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
        if self._conn is None or self._where is None:
            return self._from_events(flt)
        with self._lock:
            version = self._conn.execute("PRAGMA data_version").fetchone()[0]
            key = (flt, version)
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
        pset = self._from_sql(flt)
        with self._lock:
            self._cache[key] = pset
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return pset

    def _from_sql(self, flt: EventFilter) -> PointSet:
        assert self._conn is not None and self._where is not None
        where = self._where(flt)
        sql = (
            "SELECT e.id, e.kind, e.lat, e.lon, e.summary FROM events e "
            f"WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL AND ({where.sql}) LIMIT ?"
        )
        try:
            with self._lock:
                rows = self._conn.execute(sql, (*where.params, self.max_events)).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read map points from {self.store.path!r}: {exc}") from exc
        return _point_set(Point(i, k, float(la), float(lo), s or "") for i, k, la, lo, s in rows)

    def _from_events(self, flt: EventFilter) -> PointSet:
        events = self.store.iter_events(replace(flt, limit=self.max_events))
        return _point_set(p for p in map(event_point, events) if p is not None)

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
