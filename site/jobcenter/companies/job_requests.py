"""구인 신청: a company asks the center for people through a public form. Its 사업자등록번호 is
checked (the checksum catches typos, not fakes), a wage below the minimum wage is refused, and the
form is limited per address like every public form. The request becomes a draft posting for staff
to review and publish; a company not yet in the directory is added, kept out of it until staff
reopen it. Nothing is published by the form itself."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta
from typing import Any

from jobcenter.accounts.mobile import format_phone, normalise_landline, normalise_mobile
from jobcenter.accounts.service import read_email
from jobcenter.companies.postings import FIELDS as JOB_FIELDS
from jobcenter.companies.postings import check_posting
from jobcenter.companies.tables import Company, JobRequest, Posting, PostingStatus
from jobcenter.i18n import N_
from jobcenter.limits import service as limiter
from jobcenter.limits.service import Limit, RateLimited, key_of
from jobcenter.settings import Limits
from jobcenter.web.form_input import FormInvalid, FormReader
from jobcenter.web.paging import Paged, page_within

WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)
COMPANY_FIELDS = ["company_name", "business_number", "district", "address", "contact_name", "contact_phone", "contact_email", "consent"]
HOUR_LIMIT_NAME = "job-request-address"
KEEP_FOR = timedelta(days=365)
"""How long after its posting's deadline a request's contact details are kept."""


def business_number_ok(digits: str) -> bool:
    """The 사업자등록번호 checksum: the weighted digits, plus the carry of the ninth times five, make
    the tenth digit's complement to ten."""
    if len(digits) != 10 or not digits.isascii() or not digits.isdigit():
        return False
    numbers = [int(digit) for digit in digits]
    total = sum(number * weight for number, weight in zip(numbers, WEIGHTS, strict=False)) + numbers[8] * 5 // 10
    return (10 - total % 10) % 10 == numbers[9]


def read_business_number(form: FormReader) -> str | None:
    typed = "".join(ch for ch in unicodedata.normalize("NFKC", form.raw("business_number")) if ch.isascii() and ch.isdigit())
    if not business_number_ok(typed):
        form.fail("business_number", N_("Enter the 10-digit business registration number, like 123-45-67890, as it is on the certificate."))
        return None
    return typed


def per_address(limits: Limits) -> Limit:
    return Limit(HOUR_LIMIT_NAME, limits.job_requests_per_address_per_hour, limiter.LONGEST_WINDOW)


def check_request(data: dict[str, str], districts: tuple[str, ...], *, today: date, minimum_wage: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """The company's and the job's values; FormInvalid with every problem of both at once."""
    form = FormReader(data, order=[*COMPANY_FIELDS, *JOB_FIELDS])
    company: dict[str, Any] = {
        "company_name": form.text("company_name", Company.name, missing=N_("Enter the company's name, in 100 characters or fewer."),
                                  too_long=N_("Enter the company's name, in 100 characters or fewer.")),
        "business_number": read_business_number(form),
        "district": form.choice("district", districts, N_("Choose the district (읍·면·동) the company is in.")),
        "address": form.text("address", Company.address, too_long=N_("Enter an address of 200 characters or fewer.")),
        "contact_name": form.text("contact_name", JobRequest.contact_name, missing=N_("Enter the name of the person we should call."),
                                  too_long=N_("Enter a name of 50 characters or fewer.")),
        "contact_email": read_email(form, "contact_email") or "",
    }
    typed_phone = form.raw("contact_phone")
    company["contact_phone"] = normalise_mobile(typed_phone) or normalise_landline(typed_phone)
    if company["contact_phone"] is None:
        form.fail("contact_phone", N_("Enter a telephone number we can call, like 031-980-1234 or 010-1234-5678."))
    if not form.ticked("consent"):
        form.fail("consent", N_("Without consent to the collection and use of the contact's details, we cannot call you back."))
    try:
        job = check_posting(data, today=today, minimum_wage=minimum_wage)
    except FormInvalid as invalid:
        form.errors.update(invalid.errors)
    form.check()
    return company, job


async def submit(data: dict[str, str], *, districts: tuple[str, ...], client: str, limits: Limits, now: datetime, today: date,
                 minimum_wage: int) -> int:
    """The draft posting (and its company when new) from a company's request; RateLimited when this
    address has sent its requests for the hour, FormInvalid otherwise. Returns the request's id."""
    limit = per_address(limits)
    wait = await limiter.seconds_to_wait(limit, key_of(client), now)
    if wait:
        raise RateLimited(wait)
    company, job = check_request(data, districts, today=today, minimum_wage=minimum_wage)
    async with Posting._meta.db.transaction():
        found = await Company.select(Company.id).where(Company.business_number == company["business_number"]).first()
        if found is None:
            (found,) = await Company.insert(Company(
                name=company["company_name"], business_number=company["business_number"], district=company["district"],
                industry="services", address=company["address"], closed=True, created_at=now, updated_at=now,
            )).returning(Company.id)
        (posting,) = await Posting.insert(Posting(company=found["id"], **job, created_at=now, updated_at=now)).returning(Posting.id)
        (row,) = await JobRequest.insert(JobRequest(
            posting=posting["id"], contact_name=company["contact_name"], contact_phone=company["contact_phone"],
            contact_email=company["contact_email"], consented_at=now, created_at=now,
        )).returning(JobRequest.id)
        await limiter.take(limit, key_of(client), now)
    return row["id"]


async def requests_page(page: int, *, page_size: int) -> Paged:
    """구인 신청 for staff, newest first, with their draft posting and company."""
    total = await JobRequest.count()
    page = page_within(page, total, page_size)
    rows = await JobRequest.select(
        *JobRequest.all_columns(), JobRequest.posting.position.as_alias("position"), JobRequest.posting.status.as_alias("status"),
        JobRequest.posting._.company._.name.as_alias("company_name"), JobRequest.posting._.company._.id.as_alias("company_id"),
        JobRequest.posting._.company._.business_number.as_alias("business_number"),
    ).order_by(JobRequest.id, ascending=False).limit(page_size).offset((page - 1) * page_size)
    rows = [{**row, "contact_phone": format_phone(row["contact_phone"])} for row in rows]
    return Paged(rows=rows, total=total, page=page, page_size=page_size, query={})


async def request_of(posting_id: int) -> dict[str, Any] | None:
    """The 구인 신청 a posting came from, if it came from one (staff call its contact back)."""
    row = await JobRequest.select().where(JobRequest.posting == posting_id).first()
    return {**row, "contact_phone": format_phone(row["contact_phone"])} if row else None


async def forget_old(today: date) -> int:
    """The contacts of requests whose posting closed more than KEEP_FOR ago are deleted (the notice
    on the form says so); the postings stay. How many were deleted."""
    old = Posting.select(Posting.id).where(Posting.deadline < today - KEEP_FOR)
    deleted = await JobRequest.delete().where(JobRequest.posting.is_in(old)).returning(JobRequest.id)
    return len(deleted)


async def drafts_count() -> int:
    """Requests whose posting is still a draft (nobody published or closed it), for the dashboard."""
    return await JobRequest.count().where(JobRequest.posting.is_in(Posting.select(Posting.id).where(Posting.status == PostingStatus.draft.value)))
