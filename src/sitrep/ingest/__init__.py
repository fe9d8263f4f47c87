"""Ingest: inputs -> :class:`~sitrep.model.Document`.

Text, HTML, JSONL, RSS/Atom feeds, Telegram exports, directories, stdin and URLs:

    read_inputs(["a.txt", "dir/", "-", "https://..."])  ->  Document | Skip, lazily, in order

Each kind of input has a reader in a registry (:mod:`sitrep.ingest.readers`), chosen by file
extension, HTTP content type or the first bytes. Bad inputs become ``Skip`` records with a
reason code ("missing", "binary", "empty", "encoding", "malformed_jsonl", "no_text",
"too_large", "fetch", "content_type", "unreadable", "malformed_feed", "malformed_json",
"unsupported") and a one-line message saying what to do.
"""

from __future__ import annotations

from sitrep.ingest._bytes import (
    DEFAULT_MAX_BYTES,
    MAX_BYTES_ENV,
    format_size,
    max_bytes_from_env,
    parse_size,
)
from sitrep.ingest.feeds import read_feed_stream
from sitrep.ingest.fetch import FetchedPage, fetch_page, fetch_url
from sitrep.ingest.html import read_html, read_html_stream
from sitrep.ingest.jsonl import read_jsonl_stream
from sitrep.ingest.readers import ReadContext, Reader, kinds, register_reader
from sitrep.ingest.sources import is_url, read_inputs
from sitrep.ingest.telegram import read_telegram_stream
from sitrep.ingest.text import read_text, read_text_stream

register_reader(
    Reader(
        kind="text",
        read=read_text_stream,
        extensions=(".txt", ".text", ".md", ".markdown"),
        content_types=("text/plain",),
    )
)
register_reader(
    Reader(
        kind="html",
        read=read_html_stream,
        extensions=(".html", ".htm", ".xhtml"),
        content_types=("text/html", "application/xhtml+xml"),
    )
)
register_reader(Reader(kind="jsonl", read=read_jsonl_stream, extensions=(".jsonl", ".ndjson"), streamed=True))
register_reader(
    Reader(
        kind="feed",
        read=read_feed_stream,
        extensions=(".rss", ".atom", ".xml"),
        content_types=(
            "application/rss+xml",
            "application/atom+xml",
            "application/rdf+xml",
            "application/xml",
            "text/xml",
        ),
    )
)
register_reader(Reader(kind="telegram", read=read_telegram_stream, extensions=(".json",)))

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_BYTES_ENV",
    "FetchedPage",
    "ReadContext",
    "Reader",
    "fetch_page",
    "fetch_url",
    "format_size",
    "is_url",
    "kinds",
    "max_bytes_from_env",
    "parse_size",
    "read_html",
    "read_inputs",
    "read_text",
    "register_reader",
]
