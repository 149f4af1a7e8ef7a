"""Staff change one session of a cohort: move it to another day and time, cancel it, or add one on a
day the pattern does not give (dates picked one by one). Each runs in one write transaction with
the cohort's seat pool locked: the change, the text to everyone holding a seat or waiting, and the
audit entry are written together or not at all. A changed session is `edited`: a later change of
the cohort's pattern leaves it alone (catalog/sessions.py)."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter.audit.service import Actor, record
from jobcenter.catalog.tables import Cohort, CohortSession, SessionStatus
from jobcenter.errors import NotFound
from jobcenter.i18n import N_, format_moment
from jobcenter.schedule.date_changes import MOVE_FIELDS, ChangeRefused, read_new_day, read_reason, read_times
from jobcenter.signups.locking import lock_pool, seat_transaction
from jobcenter.signups.pools import tell_registrants
from jobcenter.web.form_input import FormReader

ADD_FIELDS = ["add_day", "add_start_time", "add_end_time", "add_place"]
"""The add form's fields in the order of the page, which the error summary follows."""


class SessionNotFound(NotFound):
    """No session of that cohort has that id."""


async def _changeable(cohort_id: int, session_id: int, now: datetime) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """Inside the seat transaction: the session with its program's title and cohort's label, and
    the cohort's seat pool, locked; ChangeRefused when the session is cancelled or over."""
    row = await CohortSession.select(
        *CohortSession.all_columns(), CohortSession.cohort.label.as_alias("label"), CohortSession.cohort.seat_pool.as_alias("pool"),
        CohortSession.cohort._.program._.title.as_alias("program_title"),
    ).where(CohortSession.id == session_id, CohortSession.cohort == cohort_id).first()
    if row is None:
        raise SessionNotFound(session_id)
    if row["status"] == SessionStatus.cancelled.value:
        raise ChangeRefused(N_("This session is cancelled: it cannot be changed any more."))
    if row["ends_at"] <= now:
        raise ChangeRefused(N_("This session is over: it cannot be changed any more."))
    return row, await lock_pool(row["pool"])


def _values(row: dict[str, Any]) -> dict[str, Any]:
    """What a text about the session says: the course, and the session's day, time and place."""
    return {"title": f"{row['program_title']} {row['label']}", "starts_on": row["starts_at"], "start_time": row["starts_at"], "place": row["place"]}


def _summary(row: dict[str, Any], zone: str, told: int) -> str:
    return f"{row['program_title']} {row['label']} {row['starts_at'].astimezone(ZoneInfo(zone)).date().isoformat()}: {told} told"


async def move_session(
    cohort_id: int, session_id: int, data: dict[str, str], *, actor: Actor, now: datetime, language: str, zone: str
) -> int:
    """To another day and time, with the reason shown at the old day and sent to everyone holding a
    seat or waiting; how many were told."""
    async with seat_transaction():
        row, pool = await _changeable(cohort_id, session_id, now)
        form = FormReader(data, order=MOVE_FIELDS)
        span = read_new_day(form, "move_", 1, zone, now=now, current=(row["starts_at"], row["ends_at"]))
        reason = read_reason(form, "move_reason", CohortSession.note)
        form.check()
        assert span is not None  # a day or times not read have their problem noted
        await CohortSession.update(
            {
                CohortSession.starts_at: span[0],
                CohortSession.ends_at: span[1],
                CohortSession.moved_from: row["moved_from"] or row["starts_at"],
                CohortSession.note: reason,
                CohortSession.edited: True,
                CohortSession.sequence: CohortSession.sequence + 1,
            }
        ).where(CohortSession.id == session_id)
        values = {**_values(row), "new_moment": format_moment(span[0], language, zone), "reason": reason}
        told = await tell_registrants("event_moved", pool, values, now=now, language=language, zone=zone)
        await record(
            actor, "session.move", "session", session_id, now=now, summary=_summary(row, zone, told),
            before={"starts_at": row["starts_at"], "ends_at": row["ends_at"], "note": row["note"]},
            after={"starts_at": span[0], "ends_at": span[1], "note": reason},
        )
    return told


async def cancel_session(
    cohort_id: int, session_id: int, data: dict[str, str], *, actor: Actor, now: datetime, language: str, zone: str
) -> int:
    """Cancelled (휴강) with a reason (required), told to everyone holding a seat or waiting. Their
    applications stand: the course goes on with its other sessions."""
    async with seat_transaction():
        row, pool = await _changeable(cohort_id, session_id, now)
        form = FormReader(data)
        reason = read_reason(form, "cancel_reason", CohortSession.note)
        form.check()
        await CohortSession.update(
            {
                CohortSession.status: SessionStatus.cancelled.value,
                CohortSession.note: reason,
                CohortSession.edited: True,
                CohortSession.sequence: CohortSession.sequence + 1,
            }
        ).where(CohortSession.id == session_id)
        told = await tell_registrants("session_cancelled", pool, {**_values(row), "reason": reason}, now=now, language=language, zone=zone)
        await record(
            actor, "session.cancel", "session", session_id, now=now, summary=_summary(row, zone, told),
            before={"status": row["status"], "note": row["note"]}, after={"status": SessionStatus.cancelled.value, "note": reason},
        )
    return told


async def add_session(cohort_id: int, data: dict[str, str], *, actor: Actor, now: datetime, zone: str) -> int:
    """A session on a day staff pick (a make-up day, a course with no pattern). The cohort's first
    and last day stay: they are the range its pattern fills, and widening them would give the
    pattern's days around a make-up day too. Nobody is texted: the program page lists every session."""
    form = FormReader(data, order=ADD_FIELDS)
    day = form.day("add_day", N_("Enter the date, for example 2026-12-01."))
    span = read_times(form, "add_", day, 1, zone) if day else None
    place = form.text("add_place", CohortSession.place, missing=N_("Enter the place."), too_long=N_("Use 200 characters or fewer."))
    if span and span[1] <= now:
        form.fail("add_day", N_("The session must end in the future."))
    form.check()
    assert span is not None and day is not None
    async with Cohort._meta.db.transaction():
        cohort = await Cohort.select(Cohort.label).where(Cohort.id == cohort_id).first()
        if cohort is None:
            raise SessionNotFound(cohort_id)
        (row,) = await CohortSession.insert(
            CohortSession(
                cohort=cohort_id, uid=f"cohort-{cohort_id}-added-{secrets.token_hex(8)}@jobcenter",
                starts_at=span[0], ends_at=span[1], place=place, edited=True,
            )
        ).returning(CohortSession.id)
        await record(actor, "session.add", "session", row["id"], now=now, summary=f"{cohort['label']} {day.isoformat()}",
                     after={"starts_at": span[0], "ends_at": span[1], "place": place})
    return row["id"]
