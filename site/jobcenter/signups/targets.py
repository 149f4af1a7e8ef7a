"""What a seat pool belongs to (a program cohort or an event occurrence), for eligibility and for
telling people what they signed up for. A seat pool knows nothing of its owner; this is the one
place that looks it up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from zoneinfo import ZoneInfo

from jobcenter.catalog.tables import Cohort
from jobcenter.events.tables import EventOccurrence, OccurrenceStatus



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
    kind: str
    owner_id: int
    cancelled: bool = False
    """An event date the center cancelled (its applications stay, to show who was told)."""


async def targets_of(pool_ids: list[int], zone: str) -> dict[int, Target]:
    """The targets of several pools in two queries (cohorts, then occurrences), whatever their number."""
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
    targets = {
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
        )
        for row in rows
    }
    occurrences = await EventOccurrence.select(
        EventOccurrence.id,
        EventOccurrence.seat_pool,
        EventOccurrence.starts_at,
        EventOccurrence.ends_at,
        EventOccurrence.place,
        EventOccurrence.status,
        EventOccurrence.series.title.as_alias("title"),
    ).where(EventOccurrence.seat_pool.is_in(pool_ids))
    for row in occurrences:
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


async def target_of(pool_id: int, zone: str) -> Target | None:
    return (await targets_of([pool_id], zone)).get(pool_id)
