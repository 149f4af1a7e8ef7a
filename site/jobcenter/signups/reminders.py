"""A text the day before: everyone holding a confirmed seat for a course or an event date that
starts tomorrow hears of it once, from the set hour on (people's no-shows fall when they are
reminded, and a senior may have written the date down wrong). Queued by the housekeeping sweep of
every app process; each reminder is written once whoever queues it (notifications' once_key)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from jobcenter.notifications.messages import outbox_row, queue_once
from jobcenter.signups.pools import registrants
from jobcenter.signups.service import message_values
from jobcenter.signups.tables import ApplicationStatus
from jobcenter.signups.targets import pools_starting_on, targets_of


async def queue_reminders(now: datetime, *, hour: int, language: str, zone: str) -> int:
    """Queue tomorrow's reminders once it is `hour` o'clock or later in `zone`; returns how many
    were written now (none twice, none for a cancelled seat or a date the center cancelled)."""
    local = now.astimezone(ZoneInfo(zone))
    if local.hour < hour:
        return 0
    tomorrow = local.date() + timedelta(days=1)
    pool_ids = await pools_starting_on(tomorrow, zone)
    if not pool_ids:
        return 0
    targets = await targets_of(pool_ids, zone)
    holders = await registrants(pool_ids, [ApplicationStatus.confirmed.value])
    return await queue_once([
        (
            f"reminder:{holder['application_id']}:{tomorrow.isoformat()}",
            outbox_row(
                "reminder", holder, message_values(targets[holder["seat_pool"]], {**holder, "waitlist_position": None}),
                now=now, language=language, zone=zone,
            ),
        )
        for holder in holders
    ])
