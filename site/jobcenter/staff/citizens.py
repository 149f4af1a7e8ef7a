"""Back office: citizens. Find a person, see their details and applications (the mobile number masked
until revealed), correct the details, reset the password, delete the account on request.
HTTP only. Finding people and changing an account are accounts' rules (citizen_search.py,
corrections.py); the record with the person's applications, and the deletion, join accounts and
signups, so they are citizen_records.py's, in the back office above both."""

from __future__ import annotations

import logging
from datetime import datetime

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromQuery, URLEncodedBody
from litestar.response import Template
from litestar.status_codes import HTTP_200_OK, HTTP_422_UNPROCESSABLE_ENTITY

from jobcenter.accounts import corrections
from jobcenter.accounts.citizen_search import CitizenSearch, find_citizens
from jobcenter.audit.service import Actor
from jobcenter.settings import Settings
from jobcenter.signups.people import with_active_applications
from jobcenter.staff.citizen_records import CitizenRecord, citizen_record, delete_on_request
from jobcenter.web.flash import done
from jobcenter.web.form_input import FormInvalid, RowId
from jobcenter.web.forms import NO_STORE, form_page
from jobcenter.web.htmx import pushed_address, wants_fragment
from jobcenter.web.paging import Paged

logger = logging.getLogger("jobcenter.accounts")

PAGE_SIZE = 20
Form = URLEncodedBody[dict[str, str]]
CORRECTABLE = ("name", "birth_year", "email", "mobile", "landline", "remove_landline")
NUMBERS = {"mobile": "citizen-mobile", "landline": "citizen-landline"}
"""The numbers staff reveal, and the page region each is shown in."""


async def _citizen_record(citizen_id: int, actor: Actor, now: datetime, settings: Settings, *, reveal: bool = False) -> CitizenRecord:
    """The person's record (the look is logged); CitizenNotFound, a 404, when there is none."""
    return await citizen_record(citizen_id, actor=actor, now=now, zone=settings.timezone, reveal=reveal)


def _detail(citizen: CitizenRecord, status_code: int = HTTP_200_OK, **context: object) -> Template:
    return form_page("staff/citizens/detail.html", status_code, citizen=citizen, **context)


