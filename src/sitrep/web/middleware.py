"""ASGI middleware: a request body size limit and security headers (CSP) on every response."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class _TooLarge(Exception):
    pass


def error_body(status: int, message: str) -> bytes:
    """The API's one error shape, as JSON bytes."""
    return json.dumps({"ok": False, "error": message, "status": status}).encode("utf-8")


async def _send_error(send: Send, status: int, message: str) -> None:
    body = error_body(status, message)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodySizeLimit:
    """Refuse request bodies over ``max_bytes`` with a 413, whether or not Content-Length is sent."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.max_bytes
        message = (
            f"request body is larger than the server's limit of {limit} bytes; "
            "send a smaller document or raise max_request_bytes"
        )
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await _send_error(send, 400, "Content-Length is not a number")
                    return
                if declared > limit:
                    await _send_error(send, 413, message)
                    return
        seen = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > limit:
                    raise _TooLarge
            return msg

        async def tracking_send(msg: Message) -> None:
            nonlocal started
            if msg["type"] == "http.response.start":
                started = True
            await send(msg)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not started:
                await _send_error(send, 413, message)


def content_security_policy(tile_url: str | None, *, docs: bool = False) -> str:
    """The page's CSP: only our own scripts, styles and API; images also from the tile server."""
    img = ["'self'", "data:"]
    if tile_url:
        parts = urlsplit(tile_url.replace("{s}", "a"))
        if parts.scheme in ("http", "https") and parts.netloc:
            host = urlsplit(tile_url).netloc.replace("{s}", "*")
            img.append(f"{parts.scheme}://{host}")
    style = "'self' 'unsafe-inline'" if docs else "'self'"
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            f"style-src {style}",
            f"img-src {' '.join(img)}",
            "connect-src 'self'",
            "font-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        ]
    )


class SecurityHeaders:
    """Add CSP and related headers to every HTTP response (a looser style rule for /docs)."""

    def __init__(self, app: ASGIApp, tile_url: str | None) -> None:
        self.app = app
        self.csp = content_security_policy(tile_url).encode()
        self.docs_csp = content_security_policy(tile_url, docs=True).encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = self.docs_csp if scope.get("path", "").startswith("/docs") else self.csp

        async def with_headers(msg: Message) -> None:
            if msg["type"] == "http.response.start":
                headers = list(msg.get("headers", []))
                headers += [
                    (b"content-security-policy", csp),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                msg["headers"] = headers
            await send(msg)

        await self.app(scope, receive, with_headers)


__all__ = ["BodySizeLimit", "SecurityHeaders", "content_security_policy", "error_body"]
