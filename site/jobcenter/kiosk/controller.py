"""The lobby kiosk (/kiosk): walk-up screens for touch that never lead out of the kiosk, and
/status/<confirmation number>, the page the kiosk's QR code opens on the visitor's own phone. HTTP
only: the rules are the catalog's, the calendar's, the seat service's and kiosk/service.py's.

Every screen is `no-store`. A visit keeps nothing on the server until an application is made
(then the kiosk session remembers it for the result screen); the reset ends the visit, deletes
the kiosk's cookies and asks the browser to clear the site's data.

Only a device the center enrolled (kiosk/devices.py) may apply or call staff; any other browser
sees the programs and events and is sent to the website to apply.

The status page shows one application, and only after the last four digits of its mobile number;
wrong answers are limited (per confirmation number and per client: kiosk/service.py)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import Cookie
from litestar.di import NamedDependency
from litestar.exceptions import HTTPException, NotFoundException, ValidationException
from litestar.params import FromPath, FromQuery, URLEncodedBody
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_303_SEE_OTHER, HTTP_403_FORBIDDEN, HTTP_409_CONFLICT, HTTP_422_UNPROCESSABLE_ENTITY, HTTP_429_TOO_MANY_REQUESTS

from jobcenter.accounts import phone_codes
from jobcenter.accounts.mobile import mask_mobile
from jobcenter.accounts.phone_codes import Purpose
from jobcenter.accounts.sessions import SESSION_COOKIE
from jobcenter.accounts.walk_in import WalkIn
from jobcenter.accounts.web import forget_citizen
from jobcenter.catalog import service as catalog
from jobcenter.catalog.filters import CatalogFilters
from jobcenter.catalog.labels import LABELS, LIFE_STAGES
from jobcenter.catalog.status import Status, cohort_status
from jobcenter.counselling.bookings import BookingRefused, SlotTaken, booking_of, offered
from jobcenter.errors import NotFound
from jobcenter.events import service as calendar
from jobcenter.events.labels import CATEGORY_LABELS as EVENT_CATEGORIES
from jobcenter.events.occurrence_page import event_page_context
from jobcenter.home.privacy import POLICY_SINCE
from jobcenter.i18n import N_, Filled, gettext
from jobcenter.kiosk import counselling as kiosk_counselling
from jobcenter.kiosk import devices, help_requests
from jobcenter.kiosk.display import KIOSK_PATH, MODE_COOKIES, display_of, kiosk_path, toggled
from jobcenter.kiosk.service import (
    CODES_PER_KIOSK_PER_HOUR,
    CONFIRMATION_CODE,
    WrongDigits,
    application_for_status,
    apply_with_code,
    event_days,
    kiosk_result,
    start_kiosk_application,
    this_week,
)
from jobcenter.kiosk.sessions import KIOSK_COOKIE, end_visit, remember_application, visit_lifetime, visit_of
from jobcenter.limits.service import RateLimited
from jobcenter.qr import qr_svg
from jobcenter.settings import Settings
from jobcenter.signups import service as signups
from jobcenter.signups.pools import pool_of
from jobcenter.signups.targets import Target, target_of
from jobcenter.web.errors import error_texts, handle_unexpected, status_shown
from jobcenter.web.form_input import FormInvalid, RowId
from jobcenter.web.forms import NO_STORE, TOO_MANY_REQUESTS, form_page, throttled_page, wait_message
from jobcenter.web.language import language_of
from jobcenter.web.list_filters import InvalidFilter

logger = logging.getLogger("jobcenter.kiosk")

Form = URLEncodedBody[dict[str, str]]
FIELDS = ["name", "mobile", "birth_year", "consent"]
"""The application's fields in the order of its steps: errors are listed in this order."""
PROGRAMS_PER_SCREEN = 4
"""Few enough to read at 200% text without scrolling far; 다음 shows the rest."""
CODE_COOKIE = "kiosk_code"
"""The ticket of the code texted for the application in progress (the reset deletes it)."""
CSRF_COOKIE = "csrftoken"
"""Litestar's CSRF cookie (app.py keeps its default name); the next visitor gets a fresh one."""
CLEAR_SITE_DATA = '"cache", "storage"'
"""Not "cookies": that would delete the device's enrolment too. The reset deletes the visit's cookies by name."""
WEB_QR_TITLE = N_("QR code: the address of this page on the website")
APPLY_ON_WEB = (N_("Apply on the website"),
                N_("Applications here are taken only at the kiosk in the center's lobby. Please apply on the website, or call %(phone)s."))
