"""Applications that arrive together are taken together: a few transactions for a rush, each
person still checked and numbered in the order they came, each with their own message."""

from __future__ import annotations

import asyncio

import pytest

from jobcenter.notifications.tables import OutboxMessage
from jobcenter.signups import service
from jobcenter.signups.tables import Application, SeatPool
from tests.builders import NOON_SEOUL, a_citizen, a_cohort, a_program


async def _take(pool_id: int, citizen_id: int) -> dict:
    return await service.take_seat(pool_id=pool_id, citizen_id=citizen_id, now=NOON_SEOUL, language="ko", zone="Asia/Seoul")


async def test_a_rush_fills_the_seats_then_the_waitlist_in_the_order_people_came_in_a_few_transactions(query_counter) -> None:
    cohort = await a_cohort(await a_program(), capacity=5)
    people = [await a_citizen() for _ in range(40)]
    query_counter.clear()

    applications = sorted(await asyncio.gather(*(_take(cohort.seat_pool, person.id) for person in people)), key=lambda a: a["id"])

    assert [a["status"] for a in applications] == ["confirmed"] * 5 + ["waitlisted"] * 35
    assert [a["waitlist_position"] for a in applications[5:]] == list(range(1, 36)), "numbered in the order they were taken"
    rows = await Application.select(Application.id, Application.citizen).where(Application.seat_pool == cohort.seat_pool)
    assert {row["id"] for row in rows} == {a["id"] for a in applications}
    assert await OutboxMessage.count().where(OutboxMessage.citizen.is_in([p.id for p in people])) == 40
    pool_locks = [sql for sql in query_counter if sql.startswith('SELECT ALL "seat_pool"')]
    # How many batches form depends on how fast the database answers (11 seen on PostgreSQL with the
    # machine busy); one transaction each would be forty.
    assert 1 <= len(pool_locks) <= 20, "forty applications, a few transactions (one each would be forty)"


async def test_a_double_submit_in_one_batch_makes_one_application_and_points_the_second_to_it() -> None:
    cohort = await a_cohort(await a_program(), capacity=5)
    person = await a_citizen()

    outcomes = await asyncio.gather(
        _take(cohort.seat_pool, person.id), _take(cohort.seat_pool, person.id), return_exceptions=True
    )

    (taken,) = [outcome for outcome in outcomes if isinstance(outcome, dict)]
    (refused,) = [outcome for outcome in outcomes if isinstance(outcome, service.AlreadyApplied)]
    assert taken["status"] == "confirmed"
    assert refused.values["application_id"] == taken["id"]
    assert await Application.count().where(Application.citizen == person.id) == 1


async def test_two_pools_in_one_batch_each_keep_their_own_count() -> None:
    morning, evening = await a_cohort(await a_program("오전반"), capacity=1), await a_cohort(await a_program("저녁반"), capacity=1)
    people = [await a_citizen() for _ in range(4)]

    outcomes = await asyncio.gather(
        *(_take(cohort.seat_pool, person.id) for person in people for cohort in (morning, evening))
    )

    by_pool: dict[int, list[str]] = {}
    for outcome in sorted(outcomes, key=lambda a: a["id"]):
        by_pool.setdefault(outcome["seat_pool"], []).append(outcome["status"])
    assert by_pool == {
        morning.seat_pool: ["confirmed", "waitlisted", "waitlisted", "waitlisted"],
        evening.seat_pool: ["confirmed", "waitlisted", "waitlisted", "waitlisted"],
    }


async def test_a_failure_in_one_pool_leaves_the_other_pools_applications_in_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pool whose seats cannot be written (here: a failing insert) refuses its own people with the
    error; the people of the other pool in the same transaction get their seats."""
    broken, working = await a_cohort(await a_program("고장난 반"), capacity=3), await a_cohort(await a_program("정상 반"), capacity=3)
    people = [await a_citizen() for _ in range(2)]
    original = service.take_seats

    async def failing_for_one_pool(pool_id: int, requests: list) -> list:
        if pool_id == broken.seat_pool:
            await SeatPool.update({SeatPool.closes_at: NOON_SEOUL}).where(SeatPool.id == working.seat_pool)  # undone too
            raise RuntimeError("the disk refused this write")
        return await original(pool_id, requests)

    monkeypatch.setattr(service, "take_seats", failing_for_one_pool)

    outcomes = await asyncio.gather(
        *(_take(cohort.seat_pool, person.id) for person in people for cohort in (broken, working)), return_exceptions=True
    )

    assert [type(outcome).__name__ for outcome in outcomes] == ["RuntimeError", "dict", "RuntimeError", "dict"]
    assert await Application.count().where(Application.seat_pool == broken.seat_pool) == 0
    working_rows = await Application.select(Application.status).where(Application.seat_pool == working.seat_pool)
    assert working_rows == [{"status": "confirmed"}, {"status": "confirmed"}]
