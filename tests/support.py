"""Small helpers the tests share."""

from __future__ import annotations

import re
from datetime import datetime
from typing import TypeVar

from bs4 import BeautifulSoup, Tag
from bs4.element import AttributeValueList

from jobcenter.accounts.mobile import normalise_mobile
from jobcenter.audit.service import Actor
from jobcenter.kiosk.devices import create_kiosk
from jobcenter.notifications.tables import OutboxMessage

T = TypeVar("T")

SESSION_POOL_SIZE = 10
"""Connections the test session keeps open (tests/conftest.py): enough for requests sent together."""


class FrozenClock:
    """A clock the test sets; the app reads it on every request."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def present(value: T | None) -> T:
    """What the test expects to be there (a row, an element, a match); None fails the test here."""
    assert value is not None, "expected a value, found None"
    return value


def str_value(value: str | AttributeValueList | None) -> str:
    """An attribute that holds one string (href, action, value), not a list of words like class."""
    assert isinstance(value, str), f"expected one string, found {value!r}"
    return value


def html(response) -> BeautifulSoup:
    """The response body parsed as HTML."""
    return BeautifulSoup(response.text, "html.parser")


def filled_in(form: Tag) -> dict[str, str]:
    """What a browser sends for a form as it stands: its inputs (ticked radios and boxes only) and
    the chosen option of each select, without the CSRF token."""
    fields = {
        str_value(field["name"]): str_value(field.get("value", "on"))
        for field in form.select("input[name]")
        if field["name"] != "_csrf_token" and (field.get("type") not in ("radio", "checkbox") or field.has_attr("checked"))
    }
    for select in form.select("select[name]"):
        chosen = select.select_one("option[selected]") or select.select_one("option")
        fields[str_value(select["name"])] = str_value(chosen["value"]) if chosen else ""
    return fields


def card_titles(soup: Tag) -> list[str]:
    """Titles of the program cards in a catalog page or fragment, in order."""
    return [present(card.h3).get_text(strip=True) for card in soup.select("[data-testid=program-card]")]


async def csrf_token(client) -> str:
    """The CSRF token a form on the site would carry (the cookie is set by any GET)."""
    if "csrftoken" not in client.cookies:
        await client.get("/healthz")
        await client.get("/")
    return client.cookies["csrftoken"]


async def post_form(client, path: str, fields: dict[str, str], **kwargs):
    """POST a form as the browser would: url-encoded, with the CSRF token field."""
    token = await csrf_token(client)
    return await client.post(path, data={**fields, "_csrf_token": token}, **kwargs)


async def texted_code(mobile: str) -> str:
    """The six digits of the newest code queued for the number (as stored: 010...), as the person reads them."""
    text = present(await OutboxMessage.select(OutboxMessage.body).where(
        OutboxMessage.kind == "code", OutboxMessage.mobile == mobile).order_by(OutboxMessage.id, ascending=False).first())
    return present(re.search(r"\d{6}", text["body"])).group()


async def signed_up(client, fields: dict[str, str], **kwargs):
    """The whole sign-up: the form, then the code texted to its number; the answer to the form if it was refused,
    else the answer to the code."""
    asked = await post_form(client, "/signup", fields, follow_redirects=False, **kwargs)
    if asked.status_code != 303:
        return asked
    code = await texted_code(present(normalise_mobile(fields["mobile"])))
    return await post_form(client, "/signup/code", {"code": code}, follow_redirects=False, **kwargs)


async def enrol_as_kiosk(client, now: datetime, name: str = "로비 키오스크") -> None:
    """Make the test client the enrolled kiosk `name`, as an administrator and the device would."""
    _, code = await create_kiosk({"name": name}, actor=Actor(id=1, name="김관리", role="admin"), now=now)
    enrolled = await post_form(client, "/kiosk/enrol", {"code": code}, follow_redirects=False)
    assert enrolled.status_code == 303, enrolled.text
