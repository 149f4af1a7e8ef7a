"""Static files under names that change with their content: `asset("/css/site.css")` is
`/static/css/site.css?v=<hash of the file>`, so a browser keeps each file for a year (immutable)
and fetches it again only when a deployment changed it."""

from __future__ import annotations

import hashlib
from functools import cache

from litestar import Router, get
from litestar.config.compression import CompressionConfig
from litestar.datastructures import CacheControlHeader
from litestar.middleware.base import DefineMiddleware
from litestar.middleware.compression import CompressionMiddleware
from litestar.response import File
from litestar.static_files import create_static_files_router

from jobcenter.settings import PROJECT_ROOT

STATIC_ROOT = PROJECT_ROOT / "static"
STATIC_PATH = "/static"
ONE_YEAR_SECONDS = 365 * 24 * 3600
STATIC_CACHE = CacheControlHeader(public=True, max_age=ONE_YEAR_SECONDS, immutable=True)
"""Every /static response: the address holds the content's hash, so it never goes stale."""


@cache
def _version(path: str) -> str:
    return hashlib.sha256((STATIC_ROOT / path.lstrip("/")).read_bytes()).hexdigest()[:12]


def static_files_router() -> Router:
    """/static: long-lived, compressed."""
    return create_static_files_router(path=STATIC_PATH, directories=[STATIC_ROOT], name="static", cache_control=STATIC_CACHE,
                                      middleware=[COMPRESSED])


def asset(path: str) -> str:
    """The address of a file under static/, with its content's hash (read once per process)."""
    return f"{STATIC_PATH}{path}?v={_version(path)}"


COMPRESSED = DefineMiddleware(CompressionMiddleware, config=CompressionConfig(backend="brotli", brotli_quality=5, gzip_compress_level=6))
"""Brotli (gzip for browsers without it), for static files alone. Pages are not compressed: they
hold the CSRF token beside what a visitor typed (a search), and compressing both together would
let an attacker on the network guess the token from response sizes (BREACH)."""


@get("/favicon.ico", name="favicon", include_in_schema=False, middleware=[COMPRESSED])
async def favicon() -> File:
    """The icon browsers ask for by this old name on a first visit (pages name the SVG itself)."""
    return File(STATIC_ROOT / "favicon.svg", media_type="image/svg+xml", content_disposition_type="inline",
                headers={"cache-control": STATIC_CACHE.to_header()})
