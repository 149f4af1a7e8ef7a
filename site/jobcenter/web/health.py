"""Health probes for a load balancer or a process manager (see README, "Health probes"):

- `/livez` (and `/healthz`, its older name): the process answers. It never touches the database,
  so a database outage does not make a process manager restart every app server.
- `/readyz`: a read and a write to the database succeed now; 503 with Retry-After otherwise, so a
  load balancer sends people to an app server that can take an application."""

from __future__ import annotations

import asyncio
import logging
import math
import time

from litestar import get
from litestar.di import NamedDependency
from litestar.response import Response
from litestar.status_codes import HTTP_503_SERVICE_UNAVAILABLE
from piccolo.engine.base import Engine

from jobcenter import db

logger = logging.getLogger("jobcenter.health")

NO_STORE = {"cache-control": "no-store"}
READ = "SELECT id FROM migration ORDER BY id LIMIT 1"
WRITE = (
    "INSERT INTO readiness_probe (id, writes) VALUES (1, 1) "
    "ON CONFLICT (id) DO UPDATE SET writes = readiness_probe.writes + 1"
)
"""A write that changes a row (see web/tables.ReadinessProbe), on SQLite and PostgreSQL alike."""


@get(["/livez", "/healthz"], name="health", sync_to_thread=False, include_in_schema=False)
def health() -> Response[str]:
    """Answers without touching the database: the process is up and routing."""
    return Response("ok", media_type="text/plain", headers=NO_STORE)


class Readiness:
    """Whether the database takes a read and a write, checked at most once every `seconds`: /readyz
    is public, and a script calling it in a loop must not queue writes before people's applications
    (SQLite has one writer). Concurrent probes wait for the one check under way."""

    def __init__(self, engine: Engine, seconds: float) -> None:
        self.engine = engine
        self.seconds = seconds
        self._checked_at = -math.inf
        self._ready = False
        self._lock = asyncio.Lock()

    async def ready(self) -> bool:
        async with self._lock:
            if time.monotonic() - self._checked_at >= self.seconds:
                self._ready = await self._check()
                self._checked_at = time.monotonic()
            return self._ready

    async def _check(self) -> bool:
        try:
            await self.engine.run_ddl(READ)
            await self.engine.run_ddl(WRITE)
        except Exception as exc:
            if not db.is_unavailable(exc):
                raise
            logger.warning("not ready: %s", exc)
            return False
        return True


@get("/readyz", name="ready", include_in_schema=False)
async def ready(readiness: NamedDependency[Readiness]) -> Response[str]:
    """ok when the database takes a read and a write; 503 with Retry-After when it cannot now."""
    if await readiness.ready():
        return Response("ok", media_type="text/plain", headers=NO_STORE)
    headers = {**NO_STORE, "retry-after": "5"}
    return Response("unavailable", media_type="text/plain", status_code=HTTP_503_SERVICE_UNAVAILABLE, headers=headers)
