"""Error pages in the active language, for people and for htmx swaps, never with a traceback."""

from __future__ import annotations

import logging

from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from litestar.response import Template
from litestar.status_codes import (
    HTTP_400_BAD_REQUEST,
    HTTP_404_NOT_FOUND,
    HTTP_500_INTERNAL_SERVER_ERROR,
    HTTP_503_SERVICE_UNAVAILABLE,
)
from litestar.types import ExceptionHandlersMap

from jobcenter import db
from jobcenter.errors import NotFound
from jobcenter.i18n import N_
from jobcenter.metrics import DATABASE_ERRORS
from jobcenter.web.htmx import wants_fragment

logger = logging.getLogger("jobcenter.errors")

ERROR_TEXTS: dict[int, tuple[str, str]] = {
    400: (N_("The request could not be handled"), N_("Some of what was sent is not valid. Please check it and try again.")),
    403: (N_("Access denied"), N_("You do not have permission for this page, or the form expired. Reload the page and try again.")),
    404: (N_("Page not found"), N_("The page may have been moved or removed. Please check the address.")),
    405: (N_("The request could not be handled"), N_("This address does not accept that kind of request.")),
    413: (N_("Too much was sent"), N_("What was sent is larger than this site accepts. Please shorten it and try again.")),
    429: (N_("Too many attempts"), N_("Please wait a moment and try again.")),
    500: (N_("Something went wrong"), N_("A temporary error occurred on our side. Please try again in a moment.")),
    503: (N_("The service is busy"), N_("Too many people are using the site right now. Please try again in a moment.")),
}


def error_texts(status_code: int) -> tuple[str, str]:
    if status_code in ERROR_TEXTS:
        return ERROR_TEXTS[status_code]
    return ERROR_TEXTS[500 if status_code >= 500 else 400]


API_PREFIXES = ("/api/v1/", "/api/openapi")
"""Where errors are answered in JSON, in the shape the OpenAPI document gives them (Litestar's)."""


def api_error(status_code: int, headers: dict[str, str] | None, extra: object = None) -> Response:
    """An error of the public API: `status_code`, `detail` (English) and, for a bad parameter, `extra`."""
    content: dict[str, object] = {"status_code": status_code, "detail": error_texts(status_code)[1]}
    if extra:
        content["extra"] = extra
    return Response(content=content, status_code=status_code, headers=headers, media_type="application/json")


def error_response(request: Request, status_code: int, headers: dict[str, str] | None = None, extra: object = None) -> Response:
    """The error page, or for an htmx request its fragment swapped into the main region; for the API, JSON."""
    if request.url.path.startswith(API_PREFIXES):
        return api_error(status_code, headers, extra)
    title, explanation = error_texts(status_code)
    context = {"status_code": status_code, "title": title, "explanation": explanation}
    response_headers = dict(headers or {})
    if wants_fragment(request):
        response_headers.update({"HX-Retarget": "#main", "HX-Reswap": "innerHTML"})
        template = "errors/_error.html"
    else:
        template = "errors/error.html"
    return Template(template_name=template, context=context, status_code=status_code, headers=response_headers)


def status_shown(exc: HTTPException) -> int:
    """The status to answer with. A path id out of range (/seats/123456789012345678901234567890)
    names no row, so it is not found rather than a bad request."""
    problems = exc.extra if isinstance(exc, ValidationException) and isinstance(exc.extra, list) else []
    if problems and all(isinstance(problem, dict) and problem.get("source") == "path" for problem in problems):
        return HTTP_404_NOT_FOUND
    return exc.status_code


def _problems(exc: HTTPException) -> object:
    """What was wrong with the request, for the API's `extra`: Litestar's list for a parameter of the
    wrong type or range, or the rule a value broke (a range, a district)."""
    if not isinstance(exc, ValidationException):
        return None
    return exc.extra or [{"message": exc.detail}]


def handle_http_exception(request: Request, exc: HTTPException) -> Response:
    """4xx and deliberate 5xx: the matching page; headers such as Retry-After are kept."""
    if exc.status_code >= 500:
        logger.error("%s %s -> %s: %s", request.method, request.url.path, exc.status_code, exc.detail)
    return error_response(request, status_shown(exc), headers=exc.headers, extra=_problems(exc))


def handle_not_found(request: Request, exc: NotFound) -> Response:
    """A domain's NotFound (no such program, not this person's application...) that no handler
    caught: the 404 page. The one place a missing row becomes a 404."""
    return error_response(request, HTTP_404_NOT_FOUND)


RETRY_AFTER_SECONDS = "5"


def handle_unexpected(request: Request, exc: Exception) -> Response:
    """A busy or unreachable database: 503 with Retry-After (its transaction was rolled back whole).
    A value the database refused (a NUL that a form let through): 400, logged so the form that let
    it through is found. Anything else is a bug: logged with its traceback, a plain page for the person."""
    if db.is_unavailable(exc):
        DATABASE_ERRORS.labels(kind="unavailable").inc()
        logger.warning("Database unavailable on %s %s: %s", request.method, request.url.path, exc)
        return error_response(request, HTTP_503_SERVICE_UNAVAILABLE, headers={"retry-after": RETRY_AFTER_SECONDS})
    if db.is_bad_input(exc):
        DATABASE_ERRORS.labels(kind="bad_input").inc()
        logger.warning("The database refused a value sent to %s %s", request.method, request.url.path, exc_info=exc)
        return error_response(request, HTTP_400_BAD_REQUEST)
    logger.exception("Unhandled error on %s %s", request.method, request.url.path)
    return error_response(request, HTTP_500_INTERNAL_SERVER_ERROR)


EXCEPTION_HANDLERS: ExceptionHandlersMap = {HTTPException: handle_http_exception, NotFound: handle_not_found, Exception: handle_unexpected}
