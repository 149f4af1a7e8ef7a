"""Fair use of the sign-up, per person (applying needs a verified person, so it is never limited per
address: a lobby, a school or a mobile carrier puts many people behind one): how many applications
a person made in the last hour, and the courses they hold that meet at the same days and hours as
another. The seat service refuses by these (settings.Limits) before an application joins the queue."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from jobcenter.signups.tables import Application
from jobcenter.signups.targets import Target, targets_of

HOUR = timedelta(hours=1)
COURSE = "cohort"
"""The kind of target the overlap rule is for (an event date such as a job fair is a few hours)."""


def overlaps(one: Target, other: Target) -> bool:
    """Whether two courses meet on a common day at common hours (days and hours both overlap)."""
    days = one.starts_on <= other.ends_on and other.starts_on <= one.ends_on
    hours = one.start_time < other.end_time and other.start_time < one.end_time
    return days and hours


async def applications_in_the_last_hour(citizen_id: int, now: datetime) -> int:
    """Applications the person made in the hour before `now`, cancelled ones included."""
    return await Application.count().where(Application.citizen == citizen_id, Application.created_at > now - HOUR)


async def clashing_courses(citizen_id: int, target: Target, zone: str, active: Sequence[str]) -> list[Target]:
    """The courses the person holds a place in (`active` statuses) that overlap `target`, a course."""
    if target.kind != COURSE:
        return []
    held = await Application.select(Application.seat_pool).where(
        Application.citizen == citizen_id, Application.status.is_in(list(active)), Application.seat_pool != target.pool_id
    )
    others = await targets_of([row["seat_pool"] for row in held], zone)
    return [other for other in others.values() if other.kind == COURSE and not other.cancelled and overlaps(target, other)]
