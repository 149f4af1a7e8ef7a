"""The event calendar: recurring series and the occurrences generated from them."""

from __future__ import annotations

from enum import Enum

from piccolo.columns import Boolean, Date, ForeignKey, Integer, OnDelete, Serial, Text, Time, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from jobcenter.schedule.tables import RULE_LENGTH
from jobcenter.signups.tables import SeatPool


class EventCategory(str, Enum):
    """The kinds of events the center runs (행사 분류)."""

    job_fair = "job_fair"
    hiring_day = "hiring_day"
    standing_interview = "standing_interview"
    accompanied_interview = "accompanied_interview"
    job_bus = "job_bus"
    campus = "campus"
    lecture = "lecture"
    other = "other"


class OccurrenceStatus(str, Enum):
    scheduled = "scheduled"
    cancelled = "cancelled"


class EventSeries(Table):
    """An event and its recurrence rule (RFC 5545 RRULE); occurrences are generated from it."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    category = Varchar(length=30, choices=EventCategory, index=True)
    title = Varchar(length=200)
    summary = Varchar(length=300, default="")
    description = Text(default="")
    place = Varchar(length=200)
    address = Varchar(length=200, default="")
    area = Varchar(length=200, default="")
    who_should_come = Text(default="")
    what_to_bring = Text(default="")
    rrule = Varchar(length=RULE_LENGTH)
    first_day = Date()
    last_day = Date(null=True, default=None)
    """The last day a date may fall on; None: the series goes on."""
    start_time = Time()
    end_time = Time()
    days = Integer(default=1)
    skip_holidays = Boolean(default=False)
    capacity = Integer(null=True, default=None)
    booking_path = Varchar(length=200, default="")
    """A page of this site where people book a time on the event's dates (campus counselling:
    /counselling/<place>); each date links to it with ?day=<date>. Empty: none."""
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


class EventOccurrence(Table):
    """One date of a series. Its `rule_day` (the day the rule gave) never changes and keeps its UID
    stable; a moved or cancelled occurrence keeps its row, and `sequence` counts its changes."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    series = ForeignKey(references=EventSeries, on_delete=OnDelete.cascade, index=True, null=False)
    rule_day = Date()
    uid = Varchar(length=120, unique=True)
    starts_at = Timestamptz(index=True)
    ends_at = Timestamptz(index=True)
    place = Varchar(length=200)
    status = Varchar(length=12, choices=OccurrenceStatus, default=OccurrenceStatus.scheduled.value)
    note = Varchar(length=300, default="")
    moved_from = Timestamptz(null=True, default=None)
    edited = Boolean(default=False)
    sequence = Integer(default=0)
    seat_pool = ForeignKey(references=SeatPool, on_delete=OnDelete.restrict, null=True, default=None, unique=True)


class EventCompany(Table):
    """A company hiring at one occurrence of a job fair or hiring day, with what it hires for."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    occurrence = ForeignKey(references=EventOccurrence, on_delete=OnDelete.cascade, index=True, null=False)
    name = Varchar(length=100)
    positions = Varchar(length=300)
    head_count = Integer()

