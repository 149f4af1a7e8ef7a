"""Reading the calendar: a month of events, program cohorts and public holidays, one event, the
events of one day, and what an event date's seat pool is for (signups asks: signups/targets.py).

A month costs the same three queries however full it is: its occurrences (with their series),
the cohorts that meet in it, and the list of places for the filter.
"""

from __future__ import annotations

import calendar as month_math
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter.catalog.tables import Category, Cohort
from jobcenter.errors import NotFound
from jobcenter.events.recurrence import holiday_name
from jobcenter.events.tables import EventCategory, EventCompany, EventOccurrence, OccurrenceStatus
from jobcenter.rows import RowView
from jobcenter.signups.pools import pool_of
from jobcenter.signups.targets import Target
from jobcenter.web.form_input import EARLIEST_YEAR, LATEST_YEAR

PROGRAM = "program"
"""The category of program cohorts shown in the calendar (they are not events)."""


class EventNotFound(NotFound):
    """No occurrence has that id."""


@dataclass(frozen=True)
class Entry:
    """One thing on one day of the calendar."""

    category: str
    title: str
    starts_at: datetime | None
    place: str
    path: str
    cancelled: bool = False
    moved_to: datetime | None = None
    note: str = ""


@dataclass
class Day:
    day: date
    in_month: bool
    is_today: bool
    holiday: str | None
    entries: list[Entry] = field(default_factory=list)


@dataclass(frozen=True)
class MonthView:
    first_day: date
    weeks: list[list[Day]]
    places: list[str]

    @property
    def days_with_entries(self) -> list[Day]:
        return [day for week in self.weeks for day in week if day.in_month and (day.entries or day.holiday)]

    @property
    def previous_month(self) -> date | None:
        """The month before; None for the first month the calendar answers (January 2000)."""
        earlier = (self.first_day - timedelta(days=1)).replace(day=1)
        return earlier if earlier.year >= EARLIEST_YEAR else None

    @property
    def next_month(self) -> date | None:
        """The month after; None for the last month the calendar answers (December 2100)."""
        later = (self.first_day + timedelta(days=32)).replace(day=1)
        return later if later.year <= LATEST_YEAR else None


@dataclass(frozen=True)
class OccurrenceView(RowView):
    """An occurrence with its series' details, its seat pool (or None) and the companies hiring."""

    row: dict[str, Any]
    pool: dict[str, Any] | None
    companies: list[dict[str, Any]]


def _local_day_bounds(first: date, last: date, zone: str) -> tuple[datetime, datetime]:
    tz = ZoneInfo(zone)
    return datetime.combine(first, time(0), tzinfo=tz), datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz)


def _grid(first_day: date, today: date) -> tuple[list[list[Day]], dict[date, Day]]:
    """Weeks from Sunday to Saturday, as Korean wall calendars show them."""
    weeks_source = month_math.Calendar(firstweekday=6).monthdatescalendar(first_day.year, first_day.month)
    weeks = [
        [Day(day=day, in_month=day.month == first_day.month, is_today=day == today, holiday=holiday_name(day)) for day in week]
        for week in weeks_source
    ]
    return weeks, {day.day: day for week in weeks for day in week}


async def month_view(first_day: date, *, today: date, zone: str, category: str | None = None, place: str | None = None) -> MonthView:
    """Everything that happens in a month, day by day, in the center's zone."""
    weeks, by_day = _grid(first_day, today)
    grid_first, grid_last = weeks[0][0].day, weeks[-1][-1].day
    window_start, window_end = _local_day_bounds(grid_first, grid_last, zone)
    tz = ZoneInfo(zone)

    if category != PROGRAM:
        query = EventOccurrence.select(
            *EventOccurrence.all_columns(), EventOccurrence.series.category, EventOccurrence.series.title
        ).where(
            (EventOccurrence.starts_at < window_end) & (EventOccurrence.ends_at >= window_start)
            | (EventOccurrence.moved_from >= window_start) & (EventOccurrence.moved_from < window_end)
        )
        if category:
            query = query.where(EventOccurrence.series.category == category)
        if place:
            query = query.where(EventOccurrence.place == place)
        for row in await query.order_by(EventOccurrence.starts_at):
            _place_occurrence(row, by_day, tz)

    if category in (None, PROGRAM, EventCategory.lecture.value):
        cohorts = Cohort.select(
            Cohort.program, Cohort.label, Cohort.starts_on, Cohort.ends_on, Cohort.start_time, Cohort.place,
            Cohort.program.title.as_alias("title"), Cohort.program.category.as_alias("program_category"),
        ).where(Cohort.starts_on <= grid_last, Cohort.ends_on >= grid_first, Cohort.program._.published.eq(True))
        if category == EventCategory.lecture.value:
            cohorts = cohorts.where(Cohort.program.category == Category.lecture.value)
        if place:
            cohorts = cohorts.where(Cohort.place == place)
        for row in await cohorts.order_by(Cohort.start_time):
            _place_cohort(row, by_day, tz)

    places = sorted(
        {row["place"] for row in await EventOccurrence.select(EventOccurrence.place).distinct()}
    )
    return MonthView(first_day=first_day, weeks=weeks, places=places)


