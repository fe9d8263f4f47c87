"""Plain text (``.txt``, ``.md``, stdin) to :class:`~sitrep.model.Document`.

The text is kept exactly as given, so evidence offsets index into it: only a leading UTF-8
BOM is dropped and ``\\r\\n`` line ends become ``\\n``.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from datetime import date
from typing import BinaryIO

from sitrep.errors import InputError
from sitrep.ingest._bytes import check_binary, decode_utf8, normalise_newlines, read_limited
from sitrep.ingest.readers import ReadContext
from sitrep.model import Document, Skip


def read_text(
    text: str,
    *,
    origin: str = "<text>",
    published: date | None = None,
    id: str | None = None,
    url: str | None = None,
    title: str | None = None,
    source: str | None = None,
) -> Document:
    """A document from text; raises ``InputError(reason="empty")`` when it holds no text."""
    text = normalise_newlines(text)
    if not text.strip():
        raise InputError(origin, "empty", "empty: there is no text to read; check what produced it")
    if "\x00" in text:
        raise InputError(origin, "binary", "not text (it contains NUL characters); convert it to text first")
    return Document(
        id=id or Document.make_id(text),
        text=text,
        published=published,
        url=url,
        title=title,
        source=source,
        origin=origin,
    )


def decode_text_bytes(data: bytes, origin: str, charset: str | None = None) -> str:
    """Bytes of a text file to ``str``: binary and encoding checks, then strict UTF-8 unless
    a server declared another ``charset``."""
    if not data:
        raise InputError(origin, "empty", "empty: there is no text to read; check what produced it")
    check_binary(data[:8192], origin)
    if charset:
        try:
            name = codecs.lookup(charset).name
        except LookupError:
            name = "utf-8"
        if name != "utf-8":
            try:
                return data.decode(name)
            except UnicodeDecodeError as e:
                raise InputError(
                    origin, "encoding", f"invalid {charset} at byte {e.start}; the server's charset is wrong"
                ) from e
    return decode_utf8(data, origin)


def read_text_stream(stream: BinaryIO, ctx: ReadContext) -> Iterator[Document | Skip]:
    """Reader for the ``text`` kind: one document from the whole stream."""
    data = read_limited(stream, ctx.origin, ctx.max_bytes)
    text = decode_text_bytes(data, ctx.origin, ctx.charset)
    yield read_text(text, origin=ctx.origin, published=ctx.published, url=ctx.url)
