"""The messages people get, written in the site's language when they are queued; a person's
messages listed (for 내 정보) and deleted with their account."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from jobcenter.i18n import N_, format_clock, format_day, gettext
from jobcenter.notifications.tables import OutboxMessage

TEXTS: dict[str, tuple[str, str]] = {
    "confirmed": (
        N_("Application confirmed: %(title)s"),
        N_(
            "%(name)s, your place in %(title)s (%(label)s) is confirmed. Confirmation number: %(code)s. "
            "It starts on %(day)s at %(time)s, at %(place)s."
        ),
    ),
    "waitlisted": (
        N_("On the waitlist: %(title)s"),
        N_(
            "%(name)s, you are number %(position)s on the waitlist for %(title)s (%(label)s). "
            "We will tell you as soon as a seat is free. Confirmation number: %(code)s."
        ),
    ),
    "promoted": (
        N_("A seat is yours: %(title)s"),
        N_(
            "%(name)s, a seat became free and your place in %(title)s (%(label)s) is now confirmed. "
            "Confirmation number: %(code)s. It starts on %(day)s at %(time)s, at %(place)s."
        ),
    ),
    "cancelled": (
        N_("Application cancelled: %(title)s"),
        N_("%(name)s, your application for %(title)s (%(label)s) is cancelled. Confirmation number: %(code)s."),
    ),
    "event_cancelled": (
        N_("Cancelled: %(title)s"),
        N_(
            "%(name)s, %(title)s on %(day)s at %(time)s is cancelled. Reason: %(reason)s. "
            "Your confirmation number was %(code)s. We are sorry for the inconvenience."
        ),
    ),
    "event_moved": (
        N_("New date: %(title)s"),
        N_(
            "%(name)s, %(title)s planned for %(day)s at %(time)s moves to %(new_moment)s, at %(place)s. "
            "Reason: %(reason)s. Your registration stays valid. Confirmation number: %(code)s."
        ),
    ),
    "event_changed": (
        N_("Changed: %(title)s"),
        N_(
            "%(name)s, %(title)s on %(day)s now starts at %(time)s, at %(place)s. "
            "Your registration stays valid. Confirmation number: %(code)s."
        ),
    ),
    "password_reset": (
        N_("Reset your password"),
        N_("%(name)s, open this link within an hour to choose a new password: %(link)s"),
    ),
}


def outbox_row(
    kind: str, citizen: dict[str, Any], values: dict[str, Any], *, now: datetime, language: str, zone: str
) -> OutboxMessage:
    """One message, written in the person's language, ready to be queued."""
    subject, body = TEXTS[kind]
    filled = {"name": citizen["name"], **values}
    if "starts_on" in values:
        filled["day"] = format_day(values["starts_on"], language, zone)
        filled["time"] = format_clock(values["start_time"], language, zone)
    return OutboxMessage(
        kind=kind,
        citizen=citizen["id"],
        email=citizen.get("email"),
        mobile=citizen.get("mobile"),
        subject=(gettext(language, subject) % filled)[:200],  # the column's length; titles can be long
        body=gettext(language, body) % filled,
        created_at=now,
        next_attempt_at=now,
    )


async def queue_message(
    kind: str, citizen: dict[str, Any], values: dict[str, Any], *, now: datetime, language: str, zone: str
) -> None:
    """Write one message to the outbox, inside the caller's transaction."""
    await outbox_row(kind, citizen, values, now=now, language=language, zone=zone).save()


async def queue_messages(rows: list[OutboxMessage]) -> None:
    """Write several messages to the outbox in one statement, inside the caller's transaction."""
    if rows:
        await OutboxMessage.insert(*rows)


async def messages_of(citizen_id: int) -> list[dict[str, Any]]:
    """What was sent (or is still to be sent) to one person, oldest first."""
    return await OutboxMessage.select(
        OutboxMessage.kind, OutboxMessage.subject, OutboxMessage.status, OutboxMessage.created_at, OutboxMessage.sent_at
    ).where(OutboxMessage.citizen == citizen_id).order_by(OutboxMessage.id)


async def delete_messages_of(citizen_id: int) -> None:
    """With the person's account, inside the caller's transaction."""
    await OutboxMessage.delete().where(OutboxMessage.citizen == citizen_id)
