"""Dates of a series or a cohort from its RRULE (python-dateutil), without Korean public holidays
and the center's closure days (events/days_off.py) when asked."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import holidays
from dateutil.rrule import rrulestr


@cache
def korean_holidays(year: int) -> dict[date, str]:
    """Public holidays of one year by name, lunar ones (설날, 추석) and substitute days included."""
    return dict(holidays.KR(years=year, language="ko"))


def holiday_name(day: date) -> str | None:
    return korean_holidays(day.year).get(day)


def next_working_day(day: date) -> date:
    """`day`, or the first day after it that is neither a weekend nor a public holiday."""
    while day.weekday() >= 5 or holiday_name(day) is not None:
        day += timedelta(days=1)
    return day


def rule_days(
    rule: str, first_day: date, start: date, end: date, *, skip_holidays: bool = False, closed: Collection[date] = ()
) -> list[date]:
    """The days from `start` to `end` (inclusive) on which the rule falls, counted from `first_day`;
    with `skip_holidays`, neither public holidays nor the `closed` days."""
    recurrence = rrulestr(rule, dtstart=datetime.combine(first_day, time()))
    days = [moment.date() for moment in recurrence.between(datetime.combine(start, time()), datetime.combine(end, time()), inc=True)]
    if skip_holidays:
        days = [day for day in days if holiday_name(day) is None and day not in closed]
    return days


def span(day: date, start_time: time, end_time: time, days: int, zone: str) -> tuple[datetime, datetime]:
    """When an occurrence starting on `day` begins and ends, as aware datetimes (stored as UTC)."""
    tz = ZoneInfo(zone)
    last_day = day + timedelta(days=days - 1)
    return datetime.combine(day, start_time, tzinfo=tz), datetime.combine(last_day, end_time, tzinfo=tz)
