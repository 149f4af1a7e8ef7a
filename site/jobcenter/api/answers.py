"""Rows and views of the areas' services turned into the API's types (schemas.py): the one place
that decides which columns leave the site. Times are given in the center's zone, with its offset."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter.api import schemas
from jobcenter.catalog.service import CohortView, ProgramView
from jobcenter.events.tables import OccurrenceStatus
from jobcenter.web.paging import Paged

VISIT_FIELDS = tuple(name for name in schemas.Visit.__struct_fields__)
"""What a visit's answer holds: everything but who visited and their notes."""


def _local(moment: datetime, zone: str) -> datetime:
    return moment.astimezone(ZoneInfo(zone))


def paging(page: int, page_count: int, total: int) -> schemas.Paging:
    return schemas.Paging(page=page, page_count=page_count, total=total)


def paging_of(paged: Paged) -> schemas.Paging:
    return paging(paged.page, paged.page_count, paged.total)


def seats(pool: dict[str, Any], zone: str) -> schemas.Seats:
    return schemas.Seats(
        capacity=pool["capacity"], confirmed=pool["confirmed_count"], left=max(0, pool["capacity"] - pool["confirmed_count"]),
        waitlisted=pool["waitlisted_count"], lottery=pool["lottery"],
        opens_at=_local(pool["opens_at"], zone), closes_at=_local(pool["closes_at"], zone),
    )


def _cohort_fields(cohort: CohortView, program_id: int, zone: str) -> dict[str, Any]:
    return {
        "id": cohort.id, "label": cohort.label, "status": cohort.status, "starts_on": cohort.starts_on, "ends_on": cohort.ends_on,
        "start_time": f"{cohort.start_time:%H:%M}", "end_time": f"{cohort.end_time:%H:%M}", "schedule_note": cohort.schedule_note, "place": cohort.place,
        "seats": seats(cohort.seat_pool, zone), "url": f"/programs/{program_id}",
    }


def _program_fields(program: ProgramView) -> dict[str, Any]:
    return {
        "id": program.id, "title": program.title, "summary": program.summary, "audience": program.audience,
        "category": program.category, "status": program.status, "fee_won": program.fee_won, "url": f"/programs/{program.id}",
    }


def program_summary(program: ProgramView, zone: str) -> schemas.ProgramSummary:
    return schemas.ProgramSummary(**_program_fields(program), cohorts=[
        schemas.Cohort(**_cohort_fields(cohort, program.id, zone)) for cohort in program.cohorts
    ])


def program(view: ProgramView, zone: str) -> schemas.Program:
    cohorts = [
        schemas.CohortWithSessions(**_cohort_fields(cohort, view.id, zone), sessions=[
            schemas.Session(starts_at=_local(row["starts_at"], zone), ends_at=_local(row["ends_at"], zone), place=row["place"],
                            cancelled=row["cancelled"])
            for row in cohort.sessions
        ])
        for cohort in view.cohorts
    ]
    return schemas.Program(
        **_program_fields(view), cohorts=cohorts, description=view.description, eligibility=view.eligibility,
        min_age=view.min_age, max_age=view.max_age, contact_phone=view.contact_phone,
    )


def _event_fields(row: dict[str, Any], pool: dict[str, Any] | None, zone: str) -> dict[str, Any]:
    return {
        "id": row["id"], "title": row["title"], "category": row["category"], "starts_at": _local(row["starts_at"], zone),
        "ends_at": _local(row["ends_at"], zone), "place": row["place"], "cancelled": row["cancelled"], "note": row["note"],
        "seats": seats(pool, zone) if pool else None, "url": f"/events/{row['id']}",
    }


def event(row: dict[str, Any], zone: str) -> schemas.Event:
    return schemas.Event(**_event_fields(row, row["pool"], zone))


def event_detail(row: dict[str, Any], pool: dict[str, Any] | None, companies: list[dict[str, Any]], zone: str) -> schemas.EventDetail:
    series = row["series"]
    cancelled = row["status"] == OccurrenceStatus.cancelled.value
    return schemas.EventDetail(
        **_event_fields({**row, "title": series["title"], "category": series["category"], "cancelled": cancelled}, pool, zone),
        summary=series["summary"], description=series["description"], address=series["address"],
        who_should_come=series["who_should_come"], what_to_bring=series["what_to_bring"],
        companies=[schemas.HiringCompany(name=item["name"], positions=item["positions"], head_count=item["head_count"]) for item in companies],
    )


def company(row: dict[str, Any]) -> schemas.Company:
    visit = row["visit"]
    return schemas.Company(
        id=row["id"], name=row["name"], district=row["district"], industry=row["industry"], address=row["address"],
        products=row["products"], employees=row["employees"], latitude=row["latitude"], longitude=row["longitude"],
        latest_visit=schemas.Visit(**{name: visit[name] for name in VISIT_FIELDS}) if visit else None,
        url=f"/companies/{row['id']}",
    )


def job(row: dict[str, Any], zone: str) -> schemas.Job:
    return schemas.Job(
        id=row["id"], company_id=row["company"], company_name=row["company_name"], district=row["district"], position=row["position"],
        employment_type=row["employment_type"], wage_period=row["wage_period"], wage=row["wage"], hours=row["hours"], place=row["place"],
        duties=row["duties"], requirements=row["requirements"], preferred=row["preferred"], welcomes_seniors=row["welcomes_seniors"],
        welcomes_youth=row["welcomes_youth"], welcomes_disabled=row["welcomes_disabled"], deadline=row["deadline"], state=row["state"],
        published_at=_local(row["published_at"], zone) if row["published_at"] else None, url=f"/jobs/{row['id']}",
    )
