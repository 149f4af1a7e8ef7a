"""지원 요청: a signed-in citizen asks the center to refer them to an open posting, after a consent
to provide their details to the company (PIPA §17(2)) separate from the one given at sign-up;
staff refer them and record how it went (추천함, 면접, 채용, 불합격). A citizen's details reach a
company only through a request they made and consented to; every staff step is audited."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from jobcenter.audit.service import Actor, record
from jobcenter.companies.postings import public_posting, state
from jobcenter.companies.tables import Referral, ReferralStatus
from jobcenter.errors import NotFound
from jobcenter.i18n import N_
from jobcenter.web.form_input import FormReader
from jobcenter.web.paging import Paged, page_within

CONSENT_VERSION = "2026-12"
"""The version of the consent text (templates/companies/_referral_consent.html) a request records."""
MAX_OPEN_REQUESTS = 5
"""Requests a person may have waiting at once (접수, 추천함 or 면접): enough for a real search, not a script."""
OPEN = [ReferralStatus.requested.value, ReferralStatus.referred.value, ReferralStatus.interview.value]
STAFF_OUTCOMES = [ReferralStatus.referred, ReferralStatus.interview, ReferralStatus.hired, ReferralStatus.rejected, ReferralStatus.cancelled]


class ReferralRefused(Exception):
    """The request cannot be made; `message` is a msgid for the person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ReferralNotFound(NotFound):
    """No such referral request."""


async def request_referral(posting_id: int, citizen_id: int, data: dict[str, str], *, now: datetime, today: date) -> int:
    """The request, with the consent given now; FormInvalid without the consent or with a note too
    long; ReferralRefused for a posting no longer open, a request already made, or too many waiting."""
    form = FormReader(data, order=["note", "consent"])
    note = form.text("note", Referral.note, too_long=N_("Write a note of 300 characters or fewer."))
    if not form.ticked("consent"):
        form.fail("consent", N_("Without your consent to give your details to the company, the center cannot refer you."))
    form.check()
    async with Referral._meta.db.transaction():
        posting = await public_posting(posting_id)
        if state(posting, today) == "closed":
            raise ReferralRefused(N_("This posting is closed: applications are no longer taken."))
        pair = f"{posting_id}:{citizen_id}"
        existing = await Referral.select(Referral.id, Referral.status).where(Referral.pair == pair).first()
        if existing is not None and existing["status"] != ReferralStatus.cancelled.value:
            raise ReferralRefused(N_("You have already asked to be referred for this job. See it in My applications."))
        if await Referral.count().where(Referral.citizen == citizen_id, Referral.status.is_in(OPEN)) >= MAX_OPEN_REQUESTS:
            raise ReferralRefused(N_("You have five requests waiting. Please wait for an answer to one, or cancel one, first."))
        values: dict[Any, Any] = {Referral.note: note, Referral.status: ReferralStatus.requested.value, Referral.consent_version: CONSENT_VERSION,
                  Referral.consented_at: now, Referral.updated_at: now}
        if existing is not None:
            await Referral.update(values).where(Referral.id == existing["id"])
            return existing["id"]
        (row,) = await Referral.insert(Referral(posting=posting_id, citizen=citizen_id, pair=pair, note=note, consent_version=CONSENT_VERSION,
                                                consented_at=now, created_at=now, updated_at=now)).returning(Referral.id)
    return row["id"]


async def set_status(referral_id: int, status: ReferralStatus, *, actor: Actor, now: datetime) -> None:
    """How the referral went, recorded by staff and audited (the log shows each referral)."""
    async with Referral._meta.db.transaction():
        row = await Referral.select(Referral.citizen, Referral.status, Referral.posting.position.as_alias("position")).where(
            Referral.id == referral_id).first()
        if row is None:
            raise ReferralNotFound()
        if row["status"] != status.value:
            await Referral.update({Referral.status: status.value, Referral.updated_at: now}).where(Referral.id == referral_id)
            await record(actor, f"referral.{status.value}", "referral", referral_id, now=now, citizen_id=row["citizen"], summary=row["position"],
                         before={"status": row["status"]}, after={"status": status.value})


async def cancel_own(referral_id: int, citizen_id: int, *, now: datetime) -> None:
    """The person takes back a request not yet answered by a hire or a refusal."""
    updated = await Referral.update({Referral.status: ReferralStatus.cancelled.value, Referral.updated_at: now}).where(
        Referral.id == referral_id, Referral.citizen == citizen_id, Referral.status.is_in(OPEN)).returning(Referral.id)
    if not updated:
        raise ReferralNotFound()


REFERRAL_COLUMNS = (
    *Referral.all_columns(), Referral.posting.position.as_alias("position"), Referral.posting._.company._.name.as_alias("company_name"),
    Referral.posting.deadline.as_alias("deadline"),
)


async def referrals_of(citizen_id: int) -> list[dict[str, Any]]:
    """A person's requests, newest first (내 신청 내역, and their data download)."""
    return await Referral.select(*REFERRAL_COLUMNS).where(Referral.citizen == citizen_id).order_by(Referral.id, ascending=False)


async def queue(status: str, page: int, *, page_size: int) -> Paged:
    """Requests for staff, oldest first among those of `status` (every status when empty)."""
    conditions = [Referral.status == status] if status else []
    total = await Referral.count().where(*conditions)
    page = page_within(page, total, page_size)
    rows = await Referral.select(
        *REFERRAL_COLUMNS, Referral.citizen.name.as_alias("name"), Referral.citizen.birth_year.as_alias("birth_year"),
    ).where(*conditions).order_by(Referral.created_at).order_by(Referral.id).limit(page_size).offset((page - 1) * page_size)
    return Paged(rows=rows, total=total, page=page, page_size=page_size, query={"status": status})


async def hired_referral(referral_id: int) -> dict[str, Any]:
    """A referral that ended in a hire (채용): the person, the posting, its company and position, from
    which the placement is recorded. ReferralNotFound for any other."""
    row = await Referral.select(
        Referral.id, Referral.citizen, Referral.posting, Referral.posting.position.as_alias("position"),
        Referral.posting._.company._.name.as_alias("company_name"),
    ).where(Referral.id == referral_id, Referral.status == ReferralStatus.hired.value).first()
    if row is None:
        raise ReferralNotFound(referral_id)
    return row


async def referral_for_posting(posting_id: int, citizen_id: int) -> dict[str, Any] | None:
    """The person's request for this posting, if any (the posting's page says so)."""
    return await Referral.select(Referral.id, Referral.status).where(Referral.pair == f"{posting_id}:{citizen_id}").first()


async def waiting_count() -> int:
    """Requests nobody has handled yet (접수), for the staff's dashboard."""
    return await Referral.count().where(Referral.status == ReferralStatus.requested.value)
