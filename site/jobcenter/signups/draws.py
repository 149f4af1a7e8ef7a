"""Lotteries (추첨): setting one up on a seat pool, freezing its list of tickets once applications
close, drawing it once, and what its public page shows. The order itself is lottery.py's.

While the window is open the seat service takes applications as `applied` (service.py). Freezing
and drawing each run in one seat transaction with the pool locked, and each happens once: a
second worker, or a second click, finds it done.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from jobcenter import errors
from jobcenter.audit.service import Actor, record
from jobcenter.i18n import N_
from jobcenter.notifications.messages import outbox_row, queue_messages
from jobcenter.signups import lottery
from jobcenter.signups.locking import lock_pool, seat_transaction
from jobcenter.signups.pools import registrants
from jobcenter.signups.service import SignupError, message_values
from jobcenter.signups.tables import Application, ApplicationStatus, Draw, Priority, SeatPool, Ticket
from jobcenter.signups.targets import Target, target_of, targets_of
from jobcenter.web.paging import Paged

TICKETS_PER_PAGE = 100
PUBLIC_VALUE_LENGTH = 200  # Draw.public_value's length


class LotteryError(SignupError):
    message = N_("The lottery could not be drawn.")


class NoLottery(LotteryError, errors.NotFound):
    message = N_("There is no such lottery.")


class NotClosedYet(LotteryError):
    message = N_("The lottery is drawn after applications close on %(closes_at)s.")


class AlreadyDrawn(LotteryError):
    message = N_("This lottery was drawn on %(drawn_at)s.")


class LotterySettled(LotteryError):
    message = N_("People have applied already: the way seats are given and the lottery's rules can no longer change.")


class PublicValueMissing(LotteryError):
    message = N_("Enter the public value, as published, in 200 characters or fewer.")


@dataclass(frozen=True)
class Setup:
    """How a pool gives its seats, as staff set it on the cohort's form."""

    lottery: bool
    priority: Priority = Priority.none
    public_source: str = ""


async def set_up(pool_id: int, setup: Setup) -> bool:
    """Inside the caller's transaction: make the pool first come, first served or a lottery. The
    secret is drawn once, when the lottery is set up, and never changes; nothing changes once
    anyone has applied (their entry was made under the rules shown). Returns whether it changed."""
    pool = await SeatPool.select(SeatPool.lottery).where(SeatPool.id == pool_id).first()
    draw = await Draw.select(Draw.priority, Draw.public_source).where(Draw.seat_pool == pool_id).first()
    current = Setup(pool["lottery"], Priority(draw["priority"]), draw["public_source"]) if draw and pool else Setup(False)
    wanted = setup if setup.lottery else Setup(False)
    if wanted == current:
        return False
    if await Application.count().where(Application.seat_pool == pool_id):
        raise LotterySettled()
    await SeatPool.update({SeatPool.lottery: wanted.lottery}).where(SeatPool.id == pool_id)
    if not wanted.lottery:
        await Draw.delete().where(Draw.seat_pool == pool_id)
    elif draw:
        await Draw.update({Draw.priority: wanted.priority.value, Draw.public_source: wanted.public_source}).where(Draw.seat_pool == pool_id)
    else:
        secret = lottery.new_secret()
        await Draw.insert(Draw(seat_pool=pool_id, priority=wanted.priority.value, public_source=wanted.public_source,
                               secret=secret, commitment=lottery.commitment(secret)))
    return True


async def setup_of(pool_id: int) -> Setup:
    draw = await Draw.select(Draw.priority, Draw.public_source).where(Draw.seat_pool == pool_id).first()
    return Setup(True, Priority(draw["priority"]), draw["public_source"]) if draw else Setup(False)


async def freeze(pool_id: int, now: datetime) -> None:
    """Freeze the list of a lottery whose applications have closed, once (nothing for any other pool)."""
    draw = await Draw.select(Draw.frozen_at, Draw.seat_pool.closes_at.as_alias("closes_at")).where(Draw.seat_pool == pool_id).first()
    if draw is None or draw["frozen_at"] is not None or now < draw["closes_at"]:
        return
    async with seat_transaction():
        pool = await lock_pool(pool_id)
        assert pool is not None, "a draw's pool exists"
        await _freeze_locked(pool, now)


