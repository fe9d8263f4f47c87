"""JSONL batches: one ``{"id", "text", "published", "url", "title", "source"}`` object a line.

Only ``text`` is required. A bad line becomes a :class:`~sitrep.model.Skip` naming
``file:line`` and the reason; the other lines are still read. Lines are read one at a time,
so a batch may be larger than the size limit, which then applies to each line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any, BinaryIO

from sitrep.errors import InputError
from sitrep.ingest._bytes import UTF8_BOM, check_binary, decode_utf8, too_large
from sitrep.ingest.readers import ReadContext
from sitrep.ingest.text import read_text
from sitrep.model import Document, Skip

_OPTIONAL_STRINGS = ("url", "title", "source")


def parse_published(value: Any) -> date | None:
    """An ISO date or datetime (``2022-06-25``, ``2022-06-25T14:00:00Z``) to a date; None stays None.

    A datetime keeps its own calendar date (no conversion to UTC). Raises ``ValueError``.
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"is {type(value).__name__}, not an ISO date string")
    s = value.strip()
    try:
        return date.fromisoformat(s)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(s).date()
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO date; write YYYY-MM-DD") from None


def record_to_document(obj: Any, *, origin: str, published: date | None) -> Document:
    """One JSONL object to a document; raises ``InputError`` naming what is wrong."""

    def bad(what: str) -> InputError:
        return InputError(origin, "malformed_jsonl", f"{what}; fix or remove this line")

    if not isinstance(obj, dict):
        raise bad(f'the line is a JSON {type(obj).__name__}, not an object with a "text" field')
    text = obj.get("text")
    if not isinstance(text, str):
        what = 'has no "text" field' if text is None else f'"text" is {type(text).__name__}, not a string'
        raise bad(what)
    doc_id = obj.get("id")
    if (doc_id is not None and not isinstance(doc_id, (str, int))) or isinstance(doc_id, bool):
        raise bad(f'"id" is {type(doc_id).__name__}, not a string')
    try:
        own_date = parse_published(obj.get("published"))
    except ValueError as e:
        raise bad(f'"published" {e}') from e
    fields: dict[str, str | None] = {}
    for key in _OPTIONAL_STRINGS:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise bad(f'"{key}" is {type(value).__name__}, not a string')
        fields[key] = value or None
    return read_text(
        text,
        origin=origin,
        published=own_date or published,
        id=str(doc_id) if doc_id not in (None, "") else None,
        **fields,
    )


def read_jsonl_stream(stream: BinaryIO, ctx: ReadContext) -> Iterator[Document | Skip]:
    """Reader for the ``jsonl`` kind: a document or a skip for each non-blank line."""
    offset = 0
    found = False
    for lineno, line, size, over in _lines(stream, ctx.max_bytes):
        origin = f"{ctx.origin}:{lineno}"
        start, offset = offset, offset + size
        if lineno == 1 and line.startswith(UTF8_BOM):
            line, start = line[len(UTF8_BOM) :], start + len(UTF8_BOM)
        if over:
            found = True
            yield _skip(too_large(origin, None, ctx.max_bytes))
            continue
        if not line.strip():
            continue
        found = True
        try:
            check_binary(line.lstrip()[:8192], origin)
            raw = decode_utf8(line, origin, offset=start)
            try:
                obj = json.loads(raw)
            except (ValueError, RecursionError) as e:
                msg = getattr(e, "msg", str(e))
                col = getattr(e, "colno", None)
                where = f" at column {col}" if col else ""
                raise InputError(
                    origin, "malformed_jsonl", f"not valid JSON ({msg}{where}); fix or remove this line"
                ) from e
            yield record_to_document(obj, origin=origin, published=ctx.published)
        except InputError as e:
            yield _skip(e)
    if not found:
        raise InputError(ctx.origin, "empty", "empty: the JSONL file has no lines; check what produced it")


def _skip(e: InputError) -> Skip:
    return Skip(origin=e.origin, reason=e.reason, message=str(e))


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes, int, bool]]:
    """(number, bytes, size, over the limit) for each line; an over-long line is drained, not kept."""
    lineno = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            size = len(line)
            while line and not line.endswith(b"\n"):
                line = stream.readline(1 << 20)
                size += len(line)
            yield lineno, b"", size, True
            continue
        yield lineno, line, len(line), False
