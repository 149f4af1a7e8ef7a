"""Test data for the end-to-end tests, written through the site's own services.

The tests start one `python -m e2e.seed serve` with the server's DATABASE_URL, so it reaches the
same database whichever engine it is, and send it their commands; `python -m e2e.seed COMMAND ...`
runs one by hand.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Awaitable, Callable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pyotp

from jobcenter.accounts.mobile import normalise_mobile
from jobcenter.accounts.passwords import hash_password
from jobcenter.accounts.signup import open_account
from jobcenter.accounts.tables import Citizen
from jobcenter.audit.service import Actor
from jobcenter.catalog.cohorts import add_cohort
from jobcenter.catalog.search_index import index_program
from jobcenter.catalog.tables import Cohort, Program
from jobcenter.clock import system_clock
from jobcenter.kiosk.devices import create_kiosk
from jobcenter.notifications.sending_limits import HOLD_FOR, OVER_DAILY
from jobcenter.notifications.tables import OutboxMessage
from jobcenter.schedule.patterns import WEEKDAYS
from jobcenter.signups.draws import Setup, set_up
from jobcenter.signups.service import take_seat
from jobcenter.signups.tables import Priority, SeatPool
from jobcenter.staff.service import create_staff
from jobcenter.staff.sessions import start_half_session, verify_session
from jobcenter.staff.tables import StaffMember

STAFF_PASSWORD = "e2e-staff-password"
CITIZEN_PASSWORD = "e2e-citizen-password"


async def fill(program_title: str, waiting: str) -> None:
    """Take every seat of the program's open cohort, then put `waiting` more people on its waitlist."""
    now = system_clock()
    cohort = await Cohort.select(Cohort.seat_pool, Cohort.program.min_age.as_alias("min_age")).where(
        Cohort.program.is_in(Program.select(Program.id).where(Program.title == program_title)),
        Cohort.seat_pool.opens_at <= now,
        Cohort.seat_pool.closes_at > now,
    ).first()
    assert cohort is not None, f"no cohort of {program_title!r} is open now"
    pool = await SeatPool.select().where(SeatPool.id == cohort["seat_pool"]).first()
    assert pool is not None
    needed = pool["capacity"] - pool["confirmed_count"] + int(waiting) - pool["waitlisted_count"]
    birth_year = now.year - (cohort["min_age"] or 30) - 1  # old enough for the program, whoever it is for
    start = await Citizen.count()
    for number in range(start, start + needed):
        citizen = Citizen(
            name=f"대기자{number}",
            mobile=f"0109000{number:04d}",
            password_hash="not-a-usable-hash",
            birth_year=birth_year,
            consent_version="2026-11",
            consented_at=now,
        )
        await citizen.save()
        await take_seat(pool_id=cohort["seat_pool"], citizen_id=citizen.id, now=now, language="ko", zone="Asia/Seoul")


async def staff(username: str, role: str, secret: str) -> int:
    """A staff account (password STAFF_PASSWORD) whose authenticator is enrolled with `secret`,
    or, with the secret "-", one that enrols at its first login; its id."""
    now = system_clock()
    staff_id = await create_staff(username=username, name=f"직원 {username}", role=role, password=STAFF_PASSWORD, now=now)
    if secret != "-":
        await StaffMember.update({StaffMember.totp_secret: secret, StaffMember.totp_confirmed_at: now}).where(
            StaffMember.id == staff_id
        )
    return staff_id


async def staff_session(username: str, role: str) -> str:
    """A staff account as `staff` makes it, and a verified back-office session of it: the token its
    cookie carries after the password and the code (the login form itself is tested in test_staff.py)."""
    staff_id = await staff(username, role, pyotp.random_base32())
    now = system_clock()
    return await verify_session(await start_half_session(staff_id, now), now)


async def citizen(name: str, mobile: str, birth_year: str, *program_title: str) -> None:
    """A citizen whose number was verified, opened by the sign-up's rules (password CITIZEN_PASSWORD)
    and, when a program title is given, with a seat in its cohort that is open now."""
    now = system_clock()
    details = {"name": name, "birth_year": int(birth_year), "email": None, "password_hash": await hash_password(CITIZEN_PASSWORD),
               "notices": False}
    citizen_id, _ = await open_account(normalise_mobile(mobile) or mobile, details, now)
    if program_title:
        cohort = await Cohort.select(Cohort.seat_pool).where(
            Cohort.program.is_in(Program.select(Program.id).where(Program.title == program_title[0])),
            Cohort.seat_pool.opens_at <= now,
            Cohort.seat_pool.closes_at > now,
        ).first()
        assert cohort is not None, f"no cohort of {program_title[0]!r} is open now"
        await take_seat(pool_id=cohort["seat_pool"], citizen_id=citizen_id, now=now, language="ko", zone="Asia/Seoul")


