"""What the follow-up call tests share: a counsellor signed in, people who applied to programs,
and jobs recorded through the service as the form would."""

from __future__ import annotations

from datetime import date

import pytest

from jobcenter.audit.service import Actor
from jobcenter.catalog.tables import Program
from jobcenter.placements.service import NO_PROGRAM, PlacementForm, record_placement
from jobcenter.signups.service import take_seat
from tests.builders import a_citizen, a_cohort, a_staff_member


@pytest.fixture
async def counsellor(sign_in_staff):
    """A staff member signed in on the test client."""
    staff = await a_staff_member(name="이상담")
    await sign_in_staff(staff)
    return staff


@pytest.fixture
def actor(counsellor) -> Actor:
    return Actor(id=counsellor.id, name=counsellor.name)


@pytest.fixture
def apply_to(clock):
    """Make `citizen` apply to the first cohort of `program` (making the cohort)."""

    async def apply(citizen, program: Program) -> int:
        cohort = await a_cohort(program)
        application = await take_seat(pool_id=cohort.seat_pool, citizen_id=citizen.id, now=clock.now, language="ko", zone="Asia/Seoul")
        return application["id"]

    return apply


@pytest.fixture
def a_job(actor, clock, apply_to):
    """Record a job for a (new, or given) person starting on `started_on`, from `program` (which
    the person then applies to first) or from none; returns the placement id."""

    async def record(started_on: date, *, name: str = "김취업", citizen=None, program: Program | None = None,
                     company: str = "김포물류", months: tuple[int, ...] = (1, 3, 6)) -> int:
        person = citizen or await a_citizen(name)
        if program:
            await apply_to(person, program)
        form = PlacementForm(company=company, position="물류 사무", started_on=started_on.isoformat(),
                             program=str(program.id) if program else NO_PROGRAM)
        return await record_placement(person.id, form, months=months, actor=actor, now=clock.now, zone="Asia/Seoul")

    return record
