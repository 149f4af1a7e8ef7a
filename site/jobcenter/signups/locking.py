"""One transaction under one lock for everything that changes seats, and applications taken
together in one transaction when many wait (group commit).

SQLite: `BEGIN IMMEDIATE` takes the database's write lock before the first read, so two
requests can never both read "one seat left". PostgreSQL: the seat pool's row is locked with
SELECT ... FOR UPDATE, so requests for other pools go on in parallel.

In a rush, applications arrive faster than one transaction each can commit. The process queues
them (in_seat_queue); a batch takes every request waiting (up to `BATCH_LIMIT`), hands each
pool's requests, in the order they came, to the function that takes seats (one savepoint per
pool: a failure there undoes that pool's part alone), and commits once. Each person hears the
outcome only after the commit.
"""

from __future__ import annotations

import asyncio
import weakref
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from jobcenter.db import locking
from jobcenter.signups.tables import SeatPool

SEAT_WRITERS_PER_PROCESS = {"sqlite": 1, "postgres": 4}
"""Seat transactions a process runs at once; the others queue in the process, not in the database.

SQLite has one writer: connections that wait for its lock poll with growing sleeps and give up
after the busy timeout, so a rush of hundreds turned into 503s. PostgreSQL waits well, but a
transaction waiting for a locked pool row holds a pooled connection that page reads need."""

BATCH_LIMIT = 100
"""Requests in one transaction at most, so that the first in a long queue is not kept waiting."""

Handler = Callable[[int, list[Any]], Awaitable[list[Any]]]
"""Under a pool's lock, inside the batch's transaction: (pool id, requests in order) -> one result
or one exception (raised to its caller, having written nothing) per request."""


@dataclass
class _Waiting:
    pool_id: int
    request: Any
    handler: Handler
    outcome: asyncio.Future[Any]


@dataclass
class _Gate:
    """A process's (an event loop's) turns at seat transactions and its queue of requests."""

    turns: asyncio.Semaphore
    waiting: deque[_Waiting] = field(default_factory=deque)
    batches: set[asyncio.Task[None]] = field(default_factory=set)


_gates: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Gate] = weakref.WeakKeyDictionary()


def _gate() -> _Gate:
    loop = asyncio.get_running_loop()
    if loop not in _gates:
        _gates[loop] = _Gate(asyncio.Semaphore(SEAT_WRITERS_PER_PROCESS[SeatPool._meta.db.engine_type]))
    return _gates[loop]


@asynccontextmanager
async def seat_transaction() -> AsyncIterator[None]:
    """A write transaction for seats: through the process's gate, then under the database's lock
    (taken up front on SQLite, whose transactions here begin with BEGIN IMMEDIATE)."""
    async with _gate().turns, SeatPool._meta.db.transaction():
        yield


async def in_seat_queue(pool_id: int, request: Any, handler: Handler) -> Any:
    """`handler`'s outcome for `request`, in a seat transaction shared with the requests waiting
    now, once that transaction has committed."""
    engine = SeatPool._meta.db
    if engine.current_transaction.get() is not None:  # inside a transaction already: join it
        (outcome,) = await handler(pool_id, [request])
        if isinstance(outcome, Exception):
            raise outcome
        return outcome
    gate = _gate()
    waiting = _Waiting(pool_id, request, handler, asyncio.get_running_loop().create_future())
    gate.waiting.append(waiting)
    if len(gate.batches) < SEAT_WRITERS_PER_PROCESS[engine.engine_type]:
        task = asyncio.create_task(_take_batches(gate))
        gate.batches.add(task)
        task.add_done_callback(gate.batches.discard)
    return await waiting.outcome


async def _take_batches(gate: _Gate) -> None:
    while gate.waiting:
        batch = [gate.waiting.popleft() for _ in range(min(BATCH_LIMIT, len(gate.waiting)))]
        async with gate.turns:
            await _run_batch(batch)


async def _run_batch(batch: list[_Waiting]) -> None:
    # Pools locked in ascending order (a stable sort keeps each pool's requests in the order they
    # came): two batches, in two processes, never wait for each other.
    alive = sorted((waiting for waiting in batch if not waiting.outcome.done()), key=lambda waiting: waiting.pool_id)
    outcomes: list[tuple[_Waiting, Any]] = []
    try:
        async with SeatPool._meta.db.transaction() as transaction:
            for (pool_id, handler), group in groupby(alive, key=lambda waiting: (waiting.pool_id, waiting.handler)):
                members = list(group)
                savepoint = await transaction.savepoint()
                try:
                    results = await handler(pool_id, [waiting.request for waiting in members])
                except Exception as failed:
                    await savepoint.rollback_to()
                    results = [failed] * len(members)
                else:
                    await savepoint.release()
                outcomes.extend(zip(members, results, strict=True))
    except BaseException as failed:  # nothing was committed: every request hears why
        for waiting in alive:
            if waiting.outcome.done():
                continue
            if isinstance(failed, Exception):
                waiting.outcome.set_exception(failed)
            else:  # the process is stopping
                waiting.outcome.cancel()
        if not isinstance(failed, Exception):
            raise
        return
    for waiting, result in outcomes:
        if waiting.outcome.done():  # the request went away meanwhile
            continue
        if isinstance(result, Exception):
            waiting.outcome.set_exception(result)
        else:
            waiting.outcome.set_result(result)


async def lock_pool(pool_id: int) -> dict[str, Any] | None:
    """Read a seat pool inside a seat transaction, locking its row where the database can."""
    return await locking(SeatPool.select().where(SeatPool.id == pool_id)).first()
