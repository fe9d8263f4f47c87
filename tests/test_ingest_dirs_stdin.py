"""Directories (recursive, sorted, hidden files skipped) and ``-`` for standard input."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from sitrep.ingest import read_inputs
from sitrep.model import Document, Skip


def test_ingest_directory_recursive_sorted_without_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second file.", encoding="utf-8")
    (tmp_path / "a" / "z.md").write_text("First file.", encoding="utf-8")
    (tmp_path / "top.txt").write_text("Top file.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / ".git" / "config").write_text("Hidden dir.", encoding="utf-8")
    (tmp_path / "a" / "batch.jsonl").write_text('{"text": "From JSONL."}\n', encoding="utf-8")
    (tmp_path / "b" / "scan.pdf").write_bytes(b"%PDF-1.4")
    items = list(read_inputs([str(tmp_path)]))
    assert [x.origin for x in items] == [
        str(tmp_path / "a" / "batch.jsonl") + ":1",
        str(tmp_path / "a" / "z.md"),
        str(tmp_path / "b" / "2.txt"),
        str(tmp_path / "b" / "scan.pdf"),
        str(tmp_path / "top.txt"),
    ]
    assert isinstance(items[3], Skip) and items[3].reason == "binary"
    texts = [x.text for x in items if isinstance(x, Document)]
    assert "Hidden." not in texts and "Hidden dir." not in texts


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_ingest_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"Drones hit Odesa port.\r\n")
    (doc,) = list(read_inputs(["-"]))
    assert isinstance(doc, Document) and doc.text == "Drones hit Odesa port.\n" and doc.origin == "-"


def test_ingest_stdin_sniffs_html(monkeypatch: pytest.MonkeyPatch) -> None:
    page = (
        "<html><head><title>Odesa</title></head><body><article><p>Russian drones struck the port of "
        "Odesa overnight, damaging grain silos, the regional governor said.</p></article></body></html>"
    )
    _stdin(monkeypatch, page.encode())
    (doc,) = list(read_inputs(["-"]))
    assert isinstance(doc, Document) and doc.title == "Odesa" and "<" not in doc.text


def test_ingest_stdin_sniffs_jsonl_larger_than_the_buffered_head(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"id": str(i), "text": f"Report number {i}. " * 20}) for i in range(200)]
    data = ("\n".join(lines) + "\n").encode()
    assert len(data) > 8192 * 4
    _stdin(monkeypatch, data)
    items = list(read_inputs(["-"]))
    assert [x.id for x in items if isinstance(x, Document)] == [str(i) for i in range(200)]
    assert items[5].origin == "-:6"


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b"%PDF-1.7 ...", "binary"), (b"caf\xe9 au lait", "encoding")],
)
def test_ingest_stdin_bad_input(monkeypatch: pytest.MonkeyPatch, data: bytes, reason: str) -> None:
    _stdin(monkeypatch, data)
    (skip,) = list(read_inputs(["-"]))
    assert isinstance(skip, Skip) and skip.reason == reason and skip.origin == "-"
    assert "'-'" in skip.message


def test_ingest_stdin_size_limit_is_streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"word " * 5000)
    (skip,) = list(read_inputs(["-"], max_bytes=10_000))
    assert isinstance(skip, Skip) and skip.reason == "too_large" and "SITREP_MAX_BYTES" in skip.message


def test_ingest_directory_manifest_gives_metadata_and_side_files_are_left_out(tmp_path):
    import json as _json

    from sitrep.ingest import read_inputs as _read
    from sitrep.model import Document as _Doc

    (tmp_path / "a.txt").write_text("Russian forces shelled Kharkiv on Saturday.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Drones hit Odesa overnight.", encoding="utf-8")
    (tmp_path / "README.md").write_text("These files are samples.", encoding="utf-8")
    (tmp_path / "manifest.json").write_text(
        _json.dumps([{"file": "a.txt", "published": "2024-05-11", "source": "Wire", "url": "https://example.org/a"}]),
        encoding="utf-8",
    )
    docs = list(_read([str(tmp_path)]))
    assert all(isinstance(d, _Doc) for d in docs)
    by_name = {d.origin.rsplit("/", 1)[-1]: d for d in docs}
    assert set(by_name) == {"a.txt", "b.txt"}
    assert by_name["a.txt"].published.isoformat() == "2024-05-11"
    assert by_name["a.txt"].source == "Wire" and by_name["a.txt"].url == "https://example.org/a"
    assert by_name["b.txt"].published is None


def test_ingest_directory_bad_manifest_is_a_skip_and_files_still_read(tmp_path):
    from sitrep.ingest import read_inputs as _read
    from sitrep.model import Skip as _Skip

    (tmp_path / "a.txt").write_text("Russian forces shelled Kharkiv on Saturday.", encoding="utf-8")
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    items = list(_read([str(tmp_path)]))
    skips = [i for i in items if isinstance(i, _Skip)]
    assert len(skips) == 1 and "manifest" in skips[0].message
    assert len(items) == 2
