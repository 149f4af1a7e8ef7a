"""The database engine, chosen by one URL: an SQLite file by default, PostgreSQL when configured."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Awaitable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import asyncpg
from piccolo.engine.base import Engine
from piccolo.engine.postgres import PostgresEngine
from piccolo.engine.sqlite import SQLiteEngine
from piccolo.query.methods.select import Select

from jobcenter.sqlite_engine import KeptConnectionsSQLiteEngine, SecureDeleteConnection

logger = logging.getLogger("jobcenter.db")

SQLITE_BUSY_TIMEOUT_SECONDS = 10
"""How long an SQLite writer waits for another one before giving up."""

UNIQUE_VIOLATIONS = (sqlite3.IntegrityError, asyncpg.exceptions.UniqueViolationError)
"""What the database raises for a second row with the same value in a unique column."""


def engine_from_url(url: str) -> Engine:
    """Build the Piccolo engine for `sqlite:///path` or `postgresql://...`."""
    scheme = urlsplit(url).scheme
    if scheme == "sqlite":
        path = Path(url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        return KeptConnectionsSQLiteEngine(path=str(path), timeout=SQLITE_BUSY_TIMEOUT_SECONDS, factory=SecureDeleteConnection)
    if scheme in {"postgres", "postgresql"}:
        return PostgresEngine(config={"dsn": url})
    raise ValueError(f"DATABASE_URL must start with sqlite:/// or postgresql://, not {scheme}://")


def prepare_sqlite_file(engine: Engine) -> None:
    """Write-ahead logging lets readers go on while one request writes; it is kept in the file."""
    if isinstance(engine, SQLiteEngine):
        with sqlite3.connect(engine.path) as connection:
            connection.execute("PRAGMA journal_mode=WAL")


async def start(engine: Engine, pool_size: int) -> None:
    """Open what the engine needs before the first request: a pool of up to `pool_size`
    PostgreSQL connections, or on SQLite a kept writer connection and up to `pool_size` kept
    reader connections; 0 opens a connection per query."""
    prepare_sqlite_file(engine)
    if pool_size <= 0:
        return
    if isinstance(engine, PostgresEngine):
        await engine.start_connection_pool(min_size=1, max_size=pool_size)
    elif isinstance(engine, KeptConnectionsSQLiteEngine):
        engine.keep_connections(readers=pool_size)


def locking(query: Select) -> Select:
    """The select, locking its rows until the transaction ends: FOR UPDATE on PostgreSQL. SQLite
    needs nothing: its transactions here begin with BEGIN IMMEDIATE, which locks the whole file."""
    if isinstance(query.table._meta.db, SQLiteEngine):
        return query
    return query.lock_rows()


async def stop(engine: Engine) -> None:
    """Close the connection pool or the kept connections, if any."""
    if isinstance(engine, PostgresEngine) and engine.pool is not None:
        await engine.close_connection_pool()
    elif isinstance(engine, KeptConnectionsSQLiteEngine):
        await engine.close_kept_connections()


SQLITE_UNAVAILABLE = ("locked", "busy", "disk", "unable to open", "readonly", "read-only")
"""What SQLite says when a retry can cure it: another writer, a full or failing disk, a file made
read-only (a backup being restored, a full volume remounted)."""


def is_unavailable(exc: BaseException) -> bool:
    """The database is busy, full, read-only or unreachable for a moment: retry the whole request later."""
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc).lower()
        return any(words in text for words in SQLITE_UNAVAILABLE)
    return isinstance(
        exc,
        (
            asyncpg.exceptions.PostgresConnectionError,
            asyncpg.exceptions.TooManyConnectionsError,
            asyncpg.exceptions.CannotConnectNowError,
            asyncpg.exceptions.ReadOnlySQLTransactionError,
            asyncpg.exceptions.InsufficientResourcesError,  # disk full, out of memory
            asyncpg.exceptions.OperatorInterventionError,  # shut down by an administrator, recovering
            asyncpg.exceptions.InterfaceError,
            ConnectionError,
            TimeoutError,
        ),
    )


async def write_if_possible(write: Awaitable[Any], what: str) -> None:
    """A write that a read can do without (a session's last-seen time): when the database cannot
    take it now, the read goes on and the write is left for a later request."""
    try:
        await write
    except Exception as exc:
        if not is_unavailable(exc):
            raise
        logger.warning("%s not written, the database is unavailable: %s", what, exc)


def is_bad_input(exc: BaseException) -> bool:
    """The database refused a value that came from a request (PostgreSQL's data exceptions: a NUL
    character, a number out of range, text longer than its column): the request was bad, and its
    transaction was rolled back whole."""
    return isinstance(exc, asyncpg.exceptions.DataError)

