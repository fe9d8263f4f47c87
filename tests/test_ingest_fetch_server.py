"""URL inputs against a real HTTP server on 127.0.0.1 started by the test."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sitrep.errors import FetchError
from sitrep.ingest import fetch_url, read_inputs
from sitrep.model import Document, Skip

ARTICLE = (
    b"<html><head><title>Kharkiv update</title>"
    b"<meta property='article:published_time' content='2024-05-10'></head><body><article>"
    b"<p>Russian forces opened a new offensive north of Kharkiv on Friday, the defence ministry said.</p>"
    b"</article></body></html>"
)


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path == "/article":
            self._send(200, ARTICLE, "text/html; charset=utf-8")
        elif self.path == "/moved":
            self._send(302, b"", "text/plain", {"Location": "/article"})
        elif self.path == "/big":
            # no Content-Length: the client must stop reading at the limit
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b"z" * 10_000)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
        elif self.path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n", "image/png")
        elif self.path == "/slow":
            time.sleep(1.0)
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._send(200, b"late", "text/plain")
        else:
            self._send(404, b"not found", "text/plain")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_fetch_real_server_redirect(server: str) -> None:
    doc = fetch_url(f"{server}/moved")
    assert doc.url == f"{server}/article" and doc.origin == f"{server}/moved"
    assert doc.title == "Kharkiv update" and doc.published == date(2024, 5, 10)


def test_fetch_real_server_size_limit(server: str) -> None:
    with pytest.raises(FetchError) as e:
        fetch_url(f"{server}/big", max_bytes=100_000)
    assert e.value.reason == "too_large" and "100.0 kB" in str(e.value)


def test_fetch_real_server_wrong_content_type(server: str) -> None:
    with pytest.raises(FetchError) as e:
        fetch_url(f"{server}/image")
    assert e.value.reason == "content_type" and "image/png" in str(e.value)


def test_fetch_real_server_timeout(server: str) -> None:
    started = time.perf_counter()
    with pytest.raises(FetchError) as e:
        fetch_url(f"{server}/slow", timeout=0.2)
    assert e.value.reason == "fetch" and "timed out after 0.2 s" in str(e.value)
    assert time.perf_counter() - started < 0.9


def test_ingest_real_server_mixed_urls(server: str) -> None:
    urls = [f"{server}/article", f"{server}/image", f"{server}/nope", f"{server}/moved"]
    items = list(read_inputs(urls))
    assert [type(x).__name__ for x in items] == ["Document", "Skip", "Skip", "Document"]
    assert [x.reason for x in items if isinstance(x, Skip)] == ["content_type", "fetch"]
    docs = [x for x in items if isinstance(x, Document)]
    assert docs[0].id == docs[1].id  # the same page reached twice has the same content id
