"""Counselling in the back office: the day's and week's bookings across places, a meeting (who
came, the record), booking for a caller or a walk-in (the same path as online), the calendar of
patterns and leave with the counsellors and places, and the month's summary. HTTP only: rules in
bookings.py, meetings.py and availability.py."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException, ValidationException
from litestar.params import FromQuery, URLEncodedBody
from litestar.response import Template
from litestar.status_codes import HTTP_409_CONFLICT, HTTP_422_UNPROCESSABLE_ENTITY

from jobcenter.audit.service import Actor
from jobcenter.counselling import availability, bookings, meetings
from jobcenter.counselling.calendar import place_days
from jobcenter.counselling.labels import LABELS
from jobcenter.counselling.outcomes import refused
from jobcenter.counselling.tables import BookingChannel, BookingStatus
from jobcenter.schedule.patterns import choice_labels, describe
from jobcenter.settings import Settings
from jobcenter.web.flash import done
from jobcenter.web.form_input import FormInvalid, RowId, read_day, read_id, read_month
from jobcenter.web.forms import NO_STORE, form_page
from jobcenter.web.htmx import wants_fragment
from jobcenter.web.language import language_of

Form = URLEncodedBody[dict[str, str]]
STAFF_CHANNELS = (BookingChannel.phone.value, BookingChannel.walk_in.value)


def _today(now: datetime, settings: Settings) -> date:
    return now.astimezone(ZoneInfo(settings.timezone)).date()


async def _calendar_page(request: Request, now: datetime) -> Template:
    """The patterns and the leave to come, with the counsellors and places."""
    language = language_of(request)
    patterns = [{**row, "words": describe(row["rule"], language, skip_holidays=True)} for row in await availability.patterns()]
    return Template("counselling/backoffice/calendar.html", context={
        "patterns": patterns, "leave": await availability.coming_leave(now), "counsellors": await availability.counsellors(),
        "places": await availability.places(), **LABELS}, headers=NO_STORE)


async def _form(request: Request, kind: str, status_code: int = 200, **context: Any) -> Template:
    """The form that adds a pattern, leave, a counsellor or a place (`kind`), with its problems."""
    options = {"counsellors": await availability.counsellors(active_only=True), "places": await availability.places(active_only=True)}
    return form_page(f"counselling/backoffice/{kind}_form.html", status_code, slot_minutes=availability.SLOT_MINUTES, **options,
                     **choice_labels(language_of(request)), **LABELS, **context)


async def _book_page(request: Request, citizen_id: int, place_id: int | None, day: str | None, settings: Settings, now: datetime,
                     status_code: int = 200, **context: Any) -> Template:
    """Booking for a person: the places, and for the chosen one its days and the day's times."""
    person = await bookings.person_of(citizen_id)
    places = await availability.places(active_only=True)
    place = next((row for row in places if row["id"] == place_id), places[0] if places else None)
    shown = await place_days(place, read_day(day), now=now, zone=settings.timezone) if place else None
    template = "counselling/_day.html" if wants_fragment(request) else "counselling/backoffice/book.html"
    moving = context.get("moving")
    if moving:
        form_action = request.app.route_reverse("staff_counselling_move", booking_id=moving["id"])
        day_base = f"{form_action}?"
    else:
        form_action = request.app.route_reverse("staff_counselling_book")
        day_base = f"{form_action}?citizen={citizen_id}&place={place['id'] if place else ''}&"
    return form_page(template, status_code, person=person, for_person=person, places=places, shown=shown, person_channels=STAFF_CHANNELS,
                     day_base=day_base, form_action=form_action, **LABELS, **context)


async def _meeting_page(booking_id: int, actor: Actor, settings: Settings, now: datetime, status_code: int = 200, **context: Any) -> Template:
    """A booking's page: who, when, where, who came, and the record (its reading audited)."""
    row = await meetings.meeting(booking_id, actor=actor, now=now, zone=settings.timezone)
    if "values" not in context and row["record"]:
        context["values"] = {"discussed": row["record"]["discussed"], "next_steps": row["record"]["next_steps"]}
    return form_page("counselling/backoffice/meeting.html", status_code, booking=row, now=now, **LABELS, **context)


