"""Issue 12, item 8: wrong passwords typed elsewhere never shut the owner out. One account from
one client is refused after a few tries; from many clients it is only slowed."""

from __future__ import annotations

from datetime import timedelta

import pytest

from jobcenter.accounts import throttle
from jobcenter.accounts.passwords import hash_password
from jobcenter.accounts.service import authenticate
from jobcenter.accounts.tables import Citizen
from jobcenter.limits.tables import RateEvent
from jobcenter.settings import Limits
from jobcenter.web.form_input import FormInvalid
from tests.builders import a_citizen
from tests.support import html, post_form, present

PASSWORD = "김포 한강 2026 봄날"
LIMITS = Limits()


async def _a_citizen_with_a_password() -> Citizen:
    citizen = await a_citizen("김영희", mobile="01023456789")
    await Citizen.update({Citizen.password_hash: await hash_password(PASSWORD)}).where(Citizen.id == citizen.id)
    return citizen


async def test_an_attacker_elsewhere_does_not_lock_the_owner_out(clock, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(throttle, "MAX_SLOWDOWN_SECONDS", 0.0)  # the waiting itself is measured below
    citizen = await _a_citizen_with_a_password()
    for attacker in range(3):
        for _ in range(LIMITS.login_failures_per_account_and_address):
            with pytest.raises(FormInvalid):
                await authenticate("010-2345-6789", "guess", f"198.51.100.{attacker}", clock.now, LIMITS)

    owner = await authenticate("010-2345-6789", PASSWORD, "203.0.113.7", clock.now, LIMITS)

    assert owner["id"] == citizen.id


async def test_one_client_is_refused_after_a_few_wrong_passwords_for_one_number(client, clock) -> None:
    await _a_citizen_with_a_password()
    answers = [
        (await post_form(client, "/login", {"mobile": "010-2345-6789", "password": "guess"})).status_code
        for _ in range(LIMITS.login_failures_per_account_and_address + 1)
    ]

    assert answers == [422] * LIMITS.login_failures_per_account_and_address + [429]


async def test_an_account_failing_from_many_clients_is_slowed_more_and_more_then_no_more(clock) -> None:
    await _a_citizen_with_a_password()
    waits = []
    for _ in range(10):  # wrong guesses, each from another client
        waits.append(await throttle.seconds_to_slow("01023456789", clock.now))
        await throttle.record_failure("01023456789", clock.now)

    assert waits == [0, 0, 0, 0, 0, 0.5, 1.0, 2.0, 4.0, throttle.MAX_SLOWDOWN_SECONDS]
    assert await throttle.seconds_to_slow("01023456789", clock.now + throttle.WINDOW + timedelta(seconds=1)) == 0


async def test_the_login_page_says_how_the_center_resets_a_password_by_phone(client) -> None:
    text = present(html(await client.get("/login")).select_one("[data-testid=reset-by-phone]")).get_text()

    assert "031-980-5000" in text and "새 비밀번호" in text


async def test_right_passwords_leave_nothing_counted_against_the_address(clock) -> None:
    """Each attempt is counted before it is checked; a right one is taken back, so a lobby where
    many people log in is never refused for it."""
    for _ in range(LIMITS.login_failures_per_address + 5):
        assert await throttle.take_attempt("01023456789", "198.51.100.1", clock.now, LIMITS) == 0
        await throttle.take_back_attempt("01023456789", "198.51.100.1", clock.now, LIMITS)

    assert await RateEvent.count() == 0
