"""HTML pages to :class:`~sitrep.model.Document`: main text and title via trafilatura,
publication date via htmldate (only when the page states one), site name as ``source``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import BinaryIO


from sitrep.errors import InputError
from sitrep.ingest._bytes import check_binary, decode_html, normalise_newlines, read_limited
from sitrep.ingest.readers import ReadContext
from sitrep.model import Document, Skip

# htmldate: dates from the page's markup and URL only, never guessed from running text.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}
# trafilatura's fallback keeps stray menu words ("Home") when a page has no article: fewer
# words than this is not a main text.
MIN_WORDS = 4


def read_html(
    html: str | bytes,
    *,
    origin: str,
    published: date | None = None,
    url: str | None = None,
) -> Document:
    """The main text of a page; raises ``InputError(reason="no_text")`` when there is none.

    Paragraphs are separated by newlines. The page's own date wins over ``published``.
    """
    if isinstance(html, bytes):
        check_binary(html[:8192], origin)
        html = decode_html(html, origin)
    if not html.strip():
        raise InputError(origin, "empty", "empty: there is no HTML to read; check what produced it")
    import trafilatura  # imported on first use: it is the slowest import of the pipeline (~0.15 s)

    params = dict(_DATE_PARAMS, max_date=datetime.now().strftime("%Y-%m-%d"))
    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=params,
        )
    except Exception as e:  # a third-party parser over untrusted markup may fail in any way
        raise InputError(
            origin,
            "no_text",
            f"the HTML could not be parsed ({type(e).__name__}: {e}); save its text as .txt",
        ) from e
    text = normalise_newlines(getattr(result, "text", None) or "").strip("\n")
    if len(text.split()) < MIN_WORDS:
        raise InputError(
            origin,
            "no_text",
            "no main text found in the HTML; check that it is an article page, or save its text as .txt",
        )
    own_date = _parse_date(getattr(result, "date", None))
    return Document(
        id=Document.make_id(text),
        text=text,
        published=own_date or published,
        url=url or getattr(result, "url", None) or None,
        title=getattr(result, "title", None) or None,
        source=getattr(result, "sitename", None) or None,
        origin=origin,
    )


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_html_stream(stream: BinaryIO, ctx: ReadContext) -> Iterator[Document | Skip]:
    """Reader for the ``html`` kind: one document from the whole stream."""
    data = read_limited(stream, ctx.origin, ctx.max_bytes)
    if not data:
        raise InputError(ctx.origin, "empty", "empty: there is no HTML to read; check what produced it")
    html: str | bytes = decode_html(data, ctx.origin, ctx.charset) if ctx.charset else data
    yield read_html(html, origin=ctx.origin, published=ctx.published, url=ctx.url)


_BLOCKS = frozenset(
    (
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
    )
)


def html_fragment_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's body): one line per block, tags dropped."""
    import lxml.html  # trafilatura's dependency; imported here to keep import time low

    if "<" not in fragment:
        return normalise_newlines(fragment).strip()
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
