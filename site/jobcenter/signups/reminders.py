"""A text the day before: everyone holding a confirmed seat for a course or an event date that
starts tomorrow hears of it once, from the set hour on (people's no-shows fall when they are
reminded, and a senior may have written the date down wrong). Queued by the housekeeping sweep of
every app process; each reminder is written once whoever queues it (notifications' once_key)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from jobcenter.notifications.messages import outbox_row, queue_once
from jobcenter.signups.service import message_values
from jobcenter.signups.tables import Application, ApplicationStatus
from jobcenter.signups.targets import pools_starting_on, targets_of

HOLDERS = (
    Application.id,
    Application.seat_pool,
    Application.confirmation_code,
    Application.waitlist_position,
    Application.citizen.id.as_alias("citizen_id"),
    Application.citizen.name.as_alias("name"),
    Application.citizen.email.as_alias("email"),
    Application.citizen.mobile.as_alias("mobile"),
    Application.citizen.notify_by.as_alias("notify_by"),
)


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
    holders = await Application.select(*HOLDERS).where(
        Application.seat_pool.is_in(pool_ids), Application.status == ApplicationStatus.confirmed.value
    ).order_by(Application.id)
    return await queue_once([
        (
            f"reminder:{holder['id']}:{tomorrow.isoformat()}",
            outbox_row(
                "reminder",
                {"id": holder["citizen_id"], "name": holder["name"], "email": holder["email"], "mobile": holder["mobile"],
                 "notify_by": holder["notify_by"]},
                message_values(targets[holder["seat_pool"]], {"confirmation_code": holder["confirmation_code"], "waitlist_position": None}),
                now=now, language=language, zone=zone,
            ),
        )
        for holder in holders
    ])
