"""RSS, RDF and Atom feeds (via feedparser): one document per entry.

The entry's body (content, else summary, else title) is the text; the entry's own date wins
over the ``published`` argument; the feed's title is the ``source``. Entries are numbered
from 1 in ``origin``: ``feed.xml#3``.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any, BinaryIO

from sitrep.errors import InputError
from sitrep.ingest._bytes import check_binary, read_limited
from sitrep.ingest.html import html_fragment_text
from sitrep.ingest.readers import ReadContext
from sitrep.ingest.text import read_text
from sitrep.model import Document, Skip

FEED_PIN = "feedparser==6.0.14"


def read_feed_stream(stream: BinaryIO, ctx: ReadContext) -> Iterator[Document | Skip]:
    """Reader for the ``feed`` kind."""
    try:
        import feedparser
    except ImportError as e:
        raise InputError(
            ctx.origin, "unsupported", f"reading feeds needs feedparser; install it: pip install {FEED_PIN}"
        ) from e
    data = read_limited(stream, ctx.origin, ctx.max_bytes)
    if not data.strip():
        raise InputError(ctx.origin, "empty", "empty: the feed has no content; check what produced it")
    check_binary(data[:8192], ctx.origin)
    parsed = feedparser.parse(io.BytesIO(data))  # a stream: feedparser never fetches anything itself
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if problem else ""
        raise InputError(
            ctx.origin, "malformed_feed", f"not an RSS or Atom feed{detail}; check the URL or the file"
        )
    if not parsed.entries:
        raise InputError(ctx.origin, "empty", "empty: the feed has no entries yet; try again later")
    source = parsed.feed.get("title") or None
    for n, entry in enumerate(parsed.entries, start=1):
        origin = f"{ctx.origin}#{n}"
        text = _entry_text(entry)
        if not text.strip():
            err = InputError(origin, "empty", "empty: the feed entry has no title or text")
            yield Skip(origin=origin, reason=err.reason, message=str(err))
            continue
        yield read_text(
            text,
            origin=origin,
            published=_entry_date(entry) or ctx.published,
            url=entry.get("link") or None,
            title=entry.get("title") or None,
            source=source,
        )


def _entry_text(entry: Any) -> str:
    for content in entry.get("content") or ():
        value = content.get("value") or ""
        if value.strip():
            return html_fragment_text(value)
    summary = entry.get("summary") or ""
    if summary.strip():
        return html_fragment_text(summary)
    return html_fragment_text(entry.get("title") or "")


def _entry_date(entry: Any) -> date | None:
    """The entry's date as written (its own time zone), RFC 822 or ISO 8601."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return parsedate_to_datetime(raw).date()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(raw.strip()).date()
        except ValueError:
            pass
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None
