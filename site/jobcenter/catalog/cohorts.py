"""Cohorts and their seat pools: adding a cohort (its dates, days and place, the pool that holds its
seats and window, and its sessions), and telling signups what a cohort's pool is for (see signups/targets.py)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from jobcenter.catalog.sessions import generate_sessions
from jobcenter.catalog.tables import WEEKDAYS_RULE, Cohort
from jobcenter.signups.pools import new_pool
from jobcenter.signups.targets import Target


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
    rrule: str = WEEKDAYS_RULE,
    skip_holidays: bool = True,
    schedule_note: str = "",
    cancellable_until: datetime | None = None,
) -> Cohort:
    """Create the cohort, its seat pool and its sessions in one transaction."""
    async with Cohort._meta.db.transaction():
        pool_id = await new_pool(
            capacity=capacity,
            opens_at=opens_at,
            closes_at=closes_at,
            cancellable_until=cancellable_until or default_cancellation_deadline(starts_on, zone),
        )
        cohort = Cohort(
            program=program_id,
            label=label,
            starts_on=starts_on,
            ends_on=ends_on,
            start_time=start_time,
            end_time=end_time,
            rrule=rrule,
            skip_holidays=skip_holidays,
            schedule_note=schedule_note,
            place=place,
            seat_pool=pool_id,
        )
        await cohort.save()
        await generate_sessions(cohort.id, zone=zone)
    return cohort


TARGET_COLUMNS = (
    Cohort.id,
    Cohort.seat_pool,
    Cohort.label,
    Cohort.starts_on,
    Cohort.start_time,
    Cohort.ends_on,
    Cohort.end_time,
    Cohort.place,
    Cohort.program.id.as_alias("program_id"),
    Cohort.program.title.as_alias("title"),
    Cohort.program.min_age.as_alias("min_age"),
    Cohort.program.max_age.as_alias("max_age"),
)
"""Built once: every application reads them, and Piccolo's joined columns are costly to build."""


async def cohort_pools_starting_on(day: date, zone: str) -> list[int]:
    """The pools of cohorts that start on `day` (see signups/targets.py)."""
    return [row["seat_pool"] for row in await Cohort.select(Cohort.seat_pool).where(Cohort.starts_on == day)]


async def cohort_targets(pool_ids: list[int], zone: str) -> dict[int, Target]:
    """What the pools among `pool_ids` that belong to cohorts are for, in one query."""
    rows = await Cohort.select(*TARGET_COLUMNS).where(Cohort.seat_pool.is_in(pool_ids))
    return {
        row["seat_pool"]: Target(
            pool_id=row["seat_pool"],
            title=row["title"],
            label=row["label"],
            starts_on=row["starts_on"],
            start_time=row["start_time"],
            ends_on=row["ends_on"],
            end_time=row["end_time"],
            place=row["place"],
            min_age=row["min_age"],
            max_age=row["max_age"],
            path=f"/programs/{row['program_id']}",
            kind="cohort",
            owner_id=row["program_id"],
            attendance_path=f"/staff/programs/{row['program_id']}/cohorts/{row['id']}/attendance",
        )
        for row in rows
    }
