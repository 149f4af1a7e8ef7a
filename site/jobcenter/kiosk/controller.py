"""The lobby kiosk (/kiosk): walk-up screens for touch that never lead out of the kiosk, and
/status/<confirmation number>, the page the kiosk's QR code opens on the visitor's own phone. HTTP
only: the rules are the catalog's, the calendar's, the seat service's and kiosk/service.py's.

Every screen is `no-store`. A visit keeps nothing on the server until an application is made
(then the kiosk session remembers it for the result screen); the reset ends the visit, deletes
the kiosk's cookies and asks the browser to clear the site's data.

The status page shows one application, and only after the last four digits of its mobile number;
wrong answers are limited (per confirmation number and per client: kiosk/service.py)."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.exceptions import HTTPException, NotFoundException, ValidationException
from litestar.params import FromPath, FromQuery, URLEncodedBody
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_303_SEE_OTHER, HTTP_409_CONFLICT, HTTP_422_UNPROCESSABLE_ENTITY, HTTP_429_TOO_MANY_REQUESTS

from jobcenter.accounts.mobile import mask_mobile
from jobcenter.accounts.walk_in import WalkIn
from jobcenter.accounts.web import forget_citizen
from jobcenter.catalog import service as catalog
from jobcenter.catalog.filters import CatalogFilters, InvalidFilter
from jobcenter.catalog.labels import LABELS, LIFE_STAGES
from jobcenter.catalog.status import Status, cohort_status
from jobcenter.errors import NotFound
from jobcenter.events import service as calendar
from jobcenter.events.labels import CATEGORY_LABELS as EVENT_CATEGORIES
from jobcenter.events.occurrence_page import event_page_context
from jobcenter.home.privacy import POLICY_SINCE
from jobcenter.i18n import N_, Filled, gettext
from jobcenter.kiosk import help_requests
from jobcenter.kiosk.display import KIOSK_PATH, MODE_COOKIES, display_of, kiosk_path, toggled
from jobcenter.kiosk.service import CONFIRMATION_CODE, WrongDigits, application_for_status, apply_at_kiosk, event_days, kiosk_result, this_week
from jobcenter.kiosk.sessions import KIOSK_COOKIE, end_visit, remember_application, visit_lifetime, visit_of
from jobcenter.limits.service import RateLimited
from jobcenter.qr import qr_svg
from jobcenter.settings import Settings
from jobcenter.signups import service as signups
from jobcenter.signups.pools import pool_of
from jobcenter.signups.targets import Target, target_of
from jobcenter.web.errors import error_texts, handle_unexpected, status_shown
from jobcenter.web.form_input import FormInvalid, RowId
from jobcenter.web.forms import NO_STORE, form_page
from jobcenter.web.language import language_of

logger = logging.getLogger("jobcenter.kiosk")

Form = URLEncodedBody[dict[str, str]]
FIELDS = ["name", "mobile", "birth_year", "consent"]
"""The application's fields in the order of its steps: errors are listed in this order."""
PROGRAMS_PER_SCREEN = 4
"""Few enough to read at 200% text without scrolling far; 다음 shows the rest."""
CSRF_COOKIE = "csrftoken"
"""Litestar's CSRF cookie (app.py keeps its default name); the next visitor gets a fresh one."""
CLEAR_SITE_DATA = '"cache", "cookies", "storage"'
ALREADY_APPLIED = N_("This mobile number has already applied for this. Its confirmation number was sent to it.")
STATUS_QR_TITLE = N_("QR code: the address of this application's status page")


def _here(request: Request) -> str:
    return request.url.path + (f"?{request.url.query}" if request.url.query else "")


def _screen(request: Request, template: str, status_code: int = 200, **context: Any) -> Template:
    """A kiosk screen: the display modes, where it is (for 이전 links back to it), never cached.
    The start screen with nothing to reset is `at_rest`: its inactivity timer waits for a first tap."""
    display = display_of(request)
    at_rest = request.url.path == KIOSK_PATH and display.normal and KIOSK_COOKIE not in request.cookies
    context.setdefault("errors", {})
    context.setdefault("values", {})
    return Template(
        template_name=template,
        context={"display": display, "at_rest": at_rest, "here": _here(request), **LABELS, **context},
        status_code=status_code,
        headers=NO_STORE,
    )


def _kiosk_error(request: Request, exc: HTTPException) -> Template:
    """An error inside the kiosk stays inside it: the kiosk's own error screen with 처음으로."""
    status_code = status_shown(exc)
    title, explanation = error_texts(status_code)
    response = _screen(request, "kiosk/error.html", status_code, title=title, explanation=explanation)
    response.headers.update(exc.headers or {})
    return response


