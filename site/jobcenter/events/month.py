"""The calendar as people read it: a month of events, program sessions, public holidays and
closure days, day by day in the center's zone, with the week its agenda shows; and one day whole.

A month costs the same four queries however full it is: its closure days, its occurrences (with
their series), the sessions of cohorts held in it, and the list of places for the filter.
"""

from __future__ import annotations

import calendar as month_math
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter.catalog.tables import Category, CohortSession, SessionStatus
from jobcenter.events.tables import EventCategory, EventOccurrence
from jobcenter.schedule.days_off import closures_between
from jobcenter.schedule.recurrence import holiday_name
from jobcenter.web.form_input import EARLIEST_YEAR, LATEST_YEAR

PROGRAM = "program"
"""The category of program sessions shown in the calendar (they are not events)."""
CELL_ENTRIES = 3
"""Entries a day of the month grid lists before "+N more", so that a busy month stays a few screens tall."""


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
    at: time | None = None
    """For the note at a moved date's old day: the time it had there (others are listed at their start)."""

    @property
    def order(self) -> time:
        return self.at or (self.starts_at.time() if self.starts_at else time(0))


@dataclass
class Day:
    day: date
    in_month: bool
    is_today: bool
    holiday: str | None
    entries: list[Entry] = field(default_factory=list)

    @property
    def shown(self) -> list[Entry]:
        """What a cell of the month grid lists; the rest are on the day's own page."""
        return self.entries[:CELL_ENTRIES]

    @property
    def more(self) -> int:
        return max(0, len(self.entries) - CELL_ENTRIES)


@dataclass(frozen=True)
class MonthView:
    """A month's weeks (Sunday to Saturday, with the days of the months around it that share them),
    and the one week the agenda shows (phones list a week at a time: a month is 30 screens)."""

    first_day: date
    weeks: list[list[Day]]
    places: list[str]
    agenda_week: int = 0
    """Index into `weeks`."""

    @property
    def agenda_days(self) -> list[Day]:
        return [day for day in self.weeks[self.agenda_week] if day.entries or day.holiday]

    @property
    def previous_week(self) -> tuple[date, int] | None:
        """(first day of its month, week number from 1) of the week before the agenda's."""
        if self.agenda_week > 0:
            return self.first_day, self.agenda_week
        if self.previous_month is None:
            return None
        weeks = len(_weeks_of(self.previous_month))
        shared = self.weeks[0][0].day.month != self.first_day.month  # the first week is also its last
        return self.previous_month, weeks - 1 if shared else weeks

    @property
    def next_week(self) -> tuple[date, int] | None:
        """(first day of its month, week number from 1) of the week after the agenda's."""
        if self.agenda_week < len(self.weeks) - 1:
            return self.first_day, self.agenda_week + 2
        if self.next_month is None:
            return None
        shared = self.weeks[-1][-1].day.month != self.first_day.month  # the last week is also its first
        return self.next_month, 2 if shared else 1

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


def local_day_bounds(first: date, last: date, zone: str) -> tuple[datetime, datetime]:
    tz = ZoneInfo(zone)
    return datetime.combine(first, time(0), tzinfo=tz), datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz)


def _weeks_of(first_day: date) -> list[list[date]]:
    """Weeks from Sunday to Saturday, as Korean wall calendars show them."""
    return month_math.Calendar(firstweekday=6).monthdatescalendar(first_day.year, first_day.month)


def _grid(first_day: date, today: date) -> tuple[list[list[Day]], dict[date, Day]]:
    weeks_source = _weeks_of(first_day)
    weeks = [
        [Day(day=day, in_month=day.month == first_day.month, is_today=day == today, holiday=holiday_name(day)) for day in week]
        for week in weeks_source
    ]
    return weeks, {day.day: day for week in weeks for day in week}


