"""Changing one's login number (휴대전화 번호 바꾸기) in 내 정보: only with the code texted to the new
number, so an account never holds a number its owner does not have, and no one can take a number
for an account of theirs before its owner signs up with it. A number another account or a desk
record already holds is refused once the code proves the phone (then it is the phone holder's own
business to know); the center merges such records in person."""

from __future__ import annotations

from datetime import datetime

from jobcenter.accounts import phone_codes
from jobcenter.accounts.phone_codes import Purpose
from jobcenter.accounts.service import read_mobile
from jobcenter.accounts.tables import Citizen
from jobcenter.db import UNIQUE_VIOLATIONS
from jobcenter.i18n import N_
from jobcenter.settings import Settings
from jobcenter.web.form_input import FormInvalid, FormReader

SAME_NUMBER = N_("This is already your number. Enter the new one.")
NUMBER_TAKEN = N_("Another account or a record made at the center already has this number. Please call the center to join them.")


async def start_mobile_change(citizen_id: int, typed_mobile: str, now: datetime, *, client: str, settings: Settings) -> str:
    """Text a code to the new number; returns the ticket. FormInvalid for something that is not a
    mobile number or is the current one; RateLimited over a code limit."""
    form = FormReader({"mobile": typed_mobile}, order=["mobile"])
    mobile = read_mobile(form, missing=N_("Enter your new mobile number."))
    form.check()
    assert mobile is not None, "checked above"
    if await Citizen.exists().where(Citizen.id == citizen_id, Citizen.mobile == mobile):
        raise FormInvalid({"mobile": SAME_NUMBER})
    return await phone_codes.issue(mobile, Purpose.mobile, {"citizen": citizen_id}, now=now, client=client, settings=settings)


async def finish_mobile_change(ticket: str, code: str, citizen_id: int, now: datetime, *, settings: Settings) -> str:
    """The number the code proved becomes the account's login number; returns it. FormInvalid on
    `code` for a wrong or expired code (or one asked for by another account), on `mobile` when
    another record holds the number."""
    redeemed = await phone_codes.redeem(ticket, code, Purpose.mobile, now=now, settings=settings)
    if redeemed.payload.get("citizen") != citizen_id:
        raise FormInvalid({"code": phone_codes.EXPIRED})
    if await Citizen.exists().where(Citizen.mobile == redeemed.mobile, Citizen.id != citizen_id):
        raise FormInvalid({"mobile": NUMBER_TAKEN})
    try:
        await Citizen.update({Citizen.mobile: redeemed.mobile, Citizen.updated_at: now}).where(Citizen.id == citizen_id)
    except UNIQUE_VIOLATIONS:  # taken between the check and the change
        raise FormInvalid({"mobile": NUMBER_TAKEN}) from None
    return redeemed.mobile
