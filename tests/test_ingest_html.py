"""HTML pages: main text via trafilatura, title, site name, the page's own date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.errors import InputError
from sitrep.ingest import read_html, read_inputs
from sitrep.model import Document

PAGE = """<!DOCTYPE html>
<html><head><title>Russia strikes from Belarus | The War Zone</title>
<meta property="og:site_name" content="The War Zone">
<meta property="og:title" content="Russia strikes from Belarus">
<meta property="article:published_time" content="2022-06-25T14:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<p>Russian forces launched missile attacks from Belarus on Saturday in the first strikes of their
kind since Russia abandoned its offensives north and east of Kyiv.</p>
<p>A wave of six Russian Tu-22M3 Backfire bombers launched 12 Kh-22 cruise missiles from
Belarusian airspace at ground targets in Kyiv, Chernihiv, and Sumy oblasts.</p>
</article>
<footer>Subscribe to our newsletter</footer>
</body></html>"""

UNDATED = """<html><head><title>Front-line update</title></head><body><article>
<p>Ukrainian forces repelled several assaults near Bakhmut during the day, the general staff said.</p>
</article></body></html>"""


def test_read_html_main_text_title_source_and_date() -> None:
    doc = read_html(PAGE, origin="page.html", published=date(2000, 1, 1))
    assert doc.title == "Russia strikes from Belarus"
    assert doc.source == "The War Zone"
    assert doc.published == date(2022, 6, 25)  # the page's own date wins
    paragraphs = doc.text.split("\n")
    assert paragraphs[0].startswith("Russian forces launched")
    assert paragraphs[1].startswith("A wave of six")
    assert "Home" not in doc.text and "newsletter" not in doc.text
    assert doc.id == Document.make_id(doc.text) and doc.origin == "page.html"


def test_read_html_published_argument_fills_in_when_page_has_no_date() -> None:
    assert read_html(UNDATED, origin="u.html").published is None
    assert read_html(UNDATED, origin="u.html", published=date(2023, 2, 3)).published == date(2023, 2, 3)


def test_read_html_raises_no_text() -> None:
    with pytest.raises(InputError) as e:
        read_html("<html><body><nav><a href='/'>Home</a></nav></body></html>", origin="nav.html")
    assert e.value.reason == "no_text" and "nav.html" in str(e.value)


def test_read_html_bytes_use_declared_charset() -> None:
    html = (
        '<html><head><meta charset="windows-1251"><title>Київ</title></head><body><article>'
        "<p>Ракетний удар по Києву вночі: збито дві ракети, повідомили у Повітряних силах.</p>"
        "</article></body></html>"
    ).encode("windows-1251")
    doc = read_html(html, origin="uk.html")
    assert "Києву" in doc.text


def test_ingest_html_file(tmp_path: Path) -> None:
    path = tmp_path / "story.htm"
    path.write_text(PAGE, encoding="utf-8")
    (doc,) = list(read_inputs([str(path)], published=date(2000, 1, 1)))
    assert isinstance(doc, Document)
    assert doc.origin == str(path) and doc.published == date(2022, 6, 25)
    assert doc.source == "The War Zone"
