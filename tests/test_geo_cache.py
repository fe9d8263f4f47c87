"""The on-disk index: built on a fresh machine, cached, rebuilt when the data version changes."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from sitrep.geo import gazetteer as g


@pytest.mark.slow
def test_geo_cache_build_then_load_warm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path))
    t0 = time.perf_counter()
    gaz = g.load_index()
    built = time.perf_counter() - t0
    path = g.index_path()
    assert path.exists() and path.parent == tmp_path and gaz.source == "built"
    assert built < 30
    t0 = time.perf_counter()
    again = g.load_index()
    assert again.source == str(path)
    assert time.perf_counter() - t0 < 1.5  # target 1 s warm; margin for a loaded CI machine
    assert len(again) == len(gaz) and again.keys.keys() == gaz.keys.keys()
    # a new version means a new file (and the old one is removed); reuse the payload built above
    monkeypatch.setattr(g, "BUILD_VERSION", "test-bump")
    monkeypatch.setattr(g, "build_index", lambda: {**_payload(gaz), "version": g.index_version()})
    g.load_index()
    assert [p.name for p in tmp_path.glob("gazetteer-*.pkl")] == [g.index_path().name]


def _payload(gaz: g.Gazetteer) -> dict[str, object]:
    keys = ("names", "geonameid", "lat", "lon", "population", "country", "admin1", "kind", "prior",
            "precision", "keys", "admin1_names", "admin1_entry", "country_entry")
    return {k: getattr(gaz, k) for k in keys}


def test_geo_cache_dir_follows_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "c"))
    assert g.cache_dir() == tmp_path / "c"
    monkeypatch.delenv("SITREP_CACHE")
    assert g.cache_dir() == Path.home() / ".cache" / "sitrep"
    assert g.index_version().startswith(g.BUILD_VERSION + "-")
