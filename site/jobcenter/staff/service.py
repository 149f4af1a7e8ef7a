"""Back-office accounts: password then TOTP login, enrolment, and the admin's account management."""

from __future__ import annotations

import hmac
import re
import unicodedata
from datetime import datetime
from typing import Any

import pyotp

from jobcenter.accounts import throttle
from jobcenter.accounts.passwords import hash_password, password_problem, verify_password
from jobcenter.accounts.service import TooManyAttempts
from jobcenter.audit.service import Actor, record
from jobcenter.i18n import N_
from jobcenter.settings import Limits
from jobcenter.staff.sessions import end_sessions_of
from jobcenter.staff.tables import StaffMember, StaffRole
from jobcenter.web.form_input import FormInvalid, FormReader

USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,39}")
STAFF_FIELDS = ["username", "name", "role", "password"]
"""The new staff account form's fields, in the order its problems are listed."""


def _account(username: str) -> str:
    return f"staff:{username.strip().lower()[:40]}"


async def authenticate(username: str, password: str, client: str, now: datetime, limits: Limits) -> dict[str, Any]:
    """The active staff member for this username and password (the first of two steps)."""
    account = _account(username)
    wait = await throttle.take_attempt(account, client, now, limits)
    if wait:
        raise TooManyAttempts(wait)
    await throttle.slow_down(account, now)
    typed = username.strip().lower()
    staff = await StaffMember.select(StaffMember.id, StaffMember.password_hash, StaffMember.active).where(
        StaffMember.username == typed
    ).first() if USERNAME.fullmatch(typed) else None
    matches, needs_rehash = await verify_password(staff["password_hash"] if staff else None, password)
    if not (staff and staff["active"] and matches):
        await throttle.record_failure(account, now)
        raise FormInvalid({"username": N_("The username or the password is not right.")})
    await throttle.take_back_attempt(account, client, now, limits)
    if needs_rehash:
        await StaffMember.update({StaffMember.password_hash: await hash_password(password)}).where(StaffMember.id == staff["id"])
    return {"id": staff["id"]}


CODE_USED = N_("This code has been used already. Wait for the next code your authenticator app shows, then enter it.")


