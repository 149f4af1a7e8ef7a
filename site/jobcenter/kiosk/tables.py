"""The lobby kiosk: its short-lived visitor sessions and its calls for a member of staff."""

from __future__ import annotations

from piccolo.columns import Integer, Serial, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table


class KioskSession(Table):
    """One visitor at the kiosk, from the first tap to the reset. Only the token's hash is kept;
    the application made in it (if any) is the only personal thing it points to."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    token_hash = Varchar(length=64, unique=True)
    kiosk_name = Varchar(length=50)
    application_id = Integer(null=True, default=None)
    created_at = Timestamptz(default=TimestamptzNow())
    last_seen_at = Timestamptz(default=TimestamptzNow(), index=True)


class HelpRequest(Table):
    """직원 호출: a visitor asked for a person; shown on the staff dashboard until someone answers."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    kiosk_name = Varchar(length=50)
    created_at = Timestamptz(default=TimestamptzNow(), index=True)
    answered_at = Timestamptz(null=True, default=None)
    answered_by = Varchar(length=50, null=True, default=None)


class Kiosk(Table):
    """A device the center enrolled as a kiosk: only it may apply or call staff. Staff create it with a
    name and get a one-time enrolment code; the device that enters the code gets a token in a cookie.
    Only hashes of the code and the token are kept. Revoking is final (a new kiosk is made instead)."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    name = Varchar(length=50)
    enrolment_hash = Varchar(length=64, null=True, default=None, unique=True)
    enrolment_expires_at = Timestamptz(null=True, default=None)
    device_hash = Varchar(length=64, null=True, default=None, unique=True)
    created_at = Timestamptz(default=TimestamptzNow())
    enrolled_at = Timestamptz(null=True, default=None)
    revoked_at = Timestamptz(null=True, default=None)
