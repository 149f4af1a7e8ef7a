"""The coming dates of a rule, as staff see them before saving a series: the dates it will have,
and the public holidays it lands on (skipped, or kept when the series does not skip them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil.rrule import rrulestr

from jobcenter.schedule.recurrence import holiday_name

PREVIEW_COUNT = 10
LOOK_AHEAD = timedelta(days=3 * 366)
"""How far the preview looks: a twice-a-year rule still shows several dates, and a rule that
never falls (30 February) costs a bounded amount of work."""


@dataclass(frozen=True)
class ComingDate:
    day: date
    holiday: str | None
    skipped: bool


def coming_dates(
    rule: str, first_day: date, today: date, *, skip_holidays: bool, count: int = PREVIEW_COUNT, last_day: date | None = None
) -> list[ComingDate]:
    """The next `count` dates from today (or the first day, if later) up to `last_day` (if any),
    with the holidays met on the way: a skipped holiday is listed too but does not count towards `count`."""
    start = max(first_day, today)
    recurrence = rrulestr(rule, dtstart=datetime.combine(first_day, time()))
    found: list[ComingDate] = []
    kept = 0
    for moment in recurrence.xafter(datetime.combine(start, time()), inc=True):
        day = moment.date()
        if day > start + LOOK_AHEAD or (last_day and day > last_day):
            break
        holiday = holiday_name(day)
        skipped = bool(holiday and skip_holidays)
        found.append(ComingDate(day=day, holiday=holiday, skipped=skipped))
        kept += not skipped
        if kept == count:
            break
    return found
