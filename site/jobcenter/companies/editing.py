"""Staff keep the directory current: companies added, corrected, closed or reopened, and the visits
counsellors make recorded (the newest visit is what the directory shows; earlier ones stay as the
company's history). Every change is checked first (FormInvalid, nothing written) and audited in
its transaction."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from jobcenter.audit.service import Actor, changed, record
from jobcenter.companies.directory import CompanyNotFound
from jobcenter.companies.tables import Company, CompanyVisit, Industry
from jobcenter.db import locking
from jobcenter.i18n import N_
from jobcenter.web.form_input import FormReader, read_decimal

COMPANY_FIELDS = ["name", "district", "industry", "address", "products", "employees", "latitude", "longitude"]
VISIT_FIELDS = ["visited_on", "hours", "shifts", "wage_min", "wage_max", "company_bus", "parking", "bus_stop_minutes", "meals",
                "dormitory", "insurance", "hires_seniors", "hires_youth", "hires_disabled", "hires_foreign", "note"]
TICKED = ["company_bus", "parking", "dormitory", "insurance", "hires_seniors", "hires_youth", "hires_disabled", "hires_foreign"]
MAX_WAGE = 9_999
"""The highest monthly wage typed, in 만원 (about 1억 a month: more is a typing slip)."""
TEN_THOUSAND = 10_000


def check_company(data: dict[str, str], districts: tuple[str, ...]) -> dict[str, Any]:
    """The company's values from its form; FormInvalid with every problem at once."""
    form = FormReader(data, order=COMPANY_FIELDS)
    values: dict[str, Any] = {
        "name": form.text("name", Company.name, missing=N_("Enter the company's name, in 100 characters or fewer."),
                          too_long=N_("Enter the company's name, in 100 characters or fewer.")),
        "district": form.choice("district", districts, N_("Choose the district (읍·면·동) the company is in.")),
        "industry": form.choice("industry", Industry, N_("Choose the industry.")),
        "address": form.text("address", Company.address, too_long=N_("Enter an address of 200 characters or fewer.")),
        "products": form.text("products", Company.products, too_long=N_("Enter what it makes or does in 200 characters or fewer.")),
        "employees": form.number("employees", 1, 1_000_000, N_("Enter the number of employees, or leave it empty."), optional=True),
        **_pin(form),
    }
    form.check()
    return values


def _pin(form: FormReader) -> dict[str, float | None]:
    """Where the company's pin stands: both coordinates or neither. A pair pasted into the first
    field (37.6153, 126.7156, as map apps copy it) is read as both."""
    typed = {"latitude": form.raw("latitude").strip(), "longitude": form.raw("longitude").strip()}
    if not typed["longitude"] and typed["latitude"].count(",") == 1:
        typed["latitude"], typed["longitude"] = typed["latitude"].split(",")
    latitude, longitude = read_decimal(typed["latitude"], -90, 90), read_decimal(typed["longitude"], -180, 180)
    if typed["latitude"] and latitude is None:
        form.fail("latitude", N_("Enter the latitude as a number from -90 to 90, like 37.6153, or leave it empty."))
    if typed["longitude"] and longitude is None:
        form.fail("longitude", N_("Enter the longitude as a number from -180 to 180, like 126.7156, or leave it empty."))
    if form.ok("latitude", "longitude") and (latitude is None) != (longitude is None):
        form.fail("longitude" if longitude is None else "latitude", N_("Enter both the latitude and the longitude, or neither."))
    return {"latitude": latitude, "longitude": longitude}


