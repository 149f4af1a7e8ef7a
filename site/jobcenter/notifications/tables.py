"""The outbox: messages written in the same transaction as the change they tell about."""

from __future__ import annotations

from enum import Enum

from piccolo.columns import ForeignKey, Integer, OnDelete, Text, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from jobcenter.accounts.tables import Citizen


class MessageStatus(str, Enum):
    pending = "pending"
    sent = "sent"
    failed = "failed"


class OutboxMessage(Table):
    """A message to one person, delivered later by the worker with retries and backoff."""

    kind = Varchar(length=30)
    citizen = ForeignKey(references=Citizen, on_delete=OnDelete.set_null, null=True, index=True)
    email = Varchar(length=254, null=True, default=None)
    mobile = Varchar(length=11, null=True, default=None)
    subject = Varchar(length=200)
    body = Text()
    status = Varchar(length=10, choices=MessageStatus, default=MessageStatus.pending.value, index=True)
    attempts = Integer(default=0)
    next_attempt_at = Timestamptz(default=TimestamptzNow(), index=True)
    claimed_until = Timestamptz(null=True, default=None)
    last_error = Varchar(length=500, null=True, default=None)
    created_at = Timestamptz(default=TimestamptzNow())
    sent_at = Timestamptz(null=True, default=None)
