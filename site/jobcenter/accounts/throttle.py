"""Login throttling, kept in the database so every process counts the same failures. Failures age
out of the window: no lockout is permanent, and none can be caused from elsewhere. An account is a
citizen's mobile number or `staff:<username>`; what someone typed that is neither is counted as
typed, its control characters left out (a database cannot store NUL) and cut to the column's length.

- One account from one client: refused (429) after a few failures.
- One client, any accounts: refused after many (a script trying numbers).
- One account, any clients: slowed, never refused, so that failures caused from another device
  (at 09:00, when a popular course opens) never shut the owner out."""

from __future__ import annotations

import asyncio
import math
from datetime import datetime, timedelta
from typing import Any

from jobcenter.accounts.tables import LoginFailure

WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_ACCOUNT_AND_CLIENT = 5
MAX_FAILURES_PER_CLIENT = 20
SLOW_AFTER_FAILURES_PER_ACCOUNT = 5
MAX_SLOWDOWN_SECONDS = 8.0
"""The longest a login to an account under attack waits before its password is checked."""


def _key(typed: str) -> str:
    return "".join(ch for ch in typed if ch.isprintable())[:64]


async def _wait(where: Any, limit: int, now: datetime) -> int:
    since = now - WINDOW
    recent = await LoginFailure.select(LoginFailure.failed_at).where(
        where, LoginFailure.failed_at > since
    ).order_by(LoginFailure.failed_at, ascending=False).limit(limit)
    if len(recent) < limit:
        return 0
    # The wait ends when the oldest of the last `limit` failures leaves the window.
    return max(1, math.ceil((recent[-1]["failed_at"] + WINDOW - now).total_seconds()))


async def seconds_to_wait(account: str, client: str, now: datetime) -> int:
    """0 when a login may be tried now; otherwise how long until one may (for Retry-After)."""
    account, client = _key(account), _key(client)
    return max(
        await _wait((LoginFailure.account == account) & (LoginFailure.client == client), MAX_FAILURES_PER_ACCOUNT_AND_CLIENT, now),
        await _wait(LoginFailure.client == client, MAX_FAILURES_PER_CLIENT, now),
    )


async def seconds_to_slow(account: str, now: datetime) -> float:
    """How long a login to this account waits: 0 until it has failed SLOW_AFTER_FAILURES_PER_ACCOUNT
    times in the window (from any clients), then doubling from half a second, at most MAX_SLOWDOWN_SECONDS."""
    failures = await LoginFailure.count().where(LoginFailure.account == _key(account), LoginFailure.failed_at > now - WINDOW)
    if failures < SLOW_AFTER_FAILURES_PER_ACCOUNT:
        return 0.0
    return min(MAX_SLOWDOWN_SECONDS, 0.5 * 2 ** (failures - SLOW_AFTER_FAILURES_PER_ACCOUNT))


async def slow_down(account: str, now: datetime) -> None:
    """Wait as long as seconds_to_slow says (the request waits; nothing is refused)."""
    seconds = await seconds_to_slow(account, now)
    if seconds:
        await asyncio.sleep(seconds)


async def record_failure(account: str, client: str, now: datetime) -> None:
    await LoginFailure(account=_key(account), client=_key(client), failed_at=now).save()


async def forget_failures(account: str) -> None:
    """After a successful login."""
    await LoginFailure.delete().where(LoginFailure.account == _key(account))


async def forget_old_failures(now: datetime) -> None:
    """Failures older than the window count for nothing: keep the table small."""
    await LoginFailure.delete().where(LoginFailure.failed_at <= now - WINDOW)
