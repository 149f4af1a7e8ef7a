"""Staff create and change a whole series: the form's fields read and checked, the series saved
with its dates generated (events.generation) and an audit entry, all in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, cast
from zoneinfo import ZoneInfo

from piccolo.columns import Column

from jobcenter.audit.service import Actor, changed, record
from jobcenter.errors import NotFound
from jobcenter.events.generation import generate
from jobcenter.events.tables import EventCategory, EventOccurrence, EventSeries
from jobcenter.i18n import N_
from jobcenter.schedule.date_changes import ChangeRefused
from jobcenter.schedule.patterns import (
    Pattern,
    form_fields,
    from_rrule,
    pattern_from,
    to_rrule,
)
from jobcenter.schedule.preview import ComingDate, coming_dates
from jobcenter.schedule.recurrence import rule_days
from jobcenter.signups.locking import lock_pool, seat_transaction
from jobcenter.signups.pools import delete_pool, has_applications
from jobcenter.signups.roster_changes import read_capacity
from jobcenter.web.form_input import FormReader, max_length
from jobcenter.web.language import safe_return_path

TEXT_FIELDS: dict[str, Any] = {
    "title": EventSeries.title, "summary": EventSeries.summary, "description": EventSeries.description,
    "place": EventSeries.place, "address": EventSeries.address, "area": EventSeries.area,
    "who_should_come": 1000, "what_to_bring": 1000,
}
"""The series' text fields and what each holds: its column's length, FormReader's 5,000 for the
description (a Text column), and 1,000 for the two other Text columns."""
MULTILINE = {"description", "who_should_come", "what_to_bring"}
"""The text fields typed in a textarea: their line breaks are kept."""
TOO_LONG = {200: N_("Use 200 characters or fewer."), 300: N_("Use 300 characters or fewer."),
            1000: N_("Use 1000 characters or fewer."), 5000: N_("Use 5000 characters or fewer.")}
"""The message for text longer than its field holds, by that length."""
REQUIRED = {"title": N_("Enter the title."), "place": N_("Enter the place.")}
CATEGORIES = [category.value for category in EventCategory]
MAX_DAYS = 14
FIELD_ORDER = [
    "title", "category", "summary", "description", "pattern", "weekdays", "ordinals", "months", "month_day", "rrule",
    "first_day", "last_day", "start_time", "end_time", "days", "place", "address", "area", "who_should_come", "what_to_bring", "capacity",
    "booking_path",
]
"""The order of the fields on the page, which the error summary follows."""
SCHEDULE_FIELDS = FIELD_ORDER[FIELD_ORDER.index("pattern"):FIELD_ORDER.index("days") + 1]
"""The fields that say when the series happens: what the preview needs."""


class SeriesNotFound(NotFound):
    """No series has that id."""


@dataclass(frozen=True)
class Schedule:
    """When a series happens: what the preview needs, and the part of the series it shows."""

    pattern: Pattern
    first_day: date
    start_time: time
    end_time: time
    days: int
    skip_holidays: bool
    last_day: date | None = None

    @property
    def rrule(self) -> str:
        return to_rrule(self.pattern)

    def coming(self, today: date) -> list[ComingDate]:
        return coming_dates(self.rrule, self.first_day, today, skip_holidays=self.skip_holidays, last_day=self.last_day)


def _schedule(form: FormReader, today: date) -> Schedule | None:
    """The schedule the form describes, read into the caller's FormReader; None when a field is
    missing or wrong (its problem noted), or when the pattern gives no date in the next three years
    (noted on the pattern, once every other field of the schedule is right)."""
    pattern = pattern_from(form)
    first_day = form.day("first_day", N_("Enter the first day as a date, for example 2026-12-01."))
    last_day = form.day("last_day", N_("Enter the last day as a date, for example 2027-06-30, or leave it empty."), optional=True)
    if first_day and last_day and last_day < first_day:
        form.fail("last_day", N_("The last day must not be before the first day."))
    start_time = form.clock("start_time", N_("Enter the start time, for example 10:00."))
    end_time = form.clock("end_time", N_("Enter the end time, for example 16:00."))
    days = form.number("days", 1, MAX_DAYS, N_("Enter the number of days, from 1 to 14."), optional=True)
    if days is None and form.ok("days"):
        days = 1  # left empty: one day
    if start_time and end_time and days == 1 and end_time <= start_time:
        form.fail("end_time", N_("The end time must be after the start time."))
    if not form.ok(*SCHEDULE_FIELDS):
        return None
    schedule = Schedule(pattern, first_day, start_time, end_time, days, form.ticked("skip_holidays"), last_day)  # type: ignore[arg-type]
    if last_day is not None:  # an ended series, or one ending today, is still a series to keep or correct
        if not rule_days(schedule.rrule, first_day, first_day, last_day, skip_holidays=schedule.skip_holidays):  # type: ignore[arg-type]
            form.fail("pattern", N_("This pattern gives no date from the first day to the last. Check the pattern and the days."))
            return None
    elif not any(not coming.skipped for coming in schedule.coming(today)):
        form.fail("pattern", N_("This pattern gives no date in the next three years. Check the pattern and the first day."))
        return None
    return schedule


def read_schedule(data: dict[str, str], today: date) -> Schedule:
    """The schedule the form describes; FormInvalid naming each field that is missing or wrong,
    and the pattern when it gives no date in the next three years."""
    form = FormReader(data, order=FIELD_ORDER)
    schedule = _schedule(form, today)
    form.check()
    assert schedule is not None  # a schedule not read has its problem noted
    return schedule


def _booking_path(form: FormReader) -> str:
    """A path on this site (/counselling/2), or empty: never another site's address or a script."""
    path = form.text("booking_path", EventSeries.booking_path, too_long=N_("Use 200 characters or fewer."))
    if path and (safe_return_path(path) != path or any(ch in path for ch in " ?#\"'<>")):  # ?day= is added to it
        form.fail("booking_path", N_("Enter a page of this site starting with /, like /counselling/2, or leave it empty."))
        return ""
    return path


