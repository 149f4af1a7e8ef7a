"""Reading events: one event, the events of one day and the next ones, and what an event date's
seat pool is for (signups asks: signups/targets.py). The month calendar is in events/month.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter.errors import NotFound
from jobcenter.events.month import local_day_bounds
from jobcenter.events.tables import EventCompany, EventOccurrence, OccurrenceStatus
from jobcenter.rows import RowView
from jobcenter.signups.pools import pool_of, pools_by_id
from jobcenter.signups.targets import Target
from jobcenter.web.paging import Paged, page_within


class EventNotFound(NotFound):
    """No occurrence has that id."""


@dataclass(frozen=True)
class OccurrenceView(RowView):
    """An occurrence with its series' details, its seat pool (or None) and the companies hiring."""

    row: dict[str, Any]
    pool: dict[str, Any] | None
    companies: list[dict[str, Any]]


async def events_of_day(day: date, zone: str) -> list[dict[str, Any]]:
    """The dates under way at any time on `day` (in the center's zone), by start, with their seats
    filled and whether they are cancelled."""
    start, end = local_day_bounds(day, day, zone)
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


INTERVIEW_CATEGORIES = ["job_fair", "hiring_day", "standing_interview", "accompanied_interview", "job_bus"]
"""The events where companies interview people (a job posting may point to one)."""


async def interview_dates(now: datetime, days: int) -> list[dict[str, Any]]:
    """The coming dates of events where companies interview, the soonest first."""
    return await EventOccurrence.select(
        EventOccurrence.id, EventOccurrence.starts_at, EventOccurrence.series.title.as_alias("title"),
    ).where(
        EventOccurrence.starts_at >= now, EventOccurrence.starts_at < now + timedelta(days=days), EventOccurrence.status == "scheduled",
        EventOccurrence.series.category.is_in(INTERVIEW_CATEGORIES),
    ).order_by(EventOccurrence.starts_at)


async def occurrence_brief(occurrence_id: int) -> dict[str, Any] | None:
    """An event date's day, title and state, for a link to it; None when there is none."""
    return await EventOccurrence.select(
        EventOccurrence.id, EventOccurrence.starts_at, EventOccurrence.status, EventOccurrence.series.title.as_alias("title"),
    ).where(EventOccurrence.id == occurrence_id).first()


async def occurrences_between(first: date, last: date, *, zone: str, category: str | None, page: int, page_size: int) -> Paged:
    """The dates under way at any time from `first` to `last` (days in the center's zone), by start,
    cancelled ones included (they say so), with their series and their seat pool's counters: one
    page of them (a page past the last shows the last)."""
    start, end = local_day_bounds(first, last, zone)
    conditions = [EventOccurrence.starts_at < end, EventOccurrence.ends_at >= start]  # as the month counts them
    if category:
        conditions.append(EventOccurrence.series.category == category)
    total = await EventOccurrence.count().where(*conditions)
    page = page_within(page, total, page_size)
    rows = await EventOccurrence.select(
        *EventOccurrence.all_columns(), EventOccurrence.series.title.as_alias("title"),
        EventOccurrence.series.category.as_alias("category"),
    ).where(*conditions).order_by(EventOccurrence.starts_at).order_by(EventOccurrence.id).limit(page_size).offset((page - 1) * page_size)
    pools = await pools_by_id([row["seat_pool"] for row in rows if row["seat_pool"]])
    shown = [{**row, "pool": pools.get(row["seat_pool"]), "cancelled": row["status"] == OccurrenceStatus.cancelled.value} for row in rows]
    return Paged(rows=shown, total=total, page=page, page_size=page_size, query={})
