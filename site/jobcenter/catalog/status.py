"""Where a cohort stands, derived from the clock: never stored, so it is never stale."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
from enum import Enum
from zoneinfo import ZoneInfo

from jobcenter.i18n import N_


class Status(str, Enum):
    """Application status as a citizen reads it; ordered from most to least useful to them."""

    open = "open"
    upcoming = "upcoming"
    closed = "closed"
    ended = "ended"


STATUS_LABELS = {
    Status.open: N_("Open for applications"),
    Status.upcoming: N_("Opening soon"),
    Status.closed: N_("Applications closed"),
    Status.ended: N_("Finished"),
}


def cohort_status(
    *,
    opens_at: datetime,
    closes_at: datetime,
    ends_on: date,
    end_time: time,
    now: datetime,
    zone: str,
) -> Status:
    """Opening soon before `opens_at`; open from `opens_at` up to `closes_at` (exclusive);
    then closed until the last session ends in the center's zone; then finished."""
    if now < opens_at:
        return Status.upcoming
    if now < closes_at:
        return Status.open
    if now < datetime.combine(ends_on, end_time, tzinfo=ZoneInfo(zone)):
        return Status.closed
    return Status.ended


def program_status(cohort_statuses: Iterable[Status]) -> Status | None:
    """A program is as open as its most open cohort; None when no cohort is scheduled yet."""
    order = list(Status)
    statuses = sorted(cohort_statuses, key=order.index)
    return statuses[0] if statuses else None
