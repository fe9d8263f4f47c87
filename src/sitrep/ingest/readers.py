"""The reader registry: one reader per input kind (text, html, jsonl, feed, telegram, ...).

A reader turns a binary stream into documents (and skips). Inputs are routed to a reader by
file extension, by HTTP content type, or by sniffing the first bytes; a new kind of input is
one :func:`register_reader` call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from sitrep.model import Document, Skip


@dataclass(frozen=True, slots=True)
class ReadContext:
    """What a reader knows about the input it reads."""

    origin: str  # a path, "-" or a URL
    published: date | None  # fills in when a document has no date of its own
    max_bytes: int  # the size limit for one document
    url: str | None = None  # the page's URL when fetched
    charset: str | None = None  # the charset an HTTP server declared


ReadFn = Callable[[BinaryIO, ReadContext], Iterator[Document | Skip]]


@dataclass(frozen=True, slots=True)
class Reader:
    """A kind of input: how to read it and how to recognise it."""

    kind: str
    read: ReadFn
    extensions: tuple[str, ...] = ()  # lower-case, with the dot: ".html"
    content_types: tuple[str, ...] = ()  # MIME types fetched URLs may be served as
    streamed: bool = False  # reads record by record, so the size limit is per record


_READERS: dict[str, Reader] = {}


def register_reader(reader: Reader) -> None:
    """Add (or replace) the reader of ``reader.kind``."""
    _READERS[reader.kind] = reader


def get_reader(kind: str) -> Reader | None:
    """The reader registered for ``kind``, if any."""
    return _READERS.get(kind)


def reader_for_extension(suffix: str) -> Reader | None:
    """The reader claiming a file extension such as ``.jsonl`` (case-insensitive)."""
    suffix = suffix.lower()
    for reader in _READERS.values():
        if suffix in reader.extensions:
            return reader
    return None


def reader_for_content_type(mime: str) -> Reader | None:
    """The reader accepting a MIME type such as ``text/html``."""
    for reader in _READERS.values():
        if mime in reader.content_types:
            return reader
    return None


def accepted_content_types() -> tuple[str, ...]:
    """Every MIME type some reader accepts, for error messages."""
    return tuple(sorted({t for r in _READERS.values() for t in r.content_types}))


def kinds() -> tuple[str, ...]:
    """The registered kinds, in registration order."""
    return tuple(_READERS)