class CounsellingAdminController(Controller):
    path = "/counselling"

    @get("/", name="staff_counselling")
    async def days(self, actor: NamedDependency[Actor], settings: NamedDependency[Settings], now: NamedDependency[datetime],
                   day: FromQuery[str | None] = None, week: FromQuery[str] = "", counsellor: FromQuery[str | None] = None) -> Template:
        """The day's bookings across places (the week's with `week=1`), for one counsellor or all
        (`counsellor=`); a counsellor sees their own first."""
        first = read_day(day) or _today(now, settings)
        days = 7 if week == "1" else 1
        counsellor_id = read_id(counsellor) if counsellor is not None else await availability.own_counsellor(actor)
        rows = await meetings.bookings_between(first, first + timedelta(days=days - 1), zone=settings.timezone, counsellor_id=counsellor_id)
        context = {"rows": rows, "first": first, "days": days, "counsellor_id": counsellor_id, "counsellors": await availability.counsellors(),
                   "step": timedelta(days=days), **LABELS}
        return Template("counselling/backoffice/days.html", context=context, headers=NO_STORE)

    @get("/bookings/{booking_id:int}", name="staff_counselling_booking")
    async def meeting(self, booking_id: RowId, actor: NamedDependency[Actor], settings: NamedDependency[Settings],
                      now: NamedDependency[datetime]) -> Template:
        """A booking: the person, the time, who came, and the record of the meeting (its reading audited)."""
        return await _meeting_page(booking_id, actor, settings, now)

    @post("/bookings/{booking_id:int}/status")
    async def mark(self, booking_id: RowId, data: Form, actor: NamedDependency[Actor], settings: NamedDependency[Settings],
                   now: NamedDependency[datetime]) -> Response:
        """Came, or did not come (any other answer is a bad request)."""
        if data.get("status") not in {mark.value for mark in meetings.MARKS}:
            raise ValidationException()
        try:
            await meetings.mark(booking_id, BookingStatus(data["status"]), actor=actor, now=now)
        except meetings.MarkRefused as refused:
            return await _meeting_page(booking_id, actor, settings, now, HTTP_409_CONFLICT, refusal=refused.message)
        return done(f"/staff/counselling/bookings/{booking_id}", "saved")

    @post("/bookings/{booking_id:int}/record")
    async def write(self, booking_id: RowId, data: Form, actor: NamedDependency[Actor], settings: NamedDependency[Settings],
                    now: NamedDependency[datetime]) -> Response:
        try:
            await meetings.save_record(booking_id, data, actor=actor, now=now)
        except FormInvalid as invalid:
            return await _meeting_page(booking_id, actor, settings, now, HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors, values=data)
        return done(f"/staff/counselling/bookings/{booking_id}", "saved")

    @post("/bookings/{booking_id:int}/cancel")
    async def cancel(self, request: Request, booking_id: RowId, actor: NamedDependency[Actor], settings: NamedDependency[Settings],
                     now: NamedDependency[datetime]) -> Response:
        """Cancelled for the person (who is told by text); the time is free again."""
        try:
            await bookings.cancel(booking_id, None, actor=actor, now=now, zone=settings.timezone, language=language_of(request))
        except bookings.BookingRefused as refused:
            return await _meeting_page(booking_id, actor, settings, now, HTTP_409_CONFLICT, refusal=refused.message)
        return done(f"/staff/counselling/bookings/{booking_id}", "saved")

    @get("/bookings/{booking_id:int}/move", name="staff_counselling_move")
    async def move_form(self, request: Request, booking_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime],
                        day: FromQuery[str | None] = None) -> Template:
        """Another free time at the same place, for a person who called (or for leave that came up)."""
        booking = await bookings.booking_of(booking_id, None)
        return await _book_page(request, booking["citizen"], booking["place"], day, settings, now, moving=booking)

    @post("/bookings/{booking_id:int}/move")
    async def move(self, request: Request, booking_id: RowId, data: Form, actor: NamedDependency[Actor], settings: NamedDependency[Settings],
                   now: NamedDependency[datetime]) -> Response:
        booking = await bookings.booking_of(booking_id, None)

        async def again(status_code: int, **context: Any) -> Template:
            return await _book_page(request, booking["citizen"], booking["place"], data.get("day"), settings, now, status_code, moving=booking,
                                    **context)

        change = bookings.move(booking_id, None, data, actor=actor, now=now, zone=settings.timezone, language=language_of(request))
        return await refused(change, again, settings.timezone) or done(f"/staff/counselling/bookings/{booking_id}", "saved")

    @get("/book", name="staff_counselling_book")
    async def book_form(self, request: Request, settings: NamedDependency[Settings], now: NamedDependency[datetime],
                        citizen: FromQuery[str | None] = None, place: FromQuery[str | None] = None, day: FromQuery[str | None] = None) -> Template:
        """A time booked for a caller or a walk-in, from the person's page."""
        citizen_id = read_id(citizen)
        if citizen_id is None:
            raise NotFoundException()
        return await _book_page(request, citizen_id, read_id(place), day, settings, now, values={"channel": BookingChannel.phone.value})

    @post("/book")
    async def book(self, request: Request, data: Form, actor: NamedDependency[Actor], settings: NamedDependency[Settings],
                   now: NamedDependency[datetime]) -> Response:
        citizen_id, place_id = read_id(data.get("citizen")), read_id(data.get("place"))
        if citizen_id is None or place_id is None:
            raise NotFoundException()
        channel = BookingChannel.walk_in if data.get("channel") == BookingChannel.walk_in.value else BookingChannel.phone

        async def again(status_code: int, **context: Any) -> Template:
            return await _book_page(request, citizen_id, place_id, data.get("day"), settings, now, status_code, values=data, **context)

        booked: list[int] = []

        async def booking() -> None:
            booked.append(await bookings.book(citizen_id, place_id, data, who=bookings.Who(channel, actor), now=now, zone=settings.timezone,
                                              language=language_of(request)))

        return await refused(booking(), again, settings.timezone) or done(f"/staff/counselling/bookings/{booked[0]}", "created")

    @get("/calendar", name="staff_counselling_calendar")
    async def calendar(self, request: Request, now: NamedDependency[datetime]) -> Template:
        """Each counsellor's patterns at each place, the leave to come, the counsellors and places."""
        return await _calendar_page(request, now)

    @get("/patterns/new", name="staff_counselling_pattern_new")
    async def pattern_form(self, request: Request) -> Template:
        return await _form(request, "pattern", values={"slot_minutes": "30", "pattern": "weekly"})

    @post("/patterns/new")
    async def add_pattern(self, request: Request, data: Form, actor: NamedDependency[Actor], now: NamedDependency[datetime]) -> Response:
        try:
            await availability.add_pattern(data, actor=actor, now=now)
        except FormInvalid as invalid:
            return await _form(request, "pattern", HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors, values=data)
        return done("/staff/counselling/calendar", "saved")

    @post("/patterns/{pattern_id:int}/end")
    async def end_pattern(self, pattern_id: RowId, actor: NamedDependency[Actor], settings: NamedDependency[Settings],
                          now: NamedDependency[datetime]) -> Response:
        await availability.end_pattern(pattern_id, actor=actor, now=now, zone=settings.timezone)
        return done("/staff/counselling/calendar", "saved")

    @get("/leave/new", name="staff_counselling_leave_new")
    async def leave_form(self, request: Request) -> Template:
        return await _form(request, "leave")

    @post("/leave/new")
    async def add_leave(self, request: Request, data: Form, actor: NamedDependency[Actor], settings: NamedDependency[Settings],
                        now: NamedDependency[datetime]) -> Response:
        try:
            await availability.add_leave(data, actor=actor, now=now, zone=settings.timezone)
        except FormInvalid as invalid:
            return await _form(request, "leave", HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors, values=data)
        return done("/staff/counselling/calendar", "saved")

    @post("/leave/{leave_id:int}/delete")
    async def remove_leave(self, leave_id: RowId, actor: NamedDependency[Actor], now: NamedDependency[datetime]) -> Response:
        await availability.remove_leave(leave_id, actor=actor, now=now)
        return done("/staff/counselling/calendar", "deleted")

    @get("/counsellors/new", name="staff_counselling_counsellor_new")
    async def counsellor_form(self, request: Request) -> Template:
        return await _form(request, "counsellor")

    @post("/counsellors/new")
    async def add_counsellor(self, request: Request, data: Form, actor: NamedDependency[Actor], now: NamedDependency[datetime]) -> Response:
        try:
            await availability.add_counsellor(data, me=data.get("me") == "1", actor=actor, now=now)
        except FormInvalid as invalid:
            return await _form(request, "counsellor", HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors, values=data)
        return done("/staff/counselling/calendar", "created")

    @get("/places/new", name="staff_counselling_place_new")
    async def place_form(self, request: Request) -> Template:
        return await _form(request, "place", values={"kind": "office"})

    @post("/places/new")
    async def add_place(self, request: Request, data: Form, actor: NamedDependency[Actor], now: NamedDependency[datetime]) -> Response:
        try:
            await availability.add_place(data, actor=actor, now=now)
        except FormInvalid as invalid:
            return await _form(request, "place", HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors, values=data)
        return done("/staff/counselling/calendar", "created")

    @get("/summary", name="staff_counselling_summary")
    async def summary(self, settings: NamedDependency[Settings], now: NamedDependency[datetime], month: FromQuery[str | None] = None) -> Template:
        """Bookings, who came and who did not, by place, for a month."""
        chosen = read_month(month) or _today(now, settings).replace(day=1)
        lines = await meetings.month_summary(chosen, zone=settings.timezone)
        return Template("counselling/backoffice/summary.html", context={"lines": lines, "month": chosen}, headers=NO_STORE)
