"""What the API answers, field by field: stable English names, times in ISO 8601 with the center's
offset, days as dates. Litestar writes the OpenAPI document from these types, so the document and the
answers cannot drift apart. Descriptions are marked for translation: the documentation page shows
them in Korean. Nothing here holds personal data: no applicant, no staff name, no contact."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from msgspec import Meta, Struct

from jobcenter.catalog.status import Status
from jobcenter.catalog.tables import Audience, Category
from jobcenter.companies.tables import EmploymentType, Industry, WagePeriod
from jobcenter.events.tables import EventCategory
from jobcenter.i18n import N_

Id = Annotated[int, Meta(ge=1, description=N_("Stable id; the same number as in the site's own addresses."))]
Count = Annotated[int, Meta(ge=0)]
ClockTime = Annotated[str, Meta(pattern=r"^[0-2][0-9]:[0-5][0-9]$")]
"""A time of day as HH:MM (Litestar would document a `time` as a duration)."""


class Paging(Struct, kw_only=True):
    page: Annotated[int, Meta(ge=1, description=N_("This page, from 1."))]
    page_count: Annotated[int, Meta(ge=1, description=N_("How many pages there are; a page past the last answers the last."))]
    total: Annotated[Count, Meta(description=N_("How many items match, on every page together."))]


class Seats(Struct, kw_only=True):
    capacity: Count
    confirmed: Count
    left: Annotated[Count, Meta(description=N_("Seats still free: capacity minus confirmed."))]
    waitlisted: Count
    lottery: Annotated[bool, Meta(description=N_("Seats are drawn after applications close, not first come, first served."))]
    opens_at: Annotated[datetime, Meta(description=N_("Applications open (ISO 8601 with the center's offset)."))]
    closes_at: datetime


class Session(Struct, kw_only=True):
    starts_at: datetime
    ends_at: datetime
    place: str
    cancelled: bool


class Cohort(Struct, kw_only=True):
    id: Id
    label: str
    status: Annotated[Status, Meta(description=N_("Where applications stand at the moment of the answer."))]
    starts_on: date
    ends_on: date
    start_time: Annotated[ClockTime, Meta(description=N_("Daily start, the center's local time (HH:MM)."))]
    end_time: ClockTime
    schedule_note: str
    place: str
    seats: Seats
    url: str


class CohortWithSessions(Cohort, kw_only=True):
    sessions: list[Session]


class ProgramSummary(Struct, kw_only=True):
    id: Id
    title: str
    summary: str
    audience: Annotated[Audience, Meta(description=N_("The life stage the program is for; all: everyone."))]
    category: Category
    status: Annotated[Status | None, Meta(description=N_("The most open cohort's status; null before any cohort is planned."))]
    fee_won: Count
    cohorts: list[Cohort]
    url: Annotated[str, Meta(description=N_("The program's page on the site."))]


class Program(ProgramSummary, kw_only=True):
    description: str
    eligibility: str
    min_age: int | None
    max_age: int | None
    contact_phone: Annotated[str, Meta(description=N_("The center's number for the program."))]
    cohorts: list[CohortWithSessions]  # type: ignore[assignment]


class ProgramPage(Struct, kw_only=True):
    items: list[ProgramSummary]
    paging: Paging


class HiringCompany(Struct, kw_only=True):
    name: str
    positions: str
    head_count: Count


class Event(Struct, kw_only=True):
    id: Id
    title: str
    category: EventCategory
    starts_at: datetime
    ends_at: datetime
    place: str
    cancelled: bool
    note: str
    seats: Seats | None
    url: str


class EventDetail(Event, kw_only=True):
    summary: str
    description: str
    address: str
    who_should_come: str
    what_to_bring: str
    companies: list[HiringCompany]


class EventPage(Struct, kw_only=True):
    first_day: date
    last_day: date
    items: list[Event]
    paging: Paging


class Visit(Struct, kw_only=True):
    visited_on: date
    hours: str
    shifts: str
    wage_min: int | None
    wage_max: int | None
    company_bus: bool
    parking: bool
    bus_stop_minutes: int | None
    meals: str
    dormitory: bool
    insurance: bool
    hires_seniors: bool
    hires_youth: bool
    hires_disabled: bool
    hires_foreign: bool


class Company(Struct, kw_only=True):
    id: Id
    name: str
    district: str
    industry: Industry
    address: str
    products: str
    employees: int | None
    latitude: float | None
    longitude: float | None
    latest_visit: Annotated[Visit | None, Meta(description=N_("What the center's latest visit found, without the visitor's name or notes."))]
    url: str


class CompanyPage(Struct, kw_only=True):
    items: list[Company]
    paging: Paging


class Job(Struct, kw_only=True):
    id: Id
    company_id: Id
    company_name: str
    district: str
    position: str
    employment_type: EmploymentType
    wage_period: WagePeriod
    wage: Annotated[Count, Meta(description=N_("Won per hour or per month, as wage_period says."))]
    hours: str
    place: str
    duties: str
    requirements: str
    preferred: str
    welcomes_seniors: bool
    welcomes_youth: bool
    welcomes_disabled: bool
    deadline: Annotated[date, Meta(description=N_("Open until the end of this day in the center's zone."))]
    state: Annotated[Literal["open", "closing_soon", "closed"], Meta(description=N_("closing_soon: three days or fewer left."))]
    published_at: datetime | None
    url: str


class JobPage(Struct, kw_only=True):
    items: list[Job]
    paging: Paging
