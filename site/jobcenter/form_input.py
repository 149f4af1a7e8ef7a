"""Dates and times as staff type them in the back office's forms (the browser's date, time and
datetime-local inputs send ISO 8601: 2026-12-01, 10:00, 2026-12-01T10:00)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo


def read_day(raw: str) -> date | None:
    """The date typed, or None when it is not one (or not in this century)."""
    try:
        day = date.fromisoformat(raw.strip())
    except ValueError:
        return None
    return day if 2000 <= day.year <= 2100 else None


def read_clock(raw: str) -> time | None:
    """The time of day typed, to the minute, or None when it is not one."""
    try:
        return time.fromisoformat(raw.strip()).replace(second=0, microsecond=0, tzinfo=None)
    except ValueError:
        return None


def read_moment(raw: str, zone: str) -> datetime | None:
    """A date and time typed (2026-12-01T09:00), read in the center's zone; None when it is not one."""
    try:
        moment = datetime.fromisoformat(raw.strip())
    except ValueError:
        return None
    return moment.replace(tzinfo=ZoneInfo(zone), second=0, microsecond=0) if 2000 <= moment.year <= 2100 else None
