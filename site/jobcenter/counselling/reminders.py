"""A text the day before a counselling time, from the set hour on, once per booking (queued by
the housekeeping sweep of every app process; notifications' once_key keeps it single)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from jobcenter.counselling.bookings import BOOKING_COLUMNS, text_values
from jobcenter.counselling.tables import Booking, BookingStatus
from jobcenter.notifications.messages import outbox_row, queue_once


async def queue_counselling_reminders(now: datetime, *, hour: int, language: str, zone: str) -> int:
    """Queue tomorrow's reminders once it is `hour` o'clock or later in `zone`; returns how many
    were written now (none twice, none for a cancelled or moved-away time)."""
    tz = ZoneInfo(zone)
    local = now.astimezone(tz)
    if local.hour < hour:
        return 0
    tomorrow = local.date() + timedelta(days=1)
    start = datetime.combine(tomorrow, time(), tzinfo=tz)
    rows = await Booking.select(
        *BOOKING_COLUMNS, Booking.citizen.name.as_alias("name"), Booking.citizen.mobile.as_alias("mobile"),
        Booking.citizen.email.as_alias("email"), Booking.citizen.notify_by.as_alias("notify_by"),
    ).where(Booking.status == BookingStatus.booked.value, Booking.starts_at >= start, Booking.starts_at < start + timedelta(days=1))
    return await queue_once([
        (
            f"counselling_reminder:{row['id']}:{row['starts_at'].astimezone(tz).isoformat()}",
            outbox_row("counselling_reminder", {**row, "id": row["citizen"]}, text_values(row, {"name": row["place_name"]}, zone),
                       now=now, language=language, zone=zone),
        )
        for row in rows
    ])

