"""The seat rules, through the one service every path uses."""

from __future__ import annotations

from datetime import timedelta

import pytest

from jobcenter.notifications.tables import OutboxMessage
from jobcenter.signups import service
from jobcenter.signups.tables import Application, SeatPool
from tests.builders import NOON_SEOUL, a_citizen, a_cohort, a_program
from tests.support import present

SECOND = timedelta(seconds=1)


async def _take(cohort, citizen, now=NOON_SEOUL) -> dict:
    return await service.take_seat(
        pool_id=cohort.seat_pool, citizen_id=citizen.id, now=now, language="ko", zone="Asia/Seoul"
    )


async def _cancel(application: dict, citizen, now=NOON_SEOUL) -> None:
    await service.cancel(
        application_id=application["id"], citizen_id=citizen.id, now=now, language="ko", zone="Asia/Seoul"
    )


async def _positions(cohort) -> dict[int, int]:
    rows = await Application.select(Application.citizen, Application.waitlist_position).where(
        Application.seat_pool == cohort.seat_pool, Application.status == "waitlisted"
    )
    return {row["citizen"]: row["waitlist_position"] for row in rows}


async def _counts(cohort) -> tuple[int, int]:
    pool = present(await SeatPool.select().where(SeatPool.id == cohort.seat_pool).first())
    return pool["confirmed_count"], pool["waitlisted_count"]


@pytest.fixture
async def cohort():
    return await a_cohort(await a_program(), capacity=2)


async def test_seats_are_confirmed_then_the_waitlist_is_numbered(cohort) -> None:
    people = [await a_citizen(f"신청자{n}") for n in range(4)]

    results = [await _take(cohort, person) for person in people]

    assert [(r["status"], r["waitlist_position"]) for r in results] == [
        ("confirmed", None),
        ("confirmed", None),
        ("waitlisted", 1),
        ("waitlisted", 2),
    ]
    assert await _counts(cohort) == (2, 2)
    assert len({r["confirmation_code"] for r in results}) == 4


async def test_each_change_queues_its_message(cohort) -> None:
    people = [await a_citizen(f"신청자{n}") for n in range(3)]
    applications = [await _take(cohort, person) for person in people]

    await _cancel(applications[0], people[0])

    kinds = await OutboxMessage.select(OutboxMessage.kind, OutboxMessage.citizen).order_by(OutboxMessage.id)
    assert [(row["kind"], row["citizen"]) for row in kinds] == [
        ("confirmed", people[0].id),
        ("confirmed", people[1].id),
        ("waitlisted", people[2].id),
        ("promoted", people[2].id),
        ("cancelled", people[0].id),
    ]
    waitlisted = present(await OutboxMessage.select(OutboxMessage.body).where(OutboxMessage.kind == "waitlisted").first())
    assert "대기 1번" in waitlisted["body"]


async def test_cancelling_a_seat_promotes_the_first_waitlisted_and_renumbers(cohort) -> None:
    people = [await a_citizen(f"신청자{n}") for n in range(5)]
    applications = [await _take(cohort, person) for person in people]

    await _cancel(applications[1], people[1])

    promoted = present(await Application.select().where(Application.id == applications[2]["id"]).first())
    assert (promoted["status"], promoted["waitlist_position"]) == ("confirmed", None)
    assert await _positions(cohort) == {people[3].id: 1, people[4].id: 2}
    assert await _counts(cohort) == (2, 2)


async def test_leaving_the_waitlist_closes_the_gap(cohort) -> None:
    people = [await a_citizen(f"신청자{n}") for n in range(6)]
    applications = [await _take(cohort, person) for person in people]

    await _cancel(applications[3], people[3])

    assert await _positions(cohort) == {people[2].id: 1, people[4].id: 2, people[5].id: 3}
    assert await _counts(cohort) == (2, 3)


async def test_the_window_is_judged_to_the_second() -> None:
    opens, closes = NOON_SEOUL, NOON_SEOUL + timedelta(hours=1)
    cohort = await a_cohort(await a_program(), application_opens_at=opens, application_closes_at=closes)
    citizen = await a_citizen()

    with pytest.raises(service.NotOpenYet):
        await _take(cohort, citizen, now=opens - SECOND)
    with pytest.raises(service.ApplicationsClosed):
        await _take(cohort, citizen, now=closes)
    assert await Application.count() == 0

    assert (await _take(cohort, citizen, now=closes - SECOND))["status"] == "confirmed"


async def test_the_window_opens_on_its_second() -> None:
    cohort = await a_cohort(await a_program(), application_opens_at=NOON_SEOUL)

    assert (await _take(cohort, await a_citizen(), now=NOON_SEOUL))["status"] == "confirmed"


@pytest.mark.parametrize(
    ("birth_year", "allowed"),
    # Ages 18 to 39 in 2026: born 2008 may have turned 18, born 1986 may still be 39.
    [(2009, False), (2008, True), (1986, True), (1985, False)],
)
async def test_eligibility_follows_the_age_range(birth_year: int, allowed: bool) -> None:
    cohort = await a_cohort(await a_program(min_age=18, max_age=39))
    citizen = await a_citizen(birth_year=birth_year)

    if allowed:
        assert (await _take(cohort, citizen))["status"] == "confirmed"
    else:
        with pytest.raises(service.NotEligible):
            await _take(cohort, citizen)
        assert await Application.count() == 0 and await OutboxMessage.count() == 0


async def test_a_second_application_is_refused_and_writes_nothing(cohort) -> None:
    citizen = await a_citizen()
    await _take(cohort, citizen)

    with pytest.raises(service.AlreadyApplied):
        await _take(cohort, citizen)

    assert await Application.count() == 1
    assert await _counts(cohort) == (1, 0)


async def test_after_cancelling_one_may_apply_again(cohort) -> None:
    citizen = await a_citizen()
    first = await _take(cohort, citizen)
    await _cancel(first, citizen)

    again = await _take(cohort, citizen)

    assert again["status"] == "confirmed"


async def test_cancelling_closes_at_the_deadline() -> None:
    deadline = NOON_SEOUL + timedelta(days=1)
    cohort = await a_cohort(await a_program(), cancellable_until=deadline)
    citizen = await a_citizen()
    application = await _take(cohort, citizen)

    with pytest.raises(service.CancellationClosed):
        await _cancel(application, citizen, now=deadline)

    await _cancel(application, citizen, now=deadline - SECOND)
    assert await _counts(cohort) == (0, 0)


async def test_another_persons_application_cannot_be_seen_or_cancelled(cohort) -> None:
    owner, other = await a_citizen("주인"), await a_citizen("다른 사람")
    application = await _take(cohort, owner)

    with pytest.raises(service.NotFound):
        await service.application_of(application["id"], other.id, NOON_SEOUL, "Asia/Seoul")
    with pytest.raises(service.NotFound):
        await _cancel(application, other)
    assert await _counts(cohort) == (1, 0)


async def test_the_database_refuses_more_confirmed_than_capacity(cohort) -> None:
    with pytest.raises(Exception, match="seat_pool_within_capacity"):
        await SeatPool.update({SeatPool.confirmed_count: 3}).where(SeatPool.id == cohort.seat_pool)
