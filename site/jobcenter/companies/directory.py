"""Reading the directory: companies by district, industry, whom they welcome and a keyword, one
page at a time in the city's district order, each with what its latest visit found. Closed
companies are never shown."""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import groupby
from typing import Any
from urllib.parse import urlencode

from jobcenter.companies.tables import Company, CompanyVisit, Industry
from jobcenter.errors import NotFound
from jobcenter.text_search import contains_word, words_of
from jobcenter.web.list_filters import InvalidFilter, read_keyword, read_page
from jobcenter.web.paging import Paged, page_within

WELCOMES = ("seniors", "youth", "disabled", "foreign")
"""Whom a company says it hires, as the filter names them (CompanyVisit.hires_<name>)."""


class CompanyNotFound(NotFound):
    """No such company in the directory (or it closed)."""


@dataclass(frozen=True)
class DirectoryFilters:
    """What a person asked the directory for; the empty filter lists every company."""

    district: str = ""
    industry: str = ""
    welcomes: str = ""
    keyword: str = ""
    page: int = 1

    @classmethod
    def parse(cls, districts: tuple[str, ...], *, district: str | None, industry: str | None, welcomes: str | None,
              keyword: str | None, page: str | None) -> DirectoryFilters:
        """Validate raw query values; InvalidFilter for values no form sends."""
        keyword, number = read_keyword(keyword), read_page(page)
        if district and district not in districts:
            raise InvalidFilter("district")
        if industry and industry not in {item.value for item in Industry}:
            raise InvalidFilter("industry")
        if welcomes and welcomes not in WELCOMES:
            raise InvalidFilter("welcomes")
        return cls(district=district or "", industry=industry or "", welcomes=welcomes or "", keyword=keyword, page=number)

    @property
    def query(self) -> dict[str, str]:
        return {"district": self.district, "industry": self.industry, "welcomes": self.welcomes, "q": self.keyword}

    def query_string(self, page: int | None = None) -> str:
        """The query string that reproduces this view (and, given `page`, another page of it)."""
        pairs = {key: value for key, value in self.query.items() if value}
        page = self.page if page is None else page
        if page > 1:
            pairs["page"] = str(page)
        return urlencode(pairs)


def _conditions(filters: DirectoryFilters) -> list[Any]:
    conditions: list[Any] = [Company.closed.eq(False)]
    if filters.district:
        conditions.append(Company.district == filters.district)
    if filters.industry:
        conditions.append(Company.industry == filters.industry)
    if filters.welcomes:
        welcoming = getattr(CompanyVisit, f"hires_{filters.welcomes}")
        conditions.append(Company.latest_visit.is_in(CompanyVisit.select(CompanyVisit.id).where(welcoming.eq(True))))
    conditions.extend(contains_word([Company.name, Company.products], word) for word in words_of(filters.keyword))
    return conditions


async def search_companies(filters: DirectoryFilters, *, districts: tuple[str, ...], page_size: int) -> tuple[DirectoryFilters, Paged]:
    """One page of the companies matching every filter, in district order then by name (a page past
    the last shows the last), each with its latest visit under `visit`."""
    found = await Company.select(Company.id, Company.district, Company.name).where(*_conditions(filters))
    order = {name: index for index, name in enumerate(districts)}
    ids = [row["id"] for row in sorted(found, key=lambda row: (order.get(row["district"], len(order)), row["name"], row["id"]))]
    filters = replace(filters, page=page_within(filters.page, len(ids), page_size))
    shown = ids[(filters.page - 1) * page_size:filters.page * page_size]
    rows = await _with_visits(await Company.select().where(Company.id.is_in(shown or [0])))
    by_id = {row["id"]: row for row in rows}
    return filters, Paged(rows=[by_id[company_id] for company_id in shown], total=len(ids), page=filters.page, page_size=page_size,
                          query=filters.query)


def by_district(rows: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """A page's companies in groups by district, in the order they come."""
    return [(district, list(companies)) for district, companies in groupby(rows, key=lambda row: row["district"])]


async def company_of(company_id: int) -> dict[str, Any]:
    """One company in the directory with its latest visit; CompanyNotFound for none or a closed one."""
    row = await Company.select().where(Company.id == company_id, Company.closed.eq(False)).first()
    if row is None:
        raise CompanyNotFound()
    return (await _with_visits([row]))[0]


async def _with_visits(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The companies, each with its latest visit (or None) under `visit`: one query."""
    visit_ids = [row["latest_visit"] for row in rows if row["latest_visit"]]
    visits = {visit["id"]: visit for visit in await CompanyVisit.select().where(CompanyVisit.id.is_in(visit_ids or [0]))}
    return [{**row, "visit": visits.get(row["latest_visit"])} for row in rows]


async def staff_page(keyword: str, page: int, *, page_size: int) -> Paged:
    """Every company, closed ones too, by name, for the back office: a search by name or what it makes."""
    conditions = [contains_word([Company.name, Company.products], word) for word in words_of(keyword)]
    total = await Company.count().where(*conditions)
    page = page_within(page, total, page_size)
    rows = await Company.select(Company.id, Company.name, Company.district, Company.industry, Company.closed, Company.updated_at).where(
        *conditions).order_by(Company.name).order_by(Company.id).limit(page_size).offset((page - 1) * page_size)
    return Paged(rows=rows, total=total, page=page, page_size=page_size, query={"q": keyword})
