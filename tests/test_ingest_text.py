"""Plain-text inputs: .txt/.md/unknown extensions, the seed, whitespace rules, read_text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.errors import InputError
from sitrep.ingest import read_inputs, read_text
from sitrep.model import Document, Skip

SEED = Path(__file__).parent / "data" / "000_140fda5b5716f268.txt"


def _docs(items: list[Document | Skip]) -> list[Document]:
    return [x for x in items if isinstance(x, Document)]


def test_ingest_seed_reads_byte_identical() -> None:
    (doc,) = list(read_inputs([str(SEED)], published=date(2022, 6, 25)))
    assert isinstance(doc, Document)
    assert doc.text.encode("utf-8") == SEED.read_bytes()
    assert doc.origin == str(SEED)
    assert doc.published == date(2022, 6, 25)
    assert doc.id == Document.make_id(doc.text)


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a", "a.weird"])
def test_ingest_text_kinds_keep_text_as_given(tmp_path: Path, name: str) -> None:
    text = "  Kyiv was struck overnight.\n\n\tTwo missiles were intercepted.  \n"
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (doc,) = list(read_inputs([str(path)]))
    assert isinstance(doc, Document)
    assert doc.text == text
    assert doc.origin == str(path)
    assert doc.published is None


def test_ingest_text_strips_bom_and_normalises_crlf(tmp_path: Path) -> None:
    path = tmp_path / "win.txt"
    path.write_bytes(b"\xef\xbb\xbfLine one.\r\nLine two.\r\n")
    (doc,) = list(read_inputs([str(path)]))
    assert isinstance(doc, Document)
    assert doc.text == "Line one.\nLine two.\n"


def test_ingest_text_published_argument_fills_in(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Shelling reported in Kharkiv.", encoding="utf-8")
    (doc,) = list(read_inputs([str(path)], published=date(2024, 3, 1)))
    assert isinstance(doc, Document) and doc.published == date(2024, 3, 1)


def test_ingest_unknown_extension_sniffs_html(tmp_path: Path) -> None:
    path = tmp_path / "page"
    path.write_text(
        "<!DOCTYPE html><html><head><title>T</title></head><body><article>"
        "<p>Russian forces shelled the outskirts of Kharkiv on Monday, officials said.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    (doc,) = list(read_inputs([str(path)]))
    assert isinstance(doc, Document)
    assert "<" not in doc.text and "Kharkiv" in doc.text


def test_ingest_txt_extension_is_not_sniffed_as_html(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("<p>kept literally</p>", encoding="utf-8")
    (doc,) = _docs(list(read_inputs([str(path)])))
    assert doc.text == "<p>kept literally</p>"


def test_read_text_api() -> None:
    doc = read_text("A\r\nB", origin="x", id="given", title="T", source="S", url="http://u")
    assert doc == Document(id="given", text="A\nB", url="http://u", title="T", source="S", origin="x")
    assert read_text("same").id == read_text("same").id == Document.make_id("same")
    assert read_text("same").origin == "<text>"


def test_read_text_rejects_blank_text() -> None:
    with pytest.raises(InputError) as e:
        read_text(" \n\t ", origin="blank")
    assert e.value.reason == "empty" and "blank" in str(e.value)


@pytest.mark.parametrize("content", ["{Breaking} Russian forces entered the town.", "{\n not json at all"])
def test_ingest_text_starting_with_a_brace_stays_text(tmp_path: Path, content: str) -> None:
    path = tmp_path / "note"
    path.write_text(content, encoding="utf-8")
    (doc,) = list(read_inputs([str(path)]))
    assert isinstance(doc, Document) and doc.text == content
