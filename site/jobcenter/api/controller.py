"""The public API's routes (/api/v1/...) and its documentation page (/api/docs). Thin: each route
reads its parameters, asks the area's own service (the same one its page asks) and hands the rows to
answers.py. The OpenAPI document at /api/openapi.json is Litestar's, written from these signatures."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated
from zoneinfo import ZoneInfo

from litestar import Controller, Request, get
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException, TooManyRequestsException, ValidationException
from litestar.params import QueryParameter
from litestar.response import Template

from jobcenter.api import answers, schemas
from jobcenter.api.docs import reference
from jobcenter.api.event_range import EventRange
from jobcenter.api.throttle import count_request
from jobcenter.catalog import service as catalog
from jobcenter.catalog.filters import CatalogFilters
from jobcenter.catalog.tables import Audience, Category
from jobcenter.companies.directory import WELCOMES, DirectoryFilters, company_of, search_companies
from jobcenter.companies.postings import JobFilters, open_postings, public_posting, state
from jobcenter.companies.tables import Industry
from jobcenter.events.service import get_occurrence, occurrences_between
from jobcenter.events.tables import EventCategory
from jobcenter.i18n import N_
from jobcenter.settings import Settings
from jobcenter.web.form_input import MAX_PAGE, RowId
from jobcenter.web.list_filters import KEYWORD_MAX_LENGTH, InvalidFilter

PAGE_SIZE = 20

Page = Annotated[int, QueryParameter(ge=1, le=MAX_PAGE, description=N_("Page number, from 1."))]
Keyword = Annotated[str | None, QueryParameter(name="q", max_length=KEYWORD_MAX_LENGTH, description=N_("Words that must all appear."))]


LIST_ERRORS = [TooManyRequestsException]
ONE_ERRORS = [NotFoundException, TooManyRequestsException]
"""What the OpenAPI document lists besides 200 and 400 (a bad parameter)."""


def _today(now: datetime, settings: Settings) -> date:
    return now.astimezone(ZoneInfo(settings.timezone)).date()


def _invalid(error: InvalidFilter) -> ValidationException:
    return ValidationException(detail=f"invalid filter: {error}")


class ApiController(Controller):
    path = "/api/v1"
    include_in_schema = True
    before_request = staticmethod(count_request)  # in place of the site's: the API reads no session
    tags = ["v1"]

    @get("/programs", summary=N_("Programs"), description=N_("Published programs with their cohorts and seats, by title."), raises=LIST_ERRORS)
    async def programs(
        self, settings: NamedDependency[Settings], now: NamedDependency[datetime],
        audience: Annotated[Audience | None, QueryParameter(description=N_("Programs for this life stage (and those for everyone)."))] = None,
        category: Annotated[Category | None, QueryParameter(description=N_("Programs of this kind."))] = None,
        open_only: Annotated[bool, QueryParameter(name="open", description=N_("Only programs taking applications now."))] = False,
        keyword: Keyword = None,
        page: Page = 1,
    ) -> schemas.ProgramPage:
        try:
            filters = CatalogFilters.parse(audience, category, "1" if open_only else None, keyword, str(page))
        except InvalidFilter as error:
            raise _invalid(error) from error
        found = await catalog.search_programs(filters, now=now, zone=settings.timezone, page_size=PAGE_SIZE)
        return schemas.ProgramPage(
            items=[answers.program_summary(program, settings.timezone) for program in found.programs],
            paging=answers.paging(found.page, found.page_count, found.total),
        )

    @get("/programs/{program_id:int}", summary=N_("One program"), description=N_("A published program with every cohort and its sessions."), raises=ONE_ERRORS)
    async def program(self, settings: NamedDependency[Settings], now: NamedDependency[datetime], program_id: RowId) -> schemas.Program:
        return answers.program(await catalog.get_program(program_id, now=now, zone=settings.timezone), settings.timezone)

    @get("/events", summary=N_("Events"), description=N_("Event dates under way on any day of the range, by start; cancelled ones say so."), raises=LIST_ERRORS)
    async def events(
        self, settings: NamedDependency[Settings], now: NamedDependency[datetime],
        first: Annotated[date | None, QueryParameter(name="from", description=N_("First day (YYYY-MM-DD); today when left out."))] = None,
        last: Annotated[date | None, QueryParameter(name="to", description=N_("Last day; 30 days after the first when left out, 366 at most."))] = None,
        category: Annotated[EventCategory | None, QueryParameter(description=N_("Events of this kind."))] = None,
        page: Page = 1,
    ) -> schemas.EventPage:
        try:
            days = EventRange.parse(first, last, today=_today(now, settings))
        except InvalidFilter as error:
            raise _invalid(error) from error
        found = await occurrences_between(days.first, days.last, zone=settings.timezone, category=category, page=page, page_size=PAGE_SIZE)
        return schemas.EventPage(first_day=days.first, last_day=days.last, items=[answers.event(row, settings.timezone) for row in found.rows],
                                 paging=answers.paging_of(found))

    @get("/events/{event_id:int}", summary=N_("One event date"),
          description=N_("An event date with its details and the companies hiring there."), raises=ONE_ERRORS)
    async def event(self, settings: NamedDependency[Settings], event_id: RowId) -> schemas.EventDetail:
        found = await get_occurrence(event_id)
        return answers.event_detail(found.row, found.pool, found.companies, settings.timezone)

    @get("/companies", summary=N_("Companies"), description=N_("The companies in the directory, in the city's district order."), raises=LIST_ERRORS)
    async def companies(
        self, settings: NamedDependency[Settings],
        district: Annotated[str | None, QueryParameter(description=N_("One of the city's districts, as the site lists them."))] = None,
        industry: Annotated[Industry | None, QueryParameter(description=N_("Companies of this industry."))] = None,
        welcomes: Annotated[str | None, QueryParameter(description=N_("Companies that hire seniors, youth, disabled or foreign workers."),
                                                        pattern="^(" + "|".join(WELCOMES) + ")$")] = None,
        keyword: Keyword = None,
        page: Page = 1,
    ) -> schemas.CompanyPage:
        districts = settings.center.districts
        try:
            filters = DirectoryFilters.parse(districts, district=district, industry=industry, welcomes=welcomes, keyword=keyword, page=str(page))
        except InvalidFilter as error:
            raise _invalid(error) from error
        _, found = await search_companies(filters, districts=districts, page_size=PAGE_SIZE)
        return schemas.CompanyPage(items=[answers.company(row) for row in found.rows], paging=answers.paging_of(found))

    @get("/companies/{company_id:int}", summary=N_("One company"),
          description=N_("A company in the directory with what the latest visit found."), raises=ONE_ERRORS)
    async def company(self, company_id: RowId) -> schemas.Company:
        return answers.company(await company_of(company_id))

    @get("/jobs", summary=N_("Job postings"), description=N_("The postings open today, the nearest deadline first."), raises=LIST_ERRORS)
    async def jobs(
        self, settings: NamedDependency[Settings], now: NamedDependency[datetime],
        welcomes: Annotated[str | None, QueryParameter(description=N_("Postings that welcome seniors, youth or disabled people."),
                                                        pattern="^(seniors|youth|disabled)$")] = None,
        district: Annotated[str | None, QueryParameter(description=N_("One of the city's districts, as the site lists them."))] = None,
        keyword: Keyword = None,
        page: Page = 1,
    ) -> schemas.JobPage:
        try:
            filters = JobFilters.parse(settings.center.districts, welcomes=welcomes, district=district, keyword=keyword, page=str(page))
        except InvalidFilter as error:
            raise _invalid(error) from error
        today = _today(now, settings)
        _, found = await open_postings(filters, today=today, page_size=PAGE_SIZE)
        return schemas.JobPage(items=[answers.job(row, settings.timezone) for row in found.rows], paging=answers.paging_of(found))

    @get("/jobs/{job_id:int}", summary=N_("One job posting"), description=N_("A posting that is or was published; closed ones say so."), raises=ONE_ERRORS)
    async def job(self, settings: NamedDependency[Settings], now: NamedDependency[datetime], job_id: RowId) -> schemas.Job:
        row = await public_posting(job_id)
        return answers.job({**row, "state": state(row, _today(now, settings))}, settings.timezone)


class ApiDocsController(Controller):
    path = "/api/docs"
    include_in_schema = False

    @get("/", name="api_docs")
    async def docs(self, request: Request) -> Template:
        """What the API offers, read from its own OpenAPI document, for people: no script needed."""
        return Template("api/docs.html", context={"api": reference(request.app.openapi_schema.to_schema())})
