"""The catalog in the back office: programs and their cohorts. HTTP only: rules in editing.py."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromQuery, URLEncodedBody
from litestar.response import Template
from litestar.status_codes import HTTP_422_UNPROCESSABLE_ENTITY

from jobcenter.audit.service import Actor
from jobcenter.catalog import editing
from jobcenter.catalog.labels import LABELS
from jobcenter.catalog.program_list import cohort_of, program_with_cohorts, programs_page
from jobcenter.settings import Settings
from jobcenter.signups.pools import WINDOW
from jobcenter.web.flash import done
from jobcenter.web.form_input import FormInvalid, QueryId, RowId, read_text
from jobcenter.web.forms import NO_STORE, form_page
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
    values |= {key: cohort[key].strftime("%H:%M") for key in ("start_time", "end_time")}
    values |= {key: cohort[key].astimezone(tz).strftime("%Y-%m-%dT%H:%M") for key in WINDOW}
    return values


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
    async def show(self, program_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Template:
        """The program with its cohorts: seats, window, where each stands, and what can be done."""
        found = await program_with_cohorts(program_id, now, settings.timezone)
        if found is None:
            raise NotFoundException()
        program, cohorts = found
        return Template(template_name="catalog/backoffice/show.html", context={"program": program, "cohorts": cohorts, **LABELS}, headers=NO_STORE)

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
    async def new_cohort(self, program_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime], copy: QueryId = None) -> Template:
        """A new cohort; `?copy=` fills it from an earlier one, moved to the next term."""
        found = await program_with_cohorts(program_id, now, settings.timezone)
        if found is None:
            raise NotFoundException()
        values: dict[str, Any] = {}
        if copy is not None:
            source = await cohort_of(program_id, copy)
            if source is None:
                raise NotFoundException()
            values = editing.next_term(source, settings.timezone) | await editing.allocation_values(source["seat_pool"])
        return form_page("catalog/backoffice/cohort_form.html", program=found[0], cohort=None, values=values)

    @post("/{program_id:int}/cohorts/new")
    async def create_cohort(
        self, program_id: RowId, data: Form, actor: NamedDependency[Actor], now: NamedDependency[datetime], settings: NamedDependency[Settings]
    ) -> Response:
        found = await program_with_cohorts(program_id, now, settings.timezone)
        if found is None:
            raise NotFoundException()
        try:
            await editing.create_cohort(program_id, data, actor=actor, now=now, zone=settings.timezone)
        except FormInvalid as invalid:
            return form_page("catalog/backoffice/cohort_form.html", HTTP_422_UNPROCESSABLE_ENTITY, program=found[0], cohort=None,
                             errors=invalid.errors, values=_typed(data))
        return done(f"/staff/programs/{program_id}", "created")

    @get("/{program_id:int}/cohorts/{cohort_id:int}/edit", name="staff_cohort_edit")
    async def edit_cohort(self, program_id: RowId, cohort_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Template:
        found = await program_with_cohorts(program_id, now, settings.timezone)
        cohort = await cohort_of(program_id, cohort_id)
        if found is None or cohort is None:
            raise NotFoundException()
        values = _cohort_values(cohort, settings.timezone) | await editing.allocation_values(cohort["seat_pool"])
        return form_page("catalog/backoffice/cohort_form.html", program=found[0], cohort=cohort, values=values)

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
            return form_page("catalog/backoffice/cohort_form.html", HTTP_422_UNPROCESSABLE_ENTITY, program=found[0], cohort=cohort,
                             errors=invalid.errors, values=_typed(data))
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
