"""The public company directory (기업지도): the filterable list and a company's page. HTTP only."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, Request, get
from litestar.di import NamedDependency
from litestar.exceptions import ValidationException
from litestar.params import FromQuery, QueryParameter
from litestar.response import Template

from jobcenter.companies.directory import DirectoryFilters, by_district, company_of, search_companies
from jobcenter.companies.labels import LABELS
from jobcenter.settings import Settings
from jobcenter.web.form_input import RowId
from jobcenter.web.htmx import wants_fragment
from jobcenter.web.list_filters import InvalidFilter

PAGE_SIZE = 20


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
            query = filters.query_string()
            headers["HX-Push-Url"] = request.app.route_reverse("companies") + (f"?{query}" if query else "")
        template = "companies/_results.html" if wants_fragment(request) else "companies/index.html"
        return Template(template, context={"results": results, "groups": by_district(results.rows), "filters": filters,
                                             "districts": districts, **LABELS}, headers=headers)

    @get("/{company_id:int}", name="company")
    async def detail(self, company_id: RowId) -> Template:
        """What the company does and what its latest visit found: hours, pay, commuting, meals, whom it hires."""
        return Template("companies/company.html", context={"company": await company_of(company_id), **LABELS})
