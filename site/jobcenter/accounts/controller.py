"""Sign-up, login, logout and password reset pages. HTTP only: the rules are in service.py."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any
from urllib.parse import quote

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import Cookie
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, FromQuery, QueryParameter, URLEncodedBody
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_303_SEE_OTHER, HTTP_422_UNPROCESSABLE_ENTITY, HTTP_429_TOO_MANY_REQUESTS

from jobcenter.accounts import mobile_change, news, phone_codes, service, signup
from jobcenter.accounts.mobile import format_mobile, mask_mobile
from jobcenter.accounts.news import NEWS_PATH
from jobcenter.accounts.phone_codes import Purpose
from jobcenter.accounts.sessions import SESSION_COOKIE, end_session, start_session
from jobcenter.accounts.signup import Opened
from jobcenter.accounts.web import provide_citizen
from jobcenter.i18n import N_, gettext
from jobcenter.limits.service import RateLimited
from jobcenter.settings import Settings
from jobcenter.web.flash import done
from jobcenter.web.form_input import FormInvalid
from jobcenter.web.forms import NO_STORE, TOO_MANY_REQUESTS, form_page, throttled_page
from jobcenter.web.htmx import wants_fragment
from jobcenter.web.language import language_of, safe_return_path

logger = logging.getLogger("jobcenter.accounts")

TICKET_COOKIE = "code_ticket"
"""Names the texted code this browser is entering (phone_codes.py keeps only its HMAC)."""

NextPath = Annotated[str | None, QueryParameter(name="next")]
Form = URLEncodedBody[dict[str, str]]


def _masked(typed_mobile: str) -> str:
    """Enough of a number to follow an attack in the log, not enough to identify a person."""
    return "***" + "".join(ch for ch in typed_mobile if ch.isdigit())[-4:]


def _session_cookie(token: str, settings: Settings) -> Cookie:
    return Cookie(key=SESSION_COOKIE, value=token, httponly=True, samesite="lax", secure=settings.cookie_secure, path="/")


def _signed_in(request: Request, token: str, settings: Settings, next_path: str | None, flash: str | None = None) -> Redirect:
    """303 to where the person was going, signed in; `flash`: a success message to show there."""
    path = safe_return_path(next_path) if next_path else "/me/applications"
    if flash:
        path += ("&" if "?" in path else "?") + f"done={flash}"
    return Redirect(path=path, status_code=HTTP_303_SEE_OTHER, cookies=[_session_cookie(token, settings)])


class AccountController(Controller):
    @get("/signup", name="signup")
    async def signup_form(self, next_path: NextPath = None) -> Template:
        """The consent notice and the account form, on one page, before anything is stored."""
        return form_page("accounts/signup.html", next=safe_return_path(next_path))

    @post("/signup")
    async def signup(
        self, request: Request, data: Form, settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Response:
        """Text a code to the number (the account is opened once it is entered); the same form with
        every error otherwise."""
        next_path = data.get("next")
        client = request.client.host if request.client else "unknown"
        try:
            ticket = await signup.start_signup(data, now, client=client, settings=settings)
        except RateLimited as limited:
            logger.warning("sign-up limited: client %s", client)
            return throttled_page("accounts/signup.html", language_of(request), limited.retry_after, "name", TOO_MANY_REQUESTS,
                                  values=data, next=next_path)
        except FormInvalid as invalid:
            return form_page(
                "accounts/signup.html", HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors, values=data, next=next_path
            )
        return _to_code_page("/signup/code", ticket, next_path, settings)

    @get("/login", name="login")
    async def login_form(self, next_path: NextPath = None, reset: FromQuery[str | None] = None) -> Template:
        return form_page("accounts/login.html", next=safe_return_path(next_path), password_changed=reset == "1")

    @post("/login")
    async def login(
        self, request: Request, data: Form, settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Response:
        """Sign in with a new session id; throttled per mobile number and per client."""
        next_path = data.get("next")
        client = request.client.host if request.client else "unknown"
        try:
            citizen = await service.authenticate(data.get("mobile", ""), data.get("password", ""), client, now, settings.limits)
        except service.TooManyAttempts as throttled:
            logger.warning("login throttled: mobile %s, client %s", _masked(data.get("mobile", "")), client)
            return throttled_page(
                "accounts/login.html",
                language_of(request),
                throttled.retry_after,
                "mobile",
                values={"mobile": data.get("mobile", "")},
                next=next_path,
            )
        except FormInvalid as invalid:
            logger.warning("login failed: mobile %s, client %s", _masked(data.get("mobile", "")), client)
            return form_page(
                "accounts/login.html",
                HTTP_422_UNPROCESSABLE_ENTITY,
                errors=invalid.errors,
                values={"mobile": data.get("mobile", "")},
                next=next_path,
            )
        await end_session(request.cookies.get(SESSION_COOKIE))
        logger.info("login: citizen %s, client %s", citizen["id"], client)
        return _signed_in(request, await start_session(citizen["id"], now), settings, next_path)

    @post("/logout", name="logout")
    async def logout(self, request: Request) -> Redirect:
        """End the session here and in the database, and ask the browser to forget this person."""
        await end_session(request.cookies.get(SESSION_COOKIE))
        response = Redirect(path="/", status_code=HTTP_303_SEE_OTHER)
        response.delete_cookie(SESSION_COOKIE, path="/")
        response.headers["clear-site-data"] = '"cache", "storage"'
        return response

    @get("/password/forgot", name="forgot_password")
    async def forgot_form(self) -> Template:
        return form_page("accounts/forgot.html")

    @post("/password/forgot")
    async def forgot(
        self, request: Request, data: Form, settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Template:
        """Queue a reset link when the account has an email; the answer is the same either way
        (also when the account has had its links for this hour)."""
        client = request.client.host if request.client else "unknown"
        try:
            await service.send_reset_link(
                data.get("mobile", ""),
                str(request.base_url).rstrip("/"),
                now,
                language=language_of(request),
                zone=settings.timezone,
                client=client,
                limits=settings.limits,
            )
        except RateLimited as limited:
            logger.warning("password reset limited: client %s", client)
            return throttled_page("accounts/forgot.html", language_of(request), limited.retry_after, "mobile", TOO_MANY_REQUESTS,
                                  values={"mobile": data.get("mobile", "")})
        return form_page("accounts/forgot.html", sent=True)

    @get("/password/reset/{token:str}", name="reset_password")
    async def reset_form(self, token: FromPath[str], now: NamedDependency[datetime]) -> Template:
        valid = await service.reset_is_valid(token, now)
        return form_page("accounts/reset.html", token=token, valid=valid)

    @post("/password/reset/{token:str}")
    async def reset(self, token: FromPath[str], data: Form, now: NamedDependency[datetime]) -> Response:
        """Set the new password; every signed-in browser of the account must sign in again."""
        try:
            await service.reset_password(token, data.get("password", ""), data.get("password_again", ""), now)
        except FormInvalid as invalid:
            return form_page(
                "accounts/reset.html", HTTP_422_UNPROCESSABLE_ENTITY, token=token, valid=True, errors=invalid.errors
            )
        return Redirect(path="/login?reset=1", status_code=HTTP_303_SEE_OTHER)


class NewsConsentController(Controller):
    """새 프로그램·행사 소식 in 내 정보: stop it, or take it (again), in one step. The page is where the
    news texts' opt-out link leads; 내 정보 shows the same section."""

    path = NEWS_PATH
    dependencies = {"citizen": Provide(provide_citizen, sync_to_thread=False)}

    @get("/", name="news_consent")
    async def show(self, citizen: NamedDependency[dict[str, Any]], now: NamedDependency[datetime]) -> Template:
        return Template("accounts/news_consent.html", context={"consent": await news.consent_of(citizen["id"], now), "now": now},
                        headers=NO_STORE)

    @post("/")
    async def choose(self, request: Request, citizen: NamedDependency[dict[str, Any]], data: Form, now: NamedDependency[datetime]) -> Response:
        """`agree=1` takes (or renews) the news, anything else stops it; the section again for htmx,
        the page with what changed otherwise."""
        consent = await news.set_consent(citizen["id"], data.get("agree") == "1", now=now)
        logger.info("citizen %s %s the news", citizen["id"], "took" if consent.current else "stopped")
        template = "accounts/_news_consent.html" if wants_fragment(request) else "accounts/news_consent.html"
        return Template(template, context={"consent": consent, "now": now, "changed": True}, headers=NO_STORE)


