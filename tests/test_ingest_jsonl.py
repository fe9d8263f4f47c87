"""JSONL batches: fields, ISO dates and datetimes, bad lines skipped with file:line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sitrep.ingest import read_inputs
from sitrep.ingest.jsonl import parse_published
from sitrep.model import Document, Skip


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_ingest_jsonl_reads_every_field(tmp_path: Path) -> None:
    record = {
        "id": "tw-1",
        "text": "Six Tu-22M3 bombers launched 12 Kh-22 missiles.",
        "published": "2022-06-25",
        "url": "https://example.org/a",
        "title": "Strikes from Belarus",
        "source": "The War Zone",
    }
    path = _write(tmp_path / "batch.jsonl", [json.dumps(record)])
    (doc,) = list(read_inputs([str(path)], published=date(2000, 1, 1)))
    assert doc == Document(
        id="tw-1",
        text=record["text"],
        published=date(2022, 6, 25),
        url="https://example.org/a",
        title="Strikes from Belarus",
        source="The War Zone",
        origin=f"{path}:1",
    )


def test_ingest_jsonl_only_text_is_required(tmp_path: Path) -> None:
    path = _write(tmp_path / "b.jsonl", ['{"text": "Kherson was shelled."}', '{"text": "x", "id": 7}'])
    first, second = list(read_inputs([str(path)], published=date(2023, 5, 2)))
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.id == Document.make_id("Kherson was shelled.")
    assert first.published == date(2023, 5, 2)  # the argument fills in
    assert first.origin == f"{path}:1" and second.origin == f"{path}:2"
    assert second.id == "7"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-06-25", date(2022, 6, 25)),
        ("2022-06-25T23:30:00Z", date(2022, 6, 25)),
        ("2022-06-25T01:30:00+03:00", date(2022, 6, 25)),
        ("2022-06-25 14:00:00", date(2022, 6, 25)),
        (None, None),
        ("", None),
    ],
)
def test_ingest_jsonl_accepts_iso_dates_and_datetimes(value: str | None, expected: date | None) -> None:
    assert parse_published(value) == expected


def test_ingest_jsonl_bad_line_in_the_middle(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "mixed.jsonl",
        [
            '{"id": "a", "text": "First report."}',
            '{"id": "b", "text": "Broken',
            "",
            '{"id": "c", "text": "Third report."}',
        ],
    )
    items = list(read_inputs([str(path)]))
    assert [type(x).__name__ for x in items] == ["Document", "Skip", "Document"]
    skip = items[1]
    assert isinstance(skip, Skip)
    assert skip.reason == "malformed_jsonl"
    assert skip.origin == f"{path}:2"
    assert f"{path}:2" in skip.message and "not valid JSON" in skip.message
    assert [x.id for x in items if isinstance(x, Document)] == ["a", "c"]


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ('["a list"]', "not an object"),
        ('{"id": "x"}', 'no "text"'),
        ('{"text": 5}', '"text" is int'),
        ('{"text": "ok", "published": "last Tuesday"}', "YYYY-MM-DD"),
        ('{"text": "ok", "published": 20220625}', "not an ISO date"),
        ('{"text": "ok", "title": ["x"]}', '"title" is list'),
        ('{"text": "ok", "id": {"a": 1}}', '"id" is dict'),
    ],
)
def test_ingest_jsonl_malformed_records(tmp_path: Path, line: str, fragment: str) -> None:
    path = _write(tmp_path / "bad.jsonl", [line, '{"text": "good"}'])
    skip, good = list(read_inputs([str(path)]))
    assert isinstance(skip, Skip) and isinstance(good, Document)
    assert skip.reason == "malformed_jsonl"
    assert fragment in skip.message
    assert "\n" not in skip.message


def test_ingest_jsonl_invalid_utf8_line_is_skipped_alone(tmp_path: Path) -> None:
    path = tmp_path / "enc.jsonl"
    first = b'{"text": "fine"}\n'
    path.write_bytes(first + b'{"text": "caf\xe9"}\n{"text": "also fine"}\n')
    items = list(read_inputs([str(path)]))
    assert [type(x).__name__ for x in items] == ["Document", "Skip", "Document"]
    skip = items[1]
    assert isinstance(skip, Skip) and skip.reason == "encoding"
    bad_at = len(first) + len(b'{"text": "caf')
    assert f"byte {bad_at}" in skip.message


def test_ingest_jsonl_blank_text_and_empty_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "blank.jsonl", ['{"text": "   "}'])
    (skip,) = list(read_inputs([str(path)]))
    assert isinstance(skip, Skip) and skip.reason == "empty" and skip.origin == f"{path}:1"
    empty = tmp_path / "nothing.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    (skip,) = list(read_inputs([str(empty)]))
    assert isinstance(skip, Skip) and skip.reason == "empty" and skip.origin == str(empty)


def test_ingest_jsonl_size_limit_applies_per_line(tmp_path: Path) -> None:
    long_text = "word " * 400
    path = _write(
        tmp_path / "big.jsonl",
        [json.dumps({"text": "short one"}), json.dumps({"text": long_text}), json.dumps({"text": "after"})],
    )
    assert path.stat().st_size > 1000
    items = list(read_inputs([str(path)], max_bytes=1000))
    assert [type(x).__name__ for x in items] == ["Document", "Skip", "Document"]
    skip = items[1]
    assert isinstance(skip, Skip) and skip.reason == "too_large" and skip.origin == f"{path}:2"
    assert "--max-bytes" in skip.message


def test_ingest_jsonl_with_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "win.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"text": "a\\r\\nb"}\r\n{"text": "c"}\r\n')
    first, second = list(read_inputs([str(path)]))
    assert isinstance(first, Document) and first.text == "a\nb"
    assert isinstance(second, Document) and second.text == "c"


def test_ingest_case2021_dev_batch_reads_without_skips() -> None:
    path = Path(__file__).parent / "data" / "case2021_task2_dev.jsonl"
    items = list(read_inputs([str(path)]))
    assert items and all(isinstance(x, Document) for x in items)
    assert len({x.origin for x in items}) == len(items)
