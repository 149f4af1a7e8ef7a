"""Job postings (채용정보): staff draft one for a company in the directory, publish it, close it or
copy it; citizens read the open ones. A posting is open until the end of its deadline day in the
center's zone: past it, it is 마감 whatever its status says. Wages below the minimum wage are
refused. Every staff change is audited in its transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from jobcenter.audit.service import Actor, changed, record
from jobcenter.companies.directory import CompanyNotFound
from jobcenter.companies.tables import Company, EmploymentType, Posting, PostingStatus, WagePeriod
from jobcenter.errors import NotFound
from jobcenter.events.service import interview_dates
from jobcenter.i18n import N_, Filled
from jobcenter.text_search import contains_word, words_of
from jobcenter.web.form_input import MAX_ID, FormInvalid, FormReader
from jobcenter.web.list_filters import InvalidFilter, read_keyword, read_page
from jobcenter.web.paging import Paged, page_within

FIELDS = ["position", "employment_type", "wage_period", "wage", "hours", "place", "duties", "requirements", "preferred",
          "welcomes_seniors", "welcomes_youth", "welcomes_disabled", "deadline", "interview_occurrence"]
WELCOMES = ("seniors", "youth", "disabled")
MONTHLY_HOURS = 209
"""The hours of a month's full-time work the minimum wage is counted over (주 40시간, 유급 주휴 포함)."""
CLOSING_SOON = timedelta(days=3)
MAX_WAGE = 100_000_000
INTERVIEW_DAYS = 120
"""How far ahead the event dates a posting may point to are offered."""


NOT_AN_INTERVIEW_DATE = N_("Choose one of the coming event dates listed, or none.")


async def check_interview_date(values: dict[str, Any], now: datetime) -> None:
    """The event date chosen must be one offered (coming, scheduled, an event where companies interview)."""
    chosen = values.get("interview_occurrence")
    if chosen and chosen not in {row["id"] for row in await interview_dates(now, INTERVIEW_DAYS)}:
        raise FormInvalid({"interview_occurrence": NOT_AN_INTERVIEW_DATE})


class PostingNotFound(NotFound):
    """No such posting (or, for citizens, not published)."""


@dataclass(frozen=True)
class JobFilters:
    welcomes: str = ""
    district: str = ""
    keyword: str = ""
    page: int = 1

    @classmethod
    def parse(cls, districts: tuple[str, ...], *, welcomes: str | None, district: str | None, keyword: str | None,
              page: str | None) -> JobFilters:
        keyword, number = read_keyword(keyword), read_page(page)
        if welcomes and welcomes not in WELCOMES:
            raise InvalidFilter("welcomes")
        if district and district not in districts:
            raise InvalidFilter("district")
        return cls(welcomes=welcomes or "", district=district or "", keyword=keyword, page=number)

    @property
    def query(self) -> dict[str, str]:
        return {"welcomes": self.welcomes, "district": self.district, "q": self.keyword}


def state(posting: dict[str, Any], today: date) -> str:
    """모집 중 (open), 마감 임박 (closing soon: three days or fewer) or 마감 (closed)."""
    if posting["status"] != PostingStatus.published.value or posting["deadline"] < today:
        return "closed"
    return "closing_soon" if posting["deadline"] - today < CLOSING_SOON else "open"


def check_posting(data: dict[str, str], *, today: date, minimum_wage: int) -> dict[str, Any]:
    """The posting's values from its form; FormInvalid with every problem at once."""
    form = FormReader(data, order=FIELDS)
    values: dict[str, Any] = {
        "position": form.text("position", Posting.position, missing=N_("Enter the position, in 100 characters or fewer."),
                              too_long=N_("Enter the position, in 100 characters or fewer.")),
        "employment_type": form.choice("employment_type", EmploymentType, N_("Choose the kind of employment.")),
        "wage_period": form.choice("wage_period", WagePeriod, N_("Choose whether the wage is by the hour or by the month.")),
        "wage": form.number("wage", 1, MAX_WAGE, N_("Enter the wage in won as a number, like 2300000.")),
        "hours": form.text("hours", Posting.hours, too_long=N_("Enter the hours in 100 characters or fewer.")),
        "place": form.text("place", Posting.place, too_long=N_("Enter the place, in 200 characters or fewer.")),
        "duties": form.text("duties", Posting.duties, multiline=True),
        "requirements": form.text("requirements", Posting.requirements, multiline=True),
        "preferred": form.text("preferred", Posting.preferred, multiline=True),
        "deadline": form.day("deadline", N_("Enter the deadline, like 2026-12-31.")),
        "interview_occurrence": form.number("interview_occurrence", 1, MAX_ID, NOT_AN_INTERVIEW_DATE, optional=True),
        **{f"welcomes_{group}": form.ticked(f"welcomes_{group}") for group in WELCOMES},
    }
    if values["wage"] and values["wage_period"]:
        lowest = minimum_wage * (MONTHLY_HOURS if values["wage_period"] == WagePeriod.monthly.value else 1)
        if values["wage"] < lowest:
            form.fail("wage", Filled(N_("This is below the minimum wage: at least %(lowest)s won."), lowest=f"{lowest:,}"))
    if values["deadline"] and values["deadline"] < today:
        form.fail("deadline", N_("The deadline has passed: choose today or a later day."))
    form.check()
    return values


async def create_posting(company_id: int, data: dict[str, str], *, actor: Actor, now: datetime, today: date, minimum_wage: int) -> int:
    """A draft for staff to publish."""
    values = check_posting(data, today=today, minimum_wage=minimum_wage)
    await check_interview_date(values, now)
    async with Posting._meta.db.transaction():
        company = await Company.select(Company.name).where(Company.id == company_id).first()
        if company is None:
            raise CompanyNotFound()
        (row,) = await Posting.insert(Posting(company=company_id, **values, created_at=now, updated_at=now)).returning(Posting.id)
        await record(actor, "posting.create", "posting", row["id"], now=now, summary=f"{company['name']} {values['position']}", after=values)
    return row["id"]


