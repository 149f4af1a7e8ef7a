"""The audit log: every change staff make and every view or export of personal data."""

from __future__ import annotations

from piccolo.columns import Integer, Serial, Text, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table


class AuditEntry(Table):
    """Who did what to which object, when, with the values before and after (JSON).

    The actor's name is copied in, so the entry still reads right after the account is gone."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    at = Timestamptz(default=TimestamptzNow(), index=True)
    actor_id = Integer(null=True, default=None, index=True)
    actor_name = Varchar(length=50)
    action = Varchar(length=40, index=True)
    object_type = Varchar(length=30, index=True)
    object_id = Integer(null=True, default=None, index=True)
    citizen_id = Integer(null=True, default=None, index=True)
    """Whose personal data the action touched, if anyone's."""
    summary = Varchar(length=300, default="")
    before = Text(default="")
    after = Text(default="")
