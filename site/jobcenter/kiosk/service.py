"""What the kiosk does beyond reading the catalog: applying without an account (the details, then the
code texted to the number: only the person holding the phone can use it), the result it shows, the
status page its QR code opens, and the events of today and this week."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from jobcenter.accounts import phone_codes
from jobcenter.accounts.phone_codes import Purpose
from jobcenter.accounts.walk_in import WalkIn, read_walk_in
from jobcenter.events.month import PROGRAM, Day, month_view
from jobcenter.limits import service as limiter
from jobcenter.limits.service import Limit, RateLimited, key_of
from jobcenter.settings import Limits, Settings
from jobcenter.signups import service as signups
from jobcenter.signups.eligibility import may_be_of_age
from jobcenter.signups.on_behalf import apply_walk_in
from jobcenter.signups.tables import Application, Channel
from jobcenter.signups.targets import target_of
from jobcenter.web.form_input import FormInvalid

CONFIRMATION_CODE = re.compile(f"[{signups.CODE_ALPHABET}]{{8}}")
"""What a confirmation number looks like; anything else is not looked up at all."""


@dataclass(frozen=True)
class KioskResult:
    """What the result screen shows: the application, and the mobile number it was sent to, masked."""

    application: signups.ApplicationView
    mobile: str


CODES_PER_KIOSK_PER_HOUR = 120
"""Codes one kiosk may ask for in an hour: one every 30 seconds, faster than a person fills the form.
It replaces the limit per address (a lobby's kiosks and visitors' phones share one)."""


async def start_kiosk_application(
    pool_id: int, person: WalkIn, *, kiosk_id: int, now: datetime, zone: str, settings: Settings
) -> str:
    """Check what the visitor typed and that their age fits, then text a code to the number; returns
    the ticket that names the code. The application is made only with the code (apply_with_code),
    so a wrong digit never reaches a stranger's account, and nothing here says whether the number
    has an account or has applied. FormInvalid or NotEligible (nothing sent); RateLimited over a
    code limit."""
    name, mobile, birth_year, _landline = read_walk_in(person, now)  # the kiosk asks for no landline
    target = await target_of(pool_id, zone)
    if target is None:
        raise signups.NotFound()
    if not may_be_of_age(birth_year, target.starts_on.year, target.min_age, target.max_age):
        raise signups.NotEligible(min_age=target.min_age, max_age=target.max_age)
    payload = {"pool_id": pool_id, "name": name, "birth_year": str(birth_year)}
    return await phone_codes.issue(
        mobile, Purpose.kiosk, payload, now=now, client=f"kiosk:{kiosk_id}", settings=settings, per_client=CODES_PER_KIOSK_PER_HOUR
    )


async def apply_with_code(
    ticket: str, typed_code: str, pool_id: int, *, kiosk_name: str, now: datetime, language: str, zone: str, settings: Settings
) -> dict[str, Any]:
    """The code entered right: take a seat (or a waitlist place) through the one seat service, for the
    number's account or a minimal record made with the consent given on the kiosk. FormInvalid for
    the code (wrong, expired, for another program); SignupError when a seat rule says no, with a
    record made for it removed again."""
    redeemed = await phone_codes.redeem(ticket, typed_code, Purpose.kiosk, now=now, settings=settings)
    if redeemed.payload.get("pool_id") != pool_id:
        raise FormInvalid({"code": phone_codes.EXPIRED})
    person = WalkIn(name=redeemed.payload["name"], mobile=redeemed.mobile, birth_year=redeemed.payload["birth_year"], consent=True)
    application, _ = await apply_walk_in(
        pool_id, person, channel=Channel.kiosk, consent_taken_by=f"kiosk:{kiosk_name}", now=now, language=language, zone=zone,
        limits=settings.limits,
    )
    return application


async def kiosk_result(application_id: int, *, now: datetime, zone: str) -> KioskResult | None:
    """The application a kiosk visit made, as its result screen shows it; None if it is gone."""
    row = await Application.select(Application.citizen, Application.citizen.mobile.as_alias("mobile")).where(
        Application.id == application_id
    ).first()
    if row is None:
        return None
    application = await signups.application_of(application_id, row["citizen"], now, zone)
    return KioskResult(application=application, mobile=row["mobile"])


class WrongDigits(Exception):
    """The last four digits do not match (or there is no such confirmation number: the same answer)."""


STATUS_WINDOW = timedelta(minutes=15)
WRONG_DIGITS_PER_CODE = Limit("status-code", 5, STATUS_WINDOW)
"""Wrong answers for one confirmation number, from anywhere, before it answers nothing for a while:
four digits are few, and the person can see the application at 내 신청 내역 or the desk meanwhile."""


def _wrong_digits_per_address(limits: Limits) -> Limit:
    return Limit("status-address", limits.login_failures_per_address, STATUS_WINDOW)


async def application_for_status(
    code: str, last_four: str, *, client: str, now: datetime, zone: str, limits: Limits
) -> signups.ApplicationView:
    """The application with this confirmation number, once the last four digits of its mobile
    number are right; WrongDigits otherwise, whether or not the number exists; RateLimited after
    a few wrong answers for the number, or many from one address."""
    wait = max(
        await limiter.seconds_to_wait(WRONG_DIGITS_PER_CODE, key_of(code), now),
        await limiter.seconds_to_wait(_wrong_digits_per_address(limits), key_of(client), now),
    )
    if wait:
        raise RateLimited(wait)
    try:
        return await _application_for_status(code, last_four, now=now, zone=zone)
    except WrongDigits:
        await limiter.note(WRONG_DIGITS_PER_CODE, key_of(code), now)
        await limiter.note(_wrong_digits_per_address(limits), key_of(client), now)
        raise


async def _application_for_status(code: str, last_four: str, *, now: datetime, zone: str) -> signups.ApplicationView:
    row = await Application.select(Application.id, Application.citizen, Application.citizen.mobile.as_alias("mobile")).where(
        Application.confirmation_code == code
    ).first()
    digits = "".join(ch for ch in last_four if ch.isdigit())
    if row is None or len(digits) != 4 or not row["mobile"].endswith(digits):
        raise WrongDigits()
    return await signups.application_of(row["id"], row["citizen"], now, zone)


async def event_days(first: date, last: date, *, today: date, zone: str) -> list[Day]:
    """The days from `first` to `last` that have events (program sessions left out: they are for
    the people enrolled), read through the calendar's month view."""
    months = sorted({first.replace(day=1), last.replace(day=1)})
    days: list[Day] = []
    for month in months:
        view = await month_view(month, today=today, zone=zone)
        for week in view.weeks:
            for day in week:
                if day.in_month and first <= day.day <= last:
                    day.entries = [entry for entry in day.entries if entry.category != PROGRAM]
                    if day.entries:
                        days.append(day)
    return days


def this_week(today: date) -> tuple[date, date]:
    """The six days after today: what 이번 주 shows after 오늘."""
    return today + timedelta(days=1), today + timedelta(days=6)
