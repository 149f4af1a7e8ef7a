"""An online backup of the SQLite database, and a restore from it."""

from __future__ import annotations

import os

import pytest

from jobcenter import backup
from jobcenter.catalog.tables import Program
from tests.builders import a_program

pytestmark = pytest.mark.skipif(
    not os.environ["DATABASE_URL"].startswith("sqlite"), reason="PostgreSQL is backed up with pg_dump"
)


async def test_a_backup_taken_while_running_restores_the_data(tmp_path) -> None:
    url = os.environ["DATABASE_URL"]
    await a_program("백업 전에 있던 과정")
    copy = tmp_path / "backup.sqlite3"

    backup.create(copy, url)
    await a_program("백업 뒤에 생긴 과정")
    backup.restore(copy, url)

    assert [row["title"] for row in await Program.select(Program.title)] == ["백업 전에 있던 과정"]
