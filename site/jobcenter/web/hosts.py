"""Answer only to the configured host names (Host header poisoning defence).

Litestar's own AllowedHostsConfig compares the Host header with its port included, so
`127.0.0.1:8000` would never match `127.0.0.1`; this compares the name alone.
"""

from __future__ import annotations

from litestar import Request
from litestar.datastructures import Headers
from litestar.enums import ScopeType
from litestar.exceptions import ClientException
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Receive, Scope, Send


def host_name(host_header: str) -> str:
    """`example.org:8000` -> `example.org`; `[::1]:8000` -> `::1`."""
    if host_header.startswith("["):
        return host_header[1:].split("]", 1)[0]
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


class AllowedHostsMiddleware(ASGIMiddleware):
    """Refuse requests whose Host is not one of ours with the site's 400 page."""

    scopes = (ScopeType.HTTP,)

    def __init__(self, allowed_hosts: list[str]) -> None:
        self.allow_any = "*" in allowed_hosts
        self.allowed = {host.lower() for host in allowed_hosts}

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        if not self.allow_any:
            name = host_name(Headers.from_scope(scope).get("host", "")).lower()
            if name not in self.allowed:
                raise ClientException(detail="host not allowed")
        await next_app(scope, receive, send)


def site_url(request: Request) -> str:
    """The site's address without the last slash, for the absolute links in calendar files and
    feeds (the host is one of the allowed ones: the middleware above refused any other)."""
    return str(request.base_url).rstrip("/")
