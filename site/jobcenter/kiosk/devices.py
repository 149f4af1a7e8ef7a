"""Kiosks the center enrolled: only such a device may apply or call staff from /kiosk.

An administrator creates a kiosk with a name and gets a one-time enrolment code (ENROLMENT_DIGITS
digits, valid ENROLMENT_VALID_FOR); on the device, /kiosk/enrol takes the code and gives the device
a random token in a long-lived cookie. Only hashes of the code and the token are kept, so a copy of
the database enrols nothing. Wrong codes are limited per address. Revoking is final and audited:
the device at once is a browser like any other."""

from __future__ import annotations

import secrets
import unicodedata
from datetime import datetime, timedelta
from typing import Any

from jobcenter.accounts.sessions import digest, new_token
from jobcenter.audit.service import Actor, record
from jobcenter.errors import NotFound
from jobcenter.i18n import N_
from jobcenter.kiosk.tables import Kiosk
from jobcenter.limits import service as limiter
from jobcenter.limits.service import Limit, RateLimited, key_of
from jobcenter.web.form_input import FormInvalid, FormReader

ENROLMENT_DIGITS = 8
ENROLMENT_VALID_FOR = timedelta(minutes=30)
WRONG_CODES_PER_ADDRESS = Limit("kiosk-enrolment", 5, timedelta(minutes=15))
"""Wrong enrolment codes from one address before it must wait: eight digits valid for half an hour
cannot be guessed at five tries in a quarter hour."""
DEVICE_COOKIE = "kiosk_device"
DEVICE_COOKIE_DAYS = 400
"""The longest a browser keeps a cookie; the start screen renews it, so a kiosk in use stays enrolled."""
NAME_TAKEN = N_("A kiosk in use already has this name. Choose another name.")
WRONG_CODE = N_("This enrolment code is not right or has expired. Ask an administrator for a new one.")


class KioskNotFound(NotFound):
    """No kiosk in use has that id (revoked meanwhile, or never made)."""


async def kiosks() -> list[dict[str, Any]]:
    """Every kiosk, those in use first, then the revoked, newest first within each."""
    rows = await Kiosk.select(
        Kiosk.id, Kiosk.name, Kiosk.created_at, Kiosk.enrolled_at, Kiosk.enrolment_expires_at, Kiosk.revoked_at
    ).order_by(Kiosk.id, ascending=False)
    return sorted(rows, key=lambda row: row["revoked_at"] is not None)


async def create_kiosk(data: dict[str, str], *, actor: Actor, now: datetime) -> tuple[dict[str, Any], str]:
    """A new kiosk with the name typed, and its one-time enrolment code (shown once, never stored).
    FormInvalid when the name is missing, too long or held by a kiosk in use."""
    form = FormReader(data, order=["name"])
    name = form.text("name", Kiosk.name, missing=N_("Enter a name for the kiosk, for example 1층 로비."))
    form.check()
    code = "".join(secrets.choice("0123456789") for _ in range(ENROLMENT_DIGITS))
    async with Kiosk._meta.db.transaction():
        if await Kiosk.exists().where(Kiosk.name == name, Kiosk.revoked_at.is_null()):
            raise FormInvalid({"name": NAME_TAKEN})
        (kiosk,) = await Kiosk.insert(
            Kiosk(name=name, enrolment_hash=digest(code), enrolment_expires_at=now + ENROLMENT_VALID_FOR, created_at=now)
        ).returning(Kiosk.id, Kiosk.name, Kiosk.enrolment_expires_at)
        await record(actor, "kiosk.created", "kiosk", kiosk["id"], now=now, summary=name, after={"name": name})
    return kiosk, code


def _digits(typed: str) -> str:
    """The code as typed on any keyboard: full-width digits read as digits, spaces and hyphens ignored."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", typed) if ch not in " -")


async def enrol_device(typed_code: str, *, client: str, now: datetime) -> tuple[str, str]:
    """Enrol this device with the code: returns the device's token (for its cookie) and the kiosk's
    name. FormInvalid for a wrong or expired code; RateLimited after a few wrong codes from the address."""
    wait = await limiter.seconds_to_wait(WRONG_CODES_PER_ADDRESS, key_of(client), now)
    if wait:
        raise RateLimited(wait)
    code = _digits(typed_code)
    token = new_token()
    enrolled: list[dict[str, Any]] = []
    if len(code) == ENROLMENT_DIGITS and code.isascii() and code.isdigit():
        # One conditional update: of two devices entering the same code at once, one enrols.
        enrolled = await Kiosk.update({
            Kiosk.device_hash: digest(token), Kiosk.enrolment_hash: None, Kiosk.enrolment_expires_at: None, Kiosk.enrolled_at: now,
        }).where(
            Kiosk.enrolment_hash == digest(code), Kiosk.enrolment_expires_at > now, Kiosk.revoked_at.is_null()
        ).returning(Kiosk.name)
    kiosk = enrolled[0] if enrolled else None
    if kiosk is None:
        await limiter.note(WRONG_CODES_PER_ADDRESS, key_of(client), now)
        raise FormInvalid({"code": WRONG_CODE})
    return token, kiosk["name"]


async def kiosk_of(token: str | None) -> dict[str, Any] | None:
    """The enrolled kiosk this device's cookie names, or None (no cookie, a revoked kiosk, anything else)."""
    if not token or len(token) > 100:
        return None
    return await Kiosk.select(Kiosk.id, Kiosk.name).where(Kiosk.device_hash == digest(token), Kiosk.revoked_at.is_null()).first()


async def revoke_kiosk(kiosk_id: int, *, actor: Actor, now: datetime) -> None:
    """Stop a kiosk for good: its device (or its unused code) enrols nothing any more. Audited."""
    async with Kiosk._meta.db.transaction():
        kiosk = await Kiosk.select(Kiosk.name).where(Kiosk.id == kiosk_id, Kiosk.revoked_at.is_null()).first()
        if kiosk is None:
            raise KioskNotFound(kiosk_id)
        await Kiosk.update({Kiosk.revoked_at: now, Kiosk.device_hash: None, Kiosk.enrolment_hash: None}).where(Kiosk.id == kiosk_id)
        await record(actor, "kiosk.revoked", "kiosk", kiosk_id, now=now, summary=kiosk["name"], before={"revoked_at": None},
                     after={"revoked_at": now})
