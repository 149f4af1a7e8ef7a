"""Admin: staff accounts. Create one, deactivate or reactivate it, reset a lost authenticator."""

from __future__ import annotations

from datetime import datetime

from litestar import Controller, Response, get, post
from litestar.di import NamedDependency
from litestar.params import URLEncodedBody
from litestar.response import Template
from litestar.status_codes import HTTP_422_UNPROCESSABLE_ENTITY

from jobcenter.audit.service import Actor
from jobcenter.staff import service
from jobcenter.staff.tables import StaffRole
from jobcenter.staff.web import admin_only
from jobcenter.web.flash import done
from jobcenter.web.form_input import FormInvalid, RowId
from jobcenter.web.forms import form_page

Form = URLEncodedBody[dict[str, str]]


async def _page(status_code: int = 200, **context: object) -> Template:
    return form_page("staff/accounts.html", status_code, staff_members=await service.staff_list(), roles=list(StaffRole), **context)


class StaffAccountsController(Controller):
    path = "/accounts"
    guards = [admin_only]

    @get("/", name="staff_accounts")
    async def accounts(self) -> Template:
        """Every staff account, with the form for a new one."""
        return await _page()

    @post("/")
    async def create(self, data: Form, actor: NamedDependency[Actor], now: NamedDependency[datetime]) -> Response:
        """A new account: it sets up its authenticator at its first login."""
        try:
            await service.create_staff(
                username=data.get("username", ""),
                name=data.get("name", ""),
                role=data.get("role", ""),
                password=data.get("password", ""),
                now=now,
                actor=actor,
            )
        except FormInvalid as invalid:
            values = {key: data.get(key, "") for key in ("username", "name", "role")}
            return await _page(HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors, values=values)
        return done("/staff/accounts", "created")

    @post("/{staff_id:int}/active")
    async def set_active(
        self, staff_id: RowId, data: Form, actor: NamedDependency[Actor], now: NamedDependency[datetime]
    ) -> Response:
        """Deactivate (every session ends) or reactivate an account."""
        try:
            await service.set_active(staff_id, data.get("active") == "1", actor=actor, now=now)
        except FormInvalid as invalid:
            return await _page(HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors)
        return done("/staff/accounts", "saved")

    @post("/{staff_id:int}/second-factor")
    async def reset_second_factor(
        self, staff_id: RowId, actor: NamedDependency[Actor], now: NamedDependency[datetime]
    ) -> Response:
        """A lost phone: the account sets up a new authenticator at its next login."""
        await service.reset_second_factor(staff_id, actor=actor, now=now)
        return done("/staff/accounts", "saved")
