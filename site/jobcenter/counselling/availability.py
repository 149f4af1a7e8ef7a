"""Staff keep counselling's calendar: the counsellors and places, each counsellor's weekly
patterns at a place (the calendar's plain-words patterns), and their leave. Every change is
audited in its transaction."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter.audit.service import Actor, record
from jobcenter.counselling.tables import Availability, CounsellingPlace, Counsellor, Leave, PlaceKind
from jobcenter.db import UNIQUE_VIOLATIONS
from jobcenter.errors import NotFound
from jobcenter.i18n import N_
from jobcenter.schedule.repeating import FIELDS as REPEATING_FIELDS
from jobcenter.schedule.repeating import read_repeating
from jobcenter.web.form_input import FormInvalid, FormReader

PATTERN_ORDER = ["counsellor", "place", *REPEATING_FIELDS, "slot_minutes"]
SLOT_MINUTES = ("20", "30", "40", "60")
ALREADY_A_COUNSELLOR = N_("You are already a counsellor here.")


class AvailabilityNotFound(NotFound):
    """No such pattern or leave."""


async def counsellors(*, active_only: bool = False) -> list[dict[str, Any]]:
    query = Counsellor.select().order_by(Counsellor.name)
    return await (query.where(Counsellor.active.eq(True)) if active_only else query)


async def places(*, active_only: bool = False) -> list[dict[str, Any]]:
    query = CounsellingPlace.select().order_by(CounsellingPlace.position).order_by(CounsellingPlace.id)
    return await (query.where(CounsellingPlace.active.eq(True)) if active_only else query)


async def check_pattern(data: dict[str, str]) -> dict[str, Any]:
    """A pattern's values from its form; FormInvalid with every problem at once."""
    form = FormReader(data, order=PATTERN_ORDER)
    counsellor = form.choice("counsellor", [str(row["id"]) for row in await counsellors(active_only=True)], N_("Choose the counsellor."))
    place = form.choice("place", [str(row["id"]) for row in await places(active_only=True)], N_("Choose the place."))
    values = {key: value for key, value in read_repeating(form).items() if key != "skip_holidays"}  # always left out (slots.py)
    minutes = form.choice("slot_minutes", SLOT_MINUTES, N_("Choose how long each time is."))
    form.check()
    return {**values, "counsellor": int(counsellor or 0), "place": int(place or 0), "slot_minutes": int(minutes or 0)}


async def add_pattern(data: dict[str, str], *, actor: Actor, now: datetime) -> int:
    values = await check_pattern(data)
    async with Availability._meta.db.transaction():
        (row,) = await Availability.insert(Availability(**values, created_at=now)).returning(Availability.id)
        await record(actor, "counselling.pattern_add", "availability", row["id"], now=now, summary=values["rule"], after=values)
    return row["id"]


async def end_pattern(pattern_id: int, *, actor: Actor, now: datetime, zone: str) -> None:
    """No time from the pattern after today (times already booked stay booked)."""
    today = now.astimezone(ZoneInfo(zone)).date()
    async with Availability._meta.db.transaction():
        current = await Availability.select(Availability.last_day).where(Availability.id == pattern_id).first()
        if current is None:
            raise AvailabilityNotFound(pattern_id)
        last_day = min(current["last_day"] or today, today)
        await Availability.update({Availability.last_day: last_day}).where(Availability.id == pattern_id)
        await record(actor, "counselling.pattern_end", "availability", pattern_id, now=now, before={"last_day": current["last_day"]},
                     after={"last_day": last_day})


async def patterns() -> list[dict[str, Any]]:
    """Every pattern, the counsellor's and the place's names with it."""
    return await Availability.select(
        *Availability.all_columns(), Availability.counsellor.name.as_alias("counsellor_name"), Availability.place.name.as_alias("place_name"),
    ).order_by(Availability.counsellor.name).order_by(Availability.id)


