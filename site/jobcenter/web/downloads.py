"""A file staff download (an export): its media type, a filename Korean browsers keep, and no caching."""

from __future__ import annotations

from urllib.parse import quote

from litestar import Response

from jobcenter.spreadsheets import MEDIA_TYPES
from jobcenter.web.forms import NO_STORE


def download(data: bytes, kind: str, name: str) -> Response:
    """`data` as an attachment `name`.`kind`; an ASCII fallback name for old browsers."""
    filename = f"{name}.{kind}".replace("/", "-")
    return Response(
        content=data,
        media_type=MEDIA_TYPES[kind],
        headers={**NO_STORE, "content-disposition": f"attachment; filename=\"export.{kind}\"; filename*=UTF-8''{quote(filename)}"},
    )
