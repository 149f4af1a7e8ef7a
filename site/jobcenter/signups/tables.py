"""Seats and applications: shared by everything people sign up for (cohorts now, event occurrences later)."""

from __future__ import annotations

from enum import Enum

from piccolo.columns import ForeignKey, Integer, OnDelete, Serial, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from jobcenter.accounts.tables import Citizen


class SeatPool(Table):
    """The seats of one thing people sign up for, its application window and its counters.

    The counters are kept in step with the applications inside the seat-taking transaction; the
    database refuses `confirmed_count > capacity` whatever the code does (see the migrations).
    """

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    capacity = Integer()
    confirmed_count = Integer(default=0)
    waitlisted_count = Integer(default=0)
    opens_at = Timestamptz()
    closes_at = Timestamptz()
    cancellable_until = Timestamptz()


class ApplicationStatus(str, Enum):
    confirmed = "confirmed"
    waitlisted = "waitlisted"
    cancelled = "cancelled"


class Channel(str, Enum):
    """How the application reached the center."""

    web = "web"
    staff = "staff"
    kiosk = "kiosk"


class Application(Table):
    """One person's application for one seat pool: confirmed, waitlisted (numbered 1..N) or cancelled."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    seat_pool = ForeignKey(references=SeatPool, on_delete=OnDelete.cascade, index=True, null=False)
    citizen = ForeignKey(references=Citizen, on_delete=OnDelete.cascade, index=True, null=False)
    status = Varchar(length=12, choices=ApplicationStatus, index=True)
    waitlist_position = Integer(null=True, default=None)
    confirmation_code = Varchar(length=8, unique=True)
    channel = Varchar(length=8, choices=Channel, default=Channel.web.value)
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())
    cancelled_at = Timestamptz(null=True, default=None)
    attended_at = Timestamptz(null=True, default=None)
    """Checked in by staff at the session (ticked on the roster or by the confirmation code)."""
    taken_by = Varchar(length=50, null=True, default=None)
    """The staff member who made the application on the person's behalf (channel `staff`)."""


class OpeningAlert(Table):
    """접수 시작 알림: a person asked to be told when a seat pool opens for applications (a text the
    day before, and one when it opens). Deleted once the pool has opened."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    seat_pool = ForeignKey(references=SeatPool, on_delete=OnDelete.cascade, index=True, null=False)
    citizen = ForeignKey(references=Citizen, on_delete=OnDelete.cascade, index=True, null=False)
    pair = Varchar(length=40, unique=True)
    """"<pool>:<citizen>": one alert per person and pool, however often it is asked for."""
    created_at = Timestamptz(default=TimestamptzNow())
