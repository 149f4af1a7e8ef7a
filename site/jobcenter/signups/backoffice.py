"""Rosters in the back office: confirmed and waiting people of one seat pool, attendance, staff
actions, sign-up on someone's behalf, exports and the printed sign-in sheet. HTTP only."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, FromQuery, URLEncodedBody
from litestar.response import Template
from litestar.status_codes import HTTP_422_UNPROCESSABLE_ENTITY

from jobcenter.accounts.walk_in import AccountToConfirm, WalkIn
from jobcenter.audit.service import Actor
from jobcenter.i18n import N_, Filled, gettext
from jobcenter.settings import Settings
from jobcenter.signups import draws, roster_changes
from jobcenter.signups.notices import AUDIENCE_LABELS, Audience, preview, read_notice, send_notice
from jobcenter.signups.on_behalf import apply_walk_in
from jobcenter.signups.roster import SORTS, check_in_by_code, reveal_mobile, roster, set_attendance
from jobcenter.signups.roster_exports import export
from jobcenter.signups.service import NotFound, SignupError
from jobcenter.signups.tables import Channel
from jobcenter.signups.targets import target_of
from jobcenter.spreadsheets import MEDIA_TYPES
from jobcenter.web.downloads import download
from jobcenter.web.flash import done
from jobcenter.web.form_input import FormInvalid, FormReader, RowId
from jobcenter.web.forms import NO_STORE, form_page
from jobcenter.web.htmx import wants_fragment
from jobcenter.web.language import language_of

Form = URLEncodedBody[dict[str, str]]
MAX_WAITLIST_POSITION = 99_999
"""The highest number typed for a place in the waitlist (a higher one puts the person last anyway)."""


def _refusal(refused: SignupError) -> Filled:
    """The refusal's msgid and values, translated and filled when the page is drawn."""
    return Filled(refused.message, **refused.values)


async def _lottery(pool_id: int, now: datetime, settings: Settings) -> draws.DrawView | None:
    """The pool's lottery as the roster shows it, or None for first come, first served."""
    try:
        return await draws.draw_view(pool_id, now=now, zone=settings.timezone)
    except draws.NoLottery:
        return None


async def _takes_attendance(pool_id: int, settings: Settings) -> None:
    """Not found for a pool whose attendance is taken elsewhere (a course's, per session)."""
    target = await target_of(pool_id, settings.timezone)
    if target is None or target.attendance_path:
        raise NotFoundException()


