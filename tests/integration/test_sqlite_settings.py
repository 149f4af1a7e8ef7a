"""SQLite is set up for a site that holds personal data and takes many readers at once."""

from __future__ import annotations

import os

import pytest

from jobcenter.catalog.tables import Program

pytestmark = pytest.mark.skipif(not os.environ["DATABASE_URL"].startswith("sqlite"), reason="SQLite only")


async def test_every_connection_overwrites_deleted_data_and_the_file_uses_wal() -> None:
    secure_delete = await Program.raw("PRAGMA secure_delete")
    journal = await Program.raw("PRAGMA journal_mode")

    assert secure_delete == [{"secure_delete": 1}]
    assert journal == [{"journal_mode": "wal"}]
