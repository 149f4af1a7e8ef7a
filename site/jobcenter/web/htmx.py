"""How a handler tells an htmx request for a fragment from a request for the whole page."""

from __future__ import annotations

from litestar import Request


def wants_fragment(request: Request) -> bool:
    """True for an htmx swap; a history restore (Back after a swap) needs the whole page."""
    headers = request.headers
    return headers.get("hx-request") == "true" and headers.get("hx-history-restore-request") != "true"


def pushed_address(request: Request, route: str, query: str) -> str:
    """For HX-Push-Url: the canonical address of a list's view after an htmx swap, so Back and
    sharing show the same view."""
    return request.app.route_reverse(route) + (f"?{query}" if query else "")
