"""Staff set the days the center is closed beyond the public holidays (임시공휴일, 선거일, 휴관일).

Adding or removing one brings every coming event date and cohort session in line at once, in
the same transaction: series and cohorts that leave out holidays leave out the closure days too.
Dates someone registered for and dates staff changed by hand stay as they are (see
events/generation.py and catalog/sessions.py); staff move or cancel those themselves."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter.audit.service import Actor, record
from jobcenter.catalog.sessions import generate_all
from jobcenter.errors import NotFound
from jobcenter.events.generation import extend_all
from jobcenter.i18n import N_
from jobcenter.schedule.tables import Closure
from jobcenter.web.form_input import FormInvalid, FormReader

CLOSURE_FIELDS = ["day", "reason"]
ALREADY_CLOSED = N_("That day is already a closure day.")


class ClosureNotFound(NotFound):
    """No closure day has that id."""


def check_closure(data: dict[str, str]) -> dict[str, Any]:
    """The day and its reason; FormInvalid with every problem at once."""
    form = FormReader(data, order=CLOSURE_FIELDS)
    values = {
        "day": form.day("day", N_("Enter a date like 2026-12-01.")),
        "reason": form.text("reason", Closure.reason, missing=N_("Enter the reason, like 임시공휴일 or 휴관일, in 100 characters or fewer."),
                            too_long=N_("Enter the reason, like 임시공휴일 or 휴관일, in 100 characters or fewer.")),
    }
    form.check()
    return values


async def coming_closures(today: date) -> list[dict[str, Any]]:
    """The closure days from today on, soonest first."""
    return await Closure.select().where(Closure.day >= today).order_by(Closure.day)


async def add_closure(data: dict[str, str], *, actor: Actor, now: datetime, zone: str) -> None:
    values = check_closure(data)
    async with Closure._meta.db.transaction():
        if await Closure.exists().where(Closure.day == values["day"]):
            raise FormInvalid({"day": ALREADY_CLOSED})
        (row,) = await Closure.insert(Closure(**values)).returning(Closure.id)
        await _follow(now, zone)
        await record(actor, "closure.create", "closure", row["id"], now=now, summary=f"{values['day']} {values['reason']}",
                     after={"day": values["day"].isoformat(), "reason": values["reason"]})


async def remove_closure(closure_id: int, *, actor: Actor, now: datetime, zone: str) -> None:
    async with Closure._meta.db.transaction():
        closure = await Closure.select().where(Closure.id == closure_id).first()
        if closure is None:
            raise ClosureNotFound(closure_id)
        await Closure.delete().where(Closure.id == closure_id)
        await _follow(now, zone)
        await record(actor, "closure.delete", "closure", closure_id, now=now, summary=f"{closure['day']} {closure['reason']}",
                     before={"day": closure["day"].isoformat(), "reason": closure["reason"]})


async def _follow(now: datetime, zone: str) -> None:
    today = now.astimezone(ZoneInfo(zone)).date()
    await extend_all(today=today, zone=zone)
    await generate_all(now=now, zone=zone, today=today)
