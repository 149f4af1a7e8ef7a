"""The public company directory (기업지도) and job postings (채용정보): the filterable lists, a
company's page, a posting's page and the postings' Atom feed. HTTP only."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency, Provide
from litestar.exceptions import ValidationException
from litestar.params import FromQuery, QueryParameter, URLEncodedBody
from litestar.response import Template
from litestar.status_codes import HTTP_409_CONFLICT, HTTP_422_UNPROCESSABLE_ENTITY

from jobcenter.accounts.web import provide_citizen
from jobcenter.companies import job_requests, referrals
from jobcenter.companies.directory import DirectoryFilters, by_district, company_of, search_companies
from jobcenter.companies.labels import LABELS
from jobcenter.companies.postings import JobFilters, newest_published, open_postings, public_posting, state
from jobcenter.events.service import occurrence_brief
from jobcenter.limits.service import RateLimited
from jobcenter.settings import Settings
from jobcenter.web.flash import done
from jobcenter.web.form_input import FormInvalid, RowId
from jobcenter.web.forms import NO_STORE, TOO_MANY_REQUESTS, form_page, throttled_page
from jobcenter.web.hosts import site_url
from jobcenter.web.htmx import pushed_address, wants_fragment
from jobcenter.web.language import language_of
from jobcenter.web.list_filters import InvalidFilter

PAGE_SIZE = 20
FEED_SIZE = 50


class DirectoryController(Controller):
    path = "/companies"

    @get("/", name="companies")
    async def index(
        self,
        request: Request,
        settings: NamedDependency[Settings],
        district: FromQuery[str | None] = None,
        industry: FromQuery[str | None] = None,
        welcomes: FromQuery[str | None] = None,
        keyword: Annotated[str | None, QueryParameter(name="q")] = None,
        page: FromQuery[str | None] = None,
    ) -> Template:
        """The directory in the city's district order; an htmx request gets only the results."""
        districts = settings.center.districts
        try:
            filters = DirectoryFilters.parse(districts, district=district, industry=industry, welcomes=welcomes, keyword=keyword, page=page)
        except InvalidFilter as error:
            raise ValidationException(detail=f"invalid filter: {error}") from error
        filters, results = await search_companies(filters, districts=districts, page_size=PAGE_SIZE)
        headers = {"vary": "HX-Request"}
        if wants_fragment(request):
            headers["HX-Push-Url"] = pushed_address(request, "companies", filters.query_string())
        template = "companies/_results.html" if wants_fragment(request) else "companies/index.html"
        return Template(template, context={"results": results, "groups": by_district(results.rows), "filters": filters,
                                             "districts": districts, **LABELS}, headers=headers)

    @get("/{company_id:int}", name="company")
    async def detail(self, company_id: RowId) -> Template:
        """What the company does and what its latest visit found: hours, pay, commuting, meals, whom it hires."""
        return Template("companies/company.html", context={"company": await company_of(company_id), **LABELS})


