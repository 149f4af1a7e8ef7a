"""What the back office's first page shows: what needs attention today, each part read by the
service of the area it belongs to, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter.catalog.program_list import open_cohorts, sessions_of_day
from jobcenter.companies import job_requests, referrals
from jobcenter.events.service import events_of_day
from jobcenter.kiosk.help_requests import open_calls
from jobcenter.notifications.sending_limits import held_count
from jobcenter.notifications.worker import failed_count
from jobcenter.placements.calls import calls_due


@dataclass(frozen=True)
class Dashboard:
    today_events: list[dict[str, Any]]
    today_sessions: list[dict[str, Any]]
    open_cohorts: list[dict[str, Any]]
    failed_messages: int
    held_texts: int
    """Texts waiting because of the sending limits (see notifications/sending_limits.py)."""
    calls_due: int
    help_requests: list[dict[str, Any]]
    """직원 호출 from the lobby kiosk that nobody has answered yet."""
    referrals_waiting: int
    """지원 요청 nobody has handled yet (접수)."""
    requests_to_review: int
    """구인 신청 whose draft posting nobody has published or closed yet."""


async def dashboard(now: datetime, zone: str) -> Dashboard:
    today = now.astimezone(ZoneInfo(zone)).date()
    return Dashboard(
        today_events=await events_of_day(today, zone),
        today_sessions=await sessions_of_day(today, zone),
        open_cohorts=await open_cohorts(now),
        failed_messages=await failed_count(),
        held_texts=await held_count(),
        calls_due=await calls_due(today),
        help_requests=await open_calls(),
        referrals_waiting=await referrals.waiting_count(),
        requests_to_review=await job_requests.drafts_count(),
    )
