"""The kiosk in the back office: its calls on the staff dashboard (the list the dashboard polls, and
응답 완료), and, for administrators, the devices enrolled as kiosks (/staff/kiosks)."""

from __future__ import annotations

from datetime import datetime

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromQuery, URLEncodedBody
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_204_NO_CONTENT, HTTP_303_SEE_OTHER, HTTP_422_UNPROCESSABLE_ENTITY

from jobcenter.audit.service import Actor
from jobcenter.kiosk import devices, help_requests
from jobcenter.web.flash import done
from jobcenter.web.form_input import FormInvalid, RowId, read_ids
from jobcenter.web.forms import NO_STORE, form_page
from jobcenter.web.htmx import wants_fragment


def _ids(raw: str | None) -> set[int]:
    return set(read_ids(raw))


class HelpRequestController(Controller):
    path = "/help-requests"

    @get("/", name="staff_help_requests")
    async def calls(self, request: Request, known: FromQuery[str | None] = None) -> Response:
        """The open calls, for the dashboard's poll: nothing to swap (204) while they are the ones it
        shows, so a colleague's focus is not disturbed; a new one is announced. A page load goes to
        the dashboard."""
        if not wants_fragment(request):
            return Redirect(path="/staff", status_code=HTTP_303_SEE_OTHER)
        calls = await help_requests.open_calls()
        shown = _ids(known)
        if {call["id"] for call in calls} == shown:
            return Response(content=b"", status_code=HTTP_204_NO_CONTENT, headers=NO_STORE)
        new_calls = [call for call in calls if call["id"] not in shown]
        return Template(
            "kiosk/backoffice/_help_requests.html",
            context={"calls": calls, "new_calls": new_calls, "poll_seconds": help_requests.POLL_SECONDS},
            headers=NO_STORE,
        )

    @post("/{call_id:int}/answered", name="staff_answer_help_request")
    async def answered(self, call_id: RowId, actor: NamedDependency[Actor], now: NamedDependency[datetime]) -> Response:
        """응답 완료: someone went to the kiosk. A call a colleague answered first needs nothing more."""
        try:
            await help_requests.answer_call(call_id, actor=actor, now=now)
        except help_requests.HelpRequestNotFound:
            return Redirect(path="/staff", status_code=HTTP_303_SEE_OTHER)
        return done("/staff", "recorded")


async def _kiosks_page(status_code: int = 200, **context: object) -> Template:
    return form_page("kiosk/backoffice/kiosks.html", status_code, kiosks=await devices.kiosks(), **context)


class KioskAdminController(Controller):
    """Administrators only: staff/router.py mounts it at /staff/kiosks behind the admin guard."""

    path = "/"

    @get("/", name="staff_kiosks")
    async def kiosks(self) -> Template:
        """The kiosks, in use and revoked, with the form for a new one."""
        return await _kiosks_page()

    @post("/")
    async def create(
        self, request: Request, data: URLEncodedBody[dict[str, str]], actor: NamedDependency[Actor], now: NamedDependency[datetime]
    ) -> Template:
        """A new kiosk: the page shows its one-time enrolment code, once (it is not stored)."""
        try:
            kiosk, code = await devices.create_kiosk(data, actor=actor, now=now)
        except FormInvalid as invalid:
            return await _kiosks_page(HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors, values={"name": data.get("name", "")})
        enrol_url = str(request.base_url).rstrip("/") + request.app.route_reverse("kiosk_enrol")
        return await _kiosks_page(new_kiosk=kiosk, code=code, enrol_url=enrol_url)

    @post("/{kiosk_id:int}/revoke", name="staff_revoke_kiosk")
    async def revoke(self, kiosk_id: RowId, actor: NamedDependency[Actor], now: NamedDependency[datetime]) -> Response:
        """Stop a kiosk: its device can no longer apply or call staff. One revoked meanwhile needs nothing more."""
        try:
            await devices.revoke_kiosk(kiosk_id, actor=actor, now=now)
        except devices.KioskNotFound:
            return Redirect(path="/staff/kiosks", status_code=HTTP_303_SEE_OTHER)
        return done("/staff/kiosks", "kiosk_revoked")
