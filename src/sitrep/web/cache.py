"""A small LRU cache of response bodies keyed by (request key, database version).

The version is SQLite's ``PRAGMA data_version`` read on a connection of its own (see
:meth:`sitrep.web.points.PointReader.data_version`), so any committed write, by this server
or another process, makes every older entry unreachable. With no version (a store that
is not SQLite on disk) nothing is cached.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable


class VersionedCache:
    """Bodies computed by ``make()``, remembered per ``(key, version)``; at most ``size`` entries."""

    def __init__(self, size: int = 32) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._items: OrderedDict[tuple[Hashable, int], bytes] = OrderedDict()

    def get(self, key: Hashable, version: int | None, make: Callable[[], bytes]) -> bytes:
        """The cached body for ``key`` at ``version``, else ``make()`` (stored when version is known)."""
        if version is None:
            return make()
        full = (key, version)
        with self._lock:
            hit = self._items.get(full)
            if hit is not None:
                self._items.move_to_end(full)
                return hit
        body = make()
        with self._lock:
            self._items[full] = body
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return body


__all__ = ["VersionedCache"]