async def month_view(
    first_day: date, *, today: date, zone: str, category: str | None = None, place: str | None = None, week: int | None = None
) -> MonthView:
    """Everything that happens in a month, day by day, in the center's zone; the agenda shows
    `week` (from 1; out of range or None: the week of today in this month, else the first)."""
    weeks, by_day = _grid(first_day, today)
    await _fill(by_day, weeks[0][0].day, weeks[-1][-1].day, zone=zone, category=category, place=place)
    places = sorted({row["place"] for row in await EventOccurrence.select(EventOccurrence.place).distinct()})
    if week is None or not 1 <= week <= len(weeks):
        week = next((number for number, days in enumerate(weeks, 1) if any(day.is_today and day.in_month for day in days)), 1)
    return MonthView(first_day=first_day, weeks=weeks, places=places, agenda_week=week - 1)


async def day_view(day: date, *, today: date, zone: str, category: str | None = None, place: str | None = None) -> Day:
    """Everything that happens on one day (a cell of the month grid shows the first few)."""
    shown = Day(day=day, in_month=True, is_today=day == today, holiday=holiday_name(day))
    await _fill({day: shown}, day, day, zone=zone, category=category, place=place)
    return shown


async def _fill(by_day: dict[date, Day], first: date, last: date, *, zone: str, category: str | None, place: str | None) -> None:
    """The closure days, event dates and sessions from `first` to `last` into their days, each day in time order."""
    for closed_day, reason in (await closures_between(first, last)).items():
        by_day[closed_day].holiday = by_day[closed_day].holiday or reason
    window_start, window_end = local_day_bounds(first, last, zone)
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
        sessions = CohortSession.select(
            CohortSession.starts_at, CohortSession.place, CohortSession.status, CohortSession.note, CohortSession.moved_from,
            CohortSession.cohort._.program.as_alias("program"), CohortSession.cohort.label.as_alias("label"),
            CohortSession.cohort._.program._.title.as_alias("title"), CohortSession.cohort._.program._.category.as_alias("program_category"),
        ).where(
            (CohortSession.starts_at >= window_start) & (CohortSession.starts_at < window_end)
            | (CohortSession.moved_from >= window_start) & (CohortSession.moved_from < window_end),
            CohortSession.cohort._.program._.published.eq(True),
        )
        if category == EventCategory.lecture.value:
            sessions = sessions.where(CohortSession.cohort._.program._.category == Category.lecture.value)
        if place:
            sessions = sessions.where(CohortSession.place == place)
        for row in await sessions:
            _place_session(row, by_day, tz)

    for day in by_day.values():
        day.entries.sort(key=lambda entry: entry.order)


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
        _place_moved_from(entry, row["moved_from"].astimezone(tz), by_day)


def _place_moved_from(entry: Entry, moved_from: datetime, by_day: dict[date, Day]) -> None:
    """On the day a date was moved from, a note of where it went (at the time it had)."""
    old_day = moved_from.date()
    if old_day in by_day and entry.starts_at is not None and old_day != entry.starts_at.date():
        by_day[old_day].entries.append(
            Entry(
                category=entry.category, title=entry.title, starts_at=None, place=entry.place, path=entry.path,
                moved_to=entry.starts_at, note=entry.note, at=moved_from.time(),
            )
        )


def _place_session(row: dict[str, Any], by_day: dict[date, Day], tz: ZoneInfo) -> None:
    starts = row["starts_at"].astimezone(tz)
    entry = Entry(
        # The monthly lecture is a program people sign up for, and a lecture on the calendar.
        category=EventCategory.lecture.value if row["program_category"] == Category.lecture.value else PROGRAM,
        title=f"{row['title']} ({row['label']})",
        starts_at=starts,
        place=row["place"],
        path=f"/programs/{row['program']}",
        cancelled=row["status"] == SessionStatus.cancelled.value,
        note=row["note"],
    )
    if starts.date() in by_day:
        by_day[starts.date()].entries.append(entry)
    if row["moved_from"] is not None:
        _place_moved_from(entry, row["moved_from"].astimezone(tz), by_day)

