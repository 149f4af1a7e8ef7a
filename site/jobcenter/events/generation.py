"""Occurrences from series: generated ahead for a horizon, extended by the housekeeping job, and
regenerated when a series changes without losing what people or staff put into single dates."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter.db import locking
from jobcenter.events.tables import EventOccurrence, EventSeries
from jobcenter.schedule.days_off import closures_between
from jobcenter.schedule.recurrence import rule_days, span
from jobcenter.signups.pools import delete_pool, has_applications, new_pool

HORIZON = timedelta(days=180)
"""How far ahead occurrences exist as rows."""
REGISTRATION_OPENS_DAYS_BEFORE = 14


def occurrence_uid(series_id: int, rule_day: date) -> str:
    """Stable across regenerations: the series and the day its rule gave, never the (movable) time."""
    return f"series-{series_id}-{rule_day.isoformat()}@jobcenter"


async def _seat_pool_for(capacity: int, first_day: date, starts_at: datetime, zone: str) -> int:
    tz = ZoneInfo(zone)
    return await new_pool(
        capacity=capacity,
        opens_at=datetime.combine(first_day - timedelta(days=REGISTRATION_OPENS_DAYS_BEFORE), time(9), tzinfo=tz),
        closes_at=min(starts_at, datetime.combine(first_day - timedelta(days=1), time(18), tzinfo=tz)),
        cancellable_until=datetime.combine(first_day, time(0), tzinfo=tz),
    )


async def _has_registrations(occurrence: dict[str, Any]) -> bool:
    if occurrence["seat_pool"] is None:
        return False
    return await has_applications(occurrence["seat_pool"])


async def generate(series_id: int, *, today: date, zone: str, horizon: timedelta = HORIZON) -> None:
    """Bring the series' future occurrences in line with its rule, up to the horizon.

    Missing dates are added; unedited future dates follow the series' times and place (their
    SEQUENCE goes up when that changes them); dates the rule no longer gives are removed, unless
    someone registered for them or staff edited them by hand: those are kept as they are. The
    series is locked first: two processes sweeping at once take turns, and the second finds the
    dates the first added."""
    async with EventSeries._meta.db.transaction():
        series = await locking(EventSeries.select().where(EventSeries.id == series_id)).first()
        assert series is not None, "called for a series just saved"
        until = min(today + horizon, series["last_day"] or today + horizon)
        closed = await closures_between(today, until)
        wanted = rule_days(series["rrule"], series["first_day"], today, until, skip_holidays=series["skip_holidays"], closed=closed)
        existing = {
            row["rule_day"]: row
            for row in await EventOccurrence.select().where(
                EventOccurrence.series == series_id, EventOccurrence.rule_day >= today
            )
        }
        for day in wanted:
            starts_at, ends_at = span(day, series["start_time"], series["end_time"], series["days"], zone)
            current = existing.get(day)
            if current is None:
                pool_id = await _seat_pool_for(series["capacity"], day, starts_at, zone) if series["capacity"] else None
                await EventOccurrence(
                    series=series_id,
                    rule_day=day,
                    uid=occurrence_uid(series_id, day),
                    starts_at=starts_at,
                    ends_at=ends_at,
                    place=series["place"],
                    seat_pool=pool_id,
                ).save()
            elif not current["edited"] and (
                current["starts_at"] != starts_at or current["ends_at"] != ends_at or current["place"] != series["place"]
            ):
                await EventOccurrence.update(
                    {
                        EventOccurrence.starts_at: starts_at,
                        EventOccurrence.ends_at: ends_at,
                        EventOccurrence.place: series["place"],
                        EventOccurrence.sequence: EventOccurrence.sequence + 1,
                    }
                ).where(EventOccurrence.id == current["id"])
        for day, occurrence in existing.items():
            if day not in wanted and not occurrence["edited"] and not await _has_registrations(occurrence):
                await EventOccurrence.delete().where(EventOccurrence.id == occurrence["id"])
                if occurrence["seat_pool"]:
                    await delete_pool(occurrence["seat_pool"])


async def extend_all(*, today: date, zone: str) -> None:
    """The periodic job: every series has its occurrences up to the horizon."""
    for series in await EventSeries.select(EventSeries.id):
        await generate(series["id"], today=today, zone=zone)
