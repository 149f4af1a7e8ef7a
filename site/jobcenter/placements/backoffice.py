"""Follow-up calls (사후 해피콜) in the back office: record that someone found a job, work through
the calls due, record each call's outcome (in place with htmx, or on its own page), and read the
retention summary by program. HTTP only; the rules are in service.py."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromQuery, URLEncodedBody
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_303_SEE_OTHER, HTTP_422_UNPROCESSABLE_ENTITY

from jobcenter.audit.service import Actor
from jobcenter.placements import calls, service
from jobcenter.placements.calls import CallLine, CallQuery
from jobcenter.placements.labels import LEAVE_REASON_LABELS, VIEW_LABELS
from jobcenter.placements.summary import retention_summary
from jobcenter.settings import Settings
from jobcenter.web.flash import done
from jobcenter.web.form_input import FormInvalid, RowId, read_id
from jobcenter.web.forms import NO_STORE, form_page
from jobcenter.web.htmx import wants_fragment
from jobcenter.web.paging import Paged, page_number

Form = URLEncodedBody[dict[str, str]]
PAGE_SIZE = 30
PLACEMENT_FIELDS = ("company", "position", "started_on", "program", "referral")
OUTCOME_FIELDS = ("reached", "still_employed", "thinking_of_leaving", "leave_reason", "difficulties", "note")
LABELS = {"reason_labels": LEAVE_REASON_LABELS, "view_labels": VIEW_LABELS}


def _today(now: datetime, settings: Settings) -> date:
    return now.astimezone(ZoneInfo(settings.timezone)).date()


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def _stored_outcome(line: CallLine) -> dict[str, str]:
    """The form filled with what was recorded last time (empty for a call not made yet)."""
    if not line.made:
        return {}
    return {
        "reached": _yes_no(line.reached),
        "still_employed": _yes_no(line.still_employed),
        "thinking_of_leaving": _yes_no(line.thinking_of_leaving),
        "leave_reason": line.leave_reason or "",
        "difficulties": line.difficulties,
        "note": line.note,
    }


async def _line(call_id: int, settings: Settings, now: datetime) -> CallLine:
    return await calls.call_line(call_id, today=_today(now, settings))


class FollowUpCallsController(Controller):
    path = "/calls"

    @get("/", name="staff_calls")
    async def call_list(
        self,
        settings: NamedDependency[Settings],
        now: NamedDependency[datetime],
        show: FromQuery[str | None] = None,
        sort: FromQuery[str | None] = None,
        citizen: FromQuery[str | None] = None,
        page: FromQuery[str | None] = None,
    ) -> Template:
        """The calls due today or overdue, oldest first (or another list: coming up, not reached,
        recorded, all), paged, sorted by due date or name, for everyone or for one person."""
        query = CallQuery.parse(show, sort, citizen, page_number(page))
        lines, total = await calls.call_list(query, today=_today(now, settings), page_size=PAGE_SIZE)
        person = None
        if query.citizen_id is not None:
            person = await service.person(query.citizen_id)
        who = {"citizen": str(query.citizen_id)} if person else {}
        paged = Paged(rows=lines, total=total, page=query.page, page_size=PAGE_SIZE,
                      query={"show": query.view, "sort": query.sort, **who})
        return Template(
            template_name="placements/backoffice/index.html",
            context={
                "paged": paged,
                "query": query,
                "person": person,
                "recorded_views": calls.RECORDED_VIEWS,
                "sort_links": {order: urlencode({"show": query.view, "sort": order, **who}) for order in calls.SORTS},
                **LABELS,
            },
            headers=NO_STORE,
        )

    @get("/summary", name="staff_calls_summary")
    async def summary(self, settings: NamedDependency[Settings]) -> Template:
        """Retention and reasons for leaving by program, at each follow-up call."""
        return Template(
            template_name="placements/backoffice/summary.html",
            context={"summary": await retention_summary(settings.follow_up_months), **LABELS},
        )

    async def _placement_page(self, citizen_id: int, settings: Settings, status_code: int = 200, *, values: dict[str, str],
                              prefill: bool = False, **context: Any) -> Template:
        """The new-job form; `prefill` fills the company and position from the referral's posting."""
        person = await service.person(citizen_id)
        hire = await service.hire_of(values.get("referral", ""), citizen_id)
        if prefill and hire:
            values = {**values, "company": hire["company_name"], "position": hire["position"]}
        programs = [(str(program["id"]), program["title"]) for program in await service.programs_applied_to(citizen_id)]
        return form_page("placements/backoffice/placement_new.html", status_code, person=person, programs=programs, hire=hire,
                         values=values, months=settings.follow_up_months, no_program=service.NO_PROGRAM, **context)

    @get("/placements/new", name="staff_new_placement")
    async def new_placement(self, settings: NamedDependency[Settings], citizen: FromQuery[str | None] = None,
                            referral: FromQuery[str | None] = None) -> Template:
        """Record that a participant found a job: company, position, start date, program it came from.
        From a referral that ended in a hire (`referral`), the posting's company and position fill the
        form and the job keeps the posting."""
        citizen_id = read_id(citizen)
        if citizen_id is None:
            raise NotFoundException()
        referral_id = read_id(referral)
        values = {"referral": str(referral_id)} if referral_id else {}
        return await self._placement_page(citizen_id, settings, values=values, prefill=True)

    @post("/placements")
    async def create_placement(
        self, data: Form, settings: NamedDependency[Settings], actor: NamedDependency[Actor], now: NamedDependency[datetime]
    ) -> Response:
        """Save the job and schedule its calls, then show that person's calls."""
        citizen_id = read_id(data.get("citizen"))
        if citizen_id is None:
            raise NotFoundException()
        form = service.PlacementForm(**{name: data.get(name, "") for name in PLACEMENT_FIELDS})
        try:
            await service.record_placement(citizen_id, form, months=settings.follow_up_months, actor=actor, now=now,
                                           zone=settings.timezone)
        except FormInvalid as invalid:
            values = {name: data.get(name, "")[:200] for name in PLACEMENT_FIELDS}
            return await self._placement_page(citizen_id, settings, HTTP_422_UNPROCESSABLE_ENTITY,
                                              errors=invalid.errors, values=values)
        return done(f"/staff/calls?{urlencode({'show': 'all', 'citizen': citizen_id})}", "scheduled")

    async def _call_page(
        self, request: Request, line: CallLine, settings: Settings, now: datetime, status_code: int = 200, **context: Any
    ) -> Template:
        """The call with its outcome form, or for an htmx request the form alone, in the due list's row."""
        context.setdefault("values", _stored_outcome(line))
        context = {"call": line, "revealed": None, **LABELS, **context}
        if wants_fragment(request):
            return form_page("placements/backoffice/_outcome_cells.html", status_code, in_row=True, **context)
        others = await calls.calls_of_placement(line.placement_id, today=_today(now, settings))
        return form_page("placements/backoffice/call.html", status_code, calls_of_job=others, **context)

    @get("/{call_id:int}", name="staff_call")
    async def call_page(
        self,
        request: Request,
        call_id: RowId,
        settings: NamedDependency[Settings],
        actor: NamedDependency[Actor],
        now: NamedDependency[datetime],
    ) -> Template:
        """One call: who, which job, what earlier calls found, and the form for its outcome (the look is logged)."""
        line = await service.view_call(call_id, actor=actor, now=now, today=_today(now, settings))
        return await self._call_page(request, line, settings, now)

    @post("/{call_id:int}")
    async def record_call(
        self,
        request: Request,
        call_id: RowId,
        data: Form,
        settings: NamedDependency[Settings],
        actor: NamedDependency[Actor],
        now: NamedDependency[datetime],
    ) -> Response:
        """Save the outcome. In the due list (htmx) the row then shows it; otherwise back to the list."""
        form = service.OutcomeForm(**{name: data.get(name, "") for name in OUTCOME_FIELDS})
        try:
            await service.record_outcome(call_id, form, actor=actor, now=now)
        except FormInvalid as invalid:
            values = {name: data.get(name, "")[:2100] for name in OUTCOME_FIELDS}
            line = await _line(call_id, settings, now)
            return await self._call_page(request, line, settings, now, HTTP_422_UNPROCESSABLE_ENTITY,
                                         errors=invalid.errors, values=values)
        if wants_fragment(request):
            line = await _line(call_id, settings, now)
            return Template("placements/backoffice/_call_cells.html", context={"line": line, "just_recorded": True, **LABELS},
                            headers=NO_STORE)
        return done("/staff/calls", "recorded")

    @get("/{call_id:int}/row", name="staff_call_row")
    async def call_row(
        self, request: Request, call_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Response:
        """The due list's row as it was, when the outcome form opened in it is put away."""
        if not wants_fragment(request):
            return Redirect(path="/staff/calls", status_code=HTTP_303_SEE_OTHER)
        line = await _line(call_id, settings, now)
        return Template("placements/backoffice/_call_cells.html", context={"line": line, **LABELS}, headers=NO_STORE)

    @post("/{call_id:int}/mobile", name="staff_call_mobile")
    async def reveal_mobile(
        self,
        request: Request,
        call_id: RowId,
        settings: NamedDependency[Settings],
        actor: NamedDependency[Actor],
        now: NamedDependency[datetime],
    ) -> Template:
        """The full number, to dial it (logged: who looked, when, at whose)."""
        number = await service.reveal_mobile(call_id, actor=actor, now=now)
        if wants_fragment(request):
            context = {"mobile_region": "call-mobile", "revealed": number, "reveal_url": request.url.path}
            return Template("staff/_mobile.html", context=context, headers=NO_STORE)
        return await self._call_page(request, await _line(call_id, settings, now), settings, now, revealed=number)
