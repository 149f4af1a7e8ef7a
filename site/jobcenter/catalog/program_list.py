"""What staff read about the catalog: every program, published or not, paged and sorted, one
program with its cohorts and their seats, and the cohorts the back office's first page lists."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter.catalog.status import cohort_status
from jobcenter.catalog.tables import Cohort, CohortSession, Program, SessionStatus
from jobcenter.text_search import contains_ignoring_case
from jobcenter.web.paging import Paged

SORTS = {"title": (Program.title, True), "updated": (Program.updated_at, False)}


async def programs_page(*, keyword: str, sort: str, page: int, page_size: int) -> Paged:
    """Programs whose title holds `keyword`, sorted by title or by last change (newest first)."""
    column, ascending = SORTS.get(sort, SORTS["title"])
    conditions = [contains_ignoring_case(Program.title, f"%{keyword}%")] if keyword else []
    query = Program.select(Program.id, Program.title, Program.audience, Program.category, Program.published, Program.updated_at)
    count = Program.count()
    if conditions:
        query, count = query.where(*conditions), count.where(*conditions)
    rows = await query.order_by(column, ascending=ascending).order_by(Program.id).limit(page_size).offset((page - 1) * page_size)
    return Paged(rows=rows, total=await count, page=page, page_size=page_size,
                 query={"q": keyword, "sort": sort if sort in SORTS else "title"})


async def program_with_cohorts(program_id: int, now: datetime, zone: str) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    """The program and its cohorts (newest first) with seats, window and where each stands."""
    program = await Program.select().where(Program.id == program_id).first()
    if program is None:
        return None
    cohorts = await Cohort.select(
        *Cohort.all_columns(),
        Cohort.seat_pool.capacity.as_alias("capacity"),
        Cohort.seat_pool.confirmed_count.as_alias("confirmed"),
        Cohort.seat_pool.waitlisted_count.as_alias("waitlisted"),
        Cohort.seat_pool.opens_at.as_alias("opens_at"),
        Cohort.seat_pool.closes_at.as_alias("closes_at"),
        Cohort.seat_pool.cancellable_until.as_alias("cancellable_until"),
    ).where(Cohort.program == program_id).order_by(Cohort.starts_on, ascending=False).order_by(Cohort.id, ascending=False)
    for cohort in cohorts:
        cohort["status"] = cohort_status(
            opens_at=cohort["opens_at"], closes_at=cohort["closes_at"], ends_on=cohort["ends_on"], end_time=cohort["end_time"], now=now, zone=zone
        ).value
    return program, cohorts


async def cohort_of(program_id: int, cohort_id: int) -> dict[str, Any] | None:
    """One cohort of the program with its seats and window, as its edit form needs it, and the
    program's completion rule."""
    return await Cohort.select(
        *Cohort.all_columns(),
        Cohort.seat_pool.capacity.as_alias("capacity"),
        Cohort.seat_pool.confirmed_count.as_alias("confirmed"),
        Cohort.seat_pool.waitlisted_count.as_alias("waitlisted"),
        Cohort.seat_pool.opens_at.as_alias("opens_at"),
        Cohort.seat_pool.closes_at.as_alias("closes_at"),
        Cohort.seat_pool.cancellable_until.as_alias("cancellable_until"),
        Cohort.program.completion_percent.as_alias("completion_percent"),
        Cohort.program.title.as_alias("program_title"),
    ).where(Cohort.id == cohort_id, Cohort.program == program_id).first()


async def sessions_of_day(day: date, zone: str) -> list[dict[str, Any]]:
    """The sessions held on `day` (in the center's zone), by start time, with their cohort, its pool
    and how many people are confirmed; cancelled ones are left out."""
    tz = ZoneInfo(zone)
    start = datetime.combine(day, time(0), tzinfo=tz)
    return await CohortSession.select(
        CohortSession.id, CohortSession.starts_at, CohortSession.place, CohortSession.cohort.as_alias("cohort_id"),
        CohortSession.cohort._.program.as_alias("program_id"), CohortSession.cohort._.seat_pool.as_alias("seat_pool"),
        CohortSession.cohort.label.as_alias("label"),
        CohortSession.cohort._.program._.title.as_alias("title"),
        CohortSession.cohort._.seat_pool._.confirmed_count.as_alias("confirmed"),
    ).where(
        CohortSession.starts_at >= start, CohortSession.starts_at < start + timedelta(days=1),
        CohortSession.status == SessionStatus.scheduled.value,
    ).order_by(CohortSession.starts_at)


async def open_cohorts(now: datetime) -> list[dict[str, Any]]:
    """The cohorts taking applications now, the soonest to close first, with their seats filled."""
    return await Cohort.select(
        Cohort.id, Cohort.seat_pool, Cohort.label, Cohort.program.title.as_alias("title"),
        Cohort.seat_pool.capacity.as_alias("capacity"),
        Cohort.seat_pool.confirmed_count.as_alias("confirmed"),
        Cohort.seat_pool.waitlisted_count.as_alias("waitlisted"),
        Cohort.seat_pool.closes_at.as_alias("closes_at"),
    ).where(Cohort.seat_pool.opens_at <= now, Cohort.seat_pool.closes_at > now).order_by(Cohort.seat_pool.closes_at)
