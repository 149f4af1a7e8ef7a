"""When the follow-up calls after a placement fall due: on working days, when counsellors call."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from dateutil.relativedelta import relativedelta

from jobcenter.schedule.recurrence import next_working_day


def follow_up_dates(started_on: date, months: Iterable[int]) -> list[tuple[int, date]]:
    """(months after, due date) for each milestone, earliest first. Each date is counted from the
    start itself, not from the previous call, so a month end stays a month end: a job from 31 January
    is called on 28 (or 29) February, 30 April and 31 July. A date on a weekend or a public holiday
    moves to the next working day."""
    return [(month, next_working_day(started_on + relativedelta(months=month))) for month in sorted(set(months))]
