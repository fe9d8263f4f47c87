"""Inputs (paths, directories, ``-`` and URLs) to documents: the entry point of the pipeline.

Every input is routed to a reader (see :mod:`sitrep.ingest.readers`); anything that cannot be
read becomes a :class:`~sitrep.model.Skip` with a reason code, never an exception.
"""

from __future__ import annotations

import io
import json
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import BinaryIO

import httpx

from sitrep.errors import InputError
from sitrep.ingest._bytes import (
    DEFAULT_MAX_BYTES,
    HEAD_BYTES,
    Prefixed,
    check_binary,
    sniff_kind,
    too_large,
)
from sitrep.ingest.fetch import fetch_page, make_client, read_page
from sitrep.ingest.readers import ReadContext, Reader, get_reader, reader_for_extension
from sitrep.model import Document, Skip

STDIN = "-"


def read_inputs(
    inputs: Sequence[str],
    *,
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    client: httpx.Client | None = None,
) -> Iterator[Document | Skip]:
    """Documents from paths, directories (recursively, sorted, hidden files skipped), ``-`` and URLs.

    ``published`` fills in the date of documents that carry none. Inputs are read lazily, in
    order; bad ones are yielded as ``Skip`` records and the rest are still read.
    """
    own_client: httpx.Client | None = None
    try:
        for item in inputs:
            if is_url(item):
                if client is None and own_client is None:
                    own_client = make_client()
                http = client if client is not None else own_client
                assert http is not None
                yield from _guard(item, _read_url(item, http, published, max_bytes))
            elif item == STDIN:
                yield from _guard(item, _read_stdin(published, max_bytes))
            else:
                yield from _read_path(item, published, max_bytes)
    finally:
        if own_client is not None:
            own_client.close()


def is_url(item: str) -> bool:
    """True for ``http://`` and ``https://`` inputs."""
    return item.lower().startswith(("http://", "https://"))


def _guard(origin: str, items: Iterator[Document | Skip]) -> Iterator[Document | Skip]:
    """Turn an ``InputError`` (or an I/O error) raised while reading into a ``Skip``."""
    try:
        yield from items
    except InputError as e:
        yield Skip(origin=e.origin, reason=e.reason, message=str(e))
    except OSError as e:
        err = InputError(origin, "unreadable", f"{e.strerror or e}; check its permissions")
        yield Skip(origin=origin, reason=err.reason, message=str(err))


def _read_url(
    url: str, client: httpx.Client, published: date | None, max_bytes: int
) -> Iterator[Document | Skip]:
    page = fetch_page(url, client=client, max_bytes=max_bytes)
    yield from read_page(page, published=published, max_bytes=max_bytes)


def _read_stdin(published: date | None, max_bytes: int) -> Iterator[Document | Skip]:
    raw: BinaryIO = sys.stdin.buffer
    head = raw.read(HEAD_BYTES)
    if not head:
        raise InputError(STDIN, "empty", "empty: nothing was given on standard input")
    check_binary(head, STDIN)
    reader = _reader(sniff_kind(head))
    stream = io.BufferedReader(Prefixed(head, raw))
    yield from reader.read(stream, ReadContext(origin=STDIN, published=published, max_bytes=max_bytes))


MANIFEST = "manifest.json"
# documentation that sits beside a corpus, not part of it (read it by naming the file itself)
_SIDE_FILES = ("readme", "license", "licence", "changelog", "notice")
_META_FIELDS = ("id", "published", "source", "url", "title")


def _manifest(root: Path) -> tuple[dict[str, dict[str, object]], Skip | None]:
    """Per-file metadata from ``root/manifest.json``: ``[{"file", "published", "source", "url", "title", "id"}]``."""
    path = root / MANIFEST
    if not path.is_file():
        return {}, None
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(rows, list) or not all(isinstance(r, dict) and isinstance(r.get("file"), str) for r in rows):
            raise ValueError('expected a list of {"file": ..., "published": ..., "source": ...} objects')
        meta = {}
        for r in rows:
            entry = {k: r[k] for k in _META_FIELDS if r.get(k) is not None}
            if "published" in entry:
                entry["published"] = date.fromisoformat(str(entry["published"])[:10])
            meta[r["file"]] = entry
        return meta, None
    except (OSError, ValueError) as e:
        err = InputError(str(path), "malformed_json", f"{e}; fix the manifest or remove it")
        return {}, Skip(origin=str(path), reason=err.reason, message=str(err))


def _with_meta(item: Document | Skip, meta: dict[str, object] | None) -> Document | Skip:
    if meta is None or isinstance(item, Skip):
        return item
    return replace(item, **meta)  # type: ignore[arg-type]


def _read_path(item: str, published: date | None, max_bytes: int) -> Iterator[Document | Skip]:
    path = Path(item)
    if path.is_dir():
        meta, bad = _manifest(path)
        if bad is not None:
            yield bad
        for file in _walk(path):
            rel = file.relative_to(path).as_posix()
            for doc in _guard(str(file), _read_file(file, str(file), published, max_bytes)):
                yield _with_meta(doc, meta.get(rel))
    elif path.exists():
        yield from _guard(item, _read_file(path, item, published, max_bytes))
    else:
        err = InputError(item, "missing", "no such file or directory; check the path")
        yield Skip(origin=item, reason=err.reason, message=str(err))


def _walk(root: Path) -> Iterator[Path]:
    """Files under ``root`` sorted by path (``a/z.md`` before ``b.txt``); hidden files, the
    manifest and README/LICENSE-like side files are left out."""
    files: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        files.extend(
            Path(dirpath) / name
            for name in filenames
            if not name.startswith(".") and name != MANIFEST and not name.lower().startswith(_SIDE_FILES)
        )
    yield from sorted(files, key=lambda p: p.relative_to(root).parts)


def _read_file(path: Path, origin: str, published: date | None, max_bytes: int) -> Iterator[Document | Skip]:
    with path.open("rb") as f:
        st = os.fstat(f.fileno())
        regular = stat.S_ISREG(st.st_mode)
        if regular and st.st_size == 0:
            raise InputError(origin, "empty", "empty: the file has no content; check what produced it")
        by_name = reader_for_extension(path.suffix)
        # Stat before reading: only record-by-record readers (JSONL) may read a larger file.
        if regular and st.st_size > max_bytes and not (by_name and by_name.streamed):
            raise too_large(origin, st.st_size, max_bytes)
        head = f.read(HEAD_BYTES)
        if not head:
            raise InputError(origin, "empty", "empty: the file has no content; check what produced it")
        check_binary(head, origin)
        reader = by_name or _reader(sniff_kind(head))
        stream: BinaryIO
        if f.seekable():
            f.seek(0)
            stream = f
        else:  # a FIFO or a device: replay the bytes already read
            stream = io.BufferedReader(Prefixed(head, f))
        yield from reader.read(stream, ReadContext(origin=origin, published=published, max_bytes=max_bytes))


def _reader(kind: str) -> Reader:
    reader = get_reader(kind)
    if reader is None:
        reader = get_reader("text")
    assert reader is not None, "the text reader is always registered"
    return reader
