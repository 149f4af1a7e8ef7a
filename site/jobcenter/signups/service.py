"""Taking, giving back and listing seats: the one way any seat is taken (web, staff, kiosk).

Every change runs in one seat transaction with the pool locked (see locking.py), writes its
outbox messages in the same transaction, and raises a SignupError with nothing written when a
rule says no.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter import errors
from jobcenter.accounts.tables import Citizen
from jobcenter.audit.service import Actor, record
from jobcenter.i18n import N_
from jobcenter.metrics import SEAT_TRANSACTIONS, outcome_name
from jobcenter.notifications.messages import outbox_row, queue_message, queue_messages
from jobcenter.rows import RowView
from jobcenter.settings import Limits
from jobcenter.signups import fair_use
from jobcenter.signups.eligibility import may_be_of_age
from jobcenter.signups.locking import in_seat_queue, lock_pool, seat_transaction
from jobcenter.signups.tables import Application, ApplicationStatus, Channel, Draw, SeatPool
from jobcenter.signups.targets import Target, target_of, targets_of

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: read aloud on the phone
ACTIVE = [ApplicationStatus.confirmed.value, ApplicationStatus.waitlisted.value, ApplicationStatus.applied.value]
"""A seat, a waitlist place, or an entry in a lottery not yet drawn (confirmed first: roster.py)."""


class SignupError(Exception):
    """A rule said no; `message` is a msgid for the person, `values` fill it in."""

    message = N_("The application could not be made.")

    def __init__(self, **values: Any) -> None:
        super().__init__(self.message)
        self.values = values


class NotFound(SignupError, errors.NotFound):
    """No such application or seat pool, or not this person's. Still a SignupError: whatever gives
    back what it did when a seat is refused (on_behalf.apply_walk_in) does so for this too."""

    message = N_("There is no such application.")


class NotOpenYet(SignupError):
    message = N_("Applications open on %(opens_at)s.")


class ApplicationsClosed(SignupError):
    message = N_("Applications for this cohort are closed.")


class NotEligible(SignupError):
    message = N_("This program is for people aged %(min_age)s to %(max_age)s, going by your birth year.")

    def __init__(self, *, min_age: int | None, max_age: int | None) -> None:
        super().__init__(min_age=min_age, max_age=max_age)
        if max_age is None:
            self.message = N_("This program is for people aged %(min_age)s or over, going by your birth year.")
        elif min_age is None:
            self.message = N_("This program is for people aged %(max_age)s or under, going by your birth year.")


class AlreadyApplied(SignupError):
    message = N_("You have already applied for this cohort. See it in My applications.")


class TooManyApplications(SignupError):
    message = N_("You have applied or cancelled many times in the last hour. Please try again later, or call the center.")


class OverlappingSeat(SignupError):
    message = N_("You already have a place in %(title)s (%(label)s), at the same time. To take this one, cancel that first.")


class CancellationClosed(SignupError):
    message = N_("It is too late to cancel online. Please call the center.")


@dataclass(frozen=True)
class ApplicationView(RowView):
    """An application with what it is for, as a person reads it."""

    row: dict[str, Any]
    target: Target
    cancellable_until: datetime
    finished: bool

    @property
    def status(self) -> str:
        return self.row["status"]


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))


def message_values(target: Target, application: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": target.title,
        "label": target.label,
        "code": application["confirmation_code"],
        "position": application["waitlist_position"],
        "starts_on": target.starts_on,
        "start_time": target.start_time,
        "place": target.place,
    }


async def citizen_of(citizen_id: int) -> dict[str, Any]:
    citizen = await Citizen.select(
        Citizen.id, Citizen.name, Citizen.email, Citizen.mobile, Citizen.notify_by, Citizen.birth_year
    ).where(Citizen.id == citizen_id).first()
    if citizen is None:
        raise NotFound()
    return citizen


@dataclass(frozen=True)
class SeatRequest:
    """One person's application as it waits for the pool's lock, with what was read before it."""

    target: Target
    citizen: dict[str, Any]
    now: datetime
    language: str
    zone: str
    channel: Channel
    actor: Actor | None


async def take_seat(
    *,
    pool_id: int,
    citizen_id: int,
    now: datetime,
    language: str,
    zone: str,
    channel: Channel = Channel.web,
    actor: Actor | None = None,
    limits: Limits | None = None,
) -> dict[str, Any]:
    """Apply for a seat: confirmed while seats remain, otherwise next on the waitlist.

    In a lottery, every application in the window is an entry (`applied`) for the draw.
    Refused (nothing written) outside the application window, for people outside the age range,
    and for a second active application by the same person (a double submit makes one row).
    Staff applying on someone's behalf pass `actor`: their name is kept on the application and the
    audit entry is written in the same transaction. Applications that wait for the pool's lock at
    the same time are taken together, in the order they came (see locking.py). With `limits`, the
    person's fair use is checked first (fair_use.py): TooManyApplications, OverlappingSeat.
    """
    try:
        application = await _take_seat(pool_id, citizen_id, now, language, zone, channel, actor, limits)
    except SignupError as refusal:
        SEAT_TRANSACTIONS.labels(outcome=outcome_name(refusal)).inc()
        raise
    SEAT_TRANSACTIONS.labels(outcome=application["status"]).inc()
    return application


async def _take_seat(pool_id: int, citizen_id: int, now: datetime, language: str, zone: str, channel: Channel, actor: Actor | None,
                     limits: Limits | None) -> dict[str, Any]:
    # What the seats are for and who asks do not change under the lock: read them before it,
    # so the lock is held for as short a time as possible.
    target = await target_of(pool_id, zone)
    if target is None:
        raise NotFound()
    citizen = await citizen_of(citizen_id)
    if not may_be_of_age(citizen["birth_year"], target.starts_on.year, target.min_age, target.max_age):
        raise NotEligible(min_age=target.min_age, max_age=target.max_age)
    if limits is not None:
        await _check_fair_use(citizen_id, target, now, zone, limits)
    request = SeatRequest(target, citizen, now, language, zone, channel, actor)
    application: dict[str, Any] = await in_seat_queue(pool_id, request, take_seats)
    return application


async def _check_fair_use(citizen_id: int, target: Target, now: datetime, zone: str, limits: Limits) -> None:
    if await fair_use.applications_in_the_last_hour(citizen_id, now) >= limits.applications_per_person_per_hour:
        raise TooManyApplications()
    clashing = await fair_use.clashing_courses(citizen_id, target, zone, ACTIVE)
    if len(clashing) >= limits.overlapping_seats:
        raise OverlappingSeat(title=clashing[0].title, label=clashing[0].label)


async def take_seats(pool_id: int, requests: list[SeatRequest]) -> list[dict[str, Any] | SignupError]:
    """Under the pool's lock: each request checked and numbered in turn, then every new application,
    the pool's counters and the outbox messages written in a few statements, whatever their number.
    Returns the new application, or the refusal, of each request."""
    pool = await lock_pool(pool_id)
    assert pool is not None, "the pool has a target, so it exists"
    earlier = await Application.select(Application.citizen, Application.id).where(
        Application.seat_pool == pool_id,
        Application.citizen.is_in([request.citizen["id"] for request in requests]),
        Application.status.is_in(ACTIVE),
    )
    holding: dict[int, int | None] = {row["citizen"]: row["id"] for row in earlier}  # None: new in this batch
    confirmed, waitlisted = pool["confirmed_count"], pool["waitlisted_count"]
    # A lottery's list, once frozen, is what is drawn: a window moved later cannot add to it.
    frozen = pool["lottery"] and await Draw.exists().where(Draw.seat_pool == pool_id, Draw.frozen_at.is_not_null())
    outcomes: list[dict[str, Any] | SignupError] = []
    accepted: list[tuple[SeatRequest, dict[str, Any]]] = []
    for request in requests:
        citizen_id = request.citizen["id"]
        if request.now < pool["opens_at"]:
            outcomes.append(NotOpenYet(opens_at=pool["opens_at"]))
        elif request.now >= pool["closes_at"] or frozen:
            outcomes.append(ApplicationsClosed())
        elif citizen_id in holding:
            outcomes.append(AlreadyApplied(application_id=holding[citizen_id]))
        else:
            if pool["lottery"]:  # drawn after the window closes (draws.py): the order of applying plays no part
                status, position = ApplicationStatus.applied, None
            elif confirmed < pool["capacity"]:
                confirmed += 1
                status, position = ApplicationStatus.confirmed, None
            else:
                waitlisted += 1
                status, position = ApplicationStatus.waitlisted, waitlisted
            holding[citizen_id] = None
            application = _new_application(pool_id, request, status, position)
            outcomes.append(application)
            accepted.append((request, application))
    if not accepted:
        return outcomes
    await SeatPool.update({SeatPool.confirmed_count: confirmed, SeatPool.waitlisted_count: waitlisted}).where(
        SeatPool.id == pool_id
    )
    inserted = await Application.insert(*(Application(**row) for _, row in accepted)).returning(
        Application.id, Application.confirmation_code
    )
    ids = {row["confirmation_code"]: row["id"] for row in inserted}
    for request, row in accepted:
        row["id"] = ids[row["confirmation_code"]]
        holding[request.citizen["id"]] = row["id"]
        if request.actor:
            await record(
                request.actor, "application.create", "application", row["id"], now=request.now, citizen_id=request.citizen["id"],
                summary=f"{request.target.title} {request.target.label}",
                after={"status": row["status"], "waitlist_position": row["waitlist_position"]},
            )
    await queue_messages([
        outbox_row(row["status"], request.citizen, message_values(request.target, row), now=request.now, language=request.language, zone=request.zone)
        for request, row in accepted
    ])
    # A second application by someone whose first one is in this batch points to the first.
    return [
        AlreadyApplied(application_id=holding[requests[n].citizen["id"]])
        if isinstance(outcome, AlreadyApplied) and outcome.values["application_id"] is None
        else outcome
        for n, outcome in enumerate(outcomes)
    ]


def _new_application(pool_id: int, request: SeatRequest, status: ApplicationStatus, position: int | None) -> dict[str, Any]:
    return {
        "seat_pool": pool_id,
        "citizen": request.citizen["id"],
        "status": status.value,
        "waitlist_position": position,
        "confirmation_code": _new_code(),
        "channel": request.channel.value,
        "taken_by": request.actor.name if request.actor else None,
        "created_at": request.now,
        "updated_at": request.now,
    }


async def promote_waitlist(pool_id: int, now: datetime, language: str, zone: str) -> None:
    """Fill free seats from the head of the waitlist; positions stay 1..N without gaps."""
    pool = await SeatPool.select().where(SeatPool.id == pool_id).first()
    assert pool is not None, "called for a pool that exists"
    free = pool["capacity"] - pool["confirmed_count"]
    promoted = await Application.select().where(
        Application.seat_pool == pool_id,
        Application.status == ApplicationStatus.waitlisted.value,
        Application.waitlist_position <= free,
    ).order_by(Application.waitlist_position)
    if not promoted:
        return
    await Application.update(
        {Application.status: ApplicationStatus.confirmed.value, Application.waitlist_position: None, Application.updated_at: now}
    ).where(Application.id.is_in([row["id"] for row in promoted]))
    await Application.update({Application.waitlist_position: Application.waitlist_position - len(promoted)}).where(
        Application.seat_pool == pool_id, Application.status == ApplicationStatus.waitlisted.value
    )
    await SeatPool.update(
        {
            SeatPool.confirmed_count: SeatPool.confirmed_count + len(promoted),
            SeatPool.waitlisted_count: SeatPool.waitlisted_count - len(promoted),
        }
    ).where(SeatPool.id == pool_id)
    target = await target_of(pool_id, zone)
    assert target is not None, "every seat pool belongs to a cohort or an occurrence"
    for row in promoted:
        citizen = await citizen_of(row["citizen"])
        await queue_message("promoted", citizen, message_values(target, {**row, "waitlist_position": None}), now=now, language=language, zone=zone)


async def cancel(*, application_id: int, citizen_id: int, now: datetime, language: str, zone: str) -> None:
    """Give a seat or a waitlist place back; a freed seat goes to the first person waiting."""
    found = await Application.select(Application.seat_pool).where(
        Application.id == application_id, Application.citizen == citizen_id
    ).first()
    if found is None:
        raise NotFound()
    async with seat_transaction():
        pool = await lock_pool(found["seat_pool"])
        application = await Application.select().where(Application.id == application_id).first()
        assert pool is not None and application is not None, "found above; applications and pools are not deleted here"
        if application["status"] not in ACTIVE:
            raise NotFound()
        if now >= pool["cancellable_until"]:
            raise CancellationClosed()
        await release_application(application, pool, now, language, zone)
        target = await target_of(pool["id"], zone)
        assert target is not None, "every seat pool belongs to a cohort or an occurrence"
        await queue_message("cancelled", await citizen_of(citizen_id), message_values(target, application), now=now, language=language, zone=zone)


async def release_all_of(citizen_id: int, now: datetime, *, language: str, zone: str) -> None:
    """Give back every seat and waitlist place of a person whose account is being deleted, whatever
    the deadlines: the people waiting behind them move up, each pool under its own lock."""
    for found in await Application.select(Application.id, Application.seat_pool).where(
        Application.citizen == citizen_id, Application.status.is_in(ACTIVE)
    ):
        async with seat_transaction():
            pool = await lock_pool(found["seat_pool"])
            application = await Application.select().where(Application.id == found["id"]).first()
            assert pool is not None and application is not None, "found above; applications and pools are not deleted here"
            if application["status"] in ACTIVE:
                await release_application(application, pool, now, language, zone)


async def release_application(application: dict[str, Any], pool: dict[str, Any], now: datetime, language: str, zone: str) -> None:
    """Inside a seat transaction: cancel the application, close the waitlist gap, fill a freed seat."""
    await Application.update(
        {
            Application.status: ApplicationStatus.cancelled.value,
            Application.waitlist_position: None,
            Application.cancelled_at: now,
            Application.updated_at: now,
        }
    ).where(Application.id == application["id"])
    if application["status"] == ApplicationStatus.applied.value:
        return  # a lottery entry holds no seat and no place yet
    if application["status"] == ApplicationStatus.confirmed.value:
        await SeatPool.update({SeatPool.confirmed_count: SeatPool.confirmed_count - 1}).where(SeatPool.id == pool["id"])
    else:
        await Application.update({Application.waitlist_position: Application.waitlist_position - 1}).where(
            Application.seat_pool == pool["id"],
            Application.status == ApplicationStatus.waitlisted.value,
            Application.waitlist_position > application["waitlist_position"],
        )
        await SeatPool.update({SeatPool.waitlisted_count: SeatPool.waitlisted_count - 1}).where(SeatPool.id == pool["id"])
    await promote_waitlist(pool["id"], now, language, zone)


async def active_applications_by_pool(citizen_id: int, pool_ids: list[int]) -> dict[int, dict[str, Any]]:
    """The person's confirmed or waitlisted application in each of these pools, in one query."""
    if not pool_ids:
        return {}
    rows = await Application.select().where(
        Application.citizen == citizen_id, Application.seat_pool.is_in(pool_ids), Application.status.is_in(ACTIVE)
    )
    return {row["seat_pool"]: row for row in rows}


