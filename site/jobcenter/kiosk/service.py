"""What the kiosk does beyond reading the catalog: applying without an account, the result it
shows, the status page its QR code opens, and the events of today and this week."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from jobcenter.accounts.walk_in import WalkIn
from jobcenter.events.service import PROGRAM, Day, month_view
from jobcenter.limits import service as limiter
from jobcenter.limits.service import Limit, RateLimited, key_of
from jobcenter.settings import Limits
from jobcenter.signups import service as signups
from jobcenter.signups.on_behalf import apply_walk_in
from jobcenter.signups.tables import Application, Channel

CONFIRMATION_CODE = re.compile(f"[{signups.CODE_ALPHABET}]{{8}}")
"""What a confirmation number looks like; anything else is not looked up at all."""


@dataclass(frozen=True)
class KioskResult:
    """What the result screen shows: the application, and the mobile number it was sent to, masked."""

    application: signups.ApplicationView
    mobile: str


async def apply_at_kiosk(
    *, pool_id: int, person: WalkIn, now: datetime, language: str, zone: str, kiosk_name: str
) -> dict[str, Any]:
    """Take a seat (or a waitlist place) for a walk-up visitor through the one seat service.

    The mobile number finds the person's account, or a minimal record is made with the consent
    given on the kiosk. FormInvalid for what was typed, SignupError when a seat rule says no; a
    record made for a refused application is removed again, so a refusal keeps nothing."""
    application, _ = await apply_walk_in(
        pool_id, person, channel=Channel.kiosk, consent_taken_by=f"kiosk:{kiosk_name}", now=now, language=language, zone=zone
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
