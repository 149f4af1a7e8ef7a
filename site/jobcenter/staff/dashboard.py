"""The back office's first page: what needs attention today, each part read by the service of the
area it belongs to, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from litestar import Request, get
from litestar.di import NamedDependency
from litestar.response import Template

from jobcenter.catalog.staff_listing import open_cohorts, sessions_of_day
from jobcenter.events.service import events_of_day
from jobcenter.kiosk.help_requests import POLL_SECONDS, open_calls
from jobcenter.notifications.worker import failed_count
from jobcenter.placements.calls import calls_due
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
    today = now.astimezone(ZoneInfo(zone)).date()
    return Dashboard(
        today_events=await events_of_day(today, zone),
        today_sessions=await sessions_of_day(today),
        open_cohorts=await open_cohorts(now),
        failed_messages=await failed_count(),
        calls_due=await calls_due(today),
        help_requests=await open_calls(),
    )


@get("/", name="staff_dashboard")
async def staff_dashboard(request: Request, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Template:
    """Calls from the kiosk, today's events and sessions, open cohorts' fill rates, failed messages,
    follow-up calls due."""
    board = await dashboard(now, settings.timezone)
    return Template(template_name="staff/dashboard.html", context={"board": board, "poll_seconds": POLL_SECONDS}, headers=NO_STORE)
