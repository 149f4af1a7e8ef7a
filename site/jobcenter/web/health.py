"""Health probes for a load balancer or a process manager (see README, "Health probes"):

- `/livez` (and `/healthz`, its older name): the process answers. It never touches the database,
  so a database outage does not make a process manager restart every app server.
- `/readyz`: a read and a write to the database succeed now; 503 with Retry-After otherwise, so a
  load balancer sends people to an app server that can take an application."""

from __future__ import annotations

import logging

from litestar import get
from litestar.di import NamedDependency
from litestar.response import Response
from litestar.status_codes import HTTP_503_SERVICE_UNAVAILABLE
from piccolo.engine.base import Engine

from jobcenter import db

logger = logging.getLogger("jobcenter.health")

NO_STORE = {"cache-control": "no-store"}
READ = "SELECT id FROM migration ORDER BY id LIMIT 1"
WRITE = "UPDATE migration SET name = name WHERE id = (SELECT min(id) FROM migration)"
"""A write that changes nothing, to a table every migrated database has (Piccolo's own)."""


@get(["/livez", "/healthz"], name="health", sync_to_thread=False, include_in_schema=False)
def health() -> Response[str]:
    """Answers without touching the database: the process is up and routing."""
    return Response("ok", media_type="text/plain", headers=NO_STORE)


@get("/readyz", name="ready", include_in_schema=False)
async def ready(database: NamedDependency[Engine]) -> Response[str]:
    """ok when the database takes a read and a write; 503 with Retry-After when it cannot now."""
    try:
        await database.run_ddl(READ)
        await database.run_ddl(WRITE)
    except Exception as exc:
        if not db.is_unavailable(exc):
            raise
        logger.warning("not ready: %s", exc)
        headers = {**NO_STORE, "retry-after": "5"}
        return Response("unavailable", media_type="text/plain", status_code=HTTP_503_SERVICE_UNAVAILABLE, headers=headers)
    return Response("ok", media_type="text/plain", headers=NO_STORE)
