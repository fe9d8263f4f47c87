"""Fetching web pages with httpx: timeouts, redirects, a streamed size limit, a content-type check.

:func:`fetch_page` returns the raw bytes and what the server said about them; :func:`fetch_url`
turns an article page or a text file into one :class:`~sitrep.model.Document`.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import httpx

from sitrep import __version__
from sitrep.errors import FetchError, InputError
from sitrep.ingest._bytes import DEFAULT_MAX_BYTES, check_binary, format_size, looks_like_html, too_large
from sitrep.ingest.readers import ReadContext, accepted_content_types, get_reader, reader_for_content_type
from sitrep.model import Document, Skip

USER_AGENT = f"sitrep/{__version__}"
MAX_REDIRECTS = 10
# What fetch_url accepts: one article page or one text.
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """The body of a URL and what the server said about it."""

    url: str  # as asked
    final_url: str  # after redirects
    content_type: str  # MIME type without parameters, lower-case ("" when not sent)
    charset: str | None
    body: bytes


def make_client(timeout: float = 20.0) -> httpx.Client:
    """An httpx client with sitrep's defaults (timeouts, redirects, user agent)."""
    return httpx.Client(
        timeout=httpx.Timeout(timeout),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        headers={"User-Agent": USER_AGENT},
    )


def fetch_page(
    url: str,
    *,
    client: httpx.Client | None = None,
    timeout: float = 20.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    accept: tuple[str, ...] | None = None,
) -> FetchedPage:
    """GET ``url``: refuse other content types than ``accept`` and bodies over ``max_bytes``.

    ``timeout`` bounds each network operation and the whole download. Raises ``FetchError``.
    """
    accept = accepted_content_types() if accept is None else accept
    own = client is None
    http = make_client(timeout) if client is None else client
    deadline = time.monotonic() + timeout
    try:
        with http.stream("GET", url, timeout=timeout, follow_redirects=True) as response:
            if response.status_code >= 400:
                raise FetchError(
                    url, "fetch", f"HTTP {response.status_code} {response.reason_phrase}; check the URL"
                )
            mime = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if mime and mime not in accept:
                raise FetchError(
                    url,
                    "content_type",
                    f"served as {mime}, which sitrep does not read; it reads {', '.join(accept)} "
                    "(download and convert other documents to text first)",
                )
            length = response.headers.get("content-length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise _too_large(url, int(length), max_bytes)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise _too_large(url, None, max_bytes)
                if time.monotonic() > deadline:
                    raise FetchError(url, "fetch", f"timed out after {timeout:g} s; try again later")
                chunks.append(chunk)
            return FetchedPage(
                url=url,
                final_url=str(response.url),
                content_type=mime,
                charset=response.charset_encoding,
                body=b"".join(chunks),
            )
    except httpx.TimeoutException as e:
        raise FetchError(url, "fetch", f"timed out after {timeout:g} s; try again later") from e
    except httpx.TooManyRedirects as e:
        raise FetchError(url, "fetch", "too many redirects; check the URL") from e
    except httpx.InvalidURL as e:
        raise FetchError(url, "fetch", f"not a valid URL ({e}); check it") from e
    except (httpx.TransportError, httpx.DecodingError) as e:
        raise FetchError(
            url, "fetch", f"could not fetch it ({type(e).__name__}: {e}); check the URL and the network"
        ) from e
    finally:
        if own:
            http.close()


def _too_large(url: str, size: int | None, max_bytes: int) -> FetchError:
    e = too_large(url, size, max_bytes)
    return FetchError(url, "too_large", e.detail)


def page_reader_kind(page: FetchedPage) -> str:
    """The reader kind for a fetched body: by content type, else by sniffing (no type sent)."""
    reader = reader_for_content_type(page.content_type) if page.content_type else None
    if reader is not None:
        return reader.kind
    return "html" if looks_like_html(page.body[:8192]) else "text"


def read_page(page: FetchedPage, *, published: date | None, max_bytes: int) -> Iterator[Document | Skip]:
    """Documents from a fetched page, read by the reader for its content type."""
    check_binary(page.body[:8192], page.url)
    kind = page_reader_kind(page)
    reader = get_reader(kind)
    if reader is None:  # pragma: no cover - the page kinds are always registered
        raise FetchError(page.url, "content_type", f"no reader for {kind!r} inputs")
    ctx = ReadContext(
        origin=page.url, published=published, max_bytes=max_bytes, url=page.final_url, charset=page.charset
    )
    yield from reader.read(io.BytesIO(page.body), ctx)


def fetch_url(
    url: str,
    *,
    client: httpx.Client | None = None,
    timeout: float = 20.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Fetch one article page (HTML) or text file as a document. Raises ``FetchError``."""
    page = fetch_page(url, client=client, timeout=timeout, max_bytes=max_bytes, accept=PAGE_TYPES)
    try:
        for item in read_page(page, published=None, max_bytes=max_bytes):
            if isinstance(item, Document):
                return item
    except FetchError:
        raise
    except InputError as e:
        raise FetchError(url, e.reason, e.detail) from e
    raise FetchError(url, "no_text", f"no text in the {format_size(len(page.body))} page; check the URL")