async def freeze_closed(now: datetime) -> None:
    """Freeze every lottery whose applications have closed (the housekeeping sweep; a page or the
    draw that comes first freezes it as well, once)."""
    for row in await Draw.select(Draw.seat_pool).where(Draw.frozen_at.is_null(), Draw.seat_pool.closes_at <= now):
        await freeze(row["seat_pool"], now)


async def _freeze_locked(pool: dict[str, Any], now: datetime) -> dict[str, Any] | None:
    """Under the pool's lock: the draw, frozen now if applications have closed and it was not yet."""
    draw = await Draw.select().where(Draw.seat_pool == pool["id"]).first()
    if draw is None or draw["frozen_at"] is not None or now < pool["closes_at"]:
        return draw
    entries = await Application.select(Application.id, Application.citizen).where(
        Application.seat_pool == pool["id"], Application.status == ApplicationStatus.applied.value
    ).order_by(Application.confirmation_code)  # random codes: ticket numbers owe nothing to the time of applying
    first_timers = await _without_a_seat_before(pool["id"], [row["citizen"] for row in entries]) \
        if draw["priority"] == Priority.first_time.value else set()
    tickets = [
        Ticket(draw=draw["id"], application=row["id"], number=number, priority=row["citizen"] in first_timers)
        for number, row in enumerate(entries, start=1)
    ]
    if tickets:
        await Ticket.insert(*tickets)
    digest = lottery.sha256(lottery.list_text(lottery.Entry(ticket.number, ticket.priority) for ticket in tickets))
    await Draw.update({Draw.frozen_at: now, Draw.list_digest: digest}).where(Draw.id == draw["id"])
    return {**draw, "frozen_at": now, "list_digest": digest}


async def _without_a_seat_before(pool_id: int, citizen_ids: list[int]) -> set[int]:
    """The priority group "first time": those of these people who never held a seat in another
    cohort of the same program (a seat now, or one they kept until the course ended)."""
    target = await target_of(pool_id, "UTC")
    assert target is not None, "every seat pool belongs to a cohort or an occurrence"
    seats = await Application.select(Application.citizen, Application.seat_pool).where(
        Application.citizen.is_in(citizen_ids or [0]), Application.seat_pool != pool_id,
        Application.status == ApplicationStatus.confirmed.value,
    )
    owners = await targets_of(sorted({row["seat_pool"] for row in seats}), "UTC")
    before = {row["citizen"] for row in seats if _same_owner(owners.get(row["seat_pool"]), target)}
    return set(citizen_ids) - before


def _same_owner(other: Target | None, target: Target) -> bool:
    return other is not None and (other.kind, other.owner_id) == (target.kind, target.owner_id)


async def draw(pool_id: int, public_value: str, *, actor: Actor, now: datetime, language: str, zone: str) -> None:
    """Draw the lottery with the public value staff entered: seats down the drawn order, the rest
    waitlisted in order, everyone told by text, all in one transaction under the pool's lock."""
    value = lottery.normalized(public_value)
    if not value or len(value) > PUBLIC_VALUE_LENGTH:
        raise PublicValueMissing()
    async with seat_transaction():
        pool = await lock_pool(pool_id)
        if pool is None:
            raise NoLottery()
        found = await _freeze_locked(pool, now)
        if found is None:
            raise NoLottery()
        if found["frozen_at"] is None:
            raise NotClosedYet(closes_at=pool["closes_at"])
        if found["drawn_at"] is not None:
            raise AlreadyDrawn(drawn_at=found["drawn_at"])
        target = await target_of(pool_id, zone)
        assert target is not None, "every seat pool belongs to a cohort or an occurrence"
        seed = lottery.seed(found["secret"], found["list_digest"], value)
        await _give_seats(pool, target, found["id"], seed, now=now, language=language, zone=zone)
        await Draw.update({Draw.public_value: value, Draw.seed: seed, Draw.drawn_at: now, Draw.drawn_by: actor.name}).where(
            Draw.id == found["id"]
        )
        await record(actor, "lottery.draw", "seat_pool", pool_id, now=now, summary=f"{target.title} {target.label}",
                     after={"public_value": value, "seed": seed})


