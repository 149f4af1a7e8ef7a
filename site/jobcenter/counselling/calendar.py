"""The free times of a place as the booking page shows them: the days of the window that have any,
and the chosen day's times."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter.counselling.slots import Slot, booking_window, free_slots
from jobcenter.counselling.tables import CounsellingPlace


@dataclass(frozen=True)
class PlaceDays:
    """A place's free times: how many on each day that has any, and the chosen day's."""

    place: dict[str, Any]
    days: list[tuple[date, int]]
    day: date | None
    times: list[Slot]


async def place_days(place: dict[str, Any], wanted: date | None, *, now: datetime, zone: str) -> PlaceDays:
    """The days with free times in the window; the day asked for when it has any (the first one
    otherwise), with its times."""
    first, last = booking_window(now, zone)
    slots = await free_slots(place["id"], first, last, now=now, zone=zone)
    tz = ZoneInfo(zone)
    counts = Counter(slot.starts_at.astimezone(tz).date() for slot in slots)
    days = sorted(counts.items())
    day = wanted if wanted in counts else (days[0][0] if days else None)
    return PlaceDays(place=place, days=days, day=day, times=[slot for slot in slots if slot.starts_at.astimezone(tz).date() == day])


async def places_with_next_time(*, now: datetime, zone: str) -> list[tuple[dict[str, Any], Slot | None]]:
    """Every place people can book, in order, with its next free time (None: nothing free soon)."""
    first, last = booking_window(now, zone)
    places = await CounsellingPlace.select().where(CounsellingPlace.active.eq(True)).order_by(CounsellingPlace.position).order_by(
        CounsellingPlace.id)
    found = []
    for place in places:
        slots = await free_slots(place["id"], first, last, now=now, zone=zone)
        found.append((place, slots[0] if slots else None))
    return found
