"""The public site's shell: the home page (entry points by life stage and what is open for
application now), and applying for a seat from a program's page or an event's page. The seat
service takes an application; a refusal is shown on the page the person applied from, so applying
sits here, above catalog/ and events/. HTTP only."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency, Provide
from litestar.exceptions import NotFoundException
from litestar.params import URLEncodedBody
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_303_SEE_OTHER, HTTP_409_CONFLICT

from jobcenter.accounts.web import provide_citizen
from jobcenter.catalog import service as catalog
from jobcenter.catalog.filters import CatalogFilters
from jobcenter.catalog.labels import LABELS, LIFE_STAGES
from jobcenter.companies.labels import LABELS as COMPANY_LABELS
from jobcenter.companies.postings import JobFilters, open_postings
from jobcenter.events import service as events
from jobcenter.events.labels import CATEGORY_LABELS as EVENT_CATEGORIES
from jobcenter.events.occurrence_page import event_page_context
from jobcenter.events.service import upcoming_events
from jobcenter.home.privacy import POLICY_SINCE
from jobcenter.settings import Settings
from jobcenter.signups import opening_alerts, service
from jobcenter.signups.targets import target_of
from jobcenter.web.form_input import read_id
from jobcenter.web.forms import NO_STORE
from jobcenter.web.language import language_of

HOME_LIST_LENGTH = 6


@get("/", name="home")
async def home(settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Template:
    """Three large doors (청년, 중장년, 어르신), the programs taking applications today, the coming
    events and the job postings closing first."""
    open_now = await catalog.search_programs(
        CatalogFilters(open_only=True), now=now, zone=settings.timezone, page_size=HOME_LIST_LENGTH
    )
    next_events = await upcoming_events(now, HOME_LIST_LENGTH)
    _, jobs = await open_postings(JobFilters(), today=now.astimezone(ZoneInfo(settings.timezone)).date(), page_size=HOME_LIST_LENGTH)
    return Template(
        template_name="home/index.html",
        context={"open_now": open_now, "next_events": next_events, "jobs": jobs.rows, "event_categories": EVENT_CATEGORIES,
                 "life_stages": LIFE_STAGES, **COMPANY_LABELS, **LABELS},
    )


Citizen = NamedDependency[dict[str, Any]]


class ApplyController(Controller):
    dependencies = {"citizen": Provide(provide_citizen, sync_to_thread=False)}

    @post("/applications", name="apply")
    async def apply(
        self,
        request: Request,
        data: URLEncodedBody[dict[str, str]],
        citizen: Citizen,
        settings: NamedDependency[Settings],
        now: NamedDependency[datetime],
    ) -> Response:
        """Take a seat (or a waitlist place) and show the result; a refusal is shown at the cohort."""
        pool_id = read_id(data.get("pool")) or 0
        try:
            application = await service.take_seat(
                pool_id=pool_id,
                citizen_id=citizen["id"],
                now=now,
                language=language_of(request),
                zone=settings.timezone,
                limits=settings.limits,
            )
        except service.AlreadyApplied as already:
            return Redirect(path=f"/me/applications/{already.values['application_id']}", status_code=HTTP_303_SEE_OTHER)
        except service.NotFound:
            raise  # a 404, not a refusal to show at the cohort
        except service.SignupError as refused:
            return await _page_with_refusal(request, pool_id, refused, citizen, settings, now)
        return Redirect(path=f"/me/applications/{application['id']}", status_code=HTTP_303_SEE_OTHER)

    @post("/alerts", name="opening_alert")
    async def ask_for_alert(
        self, request: Request, data: URLEncodedBody[dict[str, str]], citizen: Citizen, settings: NamedDependency[Settings],
        now: NamedDependency[datetime],
    ) -> Response:
        """접수 시작 알림 받기: texts the day before and when it opens; back at the cohort, saying so."""
        pool_id = read_id(data.get("pool")) or 0
        try:
            await opening_alerts.ask_for_alert(citizen["id"], pool_id, now)
        except service.NotFound:
            raise
        except service.SignupError as refused:
            return await _page_with_refusal(request, pool_id, refused, citizen, settings, now)
        return await _back_at_the_cohort(pool_id, "alert_on", settings)

    @post("/alerts/cancel", name="opening_alert_cancel")
    async def cancel_alert(self, data: URLEncodedBody[dict[str, str]], citizen: Citizen, settings: NamedDependency[Settings]) -> Response:
        """No more texts about this opening."""
        pool_id = read_id(data.get("pool")) or 0
        await opening_alerts.cancel_alert(citizen["id"], pool_id)
        return await _back_at_the_cohort(pool_id, "alert_off", settings)


async def _back_at_the_cohort(pool_id: int, flash: str, settings: Settings) -> Redirect:
    """303 to the page of the pool's program or event date, at the pool, with a success message."""
    target = await target_of(pool_id, settings.timezone)
    if target is None:
        raise NotFoundException()
    return Redirect(path=f"{target.path}?done={flash}#apply-{pool_id}", status_code=HTTP_303_SEE_OTHER)


async def _page_with_refusal(
    request: Request, pool_id: int, refused: service.SignupError, citizen: dict[str, Any], settings: Settings, now: datetime
) -> Template:
    """The page the person applied from, with the reason at the place they applied."""
    target = await target_of(pool_id, settings.timezone)
    assert target is not None, "take_seat raised NotFound otherwise"
    refusal = {"refusal": {"pool": pool_id, "error": refused}}
    if target.kind == "occurrence":
        occurrence = await events.get_occurrence(target.owner_id)
        context = await event_page_context(request, occurrence, settings, now)
        return Template("events/occurrence.html", context={**context, **refusal}, status_code=HTTP_409_CONFLICT, headers=NO_STORE)
    program = await catalog.get_program(target.owner_id, now=now, zone=settings.timezone)
    pool_ids = [c.seat_pool["id"] for c in program.cohorts]
    mine = await service.active_applications_by_pool(citizen["id"], pool_ids)
    alerts = await opening_alerts.alerts_of(citizen["id"], pool_ids)
    return Template(
        "catalog/program.html",
        context={"program": program, "mine": mine, "alerts": alerts, "now": now, **refusal, **LABELS},
        status_code=HTTP_409_CONFLICT,
        headers=NO_STORE,
    )


@get("/privacy", name="privacy")
async def privacy() -> Template:
    """개인정보 처리방침: what is collected and why, for how long, who receives it, the person's
    rights, the privacy officer (PIPA art. 30)."""
    return Template(template_name="home/privacy.html", context={"effective_on": POLICY_SINCE})
