"""fetch_url and URL inputs against httpx.MockTransport (no network)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import httpx
import pytest

from sitrep.errors import FetchError
from sitrep.ingest import fetch_url, read_inputs
from sitrep.model import Document, Skip

ARTICLE = (
    "<html><head><title>Strike on Dnipro</title><meta property='og:site_name' content='Wire'>"
    "<meta property='article:published_time' content='2024-04-19'></head><body><article>"
    "<p>A Russian missile struck a residential building in Dnipro on Friday morning, "
    "the regional governor said.</p><p>Rescue work continued into the evening.</p>"
    "</article></body></html>"
)


def _client(handler: Callable[[httpx.Request], httpx.Response]) -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(handler), follow_redirects=True)


def _site(request: httpx.Request) -> httpx.Response:
    path = request.url.path
    if path == "/article":
        return httpx.Response(200, html=ARTICLE)
    if path == "/old":
        return httpx.Response(301, headers={"location": "/article"})
    if path == "/plain":
        return httpx.Response(
            200, text="Shelling in Kherson.", headers={"content-type": "text/plain; charset=utf-8"}
        )
    if path == "/xhtml":
        return httpx.Response(
            200, content=ARTICLE.encode(), headers={"content-type": "application/xhtml+xml"}
        )
    if path == "/pdf":
        return httpx.Response(200, content=b"%PDF-1.7", headers={"content-type": "application/pdf"})
    if path == "/declared-big":
        return httpx.Response(
            200, content=b"x" * 100, headers={"content-type": "text/plain", "content-length": "999999999"}
        )
    if path == "/stream-big":

        def chunks() -> Iterator[bytes]:
            for _ in range(100):
                yield b"y" * 1000

        return httpx.Response(200, content=chunks(), headers={"content-type": "text/plain"})
    if path == "/slow":
        raise httpx.ReadTimeout("timed out", request=request)
    if path == "/down":
        raise httpx.ConnectError("connection refused", request=request)
    if path == "/loop":
        return httpx.Response(302, headers={"location": "/loop"})
    if path == "/menu":
        return httpx.Response(200, html="<html><body><nav>Home</nav></body></html>")
    if path == "/latin1":
        body = "Explosions in Zaporizhzhia, café closed.".encode("latin-1")
        return httpx.Response(200, content=body, headers={"content-type": "text/plain; charset=iso-8859-1"})
    if path == "/untyped":
        return httpx.Response(200, content=b"Untyped text body.")
    return httpx.Response(404)


def test_fetch_url_html_page() -> None:
    with _client(_site) as client:
        doc = fetch_url("https://news.test/article", client=client)
    assert doc.title == "Strike on Dnipro" and doc.source == "Wire"
    assert doc.published == date(2024, 4, 19)
    assert doc.text.split("\n")[1] == "Rescue work continued into the evening."
    assert doc.url == "https://news.test/article" and doc.origin == "https://news.test/article"


def test_fetch_url_follows_redirects_and_keeps_final_url() -> None:
    with _client(_site) as client:
        doc = fetch_url("https://news.test/old", client=client)
    assert doc.origin == "https://news.test/old"
    assert doc.url == "https://news.test/article"


@pytest.mark.parametrize("path", ["/plain", "/untyped"])
def test_fetch_url_plain_text(path: str) -> None:
    with _client(_site) as client:
        doc = fetch_url(f"https://news.test{path}", client=client)
    assert doc.text in ("Shelling in Kherson.", "Untyped text body.")


def test_fetch_url_plain_text_in_declared_charset() -> None:
    with _client(_site) as client:
        assert fetch_url("https://news.test/latin1", client=client).text.endswith("café closed.")


def test_fetch_url_xhtml() -> None:
    with _client(_site) as client:
        assert "Dnipro" in fetch_url("https://news.test/xhtml", client=client).text


@pytest.mark.parametrize(
    ("path", "reason", "fragment"),
    [
        ("/pdf", "content_type", "application/pdf"),
        ("/declared-big", "too_large", "--max-bytes"),
        ("/stream-big", "too_large", "SITREP_MAX_BYTES"),
        ("/slow", "fetch", "timed out"),
        ("/down", "fetch", "ConnectError"),
        ("/loop", "fetch", "redirects"),
        ("/missing", "fetch", "HTTP 404"),
        ("/menu", "no_text", "no main text"),
    ],
)
def test_fetch_url_errors(path: str, reason: str, fragment: str) -> None:
    url = f"https://news.test{path}"
    with _client(_site) as client, pytest.raises(FetchError) as e:
        fetch_url(url, client=client, max_bytes=50_000)
    assert e.value.reason == reason
    assert fragment in str(e.value) and url in str(e.value)


def test_ingest_urls_become_documents_or_skips() -> None:
    urls = ["https://news.test/article", "https://news.test/pdf", "https://news.test/plain"]
    with _client(_site) as client:
        items = list(read_inputs(urls, published=date(2024, 4, 20), client=client))
    assert [type(x).__name__ for x in items] == ["Document", "Skip", "Document"]
    skip = items[1]
    assert isinstance(skip, Skip) and skip.reason == "content_type" and skip.origin == urls[1]
    plain = items[2]
    assert isinstance(plain, Document) and plain.published == date(2024, 4, 20)
