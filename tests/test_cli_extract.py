"""`sitrep extract`: JSON lines / ACLED CSV on stdout, one stderr line per skipped input, exit codes.

Every test runs twice: with a small fake extractor, and with the real one (skipped while the
real extractor cannot run). They check structure, exit codes and skip messages only.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from typer.testing import CliRunner

import sitrep.extract
from sitrep.cli import app
from sitrep.export import ACLED_COLUMNS, schema_errors
from sitrep.model import Acled, Document, Event, EventDate, Evidence, Location

GOOD_TEXT = (
    "Russian forces launched 12 Kh-101 cruise missiles at Kyiv on Saturday night, "
    "the Ukrainian Air Force said. Two of them were intercepted.\n"
)


def fake_extract_documents(docs, **_kwargs):
    """One strike per document, built from the document only."""
    for doc in docs:
        sentence = doc.text.split(".")[0] + "."
        day = (doc.published or date(2022, 6, 25)).isoformat()
        event = Event(
            id=Event.make_id(doc.id, 0, "strike"),
            kind="strike",
            acled=Acled("Explosions/Remote violence", "Shelling/artillery/missile attack"),
            date=EventDate(day, day, "day", "published"),
            summary=sentence,
            locations=(Location("Kyiv", "Kyiv", "target", "UA", "Kyiv City", lat=50.45, lon=30.52, precision=1),),
            evidence=(Evidence(doc.id, 0, len(sentence), sentence),),
            doc_ids=(doc.id,),
        )
        yield doc, [event]


@pytest.fixture(params=["fake", "real"])
def extractor(request, monkeypatch):
    if request.param == "fake":
        monkeypatch.setattr(sitrep.extract, "extract_documents", fake_extract_documents)
    return request.param


def _run(args, input=None):
    return CliRunner().invoke(app, args, input=input)


def _lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.fixture
def good(tmp_path):
    p = tmp_path / "good.txt"
    p.write_text(GOOD_TEXT)
    return p


@pytest.fixture
def bad_inputs(tmp_path):
    files = {
        "binary.txt": b"\x00\x01\x02\x03PK\x00\x00" * 50,
        "empty.txt": b"",
        "latin.txt": b"Kyiv was struck \xff\xfe\xc3\x28 at night by missiles.\n",
        "notext.html": b"<html><head><script>var x = 1;</script></head><body></body></html>",
    }
    paths = []
    for name, data in files.items():
        p = tmp_path / name
        p.write_bytes(data)
        paths.append(p)
    return paths


def test_cli_extract_jsonl_structure(extractor, good):
    result = _run(["extract", str(good), "--published", "2022-06-25"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    records = _lines(result.stdout)
    assert extractor == "real" or len(records) == 1
    doc_id = Document.make_id(GOOD_TEXT)
    for record in records:
        assert schema_errors(record) == []
        assert doc_id in record["doc_ids"]


def test_cli_extract_acled_csv(extractor, good):
    result = _run(["extract", str(good), "--published", "2022-06-25", "--format", "acled"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert all(len(r) == len(ACLED_COLUMNS) for r in rows[1:])
    assert extractor == "real" or len(rows) == 2


def test_cli_extract_skips_bad_inputs_and_goes_on(extractor, good, bad_inputs, tmp_path):
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text(json.dumps({"id": "a1", "text": GOOD_TEXT}) + "\n{not json\n" + json.dumps({"id": "a2", "text": GOOD_TEXT}) + "\n")
    result = _run(["extract", *map(str, bad_inputs), str(jsonl), str(good), "--published", "2022-06-25"])
    assert result.exit_code == 2, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == len(bad_inputs) + 1  # one per bad file, one for the malformed JSONL line
    for path in bad_inputs:
        assert sum(path.name in line for line in lines) == 1, (path.name, lines)
    assert sum("batch.jsonl" in line for line in lines) == 1
    assert all(line.startswith("skipped [") for line in lines)
    docs = {d for r in _lines(result.stdout) for d in r["doc_ids"]}
    if extractor == "fake":  # the good inputs were still processed
        assert docs == {"a1", "a2", Document.make_id(GOOD_TEXT)}


def test_cli_extract_stdin(extractor):
    result = _run(["extract", "-", "--published", "2022-06-25"], input=GOOD_TEXT)
    assert result.exit_code == 0, result.stderr
    assert all(schema_errors(r) == [] for r in _lines(result.stdout))
    if extractor == "fake":
        assert len(_lines(result.stdout)) == 1


def test_cli_extract_missing_file(extractor, tmp_path):
    result = _run(["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and "nope.txt" in result.stderr


def test_cli_extract_size_limit_names_the_setting(extractor, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(GOOD_TEXT * 200)
    result = _run(["extract", str(big), "--max-bytes", "1kB"])
    assert result.exit_code == 2
    assert "big.txt" in result.stderr and "too_large" in result.stderr


def test_cli_extract_bad_published_date(good):
    result = _run(["extract", str(good), "--published", "25/06/2022"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output
