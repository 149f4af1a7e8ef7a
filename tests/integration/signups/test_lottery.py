"""추첨: entries while the window is open, a list frozen at closing, one draw that anyone can recompute
from the published values, in which the time of applying plays no part."""

from __future__ import annotations

import asyncio
import hashlib
import random
from collections import Counter
from datetime import timedelta

import pytest

from jobcenter.accounts.tables import Citizen
from jobcenter.audit.service import Actor
from jobcenter.catalog.tables import Cohort
from jobcenter.notifications.tables import OutboxMessage
from jobcenter.signups import draws, service
from jobcenter.signups.tables import Application, Draw, Priority, SeatPool, Ticket
from jobcenter.staff.tables import StaffMember
from tests.builders import NOON_SEOUL, a_cohort, a_lottery, a_program, a_staff_member
from tests.support import present

CLOSED = NOON_SEOUL + timedelta(days=3, minutes=1)  # a_cohort's window closes three days after noon
PUBLIC_VALUE = "3 11 19 25 33 41 + 7"


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


async def _people(count: int, prefix: str = "신청자") -> list[int]:
    rows = await Citizen.insert(*(
        Citizen(name=f"{prefix}{n}", mobile=f"0105{n:07d}", password_hash="x", birth_year=1960, consent_version="2026-11",
                consented_at=NOON_SEOUL)
        for n in range(count)
    )).returning(Citizen.id)
    return [row["id"] for row in rows]


async def _enter(cohort: Cohort, citizen_ids: list[int], now=NOON_SEOUL) -> list[dict]:
    """Everyone applies, fifty at once (the seat service takes them together, as in a rush; the
    tests' PostgreSQL has no connection pool, so not all 500 at once)."""
    entries = []
    for start in range(0, len(citizen_ids), 50):
        entries += await asyncio.gather(*(
            service.take_seat(pool_id=cohort.seat_pool, citizen_id=citizen_id, now=now, language="ko", zone="Asia/Seoul")
            for citizen_id in citizen_ids[start:start + 50]
        ))
    return entries


@pytest.fixture(autouse=True)
async def staff_member() -> None:
    """The staff member who draws (the audit log names them)."""
    await a_staff_member()


async def _draw(cohort: Cohort, value: str = PUBLIC_VALUE, now=CLOSED) -> None:
    staff = present(await StaffMember.select(StaffMember.id, StaffMember.name).first())
    await draws.draw(cohort.seat_pool, value, actor=Actor(**staff), now=now, language="ko", zone="Asia/Seoul")


async def _outcomes(cohort: Cohort) -> dict[int, tuple[str, int | None]]:
    rows = await Application.select(Application.citizen, Application.status, Application.waitlist_position).where(
        Application.seat_pool == cohort.seat_pool
    )
    return {row["citizen"]: (row["status"], row["waitlist_position"]) for row in rows}


async def _kinds() -> Counter:
    return Counter(row["kind"] for row in await OutboxMessage.select(OutboxMessage.kind))


async def test_applications_in_the_window_are_entries_that_hold_no_seat_yet() -> None:
    cohort = await a_lottery(await a_program(), capacity=1)

    entries = await _enter(cohort, await _people(3))

    assert [entry["status"] for entry in entries] == ["applied"] * 3
    pool = present(await SeatPool.select().where(SeatPool.id == cohort.seat_pool).first())
    assert (pool["confirmed_count"], pool["waitlisted_count"]) == (0, 0)
    assert await _kinds() == {"applied": 3}


async def test_a_draw_over_500_entries_confirms_30_and_anyone_recomputes_its_order() -> None:
    cohort = await a_lottery(await a_program(), capacity=30)
    await _enter(cohort, await _people(500))
    commitment = present(await Draw.select(Draw.commitment).where(Draw.seat_pool == cohort.seat_pool).first())["commitment"]

    await _draw(cohort)

    outcomes = await _outcomes(cohort)
    assert Counter(status for status, _ in outcomes.values()) == {"confirmed": 30, "waitlisted": 470}
    assert sorted(position or 0 for status, position in outcomes.values() if status == "waitlisted") == list(range(1, 471))
    pool = present(await SeatPool.select().where(SeatPool.id == cohort.seat_pool).first())
    assert (pool["confirmed_count"], pool["waitlisted_count"]) == (30, 470)
    assert await _kinds() == {"applied": 500, "drawn_confirmed": 30, "drawn_waitlisted": 470}

    # What the public page shows, recomputed as it says, with nothing but hashlib.
    view = await draws.draw_view(cohort.seat_pool, now=CLOSED, zone="Asia/Seoul")
    listing = await draws.published_list(cohort.seat_pool, CLOSED)
    secret, value = view.draw["secret"], view.draw["public_value"]
    assert sha(secret) == commitment == view.draw["commitment"]
    assert sha(listing) == view.draw["list_digest"]
    seed = sha(f"{secret}|{sha(listing)}|{' '.join(value.split())}")
    assert seed == view.draw["seed"]
    tickets = [line.split("\t") for line in listing.splitlines()]
    assert len(tickets) == 500
    recomputed = [int(number) for number, _ in sorted(tickets, key=lambda t: (t[1] != "P", sha(f"{seed}|{t[0]}")))]
    drawn = await Ticket.select(Ticket.number, Ticket.outcome).order_by(Ticket.rank)
    assert [ticket["number"] for ticket in drawn] == recomputed
    assert [ticket["outcome"] for ticket in drawn] == ["confirmed"] * 30 + ["waitlisted"] * 470


