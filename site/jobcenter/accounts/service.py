"""Accounts: sign-up with consent, login with throttling, password resets, one's own details, and
the account's end. Rules only; no HTTP. An account is deleted only after its seats are given back:
signups.people.delete_person does both, in that order."""

from __future__ import annotations

import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from piccolo.columns import Column

from jobcenter.accounts import throttle
from jobcenter.accounts.mobile import normalise_mobile
from jobcenter.accounts.passwords import hash_password, password_problem, verify_password
from jobcenter.accounts.sessions import digest, end_all_sessions
from jobcenter.accounts.tables import Citizen, PasswordReset
from jobcenter.i18n import N_
from jobcenter.notifications.messages import delete_messages_of, queue_message
from jobcenter.web.form_input import FormInvalid, read_int

CONSENT_VERSION = "2026-11"
"""Version of the consent text in templates/accounts/_consent.html; stored with each consent."""
YOUNGEST_AGE = 14
"""Under-14s need a guardian's consent (PIPA art. 22-2), which the site cannot take online."""
RESET_LINK_LIFETIME = timedelta(hours=1)


class TooManyAttempts(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


@dataclass
class SignupForm:
    """What the sign-up form sends, as typed."""

    name: str = ""
    mobile: str = ""
    password: str = ""
    password_again: str = ""
    birth_year: str = ""
    email: str = ""
    consent_required: bool = False
    consent_notices: bool = False


def _clean_text(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).split())


def check_name(raw: str, errors: dict[str, str]) -> str:
    name = _clean_text(raw)
    if not name:
        errors["name"] = N_("Enter your name.")
    elif len(name) > 50 or not name.isprintable():
        errors["name"] = N_("Enter your name in 50 characters or fewer.")
    return name


def check_birth_year(raw: str, now: datetime, errors: dict[str, str]) -> int | None:
    birth_year = read_int(raw, 0, 9999)
    if birth_year is None:
        errors["birth_year"] = N_("Enter your year of birth as four digits, like 1965.")
    elif not 1900 <= birth_year <= now.year:
        errors["birth_year"] = N_("Enter a real year of birth, like 1965.")
    elif now.year - birth_year - 1 < YOUNGEST_AGE:
        errors["birth_year"] = N_(
            "Children under 14 need a parent's consent, which we take at the center. Please visit with a parent."
        )
    return birth_year


def check_email(raw: str, errors: dict[str, str]) -> str | None:
    email = raw.strip()
    if email and (len(email) > 254 or "@" not in email.strip("@") or any(ch.isspace() for ch in email)):
        errors["email"] = N_("Enter an email address like name@example.com, or leave it empty.")
    return email or None


def _check_signup(form: SignupForm, now: datetime) -> tuple[dict[str, str], dict[str, Any]]:
    errors: dict[str, str] = {}
    name = check_name(form.name, errors)
    mobile = normalise_mobile(form.mobile)
    if not form.mobile.strip():
        errors["mobile"] = N_("Enter your mobile number.")
    elif mobile is None:
        errors["mobile"] = N_("Enter a mobile number like 010-1234-5678.")
    problem = password_problem(form.password, mobile=mobile)
    if not form.password:
        errors["password"] = N_("Enter a password.")
    elif problem:
        errors["password"] = problem
    elif form.password_again != form.password:
        errors["password_again"] = N_("The two passwords are not the same.")
    birth_year = check_birth_year(form.birth_year, now, errors)
    email = check_email(form.email, errors)
    if not form.consent_required:
        errors["consent_required"] = N_("To create an account, agree to the collection and use of your personal data.")
    values = {"name": name, "mobile": mobile, "birth_year": birth_year, "email": email}
    return errors, values


async def update_details(citizen_id: int, *, name: str, birth_year: str, email: str, now: datetime) -> None:
    """Correct one's own name, year of birth and email; FormInvalid (nothing changed) otherwise."""
    errors: dict[str, str] = {}
    values: dict[Column | str, Any] = {
        Citizen.name: check_name(name, errors),
        Citizen.birth_year: check_birth_year(birth_year, now, errors),
        Citizen.email: check_email(email, errors),
    }
    if errors:
        raise FormInvalid(errors)
    await Citizen.update({**values, Citizen.updated_at: now}).where(Citizen.id == citizen_id)


async def own_account(citizen_id: int) -> dict[str, Any] | None:
    """The account as its holder may see and download it: every column but the password hash."""
    return await Citizen.select(*Citizen.all_columns(exclude=[Citizen.password_hash])).where(Citizen.id == citizen_id).first()


