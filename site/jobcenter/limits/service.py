"""One rate limiter for every public form that a script could hammer (sign-up, password reset,
login, the kiosk status page). Its counters are rows in the database, so every process and every
app server counts the same events (a library's in-memory store would count per process).

A limit allows `most` events for one key in a sliding `window`; the wait is until the oldest of
the last `most` leaves it (Retry-After). Keys are cleaned of control characters and cut to the
column's length, so whatever a client sends can be counted."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from piccolo.columns.combination import Combinable
from piccolo.engine.sqlite import SQLiteEngine

from jobcenter.limits.tables import RateEvent

KEY_LENGTH = 140
LONGEST_WINDOW = timedelta(hours=1)
"""No limit counts further back than this: older events are deleted by the housekeeping job."""


@dataclass(frozen=True)
class Limit:
    """At most `most` events per key in `window`, counted under `name`."""

    name: str
    most: int
    window: timedelta


class RateLimited(Exception):
    """Too many events for one key: try again after `retry_after` seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


def key_of(*parts: str) -> str:
    """One key from its parts (an account and a client...), printable and at most KEY_LENGTH long."""
    return " ".join("".join(ch for ch in part if ch.isprintable()) for part in parts)[:KEY_LENGTH]


def _matching(limit: Limit, key: str, now: datetime) -> Combinable:
    return (RateEvent.limit_name == limit.name) & (RateEvent.key == key) & (RateEvent.at > now - limit.window)


async def count(limit: Limit, key: str, now: datetime) -> int:
    """Events for the key in the window."""
    return await RateEvent.count().where(_matching(limit, key, now))


async def seconds_to_wait(limit: Limit, key: str, now: datetime) -> int:
    """0 when one more event is allowed now; otherwise how long until it is."""
    recent = await RateEvent.select(RateEvent.at).where(_matching(limit, key, now)).order_by(
        RateEvent.at, ascending=False
    ).limit(limit.most)
    if len(recent) < limit.most:
        return 0
    return max(1, math.ceil((recent[-1]["at"] + limit.window - now).total_seconds()))


async def note(limit: Limit, key: str, now: datetime) -> None:
    """Count one event."""
    await RateEvent.insert(RateEvent(limit_name=limit.name, key=key, at=now))


async def take(limit: Limit, key: str, now: datetime) -> None:
    """Count one event if the limit allows it; RateLimited, nothing counted, otherwise."""
    await take_all([(limit, key)], now)


async def take_all(counted: Sequence[tuple[Limit, str]], now: datetime) -> None:
    """Count one event against each (limit, key) when every one allows it; RateLimited with the
    longest wait, nothing counted, otherwise. Exact however many processes ask at once: the check
    and the count share one write transaction (SQLite's begins by locking the file; on PostgreSQL
    a transaction lock per key is taken first, in one order, so two requests never both pass)."""
    engine = RateEvent._meta.db
    async with engine.transaction():
        if not isinstance(engine, SQLiteEngine):
            for name in sorted({f"{limit.name} {key}" for limit, key in counted}):
                await RateEvent.raw("SELECT pg_advisory_xact_lock(hashtext({}))", name)
        wait = max([await seconds_to_wait(limit, key, now) for limit, key in counted], default=0)
        if wait:
            raise RateLimited(wait)
        for limit, key in counted:
            await note(limit, key, now)


async def take_back(limit: Limit, key: str, now: datetime) -> None:
    """Uncount one event counted at `now` (one counted up front that turned out not to count)."""
    found = await RateEvent.select(RateEvent.id).where(
        (RateEvent.limit_name == limit.name) & (RateEvent.key == key) & (RateEvent.at == now)
    ).first()
    if found is not None:
        await RateEvent.delete().where(RateEvent.id == found["id"])


async def forget(limit: Limit, key: str) -> None:
    """Clear the key's count (a login that succeeded clears its failures)."""
    await RateEvent.delete().where((RateEvent.limit_name == limit.name) & (RateEvent.key == key))


async def forget_keys_of(limit: Limit, first_part: str) -> None:
    """Clear every key that begins with this part (an account's failures from every address).
    The part is an account as stored: digits, or `staff:` and a username."""
    await RateEvent.delete().where((RateEvent.limit_name == limit.name) & RateEvent.key.like(f"{key_of(first_part)} %"))


async def forget_old(now: datetime) -> None:
    """Events older than the longest window count for nothing: keep the table small."""
    await RateEvent.delete().where(RateEvent.at <= now - LONGEST_WINDOW)