def _digits(code: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", code) if ch.isdigit())


async def check_code(staff_id: int, code: str, client: str, now: datetime, limits: Limits) -> None:
    """The second step: the 6-digit code of now (or of the step before or after, for clock drift).
    Each code opens one session: its step is taken by a conditional update, so of many requests
    with the same code at once one succeeds, and the others are told the code was used. Wrong codes
    count towards the same throttle as passwords. The first right code after enrolment confirms it."""
    staff = await StaffMember.select(
        StaffMember.username, StaffMember.totp_secret, StaffMember.totp_last_step, StaffMember.totp_confirmed_at
    ).where(StaffMember.id == staff_id).first()
    assert staff is not None, "the route's guard found this staff member's session"
    account = _account(staff["username"])
    wait = await throttle.take_attempt(account, client, now, limits)
    if wait:
        raise TooManyAttempts(wait)
    await throttle.slow_down(account, now)
    step = _matching_step(staff["totp_secret"], _digits(code), now)
    if step is None:
        await throttle.record_failure(account, now)
        raise FormInvalid({"code": N_("The code is not right. Enter the 6 digits your authenticator app shows now.")})
    values: dict[Any, Any] = {StaffMember.totp_last_step: step, StaffMember.last_login_at: now}
    if staff["totp_confirmed_at"] is None:
        values[StaffMember.totp_confirmed_at] = now
    taken = await StaffMember.update(values).where(
        StaffMember.id == staff_id, StaffMember.totp_last_step < step
    ).returning(StaffMember.id)
    await throttle.take_back_attempt(account, client, now, limits)  # a right code, used or not, is no guess
    if not taken:
        raise FormInvalid({"code": CODE_USED})
    await throttle.forget_failures(account, client, limits)


def _matching_step(secret: str | None, digits: str, now: datetime) -> int | None:
    """The 30-second step whose code is `digits`, within one step of now; None when none is."""
    if not secret or len(digits) != 6:
        return None
    totp = pyotp.TOTP(secret)
    current = int(now.timestamp()) // totp.interval
    for step in (current, current - 1, current + 1):
        if hmac.compare_digest(totp.generate_otp(step), digits):
            return step
    return None


async def enrolment_secret(staff_id: int) -> str:
    """The secret being enrolled: made at the first visit to the enrolment page and kept until the
    first right code confirms it (a reload shows the same QR code)."""
    staff = await StaffMember.select(StaffMember.totp_secret, StaffMember.totp_confirmed_at).where(
        StaffMember.id == staff_id
    ).first()
    assert staff is not None, "the route's guard found this staff member's session"
    if staff["totp_secret"] and staff["totp_confirmed_at"] is None:
        return staff["totp_secret"]
    secret = pyotp.random_base32()
    await StaffMember.update({StaffMember.totp_secret: secret}).where(
        StaffMember.id == staff_id, StaffMember.totp_confirmed_at.is_null()
    )
    return secret


def enrolment_uri(secret: str, username: str, issuer: str) -> str:
    """The otpauth:// URI an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=issuer)


def grouped(secret: str) -> str:
    """The secret in groups of four, for typing it in by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def read_staff_fields(form: FormReader) -> dict[str, Any]:
    """Username (lower case), name and role of a staff account."""
    username_rule = N_("Use 2 to 40 lower-case letters, digits, dots, hyphens or underscores.")
    username = form.text("username", StaffMember.username, missing=username_rule, too_long=username_rule).lower()
    if not USERNAME.fullmatch(username):
        form.fail("username", username_rule)
    name_rule = N_("Enter a name of 50 characters or fewer.")
    name = form.text("name", StaffMember.name, missing=name_rule, too_long=name_rule)
    role = form.choice("role", StaffRole, N_("Choose a role."))
    return {"username": username, "name": name, "role": role}


async def create_staff(
    *, username: str, name: str, role: str, password: str, now: datetime, actor: Actor | None = None
) -> int:
    """A new account; it enrols its authenticator at its first login. FormInvalid otherwise."""
    form = FormReader({"username": username, "name": name, "role": role, "password": password}, order=STAFF_FIELDS)
    values = read_staff_fields(form)
    problem = password_problem(form.raw("password"))
    if problem:
        form.fail("password", problem)
    if form.ok("username") and await StaffMember.exists().where(StaffMember.username == values["username"]):
        form.fail("username", N_("This username is taken. Choose another."))
    form.check()
    password_hash = await hash_password(password)
    async with StaffMember._meta.db.transaction():
        (row,) = await StaffMember.insert(
            StaffMember(**values, password_hash=password_hash, created_at=now, updated_at=now)
        ).returning(StaffMember.id)
        if actor:
            await record(actor, "staff.create", "staff", row["id"], now=now, summary=values["name"], after=values)
    return row["id"]


async def staff_list() -> list[dict[str, Any]]:
    return await StaffMember.select(
        StaffMember.id, StaffMember.username, StaffMember.name, StaffMember.role, StaffMember.active,
        StaffMember.totp_confirmed_at, StaffMember.last_login_at,
    ).order_by(StaffMember.active, ascending=False).order_by(StaffMember.name)


async def set_active(staff_id: int, active: bool, *, actor: Actor, now: datetime) -> None:
    """Deactivate (every session ends at once) or reactivate an account; nobody deactivates themself."""
    if staff_id == actor.id and not active:
        raise FormInvalid({"active": N_("You cannot deactivate your own account.")})
    async with StaffMember._meta.db.transaction():
        before = await StaffMember.select(StaffMember.active, StaffMember.name).where(StaffMember.id == staff_id).first()
        if before is None:
            raise FormInvalid({"active": N_("There is no such staff account.")})
        await StaffMember.update({StaffMember.active: active, StaffMember.updated_at: now}).where(StaffMember.id == staff_id)
        await record(actor, "staff.activate" if active else "staff.deactivate", "staff", staff_id, now=now,
                     summary=before["name"], before={"active": before["active"]}, after={"active": active})
        if not active:
            await end_sessions_of(staff_id)


async def reset_second_factor(staff_id: int, *, actor: Actor, now: datetime) -> None:
    """A lost phone: the account enrols a new authenticator at its next login."""
    async with StaffMember._meta.db.transaction():
        await StaffMember.update(
            {StaffMember.totp_secret: None, StaffMember.totp_confirmed_at: None, StaffMember.updated_at: now}
        ).where(StaffMember.id == staff_id)
        await record(actor, "staff.reset_totp", "staff", staff_id, now=now)
        await end_sessions_of(staff_id)
