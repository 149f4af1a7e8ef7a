"""Issue 18: a real server process with two workers (SQLite file or PostgreSQL, as the suite): fifty
people book the same ten counselling times at once. Each time is booked once, the others are told
it was taken, and nobody gets a 5xx."""

from __future__ import annotations

import asyncio
import os
from collections import Counter
from datetime import time, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest

from jobcenter.accounts.sessions import SESSION_COOKIE, start_session
from jobcenter.clock import system_clock
from jobcenter.counselling.slots import free_slots
from jobcenter.counselling.tables import Booking
from jobcenter.schedule.recurrence import next_working_day
from jobcenter.settings import DEFAULT_TIMEZONE
from tests.builders import a_citizen
from tests.integration.counselling.builders import a_counsellor, a_pattern, a_place

pytestmark = pytest.mark.load  # run by make test and CI; left out of a plain `pytest` while developing

PEOPLE = 50
ZONE = os.environ.get("TIMEZONE") or DEFAULT_TIMEZONE
"""The server's zone (it reads the same environment)."""


async def _book(url: str, csrf: str, session: str, place_id: int, slot: str) -> int:
    async with httpx.AsyncClient(base_url=url, cookies={SESSION_COOKIE: session, "csrftoken": csrf}, timeout=60) as client:
        response = await client.post(f"/counselling/{place_id}", data={"slot": slot, "topic": "first", "_csrf_token": csrf})
        return response.status_code


async def test_fifty_people_on_ten_times_book_each_time_once(server: str) -> None:
    now = system_clock()
    tomorrow = next_working_day(now.astimezone(ZoneInfo(ZONE)).date() + timedelta(days=1))  # holidays have no times
    place = await a_place()
    await a_pattern(await a_counsellor(), place, rule="FREQ=DAILY", first_day=tomorrow, last_day=tomorrow, start=time(10), end=time(15))
    slots = [slot.key for slot in await free_slots(place, tomorrow, tomorrow, now=now, zone=ZONE)]
    assert len(slots) == 10
    sessions = [await start_session((await a_citizen(f"상담{n:02d}")).id, now) for n in range(PEOPLE)]
    async with httpx.AsyncClient(base_url=server) as client:
        csrf = (await client.get("/")).cookies["csrftoken"]

    codes = await asyncio.gather(*(_book(server, csrf, session, place, slots[n % 10]) for n, session in enumerate(sessions)))

    assert Counter(codes) == {303: 10, 409: 40}, "ten booked, the others told the time was taken; no 5xx"
    booked = await Booking.select(Booking.slot, Booking.citizen).where(Booking.place == place)
    assert sorted(row["slot"] for row in booked) == sorted(slots), "each time booked exactly once"
    assert len({row["citizen"] for row in booked}) == 10