def read_series(data: dict[str, str], today: date) -> dict[str, Any]:
    """The series' column values from the form, or FormInvalid with every problem at once."""
    form = FormReader(data, order=FIELD_ORDER)
    values: dict[str, Any] = {
        name: form.text(name, column, missing=REQUIRED.get(name), too_long=TOO_LONG.get(max_length(column)), multiline=name in MULTILINE)
        for name, column in TEXT_FIELDS.items()
    }
    values["category"] = form.choice("category", EventCategory, N_("Choose a category."))
    values["capacity"] = read_capacity(
        form, message=N_("Enter the number of seats as a whole number from 1 to 10000, or leave it empty."), optional=True
    )
    values["booking_path"] = _booking_path(form)
    schedule = _schedule(form, today)
    form.check()
    assert schedule is not None  # a schedule not read has its problem noted
    return {
        **values,
        "rrule": schedule.rrule,
        "first_day": schedule.first_day,
        "last_day": schedule.last_day,
        "start_time": schedule.start_time,
        "end_time": schedule.end_time,
        "days": schedule.days,
        "skip_holidays": schedule.skip_holidays,
    }


SERIES_COLUMNS = [*TEXT_FIELDS, "category", "capacity", "booking_path", "rrule", "first_day", "last_day", "start_time", "end_time", "days",
                  "skip_holidays"]


async def _series(series_id: int) -> dict[str, Any]:
    row = await EventSeries.select(EventSeries.id, *(getattr(EventSeries, name) for name in SERIES_COLUMNS)).where(
        EventSeries.id == series_id
    ).first()
    if row is None:
        raise SeriesNotFound(series_id)
    return row


async def form_values(series_id: int) -> dict[str, str]:
    """A stored series as the form shows it; SeriesNotFound otherwise."""
    row = await _series(series_id)
    values = {name: row[name] for name in TEXT_FIELDS}
    values.update(
        category=row["category"],
        capacity=str(row["capacity"] or ""),
        booking_path=row["booking_path"],
        first_day=row["first_day"].isoformat(),
        last_day=row["last_day"].isoformat() if row["last_day"] else "",
        start_time=row["start_time"].strftime("%H:%M"),
        end_time=row["end_time"].strftime("%H:%M"),
        days=str(row["days"]),
        skip_holidays="1" if row["skip_holidays"] else "",
    )
    return {**values, **form_fields(from_rrule(row["rrule"]))}


def _local_today(now: datetime, zone: str) -> date:
    return now.astimezone(ZoneInfo(zone)).date()


async def create_series(values: dict[str, Any], *, actor: Actor, now: datetime, zone: str) -> int:
    """A new series and its dates up to the generation horizon; returns its id."""
    # One write transaction (BEGIN IMMEDIATE on SQLite): generating dates also creates seat pools.
    async with seat_transaction():
        (inserted,) = await EventSeries.insert(EventSeries(**values, created_at=now, updated_at=now)).returning(EventSeries.id)
        series_id = inserted["id"]
        await generate(series_id, today=_local_today(now, zone), zone=zone)
        await record(actor, "series.create", "series", series_id, now=now, summary=values["title"], after=values)
    return series_id


async def update_series(series_id: int, values: dict[str, Any], *, actor: Actor, now: datetime, zone: str) -> None:
    """The whole series changed: its future dates regenerated. Dates someone registered for or
    staff changed by hand are kept as they are (see generation.generate)."""
    async with seat_transaction():
        old, new = changed(await _series(series_id), values)
        if not new:
            return
        await EventSeries.update(cast("dict[Column | str, Any]", {**values, "updated_at": now})).where(EventSeries.id == series_id)
        await generate(series_id, today=_local_today(now, zone), zone=zone)
        await record(actor, "series.update", "series", series_id, now=now, summary=values["title"], before=old, after=new)


async def delete_series(series_id: int, *, actor: Actor, now: datetime) -> None:
    """The series, its dates, their seat pools and companies, while nobody has registered for any
    of its dates (cancelled registrations included: they are the record of whom the center told);
    ChangeRefused otherwise."""
    async with seat_transaction():
        series = await _series(series_id)
        pools = [row["seat_pool"] for row in await EventOccurrence.select(EventOccurrence.seat_pool).where(
            EventOccurrence.series == series_id, EventOccurrence.seat_pool.is_not_null())]
        for pool_id in pools:
            await lock_pool(pool_id)  # nobody registers between the check and the delete
            if await has_applications(pool_id):
                raise ChangeRefused(N_("Someone registered for a date of this series, so it cannot be deleted. Give it a last day, or cancel its dates."))
        dates = await EventOccurrence.count().where(EventOccurrence.series == series_id)
        await EventOccurrence.delete().where(EventOccurrence.series == series_id)
        for pool_id in pools:
            await delete_pool(pool_id)
        await EventSeries.delete().where(EventSeries.id == series_id)
        await record(actor, "series.delete", "series", series_id, now=now, summary=series["title"],
                     before={"title": series["title"], "rrule": series["rrule"], "dates": dates})
