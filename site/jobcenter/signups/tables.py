"""Seats and applications: shared by everything people sign up for (cohorts now, event occurrences later)."""

from __future__ import annotations

from enum import Enum

from piccolo.columns import Boolean, ForeignKey, Integer, OnDelete, Serial, Timestamptz, Varchar
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
    lottery = Boolean(default=False)
    """추첨: applications are collected while the window is open and seats are drawn after it
    closes (see draws.py); first come, first served otherwise."""


class ApplicationStatus(str, Enum):
    confirmed = "confirmed"
    waitlisted = "waitlisted"
    cancelled = "cancelled"
    applied = "applied"
    """In a lottery, waiting for the draw."""


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


class Priority(str, Enum):
    """Who a lottery draws first, from what the site knows."""

    none = "none"
    first_time = "first_time"
    """People who have not held a seat in another cohort of the same program."""


class Draw(Table):
    """The lottery of one seat pool: the commitment published when it is set up, the list of tickets
    frozen when applications close, and the public value, seed and result once drawn (lottery.py
    says how the order follows from them)."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    seat_pool = ForeignKey(references=SeatPool, on_delete=OnDelete.cascade, unique=True, null=False)
    priority = Varchar(length=12, choices=Priority, default=Priority.none.value)
    public_source = Varchar(length=200)
    """Where the public value will come from, announced before anyone applies (for example the
    numbers of a named national lottery draw)."""
    secret = Varchar(length=64)
    """Shown only once drawn; its SHA-256 is the commitment shown from the start."""
    commitment = Varchar(length=64)
    frozen_at = Timestamptz(null=True, default=None)
    list_digest = Varchar(length=64, null=True, default=None)
    public_value = Varchar(length=200, null=True, default=None)
    seed = Varchar(length=64, null=True, default=None)
    drawn_at = Timestamptz(null=True, default=None)
    drawn_by = Varchar(length=50, null=True, default=None)


class Ticket(Table):
    """One application in a frozen lottery list: its number, whether it is in the priority group,
    and, once drawn, its place in the drawn order and what it got."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    draw = ForeignKey(references=Draw, on_delete=OnDelete.cascade, index=True, null=False)
    application = ForeignKey(references=Application, on_delete=OnDelete.cascade, unique=True, null=False)
    number = Integer()
    priority = Boolean(default=False)
    rank = Integer(null=True, default=None)
    outcome = Varchar(length=12, null=True, default=None)
    """confirmed, waitlisted or withdrawn (cancelled before the draw), as drawn."""
    waitlist_position = Integer(null=True, default=None)