async def open_program(title: str, capacity: str, allocation: str = "first_come") -> None:
    """A published program for everyone with one cohort of one session in two weeks, open for
    applications now; with the allocation "lottery", its seats are drawn after the window closes."""
    cohort = await _one_session_course(title, (system_clock() + timedelta(days=14)).date(), time(10), capacity=int(capacity))
    if allocation == "lottery":
        await set_up(cohort.seat_pool, Setup(True, Priority.none, "로또 6/45 다음 회차 당첨번호"))


async def opening_program(title: str, seconds: str) -> None:
    """Like open_program, but applications open `seconds` from now."""
    opens_at = system_clock() + timedelta(seconds=int(seconds))
    await _one_session_course(title, (system_clock() + timedelta(days=14)).date(), time(10), opens_at=opens_at)


async def course(title: str, day: str, start: str) -> None:
    """A published program whose one cohort meets once, on `day` (2026-12-03) at `start` (14:00), for two hours."""
    await _one_session_course(title, date.fromisoformat(day), time.fromisoformat(start))


async def course_today(title: str, capacity: str) -> None:
    """A published program whose one cohort meets today (in Seoul, holiday or not) at 09:00, open
    for applications now: a session whose attendance is taken now."""
    today = system_clock().astimezone(ZoneInfo("Asia/Seoul")).date()
    await _one_session_course(title, today, time(9), capacity=int(capacity), skip_holidays=False)


async def _one_session_course(
    title: str, day: date, start: time, capacity: int = 20, opens_at: datetime | None = None, skip_holidays: bool = True
) -> Cohort:
    now = system_clock()
    program = Program(title=title, audience="all", category="job_support", summary=f"{title} 요약")
    await program.save()
    await index_program(program.id)
    return await add_cohort(
        program_id=program.id, label="1기", starts_on=day, ends_on=day, start_time=start, end_time=start.replace(hour=start.hour + 2),
        rrule=f"FREQ=WEEKLY;BYDAY={WEEKDAYS[day.weekday()]}", place="김포시일자리센터 교육장", capacity=capacity,
        opens_at=opens_at or now - timedelta(days=1), closes_at=now + timedelta(days=7), zone="Asia/Seoul", skip_holidays=skip_holidays,
    )


async def failed_message(reason: str) -> None:
    """A text message the worker gave up on with `reason`, as it leaves one."""
    now = system_clock()
    await OutboxMessage(kind="confirmed", mobile="01000000000", channel="sms", subject="-", body="[신청확정] -", status="failed",
                        attempts=1, last_error=reason, created_at=now, next_attempt_at=now).save()


async def held_text() -> None:
    """A text message waiting an hour for a sending limit, as the worker leaves one."""
    now = system_clock()
    await OutboxMessage(kind="confirmed", mobile="01000000000", channel="sms", subject="-", body="[신청확정] -",
                        last_error=OVER_DAILY, created_at=now, next_attempt_at=now + HOLD_FOR).save()


async def kiosk(name: str) -> str:
    """A new kiosk named `name`, as an administrator makes it, and its one-time enrolment code."""
    _, code = await create_kiosk({"name": name}, actor=Actor(id=0, name="e2e 관리자", role="admin"), now=system_clock())
    return code


COMMANDS: dict[str, Callable[..., Awaitable[object]]] = {
    "fill": fill, "open_program": open_program, "staff": staff, "staff_session": staff_session, "held_text": held_text, "failed_message": failed_message,
    "kiosk": kiosk, "citizen": citizen, "course": course, "course_today": course_today, "opening_program": opening_program,
}


async def run(command: str, *arguments: str) -> str:
    """One command; what it returns (a kiosk's enrolment code, a session's token), as text."""
    if command not in COMMANDS:
        raise ValueError(f"unknown command {command}")
    return str(await COMMANDS[command](*arguments) or "")


def serve() -> None:
    """Commands as JSON lists, one per line on stdin; each answered by one JSON line on stdout. One
    process for the whole run: the site's modules are imported once, not once per command."""
    loop = asyncio.new_event_loop()
    for line in sys.stdin:
        try:
            answer = {"out": loop.run_until_complete(run(*json.loads(line)))}
        except Exception as error:  # the test that asked shows it
            answer = {"error": f"{type(error).__name__}: {error}"}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["serve"]:
        serve()
    else:
        print(asyncio.run(run(*sys.argv[1:])))