def _to_code_page(path: str, ticket: str, next_path: str | None, settings: Settings) -> Redirect:
    """303 to the page where the code is entered; the browser holds the code's ticket in a cookie."""
    query = f"?next={quote(safe_return_path(next_path), safe='')}" if next_path else ""
    cookie = Cookie(key=TICKET_COOKIE, value=ticket, httponly=True, samesite="lax", secure=settings.cookie_secure, path="/",
                    max_age=int(phone_codes.VALID_FOR.total_seconds()) * 2)
    return Redirect(path=path + query, status_code=HTTP_303_SEE_OTHER, cookies=[cookie], headers=NO_STORE)


@dataclass(frozen=True)
class CodePage:
    """What the page for entering a code says and where its forms go, for one purpose."""

    heading: str
    action: str
    again: str
    restart: str
    restart_label: str


CODE_PAGES = {
    Purpose.signup: CodePage(N_("Create an account"), "signup_code", "signup_code_again", "signup", N_("Start the sign-up again")),
    Purpose.login: CodePage(N_("Log in with a text message"), "code_login_enter", "code_login_again", "code_login", N_("Use another number")),
    Purpose.mobile: CodePage(N_("Change your mobile number"), "my_mobile_code", "my_mobile_code_again", "my_mobile", N_("Use another number")),
}


