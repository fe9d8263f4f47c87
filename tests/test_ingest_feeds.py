"""RSS/Atom feeds (files, stdin and URLs) and Telegram result.json exports."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path

import httpx
import pytest

from sitrep.ingest import read_inputs
from sitrep.ingest.html import html_fragment_text
from sitrep.model import Document, Skip

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Kyiv Wire</title><link>https://kyiv.test</link>
<item><title>Missiles hit Kyiv</title><link>https://kyiv.test/1</link><guid>1</guid>
<pubDate>Sat, 25 Jun 2022 23:30:00 -0400</pubDate>
<description>&lt;p&gt;Six bombers launched 12 missiles.&lt;/p&gt;&lt;p&gt;Two were &lt;b&gt;intercepted&lt;/b&gt;.&lt;/p&gt;</description></item>
<item><title>Headline only: drones over Odesa</title><link>https://kyiv.test/2</link></item>
<item><link>https://kyiv.test/3</link><description>   </description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Front Notes</title><id>urn:x</id><updated>2024-01-02T00:00:00Z</updated>
<entry><title>Bakhmut</title><id>urn:1</id><link href="https://front.test/b"/>
<published>2024-01-01T23:00:00-05:00</published><updated>2024-01-02T08:00:00Z</updated>
<content type="html">&lt;p&gt;Assaults repelled near Bakhmut.&lt;/p&gt;</content></entry>
</feed>"""


def test_ingest_rss_file(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_bytes(RSS)
    items = list(read_inputs([str(path)], published=date(2022, 7, 1)))
    assert [type(x).__name__ for x in items] == ["Document", "Document", "Skip"]
    first, second, skip = items
    assert isinstance(first, Document) and isinstance(second, Document) and isinstance(skip, Skip)
    assert first.text == "Six bombers launched 12 missiles.\nTwo were intercepted."
    assert first.published == date(2022, 6, 25)  # the entry's own date, in its own time zone
    assert first.title == "Missiles hit Kyiv" and first.source == "Kyiv Wire"
    assert first.url == "https://kyiv.test/1" and first.origin == f"{path}#1"
    assert second.text == "Headline only: drones over Odesa" and second.published == date(2022, 7, 1)
    assert skip.reason == "empty" and skip.origin == f"{path}#3"


def test_ingest_atom_file_is_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "feed"
    path.write_bytes(ATOM)
    (doc,) = list(read_inputs([str(path)]))
    assert isinstance(doc, Document)
    assert doc.text == "Assaults repelled near Bakhmut." and doc.published == date(2024, 1, 1)
    assert doc.source == "Front Notes" and doc.url == "https://front.test/b"


def test_ingest_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_bytes(b"<?xml version='1.0'?><notafeed><x>1</x></notafeed")
    (skip,) = list(read_inputs([str(path)]))
    assert isinstance(skip, Skip) and skip.reason == "malformed_feed" and str(path) in skip.message


def test_ingest_feed_url() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=RSS, headers={"content-type": "application/rss+xml"})

    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        items = list(read_inputs(["https://kyiv.test/feed"], client=client))
    docs = [x for x in items if isinstance(x, Document)]
    assert [d.origin for d in docs] == ["https://kyiv.test/feed#1", "https://kyiv.test/feed#2"]


def test_html_fragment_text() -> None:
    assert (
        html_fragment_text("<p>One <i>two</i></p><ul><li>a</li><li>b</li></ul>x<br>y")
        == "One two\na\nb\nx\ny"
    )
    assert html_fragment_text("plain &amp; simple") == "plain &amp; simple"


TELEGRAM = {
    "name": "Air Force of Ukraine",
    "type": "public_channel",
    "id": 1,
    "messages": [
        {"id": 10, "type": "service", "date": "2024-03-01T08:00:00", "action": "pin_message", "text": ""},
        {
            "id": 11,
            "type": "message",
            "date": "2024-03-01T09:15:00",
            "text": "Overnight, 31 Shahed drones were launched.",
        },
        {
            "id": 12,
            "type": "message",
            "date": "2024-03-02T00:05:00",
            "text": ["Air defence shot down ", {"type": "bold", "text": "28"}, " of them."],
        },
        {"id": 13, "type": "message", "date": "2024-03-02T01:00:00", "photo": "photos/1.jpg", "text": ""},
    ],
}


def test_ingest_telegram_export(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text(json.dumps(TELEGRAM), encoding="utf-8")
    docs = list(read_inputs([str(path)]))
    assert all(isinstance(d, Document) for d in docs)
    assert [(d.origin, d.text, d.published) for d in docs if isinstance(d, Document)] == [
        (f"{path}#11", "Overnight, 31 Shahed drones were launched.", date(2024, 3, 1)),
        (f"{path}#12", "Air defence shot down 28 of them.", date(2024, 3, 2)),
    ]
    assert {d.source for d in docs if isinstance(d, Document)} == {"Air Force of Ukraine"}


def test_ingest_telegram_full_account_export_on_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    export = {"about": "...", "chats": {"about": "...", "list": [TELEGRAM]}}
    data = json.dumps(export, indent=1).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    docs = list(read_inputs(["-"]))
    assert [d.origin for d in docs] == ["-#11", "-#12"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [('{"messages": [', "malformed_json"), ('{"some": "thing"}', "unsupported"), ("[1, 2]", "unsupported")],
)
def test_ingest_bad_json_file(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    (skip,) = list(read_inputs([str(path)]))
    assert isinstance(skip, Skip) and skip.reason == reason and str(path) in skip.message
