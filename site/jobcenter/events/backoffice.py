"""The calendar in the back office: series listed, created and changed with a preview of their
coming dates, and one date changed, moved or cancelled. HTTP only: the rules are in editing.py
(series) and rescheduling.py (one date)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromQuery, URLEncodedBody
from litestar.response import Template
from litestar.status_codes import HTTP_409_CONFLICT, HTTP_422_UNPROCESSABLE_ENTITY

from jobcenter.audit.service import Actor
from jobcenter.events import closures, companies, editing, rescheduling
from jobcenter.events.labels import CATEGORY_LABELS
from jobcenter.events.series_list import coming_occurrences, series_of, series_page
from jobcenter.events.service import OccurrenceView, get_occurrence
from jobcenter.events.tables import OccurrenceStatus
from jobcenter.schedule.date_changes import ChangeRefused
from jobcenter.schedule.patterns import choice_labels, describe
from jobcenter.settings import Settings
from jobcenter.web.flash import done
from jobcenter.web.form_input import FormInvalid, RowId
from jobcenter.web.forms import NO_STORE, form_page
from jobcenter.web.htmx import wants_fragment
from jobcenter.web.language import language_of
from jobcenter.web.paging import Paged, page_number

Form = URLEncodedBody[dict[str, str]]
SERIES_CATEGORIES = {value: label for value, label in CATEGORY_LABELS.items() if value in editing.CATEGORIES}


def _today(now: datetime, settings: Settings) -> date:
    return now.astimezone(ZoneInfo(settings.timezone)).date()


def _preview(data: dict[str, str], today: date, language: str) -> tuple[dict[str, Any] | None, dict[str, str]]:
    """The coming dates the form's schedule gives, or the schedule's errors."""
    try:
        schedule = editing.read_schedule(data, today)
    except FormInvalid as invalid:
        return None, invalid.errors
    dates = schedule.coming(today)
    return {
        "words": describe(schedule.rrule, language, skip_holidays=schedule.skip_holidays),
        "dates": dates,
        "skipped": sum(coming.skipped for coming in dates),
        "schedule": schedule,
    }, {}


def _series_form(request: Request, status_code: int = 200, **context: Any) -> Template:
    """The series form (new or existing), with the labels of its choices in the page's language."""
    language = language_of(request)
    return form_page(
        "events/backoffice/series.html",
        status_code,
        categories=SERIES_CATEGORIES,
        **choice_labels(language),
        **context,
    )


