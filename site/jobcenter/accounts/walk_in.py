"""People who apply without signing up online: by phone or at the desk (staff type it in) or at
the lobby kiosk. The number finds their account when they have one; otherwise a minimal record is
made (name, mobile number, year of birth) with the consent they gave by voice or on the kiosk."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import asyncpg

from jobcenter.accounts.mobile import normalise_mobile
from jobcenter.accounts.service import CONSENT_VERSION, check_birth_year, check_name
from jobcenter.accounts.tables import Citizen
from jobcenter.i18n import N_
from jobcenter.web.form_input import FormInvalid

UNIQUE_VIOLATIONS = (sqlite3.IntegrityError, asyncpg.exceptions.UniqueViolationError)
"""What the database raises for a second row with the same mobile number."""

NO_PASSWORD = ""
"""A record made for someone else has no password: nobody can log in to it until the person
resets one (online by email, or at the center)."""


@dataclass(frozen=True)
class WalkIn:
    """What staff or the kiosk typed in, as typed."""

    name: str
    mobile: str
    birth_year: str
    consent: bool


def _check_mobile(typed: str, errors: dict[str, str]) -> str | None:
    mobile = normalise_mobile(typed)
    if not typed.strip():
        errors["mobile"] = N_("Enter the mobile number.")
    elif mobile is None:
        errors["mobile"] = N_("Enter a mobile number like 010-1234-5678.")
    return mobile


async def find_by_mobile(typed: str) -> dict[str, Any] | None:
    """The account with this mobile number, however it was typed; None when there is none."""
    mobile = normalise_mobile(typed)
    if mobile is None:
        return None
    return await Citizen.select(Citizen.id, Citizen.name, Citizen.mobile, Citizen.birth_year).where(
        Citizen.mobile == mobile
    ).first()


async def find_or_register(person: WalkIn, *, now: datetime, consent_taken_by: str) -> tuple[dict[str, Any], bool]:
    """The person's account and whether it was made just now. An existing account is used as it is
    (the application joins it); a new record needs the person's consent, and `consent_taken_by`
    (a staff member's name, or the kiosk's) is stored with it. FormInvalid, nothing written, otherwise."""
    errors: dict[str, str] = {}
    mobile = _check_mobile(person.mobile, errors)
    if mobile is not None and not errors:
        existing = await find_by_mobile(mobile)
        if existing is not None:
            return existing, False
    name = check_name(person.name, errors)
    birth_year = check_birth_year(person.birth_year, now, errors)
    if not person.consent:
        errors["consent"] = N_("Without consent to the collection and use of personal data, the application cannot be taken.")
    if errors:
        raise FormInvalid(errors)
    assert mobile is not None, "_check_mobile recorded an error otherwise"
    try:
        (row,) = await Citizen.insert(
            Citizen(
                name=name,
                mobile=mobile,
                password_hash=NO_PASSWORD,
                birth_year=birth_year,
                consent_version=CONSENT_VERSION,
                consented_at=now,
                consent_taken_by=consent_taken_by[:50],
                last_active_at=now,
                created_at=now,
                updated_at=now,
            )
        ).returning(Citizen.id)
    except UNIQUE_VIOLATIONS:
        # The same new number was registered a moment ago (a double tap, two desks at once): use it.
        existing = await find_by_mobile(mobile)
        if existing is None:
            raise
        return existing, False
    return {"id": row["id"], "name": name, "mobile": mobile, "birth_year": birth_year}, True
