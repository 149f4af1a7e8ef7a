"""A backup taken while the site runs, and a restore from it: SQLite's online backup in place of the
file, PostgreSQL's pg_dump into a new empty database (as docs/deploy.md tells)."""

from __future__ import annotations

import os
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest

from jobcenter import backup
from jobcenter.catalog.tables import Program
from tests.builders import a_program

URL = os.environ["DATABASE_URL"]


@pytest.mark.skipif(not URL.startswith("sqlite"), reason="the SQLite backup")
async def test_a_sqlite_backup_taken_while_running_restores_the_data(tmp_path) -> None:
    await a_program("백업 전에 있던 과정")
    copy = tmp_path / "backup.sqlite3"

    backup.create(copy, URL)
    await a_program("백업 뒤에 생긴 과정")
    backup.restore(copy, URL)

    assert [row["title"] for row in await Program.select(Program.title)] == ["백업 전에 있던 과정"]


@pytest.mark.skipif(not URL.startswith("postgres"), reason="the PostgreSQL backup")
async def test_a_postgresql_dump_taken_while_running_restores_into_a_new_database(tmp_path) -> None:
    await a_program("백업 전에 있던 과정")
    dump = tmp_path / "jobcenter.dump"
    parts = urlsplit(URL)
    restored_name = f"jobcenter_restored_{os.getpid()}"
    restored_url = urlunsplit(parts._replace(path=f"/{restored_name}"))
    admin = await asyncpg.connect(urlunsplit(parts._replace(path="/postgres")))
    try:
        backup.create(dump, URL)
        await a_program("백업 뒤에 생긴 과정")
        await admin.execute(f'CREATE DATABASE "{restored_name}"')
        backup.restore(dump, restored_url)
        restored = await asyncpg.connect(restored_url)
        try:
            titles = [row["title"] for row in await restored.fetch("SELECT title FROM program")]
            migrations = await restored.fetchval("SELECT count(*) FROM migration")
        finally:
            await restored.close()
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{restored_name}"')
        await admin.close()

    assert titles == ["백업 전에 있던 과정"]
    assert migrations > 0, "the restored database knows its migrations: the site starts on it as it is"
