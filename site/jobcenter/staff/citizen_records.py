"""A citizen's record as the back office shows it: the account (accounts/) with the person's
applications (signups/), each look written to the audit log; and deleting the account on the
person's request, audited with the seats and waitlist places it gave back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from jobcenter.accounts.corrections import account_of
from jobcenter.accounts.mobile import format_landline, format_mobile, mask_landline, mask_mobile
from jobcenter.audit.service import Actor, record
from jobcenter.signups.people import delete_person
from jobcenter.signups.service import ApplicationView, applications_of
from jobcenter.signups.tables import ApplicationStatus


@dataclass(frozen=True)
class CitizenRecord:
    """A person as staff see them: `mobile` and `landline` (None when there is none) are masked
    unless they were revealed for this view."""

    account: dict[str, Any]
    mobile: str
    landline: str | None
    revealed: bool
    has_password: bool
    applications: list[ApplicationView]

    @property
    def id(self) -> int:
        return self.account["id"]

    @property
    def name(self) -> str:
        return self.account["name"]

    @property
    def given_back(self) -> dict[str, int]:
        return _given_back(self.applications)


def _given_back(applications: list[ApplicationView]) -> dict[str, int]:
    """The seats and waitlist places that deleting the account frees."""
    return {
        "seats": sum(1 for view in applications if view.status == ApplicationStatus.confirmed.value),
        "waitlist_places": sum(1 for view in applications if view.status == ApplicationStatus.waitlisted.value),
    }


async def citizen_record(citizen_id: int, *, actor: Actor, now: datetime, zone: str, reveal: bool = False) -> CitizenRecord:
    """The person's details and applications for one page view, logged as `citizen.view`, or as
    `citizen.reveal` when the full numbers are shown."""
    row = await account_of(citizen_id)
    applications = await applications_of(citizen_id, now, zone)
    await record(actor, "citizen.reveal" if reveal else "citizen.view", "citizen", citizen_id,
                 now=now, citizen_id=citizen_id, summary=row["name"])
    mobile, landline = row.pop("mobile"), row.pop("landline")
    has_password = bool(row.pop("password_hash"))
    return CitizenRecord(
        account=row,
        mobile=format_mobile(mobile) if reveal else mask_mobile(mobile),
        landline=(format_landline(landline) if reveal else mask_landline(landline)) if landline else None,
        revealed=reveal,
        has_password=has_password,
        applications=applications,
    )


async def delete_on_request(citizen_id: int, *, actor: Actor, now: datetime, language: str, zone: str) -> None:
    """Delete the account as the person asked: seats freed (the waitlists move up), then the account.

    delete_person frees each pool under its own seat lock and deletes in a last transaction of its
    own, so the entry is written right after it, once the account is gone; it keeps the name and
    number of the account and what was given back, never contact data."""
    row = await account_of(citizen_id)
    given_back = _given_back(await applications_of(citizen_id, now, zone))
    await delete_person(citizen_id, now, language=language, zone=zone)
    await record(actor, "citizen.delete", "citizen", citizen_id, now=now, citizen_id=citizen_id,
                 summary=f"{row['name']} (#{citizen_id})", before=given_back, after={"account": "deleted"})
