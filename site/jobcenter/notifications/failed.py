"""Messages that will not be tried again, as staff see them: grouped by the reason the provider or
the mail server gave (an invalid number, no email address, an outage that outlasted the retries),
and sent again, a whole group at once, once the cause is fixed. Who they were for is not shown:
the reason and the count are what staff act on."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from piccolo.query.functions.aggregate import Count, Max

from jobcenter.audit.service import Actor, record
from jobcenter.notifications.tables import MessageStatus, OutboxMessage

NO_REASON = ""


async def failed_by_reason() -> list[dict[str, Any]]:
    """Each reason with its channel, how many messages failed so and when the last one did, most first."""
    rows = await OutboxMessage.select(
        OutboxMessage.last_error, OutboxMessage.channel, Count(OutboxMessage.id, alias="count"), Max(OutboxMessage.created_at, alias="latest"),
    ).where(OutboxMessage.status == MessageStatus.failed.value).group_by(OutboxMessage.last_error, OutboxMessage.channel)
    return sorted(({**row, "last_error": row["last_error"] or NO_REASON, "latest": _moment(row["latest"])} for row in rows),
                  key=lambda row: -row["count"])


def _moment(value: datetime | str) -> datetime:
    """SQLite hands an aggregate of a timestamp back as the text it stores."""
    return datetime.fromisoformat(value) if isinstance(value, str) else value


async def retry_failed(reason: str, channel: str, *, actor: Actor, now: datetime) -> int:
    """Every failed message of this reason and channel goes back to the queue, due now, with its
    attempts counted afresh; returns how many. The retry is in the audit log."""
    same_reason = OutboxMessage.last_error.is_null() if reason == NO_REASON else OutboxMessage.last_error == reason
    async with OutboxMessage._meta.db.transaction():
        again = await OutboxMessage.update(
            {
                OutboxMessage.status: MessageStatus.pending.value,
                OutboxMessage.attempts: 0,
                OutboxMessage.next_attempt_at: now,
                OutboxMessage.claimed_until: None,
            }
        ).where(OutboxMessage.status == MessageStatus.failed.value, OutboxMessage.channel == channel, same_reason).returning(OutboxMessage.id)
        if again:
            await record(actor, "messages.retry", "outbox_message", None, now=now, summary=f"{channel}: {reason}"[:300],
                         after={"messages": len(again)})
    return len(again)
