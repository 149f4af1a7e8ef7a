"""Series of cohorts: a program that repeats, such as the monthly 맞춤형 취업특강 on the 2nd Thursday.
Each day the series' rule gives (public holidays and closure days left out when it skips them)
gets a one-day cohort of its own, made `months_ahead` months before, with the series' times, place
and seats, applications opening at 09:00 `opens_days_before` days before and closing when it
begins. Once made, a cohort is the staff's to edit like any other: the series never changes or
removes it. The housekeeping sweep makes the coming ones each day (make_all_ahead)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from jobcenter.audit.service import Actor, record
from jobcenter.catalog.cohorts import add_cohort
from jobcenter.catalog.service import ProgramNotFound
from jobcenter.catalog.sessions import wanted_days
from jobcenter.catalog.tables import Cohort, CohortSeries, Program
from jobcenter.db import locking
from jobcenter.i18n import N_
from jobcenter.schedule.patterns import WEEKDAYS
from jobcenter.schedule.repeating import FIELDS as REPEATING_FIELDS
from jobcenter.schedule.repeating import read_repeating
from jobcenter.signups.roster_changes import parse_capacity
from jobcenter.signups.service import SignupError
from jobcenter.web.form_input import FormReader

OPENING_HOUR = time(9)
FORM_ORDER = [*REPEATING_FIELDS, "place", "capacity", "opens_days_before", "months_ahead"]
MAX_MONTHS_AHEAD = 12
MAX_DAYS_BEFORE = 365


def check_series(data: dict[str, str]) -> dict[str, Any]:
    """The series' values from its form; FormInvalid with every problem at once."""
    form = FormReader(data, order=FORM_ORDER)
    repeating = read_repeating(form)
    values: dict[str, Any] = {
        **{key: value for key, value in repeating.items() if key != "rule"},
        "rrule": repeating["rule"],
        "place": form.text("place", CohortSeries.place, missing=N_("Enter the place, in 200 characters or fewer."),
                           too_long=N_("Enter the place, in 200 characters or fewer.")),
        "opens_days_before": form.number("opens_days_before", 1, MAX_DAYS_BEFORE,
                                         N_("Enter how many days before applications open, from 1 to 365.")),
        "months_ahead": form.number("months_ahead", 1, MAX_MONTHS_AHEAD, N_("Enter how many months ahead to make cohorts, from 1 to 12.")),
    }
    try:
        values["capacity"] = parse_capacity(form.raw("capacity"))
    except SignupError as invalid:
        form.fail("capacity", invalid.message)
    form.check()
    return values


async def create_series(program_id: int, data: dict[str, str], *, actor: Actor, now: datetime, zone: str) -> tuple[int, int]:
    """A new series and its cohorts up to `months_ahead` months from today, in one transaction;
    returns the series' id and how many cohorts were made."""
    values = check_series(data)
    async with CohortSeries._meta.db.transaction():
        if not await Program.exists().where(Program.id == program_id):
            raise ProgramNotFound(program_id)
        (row,) = await CohortSeries.insert(CohortSeries(program=program_id, **values)).returning(CohortSeries.id)
        await record(actor, "cohort_series.create", "program", program_id, now=now, summary=values["rrule"], after=values)
        made = await _make_ahead(row["id"], now=now, zone=zone)
    return row["id"], made


async def stop_series(program_id: int, series_id: int, *, actor: Actor, now: datetime, zone: str) -> None:
    """No cohort after today: the series' last day becomes today (cohorts already made stay)."""
    today = now.astimezone(ZoneInfo(zone)).date()
    async with CohortSeries._meta.db.transaction():
        series = await locking(CohortSeries.select().where(CohortSeries.id == series_id, CohortSeries.program == program_id)).first()
        if series is None:
            raise ProgramNotFound(program_id)
        last_day = min(series["last_day"] or today, today)
        await CohortSeries.update({CohortSeries.last_day: last_day}).where(CohortSeries.id == series_id)
        await record(actor, "cohort_series.stop", "program", program_id, now=now, before={"last_day": series["last_day"]},
                     after={"last_day": last_day})


async def make_ahead(series_id: int, *, now: datetime, zone: str) -> int:
    """The series' missing cohorts up to its horizon, in a transaction of their own."""
    async with CohortSeries._meta.db.transaction():
        return await _make_ahead(series_id, now=now, zone=zone)


async def make_all_ahead(*, now: datetime, zone: str) -> int:
    """Every series not ended: the cohorts its horizon reached since the last sweep."""
    today = now.astimezone(ZoneInfo(zone)).date()
    made = 0
    for row in await CohortSeries.select(CohortSeries.id).where((CohortSeries.last_day.is_null()) | (CohortSeries.last_day >= today)):
        made += await make_ahead(row["id"], now=now, zone=zone)
    return made


async def _make_ahead(series_id: int, *, now: datetime, zone: str) -> int:
    """Inside the caller's transaction, under the series' lock (two sweeps at once take turns, and
    the second finds the first one's cohorts): a cohort for each coming day that has none."""
    series = await locking(CohortSeries.select().where(CohortSeries.id == series_id)).first()
    assert series is not None, "called for a series that exists"
    tz = ZoneInfo(zone)
    today = now.astimezone(tz).date()
    horizon = today + relativedelta(months=series["months_ahead"])
    last = min(horizon, series["last_day"]) if series["last_day"] else horizon
    first = max(series["first_day"], today)
    if last < first:
        return 0
    made_for = {row["series_day"] for row in await Cohort.select(Cohort.series_day).where(Cohort.from_series == series_id)}
    made = 0
    for day in await wanted_days(series["rrule"], first, last, skip_holidays=series["skip_holidays"]):
        starts_at = datetime.combine(day, series["start_time"], tzinfo=tz)
        if day in made_for or starts_at <= now:
            continue
        opens_at = max(datetime.combine(day - timedelta(days=series["opens_days_before"]), OPENING_HOUR, tzinfo=tz), now)
        cohort = await add_cohort(
            program_id=series["program"], label=cohort_label(day), starts_on=day, ends_on=day, start_time=series["start_time"],
            end_time=series["end_time"], place=series["place"], capacity=series["capacity"], opens_at=min(opens_at, starts_at),
            closes_at=starts_at, zone=zone, rrule=f"FREQ=WEEKLY;BYDAY={WEEKDAYS[day.weekday()]}", skip_holidays=False,
        )
        await Cohort.update({Cohort.from_series: series_id, Cohort.series_day: day}).where(Cohort.id == cohort.id)
        made += 1
    return made


def cohort_label(day: date) -> str:
    """A made cohort's name, by the day it meets: 2026년 12월 10일 (names are the center's data, in Korean)."""
    return f"{day.year}년 {day.month}월 {day.day}일"


async def series_of(program_id: int) -> list[dict[str, Any]]:
    """The program's series, each with the last day it has made a cohort for (two queries)."""
    rows = await CohortSeries.select().where(CohortSeries.program == program_id).order_by(CohortSeries.id)
    made = await Cohort.select(Cohort.from_series, Cohort.series_day).where(Cohort.from_series.is_in([row["id"] for row in rows] or [0]))
    return [{**row, "made_until": max((cohort["series_day"] for cohort in made if cohort["from_series"] == row["id"]), default=None)} for row in rows]
