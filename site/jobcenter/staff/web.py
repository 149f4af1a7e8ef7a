"""Who is signed in to the back office, and the guards every /staff route passes through."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from litestar import Request, Response
from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler
from litestar.response import Redirect
from litestar.status_codes import HTTP_303_SEE_OTHER

from jobcenter.accounts.web import session_timeouts
from jobcenter.audit.service import Actor
from jobcenter.settings import Settings
from jobcenter.staff.sessions import STAFF_COOKIE, staff_of_session

PUBLIC = "staff_public"
"""Route option: reachable without a staff session (the login form)."""
HALF_SESSION = "staff_half_session"
"""Route option: reachable after the password, before the code (the code and enrolment step)."""


class StaffLoginRequired(NotAuthorizedException):
    """A back-office page was asked for without a verified staff session."""


async def _load_staff(connection: ASGIConnection) -> dict[str, Any] | None:
    settings: Settings = connection.app.state.settings
    token = connection.cookies.get(STAFF_COOKIE)
    if not token:
        return None
    return await staff_of_session(token, connection.app.state.clock(), **session_timeouts(settings))


async def staff_only(connection: ASGIConnection, handler: BaseRouteHandler) -> None:
    """Guard of the /staff router (guards run before any before_request hook): puts the staff
    member (or None) on the request's state, then asks for a verified session, or a half-open
    one for the code step. Citizens' sessions count for nothing here."""
    staff = await _load_staff(connection)
    connection.state.staff = staff
    if handler.opt.get(PUBLIC):
        return
    if staff is None or not (staff["verified"] or handler.opt.get(HALF_SESSION)):
        raise StaffLoginRequired()


def admin_only(connection: ASGIConnection, _: BaseRouteHandler) -> None:
    """Guard for staff accounts and the audit log: admins only (403 for other staff)."""
    staff = connection.state.get("staff")
    if staff is None or staff["role"] != "admin":
        raise PermissionDeniedException()


def provide_actor(request: Request) -> Actor:
    """Dependency: the signed-in staff member, as the audit log names them."""
    staff: dict[str, Any] = request.state.staff
    return Actor(id=staff["id"], name=staff["name"], role=staff["role"])


def handle_staff_login_required(request: Request, _: StaffLoginRequired) -> Response:
    """To the staff login, and back to the page afterwards."""
    target = "/staff/login?next=" + quote(request.url.path + (f"?{request.url.query}" if request.url.query else ""), safe="")
    if request.headers.get("hx-request") == "true":
        return Response(content="", status_code=200, headers={"HX-Redirect": target})
    return Redirect(path=target, status_code=HTTP_303_SEE_OTHER)
