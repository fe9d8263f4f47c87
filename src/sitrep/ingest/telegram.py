"""Telegram Desktop exports (``result.json``): one document per message with text.

Both a single-chat export (``{"name", "messages": [...]}``) and a full account export
(``{"chats": {"list": [...]}}``) are read. Service messages and media without a caption have
no text and are passed over. ``origin`` is ``result.json#<message id>``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any, BinaryIO

from sitrep.errors import InputError
from sitrep.ingest._bytes import decode_utf8, read_limited
from sitrep.ingest.readers import ReadContext
from sitrep.ingest.text import read_text
from sitrep.model import Document, Skip


def read_telegram_stream(stream: BinaryIO, ctx: ReadContext) -> Iterator[Document | Skip]:
    """Reader for the ``telegram`` kind (``.json`` files and JSON on stdin)."""
    data = read_limited(stream, ctx.origin, ctx.max_bytes)
    raw = decode_utf8(data, ctx.origin)
    if not raw.strip():
        raise InputError(ctx.origin, "empty", "empty: the file has no content; check what produced it")
    try:
        obj = json.loads(raw)
    except (ValueError, RecursionError) as e:
        raise InputError(
            ctx.origin, "malformed_json", f"not valid JSON ({e}); check that the export finished"
        ) from e
    chats = _chats(obj)
    if chats is None:
        raise InputError(
            ctx.origin,
            "unsupported",
            "a JSON file sitrep does not know; give a Telegram result.json, or JSONL "
            '(one {"text": ...} object a line, named .jsonl)',
        )
    for chat in chats:
        source = chat.get("name") if isinstance(chat.get("name"), str) else None
        for n, message in enumerate(chat.get("messages") or (), start=1):
            if not isinstance(message, dict) or message.get("type", "message") != "message":
                continue
            text = message_text(message.get("text"))
            if not text.strip():
                continue
            msg_id = message.get("id", n)
            yield read_text(
                text,
                origin=f"{ctx.origin}#{msg_id}",
                published=_message_date(message.get("date")) or ctx.published,
                source=source,
            )


def _chats(obj: Any) -> list[dict[str, Any]] | None:
    if isinstance(obj, dict) and isinstance(obj.get("messages"), list):
        return [obj]
    if isinstance(obj, dict) and isinstance(obj.get("chats"), dict):
        chats = obj["chats"].get("list")
        if isinstance(chats, list):
            return [c for c in chats if isinstance(c, dict)]
    return None


def message_text(value: Any) -> str:
    """A message's ``text``: a string, or a list of strings and ``{"type", "text"}`` parts."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(
            part if isinstance(part, str) else str(part.get("text", "")) if isinstance(part, dict) else ""
            for part in value
        )
    return ""


def _message_date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None
