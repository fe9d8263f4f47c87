"""Property: read_inputs never raises on arbitrary bytes, whatever the file is called."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.ingest import read_inputs
from sitrep.model import Document, Skip

_PREFIXES = [b"", b"<html><body><p>", b'{"text": "', b"<?xml version='1.0'?><rss><channel><item>", b"\xef\xbb\xbf"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from(_PREFIXES),
    body=st.binary(max_size=400) | st.text(max_size=400).map(lambda s: s.encode("utf-8")),
    suffix=st.sampled_from(["", ".txt", ".md", ".html", ".jsonl", ".json", ".xml", ".bin"]),
)
def test_ingest_never_raises_on_arbitrary_bytes(prefix: bytes, body: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(prefix + body)
        items = list(read_inputs([str(path)], max_bytes=1000))
    assert items, "every input yields at least a document or a skip"
    for item in items:
        assert isinstance(item, (Document, Skip))
        if isinstance(item, Skip):
            assert item.reason and "\n" not in item.message and str(path) in item.message
        else:
            assert item.text.strip() and "\r" not in item.text