BOOK_ON_WEB = (N_("Book on the website"),
               N_("Counselling times are booked here only at the kiosk in the center's lobby. Please book on the website, or call %(phone)s."))
"""The title and the notice of the screen that gives the website's page instead (msgids)."""
COUNSELLING_TITLE = N_("Book job counselling")
STATUS_QR_TITLE = N_("QR code: the address of this application's status page")


async def _know_device(request: Request) -> None:
    """before_request: never a citizen signed in; the enrolled kiosk this device is, or None."""
    forget_citizen(request)
    request.state.kiosk = await devices.kiosk_of(request.cookies.get(devices.DEVICE_COOKIE))


def _device_cookie(token: str, settings: Settings) -> Cookie:
    return Cookie(key=devices.DEVICE_COOKIE, value=token, path=KIOSK_PATH, httponly=True, samesite="lax", secure=settings.cookie_secure,
                  max_age=devices.DEVICE_COOKIE_DAYS * 24 * 3600)


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
        context={"display": display, "at_rest": at_rest, "here": _here(request), "kiosk": getattr(request.state, "kiosk", None), **LABELS, **context},
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
    before_request = staticmethod(_know_device)
    # Layered over the app's handlers (web/errors.py): each of the app's has its kiosk counterpart here.
    exception_handlers = {HTTPException: _kiosk_error, NotFound: _kiosk_not_found, Exception: _kiosk_unexpected}

    @get("/", name="kiosk")
    async def start(self, request: Request, settings: NamedDependency[Settings]) -> Template:
        """The start screen: three life stages, today's events and 직원 호출, as very large buttons.
        An enrolled kiosk's cookie is renewed here, so a kiosk in use never loses it."""
        response = _screen(request, "kiosk/start.html", life_stages=LIFE_STAGES)
        token = request.cookies.get(devices.DEVICE_COOKIE)
        if request.state.kiosk and token:
            response.cookies.append(_device_cookie(token, settings))
        return response

    @get("/enrol", name="kiosk_enrol")
    async def enrol_form(self, request: Request) -> Template:
        """Where staff enter the enrolment code on the device that is to become a kiosk."""
        return _screen(request, "kiosk/enrol.html")

    @post("/enrol")
    async def enrol(self, request: Request, data: Form, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Response:
        """The code right: this device is the kiosk from now on, and the start screen shows it."""
        client = request.client.host if request.client else "unknown"
        try:
            token, name = await devices.enrol_device(data.get("code", ""), client=client, now=now)
        except FormInvalid as invalid:
            return _screen(request, "kiosk/enrol.html", HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors)
        except RateLimited as limited:
            message = wait_message(language_of(request), TOO_MANY_REQUESTS, limited.retry_after)
            response = _screen(request, "kiosk/enrol.html", HTTP_429_TOO_MANY_REQUESTS, errors={"code": message})
            response.headers["retry-after"] = str(limited.retry_after)
            return response
        logger.info("kiosk enrolled: %s (client %s)", name, client)
        return Redirect(path=KIOSK_PATH, status_code=HTTP_303_SEE_OTHER, headers=NO_STORE, cookies=[_device_cookie(token, settings)])

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
        """Check the form, then text a code to the number and ask for it; the same form with what to
        correct otherwise. Only on an enrolled kiosk."""
        if request.state.kiosk is None:
            return await _apply_page(request, pool_id, settings, now, back=data.get("back"))
        person = WalkIn(
            name=data.get("name", ""), mobile=data.get("mobile", ""), birth_year=data.get("birth_year", ""), consent=data.get("consent") == "1"
        )
        values = {"name": person.name, "mobile": person.mobile, "birth_year": person.birth_year, "consent": "1" if person.consent else ""}
        back = data.get("back")
        try:
            ticket = await start_kiosk_application(
                pool_id, person, kiosk_id=request.state.kiosk["id"], now=now, zone=settings.timezone, settings=settings
            )
        except FormInvalid as invalid:
            errors = {name: invalid.errors[name] for name in FIELDS if name in invalid.errors}
            return await _apply_page(request, pool_id, settings, now, back=back, errors=errors, values=values)
        except signups.NotFound:
            raise  # a 404, not one of the refusals below
        except signups.NotEligible as refused:
            errors = {"birth_year": Filled(refused.message, **refused.values)}
            return await _apply_page(request, pool_id, settings, now, back=back, errors=errors, values=values)
        except RateLimited as limited:
            logger.warning("kiosk %s: codes limited", request.state.kiosk["name"])
            message = wait_message(language_of(request), phone_codes.TOO_MANY_CODES, limited.retry_after)
            throttled = await _apply_page(request, pool_id, settings, now, back=back, errors={"mobile": message}, values=values)
            throttled.status_code = HTTP_429_TOO_MANY_REQUESTS
            throttled.headers["retry-after"] = str(limited.retry_after)
            return throttled
        return _to_code_screen(f"{KIOSK_PATH}/apply/{pool_id}/code", ticket, settings)

    @get("/apply/{pool_id:int}/code", name="kiosk_apply_code")
    async def code_form(self, request: Request, pool_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Response:
        """The code texted to the number, on the number pad; without the phone at hand, 직원 호출."""
        return await _code_screen(request, pool_id, settings, now)

    @post("/apply/{pool_id:int}/code")
    async def finish_application(
        self, request: Request, pool_id: RowId, data: Form, settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Response:
        """The code right: the seat or waitlist place is taken through the seat service, and the
        result screen shows it. A wrong code asks again; a seat rule's refusal says why."""
        if request.state.kiosk is None:
            return await _apply_page(request, pool_id, settings, now, back=None)
        kiosk_name = request.state.kiosk["name"]
        try:
            application = await apply_with_code(
                request.cookies.get(CODE_COOKIE, ""), data.get("code", ""), pool_id,
                kiosk_name=kiosk_name, now=now, language=language_of(request), zone=settings.timezone, settings=settings,
            )
        except FormInvalid as invalid:
            return await _code_screen(request, pool_id, settings, now, HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors)
        except signups.NotFound:
            raise
        except signups.SignupError as refused:
            return await _apply_page(request, pool_id, settings, now, back=None, refusal=refused)
        logger.info("kiosk %s: application %s (%s)", kiosk_name, application["id"], application["status"])
        token = await remember_application(
            request.cookies.get(KIOSK_COOKIE), application["id"], kiosk_name=kiosk_name, now=now, lifetime=visit_lifetime(settings)
        )
        response = Redirect(path=f"{KIOSK_PATH}/done", status_code=HTTP_303_SEE_OTHER, headers=NO_STORE)
        response.set_cookie(KIOSK_COOKIE, token, path=KIOSK_PATH, httponly=True, samesite="lax", secure=settings.cookie_secure)
        response.delete_cookie(CODE_COOKIE, path=KIOSK_PATH)
        return response

    @post("/apply/{pool_id:int}/code/again", name="kiosk_apply_code_again")
    async def code_again(self, request: Request, pool_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Response:
        """A new code to the same number, after a wait; the code screen with the reason otherwise."""
        if request.state.kiosk is None:
            return await _apply_page(request, pool_id, settings, now, back=None)

        async def screen(status_code: int, **context: Any) -> Response:
            return await _code_screen(request, pool_id, settings, now, status_code, **context)

        return await _resend_code(request, f"{KIOSK_PATH}/apply/{pool_id}/code", screen, settings, now)

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

    @get("/counselling", name="kiosk_counselling")
    async def counselling(self, request: Request, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Template:
        """상담 예약: the center's next free times this week, in large buttons."""
        return await _counselling_screen(request, settings, now)

    @get("/counselling/book", name="kiosk_counselling_book")
    async def counselling_form(self, request: Request, settings: NamedDependency[Settings], now: NamedDependency[datetime],
                               slot: FromQuery[str] = "") -> Template:
        """The time chosen, and the visitor's details the kiosk's way (only on an enrolled kiosk)."""
        return await _counselling_form(request, slot, settings, now)

    @post("/counselling/book")
    async def counselling_start(self, request: Request, data: Form, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Response:
        """Check the details and the time, then text a code to the number and ask for it."""
        slot = data.get("slot", "")
        place = await kiosk_counselling.center()
        if request.state.kiosk is None or place is None:
            return await _counselling_form(request, slot, settings, now)
        person = WalkIn(name=data.get("name", ""), mobile=data.get("mobile", ""), birth_year=data.get("birth_year", ""), consent=data.get("consent") == "1")
        values = {"name": person.name, "mobile": person.mobile, "birth_year": person.birth_year, "consent": "1" if person.consent else ""}
        try:
            ticket = await kiosk_counselling.start_kiosk_booking(place["id"], slot, person, kiosk_id=request.state.kiosk["id"], now=now,
                                                                 zone=settings.timezone, settings=settings)
        except FormInvalid as invalid:
            errors = {name: invalid.errors[name] for name in FIELDS if name in invalid.errors}
            return await _counselling_form(request, slot, settings, now, HTTP_422_UNPROCESSABLE_ENTITY, errors=errors, values=values)
        except SlotTaken:
            return await _counselling_screen(request, settings, now, HTTP_409_CONFLICT, taken=True)
        except RateLimited as limited:
            message = wait_message(language_of(request), phone_codes.TOO_MANY_CODES, limited.retry_after)
            throttled = await _counselling_form(request, slot, settings, now, HTTP_429_TOO_MANY_REQUESTS, errors={"mobile": message}, values=values)
            throttled.headers["retry-after"] = str(limited.retry_after)
            return throttled
        return _to_code_screen(f"{KIOSK_PATH}/counselling/code", ticket, settings)

    @get("/counselling/code", name="kiosk_counselling_code")
    async def counselling_code_form(self, request: Request, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Response:
        return await _counselling_code_screen(request, settings, now)

    @post("/counselling/code")
    async def counselling_finish(self, request: Request, data: Form, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Response:
        """The code right: the time is booked and the screen says when, where and with whom."""
        if request.state.kiosk is None:
            return await _counselling_form(request, "", settings, now)
        try:
            booking_id, mobile = await kiosk_counselling.book_with_code(
                request.cookies.get(CODE_COOKIE, ""), data.get("code", ""), kiosk_name=request.state.kiosk["name"], now=now,
                language=language_of(request), zone=settings.timezone, settings=settings)
        except FormInvalid as invalid:
            return await _counselling_code_screen(request, settings, now, HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors)
        except SlotTaken:
            return await _counselling_screen(request, settings, now, HTTP_409_CONFLICT, taken=True)
        except BookingRefused as refused:  # the number's account holds its three times already (not said before the code)
            return await _counselling_screen(request, settings, now, HTTP_409_CONFLICT, refusal=refused.message)
        booking = await booking_of(booking_id, None)
        logger.info("kiosk %s: counselling booking %s", request.state.kiosk["name"], booking_id)
        response = _screen(request, "kiosk/counselling_done.html", booking=booking, masked_mobile=mask_mobile(mobile))
        response.delete_cookie(CODE_COOKIE, path=KIOSK_PATH)
        return response

    @post("/counselling/code/again", name="kiosk_counselling_code_again")
    async def counselling_code_again(self, request: Request, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Response:
        """A new code to the same number, after a wait."""
        if request.state.kiosk is None:
            return await _counselling_form(request, "", settings, now)

        async def screen(status_code: int, **context: Any) -> Response:
            return await _counselling_code_screen(request, settings, now, status_code, **context)

        return await _resend_code(request, f"{KIOSK_PATH}/counselling/code", screen, settings, now)

    @post("/help", name="kiosk_call")
    async def call(self, request: Request, now: NamedDependency[datetime]) -> Response:
        """직원 호출: one tap opens a call, with the kiosk's name, on the staff dashboard. Elsewhere
        than on an enrolled kiosk nobody is there to come: the screen gives the center's phone."""
        if request.state.kiosk is None:
            return _screen(request, "kiosk/help.html", HTTP_403_FORBIDDEN, call=None)
        call = await help_requests.call_staff(request.state.kiosk["name"], now)
        logger.info("kiosk %s: staff called (call %s)", request.state.kiosk["name"], call["id"])
        return Redirect(path=f"{KIOSK_PATH}/help", status_code=HTTP_303_SEE_OTHER, headers=NO_STORE)

    @get("/privacy", name="kiosk_privacy")
    async def privacy(self, request: Request, back: FromQuery[str | None] = None) -> Template:
        """The privacy policy on the kiosk's screen, with 이전 back to where it was opened."""
        return _screen(request, "kiosk/privacy.html", effective_on=POLICY_SINCE, back=kiosk_path(back))

    @get("/help", name="kiosk_help")
    async def help_page(self, request: Request) -> Template:
        """Someone is coming (while the call is open); otherwise the button to call (on an enrolled
        kiosk) or the center's phone (elsewhere)."""
        kiosk = request.state.kiosk
        calls = [call for call in await help_requests.open_calls() if kiosk and call["kiosk_name"] == kiosk["name"]]
        return _screen(request, "kiosk/help.html", call=calls[0] if calls else None)

    @post("/reset", name="kiosk_reset")
    async def reset(self, request: Request) -> Redirect:
        """The next visitor starts clean: the visit ends on the server, the kiosk's cookies are
        deleted by name (the device's enrolment stays) and the browser is asked to clear storage and cache."""
        await end_visit(request.cookies.get(KIOSK_COOKIE))
        response = Redirect(path=KIOSK_PATH, status_code=HTTP_303_SEE_OTHER, headers={**NO_STORE, "clear-site-data": CLEAR_SITE_DATA})
        for name in [KIOSK_COOKIE, CODE_COOKIE, *(cookie for cookie, _ in MODE_COOKIES.values())]:
            response.delete_cookie(name, path=KIOSK_PATH)
        response.delete_cookie(CSRF_COOKIE, path="/")
        response.delete_cookie(SESSION_COOKIE, path="/")
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
    context: dict[str, Any] = {"target": target, "pool": pool, "status": status, "back": kiosk_path(back or _target_path(target))}
    if request.state.kiosk is None:
        return _target_screen(request, HTTP_403_FORBIDDEN if request.method == "POST" else 200, **context)
    if refusal is not None or status != Status.open:
        return _screen(request, "kiosk/not_open.html", HTTP_409_CONFLICT if refusal else 200, refusal=refusal, **context)
    status_code = HTTP_422_UNPROCESSABLE_ENTITY if errors else 200
    return _screen(request, "kiosk/apply.html", status_code, errors=errors or {}, values=values or {}, **context)


async def _code_screen(
    request: Request, pool_id: int, settings: Settings, now: datetime, status_code: int = 200, **context: Any
) -> Response:
    """Where the texted code is entered; back to the form when there is no code waiting (it expired,
    or the visit was reset)."""
    target = await target_of(pool_id, settings.timezone)
    if target is None:
        raise NotFoundException()
    if request.state.kiosk is None:
        return _target_screen(request, HTTP_403_FORBIDDEN if request.method == "POST" else 200, target=target, back=_target_path(target))
    mobile = await phone_codes.pending_mobile(request.cookies.get(CODE_COOKIE, ""), Purpose.kiosk, now, settings)
    if mobile is None and not context.get("errors"):
        return Redirect(path=f"{KIOSK_PATH}/apply/{pool_id}", status_code=HTTP_303_SEE_OTHER, headers=NO_STORE)
    context.setdefault("errors", {})
    return _screen(request, "kiosk/code.html", status_code, target=target, pool_id=pool_id,
                   masked=mask_mobile(mobile) if mobile else None, **context)


def _to_code_screen(path: str, ticket: str, settings: Settings) -> Redirect:
    """To the screen where the code just texted is entered, its ticket kept in a cookie of the visit."""
    response = Redirect(path=path, status_code=HTTP_303_SEE_OTHER, headers=NO_STORE)
    response.set_cookie(CODE_COOKIE, ticket, path=KIOSK_PATH, httponly=True, samesite="lax", secure=settings.cookie_secure,
                        max_age=int(phone_codes.VALID_FOR.total_seconds()) * 2)
    return response


async def _resend_code(request: Request, path: str, screen: Callable[..., Awaitable[Response]], settings: Settings, now: datetime) -> Response:
    """A new code to the same number, after a wait, then back to its screen at `path`; the code
    screen (`screen(status_code, **context)`) with the reason otherwise."""
    try:
        await phone_codes.resend(request.cookies.get(CODE_COOKIE, ""), Purpose.kiosk, now=now, client=f"kiosk:{request.state.kiosk['id']}",
                                 settings=settings, per_client=CODES_PER_KIOSK_PER_HOUR)
    except RateLimited as limited:
        wait = gettext(language_of(request), phone_codes.WAIT_FOR_CODE) % {"seconds": limited.retry_after}
        response = await screen(HTTP_429_TOO_MANY_REQUESTS, errors={"code": wait})
        response.headers["retry-after"] = str(limited.retry_after)
        return response
    except FormInvalid as invalid:
        return await screen(HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors)
    return Redirect(path=path, status_code=HTTP_303_SEE_OTHER, headers=NO_STORE)


async def _counselling_screen(request: Request, settings: Settings, now: datetime, status_code: int = 200, **context: Any) -> Template:
    """The center's next free times this week (after a time was taken, the fresh ones)."""
    place = await kiosk_counselling.center()
    times = await kiosk_counselling.times_this_week(place["id"], now=now, zone=settings.timezone) if place else []
    return _screen(request, "kiosk/counselling.html", status_code, place=place, times=times, **context)


async def _counselling_form(request: Request, slot: str, settings: Settings, now: datetime, status_code: int = 200, **context: Any) -> Template:
    """The visitor's details for the time chosen; the website's page on a device that is no kiosk;
    the times again when the one chosen is no longer free."""
    place = await kiosk_counselling.center()
    if place is None:
        raise NotFoundException()
    if request.state.kiosk is None:
        return _web_only_screen(request, HTTP_403_FORBIDDEN if request.method == "POST" else 200,
                                heading=gettext(language_of(request), COUNSELLING_TITLE), path=f"{KIOSK_PATH}/counselling/{place['id']}",
                                texts=BOOK_ON_WEB, back=f"{KIOSK_PATH}/counselling")
    chosen = await offered(place["id"], slot, now=now, zone=settings.timezone)
    if chosen is None:
        return await _counselling_screen(request, settings, now, HTTP_409_CONFLICT, taken=True)
    return _screen(request, "kiosk/counselling_form.html", status_code, place=place, slot=chosen, **context)


async def _counselling_code_screen(request: Request, settings: Settings, now: datetime, status_code: int = 200, **context: Any) -> Response:
    """Where the code texted for a booking is entered; back to the times when none is waiting."""
    mobile = await phone_codes.pending_mobile(request.cookies.get(CODE_COOKIE, ""), Purpose.kiosk, now, settings)
    if request.state.kiosk is None or (mobile is None and not context.get("errors")):
        return Redirect(path=f"{KIOSK_PATH}/counselling", status_code=HTTP_303_SEE_OTHER, headers=NO_STORE)
    return _screen(request, "kiosk/counselling_code.html", status_code, masked=mask_mobile(mobile) if mobile else None, **context)


def _web_only_screen(request: Request, status_code: int, *, heading: str, path: str, texts: tuple[str, str], **context: Any) -> Template:
    """Applying and booking are for enrolled kiosks: elsewhere the screen gives the website's page
    for it (`path`, the kiosk's own), as an address and a QR code for the visitor's own phone."""
    web_url = str(request.base_url).rstrip("/") + path.removeprefix(KIOSK_PATH)
    qr = qr_svg(web_url, title=gettext(language_of(request), WEB_QR_TITLE), scale=8)
    return _screen(request, "kiosk/web_only.html", status_code, heading=heading, web_url=web_url, qr=qr, title=texts[0], notice=texts[1], **context)


def _target_screen(request: Request, status_code: int, *, target: Target, **context: Any) -> Template:
    """The website's page for applying to `target`, on a device that is not an enrolled kiosk."""
    return _web_only_screen(request, status_code, heading=f"{target.title} · {target.label}", path=_target_path(target), texts=APPLY_ON_WEB,
                            target=target, **context)


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
            return throttled_page("kiosk/status.html", language_of(request), limited.retry_after, "last_four", TOO_MANY, code=code)
        except WrongDigits:
            logger.warning("status page: wrong digits, client %s", client)
            return form_page("kiosk/status.html", HTTP_422_UNPROCESSABLE_ENTITY, code=code, errors={"last_four": WRONG_DIGITS})
        return form_page("kiosk/status.html", code=code, application=application, now=now)
