"""Changing one occurrence by hand: cancel it or move it. The row stays, marked edited, so the
calendar and the feeds can say what happened at the old date."""

from __future__ import annotations

from datetime import datetime

from jobcenter.events.tables import EventOccurrence, OccurrenceStatus


async def cancel_occurrence(occurrence_id: int, reason: str) -> None:
    """Cancelled, with the reason shown at its date; its SEQUENCE goes up for calendar apps."""
    await EventOccurrence.update(
        {
            EventOccurrence.status: OccurrenceStatus.cancelled.value,
            EventOccurrence.note: reason[:300],
            EventOccurrence.edited: True,
            EventOccurrence.sequence: EventOccurrence.sequence + 1,
        }
    ).where(EventOccurrence.id == occurrence_id)


async def move_occurrence(occurrence_id: int, starts_at: datetime, ends_at: datetime, reason: str = "") -> None:
    """Moved to another time; the first original time is remembered to be shown at the old date."""
    current = await EventOccurrence.select(EventOccurrence.starts_at, EventOccurrence.moved_from).where(
        EventOccurrence.id == occurrence_id
    ).first()
    assert current is not None, "called for an occurrence that exists"
    await EventOccurrence.update(
        {
            EventOccurrence.starts_at: starts_at,
            EventOccurrence.ends_at: ends_at,
            EventOccurrence.moved_from: current["moved_from"] or current["starts_at"],
            EventOccurrence.note: reason[:300],
            EventOccurrence.edited: True,
            EventOccurrence.sequence: EventOccurrence.sequence + 1,
        }
    ).where(EventOccurrence.id == occurrence_id)