class JobsController(Controller):
    path = "/jobs"

    @get("/", name="jobs")
    async def index(
        self,
        request: Request,
        settings: NamedDependency[Settings],
        now: NamedDependency[datetime],
        welcomes: FromQuery[str | None] = None,
        district: FromQuery[str | None] = None,
        keyword: Annotated[str | None, QueryParameter(name="q")] = None,
        page: FromQuery[str | None] = None,
    ) -> Template:
        """채용정보: the postings open today, the nearest deadline first; an htmx request gets only the results."""
        districts = settings.center.districts
        try:
            filters = JobFilters.parse(districts, welcomes=welcomes, district=district, keyword=keyword, page=page)
        except InvalidFilter as error:
            raise ValidationException(detail=f"invalid filter: {error}") from error
        today = now.astimezone(ZoneInfo(settings.timezone)).date()
        filters, results = await open_postings(filters, today=today, page_size=PAGE_SIZE)
        headers = {"vary": "HX-Request"}
        if wants_fragment(request):
            headers["HX-Push-Url"] = pushed_address(request, "jobs", results.query_string(results.page))
        template = "companies/_jobs.html" if wants_fragment(request) else "companies/jobs.html"
        context = {"results": results, "filters": filters, "districts": districts, **LABELS}
        return Template(template, context=context, headers=headers)

    @get("/request", name="job_request")
    async def request_form(self, settings: NamedDependency[Settings]) -> Template:
        """구인 신청: a company asks the center for people."""
        return _request_page(settings, values={"employment_type": "full_time", "wage_period": "monthly"})

    @post("/request")
    async def send_request(
        self, request: Request, data: URLEncodedBody[dict[str, str]], settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Template:
        """A draft posting for staff to review; the same form with every problem, or 429 when this
        address has sent its requests for the hour."""
        client = request.client.host if request.client else "unknown"
        today = now.astimezone(ZoneInfo(settings.timezone)).date()
        try:
            await job_requests.submit(data, districts=settings.center.districts, client=client, limits=settings.limits, now=now, today=today,
                                      minimum_wage=settings.minimum_wage)
        except RateLimited as limited:
            return throttled_page("companies/job_request.html", language_of(request), limited.retry_after, "company_name", TOO_MANY_REQUESTS,
                                  values=data, districts=settings.center.districts, **LABELS)
        except FormInvalid as invalid:
            return _request_page(settings, HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors, values=data)
        return _request_page(settings, sent=True, values={})

    @get("/{posting_id:int}", name="job")
    async def detail(self, request: Request, posting_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Template:
        """A posting: the job, the pay, whom it welcomes, the deadline and its state, the company, and
        for a signed-in person the request to be referred (or the one they made)."""
        return await _job_page(request, posting_id, settings, now)

    @post("/{posting_id:int}/referral", dependencies={"citizen": Provide(provide_citizen, sync_to_thread=False)})
    async def request_referral(
        self, request: Request, posting_id: RowId, data: URLEncodedBody[dict[str, str]], citizen: NamedDependency[dict[str, Any]],
        settings: NamedDependency[Settings], now: NamedDependency[datetime],
    ) -> Response:
        """지원 요청: the center is asked to refer the person, who consented to their details going to the company."""
        today = now.astimezone(ZoneInfo(settings.timezone)).date()
        try:
            await referrals.request_referral(posting_id, citizen["id"], data, now=now, today=today)
        except FormInvalid as invalid:
            return await _job_page(request, posting_id, settings, now, HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors, values=data)
        except referrals.ReferralRefused as refused:
            return await _job_page(request, posting_id, settings, now, HTTP_409_CONFLICT, refusal=refused.message)
        return done(f"/jobs/{posting_id}", "referral_requested")

    @post("/referrals/{referral_id:int}/cancel", dependencies={"citizen": Provide(provide_citizen, sync_to_thread=False)})
    async def cancel_referral(self, referral_id: RowId, citizen: NamedDependency[dict[str, Any]], now: NamedDependency[datetime]) -> Response:
        """The person takes back a request still waiting (someone else's is not found)."""
        await referrals.cancel_own(referral_id, citizen["id"], now=now)
        return done("/me/applications", "saved")

    @get("/feed.atom", name="jobs_feed", media_type="application/atom+xml")
    async def feed(self, request: Request, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Template:
        """New postings as an Atom feed, newest first."""
        postings = await newest_published(FEED_SIZE)
        updated = postings[0]["published_at"] if postings else now
        return Template("companies/jobs.atom", context={"postings": postings, "updated": updated, "base": site_url(request), **LABELS},
                        media_type="application/atom+xml")


async def _job_page(
    request: Request, posting_id: int, settings: Settings, now: datetime, status_code: int = 200, **context: Any
) -> Template:
    posting = await public_posting(posting_id)
    today = now.astimezone(ZoneInfo(settings.timezone)).date()
    citizen = getattr(request.state, "citizen", None)
    mine = await referrals.referral_for_posting(posting_id, citizen["id"]) if citizen else None
    interview = await occurrence_brief(posting["interview_occurrence"]) if posting["interview_occurrence"] else None
    context.setdefault("errors", {})
    context.setdefault("values", {})
    return Template("companies/job.html", context={"posting": posting, "state": state(posting, today), "citizen": citizen, "mine": mine, "interview": interview,
                                                   **LABELS, **context}, status_code=status_code, headers=NO_STORE if citizen else None)


def _request_page(settings: Settings, status_code: int = 200, **context: Any) -> Template:
    return form_page("companies/job_request.html", status_code, districts=settings.center.districts, **LABELS, **context)
