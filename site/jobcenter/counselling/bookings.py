"""Booking a counselling time, moving it and cancelling it: online by the person, or by staff for
a caller or a walk-in (the same path). A time is booked at most once: the booking row holds the
slot's key in a unique column, written with ON CONFLICT DO NOTHING, so of two people taking the
last free time one gets it and the other is told, with the next free times. Texts confirm, and
tell of a move or a cancellation, through the outbox in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter.accounts.tables import Citizen
from jobcenter.audit.service import Actor, record
from jobcenter.counselling.slots import Slot, booking_window, free_slots
from jobcenter.counselling.tables import Booking, BookingChannel, BookingStatus, CounsellingPlace, CounsellingRecord, Counsellor, Topic
from jobcenter.db import UNIQUE_VIOLATIONS, locking
from jobcenter.errors import NotFound
from jobcenter.i18n import N_
from jobcenter.notifications.messages import queue_message
from jobcenter.settings import public_url
from jobcenter.web.form_input import EARLIEST_YEAR, LATEST_YEAR, FormReader, read_id

MAX_COMING_BOOKINGS = 3
"""Times a person may hold at once: enough to come back, not enough for a script to empty a week."""
CHANGE_CUTOFF = timedelta(hours=2)
"""A person moves or cancels online until two hours before the time (later, they call)."""
ALTERNATIVES = 5
"""Free times offered when the one chosen was just taken."""
FIELDS = ["slot", "topic", "note"]
CANNOT_CHANGE = N_("This time can no longer be changed online. Please call the center.")


class BookingNotFound(NotFound):
    """No such booking (or not the person's own)."""


class BookingRefused(Exception):
    """The booking cannot be made or changed; `message` is a msgid."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class SlotTaken(Exception):
    """The time chosen is no longer free; `alternatives` are the next free ones at the place."""

    def __init__(self, alternatives: list[Slot]) -> None:
        super().__init__("slot taken")
        self.alternatives = alternatives


@dataclass(frozen=True)
class Who:
    """Who books: the person online, or a staff member for a caller or a walk-in."""

    channel: BookingChannel = BookingChannel.online
    actor: Actor | None = None


def read_slot(raw: str) -> tuple[int, datetime] | None:
    """A slot's key as the form sends it ("<counsellor>:<YYYYmmddTHHMM, UTC>"), or None."""
    counsellor, _, moment = raw.partition(":")
    counsellor_id = read_id(counsellor)
    try:
        starts_at = datetime.strptime(moment, "%Y%m%dT%H%M").replace(tzinfo=ZoneInfo("UTC"))
    except ValueError:
        return None
    # A year outside the site's range (9999) would overflow on the way to the center's zone.
    return (counsellor_id, starts_at) if counsellor_id and EARLIEST_YEAR <= starts_at.year <= LATEST_YEAR else None


async def offered(place_id: int, raw: str, *, now: datetime, zone: str) -> Slot | None:
    """The free time the form names, if it is one the place offers now."""
    read = read_slot(raw)
    if read is None:
        return None
    counsellor_id, starts_at = read
    first, last = booking_window(now, zone)
    day = starts_at.astimezone(ZoneInfo(zone)).date()
    if not first <= day <= last:
        return None
    return next((slot for slot in await free_slots(place_id, day, day, now=now, zone=zone, counsellor_id=counsellor_id)
                 if slot.starts_at == starts_at), None)


async def next_free(place_id: int, *, now: datetime, zone: str, count: int = ALTERNATIVES) -> list[Slot]:
    """The next free times at the place."""
    first, last = booking_window(now, zone)
    return (await free_slots(place_id, first, last, now=now, zone=zone))[:count]


async def refuse_too_many(citizen_id: int, now: datetime) -> None:
    """BookingRefused when the person already holds MAX_COMING_BOOKINGS coming times."""
    if await Booking.count().where(Booking.citizen == citizen_id, Booking.status == BookingStatus.booked.value,
                                   Booking.starts_at > now) >= MAX_COMING_BOOKINGS:
        raise BookingRefused(N_("You already hold three counselling times. Cancel one before booking another."))


def _check(data: dict[str, str]) -> tuple[str, str]:
    form = FormReader(data, order=FIELDS)
    if not form.raw("slot"):
        form.fail("slot", N_("Choose a time."))
    topic = form.choice("topic", Topic, N_("Choose what you would like to talk about."))
    note = form.text("note", Booking.note, too_long=N_("Write a note of 300 characters or fewer."))
    form.check()
    assert topic is not None, "checked above"
    return topic, note


async def place_of(place_id: int) -> dict[str, Any]:
    row = await CounsellingPlace.select().where(CounsellingPlace.id == place_id, CounsellingPlace.active.eq(True)).first()
    if row is None:
        raise NotFound()
    return row


def text_values(slot: Slot | dict[str, Any], place: dict[str, Any], zone: str) -> dict[str, Any]:
    starts_at = slot.starts_at if isinstance(slot, Slot) else slot["starts_at"]
    first_name = slot.first_name if isinstance(slot, Slot) else slot["first_name"]
    local = starts_at.astimezone(ZoneInfo(zone))
    return {"starts_on": local.date(), "start_time": local.time(), "place": place["name"], "counsellor": first_name,
            "page": f"{public_url()}/me/applications"}


async def person_of(citizen_id: int) -> dict[str, Any]:
    """Whom staff book for: the name and year of birth."""
    row = await Citizen.select(Citizen.id, Citizen.name, Citizen.birth_year).where(Citizen.id == citizen_id).first()
    if row is None:
        raise NotFound()
    return row


async def _counsellor_free(slot: Slot, moving: int | None = None) -> bool:
    """Inside the booking's transaction, with the counsellor's row locked (two bookings of times
    that overlap at two places wait for each other): whether no other time of theirs overlaps."""
    await locking(Counsellor.select(Counsellor.id).where(Counsellor.id == slot.counsellor_id)).first()
    others = [Booking.counsellor == slot.counsellor_id, Booking.slot.is_not_null(), Booking.starts_at < slot.ends_at,
              Booking.ends_at > slot.starts_at]
    if moving is not None:
        others.append(Booking.id != moving)
    return not await Booking.exists().where(*others)


async def _citizen(citizen_id: int) -> dict[str, Any]:
    row = await locking(Citizen.select(Citizen.id, Citizen.name, Citizen.email, Citizen.mobile, Citizen.notify_by).where(
        Citizen.id == citizen_id)).first()
    if row is None:
        raise NotFound()
    return row


async def book(citizen_id: int, place_id: int, data: dict[str, str], *, who: Who, now: datetime, zone: str, language: str) -> int:
    """The booking of the time chosen; FormInvalid, BookingRefused (too many coming) or SlotTaken."""
    topic, note = _check(data)
    place = await place_of(place_id)
    slot = await offered(place_id, data.get("slot", ""), now=now, zone=zone)
    if slot is None:
        raise SlotTaken(await next_free(place_id, now=now, zone=zone))
    try:
        async with Booking._meta.db.transaction():
            citizen = await _citizen(citizen_id)
            await refuse_too_many(citizen_id, now)
            if not await _counsellor_free(slot):  # booked a moment ago at this or another place
                raise SlotTaken([])
            written = await Booking.insert(Booking(
                citizen=citizen_id, counsellor=slot.counsellor_id, place=place_id, starts_at=slot.starts_at, ends_at=slot.ends_at, slot=slot.key,
                topic=topic, note=note, channel=who.channel.value, booked_by=who.actor.name[:50] if who.actor else "", created_at=now,
                updated_at=now,
            )).on_conflict(target=Booking.slot, action="DO NOTHING").returning(Booking.id)
            if not written:  # taken a moment ago by someone else
                raise SlotTaken([])
            booking_id: int = written[0]["id"]
            if who.actor:
                await record(who.actor, "counselling.book", "booking", booking_id, now=now, citizen_id=citizen_id,
                             summary=f"{place['name']} {slot.starts_at.isoformat()}", after={"channel": who.channel.value})
            await queue_message("counselling_booked", citizen, text_values(slot, place, zone), now=now, language=language, zone=zone)
    except SlotTaken:
        raise SlotTaken(await next_free(place_id, now=now, zone=zone)) from None
    return booking_id


BOOKING_COLUMNS = (
    *Booking.all_columns(), Booking.place.name.as_alias("place_name"), Booking.place.address.as_alias("place_address"),
    Booking.counsellor.first_name.as_alias("first_name"),
)


async def booking_of(booking_id: int, citizen_id: int | None) -> dict[str, Any]:
    """A booking (the person's own, when `citizen_id` is given); BookingNotFound otherwise."""
    conditions = [Booking.id == booking_id] + ([Booking.citizen == citizen_id] if citizen_id is not None else [])
    row = await Booking.select(*BOOKING_COLUMNS).where(*conditions).first()
    if row is None:
        raise BookingNotFound(booking_id)
    return row


def changeable(booking: dict[str, Any], now: datetime, *, by_staff: bool) -> bool:
    """Whether the booking can still be moved or cancelled: booked, and (online) two hours ahead."""
    if booking["status"] != BookingStatus.booked.value:
        return False
    return booking["starts_at"] > now if by_staff else booking["starts_at"] - now >= CHANGE_CUTOFF


async def move(booking_id: int, citizen_id: int | None, data: dict[str, str], *, actor: Actor | None, now: datetime, zone: str,
               language: str) -> None:
    """The booking to another free time at the same place (the old time freed in the same
    transaction); BookingRefused past the cut-off, SlotTaken when the new time was just taken."""
    booking = await booking_of(booking_id, citizen_id)
    if not changeable(booking, now, by_staff=actor is not None):
        raise BookingRefused(CANNOT_CHANGE)
    form = FormReader(data, order=["slot"])
    if not form.raw("slot"):
        form.fail("slot", N_("Choose a time."))
    form.check()
    slot = await offered(booking["place"], data.get("slot", ""), now=now, zone=zone)
    if slot is None:
        raise SlotTaken(await next_free(booking["place"], now=now, zone=zone))
    place = await place_of(booking["place"])
    try:
        async with Booking._meta.db.transaction():
            citizen = await _citizen(booking["citizen"])
            if not await _counsellor_free(slot, moving=booking_id):
                raise SlotTaken([])
            changed = await Booking.update({
                Booking.slot: slot.key, Booking.counsellor: slot.counsellor_id, Booking.starts_at: slot.starts_at, Booking.ends_at: slot.ends_at,
                Booking.updated_at: now,
            }).where(Booking.id == booking_id, Booking.status == BookingStatus.booked.value).returning(Booking.id)
            if not changed:
                raise BookingRefused(CANNOT_CHANGE)
            if actor:
                await record(actor, "counselling.move", "booking", booking_id, now=now, citizen_id=booking["citizen"],
                             before={"starts_at": booking["starts_at"]}, after={"starts_at": slot.starts_at})
            await queue_message("counselling_moved", citizen, text_values(slot, place, zone), now=now, language=language, zone=zone)
    except (SlotTaken, *UNIQUE_VIOLATIONS) as error:
        raise SlotTaken(await next_free(booking["place"], now=now, zone=zone)) from error


async def cancel(booking_id: int, citizen_id: int | None, *, actor: Actor | None, now: datetime, zone: str, language: str) -> None:
    """The booking cancelled and its time freed; BookingRefused past the cut-off (online)."""
    booking = await booking_of(booking_id, citizen_id)
    if not changeable(booking, now, by_staff=actor is not None):
        raise BookingRefused(CANNOT_CHANGE)
    async with Booking._meta.db.transaction():
        citizen = await _citizen(booking["citizen"])
        cancelled = await Booking.update({Booking.status: BookingStatus.cancelled.value, Booking.slot: None, Booking.updated_at: now}).where(
            Booking.id == booking_id, Booking.status == BookingStatus.booked.value).returning(Booking.id)
        if cancelled:
            if actor:
                await record(actor, "counselling.cancel", "booking", booking_id, now=now, citizen_id=booking["citizen"],
                             summary=booking["starts_at"].isoformat())
            await queue_message("counselling_cancelled", citizen, text_values(booking, {"name": booking["place_name"]}, zone), now=now,
                                language=language, zone=zone)


async def bookings_of(citizen_id: int, now: datetime) -> list[dict[str, Any]]:
    """A person's bookings: the coming ones by time, then the others newest first (내 신청 내역, and
    the data download)."""
    rows = await Booking.select(*BOOKING_COLUMNS).where(Booking.citizen == citizen_id).order_by(Booking.starts_at, ascending=False)
    for row in rows:
        row["changeable"] = changeable(row, now, by_staff=False)
    coming = [row for row in rows if row["status"] == BookingStatus.booked.value and row["starts_at"] > now]
    return [*reversed(coming), *(row for row in rows if row not in coming)]


async def counselling_data_of(citizen_id: int) -> list[dict[str, Any]]:
    """The person's bookings with what the counsellor recorded at each (the right of access)."""
    rows = await Booking.select(
        Booking.id, Booking.starts_at, Booking.status, Booking.topic, Booking.note, Booking.channel, Booking.place.name.as_alias("place"),
        Booking.counsellor.first_name.as_alias("counsellor"), Booking.created_at,
    ).where(Booking.citizen == citizen_id).order_by(Booking.starts_at)
    records = {row["booking"]: row for row in await CounsellingRecord.select(
        CounsellingRecord.booking, CounsellingRecord.discussed, CounsellingRecord.next_steps, CounsellingRecord.updated_at,
    ).where(CounsellingRecord.booking.is_in([row["id"] for row in rows] or [0]))}
    return [{**row, "record": records.get(row["id"])} for row in rows]