async def test_the_time_of_applying_plays_no_part() -> None:
    """The same people with the same confirmation numbers, applying in another order at other
    times, under the same secret and public value: the same people get the seats."""
    program = await a_program()
    people = await _people(12)
    secret = "a" * 64
    results = []
    for attempt in range(2):
        order = people[:] if attempt == 0 else random.Random(7).sample(people, len(people))
        cohort = await a_lottery(program, capacity=4, label=f"{attempt + 1}기")
        await Draw.update({Draw.secret: secret, Draw.commitment: sha(secret)}).where(Draw.seat_pool == cohort.seat_pool)
        for minute, citizen_id in enumerate(order):
            await _enter(cohort, [citizen_id], now=NOON_SEOUL + timedelta(minutes=minute * 37))
        for row in await Application.select(Application.id, Application.citizen).where(Application.seat_pool == cohort.seat_pool):
            await Application.update({Application.confirmation_code: f"T{row['citizen']:07d}"}).where(Application.id == row["id"])
        await _draw(cohort)
        results.append(await _outcomes(cohort))
        await Application.delete().where(Application.seat_pool == cohort.seat_pool)  # the codes are unique: free them
        await Cohort.delete().where(Cohort.id == cohort.id)

    assert results[0] == results[1]
    assert Counter(status for status, _ in results[0].values()) == {"confirmed": 4, "waitlisted": 8}


async def test_two_draws_at_once_draw_once() -> None:
    cohort = await a_lottery(await a_program(), capacity=2)
    await _enter(cohort, await _people(5))

    results = await asyncio.gather(_draw(cohort), _draw(cohort, "1 2 3 4 5 6"), return_exceptions=True)

    assert sorted(type(result).__name__ for result in results) == ["AlreadyDrawn", "NoneType"]
    assert await _kinds() == {"applied": 5, "drawn_confirmed": 2, "drawn_waitlisted": 3}
    assert present(await Draw.select(Draw.public_value).first())["public_value"] in (PUBLIC_VALUE, "1 2 3 4 5 6")


async def test_people_new_to_the_program_are_drawn_first_when_staff_chose_so() -> None:
    program = await a_program()
    earlier = await a_cohort(program, label="1기", capacity=5)
    people = await _people(6)
    repeaters, newcomers = people[:2], people[2:]
    await _enter(earlier, repeaters)
    cohort = await a_lottery(program, capacity=3, label="2기", priority=Priority.first_time)
    await _enter(cohort, people)

    await _draw(cohort)

    outcomes = await _outcomes(cohort)
    assert sorted(outcomes[citizen][0] for citizen in newcomers) == ["confirmed"] * 3 + ["waitlisted"]
    assert sorted(outcomes[citizen][1] or 0 for citizen in repeaters) == [2, 3], "drawn after every newcomer"
    tickets = await Ticket.select(Ticket.priority, Ticket.application.citizen.as_alias("citizen"))
    assert {ticket["citizen"] for ticket in tickets if ticket["priority"]} == set(newcomers)


async def test_no_draw_before_closing_and_no_entry_once_the_list_is_frozen() -> None:
    cohort = await a_lottery(await a_program(), capacity=2)
    first, late = await _people(2)
    await _enter(cohort, [first])

    with pytest.raises(draws.NotClosedYet):
        await _draw(cohort, now=CLOSED - timedelta(minutes=2))
    await draws.freeze(cohort.seat_pool, CLOSED)
    await SeatPool.update({SeatPool.closes_at: CLOSED + timedelta(days=1)}).where(SeatPool.id == cohort.seat_pool)

    with pytest.raises(service.ApplicationsClosed):
        await service.take_seat(pool_id=cohort.seat_pool, citizen_id=late, now=CLOSED, language="ko", zone="Asia/Seoul")
    assert await Ticket.count() == 1


async def test_an_entry_cancelled_after_the_freeze_is_withdrawn_and_its_seat_drawn_to_another() -> None:
    cohort = await a_lottery(await a_program(), capacity=1, cancellable_until=CLOSED + timedelta(days=2))
    leaving, staying = await _people(2)
    entries = {entry["citizen"]: entry for entry in await _enter(cohort, [leaving, staying])}
    await draws.freeze(cohort.seat_pool, CLOSED)
    await service.cancel(application_id=entries[leaving]["id"], citizen_id=leaving, now=CLOSED, language="ko", zone="Asia/Seoul")

    await _draw(cohort)

    assert (await _outcomes(cohort))[staying] == ("confirmed", None)
    assert sorted(row["outcome"] for row in await Ticket.select(Ticket.outcome)) == ["confirmed", "withdrawn"]


async def test_the_rules_cannot_change_once_someone_has_applied() -> None:
    cohort = await a_lottery(await a_program())
    await _enter(cohort, await _people(1))

    with pytest.raises(draws.LotterySettled):
        await draws.set_up(cohort.seat_pool, draws.Setup(False))
    with pytest.raises(draws.LotterySettled):
        await draws.set_up(cohort.seat_pool, draws.Setup(True, Priority.first_time, "다른 회차"))
    assert present(await SeatPool.select(SeatPool.lottery).first())["lottery"] is True