class RosterController(Controller):
    path = "/rosters/{pool_id:int}"

    async def _page(
        self, request: Request, pool_id: int, settings: Settings, *, status_code: int = 200, sort: str = "applied", **context: Any
    ) -> Template:
        """The roster page, or for an htmx request the roster region alone (one template source)."""
        sheet = await roster(pool_id, settings.timezone, SORTS.get(sort, "applied"))
        context.setdefault("errors", {})
        template = "signups/backoffice/_roster.html" if wants_fragment(request) else "signups/backoffice/roster.html"
        return Template(
            template_name=template,
            context={"roster": sheet, "pool_id": pool_id, "sort": sort, "revealed": {}, **context},
            status_code=status_code,
            headers=NO_STORE,
        )

    @get("/", name="staff_roster")
    async def show(
        self, request: Request, pool_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime], sort: FromQuery[str] = "applied"
    ) -> Template:
        """Confirmed (by application time or name) and waiting (in order), with attendance and actions;
        a lottery's state and its draw above them."""
        return await self._page(request, pool_id, settings, sort=sort, lottery=await _lottery(pool_id, now, settings))

    @post("/draw")
    async def draw(
        self, request: Request, pool_id: RowId, data: Form,
        settings: NamedDependency[Settings], actor: NamedDependency[Actor], now: NamedDependency[datetime],
    ) -> Response:
        """Draw the lottery with the public value as published; everyone who applied is texted."""
        typed = data.get("public_value", "")
        try:
            await draws.draw(pool_id, typed, actor=actor, now=now, language=language_of(request), zone=settings.timezone)
        except draws.NoLottery:
            raise
        except draws.LotteryError as refused:
            return await self._page(request, pool_id, settings, status_code=HTTP_422_UNPROCESSABLE_ENTITY,
                                    errors={"public_value": _refusal(refused)}, public_value=typed[:draws.PUBLIC_VALUE_LENGTH],
                                    lottery=await _lottery(pool_id, now, settings))
        return done(f"/staff/rosters/{pool_id}", "drawn")

    @post("/applications/{application_id:int}/reveal")
    async def reveal(
        self, request: Request, pool_id: RowId, application_id: RowId,
        settings: NamedDependency[Settings], actor: NamedDependency[Actor], now: NamedDependency[datetime],
    ) -> Template:
        """Show one person's full number (logged: who looked, when, at whose)."""
        number = await reveal_mobile(pool_id, application_id, actor=actor, now=now)
        return await self._page(request, pool_id, settings, revealed={application_id: number})

    @post("/applications/{application_id:int}/attendance")
    async def attendance(
        self, request: Request, pool_id: RowId, application_id: RowId, data: Form,
        settings: NamedDependency[Settings], actor: NamedDependency[Actor], now: NamedDependency[datetime],
    ) -> Template:
        """Tick a confirmed person present (or take the tick back), where the roster takes attendance
        (a course's is taken per session)."""
        await _takes_attendance(pool_id, settings)
        await set_attendance(pool_id, application_id, data.get("attended") == "1", actor=actor, now=now)
        return await self._page(request, pool_id, settings, sort=data.get("sort", "applied"), focus=application_id)

    @post("/check-in")
    async def check_in(
        self, request: Request, pool_id: RowId, data: Form,
        settings: NamedDependency[Settings], actor: NamedDependency[Actor], now: NamedDependency[datetime],
    ) -> Template:
        """Check in by the confirmation number the person shows (typed, or scanned from the QR code)."""
        await _takes_attendance(pool_id, settings)
        try:
            person = await check_in_by_code(pool_id, data.get("code", ""), actor=actor, now=now)
        except SignupError as refused:
            return await self._page(request, pool_id, settings, status_code=HTTP_422_UNPROCESSABLE_ENTITY,
                                    errors={"code": _refusal(refused)}, code=data.get("code", "")[:40])
        return await self._page(request, pool_id, settings, checked_in=person)

    async def _act(self, request: Request, pool_id: int, settings: Settings, action: Any) -> Response:
        try:
            await action
        except NotFound:
            raise  # a 404, not a refusal shown on the roster
        except SignupError as refused:
            return await self._page(request, pool_id, settings, status_code=HTTP_422_UNPROCESSABLE_ENTITY,
                                    errors={"roster": _refusal(refused)})
        return done(f"/staff/rosters/{pool_id}", "saved")

    @post("/applications/{application_id:int}/cancel")
    async def cancel(
        self, request: Request, pool_id: RowId, application_id: RowId,
        settings: NamedDependency[Settings], actor: NamedDependency[Actor], now: NamedDependency[datetime],
    ) -> Response:
        """Cancel at the person's request, whatever the online deadline; the waitlist moves up."""
        action = roster_changes.cancel_for(pool_id, application_id, actor=actor, now=now, language=language_of(request), zone=settings.timezone)
        return await self._act(request, pool_id, settings, action)

    @post("/applications/{application_id:int}/promote")
    async def promote(
        self, request: Request, pool_id: RowId, application_id: RowId,
        settings: NamedDependency[Settings], actor: NamedDependency[Actor], now: NamedDependency[datetime],
    ) -> Response:
        """Confirm a waiting person out of turn, when a seat is free."""
        action = roster_changes.promote(pool_id, application_id, actor=actor, now=now, language=language_of(request), zone=settings.timezone)
        return await self._act(request, pool_id, settings, action)

    @post("/applications/{application_id:int}/move")
    async def move(
        self, request: Request, pool_id: RowId, application_id: RowId, data: Form,
        settings: NamedDependency[Settings], actor: NamedDependency[Actor], now: NamedDependency[datetime],
    ) -> Response:
        """Put a waiting person at another number in the line."""
        wrong = N_("Enter the new waitlist number.")
        position = FormReader(data).number("position", 1, MAX_WAITLIST_POSITION, wrong)
        if position is None:  # shown above the roster, where the refusals of its actions are
            return await self._page(request, pool_id, settings, status_code=HTTP_422_UNPROCESSABLE_ENTITY,
                                    errors={"roster": gettext(language_of(request), wrong)})
        action = roster_changes.move_in_waitlist(pool_id, application_id, position, actor=actor, now=now)
        return await self._act(request, pool_id, settings, action)

    @get("/add", name="staff_add_applicant")
    async def add_form(self, pool_id: RowId, settings: NamedDependency[Settings]) -> Template:
        """Sign up a phone or walk-in applicant: find them by number or make a minimal record."""
        sheet = await self._sheet(pool_id, settings)
        return form_page("signups/backoffice/add.html", roster=sheet, pool_id=pool_id)

    @post("/add")
    async def add(
        self, request: Request, pool_id: RowId, data: Form,
        settings: NamedDependency[Settings], actor: NamedDependency[Actor], now: NamedDependency[datetime],
    ) -> Response:
        """The same seat-taking service, under the same lock, as applications made online."""
        person = WalkIn(name=data.get("name", ""), mobile=data.get("mobile", ""), birth_year=data.get("birth_year", ""), consent=data.get("consent") == "1",
                        account=data.get("account", ""), landline=data.get("landline", ""))
        values = {key: data.get(key, "") for key in ("name", "mobile", "birth_year", "landline")} | {"consent": person.consent}
        try:
            application, _ = await apply_walk_in(
                pool_id, person, channel=Channel.staff, consent_taken_by=actor.name, actor=actor,
                now=now, language=language_of(request), zone=settings.timezone, limits=settings.limits,
            )
        except FormInvalid as invalid:
            return form_page("signups/backoffice/add.html", HTTP_422_UNPROCESSABLE_ENTITY, roster=await self._sheet(pool_id, settings), pool_id=pool_id,
                             errors=invalid.errors, values=values)
        except AccountToConfirm as found:
            return form_page("signups/backoffice/add.html", roster=await self._sheet(pool_id, settings), pool_id=pool_id,
                             account=found.account, values=values)
        except NotFound:
            raise  # a 404, not a refusal shown in the form
        except SignupError as refused:
            return form_page("signups/backoffice/add.html", HTTP_422_UNPROCESSABLE_ENTITY, roster=await self._sheet(pool_id, settings), pool_id=pool_id,
                             errors={"mobile": _refusal(refused)}, values=values)
        return done(f"/staff/rosters/{pool_id}?added={application['id']}", "signed_up")

    @get("/notice", name="staff_roster_notice")
    async def notice_form(self, pool_id: RowId, settings: NamedDependency[Settings]) -> Template:
        """Write a notice to the people on the roster; it is previewed before it goes."""
        return form_page("signups/backoffice/notice.html", roster=await self._sheet(pool_id, settings), pool_id=pool_id,
                         audiences=AUDIENCE_LABELS, values={"audience": Audience.confirmed.value})

    @post("/notice")
    async def notice(
        self, request: Request, pool_id: RowId, data: Form,
        settings: NamedDependency[Settings], actor: NamedDependency[Actor], now: NamedDependency[datetime],
    ) -> Response:
        """`action=preview`: the page again with the text as it arrives and the number of people;
        `action=send`: queued for each of them, with an audit entry, if it is what was previewed
        (a text changed after its preview is previewed again, not sent)."""
        values = {key: data.get(key, "") for key in ("audience", "text")}
        page = {"roster": await self._sheet(pool_id, settings), "pool_id": pool_id, "audiences": AUDIENCE_LABELS, "values": values}
        try:
            audience, text = read_notice(data)
        except FormInvalid as invalid:
            return form_page("signups/backoffice/notice.html", HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors, **page)
        language = language_of(request)
        if data.get("action") != "send" or data.get("previewed") != f"{audience.value}:{data.get('text', '')}":
            shown = await preview(pool_id, audience, text, language=language, zone=settings.timezone)
            return form_page("signups/backoffice/notice.html", preview=shown, **page)
        await send_notice(pool_id, audience, text, actor=actor, now=now, language=language, zone=settings.timezone)
        return done(f"/staff/rosters/{pool_id}", "notice_sent")

    async def _sheet(self, pool_id: int, settings: Settings) -> Any:
        return await roster(pool_id, settings.timezone)

    @get("/export/{kind:str}", name="staff_roster_export")
    async def export_file(
        self, request: Request, pool_id: RowId, kind: FromPath[str],
        settings: NamedDependency[Settings], actor: NamedDependency[Actor], now: NamedDependency[datetime],
    ) -> Response:
        """The roster as CSV (UTF-8 with BOM, for Korean Excel) or XLSX; the export is logged."""
        if kind not in MEDIA_TYPES:
            raise NotFoundException()
        data, sheet = await export(pool_id, kind, actor=actor, now=now, language=language_of(request), zone=settings.timezone)
        return download(data, kind, f"{sheet.target.title} {sheet.target.label}")

    @get("/print", name="staff_roster_print")
    async def print_view(self, pool_id: RowId, settings: NamedDependency[Settings]) -> Template:
        """A sign-in sheet to print: names, the last four digits, a column to sign."""
        sheet = await self._sheet(pool_id, settings)
        return Template(template_name="signups/backoffice/print.html", context={"roster": sheet}, headers=NO_STORE)
