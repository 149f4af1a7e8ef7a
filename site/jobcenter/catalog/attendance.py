"""Attendance per session (출석) and completion (수료): who was present at each session of a cohort,
ticked on the session's roster or checked in by the confirmation number (typed, or scanned from
the QR code on the person's status page), and whether each person met the program's completion
rule. Only confirmed people are marked; every mark and unmark is audited in its transaction."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter.audit.service import Actor, record
from jobcenter.catalog.program_list import cohort_of
from jobcenter.catalog.sessions import sessions_of
from jobcenter.catalog.tables import Cohort, CohortSession, SessionAttendance, SessionStatus
from jobcenter.db import locking
from jobcenter.i18n import N_
from jobcenter.signups.roster import CodeNotOnRoster, RosterLine, read_code, roster
from jobcenter.signups.service import NotFound, SignupError
from jobcenter.signups.tables import Application, ApplicationStatus
from jobcenter.signups.targets import Progress


class NotBegun(SignupError):
    message = N_("This session is on %(day)s: attendance is taken from that day on.")


@dataclass(frozen=True)
class Trainee:
    """One confirmed person on the cohort's attendance sheet, with the sessions they were at."""

    line: RosterLine
    present: frozenset[int]
    progress: Progress


@dataclass(frozen=True)
class AttendanceSheet:
    cohort: dict[str, Any]
    sessions: list[dict[str, Any]]
    """The sessions held or to be held, in time order (cancelled ones are not attended)."""
    trainees: list[Trainee]

    def present_at(self, session_id: int) -> int:
        return sum(1 for trainee in self.trainees if session_id in trainee.present)


def progress(attended: int, sessions: list[dict[str, Any]], percent: int, now: datetime) -> Progress:
    """Where one person stands against the rule: `percent` of the sessions not cancelled, rounded up."""
    held = [session for session in sessions if session["status"] != SessionStatus.cancelled.value]
    return Progress(
        attended=attended,
        total=len(held),
        needed=math.ceil(len(held) * percent / 100),
        ended=bool(held) and all(session["ends_at"] <= now for session in held),
    )


async def attendance_sheet(program_id: int, cohort_id: int, *, zone: str, now: datetime) -> AttendanceSheet:
    """The confirmed people by name, a column per session, and each one's progress."""
    cohort = await cohort_of(program_id, cohort_id)
    if cohort is None:
        raise NotFound()
    sessions = [session for session in (await sessions_of([cohort_id]))[cohort_id] if not session["cancelled"]]
    lines = (await roster(cohort["seat_pool"], zone, "name")).confirmed
    marks = await _marks([line.id for line in lines])
    trainees = [
        Trainee(line, frozenset(marks.get(line.id, ())), progress(len(marks.get(line.id, ())), sessions, cohort["completion_percent"], now))
        for line in lines
    ]
    return AttendanceSheet(cohort=cohort, sessions=sessions, trainees=trainees)


async def _marks(application_ids: list[int]) -> dict[int, set[int]]:
    """The sessions each application was present at (cancelled sessions left out)."""
    found: dict[int, set[int]] = {}
    if application_ids:
        rows = await SessionAttendance.select(SessionAttendance.application, SessionAttendance.session).where(
            SessionAttendance.application.is_in(application_ids), SessionAttendance.session.status != SessionStatus.cancelled.value
        )
        for row in rows:
            found.setdefault(row["application"], set()).add(row["session"])
    return found


async def set_present(
    cohort_id: int, session_id: int, application_id: int, present: bool, *, actor: Actor, now: datetime, zone: str
) -> None:
    """Mark (or unmark) a confirmed person present at a session that has come; NotBegun before its day."""
    async with SessionAttendance._meta.db.transaction():
        session = await _session(cohort_id, session_id, now, zone)
        person = await Application.select(Application.id, Application.citizen).where(
            Application.id == application_id, Application.seat_pool == session["seat_pool"],
            Application.status == ApplicationStatus.confirmed.value,
        ).first()
        if person is None:
            raise NotFound()
        await _mark(session_id, person, present, actor=actor, now=now)


