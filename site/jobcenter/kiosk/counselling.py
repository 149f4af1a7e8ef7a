"""상담 예약 at the lobby kiosk: the center's next free times this week, and a time booked for a
visitor without an account the kiosk's way (the details, then the code texted to the number: only
the person holding the phone books, for their account or a minimal record made with the consent
given on the kiosk). The booking itself is counselling's, the same as online."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter.accounts import phone_codes
from jobcenter.accounts.phone_codes import Purpose
from jobcenter.accounts.tables import Citizen
from jobcenter.accounts.walk_in import WalkIn, find_or_register, read_walk_in
from jobcenter.counselling.bookings import SlotTaken, Who, book, next_free, offered
from jobcenter.counselling.slots import Slot, free_slots
from jobcenter.counselling.tables import BookingChannel, CounsellingPlace, PlaceKind, Topic
from jobcenter.kiosk.service import CODES_PER_KIOSK_PER_HOUR
from jobcenter.settings import Settings
from jobcenter.web.form_input import FormInvalid

KIOSK_DAYS = 7
"""The kiosk offers today and the six days after: a visitor books for this week, here."""
KIOSK_TIMES = 8
"""As many times as fit the screen in large buttons."""


async def center() -> dict[str, Any] | None:
    """The center's own place (the first of its kind), where the kiosk books."""
    return await CounsellingPlace.select().where(CounsellingPlace.kind == PlaceKind.office.value, CounsellingPlace.active.eq(True)).order_by(
        CounsellingPlace.position).order_by(CounsellingPlace.id).first()


async def times_this_week(place_id: int, *, now: datetime, zone: str) -> list[Slot]:
    today = now.astimezone(ZoneInfo(zone)).date()
    return (await free_slots(place_id, today, today + timedelta(days=KIOSK_DAYS - 1), now=now, zone=zone))[:KIOSK_TIMES]


async def start_kiosk_booking(place_id: int, slot: str, person: WalkIn, *, kiosk_id: int, now: datetime, zone: str, settings: Settings) -> str:
    """Check the details and that the time is still free, then text a code to the number; returns
    the ticket naming the code. FormInvalid, SlotTaken (nothing sent); RateLimited over a code limit."""
    name, mobile, birth_year, _landline = read_walk_in(person, now)
    if await offered(place_id, slot, now=now, zone=zone) is None:
        raise SlotTaken(await next_free(place_id, now=now, zone=zone))
    payload = {"counselling_slot": slot, "place": place_id, "name": name, "birth_year": str(birth_year)}
    return await phone_codes.issue(mobile, Purpose.kiosk, payload, now=now, client=f"kiosk:{kiosk_id}", settings=settings,
                                   per_client=CODES_PER_KIOSK_PER_HOUR)


async def book_with_code(ticket: str, typed_code: str, *, kiosk_name: str, now: datetime, language: str, zone: str,
                         settings: Settings) -> tuple[int, str]:
    """The code right: the time booked for the number's account, or for a record made now with the
    consent given on the kiosk (removed again when the time was taken meanwhile). Returns the
    booking and the number it was texted to. FormInvalid for the code; SlotTaken."""
    redeemed = await phone_codes.redeem(ticket, typed_code, Purpose.kiosk, now=now, settings=settings)
    slot, place_id = redeemed.payload.get("counselling_slot"), redeemed.payload.get("place")
    if not slot or not isinstance(place_id, int):  # a code for an application, not a booking
        raise FormInvalid({"code": phone_codes.EXPIRED})
    person = WalkIn(name=redeemed.payload["name"], mobile=redeemed.mobile, birth_year=redeemed.payload["birth_year"], consent=True)
    citizen, made_now = await find_or_register(person, now=now, consent_taken_by=f"kiosk:{kiosk_name}")
    try:
        booking_id = await book(citizen["id"], place_id, {"slot": slot, "topic": Topic.first.value}, who=Who(channel=BookingChannel.kiosk),
                                now=now, zone=zone, language=language)
    except Exception:
        if made_now:
            await Citizen.delete().where(Citizen.id == citizen["id"])
        raise
    return booking_id, redeemed.mobile
