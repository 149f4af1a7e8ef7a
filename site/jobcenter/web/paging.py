"""Paged lists: which page numbers to link, and a page of any list's rows."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from jobcenter.web.form_input import MAX_PAGE, read_int


def page_links(page: int, page_count: int) -> list[int | None]:
    """Page numbers to link: the first, the last and two either side of this one; None is a gap."""
    shown = sorted({1, page_count, *range(page - 2, page + 3)} & set(range(1, page_count + 1)))
    links: list[int | None] = []
    for number in shown:
        if links and number - links[-1] > 1:
            links.append(None)
        links.append(number)
    return links


def page_number(raw: str | None) -> int:
    """The page asked for; anything that is not a positive number is the first page."""
    return read_int(raw, 1, MAX_PAGE) or 1


@dataclass(frozen=True)
class Paged:
    """One page of rows, how many there are in all, and the query that produced them."""

    rows: list[Any]
    total: int
    page: int
    page_size: int
    query: dict[str, str]

    @property
    def page_count(self) -> int:
        return max(1, math.ceil(self.total / self.page_size))

    @property
    def page_links(self) -> list[int | None]:
        return page_links(self.page, self.page_count)

    def query_string(self, page: int) -> str:
        """The same filters (and sort) on another page."""
        pairs = {key: value for key, value in self.query.items() if value}
        if page > 1:
            pairs["page"] = str(page)
        return urlencode(pairs)


def page_within(page: int, total: int, page_size: int) -> int:
    """The page asked for, or the last one when it is past it (a stale link shows the last page)."""
    return min(page, max(1, math.ceil(total / page_size)))
