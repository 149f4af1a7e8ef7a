"""Accounts: sign-up with consent, login with throttling, password resets, one's own details, and
the account's end. Rules only; no HTTP. An account is deleted only after its seats are given back:
signups.people.delete_person does both, in that order."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from piccolo.columns import Column

from jobcenter.accounts import throttle
from jobcenter.accounts.mobile import normalise_landline, normalise_mobile
from jobcenter.accounts.passwords import hash_password, password_problem, verify_password
from jobcenter.accounts.sessions import digest, end_all_sessions
from jobcenter.accounts.tables import Citizen, PasswordReset
from jobcenter.i18n import N_
from jobcenter.limits import service as limiter
from jobcenter.limits.service import key_of
from jobcenter.notifications.messages import delete_messages_of, queue_message
from jobcenter.notifications.tables import Channel
from jobcenter.settings import Limits
from jobcenter.web.form_input import FormInvalid, FormReader

CONSENT_VERSION = "2026-11"
"""Version of the consent text in templates/accounts/_consent.html; stored with each consent."""
YOUNGEST_AGE = 14
"""Under-14s need a guardian's consent (PIPA art. 22-2), which the site cannot take online."""
RESET_LINK_LIFETIME = timedelta(hours=1)


class TooManyAttempts(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


SIGNUP_FIELDS = ["name", "mobile", "password", "password_again", "birth_year", "email", "consent_required"]
"""The sign-up form's fields, in the order its problems are listed (the consent boxes last)."""
DETAILS_FIELDS = ["name", "birth_year", "email", "notify_by"]
NOT_A_MOBILE = N_("Enter a mobile number like 010-1234-5678.")
NOT_THE_SAME = N_("The two passwords are not the same.")


def read_name(form: FormReader, field: str = "name") -> str:
    """A person's name, as long as Citizen.name holds; required."""
    too_long = N_("Enter your name in 50 characters or fewer.")
    name = form.text(field, Citizen.name, missing=N_("Enter your name."), too_long=too_long)
    if not name.isprintable():  # zero-width and other invisible characters, which typing does not make
        form.fail(field, too_long)
    return name


def read_birth_year(form: FormReader, now: datetime, field: str = "birth_year") -> int | None:
    """A year of birth as four digits, of someone 14 or older (younger ones need a guardian's consent)."""
    birth_year = form.number(field, 0, 9999, N_("Enter your year of birth as four digits, like 1965."))
    if birth_year is None:
        return None
    if not 1900 <= birth_year <= now.year:
        form.fail(field, N_("Enter a real year of birth, like 1965."))
    elif now.year - birth_year - 1 < YOUNGEST_AGE:
        form.fail(
            field,
            N_("Children under 14 need a parent's consent, which we take at the center. Please visit with a parent."),
        )
    return birth_year


def read_email(form: FormReader, field: str = "email") -> str | None:
    """An email address, or None when the field is left empty."""
    message = N_("Enter an email address like name@example.com, or leave it empty.")
    email = form.text(field, Citizen.email, too_long=message)
    if email and ("@" not in email.strip("@") or any(ch.isspace() for ch in email)):
        form.fail(field, message)
    return email or None


def read_mobile(form: FormReader, field: str = "mobile", *, missing: str | None = None) -> str | None:
    """A Korean mobile number however it was typed, as stored (01012345678); `missing` makes it
    required, otherwise an empty field is None without a problem."""
    typed = form.raw(field)
    if not typed.strip():
        if missing:
            form.fail(field, missing)
        return None
    mobile = normalise_mobile(typed)
    if mobile is None:
        form.fail(field, NOT_A_MOBILE)
    return mobile


NOT_A_LANDLINE = N_("Enter a landline like 031-980-1234, or leave it empty. A mobile number goes in the mobile number field.")


def read_landline(form: FormReader, field: str = "landline") -> str | None:
    """A landline for calls however it was typed, as stored (0319801234); empty is None."""
    typed = form.raw(field)
    if not typed.strip():
        return None
    landline = normalise_landline(typed)
    if landline is None:
        form.fail(field, NOT_A_LANDLINE)
    return landline


def read_new_password(form: FormReader, *, mobile: str | None, missing: str | None = None) -> str:
    """A new password, as typed (never trimmed), typed twice alike: "password" and "password_again"."""
    password = form.raw("password")
    problem = password_problem(password, mobile=mobile)
    if not password and missing:
        form.fail("password", missing)
    elif problem:
        form.fail("password", problem)
    elif form.raw("password_again") != password:
        form.fail("password_again", NOT_THE_SAME)
    return password


async def update_details(citizen_id: int, *, name: str, birth_year: str, email: str, notify_by: str, now: datetime) -> None:
    """Correct one's own name, year of birth and email, and choose how to hear about applications;
    FormInvalid (nothing changed) otherwise."""
    form = FormReader({"name": name, "birth_year": birth_year, "email": email, "notify_by": notify_by}, order=DETAILS_FIELDS)
    values: dict[Column | str, Any] = {
        Citizen.name: read_name(form),
        Citizen.birth_year: read_birth_year(form, now),
        Citizen.email: read_email(form),
        Citizen.notify_by: form.choice("notify_by", Channel, N_("Choose how we tell you about your applications.")),
    }
    if values[Citizen.notify_by] == Channel.email.value and form.ok("email") and not values[Citizen.email]:
        form.fail("notify_by", N_("To hear from us by email, enter your email address above."))
    form.check()
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


async def authenticate(typed_mobile: str, password: str, client: str, now: datetime, limits: Limits) -> dict[str, Any]:
    """The citizen for these credentials; TooManyAttempts while throttled; FormInvalid otherwise."""
    mobile = normalise_mobile(typed_mobile)
    account = mobile or typed_mobile.strip()[:11]
    wait = await throttle.take_attempt(account, client, now, limits)
    if wait:
        raise TooManyAttempts(wait)
    await throttle.slow_down(account, now)
    citizen = await Citizen.select(Citizen.id, Citizen.name, Citizen.password_hash).where(
        Citizen.mobile == mobile
    ).first() if mobile else None
    matches, needs_rehash = await verify_password(citizen["password_hash"] if citizen else None, password)
    if not (citizen and matches):
        await throttle.record_failure(account, now)
        raise FormInvalid({"mobile": N_("The mobile number or the password is not right.")})
    if needs_rehash:
        await Citizen.update({Citizen.password_hash: await hash_password(password)}).where(Citizen.id == citizen["id"])
    await throttle.take_back_attempt(account, client, now, limits)
    await throttle.forget_failures(account, client, limits)
    await Citizen.update({Citizen.last_active_at: now}).where(Citizen.id == citizen["id"])
    return {"id": citizen["id"], "name": citizen["name"]}


async def send_reset_link(
    typed_mobile: str, base_url: str, now: datetime, *, language: str, zone: str, client: str, limits: Limits
) -> None:
    """Queue a one-time link by email when the account has an address and has not had its links
    for the hour; say nothing either way. RateLimited when this address asked too often."""
    await limiter.take(throttle.resets_per_address(limits), key_of(client), now)
    mobile = normalise_mobile(typed_mobile)
    citizen = await Citizen.select().where(Citizen.mobile == (mobile or "")).first() if mobile else None
    if citizen is None or not citizen["email"]:
        return
    per_account = throttle.resets_per_account(limits)
    if await limiter.seconds_to_wait(per_account, key_of(citizen["mobile"]), now):
        return
    await limiter.note(per_account, key_of(citizen["mobile"]), now)
    await queue_reset_link(citizen, base_url, now, language=language, zone=zone)


async def queue_reset_link(citizen: dict[str, Any], base_url: str, now: datetime, *, language: str, zone: str) -> None:
    """The one-time link into the outbox, to the account's email address (staff send it too)."""
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
    form = FormReader({"password": password, "password_again": password_again}, order=["password", "password_again"])
    read_new_password(form, mobile=reset["mobile"])
    form.check()
    new_hash = await hash_password(password)
    async with Citizen._meta.db.transaction():
        await Citizen.update({Citizen.password_hash: new_hash, Citizen.updated_at: now}).where(Citizen.id == reset["citizen"])
        await PasswordReset.update({PasswordReset.used_at: now}).where(PasswordReset.id == reset["id"])
        await end_all_sessions(reset["citizen"])


async def inactive_accounts(now: datetime, retention: timedelta) -> list[int]:
    """The accounts unused for `retention`: the consent notice promises they are deleted."""
    return [citizen["id"] for citizen in await Citizen.select(Citizen.id).where(Citizen.last_active_at < now - retention)]
