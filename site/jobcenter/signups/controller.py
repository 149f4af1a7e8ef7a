"""One's own applications, cancelling, and the live seat count. HTTP only. (Applying is answered on
the page applied from: home/applying.py.)"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency, Provide
from litestar.exceptions import NotFoundException
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_303_SEE_OTHER, HTTP_409_CONFLICT

from jobcenter.accounts.web import provide_citizen
from jobcenter.settings import Settings
from jobcenter.signups import service
from jobcenter.signups.pools import pool_of
from jobcenter.web.form_input import RowId
from jobcenter.web.forms import NO_STORE
from jobcenter.web.language import language_of

Citizen = NamedDependency[dict[str, Any]]


class ApplicationController(Controller):
    dependencies = {"citizen": Provide(provide_citizen, sync_to_thread=False)}

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
    pool = await pool_of(pool_id)
    if pool is None:
        raise NotFoundException()
    return Template("signups/_seats.html", context={"pool": pool}, headers={"cache-control": "no-cache"})


async def _own(application_id: int, citizen: dict[str, Any], settings: Settings, now: datetime) -> service.ApplicationView:
    """One of the person's own applications; NotFound (a 404) for anybody else's."""
    return await service.application_of(application_id, citizen["id"], now, settings.timezone)
