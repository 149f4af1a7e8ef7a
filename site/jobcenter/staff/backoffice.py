"""The back office's own pages: login (password, then the TOTP code, with QR enrolment the first
time) and logout, the dashboard, and, for admins, staff accounts (create, deactivate or reactivate,
reset a lost authenticator). HTTP only: the rules are in service.py and dashboard.py."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Annotated

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import Cookie
from litestar.di import NamedDependency
from litestar.params import QueryParameter, URLEncodedBody
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_303_SEE_OTHER, HTTP_422_UNPROCESSABLE_ENTITY

from jobcenter.accounts.service import TooManyAttempts
from jobcenter.audit.service import Actor
from jobcenter.kiosk.help_requests import POLL_SECONDS
from jobcenter.qr import qr_svg
from jobcenter.settings import Settings
from jobcenter.staff import service
from jobcenter.staff.dashboard import dashboard
from jobcenter.staff.sessions import STAFF_COOKIE, end_staff_session, start_half_session, verify_session
from jobcenter.staff.tables import StaffRole
from jobcenter.staff.web import HALF_SESSION, PUBLIC, admin_only
from jobcenter.web.flash import done
from jobcenter.web.form_input import FormInvalid, RowId
from jobcenter.web.forms import NO_STORE, form_page, throttled_page
from jobcenter.web.language import language_of, safe_return_path

logger = logging.getLogger("jobcenter.staff")

NextPath = Annotated[str | None, QueryParameter(name="next")]
Form = URLEncodedBody[dict[str, str]]


def _staff_next(candidate: str | None) -> str:
    """Back to a back-office page after login, never elsewhere."""
    path = safe_return_path(candidate)
    return path if path.startswith("/staff") and not path.startswith("/staff/login") else "/staff"


def _cookie(token: str, settings: Settings) -> Cookie:
    # Strict: a link from another site never arrives signed in to the back office.
    return Cookie(key=STAFF_COOKIE, value=token, httponly=True, samesite="strict", secure=settings.cookie_secure, path="/staff")


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


class StaffLoginController(Controller):
    path = "/login"

    @get("/", name="staff_login", opt={PUBLIC: True})
    async def login_form(self, next_path: NextPath = None) -> Template:
        """The first step: username and password."""
        return form_page("staff/login.html", next=_staff_next(next_path))

    @post("/", opt={PUBLIC: True})
    async def login(
        self, request: Request, data: Form, settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Response:
        """Password checked (throttled per username and per client): on to the code step."""
        next_path = _staff_next(data.get("next"))
        username = data.get("username", "")
        values = {"username": username}
        try:
            staff = await service.authenticate(username, data.get("password", ""), _client(request), now, settings.limits)
        except TooManyAttempts as throttled:
            logger.warning("staff login throttled: %s from %s", username[:40], _client(request))
            return throttled_page("staff/login.html", language_of(request), throttled.retry_after, "username", values=values, next=next_path)
        except FormInvalid as invalid:
            logger.warning("staff login failed: %s from %s", username[:40], _client(request))
            return form_page("staff/login.html", HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors, values=values, next=next_path)
        await end_staff_session(request.cookies.get(STAFF_COOKIE))
        token = await start_half_session(staff["id"], now)
        return Redirect(
            path=f"/staff/login/code?next={next_path}", status_code=HTTP_303_SEE_OTHER, cookies=[_cookie(token, settings)]
        )

    async def _code_page(self, request: Request, next_path: str, status_code: int = 200, **context: object) -> Template:
        staff = request.state.staff
        enrolment = {}
        if not staff["enrolled"]:
            secret = await service.enrolment_secret(staff["id"])
            issuer = request.app.state.settings.center.name
            enrolment = {
                "qr": qr_svg(service.enrolment_uri(secret, staff["username"], issuer), "QR"),
                "secret": service.grouped(secret),
            }
        return form_page("staff/code.html", status_code, next=next_path, enrolment=enrolment, **context)

    @get("/code", name="staff_login_code", opt={HALF_SESSION: True})
    async def code_form(self, request: Request, next_path: NextPath = None) -> Response:
        """The second step: the authenticator's code, after scanning the QR code the first time."""
        if request.state.staff["verified"]:
            return Redirect(path=_staff_next(next_path), status_code=HTTP_303_SEE_OTHER)
        return await self._code_page(request, _staff_next(next_path))

    @post("/code", opt={HALF_SESSION: True})
    async def code(
        self, request: Request, data: Form, settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Response:
        """A right code verifies the session under a new id; a wrong one counts as a failed login."""
        staff = request.state.staff
        next_path = _staff_next(data.get("next"))
        if staff["verified"]:
            return Redirect(path=next_path, status_code=HTTP_303_SEE_OTHER)
        try:
            await service.check_code(staff["id"], data.get("code", ""), _client(request), now, settings.limits)
        except TooManyAttempts as throttled:
            await end_staff_session(request.cookies.get(STAFF_COOKIE))
            return throttled_page("staff/login.html", language_of(request), throttled.retry_after, "username", next=next_path)
        except FormInvalid as invalid:
            return await self._code_page(request, next_path, HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors)
        token = await verify_session(request.cookies[STAFF_COOKIE], now)
        logger.info("staff login: %s from %s", staff["username"], _client(request))
        return Redirect(path=next_path, status_code=HTTP_303_SEE_OTHER, cookies=[_cookie(token, settings)])


@post("/logout", name="staff_logout", opt={PUBLIC: True})
async def staff_logout(request: Request) -> Redirect:
    """End the back-office session and ask the browser to forget what it showed."""
    await end_staff_session(request.cookies.get(STAFF_COOKIE))
    response = Redirect(path="/staff/login", status_code=HTTP_303_SEE_OTHER)
    response.delete_cookie(STAFF_COOKIE, path="/staff")
    response.headers["clear-site-data"] = '"cache", "storage"'
    return response


@get("/session", name="staff_keep_session", status_code=204)
async def staff_keep_session() -> None:
    """'계속' in the time-out warning: this request itself keeps the session alive."""



async def _accounts_page(status_code: int = 200, **context: object) -> Template:
    return form_page("staff/accounts.html", status_code, staff_members=await service.staff_list(), roles=list(StaffRole), **context)


class StaffAccountsController(Controller):
    path = "/accounts"
    guards = [admin_only]

    @get("/", name="staff_accounts")
    async def accounts(self) -> Template:
        """Every staff account, with the form for a new one."""
        return await _accounts_page()

    @post("/")
    async def create(self, data: Form, actor: NamedDependency[Actor], now: NamedDependency[datetime]) -> Response:
        """A new account: it sets up its authenticator at its first login."""
        try:
            await service.create_staff(
                username=data.get("username", ""),
                name=data.get("name", ""),
                role=data.get("role", ""),
                password=data.get("password", ""),
                now=now,
                actor=actor,
            )
        except FormInvalid as invalid:
            values = {key: data.get(key, "") for key in ("username", "name", "role")}
            return await _accounts_page(HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors, values=values)
        return done("/staff/accounts", "created")

    @post("/{staff_id:int}/active")
    async def set_active(
        self, staff_id: RowId, data: Form, actor: NamedDependency[Actor], now: NamedDependency[datetime]
    ) -> Response:
        """Deactivate (every session ends) or reactivate an account."""
        try:
            await service.set_active(staff_id, data.get("active") == "1", actor=actor, now=now)
        except FormInvalid as invalid:
            return await _accounts_page(HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors)
        return done("/staff/accounts", "saved")

    @post("/{staff_id:int}/second-factor")
    async def reset_second_factor(
        self, staff_id: RowId, actor: NamedDependency[Actor], now: NamedDependency[datetime]
    ) -> Response:
        """A lost phone: the account sets up a new authenticator at its next login."""
        await service.reset_second_factor(staff_id, actor=actor, now=now)
        return done("/staff/accounts", "saved")


@get("/", name="staff_dashboard")
async def staff_dashboard(request: Request, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Template:
    """Calls from the kiosk, today's events and sessions, open cohorts' fill rates, failed messages,
    follow-up calls due."""
    board = await dashboard(now, settings.timezone)
    return Template(template_name="staff/dashboard.html", context={"board": board, "poll_seconds": POLL_SECONDS}, headers=NO_STORE)
