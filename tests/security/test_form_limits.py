"""Issue 12, item 5: sign-up and password reset have limits that every process shares (the
database holds the counters), answered with 429, Retry-After and a Korean message."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace

import pytest

from jobcenter.accounts.tables import Citizen
from jobcenter.app import create_app
from jobcenter.notifications.tables import OutboxMessage
from jobcenter.settings import Limits, Settings
from tests.builders import a_citizen
from tests.conftest import TEST_HOST
from tests.in_loop_client import InLoopClient
from tests.support import FrozenClock, html, post_form, present, signed_up

TOO_MANY = "이 연결에서 요청이 너무 많습니다"


def _sign_up(number: int) -> dict[str, str]:
    return {"name": f"시민{number}", "mobile": f"010-3333-{number:04d}", "password": "김포 한강 2026 봄날",
            "password_again": "김포 한강 2026 봄날", "birth_year": "1970", "consent_required": "1"}


@pytest.fixture
async def strict_client(settings: Settings, clock: FrozenClock) -> AsyncIterator[InLoopClient]:
    """The site with low limits, so that a test reaches them quickly."""
    limits = Limits(signups_per_address_per_hour=3, resets_per_address_per_hour=4, resets_per_account_per_hour=2)
    app = create_app(replace(settings, limits=limits), clock=clock)
    async with InLoopClient(app, base_url=f"http://{TEST_HOST}") as client:
        yield client


async def test_one_address_makes_a_few_accounts_an_hour_then_is_told_to_wait(strict_client: InLoopClient) -> None:
    answers = []
    for number in range(4):
        strict_client.cookies.clear()
        answers.append(await signed_up(strict_client, _sign_up(number)))

    assert [answer.status_code for answer in answers] == [303, 303, 303, 429]
    refused = answers[-1]
    assert 0 < int(refused.headers["retry-after"]) <= 3600
    assert TOO_MANY in present(html(refused).select_one("[data-testid=error-summary]")).get_text()
    assert await Citizen.count() == 3


async def test_sign_ups_that_fail_do_not_count(strict_client: InLoopClient) -> None:
    for _ in range(5):
        assert (await post_form(strict_client, "/signup", {**_sign_up(1), "consent_required": ""})).status_code == 422

    assert (await post_form(strict_client, "/signup", _sign_up(1), follow_redirects=False)).status_code == 303


async def test_reset_links_for_one_account_stop_quietly_and_one_address_is_told_to_wait(strict_client: InLoopClient) -> None:
    await a_citizen("김영희", mobile="01023456789", email="younghee@example.com")

    answers = [(await post_form(strict_client, "/password/forgot", {"mobile": "010-2345-6789"})) for _ in range(5)]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 200, 429]
    assert all(present(html(answer).select_one("[data-testid=reset-sent]")) for answer in answers[:4])
    assert await OutboxMessage.count().where(OutboxMessage.kind == "password_reset") == 2
    assert TOO_MANY in present(html(answers[-1]).select_one("[data-testid=error-summary]")).get_text()
