"""The outbox: messages written in the same transaction as the change they tell about."""

from __future__ import annotations

from enum import Enum

from piccolo.columns import ForeignKey, Integer, OnDelete, Serial, Text, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.columns.reference import LazyTableReference
from piccolo.table import Table


class MessageStatus(str, Enum):
    pending = "pending"
    sent = "sent"
    failed = "failed"


class Channel(str, Enum):
    sms = "sms"
    """A text message to the mobile number every citizen gives: the channel that reaches everyone."""
    email = "email"


class OutboxMessage(Table):
    """A message to one person, delivered later by the worker with retries and backoff."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    kind = Varchar(length=30)
    citizen: ForeignKey[Table] = ForeignKey(
        references=LazyTableReference("Citizen", module_path="jobcenter.accounts.tables"),
        on_delete=OnDelete.set_null,
        null=True,
        index=True,
    )
    """Whom it is for. The database keeps this reference to the account (cleared when the account
    goes), but notifications never read accounts: they take addresses, and accounts queues messages
    through them. So the table is named by its path, resolved lazily, and not imported. (The explicit
    LazyTableReference, unlike a dotted string, leaves `piccolo migrations new --auto` with no change.)"""
    email = Varchar(length=254, null=True, default=None)
    mobile = Varchar(length=11, null=True, default=None)
    channel = Varchar(length=5, choices=Channel, default=Channel.sms.value)
    subject = Varchar(length=200)
    """An email's subject, or an LMS's title."""
    body = Text()
    """An email's text, or the whole text message."""
    provider_id = Varchar(length=64, null=True, default=None)
    """The id the SMS provider gave the message when it took it."""
    once_key = Varchar(length=80, null=True, default=None)
    """For a message that must go once whoever queues it (a reminder, queued by every app process's
    housekeeping): a second one with the same key is not written. Unique through an index of its
    own (migration 2026-12-01T05:21:31: SQLite cannot add a UNIQUE column)."""
    status = Varchar(length=10, choices=MessageStatus, default=MessageStatus.pending.value, index=True)
    attempts = Integer(default=0)
    next_attempt_at = Timestamptz(default=TimestamptzNow(), index=True)
    claimed_until = Timestamptz(null=True, default=None)
    last_error = Varchar(length=500, null=True, default=None)
    created_at = Timestamptz(default=TimestamptzNow())
    sent_at = Timestamptz(null=True, default=None, index=True)
    """Indexed: the sending limits count the texts sent in the last hour and day."""
