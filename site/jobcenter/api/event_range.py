"""The days the events list covers: `from` (today when left out) to `to` (30 days on when left out),
366 days at most, within the years the site's calendar shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from jobcenter.web.form_input import EARLIEST_YEAR, LATEST_YEAR
from jobcenter.web.list_filters import InvalidFilter

DEFAULT_SPAN = timedelta(days=30)
LONGEST_SPAN = timedelta(days=366)
RULE = f"from must not be after to, at most 366 days apart, both in the years {EARLIEST_YEAR} to {LATEST_YEAR}"


@dataclass(frozen=True)
class EventRange:
    first: date
    last: date

    @classmethod
    def parse(cls, first: date | None, last: date | None, *, today: date) -> EventRange:
        """The range asked for; InvalidFilter (saying the rule) for one the site does not answer."""
        first = first or today
        if not EARLIEST_YEAR <= first.year <= LATEST_YEAR:
            raise InvalidFilter(RULE)
        last = last or min(first + DEFAULT_SPAN, date(LATEST_YEAR, 12, 31))
        if not EARLIEST_YEAR <= last.year <= LATEST_YEAR or last < first or last - first > LONGEST_SPAN:
            raise InvalidFilter(RULE)
        return cls(first, last)
