"""Loads the demo catalog into an empty database, never over existing data."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from jobcenter.catalog.cohort_series import make_ahead
from jobcenter.catalog.cohorts import add_cohort
from jobcenter.catalog.search_index import index_program
from jobcenter.catalog.tables import CohortSeries, Program
from jobcenter.companies.tables import Company, CompanyVisit, Posting
from jobcenter.demo.companies import COMPANIES, DISABLED, FOREIGN, POSTINGS, SENIORS, YOUTH, demo_pin
from jobcenter.demo.counselling import load_counselling
from jobcenter.demo.events import SERIES
from jobcenter.demo.programs import PROGRAMS, DemoCohort, DemoSeries
from jobcenter.events.generation import generate
from jobcenter.events.occurrence_changes import cancel_occurrence, move_occurrence
from jobcenter.events.tables import EventCompany, EventOccurrence, EventSeries
from jobcenter.schedule.recurrence import rule_days

COUNSELLORS = ("김상담", "이지원", "박현우")
"""The counsellors named on the demo companies' visits."""
SESSIONS_WITHIN = timedelta(days=200)
"""Where a demo cohort's sessions are looked for: its first day and this long after."""


async def _add_demo_cohort(program: Program, cohort: DemoCohort, today: datetime, zone: str) -> None:
    def at(offset_and_hour: tuple[int, int]) -> datetime:
        offset, hour = offset_and_hour
        return (today + timedelta(days=offset)).replace(hour=hour)

    earliest = (today + timedelta(days=cohort.first_day)).date()
    days = rule_days(cohort.rule, earliest, earliest, earliest + SESSIONS_WITHIN, skip_holidays=True)[: cohort.sessions]
    await add_cohort(
        program_id=program.id,
        label=cohort.label,
        starts_on=days[0],
        ends_on=days[-1],
        start_time=cohort.start,
        end_time=cohort.end,
        rrule=cohort.rule,
        schedule_note=cohort.schedule_note,
        place=cohort.place,
        capacity=cohort.capacity,
        opens_at=at(cohort.window.opens),
        closes_at=at(cohort.window.closes),
        zone=zone,
    )


async def _add_demo_series(program: Program, series: DemoSeries, today: datetime, now: datetime, zone: str) -> None:
    """The series and the cohorts its first months ahead give, as staff would make them."""
    (row,) = await CohortSeries.insert(CohortSeries(
        program=program.id, rrule=series.rule, first_day=(today + timedelta(days=series.first_day)).date(), start_time=series.start,
        end_time=series.end, place=series.place, capacity=series.capacity,
    )).returning(CohortSeries.id)
    await make_ahead(row["id"], now=now, zone=zone)


async def load_demo_content(now: datetime, zone: str) -> int:
    """Insert the demo programs when there are none; returns how many were inserted."""
    engine = Program._meta.db
    async with engine.transaction():
        if await Program.count() > 0:
            return 0
        today = now.astimezone(ZoneInfo(zone)).replace(hour=0, minute=0, second=0, microsecond=0)
        for demo in PROGRAMS:
            program = Program(
                title=demo.title,
                audience=demo.audience,
                category=demo.category,
                summary=demo.summary,
                description=demo.description,
                eligibility=demo.eligibility,
                min_age=demo.min_age,
                max_age=demo.max_age,
                fee_won=demo.fee_won,
                completion_percent=demo.completion_percent,
            )
            await program.save()
            await index_program(program.id)
            for cohort in demo.cohorts:
                await _add_demo_cohort(program, cohort, today, zone)
            if demo.series:
                await _add_demo_series(program, demo.series, today, now, zone)
        await _load_events(today, zone)
        await _load_companies(today)
        await _load_postings(today, now)
        await load_counselling(today.date())
    return len(PROGRAMS)


