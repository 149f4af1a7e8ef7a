"""The catalog's filters, read from a query string and written back into links."""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from jobcenter.catalog.tables import Audience, Category
from jobcenter.web.list_filters import InvalidFilter, read_keyword, read_page


def _choice(enum: type[Audience] | type[Category], raw: str | None):
    if not raw:
        return None
    try:
        return enum(raw)
    except ValueError as error:
        raise InvalidFilter(raw) from error


@dataclass(frozen=True)
class CatalogFilters:
    """What a person asked the catalog for; the empty filter lists every published program."""

    audience: Audience | None = None
    category: Category | None = None
    open_only: bool = False
    keyword: str = ""
    page: int = 1

    @classmethod
    def parse(
        cls,
        audience: str | None,
        category: str | None,
        open_only: str | None,
        keyword: str | None,
        page: str | None,
    ) -> CatalogFilters:
        """Validate raw query values; raise InvalidFilter for values no form sends."""
        keyword, page_number = read_keyword(keyword), read_page(page)
        return cls(
            audience=_choice(Audience, audience),
            category=_choice(Category, category),
            open_only=open_only in {"1", "on", "true"},
            keyword=keyword,
            page=page_number,
        )

    def query_string(self, page: int | None = None) -> str:
        """The query string that reproduces this view (and, given `page`, another page of it)."""
        pairs = []
        if self.audience:
            pairs.append(("audience", self.audience.value))
        if self.category:
            pairs.append(("category", self.category.value))
        if self.open_only:
            pairs.append(("open", "1"))
        if self.keyword:
            pairs.append(("q", self.keyword))
        page = self.page if page is None else page
        if page > 1:
            pairs.append(("page", str(page)))
        return urlencode(pairs)

    def on_page(self, page: int) -> CatalogFilters:
        return replace(self, page=page)

