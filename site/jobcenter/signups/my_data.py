"""내 정보: a person sees everything held about them, corrects it, downloads it, deletes the account.
It shows the applications and messages beside the account, so it sits in signups, above accounts."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromQuery, URLEncodedBody
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_303_SEE_OTHER, HTTP_422_UNPROCESSABLE_ENTITY

from jobcenter.accounts.mobile import format_mobile
from jobcenter.accounts.service import update_details
from jobcenter.accounts.sessions import SESSION_COOKIE
from jobcenter.accounts.web import provide_citizen
from jobcenter.settings import Settings
from jobcenter.signups.people import data_of, delete_person
from jobcenter.web.form_input import FormInvalid
from jobcenter.web.forms import NO_STORE
from jobcenter.web.language import language_of

Citizen = NamedDependency[dict[str, Any]]


class MyDataController(Controller):
    path = "/me"
    dependencies = {"citizen": Provide(provide_citizen, sync_to_thread=False)}

    @get("/", name="my_data")
    async def show(self, citizen: Citizen, saved: FromQuery[str | None] = None) -> Template:
        """What the center holds about the person, with the form to correct it."""
        data = await data_of(citizen["id"])
        account = data["account"]
        values = {"name": account["name"], "birth_year": str(account["birth_year"]), "email": account["email"] or ""}
        return _page(data, values, {}, saved=saved == "1")

    @post("/")
    async def update(
        self, citizen: Citizen, data: URLEncodedBody[dict[str, str]], now: NamedDependency[datetime]
    ) -> Response:
        """Correct name, year of birth and email; the same page with the errors otherwise."""
        values = {key: data.get(key, "") for key in ("name", "birth_year", "email")}
        try:
            await update_details(citizen["id"], now=now, **values)
        except FormInvalid as invalid:
            return _page(await data_of(citizen["id"]), values, invalid.errors, HTTP_422_UNPROCESSABLE_ENTITY)
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
        return Template("accounts/delete.html", context={}, headers=NO_STORE)

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


def _page(data: dict[str, Any], values: dict[str, str], errors: dict[str, str], status_code: int = 200, saved: bool = False) -> Template:
    return Template(
        "accounts/my_data.html",
        context={"data": data, "values": values, "errors": errors, "saved": saved, "mobile": format_mobile(data["account"]["mobile"])},
        status_code=status_code,
        headers=NO_STORE,
    )