async def _code_page(request: Request, purpose: Purpose, now: datetime, settings: Settings, status_code: int = 200,
                     **context: Any) -> Template:
    mobile = await phone_codes.pending_mobile(request.cookies.get(TICKET_COOKIE, ""), purpose, now, settings)
    return form_page("accounts/code.html", status_code, page=CODE_PAGES[purpose], masked=mask_mobile(mobile) if mobile else None,
                     next=safe_return_path(request.query_params.get("next")) if request.query_params.get("next") else "",
                     **context)


async def _send_again(request: Request, purpose: Purpose, path: str, settings: Settings, now: datetime) -> Response:
    """A new code to the same number, after a wait; the code page with the reason otherwise."""
    client = request.client.host if request.client else "unknown"
    ticket = request.cookies.get(TICKET_COOKIE, "")
    try:
        await phone_codes.resend(ticket, purpose, now=now, client=client, settings=settings)
    except RateLimited as limited:
        wait = gettext(language_of(request), phone_codes.WAIT_FOR_CODE) % {"seconds": limited.retry_after}
        response = await _code_page(request, purpose, now, settings, HTTP_429_TOO_MANY_REQUESTS, errors={"code": wait})
        response.headers["retry-after"] = str(limited.retry_after)
        return response
    except FormInvalid as invalid:
        return await _code_page(request, purpose, now, settings, HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors)
    query = f"?next={quote(request.query_params['next'], safe='')}" if request.query_params.get("next") else ""
    return Redirect(path=path + query, status_code=HTTP_303_SEE_OTHER, headers=NO_STORE)