async def delete_account(citizen_id: int) -> None:
    """The account, its sessions and its messages go, in one transaction. Its seats must be given
    back first: call signups.people.delete_person, which does both."""
    async with Citizen._meta.db.transaction():
        await delete_messages_of(citizen_id)
        await Citizen.delete().where(Citizen.id == citizen_id)


async def register(form: SignupForm, now: datetime) -> dict[str, Any]:
    """Create the account; FormInvalid (nothing stored) when any field is wrong."""
    errors, values = _check_signup(form, now)
    if not errors and await Citizen.exists().where(Citizen.mobile == values["mobile"]):
        errors["mobile"] = N_("An account with this mobile number already exists. Log in, or reset the password.")
    if errors:
        raise FormInvalid(errors)
    citizen = Citizen(
        **values,
        password_hash=await hash_password(form.password),
        consent_version=CONSENT_VERSION,
        consented_at=now,
        notices_consented_at=now if form.consent_notices else None,
        last_active_at=now,
        created_at=now,
        updated_at=now,
    )
    await citizen.save()
    return {"id": citizen.id, "name": citizen.name, "mobile": citizen.mobile}


async def authenticate(typed_mobile: str, password: str, client: str, now: datetime) -> dict[str, Any]:
    """The citizen for these credentials; TooManyAttempts while throttled; FormInvalid otherwise."""
    mobile = normalise_mobile(typed_mobile) or typed_mobile.strip()[:11]
    wait = await throttle.seconds_to_wait(mobile, client, now)
    if wait:
        raise TooManyAttempts(wait)
    citizen = await Citizen.select(Citizen.id, Citizen.name, Citizen.password_hash).where(
        Citizen.mobile == mobile
    ).first()
    matches, needs_rehash = await verify_password(citizen["password_hash"] if citizen else None, password)
    if not (citizen and matches):
        await throttle.record_failure(mobile, client, now)
        raise FormInvalid({"mobile": N_("The mobile number or the password is not right.")})
    if needs_rehash:
        await Citizen.update({Citizen.password_hash: await hash_password(password)}).where(Citizen.id == citizen["id"])
    await throttle.forget_failures(mobile)
    await Citizen.update({Citizen.last_active_at: now}).where(Citizen.id == citizen["id"])
    return {"id": citizen["id"], "name": citizen["name"]}


async def send_reset_link(typed_mobile: str, base_url: str, now: datetime, *, language: str, zone: str) -> None:
    """Queue a one-time link by email when the account has an address; say nothing either way."""
    mobile = normalise_mobile(typed_mobile)
    citizen = await Citizen.select().where(Citizen.mobile == (mobile or "")).first() if mobile else None
    if citizen is None or not citizen["email"]:
        return
    token = secrets.token_urlsafe(32)
    async with Citizen._meta.db.transaction():
        await PasswordReset(token_hash=digest(token), citizen=citizen["id"], expires_at=now + RESET_LINK_LIFETIME).save()
        await queue_message(
            "password_reset",
            citizen,
            {"link": f"{base_url}/password/reset/{token}"},
            now=now,
            language=language,
            zone=zone,
        )


async def reset_is_valid(token: str, now: datetime) -> bool:
    return await PasswordReset.exists().where(
        PasswordReset.token_hash == digest(token), PasswordReset.used_at.is_null(), PasswordReset.expires_at > now
    )


async def reset_password(token: str, password: str, password_again: str, now: datetime) -> None:
    """Set a new password from a valid link, once; every existing session ends."""
    reset = await PasswordReset.select(PasswordReset.id, PasswordReset.citizen.mobile.as_alias("mobile"), PasswordReset.citizen).where(
        PasswordReset.token_hash == digest(token), PasswordReset.used_at.is_null(), PasswordReset.expires_at > now
    ).first()
    if reset is None:
        raise FormInvalid({"password": N_("This link has expired or was already used. Ask for a new one.")})
    problem = password_problem(password, mobile=reset["mobile"])
    if problem:
        raise FormInvalid({"password": problem})
    if password != password_again:
        raise FormInvalid({"password_again": N_("The two passwords are not the same.")})
    new_hash = await hash_password(password)
    async with Citizen._meta.db.transaction():
        await Citizen.update({Citizen.password_hash: new_hash, Citizen.updated_at: now}).where(Citizen.id == reset["citizen"])
        await PasswordReset.update({PasswordReset.used_at: now}).where(PasswordReset.id == reset["id"])
        await end_all_sessions(reset["citizen"])


async def inactive_accounts(now: datetime, retention: timedelta) -> list[int]:
    """The accounts unused for `retention`: the consent notice promises they are deleted."""
    return [citizen["id"] for citizen in await Citizen.select(Citizen.id).where(Citizen.last_active_at < now - retention)]
