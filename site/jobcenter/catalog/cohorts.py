"""Adding a cohort: its dates and place, and the seat pool that holds its seats and window."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from jobcenter.catalog.tables import Cohort
from jobcenter.signups.tables import SeatPool


def default_cancellation_deadline(starts_on: date, zone: str) -> datetime:
    """People may cancel until the day before the first session ends (midnight in the center's zone)."""
    return datetime.combine(starts_on, time(0), tzinfo=ZoneInfo(zone))


async def add_cohort(
    *,
    program_id: int,
    label: str,
    starts_on: date,
    ends_on: date,
    start_time: time,
    end_time: time,
    place: str,
    capacity: int,
    opens_at: datetime,
    closes_at: datetime,
    zone: str,
    schedule_note: str = "",
    cancellable_until: datetime | None = None,
) -> Cohort:
    """Create the cohort and its seat pool in one transaction."""
    async with Cohort._meta.db.transaction():
        pool = SeatPool(
            capacity=capacity,
            opens_at=opens_at,
            closes_at=closes_at,
            cancellable_until=cancellable_until or default_cancellation_deadline(starts_on, zone),
        )
        await pool.save()
        cohort = Cohort(
            program=program_id,
            label=label,
            starts_on=starts_on,
            ends_on=ends_on,
            start_time=start_time,
            end_time=end_time,
            schedule_note=schedule_note,
            place=place,
            seat_pool=pool.id,
        )
        await cohort.save()
    return cohort
