"""Login throttling per account and per client, kept in the database so every process counts the
same failures. Failures age out of the window: no permanent lockout. An account is a citizen's
mobile number or `staff:<username>`; what someone typed that is neither is counted as typed, its
control characters left out (a database cannot store NUL) and cut to the column's length."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from jobcenter.accounts.tables import LoginFailure

WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_ACCOUNT = 5
MAX_FAILURES_PER_CLIENT = 20


def _key(typed: str) -> str:
    return "".join(ch for ch in typed if ch.isprintable())[:64]


async def _wait(column, value: str, limit: int, now: datetime) -> int:
    since = now - WINDOW
    recent = await LoginFailure.select(LoginFailure.failed_at).where(
        column == value, LoginFailure.failed_at > since
    ).order_by(LoginFailure.failed_at, ascending=False).limit(limit)
    if len(recent) < limit:
        return 0
    # The wait ends when the oldest of the last `limit` failures leaves the window.
    return max(1, math.ceil((recent[-1]["failed_at"] + WINDOW - now).total_seconds()))


async def seconds_to_wait(account: str, client: str, now: datetime) -> int:
    """0 when a login may be tried now; otherwise how long until one may (for Retry-After)."""
    return max(
        await _wait(LoginFailure.account, _key(account), MAX_FAILURES_PER_ACCOUNT, now),
        await _wait(LoginFailure.client, _key(client), MAX_FAILURES_PER_CLIENT, now),
    )


async def record_failure(account: str, client: str, now: datetime) -> None:
    await LoginFailure(account=_key(account), client=_key(client), failed_at=now).save()


async def forget_failures(account: str) -> None:
    """After a successful login."""
    await LoginFailure.delete().where(LoginFailure.account == _key(account))


async def forget_old_failures(now: datetime) -> None:
    """Failures older than the window count for nothing: keep the table small."""
    await LoginFailure.delete().where(LoginFailure.failed_at <= now - WINDOW)
