"""`sitrep ingest`, `events`, `show` and `export` against a database in a temporary folder."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest
from test_cli_extract import GOOD_TEXT, fake_extract_documents
from typer.testing import CliRunner

import sitrep.extract
from sitrep.cli import app
from sitrep.export import ACLED_COLUMNS, schema_errors
from sitrep.model import EventFilter, Mark, event_to_dict
from sitrep.store import open_store
from sitrep.store.synthetic import synthetic_corpus


@pytest.fixture(params=["fake", "real"])
def extractor(request, monkeypatch):
    if request.param == "fake":
        monkeypatch.setattr(sitrep.extract, "extract_documents", fake_extract_documents)
    return request.param


def _run(args, input=None, env=None):
    return CliRunner().invoke(app, args, input=input, env=env)


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_TEXT)
    (folder / "b.txt").write_text(GOOD_TEXT.replace("Kyiv", "Odesa"))
    (folder / "empty.txt").write_text("")
    return folder


def test_cli_ingest_summary_and_reingest(extractor, inputs, tmp_path):
    db = tmp_path / "s.db"
    first = _run(["ingest", str(inputs), "--db", str(db), "--published", "2022-06-25"])
    assert first.exit_code == 2, first.output  # empty.txt was skipped
    assert "documents read: 2; stored: 2; skipped: 1 (empty: 1)" in first.stdout
    assert sum("empty.txt" in line for line in first.stderr.splitlines()) == 1
    with open_store(db) as store:
        before = [event_to_dict(e) for e in store.query_events(EventFilter())]
    assert extractor == "real" or len(before) == 2

    (inputs / "empty.txt").unlink()
    again = _run(["ingest", str(inputs), "--db", str(db), "--published", "2022-06-25"])
    assert again.exit_code == 0, again.output
    assert "documents read: 2; stored: 0; skipped: 2 (already stored: 2); events stored: 0" in again.stdout
    with open_store(db) as store:
        assert [event_to_dict(e) for e in store.query_events(EventFilter())] == before


def test_cli_ingest_uses_sitrep_db_env(extractor, inputs, tmp_path):
    db = tmp_path / "env.db"
    (inputs / "empty.txt").unlink()
    result = _run(["ingest", str(inputs / "a.txt")], env={"SITREP_DB": str(db)})
    assert result.exit_code == 0, result.output
    assert db.exists()


def test_cli_ingest_bad_db_path(inputs, tmp_path):
    result = _run(["ingest", str(inputs), "--db", str(tmp_path / "no" / "s.db")])
    assert result.exit_code == 1
    assert "does not exist" in result.stderr and "--db" in result.stderr


# ----------------------------------------------------------------------------- reading commands


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "events.db"
    with open_store(path) as store:
        for doc, events in synthetic_corpus(30, seed=9):
            store.add_document(doc, events)
    return path


def test_cli_events_table_and_json(db):
    table = _run(["events", "--db", str(db), "--limit", "5"])
    assert table.exit_code == 0, table.output
    assert "5 of 30 events" in table.stdout
    lines = _run(["events", "--db", str(db), "--json", "--kind", "strike"]).stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert records and all(r["kind"] == "strike" for r in records)
    assert all(schema_errors(r) == [] for r in records)


def test_cli_events_filters(db):
    with open_store(db) as store:
        expected = {e.id for e in store.query_events(EventFilter(actor="wagner", since="2022-05-01"))}
    out = _run(["events", "--db", str(db), "--json", "--actor", "wagner", "--since", "2022-05-01", "--limit", "100"])
    assert {json.loads(line)["id"] for line in out.stdout.splitlines()} == expected


@pytest.mark.parametrize(
    "args, message",
    [
        (["--kind", "airstrike"], "unknown kind"),
        (["--since", "yesterday"], "YYYY-MM-DD"),
        (["--bbox", "1,2,3"], "four numbers"),
    ],
)
def test_cli_events_bad_filters(db, args, message):
    result = _run(["events", "--db", str(db), *args])
    assert result.exit_code == 2
    assert message in result.output


def test_cli_events_missing_database(tmp_path):
    result = _run(["events", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "sitrep ingest" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_cli_show_event_with_highlights(tmp_path):
    doc, events = next(synthetic_corpus(1, seed=2))
    event = events[0]
    ev = event.evidence[0]
    # mark the first word of the sentence as the trigger, by absolute document offsets
    word = ev.sentence.split()[0]
    marked = replace(ev, marks=(Mark(ev.start, ev.start + len(word), "actor"),))
    event = replace(event, evidence=(marked,))
    path = tmp_path / "s.db"
    with open_store(path) as store:
        store.add_document(doc, [event])
    result = _run(["show", event.id, "--db", str(path)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert event.id in out and event.summary in out
    assert f"[{word}]" in out  # highlighted (brackets when not on a terminal)
    for claim in event.claims:
        assert claim.source in out
    assert doc.id in out
    as_json = json.loads(_run(["show", event.id, "--db", str(path), "--json"]).stdout)
    assert as_json["event"] == event_to_dict(event)
    assert [d["id"] for d in as_json["documents"]] == [doc.id]


def test_cli_show_unknown_id(db):
    result = _run(["show", "evt_nope", "--db", str(db)])
    assert result.exit_code == 1
    assert "evt_nope" in result.stderr and "sitrep events" in result.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "acled", "geojson", "parquet"])
def test_cli_export_formats(db, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    result = _run(["export", "--db", str(db), "--format", fmt, "-o", str(out), "--since", "2022-01-01"])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stderr
    if fmt == "jsonl":
        assert len(out.read_text().splitlines()) == 30
    elif fmt == "acled":
        rows = list(csv.reader(io.StringIO(out.read_text())))
        assert tuple(rows[0]) == ACLED_COLUMNS and 1 < len(rows) <= 31
    elif fmt == "geojson":
        assert len(json.loads(out.read_text())["features"]) == 30
    else:
        pq = pytest.importorskip("pyarrow.parquet")
        assert pq.read_table(out).num_rows == 30


def test_cli_export_stdout_and_parquet_needs_file(db):
    result = _run(["export", "--db", str(db), "--format", "jsonl", "--kind", "battle"])
    assert result.exit_code == 0
    assert all(json.loads(line)["kind"] == "battle" for line in result.stdout.splitlines())
    assert _run(["export", "--db", str(db), "--format", "parquet"]).exit_code == 2


def test_cli_version_and_help():
    assert _run(["--version"]).stdout.startswith("sitrep ")
    result = _run(["--help"])
    assert result.exit_code == 0
    for command in ("extract", "ingest", "events", "show", "export", "geocode", "serve"):
        assert command in result.stdout
