"""A person's own pages: 내 신청 내역 (their applications, cancelling), 내 정보 (everything held about
them: corrected, downloaded, the account deleted), and the live seat count. HTTP only. 내 정보 shows
the applications and messages beside the account, so it sits in signups, above accounts. (Applying
is answered on the page applied from: home/controller.py.)"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from litestar import Controller, MediaType, Request, Response, get, post
from litestar.di import NamedDependency, Provide
from litestar.exceptions import NotFoundException
from litestar.params import FromQuery, URLEncodedBody
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_303_SEE_OTHER, HTTP_409_CONFLICT, HTTP_422_UNPROCESSABLE_ENTITY

from jobcenter.accounts.mobile import format_landline, format_mobile
from jobcenter.accounts.news import Consent
from jobcenter.accounts.service import update_details
from jobcenter.accounts.sessions import SESSION_COOKIE
from jobcenter.accounts.web import provide_citizen
from jobcenter.companies.labels import REFERRAL_LABELS
from jobcenter.companies.referrals import OPEN as OPEN_REFERRALS
from jobcenter.companies.referrals import referrals_of
from jobcenter.counselling.bookings import bookings_of
from jobcenter.counselling.labels import LABELS as COUNSELLING_LABELS
from jobcenter.i18n import N_, gettext
from jobcenter.qr import qr_svg
from jobcenter.settings import Settings
from jobcenter.signups import draws, service
from jobcenter.signups.people import data_of, delete_person
from jobcenter.signups.pools import pool_of
from jobcenter.signups.targets import progress_of
from jobcenter.web.form_input import FormInvalid, RowId
from jobcenter.web.forms import NO_STORE
from jobcenter.web.language import language_of
from jobcenter.web.paging import page_number

Citizen = NamedDependency[dict[str, Any]]
CHECK_IN_QR_TITLE = N_("QR code: your confirmation number, to check in with")


class ApplicationController(Controller):
    dependencies = {"citizen": Provide(provide_citizen, sync_to_thread=False)}

    @get("/me/applications", name="my_applications")
    async def mine(self, citizen: Citizen, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Template:
        """내 신청 내역: every application with its status and what can still be done, the counselling
        times booked, and the requests to be referred to a job."""
        applications = await service.applications_of(citizen["id"], now, settings.timezone)
        progress = await progress_of([application.id for application in applications], now)
        context = {"applications": applications, "progress_of": progress, "referrals": await referrals_of(citizen["id"]),
                   "open_referrals": OPEN_REFERRALS, "referral_statuses": REFERRAL_LABELS, "now": now,
                   "bookings": await bookings_of(citizen["id"], now), **COUNSELLING_LABELS}
        return Template("signups/mine.html", context=context, headers=NO_STORE)

    @get("/me/applications/{application_id:int}", name="my_application")
    async def one(
        self, request: Request, application_id: RowId, citizen: Citizen, settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Template:
        """One application: status, confirmation number (and its QR code to check in with), when and
        where, and the sessions attended."""
        application = await _own(application_id, citizen, settings, now)
        ticket = await draws.ticket_of(application_id)
        progress = (await progress_of([application_id], now)).get(application_id)
        check_in_qr = None
        if application.status == "confirmed" and not application.finished:
            check_in_qr = qr_svg(application.confirmation_code, title=gettext(language_of(request), CHECK_IN_QR_TITLE))
        return Template("signups/application.html", headers=NO_STORE,
                        context={"application": application, "ticket": ticket, "progress": progress, "check_in_qr": check_in_qr, "now": now})

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


class DrawController(Controller):
    """A lottery's public page: anyone can check the list, the seed and the order (lottery.py)."""

    path = "/draws/{pool_id:int}"

    @get("/", name="draw")
    async def show(
        self, pool_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime], page: FromQuery[str | None] = None
    ) -> Template:
        """Its rules and commitment from the start; the frozen list once applications close; the
        secret, public value, seed and drawn order once drawn, with how to recompute them."""
        view = await draws.draw_view(pool_id, now=now, zone=settings.timezone, page=page_number(page))
        return Template("signups/draw.html", context={"view": view}, headers={"cache-control": "no-cache"})

    @get("/tickets.txt", name="draw_tickets", media_type=MediaType.TEXT)
    async def tickets(self, pool_id: RowId, now: NamedDependency[datetime]) -> Response[str]:
        """The frozen list, byte for byte as its SHA-256 was taken (empty until applications close)."""
        text = await draws.published_list(pool_id, now)
        return Response(text, media_type=MediaType.TEXT, headers={"cache-control": "no-cache"})


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


