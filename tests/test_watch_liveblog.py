"""`sitrep watch` on a live blog served on loopback that gains updates and edits over polls."""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sitrep.extract import extract_documents
from sitrep.model import EventFilter
from sitrep.store import open_store
from sitrep.watch import Watcher

HEADING = "Live updates from Ukraine"
INTRO = "We will continue to update this post with new information until we state otherwise."
STRIKE = ("Russian forces struck Kharkiv with two Iskander-M ballistic missiles on 14 May, killing three "
          "civilians, the regional governor said.")
STRIKE_EDITED = STRIKE.replace("three", "four")
INTERCEPTION = "Air defence shot down 10 of 12 Shahed drones over Odesa overnight, the Air Force of Ukraine said."
BATTLE = "Ukrainian forces repelled a Russian assault near Chasiv Yar on 14 May, the General Staff said."

VERSIONS = [
    [INTRO, STRIKE],
    [INTRO, INTERCEPTION, STRIKE],
    [INTRO, BATTLE, INTERCEPTION, STRIKE_EDITED],
]


def page(paragraphs: list[str]) -> bytes:
    body = "".join(f"<article><p>{p}</p></article>" for p in paragraphs)
    return (
        "<html><head><title>Live updates from Ukraine</title></head><body><header><nav>Home News</nav>"
        f"</header><main><h1>Live updates from Ukraine</h1>{body}</main></body></html>"
    ).encode()


class LiveBlog:
    """A loopback server whose page the test changes; it honours If-None-Match when asked to."""

    def __init__(self, etags: bool = True) -> None:
        self.version = 0
        self.etags = etags
        self.requests: list[dict[str, str]] = []
        blog = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                blog.requests.append(dict(self.headers))
                body = page(VERSIONS[blog.version])
                tag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
                if blog.etags and self.headers.get("If-None-Match") == tag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                if blog.etags:
                    self.send_header("ETag", tag)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/live"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def blog():
    server = LiveBlog()
    yield server
    server.close()


class CountingExtractor:
    def __init__(self) -> None:
        self.texts: Counter[str] = Counter()

    def __call__(self, docs):
        def counted():
            for d in docs:
                self.texts[d.text] += 1
                yield d

        return extract_documents(counted())


def _watcher(store, extractor):
    return Watcher(store, interval=60, extract=extractor, today=lambda: date(2024, 5, 14))


def test_watch_liveblog_updates_edits_and_resume(blog, tmp_path):
    db = tmp_path / "w.db"
    ex = CountingExtractor()
    with open_store(db) as store:
        w = _watcher(store, ex)
        first = w.poll(blog.url)
        assert first.status == "read" and first.new == 3 and first.edited == 0
        events = store.query_events(EventFilter())
        assert [e.kind for e in events] == ["strike"]
        strike_id = events[0].id
        assert events[0].fatalities == 3

        blog.version = 1
        second = w.poll(blog.url)
        assert (second.new, second.edited, second.unchanged) == (1, 0, 3)
        assert sorted(e.kind for e in store.query_events(EventFilter())) == ["interception", "strike"]

        blog.version = 2
        third = w.poll(blog.url)
        assert (third.new, third.edited, third.unchanged) == (1, 1, 3)
        kinds = Counter(e.kind for e in store.query_events(EventFilter()))
        assert kinds == Counter({"strike": 1, "interception": 1, "battle": 1})  # the edit made no new event
        strike = store.get_event(strike_id)
        assert strike is not None and strike.id == strike_id and strike.fatalities == 4
        new_doc = strike.doc_ids[0]
        revisions = store.revisions_of(new_doc)
        assert len(revisions) == 1 and revisions[0][1] == new_doc
        assert "three civilians" in store.get_document(revisions[0][0]).text

        unchanged = w.poll(blog.url)  # the page did not change: the server answers 304
        assert unchanged.status == "not_modified" and unchanged.extracted == 0
        assert blog.requests[-1].get("If-None-Match")

    # every passage was extracted exactly once
    assert set(ex.texts.values()) == {1}
    assert set(ex.texts) == {INTRO, HEADING, STRIKE, INTERCEPTION, BATTLE, STRIKE_EDITED}

    # a restarted watcher resumes from the database: nothing is read or extracted again
    ex2 = CountingExtractor()
    with open_store(db) as store:
        before = [e.id for e in store.query_events(EventFilter())]
        again = _watcher(store, ex2).poll(blog.url)
        assert again.status == "not_modified"
        blog.etags = False  # even a server without validators gives nothing new to extract
        plain = _watcher(store, ex2).poll(blog.url)
        assert plain.status == "read" and plain.new == 0 and plain.edited == 0 and plain.unchanged == 5
        assert [e.id for e in store.query_events(EventFilter())] == before
    assert not ex2.texts


def test_watch_backoff_and_recovery(blog, tmp_path):
    now = [1000.0]
    with open_store(tmp_path / "w.db") as store:
        w = Watcher(store, interval=10, max_backoff=100, extract=CountingExtractor(), clock=lambda: now[0])
        bad = "http://127.0.0.1:9/live"  # the discard port: nothing listens
        for n, expected in ((1, 20), (2, 40), (3, 80), (4, 100)):
            r = w.poll(bad)
            assert r.status == "error" and "127.0.0.1:9" in (r.error or "")
            state = store.watch_state(bad)
            assert state.failures == n and state.next_poll == now[0] + expected
        assert not w.due(bad)
        now[0] += 100
        assert w.due(bad)
        ok = w.poll(blog.url)
        assert ok.status == "read" and store.watch_state(blog.url).failures == 0


def test_watch_run_stops_cleanly(blog, tmp_path):
    stop = threading.Event()
    with open_store(tmp_path / "w.db") as store:
        w = Watcher(store, interval=0.05, extract=CountingExtractor())
        results = []

        def on_result(r):
            results.append(r)
            if len(results) == 3:
                stop.set()

        w.run([blog.url], stop=stop, on_result=on_result)
        assert [r.status for r in results] == ["read", "not_modified", "not_modified"]