class CodeController(Controller):
    """Entering a texted code: for a sign-up (/signup/code) and for 문자로 로그인 (/login/code)."""

    @get("/signup/code", name="signup_code")
    async def signup_code(self, request: Request, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Template:
        return await _code_page(request, Purpose.signup, now, settings)

    @post("/signup/code")
    async def finish_signup(self, request: Request, data: Form, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Response:
        """The account opens (or the walk-in record is claimed, or the existing account logs in)."""
        try:
            citizen_id, opened = await signup.finish_signup(request.cookies.get(TICKET_COOKIE, ""), data.get("code", ""), now,
                                                            settings=settings)
        except FormInvalid as invalid:
            return await _code_page(request, Purpose.signup, now, settings, HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors)
        logger.info("sign-up verified: citizen %s, %s", citizen_id, opened.value)
        return await _signed_in_by_code(request, citizen_id, data.get("next"), settings, now,
                                        None if opened is Opened.created else f"account_{opened.value}")

    @post("/signup/code/again", name="signup_code_again")
    async def signup_code_again(self, request: Request, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Response:
        return await _send_again(request, Purpose.signup, "/signup/code", settings, now)

    @get("/login/code", name="code_login")
    async def code_login_form(self, next_path: NextPath = None) -> Template:
        """문자로 로그인: the number, then the code texted to it."""
        return form_page("accounts/code_login.html", next=safe_return_path(next_path))

    @post("/login/code")
    async def start_code_login(self, request: Request, data: Form, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Response:
        """Text a code if the number has an account; the next page says the same either way."""
        client = request.client.host if request.client else "unknown"
        try:
            ticket = await signup.start_code_login(data.get("mobile", ""), now, client=client, settings=settings)
        except RateLimited as limited:
            logger.warning("code login limited: mobile %s, client %s", _masked(data.get("mobile", "")), client)
            return throttled_page("accounts/code_login.html", language_of(request), limited.retry_after, "mobile", phone_codes.TOO_MANY_CODES,
                                  values=data, next=data.get("next"))
        except FormInvalid as invalid:
            return form_page("accounts/code_login.html", HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors, values=data, next=data.get("next"))
        return _to_code_page("/login/code/enter", ticket, data.get("next"), settings)

    @get("/login/code/enter", name="code_login_enter")
    async def code_login_enter(self, request: Request, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Template:
        return await _code_page(request, Purpose.login, now, settings)

    @post("/login/code/enter")
    async def finish_code_login(self, request: Request, data: Form, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Response:
        try:
            citizen_id = await signup.finish_code_login(request.cookies.get(TICKET_COOKIE, ""), data.get("code", ""), now, settings=settings)
        except FormInvalid as invalid:
            return await _code_page(request, Purpose.login, now, settings, HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors)
        return await _signed_in_by_code(request, citizen_id, data.get("next"), settings, now)

    @post("/login/code/again", name="code_login_again")
    async def code_login_again(self, request: Request, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Response:
        return await _send_again(request, Purpose.login, "/login/code/enter", settings, now)


async def _signed_in_by_code(request: Request, citizen_id: int, next_path: str | None, settings: Settings, now: datetime,
                             flash: str | None = None) -> Redirect:
    """A new session for the person whose number the code proved; the code's ticket is dropped."""
    await end_session(request.cookies.get(SESSION_COOKIE))
    response = _signed_in(request, await start_session(citizen_id, now), settings, next_path, flash)
    response.delete_cookie(TICKET_COOKIE, path="/")
    return response


class MobileChangeController(Controller):
    """휴대전화 번호 바꾸기 in 내 정보: the new number, then the code texted to it. Every handler takes
    `citizen`, the dependency that sends anyone not signed in to log in."""

    path = "/me/mobile"
    dependencies = {"citizen": Provide(provide_citizen, sync_to_thread=False)}

    @get("/", name="my_mobile")
    async def form(self, citizen: NamedDependency[dict[str, Any]]) -> Template:
        return form_page("accounts/mobile.html", current=format_mobile(citizen["mobile"]))

    @post("/")
    async def start(
        self, request: Request, citizen: NamedDependency[dict[str, Any]], data: Form, settings: NamedDependency[Settings],
        now: NamedDependency[datetime],
    ) -> Response:
        """Text a code to the new number; the same form with what to correct otherwise."""
        client = request.client.host if request.client else "unknown"
        current = format_mobile(citizen["mobile"])
        try:
            ticket = await mobile_change.start_mobile_change(citizen["id"], data.get("mobile", ""), now, client=client, settings=settings)
        except RateLimited as limited:
            logger.warning("mobile change limited: citizen %s, client %s", citizen["id"], client)
            return throttled_page("accounts/mobile.html", language_of(request), limited.retry_after, "mobile", phone_codes.TOO_MANY_CODES,
                                  values=data, current=current)
        except FormInvalid as invalid:
            return form_page("accounts/mobile.html", HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors, values=data, current=current)
        return _to_code_page("/me/mobile/code", ticket, None, settings)

    @get("/code", name="my_mobile_code")
    async def code_form(
        self, request: Request, citizen: NamedDependency[dict[str, Any]], settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Template:
        return await _code_page(request, Purpose.mobile, now, settings)

    @post("/code")
    async def finish(
        self, request: Request, citizen: NamedDependency[dict[str, Any]], data: Form, settings: NamedDependency[Settings],
        now: NamedDependency[datetime],
    ) -> Response:
        """The code right: the new number is the login number from now on; 내 정보 says so."""
        try:
            await mobile_change.finish_mobile_change(request.cookies.get(TICKET_COOKIE, ""), data.get("code", ""), citizen["id"], now,
                                                     settings=settings)
        except FormInvalid as invalid:
            if "mobile" in invalid.errors:
                return form_page("accounts/mobile.html", HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors,
                                 current=format_mobile(citizen["mobile"]))
            return await _code_page(request, Purpose.mobile, now, settings, HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors)
        logger.info("citizen %s changed the login number", citizen["id"])
        response = done("/me", "mobile_changed")
        response.delete_cookie(TICKET_COOKIE, path="/")
        return response

    @post("/code/again", name="my_mobile_code_again")
    async def code_again(
        self, request: Request, citizen: NamedDependency[dict[str, Any]], settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Response:
        return await _send_again(request, Purpose.mobile, "/me/mobile/code", settings, now)
