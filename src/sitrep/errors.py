"""sitrep's exceptions. Every message says what was wrong, with which input, and what to do.

    SitrepError
    ├── InputError            an input cannot be read (binary, empty, bad encoding, too large, ...)
    │   └── FetchError        a URL could not be fetched (network, status, content type, size)
    ├── ConfigError           a setting is invalid
    ├── KnowledgeError        a packaged or user knowledge file is malformed
    ├── GazetteerError        the gazetteer index cannot be built or loaded
    └── StoreError            the database cannot be opened, migrated or written
"""

from __future__ import annotations


class SitrepError(Exception):
    """Base class: catch this to handle any error sitrep raises on purpose."""


class InputError(SitrepError):
    """An input document cannot be read. ``origin`` names it, ``reason`` is a short code."""

    def __init__(self, origin: str, reason: str, message: str) -> None:
        super().__init__(f"cannot read {origin!r}: {message}")
        self.origin = origin
        self.reason = reason
        self.detail = message


class FetchError(InputError):
    """A URL could not be fetched."""


class ConfigError(SitrepError):
    """A setting is invalid."""


class KnowledgeError(SitrepError):
    """A knowledge file is malformed."""


class GazetteerError(SitrepError):
    """The gazetteer index cannot be built or loaded."""


class StoreError(SitrepError):
    """The database cannot be opened, migrated or written."""


__all__ = [
    "ConfigError",
    "FetchError",
    "GazetteerError",
    "InputError",
    "KnowledgeError",
    "SitrepError",
    "StoreError",
]
