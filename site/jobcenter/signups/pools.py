"""Seat pools as the areas that own them (a program's cohorts, an event's dates) make and change
them: a new pool, its application window, closing it early, removing one nobody applied for, and
who holds a place in one. The seats themselves change only in the seat service (service.py and
roster_changes.py), under the seat lock."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from jobcenter.notifications.messages import outbox_row, queue_messages
from jobcenter.signups.service import ACTIVE
from jobcenter.signups.tables import Application, SeatPool

WINDOW = ("opens_at", "closes_at", "cancellable_until")
"""The columns of a pool's application window: what its owner may change directly."""


async def new_pool(*, capacity: int, opens_at: datetime, closes_at: datetime, cancellable_until: datetime) -> int:
    """A pool with no seat taken yet, inside the caller's transaction; returns its id."""
    pool = SeatPool(capacity=capacity, opens_at=opens_at, closes_at=closes_at, cancellable_until=cancellable_until)
    await pool.save()
    return pool.id


async def pool_of(pool_id: int) -> dict[str, Any] | None:
    """One pool: its seats, its counters and its window."""
    return await SeatPool.select().where(SeatPool.id == pool_id).first()


async def pools_by_id(pool_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Several pools in one query, by id."""
    if not pool_ids:
        return {}
    return {row["id"]: row for row in await SeatPool.select().where(SeatPool.id.is_in(pool_ids))}


async def change_window(pool_id: int, changes: dict[str, datetime]) -> None:
    """Move the window (any of WINDOW); capacity and counters are not the owner's to write."""
    if not set(changes) <= set(WINDOW):
        raise ValueError(f"not a window column: {sorted(set(changes) - set(WINDOW))}")
    await SeatPool.update({getattr(SeatPool, key): value for key, value in changes.items()}).where(SeatPool.id == pool_id)


async def close_window_by(pool: dict[str, Any] | None, moment: datetime) -> None:
    """No registration or online cancellation after `moment` (a new start, or now when cancelled);
    inside the seat transaction that locked `pool`."""
    if pool is None:
        return
    closes_at = min(pool["closes_at"], moment)
    await change_window(
        pool["id"],
        {"closes_at": closes_at, "opens_at": min(pool["opens_at"], closes_at), "cancellable_until": min(pool["cancellable_until"], moment)},
    )


async def has_applications(pool_id: int) -> bool:
    """Whether anybody ever applied (cancelled applications count: they are history)."""
    return await Application.exists().where(Application.seat_pool == pool_id)


async def delete_pool(pool_id: int) -> None:
    """Remove a pool its owner no longer has (nobody applied for it: see has_applications)."""
    await SeatPool.delete().where(SeatPool.id == pool_id)


async def registrants(pool_ids: list[int], statuses: Iterable[str] = ACTIVE) -> list[dict[str, Any]]:
    """The people with these statuses (by default a seat or a waitlist place) in these pools, in the
    order they applied: each application's id, pool, status and code, and what a message to the
    person needs (their citizen id as `id`)."""
    return await Application.select(
        Application.id.as_alias("application_id"),
        Application.seat_pool,
        Application.status,
        Application.confirmation_code,
        Application.citizen.id.as_alias("id"),
        Application.citizen.name.as_alias("name"),
        Application.citizen.email.as_alias("email"),
        Application.citizen.mobile.as_alias("mobile"),
        Application.citizen.notify_by.as_alias("notify_by"),
    ).where(Application.seat_pool.is_in(pool_ids), Application.status.is_in(list(statuses))).order_by(Application.id)


async def tell_registrants(
    kind: str, pool: dict[str, Any] | None, values: dict[str, Any], *, now: datetime, language: str, zone: str
) -> int:
    """One outbox message of `kind` to each confirmed or waitlisted person of the pool (a date or a
    session moved or cancelled), with their confirmation number; how many were told."""
    if pool is None:
        return 0
    people = await registrants([pool["id"]])
    await queue_messages([
        outbox_row(kind, person, {**values, "code": person["confirmation_code"]}, now=now, language=language, zone=zone) for person in people
    ])
    return len(people)
