"""Reading the catalog: filtered, paged program lists and program details with their cohorts.

Every list costs the same three queries whatever its length: a count, one page of programs,
and the cohorts of exactly those programs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from piccolo.columns.combination import And

from jobcenter.catalog.filters import CatalogFilters
from jobcenter.catalog.labels import AUDIENCE_LABELS
from jobcenter.catalog.search_index import INDEXED, holding_word
from jobcenter.catalog.sessions import sessions_of
from jobcenter.catalog.status import Status, cohort_status, program_status
from jobcenter.catalog.tables import Audience, Cohort, Program
from jobcenter.errors import NotFound
from jobcenter.i18n import LANGUAGES, gettext
from jobcenter.rows import RowView
from jobcenter.signups.pools import pools_by_id
from jobcenter.text_search import contains_word, words_of
from jobcenter.web.paging import page_links

MAX_ID = 2**31 - 1
"""Largest id a row can have (a 32-bit serial); anything above cannot exist."""


class ProgramNotFound(NotFound):
    """No program has that id (for citizens: no published one)."""


class CohortNotFound(NotFound):
    """No cohort has that id."""


@dataclass(frozen=True)
class CohortView(RowView):
    """A cohort row (its seat pool nested under `seat_pool`) with its status at the moment of the request."""

    row: dict[str, Any]
    status: Status


@dataclass(frozen=True)
class ProgramView(RowView):
    """A program row, its cohorts in date order and the status of the program as a whole."""

    row: dict[str, Any]
    cohorts: list[CohortView]
    status: Status | None

    @property
    def featured_cohort(self) -> CohortView | None:
        """The cohort to mention in a list: the first one in the program's own status."""
        return next((cohort for cohort in self.cohorts if cohort.status == self.status), None)


@dataclass(frozen=True)
class CatalogPage:
    """One page of results and what is needed to page through the rest."""

    filters: CatalogFilters
    programs: list[ProgramView]
    total: int
    page_count: int

    @property
    def page(self) -> int:
        return self.filters.page

    @property
    def page_links(self) -> list[int | None]:
        return page_links(self.page, self.page_count)


def _open_now(now: datetime) -> And:
    return (Cohort.seat_pool.opens_at <= now) & (Cohort.seat_pool.closes_at > now)


def _conditions(filters: CatalogFilters, now: datetime) -> list[Any]:
    conditions: list[Any] = [Program.published.eq(True)]
    if filters.audience:
        # A program for everyone is also for each life stage.
        conditions.append(Program.audience.is_in(list({filters.audience, Audience.all})))
    if filters.category:
        conditions.append(Program.category == filters.category)
    if filters.open_only:
        conditions.append(Program.id.is_in(Cohort.select(Cohort.program).where(_open_now(now))))
    conditions.extend(_word_found(word) for word in words_of(filters.keyword))
    return conditions


def _word_found(word: str) -> Any:
    """A word of the search in the program's texts, or naming its life stage (어르신 finds the
    programs for seniors and for everyone)."""
    exact = contains_word(INDEXED, word)
    candidates = holding_word(word)
    found = exact if candidates is None else candidates & exact
    stages = [value for value, label in AUDIENCE_LABELS.items() if value != Audience.all and _names(label, word)]
    return found | Program.audience.is_in([*stages, Audience.all.value]) if stages else found


def _names(label: str, word: str) -> bool:
    return any(word.casefold() in gettext(language, label).casefold() for language in LANGUAGES)


async def _with_cohorts(rows: list[dict[str, Any]], now: datetime, zone: str) -> list[ProgramView]:
    if not rows:
        return []
    # Two plain queries, not one join: Piccolo builds a joined query several times slower, and
    # every catalog page and the home page run this.
    cohort_rows = await Cohort.select().where(Cohort.program.is_in([row["id"] for row in rows])).order_by(
        Cohort.starts_on, Cohort.start_time, Cohort.id
    )
    pools = await pools_by_id([cohort["seat_pool"] for cohort in cohort_rows])
    by_program: dict[int, list[CohortView]] = {row["id"]: [] for row in rows}
    for cohort in cohort_rows:
        cohort["seat_pool"] = pools[cohort["seat_pool"]]
        status = cohort_status(
            opens_at=cohort["seat_pool"]["opens_at"],
            closes_at=cohort["seat_pool"]["closes_at"],
            ends_on=cohort["ends_on"],
            end_time=cohort["end_time"],
            now=now,
            zone=zone,
        )
        by_program[cohort["program"]].append(CohortView(cohort, status))
    return [
        ProgramView(row, by_program[row["id"]], program_status(c.status for c in by_program[row["id"]]))
        for row in rows
    ]


async def search_programs(filters: CatalogFilters, *, now: datetime, zone: str, page_size: int) -> CatalogPage:
    """Published programs matching every filter, ordered by title, one page at a time."""
    conditions = _conditions(filters, now)
    if words_of(filters.keyword):
        return await _found(filters, conditions, now=now, zone=zone, page_size=page_size)
    total = await Program.count().where(*conditions)
    page_count = max(1, math.ceil(total / page_size))
    if filters.page > page_count:
        filters = filters.on_page(page_count)
    rows = (
        await Program.select()
        .where(*conditions)
        .order_by(Program.title, Program.id)
        .limit(page_size)
        .offset((filters.page - 1) * page_size)
    )
    programs = await _with_cohorts(rows, now, zone)
    return CatalogPage(filters=filters, programs=programs, total=total, page_count=page_count)


async def _found(filters: CatalogFilters, conditions: list[Any], *, now: datetime, zone: str, page_size: int) -> CatalogPage:
    """A keyword search: the matching ids first (the words are checked once, not once to count and
    again for the page), then the page's programs by id. The matches, a few hundred at most for a
    real word, are put in title order here: asked to order them, both databases walked every
    program in title order instead of starting from the search index (4x slower at 10,000)."""
    found = await Program.select(Program.id, Program.title).where(*conditions)
    ids = [row["id"] for row in sorted(found, key=lambda row: (row["title"], row["id"]))]
    page_count = max(1, math.ceil(len(ids) / page_size))
    if filters.page > page_count:
        filters = filters.on_page(page_count)
    shown = ids[(filters.page - 1) * page_size:filters.page * page_size]
    by_id = {row["id"]: row for row in await Program.select().where(Program.id.is_in(shown or [0]))}
    programs = await _with_cohorts([by_id[program_id] for program_id in shown], now, zone)
    return CatalogPage(filters=filters, programs=programs, total=len(ids), page_count=page_count)


async def get_program(program_id: int, *, now: datetime, zone: str) -> ProgramView:
    """One published program with all its cohorts and their sessions; ProgramNotFound otherwise."""
    if not 0 < program_id <= MAX_ID:
        raise ProgramNotFound(program_id)
    row = await Program.select().where(Program.id == program_id, Program.published.eq(True)).first()
    if row is None:
        raise ProgramNotFound(program_id)
    (program,) = await _with_cohorts([row], now, zone)
    sessions = await sessions_of([cohort.id for cohort in program.cohorts])
    for cohort in program.cohorts:
        cohort.row["sessions"] = sessions[cohort.id]
    return program

