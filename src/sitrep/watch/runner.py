"""The watcher: poll sources at an interval, read only what changed, merge it into the store.

    source due? -> conditional GET (If-None-Match / If-Modified-Since) or file stat
      -> 304 / same stat: nothing to read
      -> read_page / read_inputs -> documents -> split_passages -> diff against known passages
      -> new passages: extract -> Store.add_reports
      -> edited passages: extract -> Store.add_reports(replaces=old passage) (a revision)
      -> state saved (validators, passages, back-off), so a restarted watcher resumes

Errors back off: after n failures in a row the next poll waits interval * 2**n (at most
``max_backoff``). Ctrl-C stops between documents; everything stored so far stays.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import httpx

from sitrep.errors import FetchError, InputError, SitrepError
from sitrep.ingest import is_url, read_inputs
from sitrep.ingest._bytes import DEFAULT_MAX_BYTES
from sitrep.ingest.fetch import FetchedPage, make_client, read_page
from sitrep.model import Document, Event, Skip
from sitrep.store.watchstate import WatchedPassage, WatchState
from sitrep.watch.passages import KnownPassage, Passage, diff_passages, split_passages

Extractor = Callable[[Iterable[Document]], Iterator[tuple[Document, list[Event]]]]


@dataclass(frozen=True, slots=True)
class PollResult:
    """What one poll of one source did."""

    source: str
    status: str  # "read" | "not_modified" | "error"
    new: int = 0  # passages never seen before
    edited: int = 0  # passages that replaced an earlier version (revisions)
    unchanged: int = 0
    gone: int = 0
    extracted: int = 0  # documents sent to the extractor
    events_added: int = 0
    events_linked: int = 0
    skipped: tuple[Skip, ...] = ()
    error: str | None = None


@dataclass(frozen=True, slots=True)
class _Fetched:
    status: str  # "read" | "not_modified"
    documents: tuple[Document | Skip, ...] = ()
    etag: str | None = None
    last_modified: str | None = None


def _now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Watcher:
    """Follows sources (URLs of pages and feeds, feed files, Telegram ``result.json`` files)."""

    def __init__(
        self,
        store: Any,  # a SQLiteStore (merging and watch state)
        *,
        interval: float = 300.0,
        max_backoff: float = 3600.0,
        client: httpx.Client | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        extract: Extractor | None = None,
        clock: Callable[[], float] = time.time,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.store = store
        self.interval = interval
        self.max_backoff = max_backoff
        self.max_bytes = max_bytes
        self._client = client
        self._own_client: httpx.Client | None = None
        self._extract = extract
        self.clock = clock
        self.today = today

    def close(self) -> None:
        if self._own_client is not None:
            self._own_client.close()
            self._own_client = None

    # ------------------------------------------------------------------ polling

    def due(self, source: str) -> bool:
        state = self.store.watch_state(source)
        return state is None or state.next_poll <= self.clock()

    def _healthy(self, source: str) -> bool:
        """Not backing off: a (re)started watcher polls such sources at once."""
        state = self.store.watch_state(source)
        return state is None or state.failures == 0

    def poll(self, source: str) -> PollResult:
        """Poll one source now (whether due or not) and store what is new or edited."""
        state = self.store.watch_state(source) or WatchState(source)
        try:
            fetched = self._fetch(source, state)
        except SitrepError as exc:
            failures = state.failures + 1
            wait = min(self.max_backoff, self.interval * 2**failures)
            self.store.save_watch_state(replace(
                state, polls=state.polls + 1, failures=failures, last_poll=_now_iso(),
                next_poll=self.clock() + wait, last_error=str(exc),
            ))
            return PollResult(source, "error", error=str(exc))
        result = PollResult(source, "not_modified")
        if fetched.status == "read":
            result = self._read(source, fetched.documents)
        self.store.save_watch_state(replace(
            state,
            etag=fetched.etag if fetched.status == "read" else state.etag,
            last_modified=fetched.last_modified if fetched.status == "read" else state.last_modified,
            polls=state.polls + 1, failures=0, last_poll=_now_iso(),
            next_poll=self.clock() + self.interval, last_error=None,
        ))
        return result

    def run(
        self,
        sources: Sequence[str],
        *,
        rounds: int | None = None,
        stop: threading.Event | None = None,
        on_result: Callable[[PollResult], None] | None = None,
    ) -> list[PollResult]:
        """Poll every due source, wait for the next one due, repeat (``rounds`` times, or until
        ``stop`` is set or Ctrl-C). The first round also polls sources that are not backing
        off, so a restarted watcher looks at once. Returns every poll's result."""
        stop = stop or threading.Event()
        results: list[PollResult] = []
        done = 0
        while not stop.is_set() and (rounds is None or done < rounds):
            for source in sources:
                if stop.is_set():
                    break
                if self.due(source) or (done == 0 and self._healthy(source)):
                    r = self.poll(source)
                    results.append(r)
                    if on_result:
                        on_result(r)
            done += 1
            if rounds is not None and done >= rounds:
                break
            states = [self.store.watch_state(s) for s in sources]
            wake = min((s.next_poll for s in states if s is not None), default=self.clock())
            stop.wait(max(0.0, min(wake - self.clock(), self.interval)))
        return results

    # ------------------------------------------------------------------ reading

    def _fetch(self, source: str, state: WatchState) -> _Fetched:
        if is_url(source):
            return self._fetch_url(source, state)
        path = Path(source)
        try:
            st = path.stat()
        except OSError as exc:
            raise InputError(source, "missing", f"{exc.strerror or exc}; check the path") from exc
        stamp = f"{st.st_mtime_ns}-{st.st_size}"
        if state.etag == stamp:
            return _Fetched("not_modified")
        docs = tuple(read_inputs([source], max_bytes=self.max_bytes))
        return _Fetched("read", docs, etag=stamp)

    def _http(self) -> httpx.Client:
        if self._client is not None:
            return self._client
        if self._own_client is None:
            self._own_client = make_client()
        return self._own_client

    def _fetch_url(self, url: str, state: WatchState) -> _Fetched:
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        try:
            with self._http().stream("GET", url, headers=headers, follow_redirects=True) as response:
                if response.status_code == 304:
                    return _Fetched("not_modified")
                if response.status_code >= 400:
                    raise FetchError(url, "fetch", f"HTTP {response.status_code} {response.reason_phrase}; check the URL")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise FetchError(url, "too_large", f"larger than {self.max_bytes} bytes; raise --max-bytes")
                mime = response.headers.get("content-type", "").split(";")[0].strip().lower()
                page = FetchedPage(url, str(response.url), mime, response.charset_encoding, bytes(body))
                etag, modified = response.headers.get("etag"), response.headers.get("last-modified")
        except httpx.HTTPError as exc:
            raise FetchError(url, "fetch", f"could not fetch it ({type(exc).__name__}: {exc}); will retry") from exc
        try:
            docs = tuple(read_page(page, published=None, max_bytes=self.max_bytes))
        except InputError as exc:
            raise FetchError(url, exc.reason, exc.detail) from exc
        return _Fetched("read", docs, etag=etag, last_modified=modified)

    def _known(self, source: str) -> list[KnownPassage]:
        out = []
        for p in self.store.watched_passages(source):
            if p.active:
                doc = self.store.get_document(p.doc_id)
                out.append(KnownPassage(p.fingerprint, p.key, p.doc_id, doc.text if doc else ""))
        return out

    def _read(self, source: str, items: Sequence[Document | Skip]) -> PollResult:
        skips = tuple(i for i in items if isinstance(i, Skip))
        docs = [i for i in items if isinstance(i, Document)]
        diff = diff_passages(self._known(source), split_passages(docs))
        jobs: list[tuple[Passage, str | None]] = [(p, None) for p in diff.new]
        jobs += [(p, old.doc_id) for old, p in diff.edited]
        by_doc: dict[str, tuple[Passage, str | None]] = {}
        seen: list[WatchedPassage] = [WatchedPassage(source, p.fingerprint, p.key, _doc_id(p)) for p in diff.unchanged]
        to_extract: list[Document] = []
        for passage, replaces in jobs:
            doc = self._passage_document(passage, source)
            seen.append(WatchedPassage(source, passage.fingerprint, passage.key, doc.id))
            if self.store.has_document(doc.id) or doc.id in by_doc:
                continue  # read before (e.g. a passage that came back): never extract twice
            by_doc[doc.id] = (passage, replaces)
            to_extract.append(doc)
        added = linked = 0
        for doc, events in self._extractor()(to_extract):
            _passage, replaces = by_doc[doc.id]
            res = self.store.add_reports(doc, events, replaces=replaces)
            added += res.events_added
            linked += res.events_linked
        gone = [k.fingerprint for k in diff.gone] + [old.fingerprint for old, _ in diff.edited]
        self.store.record_passages(source, seen, gone, _now_iso())
        return PollResult(
            source, "read", new=len(diff.new), edited=len(diff.edited), unchanged=len(diff.unchanged),
            gone=len(diff.gone), extracted=len(to_extract), events_added=added, events_linked=linked, skipped=skips,
        )

    def _passage_document(self, passage: Passage, source: str) -> Document:
        base = passage.document
        text = passage.text
        return Document(
            id=Document.make_id(text), text=text, published=base.published or self.today(), url=base.url or
            (source if is_url(source) else None), title=base.title, source=base.source,
            origin=f"{base.origin or source}#{passage.fingerprint[:8]}" if passage.key is None else base.origin,
        )

    def _extractor(self) -> Extractor:
        if self._extract is not None:
            return self._extract
        from sitrep import (
            extract as extract_stage,  # looked up at call time (tests replace it)
        )

        return extract_stage.extract_documents  # type: ignore[no-any-return]


def _doc_id(p: Passage) -> str:
    return Document.make_id(p.text)


__all__ = ["PollResult", "Watcher"]
