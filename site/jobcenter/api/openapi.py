"""The OpenAPI document of the public API, written by Litestar from the API's routes and types and
served at /api/openapi.json (and at /api/, for discovery)."""

from __future__ import annotations

from litestar.openapi.config import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin
from litestar.openapi.spec import License

DESCRIPTION = (
    "Read-only open data of the job center: programs with their cohorts, sessions and seats left; event dates; "
    "the company directory; open job postings. No personal data. JSON, times in ISO 8601 with the center's offset. "
    "Answers carry an ETag and may be cached for a minute; every origin may read them (CORS). "
    "Requests are limited per address (429 with Retry-After)."
)


def openapi_config() -> OpenAPIConfig:
    return OpenAPIConfig(
        title="Job center open data API",
        version="1.0.0",
        description=DESCRIPTION,
        license=License(name="MIT", identifier="MIT"),
        path="/api",
        render_plugins=[JsonRenderPlugin()],
        use_handler_docstrings=False,
    )
