"""Security headers on every response the app sends, error pages and static files included."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from litestar.datastructures import MutableScopeHeaders
from litestar.types import Message, Scope

BeforeSend = Callable[[Message, Scope], Awaitable[None]]


def content_security_policy(tile_origin: str = "") -> str:
    """Everything from the site itself; images also from the map's tile server, when there is one."""
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            f"img-src 'self' data: {tile_origin}".strip(),
            "font-src 'self'",
            "connect-src 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "object-src 'none'",
            "base-uri 'none'",
        ]
    )


BASELINE_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
}

HSTS = "max-age=63072000; includeSubDomains"

CORS_PREFIXES = ("/api/v1/", "/api/openapi.json")
"""The public API, which any origin may read (GET, and the preflight of a GET with If-None-Match);
the rest of the site sends no CORS header at all."""
CORS_HEADERS = {
    "access-control-allow-origin": "*",
    "access-control-allow-methods": "GET, OPTIONS",
    "access-control-allow-headers": "if-none-match",
    "access-control-expose-headers": "etag, retry-after",
    "access-control-max-age": "86400",
}


def security_headers(tile_origin: str = "") -> BeforeSend:
    """A before_send hook: runs for every HTTP response start, whatever produced it."""
    policy = content_security_policy(tile_origin)

    async def add_security_headers(message: Message, scope: Scope) -> None:
        if message["type"] != "http.response.start":
            return
        headers = MutableScopeHeaders.from_message(message)
        headers["content-security-policy"] = policy
        for name, value in BASELINE_HEADERS.items():
            headers[name] = value
        if scope["path"].startswith(CORS_PREFIXES):
            for name, value in CORS_HEADERS.items():
                headers[name] = value
        if scope.get("scheme") == "https":
            headers["strict-transport-security"] = HSTS

    return add_security_headers