def _place_occurrence(row: dict[str, Any], by_day: dict[date, Day], tz: ZoneInfo) -> None:
    starts, ends = row["starts_at"].astimezone(tz), row["ends_at"].astimezone(tz)
    entry = Entry(
        category=row["series.category"],
        title=row["series.title"],
        starts_at=starts,
        place=row["place"],
        path=f"/events/{row['id']}",
        cancelled=row["status"] == "cancelled",
        note=row["note"],
    )
    day = starts.date()
    while day <= ends.date():
        if day in by_day:
            by_day[day].entries.append(entry)
        day += timedelta(days=1)
    if row["moved_from"] is not None:
        old_day = row["moved_from"].astimezone(tz).date()
        if old_day in by_day and old_day != starts.date():
            by_day[old_day].entries.append(
                Entry(
                    category=entry.category, title=entry.title, starts_at=None, place=entry.place, path=entry.path,
                    moved_to=starts, note=entry.note,
                )
            )


def _place_cohort(row: dict[str, Any], by_day: dict[date, Day], tz: ZoneInfo) -> None:
    day = row["starts_on"]
    while day <= row["ends_on"]:
        if day in by_day:
            by_day[day].entries.append(
                Entry(
                    # The monthly lecture is a program people sign up for, and a lecture on the calendar.
                    category=EventCategory.lecture.value if row["program_category"] == Category.lecture.value else PROGRAM,
                    title=f"{row['title']} ({row['label']})",
                    starts_at=datetime.combine(day, row["start_time"], tzinfo=tz),
                    place=row["place"],
                    path=f"/programs/{row['program']}",
                )
            )
        day += timedelta(days=1)


async def events_of_day(day: date, zone: str) -> list[dict[str, Any]]:
    """The dates under way at any time on `day` (in the center's zone), by start, with their seats
    filled and whether they are cancelled."""
    start, end = _local_day_bounds(day, day, zone)
    rows = await EventOccurrence.select(
        EventOccurrence.id, EventOccurrence.starts_at, EventOccurrence.place, EventOccurrence.status,
        EventOccurrence.series.title.as_alias("title"),
        EventOccurrence.seat_pool.confirmed_count.as_alias("confirmed"),
        EventOccurrence.seat_pool.capacity.as_alias("capacity"),
    ).where(EventOccurrence.starts_at < end, EventOccurrence.ends_at > start).order_by(EventOccurrence.starts_at)
    return [{**row, "cancelled": row["status"] == OccurrenceStatus.cancelled.value} for row in rows]


async def upcoming_events(now: datetime, limit: int) -> list[dict[str, Any]]:
    """The next scheduled events, for the home page."""
    return await EventOccurrence.select(
        EventOccurrence.id, EventOccurrence.starts_at, EventOccurrence.place,
        EventOccurrence.series.title.as_alias("title"), EventOccurrence.series.category.as_alias("category"),
    ).where(EventOccurrence.starts_at >= now, EventOccurrence.status == "scheduled").order_by(EventOccurrence.starts_at).limit(limit)


async def get_occurrence(occurrence_id: int) -> OccurrenceView:
    """One occurrence with everything its page shows; EventNotFound otherwise."""
    row = await EventOccurrence.select(
        *EventOccurrence.all_columns(), *EventOccurrence.series.all_columns(exclude=[EventOccurrence.series.id])
    ).where(EventOccurrence.id == occurrence_id).first()
    if row is None:
        raise EventNotFound(occurrence_id)
    pool = await pool_of(row["seat_pool"]) if row["seat_pool"] else None
    companies = await EventCompany.select().where(EventCompany.occurrence == occurrence_id).order_by(EventCompany.name)
    series = {key.removeprefix("series."): value for key, value in row.items() if key.startswith("series.")}
    return OccurrenceView(row={**row, "series": series}, pool=pool, companies=companies)


TARGET_COLUMNS = (
    EventOccurrence.id,
    EventOccurrence.seat_pool,
    EventOccurrence.starts_at,
    EventOccurrence.ends_at,
    EventOccurrence.place,
    EventOccurrence.status,
    EventOccurrence.series.title.as_alias("title"),
)
"""Built once: every application reads them, and Piccolo's joined columns are costly to build."""


async def occurrence_pools_starting_on(day: date, zone: str) -> list[int]:
    """The pools of event dates that start on `day` in `zone` and are not cancelled (see signups/targets.py)."""
    start = datetime.combine(day, time(0), tzinfo=ZoneInfo(zone))
    rows = await EventOccurrence.select(EventOccurrence.seat_pool).where(
        EventOccurrence.starts_at >= start,
        EventOccurrence.starts_at < start + timedelta(days=1),
        EventOccurrence.seat_pool.is_not_null(),
        EventOccurrence.status != OccurrenceStatus.cancelled.value,
    )
    return [row["seat_pool"] for row in rows]


async def occurrence_targets(pool_ids: list[int], zone: str) -> dict[int, Target]:
    """What the pools among `pool_ids` that belong to event dates are for (see signups/targets.py),
    in one query."""
    rows = await EventOccurrence.select(*TARGET_COLUMNS).where(EventOccurrence.seat_pool.is_in(pool_ids))
    targets: dict[int, Target] = {}
    for row in rows:
        starts, ends = row["starts_at"].astimezone(ZoneInfo(zone)), row["ends_at"].astimezone(ZoneInfo(zone))
        targets[row["seat_pool"]] = Target(
            pool_id=row["seat_pool"],
            title=row["title"],
            label=starts.date().isoformat(),
            starts_on=starts.date(),
            start_time=starts.time(),
            ends_on=ends.date(),
            end_time=ends.time(),
            place=row["place"],
            min_age=None,
            max_age=None,
            path=f"/events/{row['id']}",
            kind="occurrence",
            owner_id=row["id"],
            cancelled=row["status"] == OccurrenceStatus.cancelled.value,
        )
    return targets
