"""One transaction under one lock for everything that changes seats.

SQLite: `BEGIN IMMEDIATE` takes the database's write lock before the first read, so two
requests can never both read "one seat left" (a deferred transaction fails with "database is
locked" under load). PostgreSQL: the seat pool's row is locked with SELECT ... FOR UPDATE,
so requests for other pools go on in parallel.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from piccolo.engine.sqlite import SQLiteEngine, TransactionType

from jobcenter.signups.tables import SeatPool

SEAT_WRITERS_PER_PROCESS = {"sqlite": 1, "postgres": 4}
"""Seat transactions a process runs at once; the others queue in the process, not in the database.

SQLite has one writer: connections that wait for its lock poll with growing sleeps and give up
after the busy timeout, so a rush of hundreds turned into 503s. PostgreSQL waits well, but a
transaction waiting for a locked pool row holds a pooled connection that page reads need."""

_gates: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = weakref.WeakKeyDictionary()


def _gate() -> asyncio.Semaphore:
    loop = asyncio.get_running_loop()
    if loop not in _gates:
        _gates[loop] = asyncio.Semaphore(SEAT_WRITERS_PER_PROCESS[SeatPool._meta.db.engine_type])
    return _gates[loop]


@asynccontextmanager
async def seat_transaction() -> AsyncIterator[None]:
    """A write transaction for seats: through the process's gate, then under the database's lock
    (taken up front on SQLite with BEGIN IMMEDIATE)."""
    engine = SeatPool._meta.db
    async with _gate():
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
