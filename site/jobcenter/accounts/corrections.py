"""What staff do with a citizen's account: read it, correct the details, reset the password (a
temporary one handed over in person, or the emailed link). Every change is audited inside the
transaction that makes it. The record staff see, with the person's applications, and the deletion
on request are staff.citizen_records'."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from jobcenter.accounts import throttle
from jobcenter.accounts.mobile import mask_landline, mask_mobile
from jobcenter.accounts.passwords import hash_password
from jobcenter.accounts.service import queue_reset_link, read_birth_year, read_email, read_landline, read_mobile, read_name
from jobcenter.accounts.sessions import end_all_sessions
from jobcenter.accounts.tables import Citizen
from jobcenter.accounts.temporary_password import temporary_password
from jobcenter.audit.service import Actor, changed, record
from jobcenter.errors import NotFound
from jobcenter.i18n import N_
from jobcenter.settings import Limits
from jobcenter.web.form_input import FormInvalid, FormReader

ACCOUNT_COLUMNS = (
    Citizen.id, Citizen.name, Citizen.mobile, Citizen.birth_year, Citizen.email, Citizen.landline, Citizen.password_hash,
    Citizen.consent_version, Citizen.consented_at, Citizen.notices_consented_at, Citizen.consent_taken_by,
    Citizen.created_at, Citizen.last_active_at,
)


class CitizenNotFound(NotFound):
    """No account with this id (it may have been deleted meanwhile)."""


@dataclass(frozen=True)
class Corrections:
    """The correction form as typed; an empty `mobile` or `landline` keeps the number, and
    `remove_landline` ("1") takes the landline away."""

    name: str = ""
    birth_year: str = ""
    email: str = ""
    mobile: str = ""
    landline: str = ""
    remove_landline: str = ""


CORRECTION_FIELDS = ["name", "birth_year", "email", "mobile", "landline", "remove_landline"]
"""The correction form's fields, in the order of the page."""


async def account_of(citizen_id: int) -> dict[str, Any]:
    """The account's columns staff work with (the password hash too, to tell whether there is one);
    CitizenNotFound when there is none."""
    row = await Citizen.select(*ACCOUNT_COLUMNS).where(Citizen.id == citizen_id).first()
    if row is None:
        raise CitizenNotFound()
    return row


def _mask_email(email: str) -> str:
    """hong@example.com -> h***@example.com: enough to tell addresses apart in the audit log."""
    local, _, domain = email.partition("@")
    return f"{local[:1]}***@{domain}"


def _contact_masked(values: dict[str, Any]) -> dict[str, Any]:
    """Audit values without contact data in full: the log outlives the account."""
    masked = dict(values)
    if masked.get("mobile"):
        masked["mobile"] = mask_mobile(masked["mobile"])
    if masked.get("email"):
        masked["email"] = _mask_email(masked["email"])
    if masked.get("landline"):
        masked["landline"] = mask_landline(masked["landline"])
    return masked


async def correct_details(citizen_id: int, typed: Corrections, *, actor: Actor, now: datetime) -> None:
    """Correct name, year of birth, email, the landline for calls and (when one is typed) the mobile number, which is the
    login id and stays unique. FormInvalid with every problem, and nothing written, otherwise."""
    form = FormReader(asdict(typed), order=CORRECTION_FIELDS)
    after: dict[str, Any] = {
        "name": read_name(form),
        "birth_year": read_birth_year(form, now),
        "email": read_email(form),
    }
    new_mobile = read_mobile(form)  # none typed: the number stays
    new_landline = read_landline(form)  # the same
    async with Citizen._meta.db.transaction():
        before = await Citizen.select(Citizen.name, Citizen.birth_year, Citizen.email, Citizen.landline, Citizen.mobile).where(
            Citizen.id == citizen_id
        ).first()
        if before is None:
            raise CitizenNotFound()
        if new_mobile and new_mobile != before["mobile"] and await Citizen.exists().where(Citizen.mobile == new_mobile):
            form.fail("mobile", N_("Another account already has this mobile number. Check the number, or search for that account."))
        form.check()
        after["mobile"] = new_mobile or before["mobile"]
        after["landline"] = None if typed.remove_landline == "1" else new_landline or before["landline"]
        old, new = changed(before, after)
        if not new:
            return
        await Citizen.update({**{getattr(Citizen, key): value for key, value in new.items()}, Citizen.updated_at: now}).where(
            Citizen.id == citizen_id
        )
        await record(actor, "citizen.correct", "citizen", citizen_id, now=now, citizen_id=citizen_id,
                     summary=after["name"], before=_contact_masked(old), after=_contact_masked(new))


async def issue_temporary_password(citizen_id: int, *, actor: Actor, now: datetime, limits: Limits) -> dict[str, str]:
    """A new readable password for staff to hand over in person (returned once with the person's
    name, stored only as a hash); every browser where the person was logged in is logged out."""
    row = await account_of(citizen_id)
    password = temporary_password(row["mobile"])
    password_hash = await hash_password(password)
    async with Citizen._meta.db.transaction():
        await Citizen.update({Citizen.password_hash: password_hash, Citizen.updated_at: now}).where(Citizen.id == citizen_id)
        await end_all_sessions(citizen_id)
        # Earlier wrong guesses (the reason they came to the desk, often) must not block the new password.
        await throttle.forget_all_failures(row["mobile"], limits)
        await record(actor, "citizen.temporary_password", "citizen", citizen_id, now=now, citizen_id=citizen_id,
                     summary=row["name"], after={"temporary_password": "issued", "sessions": "ended"})
    return {"name": row["name"], "password": password}


async def email_reset_link(citizen_id: int, *, base_url: str, actor: Actor, now: datetime, language: str, zone: str) -> None:
    """Queue the one-time reset link to the account's email address; FormInvalid when it has none."""
    row = await account_of(citizen_id)
    if not row["email"]:
        raise FormInvalid({"reset_link": N_("This account has no email address. Hand over a temporary password instead, or add an email address first.")})
    async with Citizen._meta.db.transaction():  # queue_reset_link's own transaction joins this one
        await queue_reset_link(row, base_url, now, language=language, zone=zone)
        await record(actor, "citizen.reset_link", "citizen", citizen_id, now=now, citizen_id=citizen_id,
                     summary=row["name"], after={"reset_link": "sent by email"})
