"""The background jobs in a process of their own: `python -m jobcenter.worker`.

With several app servers, each runs with `BACKGROUND_JOBS=0` and one worker process delivers the
outbox, sweeps (sessions, retention, event dates, cohorts of series) and queues the reminders. The
jobs are safe to run twice (each message is claimed by one conditional update), so a second worker
during a deploy does no harm; one is enough. Stops cleanly on SIGTERM or SIGINT."""

from __future__ import annotations

import asyncio
import logging
import signal

from jobcenter import db
from jobcenter.catalog.tables import Program
from jobcenter.clock import Clock, system_clock
from jobcenter.housekeeping import start_background_jobs
from jobcenter.settings import Settings

logger = logging.getLogger("jobcenter.worker")


async def run(settings: Settings, clock: Clock, stop: asyncio.Event) -> None:
    """Open the database, run the background jobs until `stop` is set, then close it."""
    engine = Program._meta.db
    await db.start(engine, settings.database_pool_size)
    jobs = start_background_jobs(settings, clock)
    logger.info("background jobs started (outbox, housekeeping, reminders)")
    try:
        await stop.wait()
    finally:
        for job in jobs:
            job.cancel()
        await asyncio.gather(*jobs, return_exceptions=True)
        await db.stop(engine)
        logger.info("background jobs stopped")


async def main() -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signal_number in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signal_number, stop.set)
    await run(Settings.from_env(), system_clock, stop)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.captureWarnings(True)
    asyncio.run(main())
