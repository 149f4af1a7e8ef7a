"""A code leaves at once: once it is committed it rings this process's worker, which takes its next
round then, not at the end of its pause."""

from __future__ import annotations

import asyncio
import time

import pytest

from jobcenter.accounts.phone_codes import Purpose, issue
from jobcenter.notifications import doorbell
from jobcenter.notifications.senders import ConsoleSender
from jobcenter.notifications.tables import OutboxMessage
from jobcenter.notifications.worker import run_forever
from jobcenter.settings import Settings
from tests.support import FrozenClock

LONG_PAUSE = 60.0


async def test_a_code_is_sent_long_before_the_workers_next_round(settings: Settings, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch) -> None:
    pausing = asyncio.Event()
    real_pause = doorbell.pause

    async def noted_pause(seconds: float) -> None:
        pausing.set()
        await real_pause(seconds)

    monkeypatch.setattr(doorbell, "pause", noted_pause)
    worker = asyncio.create_task(run_forever(ConsoleSender(production=False), clock, settings.limits, settings.timezone, LONG_PAUSE))
    try:
        await pausing.wait()  # the first round is done: the next is a minute away
        started = time.monotonic()

        await issue("01023456789", Purpose.signup, {}, now=clock.now, client="203.0.113.9", settings=settings)

        while not await OutboxMessage.count().where(OutboxMessage.status == "sent"):
            assert time.monotonic() - started < 10, "the code waited for the worker's next round"
            await asyncio.sleep(0.05)
    finally:
        worker.cancel()
