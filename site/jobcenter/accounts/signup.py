"""Sign-up with a verified number, and login by a code (문자로 로그인).

Sign-up reads the form, then texts a code to the number; the account exists only once the code is
entered. The first step never says whether the number is registered (a script learns nothing). A
record staff or the kiosk made for the number, without a password, is claimed by its owner with
its applications; a number that already has an account logs its owner in to it, changing nothing.
Login by a code works for every account, so a forgotten password or someone trying wrong ones
never shuts the owner out."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import Enum
from typing import Any

from jobcenter.accounts import phone_codes, throttle
from jobcenter.accounts.passwords import hash_password
from jobcenter.accounts.phone_codes import Purpose
from jobcenter.accounts.service import (
    CONSENT_VERSION,
    SIGNUP_FIELDS,
    read_birth_year,
    read_email,
    read_mobile,
    read_name,
    read_new_password,
)
from jobcenter.accounts.tables import Citizen
from jobcenter.accounts.walk_in import NO_PASSWORD
from jobcenter.db import UNIQUE_VIOLATIONS
from jobcenter.i18n import N_
from jobcenter.limits import service as limiter
from jobcenter.limits.service import RateLimited, key_of
from jobcenter.settings import Settings
from jobcenter.web.form_input import FormInvalid, FormReader


class Opened(str, Enum):
    """What a verified sign-up did."""

    created = "created"
    claimed = "claimed"
    """A record made at the desk or the kiosk became the person's account, with its applications."""
    existing = "existing"
    """The number had an account: its owner is logged in to it, and nothing was changed."""


async def start_signup(data: Mapping[str, str], now: datetime, *, client: str, settings: Settings) -> str:
    """Check the form and text a code to its number; returns the ticket that names the code.
    FormInvalid (nothing stored, nothing sent) when a field is wrong; RateLimited when this address
    has made its accounts for the hour or the number or address has had its codes."""
    per_address = throttle.signups_per_address(settings.limits)
    wait = await limiter.seconds_to_wait(per_address, key_of(client), now)
    if wait:
        raise RateLimited(wait)
    form = FormReader(data, order=SIGNUP_FIELDS)
    name = read_name(form)
    mobile = read_mobile(form, missing=N_("Enter your mobile number."))
    password = read_new_password(form, mobile=mobile, missing=N_("Enter a password."))
    birth_year = read_birth_year(form, now)
    email = read_email(form)
    if not form.ticked("consent_required"):
        form.fail("consent_required", N_("To create an account, agree to the collection and use of your personal data."))
    form.check()
    assert mobile is not None, "checked above"
    details = {"name": name, "birth_year": birth_year, "email": email, "password_hash": await hash_password(password),
               "notices": form.ticked("consent_notices")}
    return await phone_codes.issue(mobile, Purpose.signup, details, now=now, client=client, settings=settings,
                                   also=[(per_address, key_of(client))])


async def finish_signup(ticket: str, code: str, now: datetime, *, settings: Settings) -> tuple[int, Opened]:
    """The account the entered code opens (see Opened); FormInvalid when the code is wrong or gone."""
    redeemed = await phone_codes.redeem(ticket, code, Purpose.signup, now=now, settings=settings)
    return await open_account(redeemed.mobile, redeemed.payload, now)


async def open_account(mobile: str, details: dict[str, Any], now: datetime) -> tuple[int, Opened]:
    """Create the account for a number its owner proved, or claim the record made for it."""
    values: dict[str, Any] = {
        "name": details["name"], "birth_year": details["birth_year"], "email": details["email"],
        "password_hash": details["password_hash"], "consent_version": CONSENT_VERSION, "consented_at": now,
        "notices_consented_at": now if details["notices"] else None, "consent_taken_by": None,
        "last_active_at": now, "updated_at": now,
    }
    existing = await Citizen.select(Citizen.id, Citizen.password_hash).where(Citizen.mobile == mobile).first()
    if existing is None:
        try:
            (row,) = await Citizen.insert(Citizen(mobile=mobile, created_at=now, **values)).returning(Citizen.id)
            return row["id"], Opened.created
        except UNIQUE_VIOLATIONS:  # the same number opened in another tab at the same moment
            existing = await Citizen.select(Citizen.id, Citizen.password_hash).where(Citizen.mobile == mobile).first()
            assert existing is not None, "the other insert holds it"
    if existing["password_hash"] == NO_PASSWORD:
        claimed = await Citizen.update(**values).where(Citizen.id == existing["id"], Citizen.password_hash == NO_PASSWORD).returning(Citizen.id)
        if claimed:
            return existing["id"], Opened.claimed
    return existing["id"], Opened.existing


async def start_code_login(typed_mobile: str, now: datetime, *, client: str, settings: Settings) -> str:
    """Text a code to the number if it has an account, and say the same either way; returns the ticket.
    FormInvalid for something that is not a mobile number; RateLimited over a limit."""
    form = FormReader({"mobile": typed_mobile}, order=["mobile"])
    mobile = read_mobile(form, missing=N_("Enter your mobile number."))
    form.check()
    assert mobile is not None, "checked above"
    return await phone_codes.issue(mobile, Purpose.login, {}, now=now, client=client, settings=settings)


async def finish_code_login(ticket: str, code: str, now: datetime, *, settings: Settings) -> int:
    """The account whose number the entered code proved; its failed logins are forgotten."""
    redeemed = await phone_codes.redeem(ticket, code, Purpose.login, now=now, settings=settings)
    citizen = await Citizen.select(Citizen.id).where(Citizen.mobile == redeemed.mobile).first()
    if citizen is None:  # deleted between the code and its entry
        raise FormInvalid({"code": phone_codes.EXPIRED})
    await Citizen.update({Citizen.last_active_at: now}).where(Citizen.id == citizen["id"])
    await throttle.forget_all_failures(redeemed.mobile, settings.limits)
    return citizen["id"]
