"""Staff members of the center, their roles and their server-side sessions."""

from __future__ import annotations

from enum import Enum

from piccolo.columns import Boolean, ForeignKey, Integer, OnDelete, Serial, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table


class StaffRole(str, Enum):
    """`admin` may do everything, staff accounts included; `staff` runs programs, calendars and rosters."""

    admin = "admin"
    staff = "staff"


class StaffMember(Table):
    """A counsellor or manager who signs in to the back office with a password and a TOTP code."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    username = Varchar(length=40, unique=True)
    name = Varchar(length=50)
    role = Varchar(length=10, choices=StaffRole, default=StaffRole.staff.value)
    password_hash = Varchar(length=255)
    totp_secret = Varchar(length=64, null=True, default=None, secret=True)
    """Set at enrolment; until `totp_confirmed_at` the first code has not been shown to match."""
    totp_confirmed_at = Timestamptz(null=True, default=None)
    totp_last_step = Integer(default=0)
    """The last 30-second step a code was accepted for: a code cannot be used twice."""
    active = Boolean(default=True)
    last_login_at = Timestamptz(null=True, default=None)
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


class StaffSession(Table):
    """A signed-in back-office browser. Half-open (password only) until `verified_at` is set by the code."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    token_hash = Varchar(length=64, unique=True)
    staff = ForeignKey(references=StaffMember, on_delete=OnDelete.cascade, index=True, null=False)
    created_at = Timestamptz(default=TimestamptzNow())
    last_seen_at = Timestamptz(default=TimestamptzNow())
    verified_at = Timestamptz(null=True, default=None)