async def update_posting(posting_id: int, data: dict[str, str], *, actor: Actor, now: datetime, today: date, minimum_wage: int) -> None:
    values = check_posting(data, today=today, minimum_wage=minimum_wage)
    if values["interview_occurrence"] != (await posting_for_staff(posting_id))["interview_occurrence"]:
        await check_interview_date(values, now)  # a date already chosen may since have passed
    async with Posting._meta.db.transaction():
        current = await Posting.select(*[getattr(Posting, name) for name in FIELDS]).where(Posting.id == posting_id).first()
        if current is None:
            raise PostingNotFound()
        before, after = changed(current, values)
        if after:
            await Posting.update({**{getattr(Posting, key): value for key, value in after.items()}, Posting.updated_at: now}).where(
                Posting.id == posting_id)
            await record(actor, "posting.update", "posting", posting_id, now=now, summary=values["position"], before=before, after=after)


async def set_status(posting_id: int, status: PostingStatus, *, actor: Actor, now: datetime) -> None:
    """Published (citizens see it until its deadline) or closed (마감 now)."""
    async with Posting._meta.db.transaction():
        current = await Posting.select(Posting.status, Posting.position, Posting.published_at).where(Posting.id == posting_id).first()
        if current is None:
            raise PostingNotFound()
        if current["status"] != status.value:
            changes: dict[Any, Any] = {Posting.status: status.value, Posting.updated_at: now}
            if status is PostingStatus.published and current["published_at"] is None:
                changes[Posting.published_at] = now
            await Posting.update(changes).where(Posting.id == posting_id)
            await record(actor, f"posting.{status.value}", "posting", posting_id, now=now, summary=current["position"],
                         before={"status": current["status"]}, after={"status": status.value})


def copy_values(posting: dict[str, Any], today: date) -> dict[str, Any]:
    """A posting's form filled from another (to post the same job again), with a new deadline two weeks on."""
    values = {key: "" if posting[key] is None else posting[key] for key in FIELDS}
    values["deadline"] = (today + timedelta(days=14)).isoformat()
    return values


async def posting_for_staff(posting_id: int) -> dict[str, Any]:
    row = await Posting.select(*Posting.all_columns(), Posting.company.name.as_alias("company_name")).where(Posting.id == posting_id).first()
    if row is None:
        raise PostingNotFound()
    return row


async def postings_of(company_id: int) -> list[dict[str, Any]]:
    """A company's postings for the back office, newest first."""
    return await Posting.select().where(Posting.company == company_id).order_by(Posting.id, ascending=False)


PUBLIC_COLUMNS = (*Posting.all_columns(), Posting.company.name.as_alias("company_name"), Posting.company.district.as_alias("district"))


def _company_open() -> Any:
    """The posting's company is in the directory (a closed company's postings close with it)."""
    return Posting.company.is_in(Company.select(Company.id).where(Company.closed.eq(False)))


def _open(today: date) -> list[Any]:
    return [Posting.status == PostingStatus.published.value, Posting.deadline >= today, _company_open()]


async def open_postings(filters: JobFilters, *, today: date, page_size: int) -> tuple[JobFilters, Paged]:
    """One page of the postings open today, the nearest deadline first."""
    conditions = _open(today)
    if filters.welcomes:
        conditions.append(getattr(Posting, f"welcomes_{filters.welcomes}").eq(True))
    if filters.district:
        conditions.append(Posting.company.district == filters.district)
    conditions.extend(contains_word([Posting.position, Posting.duties], word) for word in words_of(filters.keyword))
    total = await Posting.count().where(*conditions)
    page = page_within(filters.page, total, page_size)
    rows = await Posting.select(*PUBLIC_COLUMNS).where(*conditions).order_by(Posting.deadline).order_by(Posting.id).limit(page_size).offset(
        (page - 1) * page_size)
    filters = JobFilters(filters.welcomes, filters.district, filters.keyword, page)
    rows = [{**row, "state": state(row, today)} for row in rows]
    return filters, Paged(rows=rows, total=total, page=page, page_size=page_size, query=filters.query)


async def public_posting(posting_id: int) -> dict[str, Any]:
    """A posting citizens may read: published, or closed after it was (shown as 마감); never a draft."""
    row = await Posting.select(*PUBLIC_COLUMNS).where(
        Posting.id == posting_id, Posting.status != PostingStatus.draft.value, _company_open()
    ).first()
    if row is None:
        raise PostingNotFound()
    return row


async def newest_published(limit: int) -> list[dict[str, Any]]:
    """The latest postings published, for the Atom feed (closed ones too: a feed is a history)."""
    return await Posting.select(*PUBLIC_COLUMNS).where(Posting.published_at.is_not_null(), _company_open()).order_by(
        Posting.published_at, ascending=False).limit(limit)


async def staff_postings(status: str, page: int, *, page_size: int) -> Paged:
    """Postings for staff, newest first, of one status (every status when empty)."""
    conditions = [Posting.status == status] if status in {item.value for item in PostingStatus} else []
    total = await Posting.count().where(*conditions)
    page = page_within(page, total, page_size)
    rows = await Posting.select(
        Posting.id, Posting.position, Posting.status, Posting.deadline, Posting.company, Posting.company.name.as_alias("company_name"),
    ).where(*conditions).order_by(Posting.id, ascending=False).limit(page_size).offset((page - 1) * page_size)
    return Paged(rows=rows, total=total, page=page, page_size=page_size, query={"status": status if conditions else ""})
