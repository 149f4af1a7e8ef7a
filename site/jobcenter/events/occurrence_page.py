"""What an event date's page shows beside the date itself, on the site and at the kiosk alike: its
registration status, the visitor's own registration, the labels, and the calendar links."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from litestar import Request

from jobcenter.catalog.status import STATUS_LABELS, cohort_status
from jobcenter.events.labels import CATEGORY_LABELS
from jobcenter.events.month import PROGRAM
from jobcenter.events.service import OccurrenceView
from jobcenter.settings import Settings
from jobcenter.signups.opening_alerts import alerts_of
from jobcenter.signups.service import active_applications_by_pool
from jobcenter.web.hosts import site_url

FEED_CATEGORIES = [key for key in CATEGORY_LABELS if key != PROGRAM]


def webcal_url(request: Request) -> str:
    """The site's address for calendar apps: webcal:// asks them to subscribe rather than download."""
    return "webcal://" + site_url(request).split("://", 1)[1]


async def event_page_context(request: Request, occurrence: OccurrenceView, settings: Settings, now: datetime) -> dict[str, Any]:
    """The template context of the date's page, for the person asking (their registration, if any)."""
    pool = occurrence.pool
    status = None
    if pool:
        ends = occurrence.ends_at.astimezone(ZoneInfo(settings.timezone))
        status = cohort_status(
            opens_at=pool["opens_at"], closes_at=pool["closes_at"], ends_on=ends.date(), end_time=ends.time(), now=now, zone=settings.timezone
        )
    citizen = request.state.citizen
    mine = await active_applications_by_pool(citizen["id"], [pool["id"]]) if (citizen and pool) else {}
    alerts = await alerts_of(citizen["id"], [pool["id"]]) if (citizen and pool) else set()
    return {
        "occurrence": occurrence,
        "occurrence_day": occurrence.starts_at.astimezone(ZoneInfo(settings.timezone)).date().isoformat(),
        "status": status,
        "mine": mine,
        "alerts": alerts,
        "categories": CATEGORY_LABELS,
        "statuses": STATUS_LABELS,
        "feed_categories": FEED_CATEGORIES,
        "webcal": webcal_url(request),
        "now": now,
    }
