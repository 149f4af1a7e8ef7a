"""The center's home page: entry points by life stage and what is open for application now."""

from __future__ import annotations

from datetime import datetime

from litestar import get
from litestar.di import NamedDependency
from litestar.response import Template

from jobcenter.catalog import service
from jobcenter.catalog.filters import CatalogFilters
from jobcenter.catalog.labels import LABELS, LIFE_STAGES
from jobcenter.events.labels import CATEGORY_LABELS as EVENT_CATEGORIES
from jobcenter.events.service import upcoming_events
from jobcenter.settings import Settings

HOME_LIST_LENGTH = 6


@get("/", name="home")
async def home(settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Template:
    """Three large doors (청년, 중장년, 어르신) and the programs taking applications today."""
    open_now = await service.search_programs(
        CatalogFilters(open_only=True), now=now, zone=settings.timezone, page_size=HOME_LIST_LENGTH
    )
    next_events = await upcoming_events(now, HOME_LIST_LENGTH)
    return Template(
        template_name="home/index.html",
        context={"open_now": open_now, "next_events": next_events, "event_categories": EVENT_CATEGORIES, "life_stages": LIFE_STAGES, **LABELS},
    )
