"""The public catalog: the filterable program list and a program's page."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from litestar import Controller, Request, get
from litestar.di import NamedDependency
from litestar.exceptions import ValidationException
from litestar.params import FromQuery, QueryParameter
from litestar.response import Template

from jobcenter.catalog import service
from jobcenter.catalog.filters import CatalogFilters
from jobcenter.catalog.labels import LABELS
from jobcenter.settings import Settings
from jobcenter.signups.opening_alerts import alerts_of
from jobcenter.signups.service import active_applications_by_pool
from jobcenter.web.form_input import RowId
from jobcenter.web.forms import NO_STORE
from jobcenter.web.htmx import pushed_address, wants_fragment
from jobcenter.web.list_filters import InvalidFilter


class CatalogController(Controller):
    path = "/programs"

    @get("/", name="catalog")
    async def index(
        self,
        request: Request,
        settings: NamedDependency[Settings],
        now: NamedDependency[datetime],
        audience: FromQuery[str | None] = None,
        category: FromQuery[str | None] = None,
        open_only: Annotated[str | None, QueryParameter(name="open")] = None,
        keyword: Annotated[str | None, QueryParameter(name="q")] = None,
        page: FromQuery[str | None] = None,
    ) -> Template:
        """The catalog; an htmx request gets only the results, so filters swap in place."""
        try:
            filters = CatalogFilters.parse(audience, category, open_only, keyword, page)
        except InvalidFilter as error:
            raise ValidationException(detail=f"invalid filter: {error}") from error
        results = await service.search_programs(
            filters, now=now, zone=settings.timezone, page_size=settings.page_size
        )
        headers = {"vary": "HX-Request"}
        if wants_fragment(request):
            # The address bar shows the canonical link of this view, so Back and sharing work.
            query = results.filters.query_string()
            headers["HX-Push-Url"] = pushed_address(request, "catalog", query)
            template = "catalog/_results.html"
        else:
            template = "catalog/index.html"
        return Template(
            template_name=template,
            context={"results": results, "filters": results.filters, **LABELS},
            headers=headers,
        )

    @get("/{program_id:int}", name="program")
    async def detail(
        self, request: Request, settings: NamedDependency[Settings], now: NamedDependency[datetime], program_id: RowId
    ) -> Template:
        """Everything a person needs to decide: who, what, when, where, seats, and the apply button."""
        program = await service.get_program(program_id, now=now, zone=settings.timezone)
        citizen = request.state.citizen
        pool_ids = [cohort.seat_pool["id"] for cohort in program.cohorts]
        mine = await active_applications_by_pool(citizen["id"], pool_ids) if citizen else {}
        alerts = await alerts_of(citizen["id"], pool_ids) if citizen else set()
        return Template(
            template_name="catalog/program.html",
            context={"program": program, "mine": mine, "alerts": alerts, "now": now, **LABELS},
            headers=NO_STORE if citizen else None,
        )
