"""What staff do to a roster that changes seats: cancel, promote, move in the waitlist, change the
capacity. Each runs in one seat transaction with the pool locked, like every seat change, and
writes its audit entry in that transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from jobcenter.audit.service import Actor, record
from jobcenter.i18n import N_
from jobcenter.notifications.messages import queue_message
from jobcenter.signups.locking import lock_pool, seat_transaction
from jobcenter.signups.service import (
    ACTIVE,
    NotFound,
    SignupError,
    citizen_of,
    message_values,
    promote_waitlist,
    release_application,
)
from jobcenter.signups.tables import Application, ApplicationStatus, SeatPool
from jobcenter.signups.targets import target_of
from jobcenter.web.form_input import FormReader


class NoSeatFree(SignupError):
    message = N_("No seat is free. Raise the capacity or cancel a confirmed place first.")


class NotWaiting(SignupError):
    message = N_("Only people on the waitlist can be promoted or moved.")


class CapacityBelowConfirmed(SignupError):
    message = N_("The capacity cannot be below the %(confirmed)s people already confirmed.")


class CapacityInvalid(SignupError):
    message = N_("Enter the number of seats as a whole number from 1 to 10000.")


MAX_CAPACITY = 10_000
"""The most seats a cohort or a date can have; the fewest is 1."""


async def _application_in(pool_id: int, application_id: int) -> dict[str, Any]:
    application = await Application.select().where(Application.id == application_id, Application.seat_pool == pool_id).first()
    if application is None:
        raise NotFound()
    return application


async def cancel_for(pool_id: int, application_id: int, *, actor: Actor, now: datetime, language: str, zone: str) -> None:
    """Cancel someone's place at their request (by phone or at the desk), whatever the online
    deadline; the first person waiting moves up and is told."""
    async with seat_transaction():
        pool = await lock_pool(pool_id)
        application = await _application_in(pool_id, application_id)
        assert pool is not None, "the application is in it, so it exists"
        if application["status"] not in ACTIVE:
            raise NotFound()
        await release_application(application, pool, now, language, zone)
        target = await target_of(pool_id, zone)
        assert target is not None, "every seat pool belongs to a cohort or an occurrence"
        await queue_message("cancelled", await citizen_of(application["citizen"]), message_values(target, application), now=now, language=language, zone=zone)
        await record(actor, "application.cancel", "application", application_id, now=now, citizen_id=application["citizen"],
                     before={"status": application["status"], "waitlist_position": application["waitlist_position"]},
                     after={"status": ApplicationStatus.cancelled.value})


async def promote(pool_id: int, application_id: int, *, actor: Actor, now: datetime, language: str, zone: str) -> None:
    """Confirm a person from the waitlist out of turn, when a seat is free (never beyond capacity)."""
    async with seat_transaction():
        pool = await lock_pool(pool_id)
        application = await _application_in(pool_id, application_id)
        assert pool is not None, "the application is in it, so it exists"
        if application["status"] != ApplicationStatus.waitlisted.value:
            raise NotWaiting()
        if pool["confirmed_count"] >= pool["capacity"]:
            raise NoSeatFree()
        await Application.update(
            {Application.status: ApplicationStatus.confirmed.value, Application.waitlist_position: None, Application.updated_at: now}
        ).where(Application.id == application_id)
        await _close_gap(pool_id, application["waitlist_position"])
        await SeatPool.update(
            {SeatPool.confirmed_count: SeatPool.confirmed_count + 1, SeatPool.waitlisted_count: SeatPool.waitlisted_count - 1}
        ).where(SeatPool.id == pool_id)
        target = await target_of(pool_id, zone)
        assert target is not None, "every seat pool belongs to a cohort or an occurrence"
        values = message_values(target, {**application, "waitlist_position": None})
        await queue_message("promoted", await citizen_of(application["citizen"]), values, now=now, language=language, zone=zone)
        await record(actor, "application.promote", "application", application_id, now=now, citizen_id=application["citizen"],
                     before={"status": "waitlisted", "waitlist_position": application["waitlist_position"]},
                     after={"status": "confirmed"})


async def _close_gap(pool_id: int, position: int) -> None:
    await Application.update({Application.waitlist_position: Application.waitlist_position - 1}).where(
        Application.seat_pool == pool_id,
        Application.status == ApplicationStatus.waitlisted.value,
        Application.waitlist_position > position,
    )


async def move_in_waitlist(pool_id: int, application_id: int, new_position: int, *, actor: Actor, now: datetime) -> None:
    """Put a waiting person at another place in the line; the others shift so the line stays 1..N."""
    async with seat_transaction():
        pool = await lock_pool(pool_id)
        application = await _application_in(pool_id, application_id)
        assert pool is not None, "the application is in it, so it exists"
        if application["status"] != ApplicationStatus.waitlisted.value:
            raise NotWaiting()
        old = application["waitlist_position"]
        new = max(1, min(new_position, pool["waitlisted_count"]))
        if new == old:
            return
        waiting = Application.status == ApplicationStatus.waitlisted.value
        # Step aside first (position 0 is never used), so no two people share a place at any moment.
        await Application.update({Application.waitlist_position: 0}).where(Application.id == application_id)
        if new < old:
            await Application.update({Application.waitlist_position: Application.waitlist_position + 1}).where(
                Application.seat_pool == pool_id, waiting, Application.waitlist_position >= new, Application.waitlist_position < old
            )
        else:
            await Application.update({Application.waitlist_position: Application.waitlist_position - 1}).where(
                Application.seat_pool == pool_id, waiting, Application.waitlist_position > old, Application.waitlist_position <= new
            )
        await Application.update({Application.waitlist_position: new, Application.updated_at: now}).where(Application.id == application_id)
        await record(actor, "application.move", "application", application_id, now=now, citizen_id=application["citizen"],
                     before={"waitlist_position": old}, after={"waitlist_position": new})


def read_capacity(form: FormReader, field: str = "capacity", *, message: str = CapacityInvalid.message, optional: bool = False) -> int | None:
    """The capacity staff typed in a form (1 to MAX_CAPACITY seats, 1,000 with its comma), or
    None with `message` noted on the field; `optional` allows it empty (None, no problem)."""
    return form.number(field, 1, MAX_CAPACITY, message, optional=optional)


def parse_capacity(raw: str) -> int:
    """The capacity staff typed; CapacityInvalid when it is not a sensible number of seats."""
    capacity = read_capacity(FormReader({"capacity": raw}))
    if capacity is None:
        raise CapacityInvalid()
    return capacity


async def change_capacity(pool_id: int, capacity: int, *, actor: Actor, now: datetime, language: str, zone: str, object_type: str, object_id: int) -> None:
    """More seats fill from the waitlist at once; fewer never go below those already confirmed."""
    async with seat_transaction():
        pool = await lock_pool(pool_id)
        if pool is None:
            raise NotFound()
        if capacity < pool["confirmed_count"]:
            raise CapacityBelowConfirmed(confirmed=pool["confirmed_count"])
        if capacity == pool["capacity"]:
            return
        await SeatPool.update({SeatPool.capacity: capacity}).where(SeatPool.id == pool_id)
        await promote_waitlist(pool_id, now, language, zone)
        await record(actor, "capacity.change", object_type, object_id, now=now,
                     before={"capacity": pool["capacity"]}, after={"capacity": capacity})
