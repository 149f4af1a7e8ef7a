"""What a seat pool belongs to, for eligibility and for telling people what they signed up for.

A seat pool knows nothing of its owner; this is the one place that looks it up. The calendar's
event occurrences will be found here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from jobcenter.catalog.tables import Cohort


@dataclass(frozen=True)
class Target:
    """The thing a seat pool's seats are for."""

    pool_id: int
    title: str
    label: str
    starts_on: date
    start_time: time
    ends_on: date
    end_time: time
    place: str
    min_age: int | None
    max_age: int | None
    path: str


async def targets_of(pool_ids: list[int]) -> dict[int, Target]:
    """The targets of several pools in one query."""
    if not pool_ids:
        return {}
    rows = await Cohort.select(
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
    ).where(Cohort.seat_pool.is_in(pool_ids))
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
        )
        for row in rows
    }


async def target_of(pool_id: int) -> Target | None:
    return (await targets_of([pool_id])).get(pool_id)