class CitizensController(Controller):
    path = "/citizens"

    @get("/", name="staff_citizens")
    async def search(
        self,
        request: Request,
        actor: NamedDependency[Actor],
        q: FromQuery[str | None] = None,
        sort: FromQuery[str | None] = None,
        page: FromQuery[str | None] = None,
    ) -> Template:
        """Find people by name or mobile number; an htmx search gets only the results, in place."""
        search = CitizenSearch.parse(q, sort, page)
        found, total = await find_citizens(search, page_size=PAGE_SIZE)
        rows = await with_active_applications(found)
        if search.kind != "empty":
            # Who looked, and how; the words typed are personal data and stay out of the log.
            logger.info("staff %s searched citizens by %s: %s found", actor.id, search.kind, total)
        paged = Paged(rows=rows, total=total, page=search.page, page_size=PAGE_SIZE, query=search.query())
        headers = {**NO_STORE, "vary": "HX-Request"}
        template = "staff/citizens/index.html"
        if wants_fragment(request):
            query = paged.query_string(search.page)
            headers["HX-Push-Url"] = pushed_address(request, "staff_citizens", query)
            template = "staff/citizens/_results.html"
        return Template(template_name=template, context={"search": search, "paged": paged}, headers=headers)

    @get("/{citizen_id:int}", name="staff_citizen")
    async def show(
        self, citizen_id: RowId, actor: NamedDependency[Actor], now: NamedDependency[datetime], settings: NamedDependency[Settings]
    ) -> Template:
        """The person's details with the number masked, their applications and what staff can do; logged."""
        return _detail(await _citizen_record(citizen_id, actor, now, settings))

    @post("/{citizen_id:int}/reveal", name="staff_citizen_reveal", status_code=HTTP_200_OK)
    async def reveal(
        self,
        request: Request,
        citizen_id: RowId,
        actor: NamedDependency[Actor],
        now: NamedDependency[datetime],
        settings: NamedDependency[Settings],
        number: FromQuery[str] = "mobile",
    ) -> Template:
        """번호 보기: the full numbers, logged; htmx swaps in the one asked for (`number`: mobile or
        landline), a plain form gets the page with both."""
        citizen = await _citizen_record(citizen_id, actor, now, settings, reveal=True)
        if wants_fragment(request):
            shown = citizen.landline if number == "landline" else citizen.mobile
            context = {"mobile_region": NUMBERS.get(number, NUMBERS["mobile"]), "revealed": shown, "reveal_url": str(request.url.path)}
            return Template(template_name="staff/_mobile.html", context=context, headers=NO_STORE)
        return _detail(citizen)

    @get("/{citizen_id:int}/edit", name="staff_citizen_edit")
    async def edit_form(
        self, citizen_id: RowId, actor: NamedDependency[Actor], now: NamedDependency[datetime], settings: NamedDependency[Settings]
    ) -> Template:
        """The correction form with the details as held; the number fields start empty (the numbers stay masked)."""
        citizen = await _citizen_record(citizen_id, actor, now, settings)
        account = citizen.account
        values = {"name": account["name"], "birth_year": str(account["birth_year"]), "email": account["email"] or ""}
        return form_page("staff/citizens/edit.html", citizen=citizen, values=values)

    @post("/{citizen_id:int}/edit")
    async def edit(
        self,
        citizen_id: RowId,
        data: Form,
        actor: NamedDependency[Actor],
        now: NamedDependency[datetime],
        settings: NamedDependency[Settings],
    ) -> Response:
        """Save the corrections (audited); the same form with every error and the values typed otherwise."""
        typed = {key: data.get(key, "") for key in CORRECTABLE}
        try:
            await corrections.correct_details(citizen_id, corrections.Corrections(**typed), actor=actor, now=now)
        except FormInvalid as invalid:
            citizen = await _citizen_record(citizen_id, actor, now, settings)
            return form_page("staff/citizens/edit.html", HTTP_422_UNPROCESSABLE_ENTITY, citizen=citizen, values=typed, errors=invalid.errors)
        return done(f"/staff/citizens/{citizen_id}", "saved")

    @post("/{citizen_id:int}/password/temporary", name="staff_citizen_temporary_password", status_code=HTTP_200_OK)
    async def temporary_password(
        self, citizen_id: RowId, actor: NamedDependency[Actor], now: NamedDependency[datetime], settings: NamedDependency[Settings]
    ) -> Template:
        """A temporary password, shown this once for staff to hand over; the person's sessions end."""
        issued = await corrections.issue_temporary_password(citizen_id, actor=actor, now=now, limits=settings.limits)
        return form_page("staff/citizens/temporary_password.html", citizen_id=citizen_id, **issued)

    @post("/{citizen_id:int}/password/link", name="staff_citizen_reset_link")
    async def reset_link(
        self,
        request: Request,
        citizen_id: RowId,
        actor: NamedDependency[Actor],
        now: NamedDependency[datetime],
        settings: NamedDependency[Settings],
    ) -> Response:
        """Email the one-time reset link (audited); the page with the reason when the account has no email."""
        try:
            await corrections.email_reset_link(
                citizen_id,
                base_url=str(request.base_url).rstrip("/"),
                actor=actor,
                now=now,
                # The person is not the one at this screen: their messages go in the site's language.
                language=settings.default_language,
                zone=settings.timezone,
            )
        except FormInvalid as invalid:
            return _detail(await _citizen_record(citizen_id, actor, now, settings), HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors)
        return done(f"/staff/citizens/{citizen_id}", "reset_link_sent")

    @get("/{citizen_id:int}/delete", name="staff_citizen_delete")
    async def confirm_delete(
        self, citizen_id: RowId, actor: NamedDependency[Actor], now: NamedDependency[datetime], settings: NamedDependency[Settings]
    ) -> Template:
        """What deleting the account does (seats freed, waitlists move up), and the button to do it."""
        return form_page("staff/citizens/delete.html", citizen=await _citizen_record(citizen_id, actor, now, settings))

    @post("/{citizen_id:int}/delete")
    async def delete(
        self, citizen_id: RowId, actor: NamedDependency[Actor], now: NamedDependency[datetime], settings: NamedDependency[Settings]
    ) -> Response:
        """Delete the account as the person asked: seats freed first, then the account (audited)."""
        await delete_on_request(citizen_id, actor=actor, now=now, language=settings.default_language, zone=settings.timezone)
        return done("/staff/citizens", "citizen_deleted")
