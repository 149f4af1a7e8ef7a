"""A real server process with two workers, hit by many people at once: never overbooked.

The server runs with the test database (SQLite file or PostgreSQL, as the suite), its own
clock, and two uvicorn workers, so the lock must hold across processes.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta

import httpx
import pytest

from jobcenter.accounts.sessions import SESSION_COOKIE, start_session
from jobcenter.clock import system_clock
from jobcenter.notifications.tables import OutboxMessage
from jobcenter.signups.draws import Setup, set_up
from jobcenter.signups.tables import Application, Priority, SeatPool
from jobcenter.staff.sessions import STAFF_COOKIE, start_half_session, verify_session
from tests.builders import a_citizen, a_cohort, a_program, a_staff_member
from tests.support import present

pytestmark = pytest.mark.load  # run by make test and CI; left out of a plain `pytest` while developing

CAPACITY = 30
PEOPLE = 200


async def _signed_in_people(count: int) -> list[str]:
    now = system_clock()
    return [await start_session((await a_citizen(f"시민{n:03d}")).id, now) for n in range(count)]


async def _csrf(url: str) -> str:
    async with httpx.AsyncClient(base_url=url) as client:
        return (await client.get("/")).cookies["csrftoken"]


async def _apply(url: str, csrf: str, session: str, pool_id: int) -> int:
    async with httpx.AsyncClient(base_url=url, cookies={SESSION_COOKIE: session, "csrftoken": csrf}, timeout=60) as client:
        response = await client.post("/applications", data={"pool": str(pool_id), "_csrf_token": csrf})
        return response.status_code


async def _cancel(url: str, csrf: str, session: str, application_id: int) -> int:
    async with httpx.AsyncClient(base_url=url, cookies={SESSION_COOKIE: session, "csrftoken": csrf}, timeout=60) as client:
        response = await client.post(f"/me/applications/{application_id}/cancel", data={"_csrf_token": csrf})
        return response.status_code


async def _open_cohort(capacity: int = CAPACITY):
    now = system_clock()
    return await a_cohort(
        await a_program("인기 과정", audience="all"),
        capacity=capacity,
        application_opens_at=now - timedelta(minutes=1),
        application_closes_at=now + timedelta(hours=1),
        cancellable_until=now + timedelta(hours=1),
    )


async def _assert_consistent(pool_id: int) -> tuple[int, int]:
    rows = await Application.select(Application.status, Application.waitlist_position).where(
        Application.seat_pool == pool_id, Application.status != "cancelled"
    )
    statuses = Counter(row["status"] for row in rows)
    positions = sorted(row["waitlist_position"] for row in rows if row["status"] == "waitlisted")
    pool = present(await SeatPool.select().where(SeatPool.id == pool_id).first())
    assert positions == list(range(1, statuses["waitlisted"] + 1)), "waitlist positions are 1..N with no gap"
    assert (pool["confirmed_count"], pool["waitlisted_count"]) == (statuses["confirmed"], statuses["waitlisted"])
    return statuses["confirmed"], statuses["waitlisted"]


async def test_two_hundred_people_at_once_fill_thirty_seats_exactly(server: str) -> None:
    cohort = await _open_cohort()
    sessions = await _signed_in_people(PEOPLE)
    csrf = await _csrf(server)

    codes = await asyncio.gather(*(_apply(server, csrf, session, cohort.seat_pool) for session in sessions))

    assert Counter(codes) == {303: PEOPLE}, "every request answered, none with a 5xx"
    assert await _assert_consistent(cohort.seat_pool) == (CAPACITY, PEOPLE - CAPACITY)


async def test_a_double_submit_makes_one_application(server: str) -> None:
    cohort = await _open_cohort()
    (session,) = await _signed_in_people(1)
    csrf = await _csrf(server)

    codes = await asyncio.gather(*(_apply(server, csrf, session, cohort.seat_pool) for _ in range(8)))

    assert set(codes) == {303}
    assert await Application.count().where(Application.seat_pool == cohort.seat_pool) == 1


async def test_cancels_racing_new_applications_keep_the_counts_right(server: str) -> None:
    cohort = await _open_cohort(capacity=10)
    sessions = await _signed_in_people(50)
    csrf = await _csrf(server)
    for session in sessions[:30]:
        await _apply(server, csrf, session, cohort.seat_pool)
    first_ten = await Application.select(Application.id).where(Application.seat_pool == cohort.seat_pool).order_by(
        Application.id
    ).limit(10)
    cancelling = zip(sessions[:10], [row["id"] for row in first_ten], strict=True)

    codes = await asyncio.gather(
        *(_cancel(server, csrf, session, application_id) for session, application_id in cancelling),
        *(_apply(server, csrf, session, cohort.seat_pool) for session in sessions[30:]),
    )

    assert all(code == 303 for code in codes)
    assert await _assert_consistent(cohort.seat_pool) == (10, 30)


async def _apply_by_phone(url: str, csrf: str, staff_session: str, pool_id: int, number: int) -> int:
    cookies = {STAFF_COOKIE: staff_session, "csrftoken": csrf}
    async with httpx.AsyncClient(base_url=url, cookies=cookies, timeout=60) as client:
        fields = {"mobile": f"0108888{number:04d}", "name": f"전화{number}", "birth_year": "1960", "consent": "1"}
        response = await client.post(f"/staff/rosters/{pool_id}/add", data={**fields, "_csrf_token": csrf})
        return response.status_code


async def test_staff_signing_up_callers_while_the_public_applies_never_overbook(server: str) -> None:
    cohort = await _open_cohort(capacity=20)
    sessions = await _signed_in_people(60)
    now = system_clock()
    staff_session = await verify_session(await start_half_session((await a_staff_member()).id, now), now)
    csrf = await _csrf(server)

    codes = await asyncio.gather(
        *(_apply(server, csrf, session, cohort.seat_pool) for session in sessions),
        *(_apply_by_phone(server, csrf, staff_session, cohort.seat_pool, number) for number in range(40)),
    )

    assert Counter(codes) == {303: 100}, "every request answered, none with a 5xx"
    assert await _assert_consistent(cohort.seat_pool) == (20, 80)
    assert await Application.count().where(Application.seat_pool == cohort.seat_pool, Application.channel == "staff") == 40


async def _draw(url: str, csrf: str, staff_session: str, pool_id: int, value: str) -> int:
    async with httpx.AsyncClient(base_url=url, cookies={STAFF_COOKIE: staff_session, "csrftoken": csrf}, timeout=60) as client:
        response = await client.post(f"/staff/rosters/{pool_id}/draw", data={"public_value": value, "_csrf_token": csrf})
        return response.status_code


async def test_a_lottery_entered_by_two_hundred_at_once_is_drawn_once_by_staff_clicking_at_once(server: str) -> None:
    cohort = await _open_cohort()
    await set_up(cohort.seat_pool, Setup(True, Priority.none, "로또 6/45 제1200회 당첨번호"))
    sessions = await _signed_in_people(PEOPLE)
    csrf = await _csrf(server)
    codes = await asyncio.gather(*(_apply(server, csrf, session, cohort.seat_pool) for session in sessions))
    assert Counter(codes) == {303: PEOPLE}
    assert await Application.count().where(Application.seat_pool == cohort.seat_pool, Application.status == "applied") == PEOPLE
    await SeatPool.update({SeatPool.closes_at: system_clock() - timedelta(seconds=1)}).where(SeatPool.id == cohort.seat_pool)
    now = system_clock()
    staff_sessions = [await verify_session(await start_half_session((await a_staff_member(f"draw{n}")).id, now), now) for n in range(4)]

    answers = await asyncio.gather(*(
        _draw(server, csrf, session, cohort.seat_pool, f"{n} 11 19 25 33 41") for n, session in enumerate(staff_sessions)
    ))

    assert sorted(answers) == [303, 422, 422, 422], "one draw; the others are told it was drawn"
    assert await _assert_consistent(cohort.seat_pool) == (CAPACITY, PEOPLE - CAPACITY)
    results = Counter(row["kind"] for row in await OutboxMessage.select(OutboxMessage.kind).where(OutboxMessage.kind.like("drawn_%")))
    assert results == {"drawn_confirmed": CAPACITY, "drawn_waitlisted": PEOPLE - CAPACITY}
