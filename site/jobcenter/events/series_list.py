"""What the back office reads about series: a page of them with each one's next date, and the
coming dates of one series, each in a fixed number of queries."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from jobcenter.events.tables import EventOccurrence, EventSeries, OccurrenceStatus


async def series_page(*, page: int, page_size: int, now: datetime) -> tuple[list[dict[str, Any]], int]:
    """One page of series by category and title, each with `next` (its next scheduled date's
    id and start, or None), and how many series there are in all."""
    rows = await EventSeries.select(
        EventSeries.id, EventSeries.category, EventSeries.title, EventSeries.rrule, EventSeries.skip_holidays
    ).order_by(EventSeries.category).order_by(EventSeries.title).order_by(EventSeries.id).limit(page_size).offset((page - 1) * page_size)
    total = await EventSeries.count()
    upcoming = await EventOccurrence.select(EventOccurrence.id, EventOccurrence.series, EventOccurrence.starts_at).where(
        EventOccurrence.series.is_in([row["id"] for row in rows] or [0]),
        EventOccurrence.starts_at >= now,
        EventOccurrence.status == OccurrenceStatus.scheduled.value,
    ).order_by(EventOccurrence.starts_at)
    next_by_series: dict[int, dict[str, Any]] = {}
    for occurrence in upcoming:
        next_by_series.setdefault(occurrence["series"], occurrence)
    return [{**row, "next": next_by_series.get(row["id"])} for row in rows], total


async def coming_occurrences(series_id: int, now: datetime, limit: int = 30) -> list[dict[str, Any]]:
    """The series' dates that are not over yet, cancelled and moved ones included, with their registrations."""
    return await EventOccurrence.select(
        EventOccurrence.id, EventOccurrence.starts_at, EventOccurrence.place, EventOccurrence.status,
        EventOccurrence.edited, EventOccurrence.moved_from, EventOccurrence.seat_pool,
        EventOccurrence.seat_pool.confirmed_count.as_alias("confirmed"),
        EventOccurrence.seat_pool.waitlisted_count.as_alias("waitlisted"),
        EventOccurrence.seat_pool.capacity.as_alias("capacity"),
    ).where(EventOccurrence.series == series_id, EventOccurrence.ends_at > now).order_by(EventOccurrence.starts_at).limit(limit)


async def series_of(occurrence_id: int) -> int | None:
    """The series an occurrence belongs to (the occurrence's page links back to it)."""
    row = await EventOccurrence.select(EventOccurrence.series).where(EventOccurrence.id == occurrence_id).first()
    return row["series"] if row else None
