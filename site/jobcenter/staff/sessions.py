"""Back-office sessions, kept in the database like citizens' ones but in their own table and cookie.

A session is half-open after the password (it may only reach the code step, for a few minutes)
and verified once the TOTP code matches."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from jobcenter.accounts.sessions import TOUCH_EVERY, digest, new_token
from jobcenter.db import write_if_possible
from jobcenter.staff.tables import StaffSession

STAFF_COOKIE = "staff_sid"
SECOND_FACTOR_WINDOW = timedelta(minutes=5)
"""How long a password-only session may wait for its code."""


async def start_half_session(staff_id: int, now: datetime) -> str:
    """After the password: a session that can only finish the login."""
    token = new_token()
    await StaffSession(token_hash=digest(token), staff=staff_id, created_at=now, last_seen_at=now).save()
    return token


async def verify_session(token: str, now: datetime) -> str:
    """After the code: the half-open session is replaced by a verified one with a new token."""
    session = await StaffSession.select(StaffSession.id, StaffSession.staff).where(
        StaffSession.token_hash == digest(token)
    ).first()
    assert session is not None, "the route's guard found this half-open session"
    fresh = new_token()
    async with StaffSession._meta.db.transaction():
        await StaffSession.delete().where(StaffSession.id == session["id"])
        await StaffSession(
            token_hash=digest(fresh), staff=session["staff"], created_at=now, last_seen_at=now, verified_at=now
        ).save()
    return fresh


async def end_staff_session(token: str | None) -> None:
    if token:
        await StaffSession.delete().where(StaffSession.token_hash == digest(token))


async def staff_of_session(
    token: str | None, now: datetime, *, idle: timedelta, absolute: timedelta
) -> dict[str, Any] | None:
    """The staff member behind the cookie with `verified` True or False, or None (timed-out
    sessions and those of deactivated accounts are deleted)."""
    if not token or len(token) > 100:
        return None
    session = await StaffSession.select(
        StaffSession.id,
        StaffSession.created_at,
        StaffSession.last_seen_at,
        StaffSession.verified_at,
        StaffSession.staff.id.as_alias("staff_id"),
        StaffSession.staff.username.as_alias("username"),
        StaffSession.staff.name.as_alias("name"),
        StaffSession.staff.role.as_alias("role"),
        StaffSession.staff.active.as_alias("active"),
        StaffSession.staff.totp_confirmed_at.as_alias("totp_confirmed_at"),
    ).where(StaffSession.token_hash == digest(token)).first()
    if session is None:
        return None
    verified = session["verified_at"] is not None
    expired = (
        not session["active"]
        or now - session["last_seen_at"] >= idle
        or now - session["created_at"] >= absolute
        or (not verified and now - session["created_at"] >= SECOND_FACTOR_WINDOW)
    )
    if expired:
        await write_if_possible(StaffSession.delete().where(StaffSession.id == session["id"]), "an expired session's end")
        return None
    if now - session["last_seen_at"] >= TOUCH_EVERY:
        await write_if_possible(
            StaffSession.update({StaffSession.last_seen_at: now}).where(StaffSession.id == session["id"]), "a session's last-seen time"
        )
    return {
        "id": session["staff_id"],
        "username": session["username"],
        "name": session["name"],
        "role": session["role"],
        "enrolled": session["totp_confirmed_at"] is not None,
        "verified": verified,
    }


async def delete_expired_staff_sessions(now: datetime, *, idle: timedelta, absolute: timedelta) -> None:
    await StaffSession.delete().where(
        (StaffSession.last_seen_at <= now - idle)
        | (StaffSession.created_at <= now - absolute)
        | (StaffSession.verified_at.is_null() & (StaffSession.created_at <= now - SECOND_FACTOR_WINDOW))
    )


async def end_sessions_of(staff_id: int) -> None:
    """A deactivated account or a new password: every browser signs in again."""
    await StaffSession.delete().where(StaffSession.staff == staff_id)
