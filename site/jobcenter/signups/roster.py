"""Reading a roster: who is confirmed, who waits, who came, for one seat pool (a cohort or an event
date). Two queries whatever its size. Staff read names and masked numbers; revealing a number and
exporting are audited (see roster_exports.py and the controller)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from jobcenter.accounts.mobile import format_mobile, mask_mobile
from jobcenter.audit.service import Actor, record
from jobcenter.i18n import N_
from jobcenter.rows import RowView
from jobcenter.signups.service import ACTIVE, NotFound, SignupError
from jobcenter.signups.tables import Application, ApplicationStatus, SeatPool
from jobcenter.signups.targets import Target, target_of

SORTS = {"applied": "applied", "name": "name"}


class CodeNotOnRoster(SignupError):
    message = N_("No confirmed place on this roster has the confirmation number %(code)s.")


@dataclass(frozen=True)
class RosterLine(RowView):
    """One application as a roster shows it."""

    row: dict[str, Any]

    @property
    def masked_mobile(self) -> str:
        return mask_mobile(self.row["mobile"])

    @property
    def full_mobile(self) -> str:
        return format_mobile(self.row["mobile"])


@dataclass(frozen=True)
class Roster:
    target: Target
    pool: dict[str, Any]
    confirmed: list[RosterLine]
    waitlisted: list[RosterLine]
    cancelled: list[RosterLine]
    entered: list[RosterLine]
    """In a lottery not drawn yet: everyone who applied, in no order that matters."""

    @property
    def attended_count(self) -> int:
        return sum(1 for line in self.confirmed if line.attended_at)


def _sorted(lines: list[RosterLine], sort: str) -> list[RosterLine]:
    if sort == "name":
        return sorted(lines, key=lambda line: (line.name, line.id))
    return lines


async def roster(pool_id: int, zone: str, sort: str = "applied") -> Roster:
    """The whole roster; the waitlist always in its order, the confirmed by application time or name."""
    target = await target_of(pool_id, zone)
    pool = await SeatPool.select().where(SeatPool.id == pool_id).first()
    if target is None or pool is None:
        raise NotFound()
    rows = await Application.select(
        Application.id, Application.status, Application.waitlist_position, Application.confirmation_code,
        Application.channel, Application.taken_by, Application.created_at, Application.cancelled_at, Application.attended_at,
        Application.citizen.id.as_alias("citizen_id"), Application.citizen.name.as_alias("name"),
        Application.citizen.mobile.as_alias("mobile"), Application.citizen.birth_year.as_alias("birth_year"),
    ).where(Application.seat_pool == pool_id).order_by(Application.created_at).order_by(Application.id)
    lines = [RosterLine(row) for row in rows]
    return Roster(
        target=target,
        pool=pool,
        confirmed=_sorted([line for line in lines if line.status == ApplicationStatus.confirmed.value], sort),
        waitlisted=sorted((line for line in lines if line.status == ApplicationStatus.waitlisted.value), key=lambda line: line.waitlist_position),
        cancelled=[line for line in lines if line.status == ApplicationStatus.cancelled.value],
        entered=[line for line in lines if line.status == ApplicationStatus.applied.value],
    )


async def reveal_mobile(pool_id: int, application_id: int, *, actor: Actor, now: datetime) -> str:
    """The full number of one person on the roster; the reveal is logged (who, when, whose)."""
    row = await Application.select(Application.citizen, Application.citizen.mobile.as_alias("mobile")).where(
        Application.id == application_id, Application.seat_pool == pool_id
    ).first()
    if row is None:
        raise NotFound()
    await record(actor, "citizen.reveal_mobile", "roster", pool_id, now=now, citizen_id=row["citizen"], summary=f"application {application_id}")
    return format_mobile(row["mobile"])


async def set_attendance(pool_id: int, application_id: int, attended: bool, *, actor: Actor, now: datetime) -> dict[str, Any]:
    """Tick (or untick) a confirmed person as present; returns the line's new state."""
    async with Application._meta.db.transaction():
        row = await Application.select(Application.id, Application.citizen, Application.status, Application.attended_at).where(
            Application.id == application_id, Application.seat_pool == pool_id, Application.status == ApplicationStatus.confirmed.value
        ).first()
        if row is None:
            raise NotFound()
        attended_at = now if attended else None
        await Application.update({Application.attended_at: attended_at}).where(Application.id == application_id)
        await record(actor, "application.attendance", "application", application_id, now=now, citizen_id=row["citizen"],
                     before={"attended": row["attended_at"] is not None}, after={"attended": attended})
    return {**row, "attended_at": attended_at}


def read_code(typed: str) -> str:
    """The confirmation number in what was typed or scanned: its last eight letters and digits, so
    that a scanned link to the status page (…/status/AB12CD34) reads as its number."""
    return "".join(ch for ch in typed.upper() if ch.isalnum())[-8:]


async def check_in_by_code(pool_id: int, typed_code: str, *, actor: Actor, now: datetime) -> dict[str, Any]:
    """Check in the person whose confirmation number was typed or scanned (from the QR code, which
    holds the number); CodeNotOnRoster when it is not a confirmed place here. Returns the person."""
    code = read_code(typed_code)
    row = await Application.select(Application.id, Application.citizen.name.as_alias("name"), Application.attended_at).where(
        Application.seat_pool == pool_id, Application.confirmation_code == code, Application.status.is_in(ACTIVE[:1])
    ).first()
    if row is None:
        raise CodeNotOnRoster(code=code or typed_code[:20])
    await set_attendance(pool_id, row["id"], True, actor=actor, now=now)
    return {"id": row["id"], "name": row["name"], "already": row["attended_at"] is not None}