class StaffCalendarController(Controller):
    path = "/calendar"

    @get("/", name="staff_calendar")
    async def index(
        self, request: Request, settings: NamedDependency[Settings], now: NamedDependency[datetime], page: FromQuery[str | None] = None
    ) -> Template:
        """Every series, paged: category, title, pattern in words and next date."""
        number = page_number(page)
        rows, total = await series_page(page=number, page_size=settings.page_size, now=now)
        language = language_of(request)
        rows = [{**row, "words": describe(row["rrule"], language, skip_holidays=row["skip_holidays"])} for row in rows]
        paged = Paged(rows=rows, total=total, page=number, page_size=settings.page_size, query={})
        return Template("events/backoffice/index.html", context={"paged": paged, "categories": CATEGORY_LABELS}, headers=NO_STORE)

    @get("/new", name="staff_series_new")
    async def new(self, request: Request, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Template:
        """An empty series form: weekly, starting today, skipping public holidays."""
        values = {"pattern": "weekly", "first_day": _today(now, settings).isoformat(), "days": "1", "skip_holidays": "1"}
        return _series_form(request, values=values, series_id=None, preview=None)

    @post("/new")
    async def create(
        self, request: Request, data: Form, actor: NamedDependency[Actor], settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Response:
        """미리 보기 shows the coming dates (a fragment for htmx); 저장 creates the series and its dates."""
        return await _submit(request, data, None, actor=actor, settings=settings, now=now)

    @get("/{series_id:int}", name="staff_series")
    async def show(
        self, request: Request, series_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Template:
        """The series in its form with its coming dates, and the dates it has now."""
        values = await _stored(series_id)
        preview, _ = _preview(values, _today(now, settings), language_of(request))
        return _series_form(
            request, values=values, series_id=series_id, title=values["title"], preview=preview,
            occurrences=await coming_occurrences(series_id, now),
        )

    @post("/{series_id:int}")
    async def update(
        self, request: Request, series_id: RowId, data: Form,
        actor: NamedDependency[Actor], settings: NamedDependency[Settings], now: NamedDependency[datetime],
    ) -> Response:
        """미리 보기 or 저장 for the whole series: unedited future dates follow the new pattern."""
        return await _submit(request, data, series_id, actor=actor, settings=settings, now=now)

    @get("/closures", name="staff_closures")
    async def closures(self, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Template:
        """The coming closure days, and the form to add one."""
        return await _closures_page(settings, now)

    @post("/closures")
    async def add_closure(
        self, data: Form, actor: NamedDependency[Actor], settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Response:
        """A closure day: coming event dates and sessions on it are left out at once."""
        try:
            await closures.add_closure(data, actor=actor, now=now, zone=settings.timezone)
        except FormInvalid as invalid:
            return await _closures_page(settings, now, HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors, values=data)
        return done("/staff/calendar/closures", "created")

    @post("/closures/{closure_id:int}/delete", name="staff_closure_delete")
    async def remove_closure(
        self, closure_id: RowId, actor: NamedDependency[Actor], settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Response:
        """The center opens that day after all: the dates the patterns give come back."""
        await closures.remove_closure(closure_id, actor=actor, now=now, zone=settings.timezone)
        return done("/staff/calendar/closures", "deleted")

    @post("/{series_id:int}/delete", name="staff_series_delete")
    async def delete(
        self, request: Request, series_id: RowId, actor: NamedDependency[Actor], settings: NamedDependency[Settings], now: NamedDependency[datetime],
    ) -> Response:
        """The whole series with its dates, while nobody has registered for one."""
        try:
            await editing.delete_series(series_id, actor=actor, now=now)
        except ChangeRefused as refused:
            values = await _stored(series_id)
            return _series_form(request, HTTP_409_CONFLICT, values=values, series_id=series_id, title=values["title"], preview=None,
                                occurrences=await coming_occurrences(series_id, now), refusal=refused.message)
        return done("/staff/calendar", "deleted")

    @get("/occurrences/{occurrence_id:int}", name="staff_occurrence")
    async def occurrence(self, occurrence_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Template:
        """One date: details, registrations, a link to its roster, and the forms to change it."""
        return await _occurrence_page(occurrence_id, settings, now)

    @post("/occurrences/{occurrence_id:int}/companies")
    async def add_company(
        self, occurrence_id: RowId, data: Form, actor: NamedDependency[Actor], settings: NamedDependency[Settings], now: NamedDependency[datetime],
    ) -> Response:
        """A company hiring at this date."""
        return await _company_change(companies.add_company(occurrence_id, data, actor=actor, now=now), "saved", occurrence_id, data, settings, now)

    @post("/occurrences/{occurrence_id:int}/companies/copy")
    async def copy_companies(
        self, occurrence_id: RowId, actor: NamedDependency[Actor], settings: NamedDependency[Settings], now: NamedDependency[datetime],
    ) -> Response:
        """The companies of the series' last earlier date that lists any."""
        return await _company_change(companies.copy_previous(occurrence_id, actor=actor, now=now), "saved", occurrence_id, {}, settings, now)

    @post("/occurrences/{occurrence_id:int}/companies/{company_id:int}/delete")
    async def remove_company(
        self, occurrence_id: RowId, company_id: RowId, actor: NamedDependency[Actor], settings: NamedDependency[Settings],
        now: NamedDependency[datetime],
    ) -> Response:
        """A company no longer coming."""
        return await _company_change(companies.remove_company(occurrence_id, company_id, actor=actor, now=now), "deleted", occurrence_id, {},
                                     settings, now)

    @post("/occurrences/{occurrence_id:int}/details")
    async def edit_details(
        self, occurrence_id: RowId, data: Form,
        actor: NamedDependency[Actor], settings: NamedDependency[Settings], now: NamedDependency[datetime],
    ) -> Response:
        """New times, place or note for this date only."""
        return await _change(rescheduling.edit_details, "saved", occurrence_id, data, actor=actor, settings=settings, now=now)

    @post("/occurrences/{occurrence_id:int}/move")
    async def move(
        self, occurrence_id: RowId, data: Form,
        actor: NamedDependency[Actor], settings: NamedDependency[Settings], now: NamedDependency[datetime],
    ) -> Response:
        """To another date and time, with a reason sent to everyone registered."""
        return await _change(rescheduling.move, "moved", occurrence_id, data, actor=actor, settings=settings, now=now)

    @post("/occurrences/{occurrence_id:int}/cancel")
    async def cancel(
        self, occurrence_id: RowId, data: Form,
        actor: NamedDependency[Actor], settings: NamedDependency[Settings], now: NamedDependency[datetime],
    ) -> Response:
        """Cancelled with a reason sent to everyone registered; registration closes."""
        return await _change(rescheduling.cancel, "cancelled", occurrence_id, data, actor=actor, settings=settings, now=now)


async def _closures_page(settings: Settings, now: datetime, status_code: int = 200, **context: Any) -> Template:
    coming = await closures.coming_closures(_today(now, settings))
    return form_page("events/backoffice/closures.html", status_code, closures=coming, **context)


async def _stored(series_id: int) -> dict[str, str]:
    """The stored series as form values; SeriesNotFound (a 404) when there is none."""
    return await editing.form_values(series_id)


async def _submit(
    request: Request, data: dict[str, str], series_id: int | None, *, actor: Actor, settings: Settings, now: datetime
) -> Response:
    """Anything but 저장 (the 미리 보기 button, a changed pattern field, Enter in a field) previews."""
    today, language = _today(now, settings), language_of(request)
    stored = await _stored(series_id) if series_id else {}
    previewing = data.get("action") != "save"
    if previewing and wants_fragment(request):
        preview, errors = _preview(data, today, language)
        return Template("events/backoffice/_preview.html", context={"preview": preview, "preview_errors": errors}, headers=NO_STORE)
    context: dict[str, Any] = {"series_id": series_id, "title": stored.get("title")}
    if series_id:
        context["occurrences"] = await coming_occurrences(series_id, now)
    if previewing:
        preview, errors = _preview(data, today, language)
        return _series_form(request, HTTP_422_UNPROCESSABLE_ENTITY if errors else 200, values=data, errors=errors, preview=preview, **context)
    try:
        values = editing.read_series(data, today)
    except FormInvalid as invalid:
        preview = None if set(invalid.errors) & set(editing.SCHEDULE_FIELDS) else _preview(data, today, language)[0]
        return _series_form(request, HTTP_422_UNPROCESSABLE_ENTITY, values=data, errors=invalid.errors, preview=preview, **context)
    if series_id is None:
        series_id = await editing.create_series(values, actor=actor, now=now, zone=settings.timezone)
        return done(f"/staff/calendar/{series_id}", "created")
    await editing.update_series(series_id, values, actor=actor, now=now, zone=settings.timezone)
    return done(f"/staff/calendar/{series_id}", "saved")


def _occurrence_values(occurrence: OccurrenceView, zone: str) -> dict[str, str]:
    """What the three forms show before anyone types: the date's times and place as they are."""
    tz = ZoneInfo(zone)
    starts, ends = occurrence.starts_at.astimezone(tz), occurrence.ends_at.astimezone(tz)
    clock = {"start_time": f"{starts:%H:%M}", "end_time": f"{ends:%H:%M}"}
    return {**clock, "place": occurrence.place, "note": occurrence.note, **{f"move_{key}": value for key, value in clock.items()}}


async def _occurrence_page(
    occurrence_id: int, settings: Settings, now: datetime, status_code: int = 200, **context: Any
) -> Template:
    """The date's page; `values` typed into one of its forms win over what the date has now."""
    occurrence = await get_occurrence(occurrence_id)
    values = {**_occurrence_values(occurrence, settings.timezone), **context.pop("values", {})}
    changeable = occurrence.status == OccurrenceStatus.scheduled.value and occurrence.ends_at > now
    return form_page(
        "events/backoffice/occurrence.html", status_code, occurrence=occurrence, series_id=await series_of(occurrence_id),
        changeable=changeable, values=values, categories=CATEGORY_LABELS, **context,
    )


async def _company_change(
    change: Awaitable[object], done_key: str, occurrence_id: int, data: dict[str, str], settings: Settings, now: datetime
) -> Response:
    """Run one of companies' changes; the page again with its errors or refusal when it says no."""
    try:
        await change
    except FormInvalid as invalid:
        return await _occurrence_page(occurrence_id, settings, now, HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors, values=data)
    except ChangeRefused as refused:
        return await _occurrence_page(occurrence_id, settings, now, HTTP_409_CONFLICT, refusal=refused.message)
    return done(f"/staff/calendar/occurrences/{occurrence_id}", done_key)


async def _change(
    change: Callable[..., Awaitable[object]], done_key: str, occurrence_id: int, data: dict[str, str], *, actor: Actor, settings: Settings, now: datetime
) -> Response:
    """Run one of rescheduling's changes; the page again with its errors or refusal when it says no."""
    try:
        await change(occurrence_id, data, actor=actor, now=now, language=settings.default_language, zone=settings.timezone)
    except FormInvalid as invalid:
        return await _occurrence_page(occurrence_id, settings, now, HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors, values=data)
    except ChangeRefused as refused:
        return await _occurrence_page(occurrence_id, settings, now, HTTP_409_CONFLICT, refusal=refused.message)
    return done(f"/staff/calendar/occurrences/{occurrence_id}", done_key)
