"""Issue 12, item 2: the demo staff, whose password the README prints, never exist in production."""

from __future__ import annotations

from dataclasses import replace

import pytest

from jobcenter.app import create_app
from jobcenter.catalog.tables import Program
from jobcenter.demo.__main__ import run
from jobcenter.demo.staff import DEMO_PASSWORD
from jobcenter.settings import Settings, SettingsError
from jobcenter.staff.service import create_staff
from jobcenter.staff.tables import StaffMember
from tests.in_loop_client import InLoopClient


async def test_the_demo_step_in_production_creates_nothing_and_says_how_to_make_the_first_admin(settings: Settings) -> None:
    said = await run(replace(settings, production=True), "https://jobs.example.kr")

    assert await StaffMember.count() == 0 and await Program.count() == 0
    assert "create-admin" in said and DEMO_PASSWORD not in said


async def test_the_demo_step_in_development_still_loads_the_demo(settings: Settings) -> None:
    said = await run(settings, "http://127.0.0.1:8000")

    assert await StaffMember.count() == 2 and await Program.count() > 0
    assert DEMO_PASSWORD in said


async def test_a_production_start_refuses_while_a_staff_account_has_the_demo_password(settings: Settings, clock) -> None:
    await create_staff(username="admin", name="김포 관리자", role="admin", password=DEMO_PASSWORD, now=clock.now)
    app = create_app(replace(settings, production=True), clock=clock)

    with pytest.raises(SettingsError, match="admin"):
        async with InLoopClient(app, base_url="http://127.0.0.1"):
            pass


async def test_a_production_start_goes_ahead_when_no_account_has_the_demo_password(settings: Settings, clock) -> None:
    await create_staff(username="chief", name="김포 관리자", role="admin", password="a-long-office-passphrase", now=clock.now)
    app = create_app(replace(settings, production=True), clock=clock)

    async with InLoopClient(app, base_url="http://127.0.0.1") as client:
        assert (await client.get("/healthz")).status_code == 200
