"""The housekeeping sweep waits its turn when the database is busy: a warning, no traceback, and
another try within a minute rather than ten."""

from __future__ import annotations

import logging
import sqlite3

import pytest

from jobcenter import housekeeping
from jobcenter.settings import Settings
from tests.support import FrozenClock


async def test_a_sweep_that_finds_the_database_locked_warns_and_comes_back_soon(
    settings: Settings, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def locked(*_: object, **__: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(housekeeping, "delete_expired_sessions", locked)

    again = await housekeeping.sweep_once(settings, clock)

    assert again == housekeeping.RETRY_SOON
    records = [record for record in caplog.records if record.name == "jobcenter.housekeeping"]
    assert [record.levelno for record in records] == [logging.WARNING] and records[0].exc_info is None


async def test_a_sweep_that_goes_through_comes_back_after_the_usual_pause(settings: Settings, clock: FrozenClock) -> None:
    assert await housekeeping.sweep_once(settings, clock) == housekeeping.SWEEP_EVERY
