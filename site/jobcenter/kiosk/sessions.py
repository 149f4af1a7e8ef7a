"""One visitor's turn at the kiosk on the server: a random token in a cookie, its hash in the
table, and the application made in it (the only personal thing the kiosk can show again).

A visit is started only when there is something to remember (an application), so a page view
writes nothing. It lasts as long as the kiosk lets a visitor stay idle (the idle time plus the
warning); the reset ends it at once.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from jobcenter.accounts.sessions import digest, new_token
from jobcenter.db import write_if_possible
from jobcenter.kiosk.tables import KioskSession
from jobcenter.settings import Settings

KIOSK_COOKIE = "kiosk"


def visit_lifetime(settings: Settings) -> timedelta:
    """The longest a visit can last without a request: the kiosk resets by then."""
    return timedelta(seconds=settings.kiosk_idle_seconds + settings.kiosk_warning_seconds)


async def visit_of(token: str | None, now: datetime, lifetime: timedelta) -> dict[str, Any] | None:
    """The visit this cookie belongs to, or None when there is none or it has run out (then it is deleted)."""
    if not token or len(token) > 100:
        return None
    visit = await KioskSession.select().where(KioskSession.token_hash == digest(token)).first()
    if visit is None:
        return None
    if now - visit["last_seen_at"] >= lifetime:
        await write_if_possible(KioskSession.delete().where(KioskSession.id == visit["id"]), "an expired kiosk visit's end")
        return None
    await write_if_possible(
        KioskSession.update({KioskSession.last_seen_at: now}).where(KioskSession.id == visit["id"]), "a kiosk visit's last-seen time"
    )
    return visit


async def remember_application(
    token: str | None, application_id: int, *, kiosk_name: str, now: datetime, lifetime: timedelta
) -> str:
    """Note the application in the current visit, or in a new one; returns the cookie's token.
    Visits that ran out are deleted on the way, so the table holds only current ones."""
    visit = await visit_of(token, now, lifetime)
    if visit is not None and token:
        await KioskSession.update({KioskSession.application_id: application_id}).where(KioskSession.id == visit["id"])
        return token
    await KioskSession.delete().where(KioskSession.last_seen_at <= now - lifetime)
    token = new_token()
    await KioskSession(
        token_hash=digest(token), kiosk_name=kiosk_name[:50], application_id=application_id, created_at=now, last_seen_at=now
    ).save()
    return token


async def end_visit(token: str | None) -> None:
    """The reset: nothing of the visit stays on the server."""
    if token:
        await KioskSession.delete().where(KioskSession.token_hash == digest(token))
