"""Loads the demo catalog into an empty database, never over existing data."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from jobcenter.catalog.cohorts import add_cohort
from jobcenter.catalog.tables import Program
from jobcenter.demo.programs import PROGRAMS, DemoCohort


async def _add_demo_cohort(program: Program, cohort: DemoCohort, today: datetime, zone: str) -> None:
    def at(offset_and_hour: tuple[int, int]) -> datetime:
        offset, hour = offset_and_hour
        return (today + timedelta(days=offset)).replace(hour=hour)

    first_day = (today + timedelta(days=cohort.first_day)).date()
    await add_cohort(
        program_id=program.id,
        label=cohort.label,
        starts_on=first_day,
        ends_on=first_day + timedelta(days=cohort.days - 1),
        start_time=cohort.start,
        end_time=cohort.end,
        schedule_note=cohort.schedule_note,
        place=cohort.place,
        capacity=cohort.capacity,
        opens_at=at(cohort.window.opens),
        closes_at=at(cohort.window.closes),
        zone=zone,
    )


async def load_demo_content(now: datetime, zone: str) -> int:
    """Insert the demo programs when there are none; returns how many were inserted."""
    engine = Program._meta.db
    async with engine.transaction():
        if await Program.count() > 0:
            return 0
        today = now.astimezone(ZoneInfo(zone)).replace(hour=0, minute=0, second=0, microsecond=0)
        for demo in PROGRAMS:
            program = Program(
                title=demo.title,
                audience=demo.audience,
                category=demo.category,
                summary=demo.summary,
                description=demo.description,
                eligibility=demo.eligibility,
                min_age=demo.min_age,
                max_age=demo.max_age,
                fee_won=demo.fee_won,
            )
            await program.save()
            for cohort in demo.cohorts:
                await _add_demo_cohort(program, cohort, today, zone)
    return len(PROGRAMS)
