"""Issue 12, item 3: one TOTP code opens one back-office session, however many requests bring it
at once; a used code is told apart from a wrong one."""

from __future__ import annotations

import asyncio
from contextlib import AsyncExitStack

from jobcenter.staff.tables import StaffSession
from tests.conftest import TEST_HOST
from tests.in_loop_client import InLoopClient
from tests.integration.staff.test_login import PASSWORD, a_counsellor, code_at, submit
from tests.support import html, present

HALF_OPEN = 5
"""As many as the throttle lets try at once: each try counts before its code is checked."""


async def test_the_same_fresh_code_from_five_half_open_sessions_at_once_opens_one(app, clock) -> None:
    staff = await a_counsellor(clock)
    code = code_at(staff.totp_secret, clock.now)
    async with AsyncExitStack() as stack:
        clients = [await stack.enter_async_context(InLoopClient(app, base_url=f"http://{TEST_HOST}")) for _ in range(HALF_OPEN)]
        for client in clients:
            assert (await submit(client, "/staff/login", {"username": "minji", "password": PASSWORD})).status_code == 303

        answers = await asyncio.gather(*(submit(client, "/staff/login/code", {"code": code}) for client in clients))

    assert sorted(answer.status_code for answer in answers) == [303] + [422] * (HALF_OPEN - 1)
    assert await StaffSession.count().where(StaffSession.staff == staff.id, StaffSession.verified_at.is_not_null()) == 1
    refused = next(answer for answer in answers if answer.status_code == 422)
    assert present(html(refused).select_one("#error-code")).get_text(strip=True).endswith("이미 사용한 코드입니다. 인증 앱에 다음 코드가 나오면 입력하세요.")


async def test_a_code_used_a_moment_ago_is_told_apart_from_a_wrong_one(client, clock) -> None:
    staff = await a_counsellor(clock)
    code = code_at(staff.totp_secret, clock.now)
    await submit(client, "/staff/login", {"username": "minji", "password": PASSWORD})
    await submit(client, "/staff/login/code", {"code": code})
    await submit(client, "/staff/logout", {})
    await submit(client, "/staff/login", {"username": "minji", "password": PASSWORD})

    response = await submit(client, "/staff/login/code", {"code": code})

    assert response.status_code == 422
    assert "이미 사용한 코드입니다" in present(html(response).select_one("#error-code")).get_text()
