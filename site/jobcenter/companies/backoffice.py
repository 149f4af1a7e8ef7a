"""The directory in the back office: companies added, corrected, closed or reopened, the visits
counsellors make, and the companies' job postings. HTTP only: rules in editing.py and postings.py."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from litestar import Controller, Response, get, post
from litestar.datastructures import UploadFile
from litestar.di import NamedDependency
from litestar.enums import RequestEncodingType
from litestar.exceptions import NotFoundException
from litestar.params import Body, FromQuery, URLEncodedBody
from litestar.response import Template
from litestar.status_codes import HTTP_422_UNPROCESSABLE_ENTITY

from jobcenter.audit.service import Actor
from jobcenter.companies import company_import, editing, imports, job_requests, posting_import, postings, referrals
from jobcenter.companies.directory import staff_page
from jobcenter.companies.labels import LABELS
from jobcenter.companies.tables import PostingStatus, ReferralStatus
from jobcenter.events.service import interview_dates
from jobcenter.i18n import N_
from jobcenter.settings import Settings
from jobcenter.web.flash import done
from jobcenter.web.form_input import FormInvalid, QueryId, RowId, read_text
from jobcenter.web.forms import NO_STORE, form_page
from jobcenter.web.paging import page_number

Form = URLEncodedBody[dict[str, str]]
PAGE_SIZE = 20
IMPORT_MAX_BYTES = 2 * 1024 * 1024
"""The largest spreadsheet imported (some 2,000 companies fit in far less)."""
IMPORT_LAYOUTS = {"companies": company_import.LAYOUT, "postings": posting_import.LAYOUT}
Upload = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.MULTI_PART)]
SEARCH_LENGTH = 100


def _company_form(settings: Settings, status_code: int = 200, **context: Any) -> Template:
    return form_page("companies/backoffice/form.html", status_code, districts=settings.center.districts, **LABELS, **context)


def _visit_form(status_code: int = 200, **context: Any) -> Template:
    return form_page("companies/backoffice/visit_form.html", status_code, **LABELS, **context)


async def _posting_form(now: datetime, status_code: int = 200, **context: Any) -> Template:
    """The posting form, with the coming event dates where the company may interview."""
    dates = await interview_dates(now, postings.INTERVIEW_DAYS)
    return form_page("companies/backoffice/posting_form.html", status_code, dates=dates, **LABELS, **context)


def _today(now: datetime, settings: Settings) -> Any:
    return now.astimezone(ZoneInfo(settings.timezone)).date()


def _typed_posting(data: dict[str, str]) -> dict[str, Any]:
    return {**data, **{f"welcomes_{group}": data.get(f"welcomes_{group}") == "1" for group in postings.WELCOMES}}


def _import_page(kind: str, status_code: int = 200, **context: Any) -> Template:
    """The import page of `kind` (companies or postings), with a preview or the problems."""
    return form_page("companies/backoffice/import.html", status_code, kind=kind, fields=IMPORT_LAYOUTS[kind].labels, **LABELS, **context)


async def _checked_upload(data: dict[str, Any], kind: str, check: Callable[[bytes], Awaitable[imports.Checked]]) -> imports.Checked | Template:
    """The uploaded file's rows, checked, when they are to be imported now; otherwise the page to
    show: no file, a file that cannot be read, a preview, or the rows' problems."""
    upload = data.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return _import_page(kind, HTTP_422_UNPROCESSABLE_ENTITY, errors={"file": N_("Choose the file to import.")})
    try:
        checked = await check(await upload.read())
    except imports.ImportRefused as refused:
        return _import_page(kind, HTTP_422_UNPROCESSABLE_ENTITY, errors={"file": refused.message})
    if data.get("action") != "import" or checked.problems:
        return _import_page(kind, HTTP_422_UNPROCESSABLE_ENTITY if checked.problems else 200, checked=checked, filename=upload.filename,
                            publish=data.get("publish") == "1")
    return checked


