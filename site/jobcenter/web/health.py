"""A liveness probe for process managers, the e2e harness and the benchmark's baseline."""

from litestar import get
from litestar.response import Response


@get("/healthz", name="health", sync_to_thread=False, include_in_schema=False)
def health() -> Response[str]:
    """Answers without touching the database: the process is up and routing."""
    return Response("ok", media_type="text/plain", headers={"cache-control": "no-store"})
