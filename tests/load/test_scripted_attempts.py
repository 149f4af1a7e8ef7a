"""A script against a real server with two workers, from one address: 200 sign-ups and 200 kiosk
applications get 429s (or 403s) beyond the limits and make nothing beyond them; the owner of a
number logs in by a code after someone else's wrong passwords got it refused by password."""

from __future__ import annotations

import asyncio
import os
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest

from jobcenter.accounts.tables import Citizen, PhoneCode
from jobcenter.clock import system_clock
from jobcenter.signups.tables import Application
from tests.builders import a_citizen, a_cohort, a_program
from tests.servers import UVICORN, free_port, serving
from tests.support import texted_code

pytestmark = pytest.mark.load  # a real server process: run by make test and CI, not by a plain pytest

ATTEMPTS = 200
AT_ONCE = 20
SIGNUPS_PER_ADDRESS = 20  # the defaults (settings.Limits)
LOGIN_FAILURES = 5


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site on the test database with two workers; texts stay in the outbox, where the test reads codes."""
    port = free_port()
    environment = {**os.environ, "DATA_DIR": str(tmp_path_factory.mktemp("server")), "SECRET_KEY": "script-test-secret-key-" + "x" * 32,
                   "BACKGROUND_JOBS": "0"}
    with serving([*UVICORN, "--port", str(port), "--workers", "2", "--no-proxy-headers"], environment, port) as url:
        yield url


async def _post(url: str, path: str, fields: dict[str, str], gate: asyncio.Semaphore) -> int:
    """One scripted request: a fresh client, its form token, the form."""
    async with gate, httpx.AsyncClient(base_url=url, timeout=60) as client:
        csrf = (await client.get("/healthz")).cookies.get("csrftoken") or (await client.get("/login")).cookies["csrftoken"]
        return (await client.post(path, data={**fields, "_csrf_token": csrf})).status_code


def _sign_up(number: int) -> dict[str, str]:
    return {"name": f"스크립트{number}", "mobile": f"010-4444-{number:04d}", "password": "김포 한강 2026 봄날",
            "password_again": "김포 한강 2026 봄날", "birth_year": "1970", "consent_required": "1"}


async def test_two_hundred_scripted_sign_ups_text_codes_up_to_the_limit_and_open_no_account(server: str) -> None:
    gate = asyncio.Semaphore(AT_ONCE)

    answers = Counter(await asyncio.gather(*(_post(server, "/signup", _sign_up(number), gate) for number in range(ATTEMPTS))))

    assert answers == {303: SIGNUPS_PER_ADDRESS, 429: ATTEMPTS - SIGNUPS_PER_ADDRESS}
    assert await PhoneCode.count() == SIGNUPS_PER_ADDRESS
    assert await Citizen.count() == 0, "no account exists before its code is entered"


async def test_two_hundred_scripted_kiosk_applications_from_a_browser_that_is_not_a_kiosk_take_no_seat(server: str) -> None:
    now = system_clock()
    cohort = await a_cohort(await a_program("인기 과정", audience="all"), capacity=30, application_opens_at=now - timedelta(minutes=1),
                            application_closes_at=now + timedelta(hours=1))
    gate = asyncio.Semaphore(AT_ONCE)
    visitor = {"name": "스크립트", "birth_year": "1970", "consent": "1"}

    answers = Counter(await asyncio.gather(*(
        _post(server, f"/kiosk/apply/{cohort.seat_pool}", {**visitor, "mobile": f"010-5555-{number:04d}"}, gate) for number in range(ATTEMPTS)
    )))

    assert answers == {403: ATTEMPTS}
    assert (await Application.count(), await Citizen.count(), await PhoneCode.count()) == (0, 0, 0)


async def test_the_owner_logs_in_by_a_code_after_a_script_tried_wrong_passwords(server: str) -> None:
    await a_citizen("김주인", mobile="01066667777")
    at_once = asyncio.Semaphore(AT_ONCE)  # each guess is counted before it is checked: the count is exact however many race
    tried = Counter(await asyncio.gather(*(
        _post(server, "/login", {"mobile": "010-6666-7777", "password": f"wrong password {n}"}, at_once) for n in range(30)
    )))

    async with httpx.AsyncClient(base_url=server, timeout=60) as owner:
        csrf = (await owner.get("/login/code")).cookies["csrftoken"]
        asked = await owner.post("/login/code", data={"mobile": "010-6666-7777", "_csrf_token": csrf})
        entered = await owner.post("/login/code/enter", data={"code": await texted_code("01066667777"), "_csrf_token": csrf})

        assert tried == {422: LOGIN_FAILURES, 429: 30 - LOGIN_FAILURES}
        assert (asked.status_code, entered.status_code) == (303, 303)
        assert (await owner.get("/me")).status_code == 200, "signed in"
