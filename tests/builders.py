"""Builders with explicit, readable defaults for catalog rows."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from jobcenter.accounts.tables import Citizen
from jobcenter.catalog.cohorts import add_cohort
from jobcenter.catalog.search_index import index_program
from jobcenter.catalog.tables import Cohort, Program
from jobcenter.signups.draws import Setup, set_up
from jobcenter.signups.tables import Priority
from jobcenter.staff.tables import StaffMember

NOON_SEOUL = datetime(2026, 11, 26, 3, 0, tzinfo=UTC)


async def a_program(title: str = "청년 뉴딜 프로그램", **fields: Any) -> Program:
    values: dict[str, Any] = {
        "title": title,
        "audience": "youth",
        "category": "job_support",
        "summary": f"{title} 요약",
        "description": f"{title} 소개",
        "eligibility": "",
        "published": True,
    }
    values.update(fields)
    program = Program(**values)
    await program.save()
    await index_program(program.id)
    return program


async def a_cohort(
    program: Program,
    *,
    capacity: int = 20,
    application_opens_at: datetime = NOON_SEOUL - timedelta(days=3),
    application_closes_at: datetime = NOON_SEOUL + timedelta(days=3),
    cancellable_until: datetime | None = None,
    **fields: Any,
) -> Cohort:
    """By default the window is open at NOON_SEOUL and the cohort runs two weeks later."""
    values: dict[str, Any] = {
        "label": "1기",
        "starts_on": date(2026, 12, 10),
        "ends_on": date(2026, 12, 12),
        "start_time": time(10),
        "end_time": time(16),
        "place": "김포시일자리센터 교육장",
    }
    values.update(fields)
    return await add_cohort(
        program_id=program.id,
        capacity=capacity,
        opens_at=application_opens_at,
        closes_at=application_closes_at,
        cancellable_until=cancellable_until,
        zone="Asia/Seoul",
        **values,
    )


async def a_lottery(program: Program, *, priority: Priority = Priority.none, **fields: Any) -> Cohort:
    """A cohort whose seats are drawn after its window closes (by default three days after NOON_SEOUL)."""
    cohort = await a_cohort(program, **fields)
    await set_up(cohort.seat_pool, Setup(True, priority, "로또 6/45 제1200회 당첨번호"))
    return cohort


async def a_citizen(name: str = "홍길동", mobile: str | None = None, birth_year: int = 1995, **fields: Any) -> Citizen:
    """A citizen row as sign-up would store it (the password is not usable: tests log in by session)."""
    global _next_mobile
    _next_mobile += 1
    citizen = Citizen(
        name=name,
        mobile=mobile or f"010{_next_mobile:08d}",
        password_hash="not-a-usable-hash",
        birth_year=birth_year,
        consent_version="2026-11",
        consented_at=NOON_SEOUL,
        **fields,
    )
    await citizen.save()
    return citizen


_next_mobile = 10_000_000


async def a_staff_member(username: str = "counsellor", name: str = "이상담", role: str = "staff", **fields: Any) -> StaffMember:
    """A back-office account with an enrolled authenticator (tests sign staff in by session)."""
    staff = StaffMember(
        username=username,
        name=name,
        role=role,
        password_hash="not-a-usable-hash",
        totp_secret="5TAR45HNKAI7EOHUOLE5BT4FQQYJEX6N",
        totp_confirmed_at=NOON_SEOUL,
        **fields,
    )
    await staff.save()
    return staff