class CompanyAdminController(Controller):
    path = "/companies"

    @get("/", name="staff_companies")
    async def index(self, q: FromQuery[str] = "", page: FromQuery[str | None] = None) -> Template:
        """Every company, closed ones too, by name; a search by name or what it makes; paged."""
        paged = await staff_page(read_text(q, SEARCH_LENGTH) or "", page_number(page), page_size=PAGE_SIZE)
        return Template("companies/backoffice/index.html", context={"paged": paged, **LABELS}, headers=NO_STORE)

    @get("/new", name="staff_company_new")
    async def new(self, settings: NamedDependency[Settings]) -> Template:
        return _company_form(settings, company=None, values={})

    @post("/new")
    async def create(self, data: Form, settings: NamedDependency[Settings], actor: NamedDependency[Actor], now: NamedDependency[datetime]) -> Response:
        try:
            company_id = await editing.create_company(data, districts=settings.center.districts, actor=actor, now=now)
        except FormInvalid as invalid:
            return _company_form(settings, HTTP_422_UNPROCESSABLE_ENTITY, company=None, errors=invalid.errors, values=data)
        return done(f"/staff/companies/{company_id}", "created")

    @get("/import", name="staff_company_import")
    async def import_form(self) -> Template:
        """Companies from a spreadsheet (CSV or XLSX): previewed, then imported all or nothing."""
        return _import_page("companies")

    @post("/import", request_max_body_size=IMPORT_MAX_BYTES)
    async def import_file(
        self, data: Upload, settings: NamedDependency[Settings], actor: NamedDependency[Actor], now: NamedDependency[datetime],
    ) -> Response:
        """`action=preview`: the rows as read and every problem with its line, nothing written;
        `action=import`: every row added, or none when a row has a problem."""
        checked = await _checked_upload(data, "companies", lambda content: company_import.check_companies(content, settings.center.districts))
        if not isinstance(checked, imports.Checked):
            return checked
        await company_import.import_companies(checked, actor=actor, now=now)
        return done("/staff/companies", "imported")

    @get("/{company_id:int}", name="staff_company")
    async def show(self, company_id: RowId) -> Template:
        """The company with every visit, newest first, and what can be done."""
        company, visits = await editing.company_for_staff(company_id)
        context = {"company": company, "visits": visits, "postings": await postings.postings_of(company_id), **LABELS}
        return Template("companies/backoffice/show.html", context=context, headers=NO_STORE)

    @get("/{company_id:int}/edit", name="staff_company_edit")
    async def edit(self, company_id: RowId, settings: NamedDependency[Settings]) -> Template:
        company, _ = await editing.company_for_staff(company_id)
        values = {key: "" if company[key] is None else str(company[key]) for key in editing.COMPANY_FIELDS}
        return _company_form(settings, company=company, values=values)

    @post("/{company_id:int}/edit")
    async def update(
        self, company_id: RowId, data: Form, settings: NamedDependency[Settings], actor: NamedDependency[Actor], now: NamedDependency[datetime]
    ) -> Response:
        company, _ = await editing.company_for_staff(company_id)
        try:
            await editing.update_company(company_id, data, districts=settings.center.districts, actor=actor, now=now)
        except FormInvalid as invalid:
            return _company_form(settings, HTTP_422_UNPROCESSABLE_ENTITY, company=company, errors=invalid.errors, values=data)
        return done(f"/staff/companies/{company_id}", "saved")

    @get("/{company_id:int}/visits/new", name="staff_company_visit")
    async def new_visit(self, company_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Template:
        """A visit's findings, filled from the latest visit so that only what changed is typed."""
        company, visits = await editing.company_for_staff(company_id)
        values: dict[str, Any] = {"insurance": True}
        if visits:
            latest = visits[0]
            values = {key: latest[key] for key in editing.VISIT_FIELDS if key not in ("visited_on", "note")}
            values |= {key: str(latest[key] // editing.TEN_THOUSAND) if latest[key] else "" for key in ("wage_min", "wage_max")}
        values["visited_on"] = f"{now.astimezone(ZoneInfo(settings.timezone)):%Y-%m-%d}"
        return _visit_form(company=company, values=values)

    @post("/{company_id:int}/visits/new")
    async def record_visit(
        self, company_id: RowId, data: Form, settings: NamedDependency[Settings], actor: NamedDependency[Actor], now: NamedDependency[datetime]
    ) -> Response:
        company, _ = await editing.company_for_staff(company_id)
        today = now.astimezone(ZoneInfo(settings.timezone)).date()
        try:
            await editing.record_visit(company_id, data, actor=actor, now=now, today=today)
        except FormInvalid as invalid:
            typed = {**data, **{name: data.get(name) == "1" for name in editing.TICKED}}
            return _visit_form(HTTP_422_UNPROCESSABLE_ENTITY, company=company, errors=invalid.errors, values=typed)
        return done(f"/staff/companies/{company_id}", "saved")

    @get("/{company_id:int}/postings/new", name="staff_posting_new")
    async def new_posting(
        self, company_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime], copy: QueryId = None
    ) -> Template:
        """A new posting (a draft); `?copy=` fills it from an earlier one with a new deadline."""
        company, _ = await editing.company_for_staff(company_id)
        values: dict[str, Any] = {"employment_type": "full_time", "wage_period": "monthly"}
        if copy is not None:
            source = await postings.posting_for_staff(copy)
            if source["company"] != company_id:
                raise NotFoundException()
            values = postings.copy_values(source, _today(now, settings))
        return await _posting_form(now, company=company, posting=None, values=values)

    @post("/{company_id:int}/postings/new")
    async def create_posting(
        self, company_id: RowId, data: Form, settings: NamedDependency[Settings], actor: NamedDependency[Actor], now: NamedDependency[datetime]
    ) -> Response:
        company, _ = await editing.company_for_staff(company_id)
        try:
            posting_id = await postings.create_posting(company_id, data, actor=actor, now=now, today=_today(now, settings),
                                                       minimum_wage=settings.minimum_wage)
        except FormInvalid as invalid:
            return await _posting_form(now, HTTP_422_UNPROCESSABLE_ENTITY, company=company, posting=None, errors=invalid.errors,
                                       values=_typed_posting(data))
        return done(f"/staff/postings/{posting_id}", "created")

    @post("/{company_id:int}/closed")
    async def closed(self, company_id: RowId, data: Form, actor: NamedDependency[Actor], now: NamedDependency[datetime]) -> Response:
        """Closed (hidden from the public) or reopened."""
        await editing.set_closed(company_id, data.get("closed") == "1", actor=actor, now=now)
        return done(f"/staff/companies/{company_id}", "saved")


class PostingAdminController(Controller):
    path = "/postings"

    @get("/", name="staff_postings")
    async def index(self, status: FromQuery[str] = "", page: FromQuery[str | None] = None) -> Template:
        """Every posting, newest first, by status (drafts to review, published, closed, or all)."""
        paged = await postings.staff_postings(status, page_number(page), page_size=PAGE_SIZE)
        return Template("companies/backoffice/postings.html", context={"paged": paged, **LABELS}, headers=NO_STORE)

    @get("/import", name="staff_posting_import")
    async def import_form(self) -> Template:
        """Job postings from a spreadsheet (CSV or XLSX), for companies in the directory: previewed,
        then imported all or nothing, as drafts or published at once."""
        return _import_page("postings")

    @post("/import", request_max_body_size=IMPORT_MAX_BYTES)
    async def import_file(
        self, data: Upload, settings: NamedDependency[Settings], actor: NamedDependency[Actor], now: NamedDependency[datetime],
    ) -> Response:
        """As the companies' import; `publish=1` publishes every posting at once."""
        checked = await _checked_upload(data, "postings", lambda content: posting_import.check_postings(
            content, today=_today(now, settings), minimum_wage=settings.minimum_wage))
        if not isinstance(checked, imports.Checked):
            return checked
        publish = data.get("publish") == "1"
        await posting_import.import_postings(checked, publish=publish, actor=actor, now=now)
        return done(f"/staff/postings?status={PostingStatus.published.value if publish else PostingStatus.draft.value}", "imported")

    @get("/{posting_id:int}", name="staff_posting")
    async def show(self, posting_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Template:
        """A posting with its state today and what can be done: edit, publish, close, copy."""
        posting = await postings.posting_for_staff(posting_id)
        context = {"posting": posting, "state": postings.state(posting, _today(now, settings)), "job_request": await job_requests.request_of(posting_id),
                   **LABELS}
        return Template("companies/backoffice/posting.html", context=context, headers=NO_STORE)

    @get("/{posting_id:int}/edit", name="staff_posting_edit")
    async def edit(self, posting_id: RowId, now: NamedDependency[datetime]) -> Template:
        posting = await postings.posting_for_staff(posting_id)
        values = {key: "" if posting[key] is None else posting[key] for key in postings.FIELDS}
        values["interview_occurrence"] = str(values["interview_occurrence"])
        return await _posting_form(now, company={"id": posting["company"], "name": posting["company_name"]}, posting=posting, values=values)

    @post("/{posting_id:int}/edit")
    async def update(
        self, posting_id: RowId, data: Form, settings: NamedDependency[Settings], actor: NamedDependency[Actor], now: NamedDependency[datetime]
    ) -> Response:
        posting = await postings.posting_for_staff(posting_id)
        try:
            await postings.update_posting(posting_id, data, actor=actor, now=now, today=_today(now, settings), minimum_wage=settings.minimum_wage)
        except FormInvalid as invalid:
            return await _posting_form(now, HTTP_422_UNPROCESSABLE_ENTITY, company={"id": posting["company"], "name": posting["company_name"]},
                                 posting=posting, errors=invalid.errors, values=_typed_posting(data))
        return done(f"/staff/postings/{posting_id}", "saved")

    @post("/{posting_id:int}/status")
    async def status(self, posting_id: RowId, data: Form, actor: NamedDependency[Actor], now: NamedDependency[datetime]) -> Response:
        """Published (citizens see it until its deadline) or closed (마감 now)."""
        wanted = PostingStatus.published if data.get("status") == PostingStatus.published.value else PostingStatus.closed
        await postings.set_status(posting_id, wanted, actor=actor, now=now)
        return done(f"/staff/postings/{posting_id}", "saved")


class ReferralAdminController(Controller):
    path = "/referrals"

    @get("/", name="staff_referrals")
    async def index(self, status: FromQuery[str] = "requested", page: FromQuery[str | None] = None) -> Template:
        """지원 요청 to handle, oldest first, by status (접수 by default; all with an empty status)."""
        status = status if status in LABELS["referral_statuses"] else ""
        paged = await referrals.queue(status, page_number(page), page_size=PAGE_SIZE)
        return Template("companies/backoffice/referrals.html", context={"paged": paged, "outcomes": referrals.STAFF_OUTCOMES, **LABELS},
                        headers=NO_STORE)

    @post("/{referral_id:int}/status")
    async def status(self, referral_id: RowId, data: Form, actor: NamedDependency[Actor], now: NamedDependency[datetime]) -> Response:
        """How it went: referred to the company, interview, hired, not hired, or cancelled; audited."""
        try:
            outcome = ReferralStatus(data.get("status", ""))
        except ValueError:
            raise NotFoundException() from None
        if outcome not in referrals.STAFF_OUTCOMES:
            raise NotFoundException()
        await referrals.set_status(referral_id, outcome, actor=actor, now=now)
        return done(f"/staff/referrals?status={data.get('back', 'requested')}", "saved")


class JobRequestAdminController(Controller):
    path = "/job-requests"

    @get("/", name="staff_job_requests")
    async def index(self, page: FromQuery[str | None] = None) -> Template:
        """구인 신청 from companies, newest first, each with its draft posting to review and publish."""
        paged = await job_requests.requests_page(page_number(page), page_size=PAGE_SIZE)
        return Template("companies/backoffice/job_requests.html", context={"paged": paged, **LABELS}, headers=NO_STORE)
