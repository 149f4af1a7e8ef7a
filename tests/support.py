"""Small helpers the tests share."""

from __future__ import annotations

from datetime import datetime

from bs4 import BeautifulSoup


class FrozenClock:
    """A clock the test sets; the app reads it on every request."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def html(response) -> BeautifulSoup:  # type: ignore[no-untyped-def]
    """The response body parsed as HTML."""
    return BeautifulSoup(response.text, "html.parser")


def card_titles(soup: BeautifulSoup) -> list[str]:
    """Titles of the program cards in a catalog page or fragment, in order."""
    return [card.h3.get_text(strip=True) for card in soup.select("[data-testid=program-card]")]


async def csrf_token(client) -> str:  # type: ignore[no-untyped-def]
    """The CSRF token a form on the site would carry (the cookie is set by any GET)."""
    if "csrftoken" not in client.cookies:
        await client.get("/healthz")
        await client.get("/")
    return client.cookies["csrftoken"]


async def post_form(client, path: str, fields: dict[str, str], **kwargs):  # type: ignore[no-untyped-def]
    """POST a form as the browser would: url-encoded, with the CSRF token field."""
    token = await csrf_token(client)
    return await client.post(path, data={**fields, "_csrf_token": token}, **kwargs)
