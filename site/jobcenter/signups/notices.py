"""A notice from staff to the people on a roster (a room change, something to bring): written
once, previewed as it will arrive (its length, SMS or LMS, and how many people get it), then
queued for each of them in one transaction with its audit entry."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

from jobcenter.audit.service import Actor, record
from jobcenter.i18n import N_
from jobcenter.notifications.messages import Preview, fill, outbox_row, queue_messages
from jobcenter.signups.pools import registrants
from jobcenter.signups.service import NotFound, message_values
from jobcenter.signups.tables import Application, ApplicationStatus
from jobcenter.signups.targets import Target, target_of
from jobcenter.web.form_input import FormReader

NOTICE_CHARACTERS = 600
"""The longest notice staff may write (an LMS holds 2,000 bytes; the course's name comes first)."""


class Audience(str, Enum):
    confirmed = "confirmed"
    waitlisted = "waitlisted"
    everyone = "everyone"


AUDIENCE_LABELS = {
    Audience.confirmed: N_("People with a seat"),
    Audience.waitlisted: N_("People on the waitlist"),
    Audience.everyone: N_("Both"),
}
STATUSES = {
    Audience.confirmed: {ApplicationStatus.confirmed.value},
    Audience.waitlisted: {ApplicationStatus.waitlisted.value},
    Audience.everyone: {ApplicationStatus.confirmed.value, ApplicationStatus.waitlisted.value},
}


def read_notice(data: dict[str, str]) -> tuple[Audience, str]:
    """The audience and the text from the form; FormInvalid when either is missing or wrong."""
    form = FormReader(data, order=["audience", "text"])
    audience = form.choice("audience", Audience, N_("Choose who gets the notice."))
    text = form.text("text", NOTICE_CHARACTERS, missing=N_("Write the notice."), multiline=True)
    form.check()
    assert audience is not None, "checked above"
    return Audience(audience), text


async def _recipients(pool_id: int, audience: Audience) -> list[dict[str, Any]]:
    return await registrants([pool_id], STATUSES[audience])


async def _target(pool_id: int, zone: str) -> Target:
    target = await target_of(pool_id, zone)
    if target is None:
        raise NotFound()
    return target


async def preview(pool_id: int, audience: Audience, text: str, *, language: str, zone: str) -> Preview:
    target = await _target(pool_id, zone)
    sms = fill("notice", {"title": target.title, "label": target.label, "text": text}, sms=True, language=language)
    return Preview.of(sms, len(await _recipients(pool_id, audience)))


async def send_notice(pool_id: int, audience: Audience, text: str, *, actor: Actor, now: datetime, language: str, zone: str) -> int:
    """Queue the notice for everyone in the audience, with one audit entry; returns how many."""
    target = await _target(pool_id, zone)
    async with Application._meta.db.transaction():
        people = await _recipients(pool_id, audience)
        await queue_messages([
            outbox_row("notice", person, {**message_values(target, {**person, "waitlist_position": None}), "text": text},
                       now=now, language=language, zone=zone)
            for person in people
        ])
        await record(actor, "roster.notice", "seat_pool", pool_id, now=now, summary=f"{target.title} {target.label}: {text}",
                     after={"audience": audience.value, "recipients": len(people), "text": text})
    return len(people)
