"""Staff change one date of a series: its details (times, place, note), a move to another day, or
a cancellation. Each runs in one write transaction with the date's seat pool locked, so nobody
registers halfway through: the change, the message to every active registrant (outbox) and the
audit entry are written together or not at all."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter.audit.service import Actor, changed, record
from jobcenter.errors import NotFound
from jobcenter.events.occurrence_changes import cancel_occurrence, move_occurrence
from jobcenter.events.tables import EventOccurrence, OccurrenceStatus
from jobcenter.i18n import N_, format_moment
from jobcenter.schedule.date_changes import MOVE_FIELDS, NOTE_TOO_LONG, ChangeRefused, read_new_day, read_reason, read_times
from jobcenter.signups.locking import lock_pool, seat_transaction
from jobcenter.signups.pools import close_window_by, tell_registrants
from jobcenter.web.form_input import FormReader

DETAILS_FIELDS = ["start_time", "end_time", "place", "note"]
"""The details form's fields in the order of the page, which the error summary follows."""
PLACE_TOO_LONG = N_("Use 200 characters or fewer.")  # EventOccurrence.place


class OccurrenceNotFound(NotFound):
    """No occurrence has that id."""


def _span_days(row: dict[str, Any], zone: str) -> tuple[date, int]:
    tz = ZoneInfo(zone)
    first, last = row["starts_at"].astimezone(tz).date(), row["ends_at"].astimezone(tz).date()
    return first, (last - first).days + 1


async def _changeable(occurrence_id: int, now: datetime) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """Inside the write transaction: the occurrence (with its series' title) and its seat pool,
    locked; ChangeRefused when it is cancelled or over."""
    row = await EventOccurrence.select(*EventOccurrence.all_columns(), EventOccurrence.series.title.as_alias("title")).where(
        EventOccurrence.id == occurrence_id
    ).first()
    if row is None:
        raise OccurrenceNotFound(occurrence_id)
    if row["status"] == OccurrenceStatus.cancelled.value:
        raise ChangeRefused(N_("This date is cancelled: it cannot be changed any more."))
    if row["ends_at"] <= now:
        raise ChangeRefused(N_("This date is over: it cannot be changed any more."))
    pool = await lock_pool(row["seat_pool"]) if row["seat_pool"] else None
    return row, pool


def _summary(row: dict[str, Any], zone: str, told: int) -> str:
    return f"{row['title']} {row['starts_at'].astimezone(ZoneInfo(zone)).date().isoformat()}: {told} told"


async def edit_details(
    occurrence_id: int, data: dict[str, str], *, actor: Actor, now: datetime, language: str, zone: str
) -> None:
    """New times on the same day(s), another place or a note: the date is marked edited, so a
    change of the series leaves it alone. Registrants are told when the time or place changed."""
    async with seat_transaction():
        row, pool = await _changeable(occurrence_id, now)
        form = FormReader(data, order=DETAILS_FIELDS)
        first, days = _span_days(row, zone)
        span = read_times(form, "", first, days, zone)
        place = form.text("place", EventOccurrence.place, missing=N_("Enter the place."), too_long=PLACE_TOO_LONG)
        note = form.text("note", EventOccurrence.note, too_long=NOTE_TOO_LONG)
        form.check()
        assert span is not None  # times not read have their problem noted
        before = {"starts_at": row["starts_at"], "ends_at": row["ends_at"], "place": row["place"], "note": row["note"]}
        old, new = changed(before, {"starts_at": span[0], "ends_at": span[1], "place": place, "note": note})
        if not new:
            return
        await EventOccurrence.update(
            {
                EventOccurrence.starts_at: span[0],
                EventOccurrence.ends_at: span[1],
                EventOccurrence.place: place,
                EventOccurrence.note: note,
                EventOccurrence.edited: True,
                EventOccurrence.sequence: EventOccurrence.sequence + 1,
            }
        ).where(EventOccurrence.id == occurrence_id)
        told = 0
        if set(new) & {"starts_at", "ends_at", "place"}:
            await close_window_by(pool, span[0])
            values = {"title": row["title"], "starts_on": span[0], "start_time": span[0], "place": place}
            told = await tell_registrants("event_changed", pool, values, now=now, language=language, zone=zone)
        await record(actor, "occurrence.edit", "occurrence", occurrence_id, now=now, summary=_summary(row, zone, told), before=old, after=new)


async def move(occurrence_id: int, data: dict[str, str], *, actor: Actor, now: datetime, language: str, zone: str) -> None:
    """To another day and time, for as many days as before, with the reason shown at the old date
    and sent to every active registrant."""
    async with seat_transaction():
        row, pool = await _changeable(occurrence_id, now)
        form = FormReader(data, order=MOVE_FIELDS)
        span = read_new_day(form, "move_", _span_days(row, zone)[1], zone, now=now, current=(row["starts_at"], row["ends_at"]))
        reason = read_reason(form, "move_reason", EventOccurrence.note)
        form.check()
        assert span is not None  # a day or times not read have their problem noted
        await move_occurrence(occurrence_id, span[0], span[1], reason)
        await close_window_by(pool, span[0])
        values = {
            "title": row["title"], "starts_on": row["starts_at"], "start_time": row["starts_at"], "place": row["place"],
            "new_moment": format_moment(span[0], language, zone), "reason": reason,
        }
        told = await tell_registrants("event_moved", pool, values, now=now, language=language, zone=zone)
        await record(
            actor, "occurrence.move", "occurrence", occurrence_id, now=now, summary=_summary(row, zone, told),
            before={"starts_at": row["starts_at"], "ends_at": row["ends_at"], "note": row["note"]},
            after={"starts_at": span[0], "ends_at": span[1], "note": reason},
        )


async def cancel(occurrence_id: int, data: dict[str, str], *, actor: Actor, now: datetime, language: str, zone: str) -> int:
    """Cancelled with a reason (required): registration closes, every active registrant is told.
    Their applications stay as they were, so the roster still shows whom the center told."""
    async with seat_transaction():
        row, pool = await _changeable(occurrence_id, now)
        form = FormReader(data)
        reason = read_reason(form, "cancel_reason", EventOccurrence.note)
        form.check()
        await cancel_occurrence(occurrence_id, reason)
        await close_window_by(pool, now)
        values = {"title": row["title"], "starts_on": row["starts_at"], "start_time": row["starts_at"], "place": row["place"], "reason": reason}
        told = await tell_registrants("event_cancelled", pool, values, now=now, language=language, zone=zone)
        await record(
            actor, "occurrence.cancel", "occurrence", occurrence_id, now=now, summary=_summary(row, zone, told),
            before={"status": row["status"], "note": row["note"]},
            after={"status": OccurrenceStatus.cancelled.value, "note": reason},
        )
    return told