async def _load_companies(today: datetime) -> None:
    """The company directory, each company with the visit that surveyed it."""
    for number, demo in enumerate(COMPANIES):
        latitude, longitude = demo_pin(number, demo.district)
        (company,) = await Company.insert(Company(
            name=demo.name, district=demo.district, industry=demo.industry, address=f"경기도 김포시 {demo.district}",
            products=demo.products, employees=demo.employees, latitude=latitude, longitude=longitude,
        )).returning(Company.id)
        (visit,) = await CompanyVisit.insert(CompanyVisit(
            company=company["id"], visited_on=(today - timedelta(days=demo.visited_days_ago)).date(), counsellor=COUNSELLORS[number % len(COUNSELLORS)],
            hours=demo.hours, shifts=demo.shifts, wage_min=demo.wage[0] * 10_000, wage_max=demo.wage[1] * 10_000, company_bus=demo.bus,
            parking=demo.parking, bus_stop_minutes=demo.stop_minutes, meals=demo.meals, dormitory=demo.dormitory, hires_seniors=SENIORS in demo.hires,
            hires_youth=YOUTH in demo.hires, hires_disabled=DISABLED in demo.hires, hires_foreign=FOREIGN in demo.hires,
        )).returning(CompanyVisit.id)
        await Company.update({Company.latest_visit: visit["id"]}).where(Company.id == company["id"])


async def _load_postings(today: datetime, now: datetime) -> None:
    """Twenty postings published over the last weeks, some closing soon and one past its deadline."""
    ids = {row["name"]: row["id"] for row in await Company.select(Company.id, Company.name)}
    for number, demo in enumerate(POSTINGS):
        published_at = now - timedelta(days=number % 9 + 1)
        await Posting(
            company=ids[demo.company], position=demo.position, employment_type=demo.employment_type, wage_period=demo.wage[0],
            wage=demo.wage[1], hours=demo.hours, place=f"경기도 김포시 {demo.company}", duties=demo.duties,
            requirements="", preferred="", welcomes_seniors=SENIORS in demo.welcomes, welcomes_youth=YOUTH in demo.welcomes,
            welcomes_disabled=DISABLED in demo.welcomes, deadline=(today + timedelta(days=demo.deadline_days)).date(),
            status="published", published_at=published_at, created_at=published_at, updated_at=published_at,
        ).save()


async def _load_events(today: datetime, zone: str) -> None:
    """The calendar from a month back, with one cancelled and one moved date to show how they read."""
    since = (today - timedelta(days=31)).date()
    for demo in SERIES:
        series = EventSeries(
            category=demo.category, title=demo.title, summary=demo.summary, description=demo.description,
            place=demo.place, address=demo.address, area=demo.area, who_should_come=demo.who_should_come,
            what_to_bring=demo.what_to_bring, rrule=demo.rrule, first_day=since, start_time=demo.start,
            end_time=demo.end, days=demo.days, skip_holidays=demo.skip_holidays, capacity=demo.capacity,
        )
        await series.save()
        await generate(series.id, today=since, zone=zone)
        occurrences = await EventOccurrence.select(EventOccurrence.id).where(EventOccurrence.series == series.id)
        for occurrence in occurrences:
            for name, positions, head_count in demo.companies:
                await EventCompany(occurrence=occurrence["id"], name=name, positions=positions, head_count=head_count).save()
    bus_dates = await EventOccurrence.select(EventOccurrence.id, EventOccurrence.starts_at, EventOccurrence.ends_at).where(
        EventOccurrence.series.category == "job_bus", EventOccurrence.starts_at > today
    ).order_by(EventOccurrence.starts_at).limit(2)
    if len(bus_dates) == 2:
        await cancel_occurrence(bus_dates[0]["id"], "차량 점검으로 이번 회차는 운행하지 않습니다.")
        moved = bus_dates[1]
        await move_occurrence(
            moved["id"], moved["starts_at"] + timedelta(days=2), moved["ends_at"] + timedelta(days=2), "지역 행사와 겹쳐 이틀 뒤로 옮깁니다."
        )
