"""Background jobs each app process runs: outbox delivery, clearing what has expired, and the
reminders of tomorrow's courses and dates."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from zoneinfo import ZoneInfo

from jobcenter.accounts.news import queue_renewal_requests
from jobcenter.accounts.phone_codes import forget_old as forget_old_codes
from jobcenter.accounts.sessions import delete_expired_sessions
from jobcenter.accounts.web import session_timeouts
from jobcenter.catalog.cohort_series import make_all_ahead
from jobcenter.catalog.sessions import generate_missing
from jobcenter.clock import Clock
from jobcenter.companies.job_requests import forget_old as forget_old_job_requests
from jobcenter.counselling.reminders import queue_counselling_reminders
from jobcenter.db import is_unavailable
from jobcenter.events.generation import extend_all
from jobcenter.limits.service import forget_old as forget_old_rate_events
from jobcenter.metrics import DATABASE_ERRORS
from jobcenter.notifications.senders import sender_for
from jobcenter.notifications.worker import run_forever as deliver_forever
from jobcenter.settings import Settings
from jobcenter.signups.draws import freeze_closed
from jobcenter.signups.opening_alerts import next_opening, queue_opening_alerts
from jobcenter.signups.people import delete_inactive_accounts
from jobcenter.signups.reminders import queue_reminders
from jobcenter.staff.sessions import delete_expired_staff_sessions

logger = logging.getLogger("jobcenter.housekeeping")

SWEEP_EVERY = timedelta(minutes=10)
AFTER_OPENING = timedelta(seconds=1)
RETRY_SOON = timedelta(minutes=1)
"""When the database could not take the sweep (a rush holds its write lock, a disk is full)."""


async def sweep_once(settings: Settings, clock: Clock) -> timedelta:
    """Delete timed-out sessions (citizens' and staff's), old rate counts and texted codes, accounts past their
    retention period; generate event dates up to the horizon, the sessions of cohorts made before
    cohorts had them and the cohorts of series of cohorts up to theirs; delete companies' old
    request contacts; freeze the lists of lotteries that closed; queue tomorrow's reminders, the opening
    alerts due and the questions to people whose consent to the news lapses soon. Returns when to
    sweep again (just after the next opening someone waits for, when that is sooner): sooner,
    with a warning and no traceback, when the database was unavailable (the sweep waits its turn)."""
    try:
        now = clock()
        await delete_expired_sessions(now, **session_timeouts(settings))
        await delete_expired_staff_sessions(now, **session_timeouts(settings))
        await forget_old_rate_events(now)
        await forget_old_codes(now)
        deleted = await delete_inactive_accounts(
            now, timedelta(days=settings.retention_days), language=settings.default_language, zone=settings.timezone
        )
        if deleted:
            logger.info("deleted %s accounts unused for %s days", deleted, settings.retention_days)
        await extend_all(today=now.astimezone(ZoneInfo(settings.timezone)).date(), zone=settings.timezone)
        await generate_missing(now=now, zone=settings.timezone)
        await make_all_ahead(now=now, zone=settings.timezone)
        await forget_old_job_requests(now.astimezone(ZoneInfo(settings.timezone)).date())
        await queue_reminders(now, hour=settings.reminder_hour, language=settings.default_language, zone=settings.timezone)
        await queue_counselling_reminders(now, hour=settings.reminder_hour, language=settings.default_language, zone=settings.timezone)
        await freeze_closed(now)
        await queue_opening_alerts(now, hour=settings.reminder_hour, language=settings.default_language, zone=settings.timezone)
        await queue_renewal_requests(now, settings=settings)
        opening = await next_opening(now)
    except asyncio.CancelledError:
        raise
    except Exception as error:
        if is_unavailable(error):
            DATABASE_ERRORS.labels(kind="unavailable").inc()
            logger.warning("housekeeping sweep postponed, the database is unavailable: %s", error)
            return RETRY_SOON
        logger.exception("housekeeping sweep failed")  # a bug: its traceback, and the next sweep as usual
        return SWEEP_EVERY
    # Someone waits for an opening sooner: wake just after it, so its text leaves within seconds.
    return min(SWEEP_EVERY, opening - now + AFTER_OPENING) if opening else SWEEP_EVERY


async def sweep_forever(settings: Settings, clock: Clock) -> None:
    while True:
        pause = await sweep_once(settings, clock)
        await asyncio.sleep(pause.total_seconds())


def start_background_jobs(settings: Settings, clock: Clock) -> list[asyncio.Task]:
    return [
        asyncio.create_task(deliver_forever(sender_for(settings), clock, settings.limits, settings.timezone)),
        asyncio.create_task(sweep_forever(settings, clock)),
    ]