async def applications_of(citizen_id: int, now: datetime, zone: str) -> list[ApplicationView]:
    """Everything a person applied for, newest first (three queries whatever the count)."""
    rows = await Application.select(
        *Application.all_columns(), Application.seat_pool.cancellable_until.as_alias("cancellable_until")
    ).where(Application.citizen == citizen_id).order_by(Application.created_at, ascending=False).order_by(
        Application.id, ascending=False
    )
    targets = await targets_of(sorted({row["seat_pool"] for row in rows}), zone)
    return [_view(row, targets[row["seat_pool"]], now, zone) for row in rows]


async def application_of(application_id: int, citizen_id: int, now: datetime, zone: str) -> ApplicationView:
    """One of the person's own applications; NotFound for anybody else's (no hint that it exists)."""
    row = await Application.select(
        *Application.all_columns(), Application.seat_pool.cancellable_until.as_alias("cancellable_until")
    ).where(Application.id == application_id, Application.citizen == citizen_id).first()
    if row is None:
        raise NotFound()
    target = await target_of(row["seat_pool"], zone)
    assert target is not None, "every seat pool belongs to a cohort or an occurrence"
    return _view(row, target, now, zone)


def _view(row: dict[str, Any], target: Target, now: datetime, zone: str) -> ApplicationView:
    ends_at = datetime.combine(target.ends_on, target.end_time, tzinfo=ZoneInfo(zone))
    return ApplicationView(row=row, target=target, cancellable_until=row["cancellable_until"], finished=now >= ends_at)
