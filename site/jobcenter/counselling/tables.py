"""Where counsellors meet people, when they are free there, their leave, the bookings, and the
record of each meeting."""

from __future__ import annotations

from enum import Enum

from piccolo.columns import Boolean, Date, ForeignKey, Integer, OnDelete, Serial, Text, Time, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from jobcenter.accounts.tables import Citizen
from jobcenter.schedule.tables import RULE_LENGTH


class PlaceKind(str, Enum):
    office = "office"
    """The center's own office."""
    campus = "campus"
    bus = "bus"


class CounsellingPlace(Table):
    """The center, a campus counsellors visit (김포대학교, 김포제일공고), or the job bus at its stop."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    name = Varchar(length=100)
    kind = Varchar(length=10, choices=PlaceKind, default=PlaceKind.office.value)
    address = Varchar(length=200, default="")
    """Where exactly: a building and room, or the bus stop."""
    position = Integer(default=0)
    """Its place in lists (the center first)."""
    active = Boolean(default=True)


class Counsellor(Table):
    """A counsellor as bookings name them: the full name for staff, the given name for the person
    booking (their first name is all a citizen is told). `staff_id` is the back-office account of
    the counsellor, when they have one (their own day is shown to them first)."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    name = Varchar(length=50)
    first_name = Varchar(length=20)
    staff_id = Integer(null=True, default=None, unique=True)
    active = Boolean(default=True)


class Availability(Table):
    """A counsellor's free times at one place: the days of a pattern (an RRULE, the calendar's plain
    words) from `first_day` to `last_day`, from `start_time` to `end_time` in slots of `slot_minutes`;
    never on a public holiday or a closure day (slots.py)."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    counsellor = ForeignKey(references=Counsellor, on_delete=OnDelete.cascade, index=True, null=False)
    place = ForeignKey(references=CounsellingPlace, on_delete=OnDelete.cascade, index=True, null=False)
    rule = Varchar(length=RULE_LENGTH)
    first_day = Date()
    last_day = Date(null=True, default=None)
    start_time = Time()
    end_time = Time()
    slot_minutes = Integer(default=30)
    created_at = Timestamptz(default=TimestamptzNow())


class Leave(Table):
    """A counsellor away (leave, training, an event): no slot of theirs in it is offered."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    counsellor = ForeignKey(references=Counsellor, on_delete=OnDelete.cascade, index=True, null=False)
    starts_at = Timestamptz()
    ends_at = Timestamptz()
    reason = Varchar(length=100, default="")
    created_at = Timestamptz(default=TimestamptzNow())


class Topic(str, Enum):
    first = "first"
    resume = "resume"
    training = "training"
    programmes = "programmes"


class BookingStatus(str, Enum):
    booked = "booked"
    cancelled = "cancelled"
    attended = "attended"
    no_show = "no_show"


class BookingChannel(str, Enum):
    online = "online"
    phone = "phone"
    walk_in = "walk_in"
    kiosk = "kiosk"


class Booking(Table):
    """A person's time with a counsellor. `slot` holds "<counsellor>:<start, UTC>" while the time is
    taken (unique: a slot is booked at most once) and is emptied when the booking is cancelled or
    moved, which frees the time. Deleted with the account."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    citizen = ForeignKey(references=Citizen, on_delete=OnDelete.cascade, index=True, null=False)
    counsellor = ForeignKey(references=Counsellor, on_delete=OnDelete.restrict, index=True, null=False)
    place = ForeignKey(references=CounsellingPlace, on_delete=OnDelete.restrict, index=True, null=False)
    starts_at = Timestamptz(index=True)
    ends_at = Timestamptz()
    slot = Varchar(length=60, null=True, default=None, unique=True)
    topic = Varchar(length=12, choices=Topic)
    note = Varchar(length=300, default="")
    status = Varchar(length=10, choices=BookingStatus, default=BookingStatus.booked.value, index=True)
    channel = Varchar(length=10, choices=BookingChannel, default=BookingChannel.online.value)
    booked_by = Varchar(length=50, default="")
    """The staff member who booked it for the person (by phone, at the desk); empty online."""
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


class CounsellingRecord(Table):
    """What was discussed at a meeting and what comes next: personal data seen by staff alone (each
    view audited), in the person's data download, deleted with the account."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    booking = ForeignKey(references=Booking, on_delete=OnDelete.cascade, null=False, unique=True)
    discussed = Text(default="")
    next_steps = Text(default="")
    written_by = Varchar(length=50)
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())
