"""Days off beyond the public holidays: the closure days staff set (임시공휴일, 선거일, 휴관일)."""

from __future__ import annotations

from datetime import date

from jobcenter.schedule.tables import Closure


async def closures_between(first: date, last: date) -> dict[date, str]:
    """Closure day -> its reason, from `first` to `last` inclusive."""
    rows = await Closure.select(Closure.day, Closure.reason).where(Closure.day >= first, Closure.day <= last)
    return {row["day"]: row["reason"] for row in rows}
