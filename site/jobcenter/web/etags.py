"""Validators for pages: a repeat visit to an unchanged page costs a 304 and no body. Every HTML
answer to a GET that may be kept (not `no-store`, which pages with personal data send) gets a
weak ETag from its body and `private, no-cache`: the browser asks each time, never a shared cache,
and the server answers 304 when the page is as the browser has it. The body is rendered anyway,
so this saves bytes on the wire (an old phone's data plan), not work on the server. The public
API's JSON gets the same validators and `public, max-age=60`: nothing in it is personal."""

from __future__ import annotations

import hashlib
from typing import cast

from litestar.datastructures import MutableScopeHeaders
from litestar.enums import ScopeType
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, HTTPResponseStartEvent, Message, Receive, Scope, Send

KEEPABLE = "private, no-cache"
SHARED_PREFIXES = ("/api/v1/", "/api/openapi.json")
"""The public API's answers hold nothing personal: any cache may keep them for a minute."""
SHARED = "public, max-age=60"


def _etag(body: bytes) -> str:
    return 'W/"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'


def _matches(if_none_match: str, etag: str) -> bool:
    return any(candidate.strip() in (etag, etag.removeprefix("W/"), "*") for candidate in if_none_match.split(","))


class PageValidators(ASGIMiddleware):
    scopes = (ScopeType.HTTP,)

    def should_bypass_for_scope(self, scope: Scope) -> bool:
        return scope.get("method") != "GET" or scope["path"].startswith("/static/")

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        if_none_match = MutableScopeHeaders(scope).get("if-none-match", "")
        start: HTTPResponseStartEvent | None = None
        chunks: list[bytes] = []

        async def buffered(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = MutableScopeHeaders.from_message(message)
                kind = headers.get("content-type", "")
                shared = scope["path"].startswith(SHARED_PREFIXES)
                keepable = (message["status"] == 200 and (kind.startswith("text/html") or (shared and "json" in kind))
                            and "no-store" not in headers.get("cache-control", ""))
                if not keepable:
                    await send(message)
                    return
                start = message
                return
            if start is None:
                await send(message)
                return
            chunks.append(cast(bytes, message.get("body", b"")))
            if message.get("more_body", False):
                return
            body = b"".join(chunks)
            headers = MutableScopeHeaders.from_message(start)
            etag = _etag(body)
            headers["etag"] = etag
            headers["cache-control"] = SHARED if scope["path"].startswith(SHARED_PREFIXES) else KEEPABLE
            if if_none_match and _matches(if_none_match, etag):
                start["status"] = 304
                headers.pop("content-length", None)
                await send(start)
                await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            await send(start)
            await send({"type": "http.response.body", "body": body, "more_body": False})

        await next_app(scope, receive, buffered)
