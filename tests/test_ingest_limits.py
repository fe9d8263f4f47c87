"""The configurable size limit: parsing sizes and the SITREP_MAX_BYTES variable."""

from __future__ import annotations

import pytest

from sitrep.errors import ConfigError
from sitrep.ingest import DEFAULT_MAX_BYTES, format_size, max_bytes_from_env, parse_size


@pytest.mark.parametrize(
    ("text", "expected"),
    [("123", 123), ("10MB", 10_000_000), ("512k", 512_000), ("1GiB", 1 << 30), ("2.5 mb", 2_500_000), (7, 7)],
)
def test_ingest_parse_size(text: str | int, expected: int) -> None:
    assert parse_size(text) == expected


@pytest.mark.parametrize("text", ["", "ten", "-5", "0", "5 TB"])
def test_ingest_parse_size_rejects(text: str) -> None:
    with pytest.raises(ConfigError):
        parse_size(text)


def test_ingest_max_bytes_from_env() -> None:
    assert max_bytes_from_env({}) == DEFAULT_MAX_BYTES
    assert max_bytes_from_env({"SITREP_MAX_BYTES": "50MB"}) == 50_000_000
    with pytest.raises(ConfigError, match="SITREP_MAX_BYTES"):
        max_bytes_from_env({"SITREP_MAX_BYTES": "lots"})


def test_ingest_format_size() -> None:
    assert format_size(52_428_800) == "52.4 MB"
    assert format_size(1500) == "1.5 kB"
    assert format_size(12) == "12 bytes"