def check_visit(data: dict[str, str], today: date) -> dict[str, Any]:
    """A visit's findings from its form (wages typed in 만원, stored in won); FormInvalid otherwise."""
    form = FormReader(data, order=VISIT_FIELDS)
    wage_message = N_("Enter the monthly wage in 만원 (for example 250), or leave it empty.")
    values: dict[str, Any] = {
        "visited_on": form.day("visited_on", N_("Enter the day of the visit, like 2026-11-20.")),
        "hours": form.text("hours", CompanyVisit.hours, too_long=N_("Enter the hours in 100 characters or fewer.")),
        "shifts": form.text("shifts", CompanyVisit.shifts, too_long=N_("Enter the shifts in 100 characters or fewer.")),
        "wage_min": form.number("wage_min", 1, MAX_WAGE, wage_message, optional=True),
        "wage_max": form.number("wage_max", 1, MAX_WAGE, wage_message, optional=True),
        "bus_stop_minutes": form.number("bus_stop_minutes", 0, 120, N_("Enter the minutes on foot from 0 to 120, or leave it empty."),
                                        optional=True),
        "meals": form.text("meals", CompanyVisit.meals, too_long=N_("Enter the meals in 100 characters or fewer.")),
        "note": form.text("note", CompanyVisit.note, multiline=True),
        **{name: form.ticked(name) for name in TICKED},
    }
    if values["visited_on"] and values["visited_on"] > today:
        form.fail("visited_on", N_("The visit cannot be in the future."))
    if values["wage_min"] and values["wage_max"] and values["wage_max"] < values["wage_min"]:
        form.fail("wage_max", N_("The highest wage must not be below the lowest."))
    if values["wage_max"] and not values["wage_min"]:
        values["wage_min"] = values["wage_max"]
    form.check()
    for key in ("wage_min", "wage_max"):
        values[key] = values[key] * TEN_THOUSAND if values[key] else None
    return values


async def create_company(data: dict[str, str], *, districts: tuple[str, ...], actor: Actor, now: datetime) -> int:
    values = check_company(data, districts)
    async with Company._meta.db.transaction():
        (row,) = await Company.insert(Company(**values, created_at=now, updated_at=now)).returning(Company.id)
        await record(actor, "company.create", "company", row["id"], now=now, summary=values["name"], after=values)
    return row["id"]


async def update_company(company_id: int, data: dict[str, str], *, districts: tuple[str, ...], actor: Actor, now: datetime) -> None:
    values = check_company(data, districts)
    async with Company._meta.db.transaction():
        current = await Company.select(*[getattr(Company, name) for name in COMPANY_FIELDS]).where(Company.id == company_id).first()
        if current is None:
            raise CompanyNotFound()
        before, after = changed(current, values)
        if after:
            await Company.update({**{getattr(Company, key): value for key, value in after.items()}, Company.updated_at: now}).where(
                Company.id == company_id)
            await record(actor, "company.update", "company", company_id, now=now, summary=values["name"], before=before, after=after)


async def record_visit(company_id: int, data: dict[str, str], *, actor: Actor, now: datetime, today: date) -> int:
    """The visit, by the staff member who records it; the directory shows it unless a later visit
    was already recorded."""
    values = check_visit(data, today)
    async with Company._meta.db.transaction():
        company = await locking(Company.select(Company.id, Company.name, Company.latest_visit).where(Company.id == company_id)).first()
        if company is None:
            raise CompanyNotFound()
        (row,) = await CompanyVisit.insert(CompanyVisit(company=company_id, counsellor=actor.name[:50], **values)).returning(CompanyVisit.id)
        latest = await CompanyVisit.select(CompanyVisit.visited_on).where(CompanyVisit.id == company["latest_visit"]).first() \
            if company["latest_visit"] else None
        if latest is None or values["visited_on"] >= latest["visited_on"]:
            await Company.update({Company.latest_visit: row["id"], Company.updated_at: now}).where(Company.id == company_id)
        await record(actor, "company.visit", "company", company_id, now=now, summary=f"{company['name']} {values['visited_on']}",
                     after={key: value for key, value in values.items() if key != "note"})
    return row["id"]


async def set_closed(company_id: int, closed: bool, *, actor: Actor, now: datetime) -> None:
    """Closed (폐업, or out of the directory): hidden from the public; reopened: shown again."""
    async with Company._meta.db.transaction():
        company = await Company.select(Company.name, Company.closed).where(Company.id == company_id).first()
        if company is None:
            raise CompanyNotFound()
        if company["closed"] != closed:
            await Company.update({Company.closed: closed, Company.updated_at: now}).where(Company.id == company_id)
            await record(actor, "company.close" if closed else "company.reopen", "company", company_id, now=now, summary=company["name"],
                         before={"closed": company["closed"]}, after={"closed": closed})


async def company_for_staff(company_id: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A company, closed or not, with every visit, newest first; CompanyNotFound otherwise."""
    company = await Company.select().where(Company.id == company_id).first()
    if company is None:
        raise CompanyNotFound()
    visits = await CompanyVisit.select().where(CompanyVisit.company == company_id).order_by(CompanyVisit.visited_on, ascending=False).order_by(
        CompanyVisit.id, ascending=False)
    return company, visits