async def check_in(cohort_id: int, session_id: int, typed_code: str, *, actor: Actor, now: datetime, zone: str) -> dict[str, Any]:
    """Mark present the person whose confirmation number was typed or scanned; CodeNotOnRoster when
    it is not a confirmed place in this cohort. Returns the person's name and whether they already were."""
    code = read_code(typed_code)
    async with SessionAttendance._meta.db.transaction():
        session = await _session(cohort_id, session_id, now, zone)
        person = await Application.select(Application.id, Application.citizen, Application.citizen.name.as_alias("name")).where(
            Application.seat_pool == session["seat_pool"], Application.confirmation_code == code,
            Application.status == ApplicationStatus.confirmed.value,
        ).first()
        if person is None:
            raise CodeNotOnRoster(code=code or typed_code[:20])
        already = await _mark(session_id, person, True, actor=actor, now=now)
    return {"id": person["id"], "name": person["name"], "already": already}


async def _session(cohort_id: int, session_id: int, now: datetime, zone: str) -> dict[str, Any]:
    """The session, not cancelled, with its cohort's seat pool; NotBegun before the session's day."""
    await locking(CohortSession.select(CohortSession.id).where(CohortSession.id == session_id)).first()  # ticks at once take turns
    session = await CohortSession.select(
        CohortSession.id, CohortSession.starts_at, CohortSession.cohort.seat_pool.as_alias("seat_pool")
    ).where(
        CohortSession.id == session_id, CohortSession.cohort == cohort_id, CohortSession.status == SessionStatus.scheduled.value
    ).first()
    if session is None:
        raise NotFound()
    if not has_come(session, now, zone):
        raise NotBegun(day=session["starts_at"])
    return session


def has_come(session: dict[str, Any], now: datetime, zone: str) -> bool:
    """Whether attendance is taken at the session: from its day (in the center's zone) on."""
    tz = ZoneInfo(zone)
    return session["starts_at"].astimezone(tz).date() <= now.astimezone(tz).date()


async def _mark(session_id: int, person: dict[str, Any], present: bool, *, actor: Actor, now: datetime) -> bool:
    """Write the mark (or take it away) and audit a change; whether the person was already marked."""
    pair = f"{session_id}:{person['id']}"
    already = await SessionAttendance.exists().where(SessionAttendance.pair == pair)
    if present and not already:
        await SessionAttendance.insert(
            SessionAttendance(session=session_id, application=person["id"], pair=pair, checked_at=now)
        ).on_conflict(target=SessionAttendance.pair, action="DO NOTHING")
    elif already and not present:
        await SessionAttendance.delete().where(SessionAttendance.pair == pair)
    if present != already:
        await record(actor, "session.attendance", "session", session_id, now=now, citizen_id=person["citizen"],
                     summary=f"application {person['id']}", before={"present": already}, after={"present": present})
    return already


async def progress_of(application_ids: list[int], now: datetime) -> dict[int, Progress]:
    """Each given application to a cohort, with where it stands (for 내 신청 내역); four queries
    whatever their number."""
    rows = await Application.select(Application.id, Application.seat_pool).where(Application.id.is_in(application_ids)) if application_ids else []
    cohorts = {
        row["seat_pool"]: row
        for row in await Cohort.select(Cohort.id, Cohort.seat_pool, Cohort.program.completion_percent.as_alias("percent")).where(
            Cohort.seat_pool.is_in([row["seat_pool"] for row in rows] or [0])
        )
    }
    sessions = await sessions_of([cohort["id"] for cohort in cohorts.values()])
    marks = await _marks([row["id"] for row in rows if row["seat_pool"] in cohorts])
    return {
        row["id"]: progress(len(marks.get(row["id"], ())), sessions[cohort["id"]], cohort["percent"], now)
        for row in rows
        if (cohort := cohorts.get(row["seat_pool"])) is not None and sessions[cohort["id"]]
    }
