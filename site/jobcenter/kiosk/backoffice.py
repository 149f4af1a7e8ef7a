"""The kiosk's calls on the staff dashboard: the list the dashboard polls, and 응답 완료."""

from __future__ import annotations

from datetime import datetime

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromQuery
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_204_NO_CONTENT, HTTP_303_SEE_OTHER

from jobcenter.audit.service import Actor
from jobcenter.kiosk import help_requests
from jobcenter.web.flash import done
from jobcenter.web.form_input import RowId, read_ids
from jobcenter.web.forms import NO_STORE
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
