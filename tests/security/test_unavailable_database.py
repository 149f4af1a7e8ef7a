"""Issue 12, item 4: a database that cannot take writes (read-only, full, gone) means 503 with
Retry-After, never 500; reads go on, a session's last-seen time is left for later; /readyz says so."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from jobcenter.accounts.sessions import TOUCH_EVERY
from jobcenter.catalog.tables import Program
from jobcenter.web.health import Readiness
from tests.builders import a_citizen, a_cohort, a_program
from tests.support import post_form

READ_ONLY = "attempt to write a readonly database"
WRITES = ("INSERT", "UPDATE", "DELETE", "BEGIN IMMEDIATE")


@pytest.fixture
def make_read_only(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """From the call on, every statement that writes fails as SQLite fails on a read-only file (on
    either database): what the data was stays readable."""

    def make() -> None:
        engine_class = type(Program._meta.db)
        original, original_ddl = engine_class.run_querystring, engine_class.run_ddl

        async def refusing(self: Any, querystring: Any, in_pool: bool = True) -> Any:
            if str(querystring).lstrip().upper().startswith(WRITES):
                raise sqlite3.OperationalError(READ_ONLY)
            return await original(self, querystring, in_pool=in_pool)

        async def refusing_ddl(self: Any, ddl: str, in_pool: bool = True) -> Any:
            if ddl.lstrip().upper().startswith(WRITES):
                raise sqlite3.OperationalError(READ_ONLY)
            return await original_ddl(self, ddl, in_pool=in_pool)

        monkeypatch.setattr(engine_class, "run_querystring", refusing)
        monkeypatch.setattr(engine_class, "run_ddl", refusing_ddl)

    return make


async def test_readyz_is_ok_while_the_database_takes_writes(client) -> None:
    response = await client.get("/readyz")

    assert response.status_code == 200 and response.text == "ok"


async def test_readyz_and_livez_tell_a_read_only_database_apart(client, make_read_only) -> None:
    make_read_only()

    ready, live = await client.get("/readyz"), await client.get("/livez")

    assert ready.status_code == 503 and ready.headers["retry-after"] == "5"
    assert live.status_code == 200


async def test_a_signed_in_read_goes_on_when_the_last_seen_time_cannot_be_written(client, clock, sign_in, make_read_only) -> None:
    await sign_in(await a_citizen())
    clock.now += TOUCH_EVERY + timedelta(seconds=1)
    make_read_only()

    response = await client.get("/me/applications")

    assert response.status_code == 200


async def test_an_application_on_a_read_only_database_is_503_with_retry_after(client, sign_in, make_read_only) -> None:
    cohort = await a_cohort(await a_program())
    await sign_in(await a_citizen())
    make_read_only()

    response = await post_form(client, "/applications", {"pool": str(cohort.seat_pool)})

    assert response.status_code == 503 and response.headers["retry-after"] == "5"
    assert "잠시 뒤 다시 시도해 주세요" in response.text


async def test_probes_in_a_loop_check_the_database_once_in_a_while() -> None:
    class CountingEngine:
        statements = 0

        async def run_ddl(self, ddl: str, in_pool: bool = True) -> list[dict[str, Any]]:
            self.statements += 1
            return []

    engine = CountingEngine()
    readiness = Readiness(engine, seconds=60)  # type: ignore[arg-type]  # anything with run_ddl will do

    answers = await asyncio.gather(*(readiness.ready() for _ in range(50)))

    assert all(answers) and engine.statements == 2, "one read and one write for fifty probes"
