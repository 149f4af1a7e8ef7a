"""Rendering a form page the GOV.UK way: the same template with its errors and the values typed."""

from __future__ import annotations

from typing import Any

from litestar.response import Template
from litestar.status_codes import HTTP_429_TOO_MANY_REQUESTS

from jobcenter.i18n import N_, gettext

NO_STORE = {"cache-control": "no-store"}
"""For pages that show personal data: nothing left in a shared device's cache."""


def form_page(template: str, status_code: int = 200, /, **context: Any) -> Template:
    """`errors` (field -> msgid) and `values` default to empty; never cached."""
    context.setdefault("errors", {})
    context.setdefault("values", {})
    return Template(template_name=template, context=context, status_code=status_code, headers=NO_STORE)


TOO_MANY_ATTEMPTS = N_("Too many failed attempts. Please try again in %(minutes)s minutes, or reset your password.")
TOO_MANY_REQUESTS = N_("Too many requests from this connection. Please try again in %(minutes)s minutes, or call the center.")


def wait_message(language: str, message: str, retry_after: int) -> str:
    """`message` (a msgid with %(minutes)s) translated, with the wait in whole minutes, at least one."""
    return gettext(language, message) % {"minutes": max(1, -(-retry_after // 60))}


def throttled_page(
    template: str, language: str, retry_after: int, field: str, message: str = TOO_MANY_ATTEMPTS, **context: Any
) -> Template:
    """A form refused by a rate limit: 429, Retry-After, and when to try again (`message`, a msgid
    with %(minutes)s; by default the one for failed logins)."""
    response = form_page(template, HTTP_429_TOO_MANY_REQUESTS, errors={field: wait_message(language, message, retry_after)}, **context)
    response.headers["retry-after"] = str(retry_after)
    return response
