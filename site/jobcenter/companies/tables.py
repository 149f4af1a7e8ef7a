"""Companies in the directory and the survey visits counsellors make to them. A company shows what
its latest visit found; earlier visits stay as its history."""

from __future__ import annotations

from enum import Enum

from piccolo.columns import Boolean, Date, DoublePrecision, ForeignKey, Integer, OnDelete, Serial, Text, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from jobcenter.accounts.tables import Citizen


class Industry(str, Enum):
    """업종, as the directory groups companies."""

    manufacturing = "manufacturing"
    logistics = "logistics"
    food = "food"
    retail = "retail"
    services = "services"
    construction = "construction"
    care = "care"
    agriculture = "agriculture"


class Company(Table):
    """A local company as the directory shows it; `latest_visit` is the survey it shows."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    name = Varchar(length=100)
    district = Varchar(length=20, index=True)
    """The 읍·면·동 it is in: one of the city's districts (the DISTRICTS setting)."""
    industry = Varchar(length=20, choices=Industry, index=True)
    address = Varchar(length=200, default="")
    products = Varchar(length=200, default="")
    """What it makes or does, in a line."""
    employees = Integer(null=True, default=None)
    business_number = Varchar(length=10, null=True, default=None, index=True)
    """사업자등록번호 (10 digits), when the company gave it with a 구인 신청."""
    closed = Boolean(default=False, index=True)
    """Closed down or no longer in the directory: not shown to the public."""
    latest_visit = Integer(null=True, default=None)
    """The id of its latest CompanyVisit (a plain number: a visit belongs to its company)."""
    latitude = DoublePrecision(null=True, default=None)
    longitude = DoublePrecision(null=True, default=None)
    """Where its pin stands on the map (WGS 84), placed by staff; none: listed, not pinned."""
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


class CompanyVisit(Table):
    """What a counsellor found on one visit: hours, pay, commuting, meals and whom it hires."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    company = ForeignKey(references=Company, on_delete=OnDelete.cascade, index=True, null=False)
    visited_on = Date()
    counsellor = Varchar(length=50)
    hours = Varchar(length=100, default="")
    """Working hours, like 08:30~17:30."""
    shifts = Varchar(length=100, default="")
    """Shifts, like 주간 고정 or 2교대."""
    wage_min = Integer(null=True, default=None)
    wage_max = Integer(null=True, default=None)
    """The monthly wage range in won."""
    company_bus = Boolean(default=False)
    parking = Boolean(default=False)
    bus_stop_minutes = Integer(null=True, default=None)
    """On foot from the nearest bus stop."""
    meals = Varchar(length=100, default="")
    dormitory = Boolean(default=False)
    insurance = Boolean(default=True)
    """4대보험 (the four social insurances)."""
    hires_seniors = Boolean(default=False)
    hires_youth = Boolean(default=False)
    hires_disabled = Boolean(default=False)
    hires_foreign = Boolean(default=False)
    note = Text(default="")


class EmploymentType(str, Enum):
    full_time = "full_time"
    part_time = "part_time"
    contract = "contract"
    daily = "daily"


class WagePeriod(str, Enum):
    hourly = "hourly"
    monthly = "monthly"


class PostingStatus(str, Enum):
    draft = "draft"
    published = "published"
    closed = "closed"


class Posting(Table):
    """A job posting (채용정보) of a company in the directory: drafted by staff, published, closed.
    It is open until the end of its deadline day in the center's zone, never after."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    company = ForeignKey(references=Company, on_delete=OnDelete.cascade, index=True, null=False)
    position = Varchar(length=100)
    employment_type = Varchar(length=12, choices=EmploymentType)
    wage_period = Varchar(length=8, choices=WagePeriod)
    wage = Integer()
    """In won, per hour or per month (wage_period); never below the minimum wage."""
    hours = Varchar(length=100, default="")
    place = Varchar(length=200, default="")
    duties = Text(default="")
    requirements = Text(default="")
    preferred = Text(default="")
    welcomes_seniors = Boolean(default=False)
    welcomes_youth = Boolean(default=False)
    welcomes_disabled = Boolean(default=False)
    """우대: whom it welcomes. Never an age limit (고령자고용법 §4-4): a welcome, not a condition."""
    deadline = Date(index=True)
    interview_occurrence = Integer(null=True, default=None)
    """The event date (a job fair, a hiring day, 상설면접) where the company interviews, by its id in
    the calendar (events.EventOccurrence), when it does."""
    status = Varchar(length=10, choices=PostingStatus, default=PostingStatus.draft.value, index=True)
    published_at = Timestamptz(null=True, default=None)
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


class ReferralStatus(str, Enum):
    """지원 요청's course: 접수, 추천함, 면접, 채용, 불합격, 취소."""

    requested = "requested"
    referred = "referred"
    interview = "interview"
    hired = "hired"
    rejected = "rejected"
    cancelled = "cancelled"


class Referral(Table):
    """A citizen asks the center to refer them to a posting (지원 요청), after consenting to their
    details going to the company (PIPA §17(2)); staff refer them and record how it went. Deleted
    with the account."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    posting = ForeignKey(references=Posting, on_delete=OnDelete.cascade, index=True, null=False)
    citizen = ForeignKey(references=Citizen, on_delete=OnDelete.cascade, index=True, null=False)
    pair = Varchar(length=40, unique=True)
    """"<posting>:<citizen>": one request per person and posting (asked again, it is the same one)."""
    note = Varchar(length=300, default="")
    status = Varchar(length=10, choices=ReferralStatus, default=ReferralStatus.requested.value, index=True)
    consent_version = Varchar(length=20)
    consented_at = Timestamptz()
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


class JobRequest(Table):
    """구인 신청: a company asked the center for people through the public form. It made a draft
    posting (and, for a company not yet in the directory, a company kept out of it) for staff to
    review; the contact is who the center calls back."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    posting = ForeignKey(references=Posting, on_delete=OnDelete.cascade, unique=True, null=False)
    contact_name = Varchar(length=50)
    contact_phone = Varchar(length=11)
    contact_email = Varchar(length=254, default="")
    consented_at = Timestamptz()
    created_at = Timestamptz(default=TimestamptzNow())
