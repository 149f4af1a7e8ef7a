"""Who is signed in, for every request, the guard for pages that need a citizen, and the hook for
pages that must never show one (the back office, the kiosk)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import quote

from litestar import Request, Response
from litestar.exceptions import NotAuthorizedException
from litestar.response import Redirect
from litestar.status_codes import HTTP_303_SEE_OTHER

from jobcenter.accounts.sessions import SESSION_COOKIE, citizen_of_session
from jobcenter.settings import Settings


class LoginRequired(NotAuthorizedException):
    """A page that needs a signed-in citizen was asked for without one."""


def session_timeouts(settings: Settings) -> dict[str, timedelta]:
    return {"idle": timedelta(minutes=settings.session_idle_minutes), "absolute": timedelta(hours=settings.session_max_hours)}


async def load_citizen(request: Request) -> None:
    """before_request: put the signed-in citizen (or None) on request.state for handlers and templates."""
    settings: Settings = request.app.state.settings
    token = request.cookies.get(SESSION_COOKIE)
    if request.url.path.startswith("/static/"):
        token = None  # files are the same for everyone: no database lookup for them
    now = request.app.state.clock()
    request.state.citizen = await citizen_of_session(token, now, **session_timeouts(settings)) if token else None


def forget_citizen(request: Request) -> None:
    """before_request of the back office and the kiosk: their pages never show a citizen as signed in."""
    request.state.citizen = None


def provide_citizen(request: Request) -> dict[str, Any]:
    """Dependency for pages of one's own: the signed-in citizen, or LoginRequired."""
    citizen = getattr(request.state, "citizen", None)
    if citizen is None:
        raise LoginRequired()
    return citizen


def handle_login_required(request: Request, _: LoginRequired) -> Response:
    """Send the person to the login page and back here afterwards."""
    target = "/login?next=" + quote(request.url.path + (f"?{request.url.query}" if request.url.query else ""), safe="")
    if request.headers.get("hx-request") == "true":
        return Response(content="", status_code=200, headers={"HX-Redirect": target})
    return Redirect(path=target, status_code=HTTP_303_SEE_OTHER)