class MyDataController(Controller):
    path = "/me"
    dependencies = {"citizen": Provide(provide_citizen, sync_to_thread=False)}

    @get("/", name="my_data")
    async def show(self, citizen: Citizen, now: NamedDependency[datetime], saved: FromQuery[str | None] = None) -> Template:
        """What the center holds about the person, with the form to correct it and the news consent."""
        data = await data_of(citizen["id"])
        account = data["account"]
        values = {"name": account["name"], "birth_year": str(account["birth_year"]), "email": account["email"] or "",
                  "notify_by": account["notify_by"]}
        return _page(data, values, {}, now, saved=saved == "1")

    @post("/")
    async def update(
        self, citizen: Citizen, data: URLEncodedBody[dict[str, str]], now: NamedDependency[datetime]
    ) -> Response:
        """Correct name, year of birth and email, and the way to hear from the center; the same page
        with the errors otherwise."""
        values = {key: data.get(key, "") for key in ("name", "birth_year", "email", "notify_by")}
        try:
            await update_details(citizen["id"], now=now, **values)
        except FormInvalid as invalid:
            return _page(await data_of(citizen["id"]), values, invalid.errors, now, HTTP_422_UNPROCESSABLE_ENTITY)
        return Redirect(path="/me?saved=1", status_code=HTTP_303_SEE_OTHER)

    @get("/session", name="keep_session", status_code=204)
    async def keep_session(self, citizen: Citizen) -> None:
        """'계속' in the time-out warning: this request itself keeps the session alive."""

    @get("/export.json", name="my_data_export")
    async def export(self, citizen: Citizen) -> Response:
        """Everything held, as a file the person keeps (JSON, UTF-8)."""
        body = json.dumps(await data_of(citizen["id"]), ensure_ascii=False, indent=2, default=str)
        return Response(
            body.encode(),
            media_type="application/json; charset=utf-8",
            headers={**NO_STORE, "content-disposition": 'attachment; filename="my-data.json"'},
        )

    @get("/delete", name="delete_account")
    async def confirm_delete(self, citizen: Citizen) -> Template:
        return Template("signups/delete.html", context={}, headers=NO_STORE)

    @post("/delete")
    async def delete(
        self, request: Request, citizen: Citizen, settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Redirect:
        """Free every seat (the waitlist moves up), then delete the account and sign out."""
        await delete_person(citizen["id"], now, language=language_of(request), zone=settings.timezone)
        response = Redirect(path="/?deleted=1", status_code=HTTP_303_SEE_OTHER)
        response.delete_cookie(SESSION_COOKIE, path="/")
        response.headers["clear-site-data"] = '"cache", "storage"'
        return response


def _page(data: dict[str, Any], values: dict[str, str], errors: dict[str, str], now: datetime, status_code: int = 200, saved: bool = False) -> Template:
    consent = Consent.of(data["account"]["notices_consented_at"], now)
    return Template(
        "signups/my_data.html",
        context={"data": data, "values": values, "errors": errors, "saved": saved, "mobile": format_mobile(data["account"]["mobile"]),
                 "landline": format_landline(data["account"]["landline"]) if data["account"]["landline"] else None, "consent": consent, "now": now},
        status_code=status_code,
        headers=NO_STORE,
    )
