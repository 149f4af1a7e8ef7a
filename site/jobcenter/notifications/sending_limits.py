"""Limits on text messages, against SMS pumping (a script making the site text numbers that earn
per message) and runaway loops: at most so many texts to one person's number a day and so many to
everyone an hour (settings.Limits). The hourly limit is a budget per purpose: the news (a broadcast
to thousands) has its own, so that it never holds back a text about a person's own seat. A text over a limit is not dropped: it waits an hour and is
tried again, and the dashboard counts what waits. The counts come from the outbox itself, so
every app process sees the same ones (two processes may each send one more at the edge)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from jobcenter.notifications.advertising import ADVERTISING_KINDS, CODE_KINDS
from jobcenter.notifications.tables import Channel, MessageStatus, OutboxMessage
from jobcenter.settings import Limits

HOLD_FOR = timedelta(hours=1)
HELD = "held: "
"""How last_error begins for a text waiting for a limit (never shown to the person)."""
OVER_HOURLY = HELD + "over the hourly limit for texts about seats and dates"
OVER_NEWS_HOURLY = HELD + "over the hourly limit for news"
OVER_DAILY = HELD + "over the daily limit for this number"


def _sent_texts_since(moment: datetime) -> Any:
    return OutboxMessage.count().where(
        OutboxMessage.channel == Channel.sms.value, OutboxMessage.status == MessageStatus.sent.value, OutboxMessage.sent_at >= moment
    )


def _hourly_budget(kind: str, limits: Limits) -> tuple[Any, int, str]:
    """The kinds that share this kind's hourly budget (a where clause), the budget, and the reason."""
    news = list(ADVERTISING_KINDS)
    if kind in ADVERTISING_KINDS:
        return OutboxMessage.kind.is_in(news), limits.news_texts_per_hour, OVER_NEWS_HOURLY
    return OutboxMessage.kind.not_in(news + list(CODE_KINDS)), limits.texts_per_hour, OVER_HOURLY


async def over_limit(message: dict[str, Any], now: datetime, limits: Limits) -> str | None:
    """Why this message must wait now, or None when it may go."""
    if message["channel"] != Channel.sms.value or message["kind"] in CODE_KINDS:
        return None  # codes were counted against their own limits when they were asked for
    same_budget, budget, reason = _hourly_budget(message["kind"], limits)
    if await _sent_texts_since(now - timedelta(hours=1)).where(same_budget) >= budget:
        return reason
    if message["citizen"] is not None:
        to_this_person = await _sent_texts_since(now - timedelta(days=1)).where(OutboxMessage.citizen == message["citizen"])
        if to_this_person >= limits.texts_per_number_per_day:
            return OVER_DAILY
    return None


async def held_count() -> int:
    """Texts waiting for a limit now: the dashboard warns when there are any."""
    return await OutboxMessage.count().where(
        OutboxMessage.status == MessageStatus.pending.value, OutboxMessage.last_error.like(f"{HELD}%")
    )

