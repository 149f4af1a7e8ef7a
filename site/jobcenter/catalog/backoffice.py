"""The catalog in the back office: programs, their cohorts, the cohorts' sessions and attendance at
them. HTTP only: rules in editing.py, session_changes.py and attendance.py."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, FromQuery, URLEncodedBody
from litestar.response import Template
from litestar.status_codes import HTTP_409_CONFLICT, HTTP_422_UNPROCESSABLE_ENTITY

from jobcenter.audit.service import Actor
from jobcenter.catalog import attendance, cohort_series, completion_export, editing, session_changes
from jobcenter.catalog.labels import LABELS
from jobcenter.catalog.program_list import cohort_of, program_with_cohorts, programs_page
from jobcenter.catalog.sessions import sessions_of
from jobcenter.catalog.tables import Program
from jobcenter.i18n import Filled
from jobcenter.schedule.date_changes import ChangeRefused
from jobcenter.schedule.patterns import choice_labels, describe
from jobcenter.settings import Settings
from jobcenter.signups.pools import WINDOW
from jobcenter.signups.service import NotFound, SignupError
from jobcenter.spreadsheets import MEDIA_TYPES
from jobcenter.web.downloads import download
from jobcenter.web.flash import done
from jobcenter.web.form_input import FormInvalid, QueryId, RowId, read_text
from jobcenter.web.forms import NO_STORE, form_page
from jobcenter.web.htmx import wants_fragment
from jobcenter.web.language import language_of
from jobcenter.web.paging import page_number

Form = URLEncodedBody[dict[str, str]]
PAGE_SIZE = 20
SEARCH_LENGTH = 100


def _program_values(program: dict[str, Any]) -> dict[str, Any]:
    return {key: "" if program[key] is None else program[key] for key in editing.PROGRAM_FIELDS}


def _cohort_values(cohort: dict[str, Any], zone: str) -> dict[str, str]:
    tz = ZoneInfo(zone)
    values = {key: str(cohort[key]) for key in ("label", "starts_on", "ends_on", "schedule_note", "place", "capacity")}
    values |= editing.pattern_values(cohort)
    values |= {key: cohort[key].strftime("%H:%M") for key in ("start_time", "end_time")}
    values |= {key: cohort[key].astimezone(tz).strftime("%Y-%m-%dT%H:%M") for key in WINDOW}
    return values


SERIES_DEFAULTS = {"pattern": "monthly_weekday", "weekday_TH": "1", "ordinal_2": "1", "skip_holidays": "1", "start_time": "14:00",
                   "end_time": "16:00", "opens_days_before": "14", "months_ahead": "3"}
"""A new series' form: the monthly lecture's usual pattern and times."""


async def _program(program_id: int, now: datetime, settings: Settings) -> dict[str, Any]:
    found = await program_with_cohorts(program_id, now, settings.timezone)
    if found is None:
        raise NotFoundException()
    return found[0]


def _series_form(request: Request, status_code: int = 200, **context: Any) -> Template:
    return form_page("catalog/backoffice/series_form.html", status_code, **choice_labels(language_of(request)), **context)


def _cohort_form(request: Request, status_code: int = 200, **context: Any) -> Template:
    """The cohort form (new or existing), with the labels of its pattern's choices in the page's language."""
    return form_page("catalog/backoffice/cohort_form.html", status_code, **choice_labels(language_of(request)), **context)


class ProgramAdminController(Controller):
    path = "/programs"

    @get("/", name="staff_programs")
    async def index(self, q: FromQuery[str] = "", sort: FromQuery[str] = "title", page: FromQuery[str | None] = None) -> Template:
        """Every program, published or not: search by title (a search that cannot be one finds every
        program), sort by title or last change, paged."""
        paged = await programs_page(keyword=read_text(q, SEARCH_LENGTH) or "", sort=sort, page=page_number(page), page_size=PAGE_SIZE)
        return Template(template_name="catalog/backoffice/index.html", context={"paged": paged, **LABELS}, headers=NO_STORE)

    @get("/new", name="staff_program_new")
    async def new(self) -> Template:
        return form_page("catalog/backoffice/form.html", values={"audience": "all", "category": "job_support", "published": False}, **LABELS)

    @post("/new")
    async def create(self, data: Form, actor: NamedDependency[Actor], now: NamedDependency[datetime]) -> Response:
        """A new program; unpublished until staff tick 게시, so it can be prepared in peace."""
        try:
            program_id = await editing.create_program(data, actor=actor, now=now)
        except FormInvalid as invalid:
            return form_page("catalog/backoffice/form.html", HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors, values=_typed(data), **LABELS)
        return done(f"/staff/programs/{program_id}", "created")

    @get("/{program_id:int}", name="staff_program")
    async def show(
        self, request: Request, program_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Template:
        """The program with its cohorts (seats, window, where each stands, and what can be done) and
        its series of cohorts."""
        found = await program_with_cohorts(program_id, now, settings.timezone)
        if found is None:
            raise NotFoundException()
        program, cohorts = found
        language, today = language_of(request), now.astimezone(ZoneInfo(settings.timezone)).date()
        series = [{**row, "pattern": describe(row["rrule"], language, skip_holidays=row["skip_holidays"]),
                   "goes_on": row["last_day"] is None or row["last_day"] > today}
                  for row in await cohort_series.series_of(program_id)]
        return Template(template_name="catalog/backoffice/show.html", context={"program": program, "cohorts": cohorts, "series": series, **LABELS},
                        headers=NO_STORE)

    @get("/{program_id:int}/edit", name="staff_program_edit")
    async def edit(self, program_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Template:
        found = await program_with_cohorts(program_id, now, settings.timezone)
        if found is None:
            raise NotFoundException()
        return form_page("catalog/backoffice/form.html", program=found[0], values=_program_values(found[0]), **LABELS)

    @post("/{program_id:int}/edit")
    async def update(
        self, program_id: RowId, data: Form, actor: NamedDependency[Actor], now: NamedDependency[datetime], settings: NamedDependency[Settings]
    ) -> Response:
        """Save the program's text and rules; what changed is kept in the audit log."""
        try:
            await editing.update_program(program_id, data, actor=actor, now=now)
        except FormInvalid as invalid:
            found = await program_with_cohorts(program_id, now, settings.timezone)
            return form_page("catalog/backoffice/form.html", HTTP_422_UNPROCESSABLE_ENTITY, program=found[0] if found else None,
                             errors=invalid.errors, values=_typed(data), **LABELS)
        return done(f"/staff/programs/{program_id}", "saved")

    @post("/{program_id:int}/published")
    async def publish(self, program_id: RowId, data: Form, actor: NamedDependency[Actor], now: NamedDependency[datetime]) -> Response:
        """Publish or unpublish the program."""
        await editing.set_published(program_id, data.get("published") == "1", actor=actor, now=now)
        return done(f"/staff/programs/{program_id}", "saved")

    @get("/{program_id:int}/cohorts/new", name="staff_cohort_new")
    async def new_cohort(
        self, request: Request, program_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime], copy: QueryId = None
    ) -> Template:
        """A new cohort; `?copy=` fills it from an earlier one, moved to the next term."""
        found = await program_with_cohorts(program_id, now, settings.timezone)
        if found is None:
            raise NotFoundException()
        values: dict[str, Any] = editing.NEW_COHORT
        if copy is not None:
            source = await cohort_of(program_id, copy)
            if source is None:
                raise NotFoundException()
            values = editing.next_term(source, settings.timezone) | await editing.allocation_values(source["seat_pool"])
        return _cohort_form(request, program=found[0], cohort=None, values=values)

    @post("/{program_id:int}/cohorts/new")
    async def create_cohort(
        self, request: Request, program_id: RowId, data: Form, actor: NamedDependency[Actor], now: NamedDependency[datetime],
        settings: NamedDependency[Settings],
    ) -> Response:
        found = await program_with_cohorts(program_id, now, settings.timezone)
        if found is None:
            raise NotFoundException()
        try:
            await editing.create_cohort(program_id, data, actor=actor, now=now, zone=settings.timezone)
        except FormInvalid as invalid:
            return _cohort_form(request, HTTP_422_UNPROCESSABLE_ENTITY, program=found[0], cohort=None, errors=invalid.errors, values=_typed(data))
        return done(f"/staff/programs/{program_id}", "created")

    @get("/{program_id:int}/series/new", name="staff_cohort_series_new")
    async def new_series(self, request: Request, program_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Template:
        """A series of cohorts: the program repeats (every month on the 2nd Thursday, say) and its
        cohorts are made months ahead."""
        program = await _program(program_id, now, settings)
        return _series_form(request, program=program, values=SERIES_DEFAULTS | {"first_day": f"{now.astimezone(ZoneInfo(settings.timezone)):%Y-%m-%d}"})

    @post("/{program_id:int}/series/new")
    async def create_series(
        self, request: Request, program_id: RowId, data: Form, actor: NamedDependency[Actor], now: NamedDependency[datetime],
        settings: NamedDependency[Settings],
    ) -> Response:
        program = await _program(program_id, now, settings)
        try:
            await cohort_series.create_series(program_id, data, actor=actor, now=now, zone=settings.timezone)
        except FormInvalid as invalid:
            return _series_form(request, HTTP_422_UNPROCESSABLE_ENTITY, program=program, errors=invalid.errors, values=data)
        return done(f"/staff/programs/{program_id}", "created")

    @post("/{program_id:int}/series/{series_id:int}/stop")
    async def stop_series(
        self, program_id: RowId, series_id: RowId, actor: NamedDependency[Actor], now: NamedDependency[datetime], settings: NamedDependency[Settings],
    ) -> Response:
        """No cohort after today; those made stay."""
        await cohort_series.stop_series(program_id, series_id, actor=actor, now=now, zone=settings.timezone)
        return done(f"/staff/programs/{program_id}", "saved")

    @get("/{program_id:int}/cohorts/{cohort_id:int}/edit", name="staff_cohort_edit")
    async def edit_cohort(
        self, request: Request, program_id: RowId, cohort_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Template:
        found = await program_with_cohorts(program_id, now, settings.timezone)
        cohort = await cohort_of(program_id, cohort_id)
        if found is None or cohort is None:
            raise NotFoundException()
        values = _cohort_values(cohort, settings.timezone) | await editing.allocation_values(cohort["seat_pool"])
        return _cohort_form(request, program=found[0], cohort=cohort, values=values)

    @post("/{program_id:int}/cohorts/{cohort_id:int}/edit")
    async def update_cohort(
        self, request: Request, program_id: RowId, cohort_id: RowId, data: Form,
        actor: NamedDependency[Actor], now: NamedDependency[datetime], settings: NamedDependency[Settings],
    ) -> Response:
        """Dates, place, window and seats; seats never below those already confirmed."""
        found = await program_with_cohorts(program_id, now, settings.timezone)
        cohort = await cohort_of(program_id, cohort_id)
        if found is None or cohort is None:
            raise NotFoundException()
        try:
            await editing.update_cohort(cohort_id, data, actor=actor, now=now, zone=settings.timezone, language=language_of(request))
        except FormInvalid as invalid:
            return _cohort_form(request, HTTP_422_UNPROCESSABLE_ENTITY, program=found[0], cohort=cohort, errors=invalid.errors, values=_typed(data))
        return done(f"/staff/programs/{program_id}", "saved")

    @post("/{program_id:int}/cohorts/{cohort_id:int}/window")
    async def window(self, program_id: RowId, cohort_id: RowId, data: Form, actor: NamedDependency[Actor], now: NamedDependency[datetime]) -> Response:
        """Open applications now, or close them now."""
        if await cohort_of(program_id, cohort_id) is None or data.get("action") not in {"open", "close"}:
            raise NotFoundException()
        await editing.set_window(cohort_id, data["action"], actor=actor, now=now)
        return done(f"/staff/programs/{program_id}", "saved")


def _typed(data: dict[str, str]) -> dict[str, Any]:
    """The form as typed, to fill it in again; a ticked box is True."""
    return {**data, "published": data.get("published") == "1"}


class SessionAdminController(Controller):
    path = "/programs/{program_id:int}/cohorts/{cohort_id:int}/sessions"

    @get("/", name="staff_sessions")
    async def index(self, program_id: RowId, cohort_id: RowId, now: NamedDependency[datetime]) -> Template:
        """Every session of the cohort, and the form to add one."""
        return await _page(program_id, cohort_id, now)

    @post("/")
    async def add(
        self, program_id: RowId, cohort_id: RowId, data: Form, actor: NamedDependency[Actor], settings: NamedDependency[Settings],
        now: NamedDependency[datetime],
    ) -> Response:
        """A session on a day the pattern does not give."""
        await _cohort(program_id, cohort_id)
        try:
            await session_changes.add_session(cohort_id, data, actor=actor, now=now, zone=settings.timezone)
        except FormInvalid as invalid:
            return await _page(program_id, cohort_id, now, HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors, values=data)
        return done(f"/staff/programs/{program_id}/cohorts/{cohort_id}/sessions", "created")

    @get("/{session_id:int}", name="staff_session")
    async def show(
        self, program_id: RowId, cohort_id: RowId, session_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Template:
        """One session with the forms to move or cancel it."""
        return await _session_page(program_id, cohort_id, session_id, settings, now)

    @post("/{session_id:int}/move")
    async def move(
        self, program_id: RowId, cohort_id: RowId, session_id: RowId, data: Form, actor: NamedDependency[Actor],
        settings: NamedDependency[Settings], now: NamedDependency[datetime],
    ) -> Response:
        """To another day and time; everyone registered is texted the reason."""
        return await _change(session_changes.move_session, "moved", program_id, cohort_id, session_id, data, actor, settings, now)

    @post("/{session_id:int}/cancel")
    async def cancel(
        self, program_id: RowId, cohort_id: RowId, session_id: RowId, data: Form, actor: NamedDependency[Actor],
        settings: NamedDependency[Settings], now: NamedDependency[datetime],
    ) -> Response:
        """Cancelled (휴강); everyone registered is texted the reason."""
        return await _change(session_changes.cancel_session, "cancelled", program_id, cohort_id, session_id, data, actor, settings, now)


async def _cohort(program_id: int, cohort_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
    program = await Program.select(Program.id, Program.title).where(Program.id == program_id).first()
    cohort = await cohort_of(program_id, cohort_id)
    if program is None or cohort is None:
        raise NotFoundException()
    return program, cohort


async def _page(program_id: int, cohort_id: int, now: datetime, status_code: int = 200, **context: Any) -> Template:
    program, cohort = await _cohort(program_id, cohort_id)
    sessions = (await sessions_of([cohort_id]))[cohort_id]
    values = context.pop("values", None) or {"add_place": cohort["place"], "add_start_time": f"{cohort['start_time']:%H:%M}",
                                            "add_end_time": f"{cohort['end_time']:%H:%M}"}
    return form_page("catalog/backoffice/sessions.html", status_code, program=program, cohort=cohort, sessions=sessions, now=now,
                     values=values, **context)


async def _session_page(
    program_id: int, cohort_id: int, session_id: int, settings: Settings, now: datetime, status_code: int = 200, **context: Any
) -> Template:
    program, cohort = await _cohort(program_id, cohort_id)
    session = next((row for row in (await sessions_of([cohort_id]))[cohort_id] if row["id"] == session_id), None)
    if session is None:
        raise NotFoundException()
    tz = ZoneInfo(settings.timezone)
    starts, ends = session["starts_at"].astimezone(tz), session["ends_at"].astimezone(tz)
    values = {"move_day": f"{starts:%Y-%m-%d}", "move_start_time": f"{starts:%H:%M}", "move_end_time": f"{ends:%H:%M}", **context.pop("values", {})}
    changeable = not session["cancelled"] and session["ends_at"] > now
    return form_page("catalog/backoffice/session.html", status_code, program=program, cohort=cohort, session=session,
                     changeable=changeable, values=values, **context)


async def _change(
    change: Callable[..., Awaitable[int]], done_key: str, program_id: int, cohort_id: int, session_id: int, data: dict[str, str],
    actor: Actor, settings: Settings, now: datetime,
) -> Response:
    await _cohort(program_id, cohort_id)
    try:
        await change(cohort_id, session_id, data, actor=actor, now=now, language=settings.default_language, zone=settings.timezone)
    except FormInvalid as invalid:
        return await _session_page(program_id, cohort_id, session_id, settings, now, HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors, values=data)
    except ChangeRefused as refused:
        return await _session_page(program_id, cohort_id, session_id, settings, now, HTTP_409_CONFLICT, refusal=refused.message)
    return done(f"/staff/programs/{program_id}/cohorts/{cohort_id}/sessions/{session_id}", done_key)


class AttendanceController(Controller):
    """Attendance per session: the cohort's sheet (a column per session, each person's completion),
    a session's roster (ticks and check-in by confirmation number), its printed sign-in sheet, and
    the completion list as a file."""

    path = "/programs/{program_id:int}/cohorts/{cohort_id:int}/attendance"

    @get("/", name="staff_attendance")
    async def sheet(self, program_id: RowId, cohort_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Template:
        """Everyone confirmed by name, a column per session, and where each stands against the rule."""
        sheet = await attendance.attendance_sheet(program_id, cohort_id, zone=settings.timezone, now=now)
        return Template("catalog/backoffice/attendance.html", context={"sheet": sheet, "now": now}, headers=NO_STORE)

    @get("/export/{kind:str}", name="staff_completion_export")
    async def export_file(
        self, request: Request, program_id: RowId, cohort_id: RowId, kind: FromPath[str],
        settings: NamedDependency[Settings], actor: NamedDependency[Actor], now: NamedDependency[datetime],
    ) -> Response:
        """The completion list as CSV (UTF-8 with BOM, for Korean Excel) or XLSX; the export is logged."""
        if kind not in MEDIA_TYPES:
            raise NotFoundException()
        data, name = await completion_export.export(program_id, cohort_id, kind, actor=actor, now=now, language=language_of(request),
                                                    zone=settings.timezone)
        return download(data, kind, name)

    @get("/{session_id:int}", name="staff_session_attendance")
    async def session(
        self, request: Request, program_id: RowId, cohort_id: RowId, session_id: RowId, settings: NamedDependency[Settings],
        now: NamedDependency[datetime],
    ) -> Template:
        """One session's roster: a tick per person and check-in by the confirmation number."""
        return await _session_roster(request, program_id, cohort_id, session_id, settings, now)

    @post("/{session_id:int}/people/{application_id:int}")
    async def tick(
        self, request: Request, program_id: RowId, cohort_id: RowId, session_id: RowId, application_id: RowId, data: Form,
        settings: NamedDependency[Settings], actor: NamedDependency[Actor], now: NamedDependency[datetime],
    ) -> Template:
        """Mark a person present at the session (or take the mark back)."""
        await _cohort(program_id, cohort_id)
        try:
            await attendance.set_present(cohort_id, session_id, application_id, data.get("present") == "1", actor=actor, now=now,
                                         zone=settings.timezone)
        except attendance.NotBegun as refused:
            return await _session_roster(request, program_id, cohort_id, session_id, settings, now, HTTP_409_CONFLICT,
                                         errors={"roster": Filled(refused.message, **refused.values)})
        return await _session_roster(request, program_id, cohort_id, session_id, settings, now)

    @post("/{session_id:int}/check-in")
    async def check_in(
        self, request: Request, program_id: RowId, cohort_id: RowId, session_id: RowId, data: Form,
        settings: NamedDependency[Settings], actor: NamedDependency[Actor], now: NamedDependency[datetime],
    ) -> Template:
        """Check in by the confirmation number the person shows (typed, or scanned from the QR code)."""
        await _cohort(program_id, cohort_id)
        try:
            person = await attendance.check_in(cohort_id, session_id, data.get("code", ""), actor=actor, now=now, zone=settings.timezone)
        except NotFound:
            raise
        except SignupError as refused:
            return await _session_roster(request, program_id, cohort_id, session_id, settings, now, HTTP_422_UNPROCESSABLE_ENTITY,
                                         errors={"code": Filled(refused.message, **refused.values)}, code=data.get("code", "")[:40])
        return await _session_roster(request, program_id, cohort_id, session_id, settings, now, checked_in=person)

    @get("/{session_id:int}/print", name="staff_session_sign_in_sheet")
    async def print_view(
        self, program_id: RowId, cohort_id: RowId, session_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Template:
        """The session's sign-in sheet to print: names, masked numbers, a column to sign."""
        sheet = await attendance.attendance_sheet(program_id, cohort_id, zone=settings.timezone, now=now)
        session = _session_in(sheet, session_id)
        return Template("catalog/backoffice/sign_in_sheet.html", context={"sheet": sheet, "session": session}, headers=NO_STORE)


def _session_in(sheet: attendance.AttendanceSheet, session_id: int) -> dict[str, Any]:
    session = next((row for row in sheet.sessions if row["id"] == session_id), None)
    if session is None:
        raise NotFoundException()
    return session


async def _session_roster(
    request: Request, program_id: int, cohort_id: int, session_id: int, settings: Settings, now: datetime, status_code: int = 200,
    **context: Any,
) -> Template:
    """The session's roster page, or for an htmx request its roster region alone (one template source)."""
    sheet = await attendance.attendance_sheet(program_id, cohort_id, zone=settings.timezone, now=now)
    session = _session_in(sheet, session_id)
    context.setdefault("errors", {})
    template = "catalog/backoffice/_session_roster.html" if wants_fragment(request) else "catalog/backoffice/session_attendance.html"
    context.update(sheet=sheet, session=session, has_come=attendance.has_come(session, now, settings.timezone))
    return Template(template, context=context, status_code=status_code, headers=NO_STORE)