async def _give_seats(
    pool: dict[str, Any], target: Target, draw_id: int, seed: str, *, now: datetime, language: str, zone: str
) -> None:
    entrants = {person["application_id"]: person for person in await registrants([pool["id"]], [ApplicationStatus.applied.value])}
    tickets = {ticket["number"]: ticket for ticket in await Ticket.select(Ticket.id, Ticket.number, Ticket.priority, Ticket.application).where(
        Ticket.draw == draw_id
    )}
    order = lottery.drawn_order(seed, (lottery.Entry(ticket["number"], ticket["priority"]) for ticket in tickets.values()))
    confirmed = waitlisted = 0
    messages = []
    for rank, entry in enumerate(order, start=1):
        ticket = tickets[entry.number]
        person = entrants.get(ticket["application"])
        position = None
        if person is None:  # cancelled between the freeze and the draw
            outcome = "withdrawn"
        elif confirmed < pool["capacity"]:
            confirmed += 1
            outcome = ApplicationStatus.confirmed.value
        else:
            waitlisted += 1
            outcome, position = ApplicationStatus.waitlisted.value, waitlisted
        await Ticket.update({Ticket.rank: rank, Ticket.outcome: outcome, Ticket.waitlist_position: position}).where(Ticket.id == ticket["id"])
        if person is not None:
            await Application.update({Application.status: outcome, Application.waitlist_position: position, Application.updated_at: now}).where(
                Application.id == ticket["application"]
            )
            values = message_values(target, {"confirmation_code": person["confirmation_code"], "waitlist_position": position})
            messages.append(outbox_row(f"drawn_{outcome}", person, values, now=now, language=language, zone=zone))
    await SeatPool.update({SeatPool.confirmed_count: confirmed, SeatPool.waitlisted_count: waitlisted}).where(SeatPool.id == pool["id"])
    await queue_messages(messages)


@dataclass(frozen=True)
class DrawView:
    """A lottery as its public page shows it: its rules, the frozen list once applications closed,
    the secret, public value, seed and outcome of each ticket once drawn (the secret stays None
    until then)."""

    target: Target
    pool: dict[str, Any]
    draw: dict[str, Any]
    tickets: Paged


async def draw_view(pool_id: int, *, now: datetime, zone: str, page: int = 1) -> DrawView:
    """The public page of a lottery, freezing its list first if applications have just closed."""
    await freeze(pool_id, now)
    draw = await Draw.select().where(Draw.seat_pool == pool_id).first()
    target = await target_of(pool_id, zone)
    pool = await SeatPool.select().where(SeatPool.id == pool_id).first()
    if draw is None or target is None or pool is None:
        raise NoLottery()
    if draw["drawn_at"] is None:
        draw["secret"] = None
    count = await Ticket.count().where(Ticket.draw == draw["id"])
    page = min(page, max(1, -(-count // TICKETS_PER_PAGE)))
    tickets = await Ticket.select(Ticket.number, Ticket.priority, Ticket.rank, Ticket.outcome, Ticket.waitlist_position).where(
        Ticket.draw == draw["id"]
    ).order_by(Ticket.rank if draw["drawn_at"] else Ticket.number).limit(TICKETS_PER_PAGE).offset((page - 1) * TICKETS_PER_PAGE)
    return DrawView(target, pool, draw, Paged(tickets, count, page, TICKETS_PER_PAGE, {}))


async def published_list(pool_id: int, now: datetime) -> str:
    """The frozen list exactly as its digest was computed (empty until applications close)."""
    await freeze(pool_id, now)
    draw = await Draw.select(Draw.id, Draw.frozen_at).where(Draw.seat_pool == pool_id).first()
    if draw is None:
        raise NoLottery()
    tickets = await Ticket.select(Ticket.number, Ticket.priority).where(Ticket.draw == draw["id"])
    return lottery.list_text(lottery.Entry(ticket["number"], ticket["priority"]) for ticket in tickets)


async def ticket_of(application_id: int) -> dict[str, Any] | None:
    """An application's ticket (number, and once drawn its rank), for the person's own page."""
    return await Ticket.select(Ticket.number, Ticket.rank).where(Ticket.application == application_id).first()
