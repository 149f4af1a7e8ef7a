"""Rate limits' counters: one row per counted event, shared by every process through the database."""

from __future__ import annotations

from piccolo.columns import Serial, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table


class RateEvent(Table):
    """One counted event (a sign-up, a reset asked for, a failed login) under a limit's name, for
    a key: a client's address, an account, or both."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    limit_name = Varchar(length=40)
    key = Varchar(length=140, index=True)
    at = Timestamptz(default=TimestamptzNow(), index=True)
