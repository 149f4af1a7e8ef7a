"""Delivers the outbox. Safe to run in every app process: each message is claimed with a
conditional update that only one process can win, and a claim lapses if its process dies."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

from piccolo.columns.combination import Or

from jobcenter import db
from jobcenter.clock import Clock
from jobcenter.metrics import OUTBOX_FAILURES, OUTBOX_SENT
from jobcenter.notifications import doorbell
from jobcenter.notifications.advertising import ADVERTISING_KINDS, CODE_KINDS, may_send_at, next_sending_time
from jobcenter.notifications.failures import GatewayError, Undeliverable
from jobcenter.notifications.senders import Sender
from jobcenter.notifications.sending_limits import HOLD_FOR, over_limit
from jobcenter.notifications.tables import MessageStatus, OutboxMessage
from jobcenter.settings import DEFAULT_TIMEZONE, Limits

logger = logging.getLogger("jobcenter.notifications")

BATCH_SIZE = 20
CLAIM_FOR = timedelta(minutes=2)
MAX_ATTEMPTS = 8


def backoff(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min, ... at most an hour between tries."""
    return timedelta(seconds=min(30 * 2 ** (attempts - 1), 3600))


def _claimable(now: datetime) -> Or:
    return (OutboxMessage.claimed_until.is_null()) | (OutboxMessage.claimed_until < now)


async def _claim(now: datetime) -> list[dict]:
    candidates = await OutboxMessage.select(OutboxMessage.id).where(
        OutboxMessage.status == MessageStatus.pending.value, OutboxMessage.next_attempt_at <= now, _claimable(now)
    ).order_by(OutboxMessage.id).limit(BATCH_SIZE)
    claimed = []
    for candidate in candidates:
        won = await OutboxMessage.update({OutboxMessage.claimed_until: now + CLAIM_FOR}).where(
            OutboxMessage.id == candidate["id"], OutboxMessage.status == MessageStatus.pending.value, _claimable(now)
        ).returning(*OutboxMessage.all_columns())
        claimed.extend(won)
    return claimed


async def deliver_due(sender: Sender, now: datetime, limits: Limits | None = None, zone: str = DEFAULT_TIMEZONE) -> int:
    """Send what is due now; returns how many went. A failure never escapes: it is retried later.
    A text over a sending limit waits (sending_limits.py) without counting as an attempt, and so
    does news outside its sending hours (a retry can fall there: advertising.py)."""
    sent = 0
    for message in await _claim(now):
        if message["kind"] in ADVERTISING_KINDS and not may_send_at(now, zone):
            await OutboxMessage.update(
                {OutboxMessage.next_attempt_at: next_sending_time(now, zone), OutboxMessage.claimed_until: None}
            ).where(OutboxMessage.id == message["id"])
            continue
        held = await over_limit(message, now, limits or Limits())
        if held:
            await OutboxMessage.update(
                {OutboxMessage.next_attempt_at: now + HOLD_FOR, OutboxMessage.claimed_until: None, OutboxMessage.last_error: held}
            ).where(OutboxMessage.id == message["id"])
            continue
        attempts = message["attempts"] + 1
        try:
            provider_id = await sender.send(message)
        except Undeliverable as never:
            OUTBOX_FAILURES.labels(final="true").inc()
            await OutboxMessage.update(
                {OutboxMessage.status: MessageStatus.failed.value, OutboxMessage.attempts: attempts, OutboxMessage.last_error: str(never)[:500]}
            ).where(OutboxMessage.id == message["id"])
        except Exception as error:  # any failure of a gateway means "try again later"
            logger.warning("message %s not sent (attempt %s): %s", message["id"], attempts, error)
            OUTBOX_FAILURES.labels(final=str(attempts >= MAX_ATTEMPTS).lower()).inc()
            await OutboxMessage.update(
                {
                    OutboxMessage.status: (MessageStatus.failed if attempts >= MAX_ATTEMPTS else MessageStatus.pending).value,
                    OutboxMessage.attempts: attempts,
                    OutboxMessage.next_attempt_at: now + backoff(attempts),
                    OutboxMessage.claimed_until: None,
                    OutboxMessage.last_error: str(error)[:500] if isinstance(error, GatewayError) else f"{type(error).__name__}: {error}"[:500],
                }
            ).where(OutboxMessage.id == message["id"])
        else:
            sent += 1
            OUTBOX_SENT.inc()
            await OutboxMessage.update(
                {
                    OutboxMessage.status: MessageStatus.sent.value,
                    OutboxMessage.attempts: attempts,
                    OutboxMessage.sent_at: now,
                    OutboxMessage.provider_id: (provider_id or None) and provider_id[:64],
                    **({OutboxMessage.body: ""} if message["kind"] in CODE_KINDS else {}),
                }
            ).where(OutboxMessage.id == message["id"])
    return sent


async def backlog() -> dict[str, int]:
    """How many messages wait to be sent (pending) and how many were given up (failed)."""
    return {status.value: await OutboxMessage.count().where(OutboxMessage.status == status.value)
            for status in (MessageStatus.pending, MessageStatus.failed)}


async def failed_count() -> int:
    """Messages that will not be tried again: the back office's first page shows how many."""
    return await OutboxMessage.count().where(OutboxMessage.status == MessageStatus.failed.value)


async def run_forever(sender: Sender, clock: Clock, limits: Limits, zone: str, interval_seconds: float = 2.0) -> None:
    """The worker task started with the app: deliver, pause (a code rings it sooner), repeat; never
    dies of one error."""
    while True:
        try:
            await deliver_due(sender, clock(), limits, zone)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # never let one failure stop delivery
            if db.is_unavailable(error):
                logger.warning("outbox delivery paused, database unavailable: %s", error)
            else:
                logger.exception("outbox delivery failed; trying again shortly")
        await doorbell.pause(interval_seconds)
