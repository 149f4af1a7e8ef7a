"""The account forms' limits on the shared rate limiter (limits/). Sign-ups and reset requests are
counted per address (and reset links per account) in an hour. Login failures age out of their
window, so no lockout is permanent, and none can be caused from elsewhere. An account is a
citizen's mobile number or `staff:<username>`; what someone typed that is neither is counted as typed.

- One account from one address: refused (429) after a few failures.
- One address, any accounts: refused after many (a script trying numbers).
- One account, any addresses: slowed, never refused, so that failures caused from another device
  (at 09:00, when a popular course opens) never shut the owner out.

Each attempt is counted before its password or code is checked, and taken back when it was right:
however many guesses arrive at once, no more are checked than the limits allow."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from jobcenter.limits import service as limiter
from jobcenter.limits.service import Limit, key_of
from jobcenter.settings import Limits

WINDOW = timedelta(minutes=15)
SLOW_AFTER_FAILURES_PER_ACCOUNT = 5
MAX_SLOWDOWN_SECONDS = 8.0
"""The longest a login to an account under attack waits before its password is checked."""
FAILURES_PER_ACCOUNT = Limit("login-account", SLOW_AFTER_FAILURES_PER_ACCOUNT, WINDOW)
"""Counted to slow an account's logins down, never to refuse them."""


HOUR = timedelta(hours=1)


def signups_per_address(limits: Limits) -> Limit:
    return Limit("signup-address", limits.signups_per_address_per_hour, HOUR)


def resets_per_address(limits: Limits) -> Limit:
    return Limit("reset-address", limits.resets_per_address_per_hour, HOUR)


def resets_per_account(limits: Limits) -> Limit:
    return Limit("reset-account", limits.resets_per_account_per_hour, HOUR)


def _per_account_and_address(limits: Limits) -> Limit:
    return Limit("login-account-address", limits.login_failures_per_account_and_address, WINDOW)


def _per_address(limits: Limits) -> Limit:
    return Limit("login-address", limits.login_failures_per_address, WINDOW)


def _counted(account: str, client: str, limits: Limits) -> list[tuple[Limit, str]]:
    return [(_per_account_and_address(limits), key_of(account, client)), (_per_address(limits), key_of(client))]


async def take_attempt(account: str, client: str, now: datetime, limits: Limits) -> int:
    """Count this attempt as a failure before it is checked, and return 0; or, when the limits are
    reached, count nothing and return how long until an attempt may be made (for Retry-After)."""
    try:
        await limiter.take_all(_counted(account, client, limits), now)
    except limiter.RateLimited as limited:
        return limited.retry_after
    return 0


async def take_back_attempt(account: str, client: str, now: datetime, limits: Limits) -> None:
    """The attempt counted by take_attempt was not a wrong guess: it counts for nothing."""
    for limit, key in _counted(account, client, limits):
        await limiter.take_back(limit, key, now)


async def seconds_to_slow(account: str, now: datetime) -> float:
    """How long a login to this account waits: 0 until it has failed SLOW_AFTER_FAILURES_PER_ACCOUNT
    times in the window (from any addresses), then doubling from half a second, at most MAX_SLOWDOWN_SECONDS."""
    failures = await limiter.count(FAILURES_PER_ACCOUNT, key_of(account), now)
    if failures < SLOW_AFTER_FAILURES_PER_ACCOUNT:
        return 0.0
    return min(MAX_SLOWDOWN_SECONDS, 0.5 * 2 ** (failures - SLOW_AFTER_FAILURES_PER_ACCOUNT))


async def slow_down(account: str, now: datetime) -> None:
    """Wait as long as seconds_to_slow says (the request waits; nothing is refused)."""
    seconds = await seconds_to_slow(account, now)
    if seconds:
        await asyncio.sleep(seconds)


async def record_failure(account: str, now: datetime) -> None:
    """A wrong guess (already counted per address by take_attempt) slows the account down."""
    await limiter.note(FAILURES_PER_ACCOUNT, key_of(account), now)


async def forget_all_failures(account: str, limits: Limits) -> None:
    """After staff set a new password: earlier wrong guesses, from anywhere, block nothing."""
    await limiter.forget_keys_of(_per_account_and_address(limits), account)
    await limiter.forget(FAILURES_PER_ACCOUNT, key_of(account))


async def forget_failures(account: str, client: str, limits: Limits) -> None:
    """After a successful login: the account's failures, and this address's for it, are forgotten."""
    await limiter.forget(_per_account_and_address(limits), key_of(account, client))
    await limiter.forget(FAILURES_PER_ACCOUNT, key_of(account))
