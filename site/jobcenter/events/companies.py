"""Staff keep the companies hiring at one date of a job fair or hiring day (company, positions, head
count): added one by one, removed, or copied from the last earlier date of the same series that
lists any (a monthly hiring day often has the same companies). Each change is audited."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from jobcenter.audit.service import Actor, record
from jobcenter.errors import NotFound
from jobcenter.events.tables import EventCompany, EventOccurrence
from jobcenter.i18n import N_
from jobcenter.schedule.date_changes import ChangeRefused
from jobcenter.web.form_input import FormReader

COMPANY_FIELDS = ["company_name", "company_positions", "company_head_count"]
MAX_HEAD_COUNT = 9999


class CompanyNotFound(NotFound):
    """No such date, or no company of that date has that id."""


async def _over(occurrence_id: int, now: datetime) -> dict[str, Any]:
    """The date, or ChangeRefused when it is over (its companies are its record)."""
    row = await EventOccurrence.select(EventOccurrence.id, EventOccurrence.series, EventOccurrence.starts_at, EventOccurrence.ends_at).where(
        EventOccurrence.id == occurrence_id
    ).first()
    if row is None:
        raise CompanyNotFound(occurrence_id)
    if row["ends_at"] <= now:
        raise ChangeRefused(N_("This date is over: it cannot be changed any more."))
    return row


def check_company(data: dict[str, str]) -> dict[str, Any]:
    """The company's name, positions and head count; FormInvalid with every problem at once."""
    form = FormReader(data, order=COMPANY_FIELDS)
    values = {
        "name": form.text("company_name", EventCompany.name, missing=N_("Enter the company's name, in 100 characters or fewer."),
                          too_long=N_("Enter the company's name, in 100 characters or fewer.")),
        "positions": form.text("company_positions", EventCompany.positions, missing=N_("Enter the positions, in 300 characters or fewer."),
                               too_long=N_("Enter the positions, in 300 characters or fewer.")),
        "head_count": form.number("company_head_count", 1, MAX_HEAD_COUNT, N_("Enter how many people it hires, from 1 to 9,999.")),
    }
    form.check()
    return values


async def add_company(occurrence_id: int, data: dict[str, str], *, actor: Actor, now: datetime) -> None:
    values = check_company(data)
    async with EventCompany._meta.db.transaction():
        await _over(occurrence_id, now)
        await EventCompany.insert(EventCompany(occurrence=occurrence_id, **values))
        await record(actor, "event_company.create", "occurrence", occurrence_id, now=now, summary=values["name"], after=values)


async def remove_company(occurrence_id: int, company_id: int, *, actor: Actor, now: datetime) -> None:
    async with EventCompany._meta.db.transaction():
        await _over(occurrence_id, now)
        company = await EventCompany.select().where(EventCompany.id == company_id, EventCompany.occurrence == occurrence_id).first()
        if company is None:
            raise CompanyNotFound(company_id)
        await EventCompany.delete().where(EventCompany.id == company_id)
        await record(actor, "event_company.delete", "occurrence", occurrence_id, now=now, summary=company["name"],
                     before={key: company[key] for key in ("name", "positions", "head_count")})


async def copy_previous(occurrence_id: int, *, actor: Actor, now: datetime) -> int:
    """The companies of the last earlier date of the series that lists any, except those this date
    lists already (by name); how many were copied. ChangeRefused when no earlier date lists any."""
    async with EventCompany._meta.db.transaction():
        occurrence = await _over(occurrence_id, now)
        earlier = await EventCompany.select(EventCompany.occurrence).where(
            EventCompany.occurrence.series == occurrence["series"], EventCompany.occurrence.starts_at < occurrence["starts_at"]
        ).order_by(EventCompany.occurrence.starts_at, ascending=False).first()
        if earlier is None:
            raise ChangeRefused(N_("No earlier date of this series lists companies."))
        present = {row["name"] for row in await EventCompany.select(EventCompany.name).where(EventCompany.occurrence == occurrence_id)}
        copied = [
            EventCompany(occurrence=occurrence_id, name=row["name"], positions=row["positions"], head_count=row["head_count"])
            for row in await EventCompany.select().where(EventCompany.occurrence == earlier["occurrence"]).order_by(EventCompany.id)
            if row["name"] not in present
        ]
        if copied:
            await EventCompany.insert(*copied)
        await record(actor, "event_company.copy", "occurrence", occurrence_id, now=now, summary=f"{len(copied)} from {earlier['occurrence']}")
    return len(copied)
