"""Applying, one's own applications, cancelling, and the live seat count. HTTP only."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency, Provide
from litestar.exceptions import NotFoundException
from litestar.params import URLEncodedBody
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_303_SEE_OTHER, HTTP_409_CONFLICT

from jobcenter.accounts.web import provide_citizen
from jobcenter.web.form_input import RowId, read_id
from jobcenter.web.forms import NO_STORE
from jobcenter.catalog import service as catalog
from jobcenter.catalog.controller import LABELS
from jobcenter.events import service as events
from jobcenter.events.controller import event_page_context
from jobcenter.signups import service
from jobcenter.signups.tables import SeatPool
from jobcenter.signups.targets import target_of
from jobcenter.settings import Settings
from jobcenter.web.language import language_of

Citizen = NamedDependency[dict[str, Any]]


class ApplicationController(Controller):
    dependencies = {"citizen": Provide(provide_citizen, sync_to_thread=False)}

    @post("/applications", name="apply")
    async def apply(
        self,
        request: Request,
        data: URLEncodedBody[dict[str, str]],
        citizen: Citizen,
        settings: NamedDependency[Settings],
        now: NamedDependency[datetime],
    ) -> Response:
        """Take a seat (or a waitlist place) and show the result; a refusal is shown at the cohort."""
        pool_id = read_id(data.get("pool")) or 0
        try:
            application = await service.take_seat(
                pool_id=pool_id,
                citizen_id=citizen["id"],
                now=now,
                language=language_of(request),
                zone=settings.timezone,
            )
        except service.AlreadyApplied as already:
            return Redirect(path=f"/me/applications/{already.values['application_id']}", status_code=HTTP_303_SEE_OTHER)
        except service.NotFound:
            raise  # a 404, not a refusal to show at the cohort
        except service.SignupError as refused:
            return await _page_with_refusal(request, pool_id, refused, citizen, settings, now)
        return Redirect(path=f"/me/applications/{application['id']}", status_code=HTTP_303_SEE_OTHER)

    @get("/me/applications", name="my_applications")
    async def mine(self, citizen: Citizen, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Template:
        """내 신청 내역: every application with its status and what can still be done."""
        applications = await service.applications_of(citizen["id"], now, settings.timezone)
        return Template("signups/mine.html", context={"applications": applications, "now": now}, headers=NO_STORE)

    @get("/me/applications/{application_id:int}", name="my_application")
    async def one(
        self, application_id: RowId, citizen: Citizen, settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Template:
        """One application: status, confirmation number, when and where."""
        application = await _own(application_id, citizen, settings, now)
        return Template("signups/application.html", context={"application": application, "now": now}, headers=NO_STORE)

    @get("/me/applications/{application_id:int}/cancel", name="cancel_application")
    async def confirm_cancel(
        self, application_id: RowId, citizen: Citizen, settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Template:
        """Ask before cancelling: a seat given back may go to someone else at once."""
        application = await _own(application_id, citizen, settings, now)
        return Template("signups/cancel.html", context={"application": application, "now": now}, headers=NO_STORE)

    @post("/me/applications/{application_id:int}/cancel")
    async def cancel(
        self,
        request: Request,
        application_id: RowId,
        citizen: Citizen,
        settings: NamedDependency[Settings],
        now: NamedDependency[datetime],
    ) -> Response:
        """Cancel; the first person waiting gets the seat in the same transaction."""
        try:
            await service.cancel(
                application_id=application_id,
                citizen_id=citizen["id"],
                now=now,
                language=language_of(request),
                zone=settings.timezone,
            )
        except service.CancellationClosed as refused:
            application = await _own(application_id, citizen, settings, now)
            return Template(
                "signups/cancel.html",
                context={"application": application, "now": now, "refusal": refused},
                status_code=HTTP_409_CONFLICT,
                headers=NO_STORE,
            )
        return Redirect(path=f"/me/applications?cancelled={application_id}", status_code=HTTP_303_SEE_OTHER)


@get("/seats/{pool_id:int}", name="seats")
async def seats(pool_id: RowId) -> Template:
    """The live seat count of one pool: the fragment the program page polls."""
    pool = await SeatPool.select().where(SeatPool.id == pool_id).first()
    if pool is None:
        raise NotFoundException()
    return Template("signups/_seats.html", context={"pool": pool}, headers={"cache-control": "no-cache"})


async def _own(application_id: int, citizen: dict[str, Any], settings: Settings, now: datetime) -> service.ApplicationView:
    """One of the person's own applications; NotFound (a 404) for anybody else's."""
    return await service.application_of(application_id, citizen["id"], now, settings.timezone)


async def _page_with_refusal(
    request: Request, pool_id: int, refused: service.SignupError, citizen: dict[str, Any], settings: Settings, now: datetime
) -> Template:
    """The page the person applied from, with the reason at the place they applied."""
    target = await target_of(pool_id, settings.timezone)
    refusal = {"refusal": {"pool": pool_id, "error": refused}}
    if target.kind == "occurrence":
        occurrence = await events.get_occurrence(target.owner_id)
        context = await event_page_context(request, occurrence, settings, now)
        return Template("events/occurrence.html", context={**context, **refusal}, status_code=HTTP_409_CONFLICT, headers=NO_STORE)
    program = await catalog.get_program(target.owner_id, now=now, zone=settings.timezone)
    mine = await service.active_applications_by_pool(citizen["id"], [c.seat_pool["id"] for c in program.cohorts])
    return Template(
        "catalog/program.html",
        context={"program": program, "mine": mine, **refusal, **LABELS},
        status_code=HTTP_409_CONFLICT,
        headers=NO_STORE,
    )
