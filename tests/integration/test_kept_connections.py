"""SQLite connections kept open while the app runs: reads share a few, writes take turns on one."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator

import pytest

from jobcenter.catalog.tables import Program
from jobcenter.sqlite_engine import KeptConnections, KeptConnectionsSQLiteEngine
from tests.builders import a_program
from tests.support import SESSION_POOL_SIZE

pytestmark = pytest.mark.skipif(not os.environ["DATABASE_URL"].startswith("sqlite"), reason="SQLite only")


@pytest.fixture
async def kept() -> AsyncIterator[KeptConnections]:
    engine = Program._meta.db
    assert isinstance(engine, KeptConnectionsSQLiteEngine)
    await engine.close_kept_connections()  # the session's (tests/conftest.py), kept again after
    engine.keep_connections(readers=2)
    connections = engine.kept()
    assert connections is not None
    yield connections
    await engine.close_kept_connections()
    engine.keep_connections(readers=SESSION_POOL_SIZE)


async def test_many_reads_and_writes_at_once_use_a_few_connections_and_see_each_others_writes(kept: KeptConnections) -> None:
    program = await a_program("조회수 세기")

    async def read() -> str:
        row = await Program.select(Program.title).where(Program.id == program.id).first()
        assert row is not None
        return row["title"]

    titles = await asyncio.gather(*(read() for _ in range(40)))
    await Program.update({Program.summary: "고친 요약"}).where(Program.id == program.id)
    after = await Program.select(Program.summary).where(Program.id == program.id).first()

    assert set(titles) == {"조회수 세기"}
    assert after == {"summary": "고친 요약"}
    assert kept.count <= 3, "two readers and one writer"


async def test_transactions_in_one_process_take_turns_and_none_is_lost(kept: KeptConnections) -> None:
    """Thirty read-then-write transactions at once, as a rush of sign-ups makes: each waits its
    turn for the writer, none fails with "database is locked", and every increment counts."""
    program = await a_program("동시 수정")

    async def add_one() -> None:
        async with Program._meta.db.transaction():
            row = await Program.select(Program.summary).where(Program.id == program.id).first()
            assert row is not None
            await asyncio.sleep(0)  # the others run meanwhile
            await Program.update({Program.summary: row["summary"] + "+"}).where(Program.id == program.id)

    before = await Program.select(Program.summary).where(Program.id == program.id).first()
    await asyncio.gather(*(add_one() for _ in range(30)))
    after = await Program.select(Program.summary).where(Program.id == program.id).first()

    assert before is not None and after is not None
    assert after["summary"] == before["summary"] + "+" * 30


async def test_a_failed_transaction_is_rolled_back_and_the_writer_goes_on(kept: KeptConnections) -> None:
    program = await a_program("원래 제목")

    with pytest.raises(RuntimeError):
        async with Program._meta.db.transaction():
            await Program.update({Program.title: "버려질 제목"}).where(Program.id == program.id)
            raise RuntimeError("a rule refused the change")
    async with Program._meta.db.transaction():
        await Program.update({Program.summary: "남는 요약"}).where(Program.id == program.id)

    row = await Program.select(Program.title, Program.summary).where(Program.id == program.id).first()
    assert row == {"title": "원래 제목", "summary": "남는 요약"}


async def test_closing_leaves_no_connection_open_and_queries_go_on_without_kept_ones(kept: KeptConnections) -> None:
    await a_program("닫기 전")
    assert kept.count >= 1

    engine = Program._meta.db
    assert isinstance(engine, KeptConnectionsSQLiteEngine)
    await engine.close_kept_connections()

    assert kept.count == 0
    assert engine.kept() is None
    assert await Program.count().where(Program.title == "닫기 전") == 1
