"""The counsellors' side of bookings: each day's and week's bookings across places, marking who
came, and the record of each meeting (personal data: only staff see it, and each view is audited;
the form asks for nothing sensitive beyond what counselling needs). Every change is audited."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter.audit.service import Actor, record
from jobcenter.counselling.bookings import BOOKING_COLUMNS, BookingNotFound
from jobcenter.counselling.tables import Booking, BookingStatus, CounsellingRecord
from jobcenter.i18n import N_
from jobcenter.web.form_input import FormReader

RECORD_LIMIT = 4000
MARKS = (BookingStatus.attended, BookingStatus.no_show)


class MarkRefused(Exception):
    """Attendance cannot be marked yet; `message` is a msgid."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


async def bookings_between(first: date, last: date, *, zone: str, counsellor_id: int | None = None) -> list[dict[str, Any]]:
    """Bookings not cancelled from `first` to `last` (days in the center's zone), by time, with the
    person's name and whether a record was written."""
    tz = ZoneInfo(zone)
    start, end = datetime.combine(first, time(), tzinfo=tz), datetime.combine(last + timedelta(days=1), time(), tzinfo=tz)
    conditions = [Booking.starts_at >= start, Booking.starts_at < end, Booking.status != BookingStatus.cancelled.value]
    if counsellor_id is not None:
        conditions.append(Booking.counsellor == counsellor_id)
    rows = await Booking.select(
        *BOOKING_COLUMNS, Booking.citizen.name.as_alias("name"), Booking.citizen.birth_year.as_alias("birth_year"),
        Booking.counsellor.name.as_alias("counsellor_name"),
    ).where(*conditions).order_by(Booking.starts_at).order_by(Booking.counsellor.name)
    written = {row["booking"] for row in await CounsellingRecord.select(CounsellingRecord.booking).where(
        CounsellingRecord.booking.is_in([row["id"] for row in rows] or [0]))}
    return [{**row, "recorded": row["id"] in written, "day": row["starts_at"].astimezone(tz).date()} for row in rows]


async def meeting(booking_id: int, *, actor: Actor, now: datetime, zone: str) -> dict[str, Any]:
    """A booking with its record and its day in the center's zone; reading a written record is
    audited (who read whose, when)."""
    row = await Booking.select(*BOOKING_COLUMNS, Booking.citizen.name.as_alias("name"), Booking.citizen.birth_year.as_alias("birth_year"),
                               Booking.counsellor.name.as_alias("counsellor_name")).where(Booking.id == booking_id).first()
    if row is None:
        raise BookingNotFound(booking_id)
    written = await CounsellingRecord.select().where(CounsellingRecord.booking == booking_id).first()
    if written is not None:
        await record(actor, "counselling.record_view", "booking", booking_id, now=now, citizen_id=row["citizen"])
    return {**row, "record": written, "day": row["starts_at"].astimezone(ZoneInfo(zone)).date()}


async def mark(booking_id: int, status: BookingStatus, *, actor: Actor, now: datetime) -> None:
    """Attended or did not come, from the time's start on (a slip is corrected by marking again)."""
    async with Booking._meta.db.transaction():
        row = await Booking.select(Booking.citizen, Booking.status, Booking.starts_at).where(Booking.id == booking_id).first()
        if row is None or row["status"] == BookingStatus.cancelled.value:
            raise BookingNotFound(booking_id)
        if row["starts_at"] > now:
            raise MarkRefused(N_("Attendance is marked from the time's start on."))
        if row["status"] != status.value:
            await Booking.update({Booking.status: status.value, Booking.updated_at: now}).where(Booking.id == booking_id)
            await record(actor, f"counselling.{status.value}", "booking", booking_id, now=now, citizen_id=row["citizen"],
                         before={"status": row["status"]}, after={"status": status.value})


async def save_record(booking_id: int, data: dict[str, str], *, actor: Actor, now: datetime) -> None:
    """What was discussed and what comes next, written or corrected by staff (audited, the text
    itself is not copied into the log)."""
    form = FormReader(data, order=["discussed", "next_steps"])
    too_long = N_("Write 4,000 characters or fewer.")
    discussed = form.text("discussed", RECORD_LIMIT, missing=N_("Write what was discussed."), too_long=too_long, multiline=True)
    next_steps = form.text("next_steps", RECORD_LIMIT, too_long=too_long, multiline=True)
    form.check()
    async with Booking._meta.db.transaction():
        row = await Booking.select(Booking.citizen, Booking.status).where(Booking.id == booking_id).first()
        if row is None or row["status"] == BookingStatus.cancelled.value:
            raise BookingNotFound(booking_id)
        written = await CounsellingRecord.update({CounsellingRecord.discussed: discussed, CounsellingRecord.next_steps: next_steps,
                                                  CounsellingRecord.written_by: actor.name[:50], CounsellingRecord.updated_at: now}).where(
            CounsellingRecord.booking == booking_id).returning(CounsellingRecord.id)
        if not written:
            await CounsellingRecord.insert(CounsellingRecord(booking=booking_id, discussed=discussed, next_steps=next_steps, written_by=actor.name[:50],
                                                             created_at=now, updated_at=now))
        await record(actor, "counselling.record_write", "booking", booking_id, now=now, citizen_id=row["citizen"])


async def month_summary(month: date, *, zone: str) -> list[dict[str, Any]]:
    """For each place: bookings in the month (not cancelled), attended, did not come, cancelled."""
    tz = ZoneInfo(zone)
    start = datetime.combine(month.replace(day=1), time(), tzinfo=tz)
    end = datetime.combine((month.replace(day=28) + timedelta(days=4)).replace(day=1), time(), tzinfo=tz)
    rows = await Booking.select(Booking.place.name.as_alias("place"), Booking.place.position.as_alias("position"), Booking.status).where(
        Booking.starts_at >= start, Booking.starts_at < end)
    found: dict[str, dict[str, Any]] = {}
    for row in sorted(rows, key=lambda row: (row["position"], row["place"])):
        line = found.setdefault(row["place"], {"place": row["place"], "booked": 0, "attended": 0, "no_show": 0, "cancelled": 0})
        if row["status"] == BookingStatus.cancelled.value:
            line["cancelled"] += 1
        else:
            line["booked"] += 1
            if row["status"] in (BookingStatus.attended.value, BookingStatus.no_show.value):
                line[row["status"]] += 1
    return list(found.values())
