"""A person's applications where their account is read or ends: 내 정보 shows and hands over the
account with its applications and messages, the back office's search counts each person's
active applications, and an account is deleted only after every seat and waitlist place it held is
given back (the waitlists move up). Accounts sit below signups and know none of this."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from piccolo.query.functions.aggregate import Count

from jobcenter.accounts.service import delete_account, inactive_accounts, own_account
from jobcenter.companies.referrals import referrals_of
from jobcenter.counselling.bookings import counselling_data_of
from jobcenter.notifications.messages import messages_of
from jobcenter.signups.service import ACTIVE, release_all_of
from jobcenter.signups.tables import Application


async def data_of(citizen_id: int) -> dict[str, Any]:
    """Everything held about a person, as they may see and download it (never the password hash)."""
    account = await own_account(citizen_id)
    applications = await Application.select(
        Application.id, Application.status, Application.waitlist_position, Application.confirmation_code,
        Application.channel, Application.created_at, Application.cancelled_at, Application.seat_pool,
    ).where(Application.citizen == citizen_id).order_by(Application.id)
    return {"account": account, "applications": applications, "referrals": await referrals_of(citizen_id),
            "counselling": await counselling_data_of(citizen_id), "messages": await messages_of(citizen_id)}


async def with_active_applications(people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The people found, each with `active`: their confirmed or waitlisted applications, counted
    in one query."""
    if not people:
        return []
    counts = await Application.select(Application.citizen, Count(alias="active")).where(
        Application.citizen.is_in([person["id"] for person in people]), Application.status.is_in(ACTIVE)
    ).group_by(Application.citizen)
    active = {row["citizen"]: row["active"] for row in counts}
    return [{**person, "active": active.get(person["id"], 0)} for person in people]


async def delete_person(citizen_id: int, now: datetime, *, language: str, zone: str) -> None:
    """Delete an account on the person's request or at the end of its retention: seats are freed
    first (each waitlist moves up and renumbers), then the account, its sessions and its messages go."""
    await release_all_of(citizen_id, now, language=language, zone=zone)
    await delete_account(citizen_id)


async def delete_inactive_accounts(now: datetime, retention: timedelta, *, language: str, zone: str) -> int:
    """The retention promised in the consent notice: accounts unused for `retention` are deleted
    (their seats freed first). Returns how many went."""
    stale = await inactive_accounts(now, retention)
    for citizen_id in stale:
        await delete_person(citizen_id, now, language=language, zone=zone)
    return len(stale)
