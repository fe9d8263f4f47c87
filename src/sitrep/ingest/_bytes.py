"""Bytes to text: size limits, binary detection, decoding and format sniffing.

Everything here works on raw bytes and raises :class:`~sitrep.errors.InputError` with a
reason code and a message that names the input and says what to do.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
from typing import BinaryIO

from sitrep.errors import ConfigError, InputError

DEFAULT_MAX_BYTES: int = 10_000_000  # 10 MB
MAX_BYTES_ENV = "SITREP_MAX_BYTES"
HEAD_BYTES = 8192  # how much of an input is looked at to sniff its format

UTF8_BOM = b"\xef\xbb\xbf"

# Leading bytes of common non-text formats, and the name shown to the user.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive, e.g. DOCX, XLSX or EPUB"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
)
_UTF16_32_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)

_HTML_START = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|article|main|section|div|p|h[1-6]|!--)[\s>/]"
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$", re.IGNORECASE)


def format_size(n: int) -> str:
    """A byte count for people: ``52.4 MB``."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"


def parse_size(value: str | int) -> int:
    """Parse ``10000000``, ``"10MB"``, ``"512k"`` or ``"1GiB"`` into a byte count (> 0)."""
    if isinstance(value, int):
        n = value
    else:
        m = _SIZE.match(value)
        if not m:
            raise ConfigError(f"size {value!r} is not a byte count; write e.g. 10000000, 10MB or 512kB")
        number, unit = float(m.group(1)), (m.group(2) or "b").lower()
        binary = "i" in unit
        power = {"b": 0, "k": 1, "m": 2, "g": 3}[unit[0]]
        n = int(number * (1024 if binary else 1000) ** power)
    if n <= 0:
        raise ConfigError(f"size {value!r} must be positive")
    return n


def max_bytes_from_env(environ: dict[str, str] | os._Environ[str] | None = None) -> int:
    """The size limit set by ``SITREP_MAX_BYTES``, else :data:`DEFAULT_MAX_BYTES`."""
    env = os.environ if environ is None else environ
    raw = env.get(MAX_BYTES_ENV)
    if raw is None or not raw.strip():
        return DEFAULT_MAX_BYTES
    try:
        return parse_size(raw)
    except ConfigError as e:
        raise ConfigError(f"{MAX_BYTES_ENV}: {e}") from e


def too_large(origin: str, size: int | None, max_bytes: int) -> InputError:
    """The error for an input over the size limit (``size`` None: known only to exceed it)."""
    what = f"is {format_size(size)}" if size is not None else "is larger than that"
    return InputError(
        origin,
        "too_large",
        f"{what}, over the {format_size(max_bytes)} size limit ({max_bytes} bytes); "
        f"raise it with --max-bytes or the {MAX_BYTES_ENV} environment variable",
    )


def read_limited(stream: BinaryIO, origin: str, max_bytes: int) -> bytes:
    """Read a whole stream, but never more than ``max_bytes`` (+1 to detect the overflow)."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large(origin, None, max_bytes)
    return data


def check_binary(head: bytes, origin: str) -> None:
    """Raise ``binary`` (or ``encoding`` for UTF-16/32) if ``head`` is not text."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            raise InputError(origin, "binary", f"not text or HTML ({name}); convert it to text first")
    for bom, name in _UTF16_32_BOMS:
        if head.startswith(bom):
            raise InputError(
                origin,
                "encoding",
                f"encoded as {name}, not UTF-8; re-encode it as UTF-8 (e.g. iconv -f {name} -t UTF-8)",
            )
    nul = head.find(b"\x00")
    if nul >= 0:
        raise InputError(
            origin,
            "binary",
            f"not text or HTML (binary data: NUL byte at offset {nul}); convert it to text first",
        )


def decode_utf8(data: bytes, origin: str, *, offset: int = 0) -> str:
    """Strict UTF-8 (a leading BOM dropped); the error gives the byte offset of the bad byte."""
    skip = len(UTF8_BOM) if data.startswith(UTF8_BOM) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as e:
        at = offset + skip + e.start
        raise InputError(
            origin,
            "encoding",
            f"invalid UTF-8 at byte {at} (0x{data[skip + e.start]:02x}); re-encode it as UTF-8, "
            f"e.g. iconv -f WINDOWS-1252 -t UTF-8",
        ) from e


def decode_html(data: bytes, origin: str, charset: str | None = None) -> str:
    """Decode an HTML page: BOM, then the given or declared charset, then strict UTF-8."""
    if data.startswith(UTF8_BOM):
        return decode_utf8(data, origin)
    declared = charset
    if declared is None:
        m = _META_CHARSET.search(data[:HEAD_BYTES])
        declared = m.group(1).decode("ascii") if m else None
    if declared:
        try:
            name = codecs.lookup(declared).name
        except LookupError:
            name = None
        if name and name != "utf-8":
            try:
                return data.decode(name)
            except UnicodeDecodeError:
                pass  # the declaration is wrong: fall back to UTF-8 below
    try:
        return decode_utf8(data, origin)
    except InputError as e:
        raise InputError(origin, e.reason, f"{e.detail}, or declare it with <meta charset=...>") from e


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; a leading BOM character is dropped."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def looks_like_html(head: bytes) -> bool:
    """True when the first bytes open an HTML document or fragment."""
    s = head.lstrip(UTF8_BOM).lstrip()[:2048].lower()
    if s.startswith(b"<?xml"):
        return b"<html" in s
    return bool(_HTML_START.match(s))


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes open an RSS, RDF or Atom feed."""
    s = head.lstrip(UTF8_BOM).lstrip()[:2048].lower()
    if not s.startswith(b"<"):
        return False
    return bool(re.search(rb"<(?:rss|feed|rdf:rdf)[\s>]", s))


def sniff_kind(head: bytes) -> str:
    """Guess the reader kind of an input without a telling name: feed, html, jsonl, telegram or text."""
    if looks_like_feed(head):
        return "feed"
    if looks_like_html(head):
        return "html"
    s = head.lstrip(UTF8_BOM).lstrip()
    if s.startswith(b"{"):
        try:
            obj = json.loads(s.split(b"\n", 1)[0])
        except (ValueError, RecursionError):
            obj = None
        if isinstance(obj, dict):
            if ("messages" in obj or "chats" in obj) and "text" not in obj:
                return "telegram"
            return "jsonl"
        if re.search(rb'"(?:messages|chats)"\s*:', s):
            return "telegram"  # a JSON document over several lines: a Telegram export
    return "text"


class Prefixed(io.RawIOBase):
    """A raw stream that first replays ``head`` and then reads on from ``rest`` (for stdin)."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        chunk = self._rest.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)
