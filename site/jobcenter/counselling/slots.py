"""Free times (slots): each counsellor's patterns at a place, cut into slots, less public holidays
and closure days (always: the center is closed), leave, times the counsellor is booked (at any
place), and times past. A time is offered only if it comes from a pattern; a booking takes it at
most once (Booking.slot), and never while the counsellor is booked at another (bookings.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter.counselling.tables import Availability, Booking, Leave
from jobcenter.schedule.days_off import closures_between
from jobcenter.schedule.recurrence import rule_days

BOOKING_DAYS = 28
"""How far ahead times are offered: four weeks."""


@dataclass(frozen=True)
class Slot:
    """One free time with one counsellor at one place."""

    counsellor_id: int
    first_name: str
    place_id: int
    starts_at: datetime
    ends_at: datetime

    @property
    def key(self) -> str:
        return slot_key(self.counsellor_id, self.starts_at)


def slot_key(counsellor_id: int, starts_at: datetime) -> str:
    """What Booking.slot holds while the time is taken: the counsellor and the start in UTC."""
    return f"{counsellor_id}:{starts_at.astimezone(ZoneInfo('UTC')).strftime('%Y%m%dT%H%M')}"


def cut(day: date, start: time, end: time, minutes: int, zone: str) -> Iterable[tuple[datetime, datetime]]:
    """The slots of one day from `start` to `end`, `minutes` long (a last slot that would run past
    the end is left out)."""
    tz = ZoneInfo(zone)
    begins, finish = datetime.combine(day, start, tzinfo=tz), datetime.combine(day, end, tzinfo=tz)
    step = timedelta(minutes=minutes)
    while begins + step <= finish:
        yield begins, begins + step
        begins += step


def pattern_slots(pattern: dict[str, Any], first: date, last: date, *, closed: Iterable[date], zone: str) -> list[tuple[datetime, datetime]]:
    """The slots one availability pattern gives from `first` to `last` (days in the center's zone)."""
    start, end = max(first, pattern["first_day"]), min(last, pattern["last_day"] or last)
    if start > end:
        return []
    days = rule_days(pattern["rule"], pattern["first_day"], start, end, skip_holidays=True, closed=set(closed))
    return [slot for day in days for slot in cut(day, pattern["start_time"], pattern["end_time"], pattern["slot_minutes"], zone)]


def _overlaps(spans: list[dict[str, Any]], counsellor_id: int, starts_at: datetime, ends_at: datetime) -> bool:
    """Whether the counsellor is busy then: a time booked (at any place) or leave overlaps it."""
    return any(span["counsellor"] == counsellor_id and span["starts_at"] < ends_at and starts_at < span["ends_at"] for span in spans)


async def free_slots(place_id: int, first: date, last: date, *, now: datetime, zone: str, counsellor_id: int | None = None) -> list[Slot]:
    """Every free time at the place from `first` to `last`, in order of time (then counsellor)."""
    conditions = [Availability.place == place_id, Availability.first_day <= last, Availability.counsellor._.active == True]  # noqa: E712 - SQL
    if counsellor_id is not None:
        conditions.append(Availability.counsellor == counsellor_id)
    patterns = await Availability.select(
        *Availability.all_columns(), Availability.counsellor.first_name.as_alias("first_name")
    ).where(*conditions)
    patterns = [row for row in patterns if row["last_day"] is None or row["last_day"] >= first]
    if not patterns:
        return []
    tz = ZoneInfo(zone)
    window_start, window_end = datetime.combine(first, time(), tzinfo=tz), datetime.combine(last + timedelta(days=1), time(), tzinfo=tz)
    counsellors = list({row["counsellor"] for row in patterns})
    leave = await Leave.select(Leave.counsellor, Leave.starts_at, Leave.ends_at).where(
        Leave.counsellor.is_in(counsellors), Leave.starts_at < window_end, Leave.ends_at > window_start)
    taken = await Booking.select(Booking.counsellor, Booking.starts_at, Booking.ends_at).where(
        Booking.counsellor.is_in(counsellors), Booking.starts_at < window_end, Booking.ends_at > window_start, Booking.slot.is_not_null())
    closed = await closures_between(first, last)
    found: dict[str, Slot] = {}
    for pattern in patterns:
        for starts_at, ends_at in pattern_slots(pattern, first, last, closed=closed, zone=zone):
            slot = Slot(pattern["counsellor"], pattern["first_name"], place_id, starts_at, ends_at)
            if starts_at > now and not _overlaps(taken, slot.counsellor_id, starts_at, ends_at) and not _overlaps(
                    leave, slot.counsellor_id, starts_at, ends_at):
                found.setdefault(slot.key, slot)
    return sorted(found.values(), key=lambda slot: (slot.starts_at, slot.counsellor_id))


def booking_window(now: datetime, zone: str) -> tuple[date, date]:
    """The days on which times are offered: today to four weeks on (in the center's zone)."""
    today = now.astimezone(ZoneInfo(zone)).date()
    return today, today + timedelta(days=BOOKING_DAYS)

