"""Small helpers the tests share."""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

from bs4 import BeautifulSoup, Tag
from bs4.element import AttributeValueList

T = TypeVar("T")


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
