"""Background jobs each app process runs: outbox delivery, and clearing what has expired."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from zoneinfo import ZoneInfo

from jobcenter.accounts.sessions import delete_expired_sessions
from jobcenter.accounts.web import session_timeouts
from jobcenter.clock import Clock
from jobcenter.events.generation import extend_all
from jobcenter.limits.service import forget_old as forget_old_rate_events
from jobcenter.notifications.senders import sender_for
from jobcenter.notifications.worker import run_forever as deliver_forever
from jobcenter.settings import Settings
from jobcenter.signups.people import delete_inactive_accounts
from jobcenter.staff.sessions import delete_expired_staff_sessions

logger = logging.getLogger("jobcenter.housekeeping")

SWEEP_EVERY = timedelta(minutes=10)


async def sweep_forever(settings: Settings, clock: Clock) -> None:
    """Delete timed-out sessions (citizens' and staff's), old login failures and accounts past their retention period;
    generate event dates up to the horizon."""
    while True:
        try:
            now = clock()
            await delete_expired_sessions(now, **session_timeouts(settings))
            await delete_expired_staff_sessions(now, **session_timeouts(settings))
            await forget_old_rate_events(now)
            deleted = await delete_inactive_accounts(
                now, timedelta(days=settings.retention_days), language=settings.default_language, zone=settings.timezone
            )
            if deleted:
                logger.info("deleted %s accounts unused for %s days", deleted, settings.retention_days)
            await extend_all(today=now.astimezone(ZoneInfo(settings.timezone)).date(), zone=settings.timezone)
        except asyncio.CancelledError:
            raise
        except Exception:  # try again at the next sweep
            logger.exception("housekeeping sweep failed")
        await asyncio.sleep(SWEEP_EVERY.total_seconds())


def start_background_jobs(settings: Settings, clock: Clock) -> list[asyncio.Task]:
    return [
        asyncio.create_task(deliver_forever(sender_for(settings), clock)),
        asyncio.create_task(sweep_forever(settings, clock)),
    ]
