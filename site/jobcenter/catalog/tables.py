"""Programs (교육·프로그램) and their cohorts (기수·회차), each with its own application window."""

from __future__ import annotations

from enum import Enum

from piccolo.columns import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    OnDelete,
    Serial,
    Text,
    Time,
    Timestamptz,
    Varchar,
)
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from jobcenter.schedule.tables import RULE_LENGTH
from jobcenter.signups.tables import Application, SeatPool


class Audience(str, Enum):
    """Life stage a program is for (대상)."""

    youth = "youth"
    middle_aged = "middle_aged"
    senior = "senior"
    all = "all"


class Category(str, Enum):
    """Kind of program (분류)."""

    job_support = "job_support"
    training = "training"
    consulting = "consulting"
    lecture = "lecture"


class Program(Table):
    """A program as the center publishes it; dates, places and seats belong to its cohorts."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    title = Varchar(length=200, required=True)
    summary = Varchar(length=300, default="")
    description = Text(default="")
    audience = Varchar(length=20, choices=Audience, index=True)
    category = Varchar(length=20, choices=Category, index=True)
    min_age = Integer(null=True, default=None)
    max_age = Integer(null=True, default=None)
    eligibility = Text(default="")
    fee_won = Integer(default=0)
    contact_phone = Varchar(length=40, default="")
    completion_percent = Integer(default=80)
    """수료 기준: the share of a cohort's sessions held (cancelled ones left out) a person attends
    to complete it, 1 to 100 (100 for a course the law wants attended whole, such as 경비신임교육)."""
    published = Boolean(default=True, index=True)
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


WEEKDAYS_RULE = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"


class CohortSeries(Table):
    """A program that repeats (such as the monthly 맞춤형 취업특강): a one-day cohort on each day
    its rule gives, each made some months ahead from this template with its own seats and window
    (catalog/cohort_series.py). Staff may edit a cohort once made; the series does not touch it again."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    program = ForeignKey(references=Program, on_delete=OnDelete.cascade, index=True, null=False)
    rrule = Varchar(length=RULE_LENGTH)
    skip_holidays = Boolean(default=True)
    first_day = Date()
    last_day = Date(null=True, default=None)
    start_time = Time()
    end_time = Time()
    place = Varchar(length=200)
    capacity = Integer()
    opens_days_before = Integer(default=14)
    """Applications open at 09:00 this many days before the day, and close when it begins."""
    months_ahead = Integer(default=3)


class Cohort(Table):
    """One run of a program (기수): from its first to its last day, meeting on the days its rule
    (RFC 5545 RRULE, as event series have) gives; its seats and application window are its seat pool."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    program = ForeignKey(references=Program, on_delete=OnDelete.cascade, index=True, null=False)
    label = Varchar(length=100)
    starts_on = Date()
    ends_on = Date()
    start_time = Time()
    end_time = Time()
    rrule = Varchar(length=RULE_LENGTH, default=WEEKDAYS_RULE)
    skip_holidays = Boolean(default=True)
    schedule_note = Varchar(length=200, default="")
    place = Varchar(length=200)
    seat_pool = ForeignKey(references=SeatPool, on_delete=OnDelete.restrict, unique=True, null=False)
    from_series = ForeignKey(references=CohortSeries, on_delete=OnDelete.set_null, index=True, null=True, default=None)
    series_day = Date(null=True, default=None)
    """The day of its series it was made for (one cohort per series and day: they are made under
    the series' lock)."""


class SessionStatus(str, Enum):
    scheduled = "scheduled"
    cancelled = "cancelled"


class CohortSession(Table):
    """One day a cohort meets (회차). Sessions the rule gives keep their `rule_day` (and so their
    UID) however they are moved; staff may add one on any day (no rule_day). A moved or cancelled
    session keeps its row, `edited` keeps the rule from changing it again, and `sequence` counts
    its changes for calendar files."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    cohort = ForeignKey(references=Cohort, on_delete=OnDelete.cascade, index=True, null=False)
    rule_day = Date(null=True, default=None)
    uid = Varchar(length=120, unique=True)
    starts_at = Timestamptz(index=True)
    ends_at = Timestamptz()
    place = Varchar(length=200)
    status = Varchar(length=12, choices=SessionStatus, default=SessionStatus.scheduled.value)
    note = Varchar(length=300, default="")
    moved_from = Timestamptz(null=True, default=None)
    edited = Boolean(default=False)
    sequence = Integer(default=0)


class SessionAttendance(Table):
    """One person present at one session: ticked on the session's roster or checked in by the
    confirmation number. Deleted with the session or the application."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    session = ForeignKey(references=CohortSession, on_delete=OnDelete.cascade, index=True, null=False)
    application = ForeignKey(references=Application, on_delete=OnDelete.cascade, index=True, null=False)
    pair = Varchar(length=40, unique=True)
    """"<session>:<application>": one mark per person and session, however often it is ticked."""
    checked_at = Timestamptz()


class ProgramTerm(Table):
    """The search index of the catalog: every syllable and every pair of neighbouring syllables
    (or letters, digits) of a program's texts, spaces left out (catalog/search_index.py). A query
    word is looked up by its own pairs, so two-syllable words (경비, 청소, 면접) hit the index, which
    trigram indexes never do."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    program = ForeignKey(references=Program, on_delete=OnDelete.cascade, index=True, null=False)
    term = Varchar(length=2, index=True)
