"""Two app processes sweep at once (both start together): each series' dates are made once."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from jobcenter.events.generation import extend_all
from tests.integration.events.helpers import TODAY, a_series, occurrences_of


async def test_two_sweeps_at_once_add_each_new_date_once_and_neither_fails() -> None:
    series = await a_series()  # dates up to the horizon from TODAY
    next_week = TODAY + timedelta(days=7)

    await asyncio.gather(extend_all(today=next_week, zone="Asia/Seoul"), extend_all(today=next_week, zone="Asia/Seoul"))

    days = [row["rule_day"] for row in await occurrences_of(series.id)]
    assert len(days) == len(set(days)), "no date twice"
    assert max(days) > TODAY + timedelta(days=180), "the horizon moved on with the week"
