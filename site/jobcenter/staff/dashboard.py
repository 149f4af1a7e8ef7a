"""The back office's first page: what needs attention today, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from litestar import Request, get
from litestar.di import NamedDependency
from litestar.response import Template

from jobcenter.catalog.tables import Cohort
from jobcenter.events.tables import EventOccurrence, OccurrenceStatus
from jobcenter.kiosk.help_requests import open_calls
from jobcenter.kiosk.staff import POLL_SECONDS
from jobcenter.notifications.tables import MessageStatus, OutboxMessage
from jobcenter.placements.tables import FollowUpCall
from jobcenter.settings import Settings
from jobcenter.web.forms import NO_STORE


@dataclass(frozen=True)
class Dashboard:
    today_events: list[dict[str, Any]]
    today_sessions: list[dict[str, Any]]
    open_cohorts: list[dict[str, Any]]
    failed_messages: int
    calls_due: int
    help_requests: list[dict[str, Any]]
    """직원 호출 from the lobby kiosk that nobody has answered yet."""


async def dashboard(now: datetime, zone: str) -> Dashboard:
    tz = ZoneInfo(zone)
    today = now.astimezone(tz).date()
    start, end = datetime.combine(today, time(0), tzinfo=tz), datetime.combine(today + timedelta(days=1), time(0), tzinfo=tz)
    today_events = await EventOccurrence.select(
        EventOccurrence.id, EventOccurrence.starts_at, EventOccurrence.place, EventOccurrence.status,
        EventOccurrence.series.title.as_alias("title"),
        EventOccurrence.seat_pool.confirmed_count.as_alias("confirmed"),
        EventOccurrence.seat_pool.capacity.as_alias("capacity"),
    ).where(EventOccurrence.starts_at < end, EventOccurrence.ends_at > start).order_by(EventOccurrence.starts_at)
    today_sessions = await Cohort.select(
        Cohort.id, Cohort.seat_pool, Cohort.label, Cohort.start_time, Cohort.place, Cohort.program.title.as_alias("title"),
        Cohort.seat_pool.confirmed_count.as_alias("confirmed"),
    ).where(Cohort.starts_on <= today, Cohort.ends_on >= today).order_by(Cohort.start_time)
    open_cohorts = await Cohort.select(
        Cohort.id, Cohort.seat_pool, Cohort.label, Cohort.program.title.as_alias("title"),
        Cohort.seat_pool.capacity.as_alias("capacity"),
        Cohort.seat_pool.confirmed_count.as_alias("confirmed"),
        Cohort.seat_pool.waitlisted_count.as_alias("waitlisted"),
        Cohort.seat_pool.closes_at.as_alias("closes_at"),
    ).where(Cohort.seat_pool.opens_at <= now, Cohort.seat_pool.closes_at > now).order_by(Cohort.seat_pool.closes_at)
    failed = await OutboxMessage.count().where(OutboxMessage.status == MessageStatus.failed.value)
    calls_due = await FollowUpCall.count().where(FollowUpCall.called_at.is_null(), FollowUpCall.due_on <= today)
    return Dashboard(
        today_events=[{**row, "cancelled": row["status"] == OccurrenceStatus.cancelled.value} for row in today_events],
        today_sessions=today_sessions,
        open_cohorts=open_cohorts,
        failed_messages=failed,
        calls_due=calls_due,
        help_requests=await open_calls(),
    )


@get("/", name="staff_dashboard")
async def staff_dashboard(request: Request, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Template:
    """Calls from the kiosk, today's events and sessions, open cohorts' fill rates, failed messages,
    follow-up calls due."""
    board = await dashboard(now, settings.timezone)
    return Template(template_name="staff/dashboard.html", context={"board": board, "poll_seconds": POLL_SECONDS}, headers=NO_STORE)
