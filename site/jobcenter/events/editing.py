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
from jobcenter.events.patterns import (
    Pattern,
    PatternInvalid,
    form_fields,
    from_rrule,
    read_pattern,
    to_rrule,
)
from jobcenter.events.preview import ComingDate, coming_dates
from jobcenter.events.tables import EventCategory, EventSeries
from jobcenter.i18n import N_
from jobcenter.signups.locking import seat_transaction
from jobcenter.signups.staff_actions import CapacityInvalid, parse_capacity
from jobcenter.web.form_input import FormInvalid, read_clock, read_day, read_int

TEXT_LIMITS = {
    "title": 200, "summary": 300, "description": 5000, "place": 200, "address": 200, "area": 200,
    "who_should_come": 1000, "what_to_bring": 1000,
}
"""The series' text fields and their longest length (the columns' lengths where they have one)."""
TOO_LONG = {200: N_("Use 200 characters or fewer."), 300: N_("Use 300 characters or fewer."),
            1000: N_("Use 1000 characters or fewer."), 5000: N_("Use 5000 characters or fewer.")}
REQUIRED = {"title": N_("Enter the title."), "place": N_("Enter the place.")}
CATEGORIES = [category.value for category in EventCategory]
MAX_DAYS = 14
FIELD_ORDER = [
    "title", "category", "summary", "description", "pattern", "weekdays", "ordinals", "months", "month_day", "rrule",
    "first_day", "start_time", "end_time", "days", "place", "address", "area", "who_should_come", "what_to_bring", "capacity",
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

    @property
    def rrule(self) -> str:
        return to_rrule(self.pattern)

    def coming(self, today: date) -> list[ComingDate]:
        return coming_dates(self.rrule, self.first_day, today, skip_holidays=self.skip_holidays)


def _ordered(errors: dict[str, str]) -> dict[str, str]:
    return {name: errors[name] for name in FIELD_ORDER if name in errors}


def read_schedule(data: dict[str, str], today: date) -> Schedule:
    """The schedule the form describes; FormInvalid naming each field that is missing or wrong,
    and the pattern when it gives no date in the next three years."""
    errors: dict[str, str] = {}
    pattern = None
    try:
        pattern = read_pattern(data)
    except PatternInvalid as invalid:
        errors.update(invalid.errors)
    first_day = read_day(data.get("first_day", ""))
    start_time, end_time = read_clock(data.get("start_time", "")), read_clock(data.get("end_time", ""))
    days_raw = data.get("days", "1").strip() or "1"
    days = read_int(days_raw, 1, MAX_DAYS)
    if first_day is None:
        errors["first_day"] = N_("Enter the first day as a date, for example 2026-12-01.")
    if start_time is None:
        errors["start_time"] = N_("Enter the start time, for example 10:00.")
    if end_time is None:
        errors["end_time"] = N_("Enter the end time, for example 16:00.")
    elif start_time and days == 1 and end_time <= start_time:
        errors["end_time"] = N_("The end time must be after the start time.")
    if days is None:
        errors["days"] = N_("Enter the number of days, from 1 to 14.")
    if errors:
        raise FormInvalid(_ordered(errors))
    assert pattern is not None and first_day is not None and start_time is not None and end_time is not None and days is not None, (
        "each of them recorded an error above otherwise"
    )
    schedule = Schedule(pattern, first_day, start_time, end_time, days, data.get("skip_holidays") == "1")
    if not any(not coming.skipped for coming in schedule.coming(today)):
        raise FormInvalid({"pattern": N_("This pattern gives no date in the next three years. Check the pattern and the first day.")})
    return schedule


def read_series(data: dict[str, str], today: date) -> dict[str, Any]:
    """The series' column values from the form, or FormInvalid with every problem at once."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    for name, limit in TEXT_LIMITS.items():
        text = data.get(name, "").strip()
        if name in REQUIRED and not text:
            errors[name] = REQUIRED[name]
        elif len(text) > limit:
            errors[name] = TOO_LONG[limit]
        values[name] = text
    values["category"] = data.get("category", "")
    if values["category"] not in CATEGORIES:
        errors["category"] = N_("Choose a category.")
    values["capacity"] = None
    if data.get("capacity", "").strip():
        try:
            values["capacity"] = parse_capacity(data["capacity"])
        except CapacityInvalid:
            errors["capacity"] = N_("Enter the number of seats as a whole number from 1 to 10000, or leave it empty.")
    try:
        schedule = read_schedule(data, today)
    except FormInvalid as invalid:
        raise FormInvalid(_ordered({**errors, **invalid.errors})) from None
    if errors:
        raise FormInvalid(_ordered(errors))
    return {
        **values,
        "rrule": schedule.rrule,
        "first_day": schedule.first_day,
        "start_time": schedule.start_time,
        "end_time": schedule.end_time,
        "days": schedule.days,
        "skip_holidays": schedule.skip_holidays,
    }


SERIES_COLUMNS = [*TEXT_LIMITS, "category", "capacity", "rrule", "first_day", "start_time", "end_time", "days", "skip_holidays"]


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
    values = {name: row[name] for name in TEXT_LIMITS}
    values.update(
        category=row["category"],
        capacity=str(row["capacity"] or ""),
        first_day=row["first_day"].isoformat(),
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
        # update() takes column names as keys, but Piccolo types the dict as dict[Column | str, Any], which refuses a dict[str, Any].
        await EventSeries.update(cast("dict[Column | str, Any]", {**values, "updated_at": now})).where(EventSeries.id == series_id)
        await generate(series_id, today=_local_today(now, zone), zone=zone)
        await record(actor, "series.update", "series", series_id, now=now, summary=values["title"], before=old, after=new)
