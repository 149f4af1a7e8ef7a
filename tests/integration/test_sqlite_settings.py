"""SQLite is set up for a site that holds personal data and takes many readers at once."""

from __future__ import annotations

import asyncio
import os

import pytest

from jobcenter.catalog.tables import Program
from tests.builders import a_program

pytestmark = pytest.mark.skipif(not os.environ["DATABASE_URL"].startswith("sqlite"), reason="SQLite only")


async def test_every_connection_overwrites_deleted_data_and_the_file_uses_wal() -> None:
    secure_delete = await Program.raw("PRAGMA secure_delete")
    journal = await Program.raw("PRAGMA journal_mode")

    assert secure_delete == [{"secure_delete": 1}]
    assert journal == [{"journal_mode": "wal"}]


async def test_a_transaction_that_reads_then_writes_survives_a_write_committed_in_between() -> None:
    """Staff change a row (read, then write) while the outbox worker writes elsewhere: both go
    through, one after the other, never "database is locked"."""
    program = await a_program("원래 제목")
    read_done = asyncio.Event()

    async def read_then_write() -> None:
        async with Program._meta.db.transaction():
            await Program.select(Program.title).where(Program.id == program.id).first()
            read_done.set()
            await asyncio.sleep(0.3)  # the other write is tried meanwhile
            await Program.update({Program.title: "고친 제목"}).where(Program.id == program.id)

    async def write_meanwhile() -> None:
        await read_done.wait()
        await Program.update({Program.summary: "다른 요청이 쓴 요약"}).where(Program.id == program.id)

    await asyncio.gather(read_then_write(), write_meanwhile())

    row = await Program.select(Program.title, Program.summary).where(Program.id == program.id).first()
    assert row == {"title": "고친 제목", "summary": "다른 요청이 쓴 요약"}
