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
