"""GET /metrics for Prometheus, behind a token (`METRICS_TOKEN`, sent as `Authorization: Bearer …`):
403 without it, and always 403 while no token is set. In multiprocess mode the answer sums every
process that writes to `PROMETHEUS_MULTIPROC_DIR` (jobcenter/metrics.py)."""

from __future__ import annotations

import hmac
import os

from litestar import Controller, get
from litestar.connection import ASGIConnection
from litestar.exceptions import PermissionDeniedException
from litestar.handlers import BaseRouteHandler
from litestar.response import Response
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest, multiprocess

from jobcenter.metrics import OUTBOX_BACKLOG
from jobcenter.notifications.worker import backlog
from jobcenter.settings import Settings


def bearer_of_the_token(connection: ASGIConnection, handler: BaseRouteHandler) -> None:
    """A guard: the request names the metrics token, or 403."""
    settings: Settings = connection.app.state.settings
    scheme, _, given = connection.headers.get("authorization", "").strip().partition(" ")
    if not settings.metrics_token or scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), settings.metrics_token.encode()):
        raise PermissionDeniedException()


def _registry() -> CollectorRegistry:
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return REGISTRY
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    return registry


class MetricsController(Controller):
    path = "/metrics"
    guards = [bearer_of_the_token]

    @get("/", name="metrics", cache=False)
    async def scrape(self) -> Response:
        """Every metric in Prometheus' text format, the outbox's backlog read from the database now."""
        for status, count in (await backlog()).items():
            OUTBOX_BACKLOG.labels(status=status).set(count)
        return Response(generate_latest(_registry()), media_type=CONTENT_TYPE_LATEST, headers={"cache-control": "no-store"})
