"""One transaction under one lock for everything that changes seats.

SQLite: `BEGIN IMMEDIATE` takes the database's write lock before the first read, so two
requests can never both read "one seat left" (a deferred transaction fails with "database is
locked" under load). PostgreSQL: the seat pool's row is locked with SELECT ... FOR UPDATE,
so requests for other pools go on in parallel.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from piccolo.engine.sqlite import SQLiteEngine, TransactionType

from jobcenter.signups.tables import SeatPool


@asynccontextmanager
async def seat_transaction() -> AsyncIterator[None]:
    """A write transaction that takes the write lock up front on SQLite."""
    engine = SeatPool._meta.db
    if isinstance(engine, SQLiteEngine):
        async with engine.transaction(transaction_type=TransactionType.immediate):
            yield
    else:
        async with engine.transaction():
            yield


async def lock_pool(pool_id: int) -> dict[str, Any] | None:
    """Read a seat pool inside seat_transaction(), locking its row where the database can."""
    query = SeatPool.select().where(SeatPool.id == pool_id)
    if not isinstance(SeatPool._meta.db, SQLiteEngine):
        query = query.lock_rows()
    return await query.first()
