"""The center's news is advertising under 정보통신망법 §50: it is sent only from 08:00 to 21:00 in
the center's zone (a message due outside those hours waits for 08:00, when it is queued and again
when the worker takes it), it begins with (광고) and the center's name and contact and ends with a
free way to stop it (messages.py), it never goes as 알림톡 (settings.py refuses a news template),
and only to people whose consent is current (accounts/news.py)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

ADVERTISING_KINDS = frozenset({"news"})
CODE_KINDS = frozenset({"code"})
"""Codes (인증번호): limited when they are asked for (accounts/phone_codes.py), never held by the
worker's limits, and cleared from the outbox once sent."""
SENDING_FROM = time(8)
SENDING_UNTIL = time(21)


def may_send_at(moment: datetime, zone: str) -> bool:
    return SENDING_FROM <= moment.astimezone(ZoneInfo(zone)).time() < SENDING_UNTIL


def next_sending_time(moment: datetime, zone: str) -> datetime:
    """`moment` itself within the sending hours; otherwise the next 08:00 in the zone."""
    if may_send_at(moment, zone):
        return moment
    local = moment.astimezone(ZoneInfo(zone))
    day = local.date() if local.time() < SENDING_FROM else local.date() + timedelta(days=1)
    return datetime.combine(day, SENDING_FROM, tzinfo=ZoneInfo(zone)).astimezone(moment.tzinfo)
