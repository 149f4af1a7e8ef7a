"""Placements (취업 연계) and the follow-up calls after them (사후 해피콜)."""

from __future__ import annotations

from enum import Enum

from piccolo.columns import Boolean, Date, ForeignKey, Integer, OnDelete, Serial, Text, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from jobcenter.accounts.tables import Citizen
from jobcenter.catalog.tables import Program
from jobcenter.companies.tables import Posting


class LeaveReason(str, Enum):
    """Why a person left a job, or thinks of leaving it: counted by program in the summary."""

    pay = "pay"
    hours = "hours"
    commute = "commute"
    health = "health"
    workplace = "workplace"
    job_mismatch = "job_mismatch"
    contract_ended = "contract_ended"
    other = "other"


class Placement(Table):
    """A participant found a job: where, as what, from when. Follow-up calls are scheduled from it."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    citizen = ForeignKey(references=Citizen, on_delete=OnDelete.cascade, index=True, null=False)
    program = ForeignKey(references=Program, on_delete=OnDelete.set_null, index=True, null=True, default=None)
    posting = ForeignKey(references=Posting, on_delete=OnDelete.set_null, index=True, null=True, default=None)
    """The job posting it came from, when a referral to it ended in a hire."""
    company = Varchar(length=100)
    position = Varchar(length=100)
    started_on = Date()
    recorded_by = Varchar(length=50)
    created_at = Timestamptz(default=TimestamptzNow())


class FollowUpCall(Table):
    """One scheduled call (1, 3, 6 months after the start by default) and, once made, its outcome."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    placement = ForeignKey(references=Placement, on_delete=OnDelete.cascade, index=True, null=False)
    months_after = Integer()
    due_on = Date(index=True)
    called_at = Timestamptz(null=True, default=None)
    called_by = Varchar(length=50, null=True, default=None)
    reached = Boolean(null=True, default=None)
    still_employed = Boolean(null=True, default=None)
    thinking_of_leaving = Boolean(null=True, default=None)
    leave_reason = Varchar(length=20, choices=LeaveReason, null=True, default=None)
    difficulties = Text(default="")
    note = Text(default="")