async def add_leave(data: dict[str, str], *, actor: Actor, now: datetime, zone: str) -> int:
    """Leave from a day and time to another (the slots in it are not offered)."""
    form = FormReader(data, order=["counsellor", "starts_at", "ends_at", "reason"])
    counsellor = form.choice("counsellor", [str(row["id"]) for row in await counsellors()], N_("Choose the counsellor."))
    starts_at = form.moment("starts_at", zone, N_("Enter when the leave starts, like 2026-12-01 09:00."))
    ends_at = form.moment("ends_at", zone, N_("Enter when the leave ends, like 2026-12-01 18:00."))
    reason = form.text("reason", Leave.reason, too_long=N_("Write the reason in 100 characters or fewer."))
    if starts_at and ends_at and ends_at <= starts_at:
        form.fail("ends_at", N_("The end must be after the start."))
    elif starts_at and ends_at and ends_at - starts_at > timedelta(days=366):
        form.fail("ends_at", N_("Leave of more than a year: end the counsellor's patterns instead."))
    form.check()
    assert counsellor is not None and starts_at is not None and ends_at is not None, "checked above"
    async with Leave._meta.db.transaction():
        (row,) = await Leave.insert(Leave(counsellor=int(counsellor), starts_at=starts_at, ends_at=ends_at, reason=reason, created_at=now)).returning(
            Leave.id)
        await record(actor, "counselling.leave_add", "leave", row["id"], now=now, summary=reason,
                     after={"counsellor": counsellor, "starts_at": starts_at, "ends_at": ends_at})
    return row["id"]


async def remove_leave(leave_id: int, *, actor: Actor, now: datetime) -> None:
    async with Leave._meta.db.transaction():
        removed = await Leave.delete().where(Leave.id == leave_id).returning(Leave.id, Leave.starts_at, Leave.ends_at)
        if not removed:
            raise AvailabilityNotFound(leave_id)
        await record(actor, "counselling.leave_remove", "leave", leave_id, now=now, before=removed[0])


async def coming_leave(now: datetime) -> list[dict[str, Any]]:
    return await Leave.select(*Leave.all_columns(), Leave.counsellor.name.as_alias("counsellor_name")).where(Leave.ends_at > now).order_by(
        Leave.starts_at)


async def add_counsellor(data: dict[str, str], *, me: bool, actor: Actor, now: datetime) -> int:
    """A counsellor: the full name (for staff) and the given name people are told; `me` ties them
    to the staff member adding them (their own day is shown to them first)."""
    form = FormReader(data, order=["name", "first_name"])
    name = form.text("name", Counsellor.name, missing=N_("Enter the counsellor's name."))
    first_name = form.text("first_name", Counsellor.first_name, missing=N_("Enter the name people are told, like 지원."))
    if me and await Counsellor.exists().where(Counsellor.staff_id == actor.id):
        form.fail("name", ALREADY_A_COUNSELLOR)
    form.check()
    try:
        async with Counsellor._meta.db.transaction():
            (row,) = await Counsellor.insert(Counsellor(name=name, first_name=first_name, staff_id=actor.id if me else None)).returning(
                Counsellor.id)
            await record(actor, "counselling.counsellor_add", "counsellor", row["id"], now=now, summary=name)
    except UNIQUE_VIOLATIONS as error:  # "this is me" sent twice at once
        raise FormInvalid({"name": ALREADY_A_COUNSELLOR}) from error
    return row["id"]


async def own_counsellor(actor: Actor) -> int | None:
    """The counsellor the staff member is, if they said so (their own day is shown to them first)."""
    row = await Counsellor.select(Counsellor.id).where(Counsellor.staff_id == actor.id).first()
    return row["id"] if row else None


async def add_place(data: dict[str, str], *, actor: Actor, now: datetime) -> int:
    form = FormReader(data, order=["name", "kind", "address"])
    name = form.text("name", CounsellingPlace.name, missing=N_("Enter the place's name."))
    kind = form.choice("kind", PlaceKind, N_("Choose the kind of place."))
    address = form.text("address", CounsellingPlace.address, too_long=N_("Enter an address of 200 characters or fewer."))
    form.check()
    async with CounsellingPlace._meta.db.transaction():
        position = await CounsellingPlace.count()
        (row,) = await CounsellingPlace.insert(CounsellingPlace(name=name, kind=kind, address=address, position=position)).returning(CounsellingPlace.id)
        await record(actor, "counselling.place_add", "place", row["id"], now=now, summary=name)
    return row["id"]
