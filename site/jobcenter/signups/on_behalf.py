"""Applying for someone who is not signed in: a phone call or a visit to the desk (staff type it
in) or the lobby kiosk. The person is found by mobile number or a minimal record is made with the
consent they gave, and the seat is taken through take_seat like every other seat. When the seat is
refused, a record made just for this application is removed again: nothing is left half done."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from jobcenter.accounts.tables import Citizen
from jobcenter.accounts.walk_in import WalkIn, find_or_register
from jobcenter.audit.service import Actor, record
from jobcenter.settings import Limits
from jobcenter.signups.service import SignupError, take_seat
from jobcenter.signups.tables import Application, Channel


async def apply_walk_in(
    pool_id: int,
    person: WalkIn,
    *,
    channel: Channel,
    consent_taken_by: str,
    now: datetime,
    language: str,
    zone: str,
    limits: Limits,
    actor: Actor | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the application, the citizen). FormInvalid for the person's details, SignupError for the
    seat (fair use included), with nothing kept in either case. Staff pass `actor`: both steps are audited."""
    citizen, created = await find_or_register(person, now=now, consent_taken_by=consent_taken_by,
                                              name_must_match=channel is Channel.staff)
    try:
        application = await take_seat(
            pool_id=pool_id, citizen_id=citizen["id"], now=now, language=language, zone=zone, channel=channel, actor=actor,
            limits=limits,
        )
    except SignupError:
        if created:
            # Unless a second request (a double tap) has meanwhile applied with the same record.
            await Citizen.delete().where(
                Citizen.id == citizen["id"], Citizen.id.not_in(Application.select(Application.citizen))
            )
        raise
    if created and actor:
        await record(actor, "citizen.create", "citizen", citizen["id"], now=now, citizen_id=citizen["id"],
                     summary=citizen["name"], after={"consent_taken_by": consent_taken_by, "channel": channel.value})
    return application, citizen
