"""Piccolo's SQLite engine with connections that stay open while the app runs.

Piccolo opens a new SQLite connection (and a thread) for every query: on this machine SQLite
commits about 880 times a second so, against 6,400 on one connection kept open. Between
`keep_connections()` and `close_kept_connections()` (the app's start and stop, in its event loop)
this engine keeps one writer connection, which every transaction and every write outside one
uses in turn, and up to `readers` connections for reads, which WAL lets run beside the writer.
Elsewhere (migrations, scripts, another event loop) it opens a connection per query as Piccolo
does, so nothing is left open when a script ends.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import aiosqlite
from piccolo.engine.sqlite import SQLiteEngine, SQLiteTransaction, TransactionType, dict_factory

logger = logging.getLogger("jobcenter.db")


class SecureDeleteConnection(sqlite3.Connection):
    """Every SQLite connection overwrites deleted content with zeros (PIPA: deleted personal data
    must not linger in free pages of the file). The pragma lasts for one connection, so it is set
    as each connection opens."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.execute("PRAGMA secure_delete = ON")
        self.execute("PRAGMA foreign_keys = ON")


class KeptConnections:
    """The connections one event loop keeps: a writer used by one task at a time, and readers."""

    def __init__(self, engine: SQLiteEngine, readers: int) -> None:
        self._engine = engine
        self._writer: aiosqlite.Connection | None = None
        self._writer_turn = asyncio.Lock()
        self._idle_readers: list[aiosqlite.Connection] = []
        self._reader_turns = asyncio.Semaphore(readers)
        self._open: set[aiosqlite.Connection] = set()

    async def _connect(self) -> aiosqlite.Connection:
        connection = await aiosqlite.connect(**self._engine.connection_kwargs)
        connection.row_factory = dict_factory  # type: ignore[assignment]
        self._open.add(connection)
        return connection

    async def _discard(self, connection: aiosqlite.Connection) -> None:
        self._open.discard(connection)
        try:
            await connection.close()
        except Exception as exc:  # a connection that failed may fail to close too
            logger.warning("an SQLite connection did not close cleanly: %s", exc)

    @asynccontextmanager
    async def writer(self) -> AsyncIterator[aiosqlite.Connection]:
        """The writer connection, for this task alone until the block ends. A connection left
        inside a transaction (a failed rollback) is closed, and the next writer opens a new one."""
        async with self._writer_turn:
            if self._writer is None:
                self._writer = await self._connect()
            connection = self._writer
            try:
                yield connection
            finally:
                if connection.in_transaction:
                    self._writer = None
                    await self._discard(connection)

    @asynccontextmanager
    async def reader(self) -> AsyncIterator[aiosqlite.Connection]:
        async with self._reader_turns:
            connection = self._idle_readers.pop() if self._idle_readers else await self._connect()
            try:
                yield connection
            finally:
                if connection.in_transaction:
                    await self._discard(connection)
                else:
                    self._idle_readers.append(connection)

    async def close(self) -> None:
        for connection in list(self._open):
            await self._discard(connection)
        self._writer, self._idle_readers = None, []

    @property
    def count(self) -> int:
        """Connections open now (for tests and diagnostics)."""
        return len(self._open)


class KeptConnectionTransaction(SQLiteTransaction):
    """A transaction on the loop's kept writer connection, which it holds until it ends."""

    __slots__ = ("_turn",)

    async def __aenter__(self) -> SQLiteTransaction:
        if self._parent is not None:
            return self._parent
        kept = self.engine.kept()  # type: ignore[attr-defined]
        self._turn = kept.writer()
        self.connection = await self._turn.__aenter__()
        try:
            await self.begin()
        except BaseException as exc:
            await self._turn.__aexit__(type(exc), exc, exc.__traceback__)
            raise
        self.context = self.engine.current_transaction.set(self)
        return self

    async def __aexit__(self, exception_type: Any, exception: Any, traceback: Any) -> bool:
        if self._parent:
            return exception is None
        try:
            if exception:
                if not self._rolled_back and self.connection.in_transaction:
                    await self.connection.execute("ROLLBACK")
                    self._rolled_back = True
            elif not self._committed and not self._rolled_back:
                try:
                    await self.commit()
                except BaseException:
                    if self.connection.in_transaction:
                        await self.connection.execute("ROLLBACK")
                    raise
        finally:
            self.engine.current_transaction.reset(self.context)
            await self._turn.__aexit__(exception_type, exception, traceback)
        return exception is None


class KeptConnectionsSQLiteEngine(SQLiteEngine):
    """Transactions begin with BEGIN IMMEDIATE: a deferred one that reads and then writes fails at
    once with "database is locked" when another connection wrote in between (SQLite cannot move
    its snapshot forward), whatever the busy timeout. An immediate one waits for the lock."""

    def __init__(self, *, path: str, **connection_kwargs: Any) -> None:
        super().__init__(path=path, **connection_kwargs)
        self._kept: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, KeptConnections] = weakref.WeakKeyDictionary()

    def keep_connections(self, readers: int) -> None:
        """From now on, this event loop's queries use kept connections (`readers` for reads)."""
        loop = asyncio.get_running_loop()
        if loop not in self._kept:
            self._kept[loop] = KeptConnections(self, max(1, readers))

    async def close_kept_connections(self) -> None:
        kept = self._kept.pop(asyncio.get_running_loop(), None)
        if kept is not None:
            await kept.close()

    def kept(self) -> KeptConnections | None:
        try:
            return self._kept.get(asyncio.get_running_loop())
        except RuntimeError:  # no running loop
            return None

    def transaction(
        self, transaction_type: TransactionType = TransactionType.immediate, allow_nested: bool = True
    ) -> SQLiteTransaction:
        if self.kept() is None:
            return SQLiteTransaction(engine=self, transaction_type=transaction_type, allow_nested=allow_nested)
        return KeptConnectionTransaction(engine=self, transaction_type=transaction_type, allow_nested=allow_nested)

    async def _run_in_new_connection(
        self, query: str, args: list[Any] | None = None, query_type: str = "generic", table: Any = None
    ) -> Any:
        """A statement outside a transaction: on a kept reader if it only reads, on the kept writer
        otherwise (so this process's writes queue here, in order, rather than poll SQLite's lock)."""
        kept = self.kept()
        if kept is None:
            return await super()._run_in_new_connection(query, args, query_type, table)
        turn = kept.reader() if query.lstrip()[:6].upper() == "SELECT" else kept.writer()
        async with turn as connection, connection.execute(query, args or []) as cursor:
            return await cursor.fetchall()

    async def _run_in_existing_connection(
        self, connection: Any, query: str, args: list[Any] | None = None, query_type: str = "generic", table: Any = None
    ) -> Any:
        """A statement inside a transaction. (Piccolo sets `PRAGMA foreign_keys` before each one;
        every connection here has it on from the start.)"""
        async with connection.execute(query, args or []) as cursor:
            return await cursor.fetchall()
