"""What public list filters share (the catalog's, the company directory's): values only the site's
own forms send, read strictly, so that a hand-edited or stale link gets a clear 400, never a 500."""

from __future__ import annotations

from jobcenter.web.form_input import MAX_PAGE, read_int

KEYWORD_MAX_LENGTH = 100


class InvalidFilter(ValueError):
    """A filter value no form of the site produces (a hand-edited or stale link)."""


def read_keyword(raw: str | None) -> str:
    """The keyword with its spaces tidied; InvalidFilter when too long or holding control characters."""
    keyword = " ".join((raw or "").split())
    if len(keyword) > KEYWORD_MAX_LENGTH or not keyword.isprintable():
        raise InvalidFilter("keyword")
    return keyword


def read_page(raw: str | None) -> int:
    """The page asked for (1 when none); InvalidFilter for anything but a page number."""
    number = read_int(raw, 1, MAX_PAGE) if raw else 1
    if number is None:
        raise InvalidFilter("page")
    return number
