"""Applying for someone who is not online: a phone call or a visit to the desk. The person is
found by mobile number or a minimal record is made with the consent they gave, and the seat is
taken through take_seat like every other seat. When the seat is refused, a record made just for
this application is removed again: nothing is left half done."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from jobcenter.accounts.tables import Citizen
from jobcenter.accounts.walk_in import WalkIn, find_or_register
from jobcenter.audit.service import Actor, record
from jobcenter.signups.service import SignupError, take_seat
from jobcenter.signups.tables import Channel


async def apply_on_behalf(
    pool_id: int, person: WalkIn, *, actor: Actor, now: datetime, language: str, zone: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the application, the citizen). FormInvalid for the person's details, SignupError for the
    seat, with nothing kept in either case."""
    citizen, created = await find_or_register(person, now=now, consent_taken_by=actor.name)
    try:
        application = await take_seat(
            pool_id=pool_id, citizen_id=citizen["id"], now=now, language=language, zone=zone, channel=Channel.staff, actor=actor
        )
    except SignupError:
        if created:
            await Citizen.delete().where(Citizen.id == citizen["id"])
        raise
    if created:
        await record(actor, "citizen.create", "citizen", citizen["id"], now=now, citizen_id=citizen["id"],
                     summary=citizen["name"], after={"consent_taken_by": actor.name, "channel": "staff"})
    return application, citizen