def _kiosk_not_found(request: Request, exc: NotFound) -> Template:
    """A domain's NotFound (no such program or event date) shown as the kiosk's own 404 screen."""
    return _kiosk_error(request, NotFoundException())


def _kiosk_unexpected(request: Request, exc: Exception) -> Template:
    """Logged and classified (busy database: 503 with Retry-After) as everywhere, shown the kiosk's way."""
    plain = handle_unexpected(request, exc)
    # Only Retry-After carries over: the kiosk screen replaces the whole page, never a part of it.
    retry = {name: value for name, value in plain.headers.items() if name.lower() == "retry-after"}
    return _kiosk_error(request, HTTPException(status_code=plain.status_code, headers=retry))


def _pool_status(pool: dict[str, Any], target: Target, now: datetime, zone: str) -> Status:
    return cohort_status(
        opens_at=pool["opens_at"], closes_at=pool["closes_at"], ends_on=target.ends_on, end_time=target.end_time, now=now, zone=zone
    )


def _target_path(target: Target) -> str:
    kind = "events" if target.kind == "occurrence" else "programs"
    return f"{KIOSK_PATH}/{kind}/{target.owner_id}"


class KioskController(Controller):
    path = KIOSK_PATH
    before_request = staticmethod(forget_citizen)  # kiosk screens never show a citizen as signed in
    # Layered over the app's handlers (web/errors.py): each of the app's has its kiosk counterpart here.
    exception_handlers = {HTTPException: _kiosk_error, NotFound: _kiosk_not_found, Exception: _kiosk_unexpected}

    @get("/", name="kiosk")
    async def start(self, request: Request) -> Template:
        """The start screen: three life stages, today's events and 직원 호출, as very large buttons."""
        return _screen(request, "kiosk/start.html", life_stages=LIFE_STAGES)

    @post("/display", name="kiosk_display")
    async def display(self, request: Request, data: Form, settings: NamedDependency[Settings]) -> Redirect:
        """Turn 큰 글씨 or 고대비 on or off and show the same screen again."""
        cookie = toggled(request, data.get("mode", ""), settings)
        return Redirect(
            path=kiosk_path(data.get("next")), status_code=HTTP_303_SEE_OTHER, cookies=[cookie] if cookie else None, headers=NO_STORE
        )

    @get("/programs", name="kiosk_programs")
    async def programs(
        self,
        request: Request,
        settings: NamedDependency[Settings],
        now: NamedDependency[datetime],
        audience: FromQuery[str | None] = None,
        page: FromQuery[str | None] = None,
    ) -> Template:
        """The programs for one life stage (and those for everyone), a few to a screen."""
        try:
            filters = CatalogFilters.parse(audience, None, None, None, page)
        except InvalidFilter as error:
            raise ValidationException(detail=f"invalid filter: {error}") from error
        results = await catalog.search_programs(filters, now=now, zone=settings.timezone, page_size=PROGRAMS_PER_SCREEN)
        query = {"audience": filters.audience.value} if filters.audience else {}
        pages = {
            number: f"{KIOSK_PATH}/programs?{urlencode({**query, 'page': number})}"
            for number in (results.page - 1, results.page + 1)
            if 1 <= number <= results.page_count
        }
        return _screen(
            request,
            "kiosk/programs.html",
            results=results,
            previous_page=pages.get(results.page - 1, KIOSK_PATH),
            next_page=pages.get(results.page + 1),
        )

    @get("/programs/{program_id:int}", name="kiosk_program")
    async def program(
        self,
        request: Request,
        program_id: RowId,
        settings: NamedDependency[Settings],
        now: NamedDependency[datetime],
        back: FromQuery[str | None] = None,
    ) -> Template:
        """One program: who it is for, and each cohort that takes or will take applications."""
        program = await catalog.get_program(program_id, now=now, zone=settings.timezone)
        cohorts = [cohort for cohort in program.cohorts if cohort.status in (Status.open, Status.upcoming)]
        return _screen(request, "kiosk/program.html", program=program, cohorts=cohorts, back=kiosk_path(back))

    @get("/events", name="kiosk_events")
    async def events(
        self, request: Request, settings: NamedDependency[Settings], now: NamedDependency[datetime], when: FromQuery[str | None] = None
    ) -> Template:
        """오늘의 행사, and with 다음 the rest of the week."""
        today = now.astimezone(ZoneInfo(settings.timezone)).date()
        if when in (None, "", "today"):
            first, last, when = today, today, "today"
        elif when == "week":
            first, last = this_week(today)
        else:
            raise ValidationException(detail="invalid day range")
        days = await event_days(first, last, today=today, zone=settings.timezone)
        return _screen(request, "kiosk/events.html", days=days, when=when, first=first, last=last, categories=EVENT_CATEGORIES)

    @get("/events/{occurrence_id:int}", name="kiosk_event")
    async def event(
        self,
        request: Request,
        occurrence_id: RowId,
        settings: NamedDependency[Settings],
        now: NamedDependency[datetime],
        back: FromQuery[str | None] = None,
    ) -> Template:
        """One event: when, where, who should come, companies hiring, and registration if it has seats."""
        occurrence = await calendar.get_occurrence(occurrence_id)
        context = await event_page_context(request, occurrence, settings, now)
        return _screen(request, "kiosk/event.html", **context, back=kiosk_path(back or f"{KIOSK_PATH}/events"))

    @get("/apply/{pool_id:int}", name="kiosk_apply")
    async def apply_form(
        self,
        request: Request,
        pool_id: RowId,
        settings: NamedDependency[Settings],
        now: NamedDependency[datetime],
        back: FromQuery[str | None] = None,
    ) -> Template:
        """The application without an account: name, mobile number and year of birth on the keypad,
        the consent notice, and one 신청 button."""
        return await _apply_page(request, pool_id, settings, now, back=back)

    @post("/apply/{pool_id:int}")
    async def apply(
        self, request: Request, pool_id: RowId, data: Form, settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Response:
        """Take a seat or a waitlist place through the seat service; the result screen, or the same
        form with what to correct."""
        person = WalkIn(
            name=data.get("name", ""), mobile=data.get("mobile", ""), birth_year=data.get("birth_year", ""), consent=data.get("consent") == "1"
        )
        values = {"name": person.name, "mobile": person.mobile, "birth_year": person.birth_year, "consent": "1" if person.consent else ""}
        back = data.get("back")
        language = language_of(request)
        try:
            application = await apply_at_kiosk(
                pool_id=pool_id, person=person, now=now, language=language, zone=settings.timezone, kiosk_name=settings.kiosk_name
            )
        except FormInvalid as invalid:
            errors = {name: invalid.errors[name] for name in FIELDS if name in invalid.errors}
            return await _apply_page(request, pool_id, settings, now, back=back, errors=errors, values=values)
        except signups.NotFound:
            raise  # a 404, not one of the refusals below
        except signups.NotEligible as refused:
            errors = {"birth_year": Filled(refused.message, **refused.values)}
            return await _apply_page(request, pool_id, settings, now, back=back, errors=errors, values=values)
        except signups.AlreadyApplied:
            return await _apply_page(request, pool_id, settings, now, back=back, errors={"mobile": ALREADY_APPLIED}, values=values)
        except signups.SignupError as refused:
            return await _apply_page(request, pool_id, settings, now, back=back, refusal=refused)
        logger.info("kiosk %s: application %s (%s)", settings.kiosk_name, application["id"], application["status"])
        token = await remember_application(
            request.cookies.get(KIOSK_COOKIE), application["id"], kiosk_name=settings.kiosk_name, now=now, lifetime=visit_lifetime(settings)
        )
        response = Redirect(path=f"{KIOSK_PATH}/done", status_code=HTTP_303_SEE_OTHER, headers=NO_STORE)
        response.set_cookie(KIOSK_COOKIE, token, path=KIOSK_PATH, httponly=True, samesite="lax", secure=settings.cookie_secure)
        return response

    @get("/done", name="kiosk_done")
    async def done(self, request: Request, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Response:
        """The result: 신청 완료 or 대기 N번, the confirmation number in large digits, and a QR code of
        the status page for the visitor's own phone. Only within the visit that made it."""
        visit = await visit_of(request.cookies.get(KIOSK_COOKIE), now, visit_lifetime(settings))
        result = await kiosk_result(visit["application_id"], now=now, zone=settings.timezone) if visit and visit["application_id"] else None
        if result is None:
            return Redirect(path=KIOSK_PATH, status_code=HTTP_303_SEE_OTHER, headers=NO_STORE)
        status_url = str(request.base_url).rstrip("/") + request.app.route_reverse("application_status", code=result.application.confirmation_code)
        qr = qr_svg(status_url, title=gettext(language_of(request), STATUS_QR_TITLE), scale=8)
        return _screen(
            request, "kiosk/done.html", application=result.application, masked_mobile=mask_mobile(result.mobile), status_url=status_url, qr=qr
        )

    @post("/help", name="kiosk_call")
    async def call(self, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Redirect:
        """직원 호출: one tap opens a call on the staff dashboard."""
        call = await help_requests.call_staff(settings.kiosk_name, now)
        logger.info("kiosk %s: staff called (call %s)", settings.kiosk_name, call["id"])
        return Redirect(path=f"{KIOSK_PATH}/help", status_code=HTTP_303_SEE_OTHER, headers=NO_STORE)

    @get("/privacy", name="kiosk_privacy")
    async def privacy(self, request: Request, back: FromQuery[str | None] = None) -> Template:
        """The privacy policy on the kiosk's screen, with 이전 back to where it was opened."""
        return _screen(request, "kiosk/privacy.html", effective_on=POLICY_SINCE, back=kiosk_path(back))

    @get("/help", name="kiosk_help")
    async def help_page(self, request: Request, settings: NamedDependency[Settings]) -> Template:
        """Someone is coming (while the call is open); otherwise the button to call."""
        calls = [call for call in await help_requests.open_calls() if call["kiosk_name"] == settings.kiosk_name]
        return _screen(request, "kiosk/help.html", call=calls[0] if calls else None)

    @post("/reset", name="kiosk_reset")
    async def reset(self, request: Request) -> Redirect:
        """The next visitor starts clean: the visit ends on the server, the kiosk's cookies are
        deleted and the browser is asked to clear the site's cookies, storage and cache."""
        await end_visit(request.cookies.get(KIOSK_COOKIE))
        response = Redirect(path=KIOSK_PATH, status_code=HTTP_303_SEE_OTHER, headers={**NO_STORE, "clear-site-data": CLEAR_SITE_DATA})
        for name in [KIOSK_COOKIE, *(cookie for cookie, _ in MODE_COOKIES.values())]:
            response.delete_cookie(name, path=KIOSK_PATH)
        response.delete_cookie(CSRF_COOKIE, path="/")
        return response


async def _apply_page(
    request: Request,
    pool_id: int,
    settings: Settings,
    now: datetime,
    *,
    back: str | None,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    refusal: signups.SignupError | None = None,
) -> Template:
    """The application form for one seat pool, or why it cannot be taken now."""
    target = await target_of(pool_id, settings.timezone)
    pool = await pool_of(pool_id) if target else None
    if target is None or pool is None:
        raise NotFoundException()
    status = _pool_status(pool, target, now, settings.timezone)
    context = {"target": target, "pool": pool, "status": status, "back": kiosk_path(back or _target_path(target))}
    if refusal is not None or status != Status.open:
        return _screen(request, "kiosk/not_open.html", HTTP_409_CONFLICT if refusal else 200, refusal=refusal, **context)
    status_code = HTTP_422_UNPROCESSABLE_ENTITY if errors else 200
    return _screen(request, "kiosk/apply.html", status_code, errors=errors or {}, values=values or {}, **context)


WRONG_DIGITS = N_("Those digits do not match this confirmation number. Enter the last four digits of the mobile number you applied with.")
TOO_MANY = N_("Too many wrong answers. Please try again in %(minutes)s minutes, or call the center.")


def _code(raw: str) -> str:
    """The confirmation number from the address; 404 for anything that cannot be one."""
    code = raw.strip().upper()
    if not CONFIRMATION_CODE.fullmatch(code):
        raise NotFoundException()
    return code


class StatusController(Controller):
    path = "/status"

    @get("/{code:str}", name="application_status")
    async def ask(self, code: FromPath[str]) -> Template:
        """Ask for the last four digits before anything about the application is shown."""
        return form_page("kiosk/status.html", code=_code(code))

    @post("/{code:str}")
    async def show(
        self, request: Request, code: FromPath[str], data: URLEncodedBody[dict[str, str]], settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Template:
        """The application, when the digits match; the same question with an error otherwise."""
        code = _code(code)
        client = request.client.host if request.client else "unknown"
        try:
            application = await application_for_status(
                code, data.get("last_four", ""), client=client, now=now, zone=settings.timezone, limits=settings.limits
            )
        except RateLimited as limited:
            logger.warning("status page throttled: client %s", client)
            message = gettext(language_of(request), TOO_MANY) % {"minutes": max(1, -(-limited.retry_after // 60))}
            response = form_page("kiosk/status.html", HTTP_429_TOO_MANY_REQUESTS, code=code, errors={"last_four": message})
            response.headers["retry-after"] = str(limited.retry_after)
            return response
        except WrongDigits:
            logger.warning("status page: wrong digits, client %s", client)
            return form_page("kiosk/status.html", HTTP_422_UNPROCESSABLE_ENTITY, code=code, errors={"last_four": WRONG_DIGITS})
        return form_page("kiosk/status.html", code=code, application=application, now=now)
