"""One JSON line per request (`REQUEST_LOG=json`), for a log collector: when, a request id, the
method, the path without its query (a search may hold what a person typed), the route's template,
the status, the time taken and the client's address. The id is the proxy's `X-Request-ID` when it
sends a sane one, otherwise a new one, and the answer carries it back, so a person's report of a
failure can be found in the log."""

from __future__ import annotations

import json
import logging
import time
import uuid
from datetime import UTC, datetime

from litestar.datastructures import MutableScopeHeaders
from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

logger = logging.getLogger("jobcenter.requests")

REQUEST_ID_HEADER = "x-request-id"
LONGEST_ID = 64

LOGGING_HANDLERS = {"json_lines": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "message_only"}}
LOGGING_FORMATTERS = {"message_only": {"format": "%(message)s"}}
REQUEST_LOGGER = {"jobcenter.requests": {"level": "INFO", "handlers": ["json_lines"], "propagate": False}}
"""What LoggingConfig needs for the lines to be the JSON alone, on standard output."""


def request_id_of(scope: Scope) -> str:
    given = MutableScopeHeaders(scope).get(REQUEST_ID_HEADER, "")
    if 0 < len(given) <= LONGEST_ID and given.isascii() and given.isprintable() and " " not in given:
        return given
    return uuid.uuid4().hex


class RequestLog:
    """Wraps the whole app, so every request is logged: those no route matches (404, 405) and those
    refused before routing (a host not allowed) too."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.app(scope, receive, send)
            return
        request_id = request_id_of(scope)
        started = time.perf_counter()
        status = 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableScopeHeaders.from_message(message)[REQUEST_ID_HEADER] = request_id
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            client = scope.get("client")
            logger.info(json.dumps({
                "time": datetime.now(UTC).isoformat(timespec="milliseconds"), "request_id": request_id, "method": scope.get("method"),
                "path": scope["path"], "route": scope.get("path_template"), "status": status,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1), "client": client[0] if client else None,
            }, ensure_ascii=False))
