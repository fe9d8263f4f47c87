"""Bad inputs never raise out of read_inputs: each becomes one Skip with an actionable message."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from sitrep.ingest import DEFAULT_MAX_BYTES, read_inputs
from sitrep.model import Document, Skip


def _only_skip(path: Path | str, **kwargs: object) -> Skip:
    items = list(read_inputs([str(path)], **kwargs))  # type: ignore[arg-type]
    assert len(items) == 1, items
    (item,) = items
    assert isinstance(item, Skip), item
    assert "\n" not in item.message
    assert str(path) in item.message
    return item


@pytest.mark.parametrize(
    ("name", "content", "label"),
    [
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        ("map.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        ("brief.docx", b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        ("report.txt", b"%PDF-1.4 pretending to be text", "PDF"),
        ("blob", b"abc\x00\x01\x02def", "NUL byte"),
    ],
)
def test_ingest_binary_file_is_skipped(tmp_path: Path, name: str, content: bytes, label: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    skip = _only_skip(path)
    assert skip.reason == "binary"
    assert label in skip.message
    assert "convert it to text first" in skip.message


def test_ingest_empty_file_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    skip = _only_skip(path)
    assert skip.reason == "empty"


def test_ingest_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \n\n\t\n")
    assert _only_skip(path).reason == "empty"


def test_ingest_invalid_utf8_names_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Strike near Kyiv – ".encode() + "café".encode("latin-1"))
    skip = _only_skip(path)
    assert skip.reason == "encoding"
    bad_at = len("Strike near Kyiv – ".encode()) + 3
    assert f"byte {bad_at}" in skip.message
    assert "re-encode" in skip.message


def test_ingest_utf16_file_is_an_encoding_problem(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("Kyiv".encode("utf-16"))
    skip = _only_skip(path)
    assert skip.reason == "encoding" and "UTF-16" in skip.message


def test_ingest_missing_path_is_skipped(tmp_path: Path) -> None:
    skip = _only_skip(tmp_path / "nope.txt")
    assert skip.reason == "missing"
    assert "check the path" in skip.message


def test_ingest_html_without_main_text_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text("<html><head><title>x</title></head><body><nav></nav></body></html>", encoding="utf-8")
    skip = _only_skip(path)
    assert skip.reason == "no_text"


def test_ingest_50mb_file_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:  # sparse: a line of text, then seek to the end and write one byte
        f.write(b"Missiles struck Kyiv overnight.\n")
        f.seek(50 * 1000 * 1000 - 1)
        f.write(b"\n")
    started = time.perf_counter()
    skip = _only_skip(path)
    elapsed = time.perf_counter() - started
    assert skip.reason == "too_large"
    assert "50.0 MB" in skip.message and "10.0 MB" in skip.message
    assert "--max-bytes" in skip.message and "SITREP_MAX_BYTES" in skip.message
    assert elapsed < 0.5


def test_ingest_max_bytes_is_overridable(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x" * 2000, encoding="utf-8")
    assert _only_skip(path, max_bytes=1000).reason == "too_large"
    (doc,) = list(read_inputs([str(path)], max_bytes=2000))
    assert isinstance(doc, Document)
    assert DEFAULT_MAX_BYTES == 10_000_000


def test_ingest_bad_inputs_do_not_stop_the_good_ones(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Ukrainian forces retook the village.", encoding="utf-8")
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.5")
    items = list(read_inputs([str(bad), str(tmp_path / "missing.txt"), str(good)]))
    assert [type(x).__name__ for x in items] == ["Skip", "Skip", "Document"]
    assert [x.reason for x in items if isinstance(x, Skip)] == ["binary", "missing"]


def test_ingest_html_in_undeclared_legacy_encoding_is_an_encoding_problem(tmp_path: Path) -> None:
    path = tmp_path / "old.html"
    path.write_bytes("<html><body><p>Caf\u00e9 shelled in Kharkiv.</p></body></html>".encode("latin-1"))
    skip = _only_skip(path)
    assert skip.reason == "encoding" and "byte 18" in skip.message
    assert "<meta charset" in skip.message
