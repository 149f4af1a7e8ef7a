"""What moving or cancelling one date asks of staff, for event dates and course sessions alike:
the new times, the reason (required: the people registered are told it), and the refusal when the
date cannot change any more."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter.i18n import N_
from jobcenter.web.form_input import FormReader

MOVE_FIELDS = ["move_day", "move_start_time", "move_end_time", "move_reason"]
"""The move form's fields in the order of the page (templates/schedule/_move_and_cancel.html)."""
NOTE_TOO_LONG = N_("Use 300 characters or fewer.")
"""The note a date keeps, its reason too (EventOccurrence.note, CohortSession.note)."""


class ChangeRefused(Exception):
    """The date cannot be changed any more; `message` is a msgid for the staff member."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def read_times(form: FormReader, prefix: str, first: date, days: int, zone: str) -> tuple[datetime, datetime] | None:
    """Start and end from `<prefix>start_time` and `<prefix>end_time`, on `first` and `days` later;
    None when one is missing or wrong (its problem noted)."""
    start = form.clock(f"{prefix}start_time", N_("Enter the start time, for example 10:00."))
    end = form.clock(f"{prefix}end_time", N_("Enter the end time, for example 16:00."))
    if start is None or end is None:
        return None
    tz = ZoneInfo(zone)
    starts_at = datetime.combine(first, start, tzinfo=tz)
    ends_at = datetime.combine(first + timedelta(days=days - 1), end, tzinfo=tz)
    if ends_at <= starts_at:
        form.fail(f"{prefix}end_time", N_("The end time must be after the start time."))
        return None
    return starts_at, ends_at


def read_reason(form: FormReader, name: str, note: Any) -> str:
    """Why the date moves or is cancelled (required): kept in the date's `note` column and sent to registrants."""
    return form.text(name, note, missing=N_("Enter the reason: the people registered are told it."), too_long=NOTE_TOO_LONG)


def read_new_day(
    form: FormReader, prefix: str, days: int, zone: str, *, now: datetime, current: tuple[datetime, datetime]
) -> tuple[datetime, datetime] | None:
    """A move's new day and times (`<prefix>day`, `<prefix>start_time`, `<prefix>end_time`): in the
    future, and not the ones the date has now."""
    day = form.day(f"{prefix}day", N_("Enter the new date, for example 2026-12-01."))
    span = read_times(form, prefix, day, days, zone) if day else None
    if span and span[0] <= now:
        form.fail(f"{prefix}day", N_("The new date and time must be in the future."))
    elif span and span == current:
        form.fail(f"{prefix}day", N_("This is the date and time it has now. Enter the new ones."))
    return span
