"""Opening a database: creation, migrations, and clear errors for paths that cannot be used."""

from __future__ import annotations

import os
import sqlite3

import pytest

from sitrep.errors import StoreError
from sitrep.model import EventFilter
from sitrep.store import open_store
from sitrep.store.migrations import APPLICATION_ID, LATEST_VERSION


def test_store_open_migrates_an_empty_file(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    with open_store(path) as store:
        assert store.schema_version == LATEST_VERSION  # type: ignore[attr-defined]
        assert store.count_events(EventFilter()) == 0
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "events", "event_reports", "evidence", "event_locations", "terms"} <= tables
    conn.close()


def test_store_open_twice_does_not_migrate_again(tmp_path):
    path = tmp_path / "s.db"
    open_store(path).close()
    open_store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    conn.close()


def test_store_open_default_path_from_env(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_DB", str(tmp_path / "env.db"))
    with open_store() as store:
        assert store.path == str(tmp_path / "env.db")
    assert (tmp_path / "env.db").exists()


def test_store_open_refuses_other_sqlite_database(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a sitrep database") as info:
        open_store(path)
    assert str(path) in str(info.value) and "--db" in str(info.value)
    conn = sqlite3.connect(path)  # untouched
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("customers",)]
    conn.close()


def test_store_open_refuses_non_sqlite_file(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n")
    with pytest.raises(StoreError, match="not a SQLite file"):
        open_store(path)
    assert path.read_text() == "these are my notes, not a database\n"


def test_store_open_refuses_newer_schema(tmp_path):
    path = tmp_path / "future.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer sitrep.*upgrade sitrep"):
        open_store(path)


def test_store_open_missing_folder(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no" / "such" / "s.db")


def test_store_open_folder_is_not_a_file(tmp_path):
    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path)


def test_store_open_unwritable_folder(tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    real_access = os.access
    # Tests may run as root, who can write anywhere: make the folder look read-only.
    monkeypatch.setattr(os, "access", lambda p, mode: False if str(p) == str(folder) else real_access(p, mode))
    with pytest.raises(StoreError, match="not writable") as info:
        open_store(folder / "s.db")
    assert str(folder / "s.db") in str(info.value)


def test_store_open_readonly_missing_file(tmp_path):
    with pytest.raises(StoreError, match="does not exist.*sitrep ingest"):
        open_store(tmp_path / "absent.db", readonly=True)


def test_store_readonly_refuses_writes(tmp_path):
    from sitrep.store.synthetic import synthetic_corpus

    path = tmp_path / "s.db"
    open_store(path).close()
    doc, events = next(synthetic_corpus(1))
    with open_store(path, readonly=True) as store, pytest.raises(StoreError, match="read-only"):
        store.add_document(doc, events)
