"""Logging in and out: new session ids, timeouts, throttling without lockout, password resets."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from jobcenter.accounts.passwords import hash_password
from jobcenter.accounts.sessions import SESSION_COOKIE, delete_expired_sessions
from jobcenter.accounts.tables import Citizen, WebSession
from jobcenter.accounts.web import session_timeouts
from jobcenter.limits.service import LONGEST_WINDOW, forget_old
from jobcenter.limits.tables import RateEvent
from jobcenter.notifications.tables import OutboxMessage
from tests.builders import a_citizen
from tests.support import html, post_form, present

PASSWORD = "김포 한강 2026 봄날"


@pytest.fixture
async def citizen():
    person = await a_citizen("이순자", mobile="01055556666", email="soonja@example.com")
    await Citizen.update({Citizen.password_hash: await hash_password(PASSWORD)}).where(Citizen.id == person.id)
    return person


async def _login(client, mobile: str = "010-5555-6666", password: str = PASSWORD, **fields):
    return await post_form(client, "/login", {"mobile": mobile, "password": password, **fields}, follow_redirects=False)


async def test_a_hangul_passphrase_logs_in_and_the_session_id_changes_at_each_login(client, citizen) -> None:
    first = await _login(client, next="/programs")
    assert first.status_code == 303 and first.headers["location"] == "/programs"
    first_token = client.cookies[SESSION_COOKIE]

    second = await _login(client)

    assert second.headers["location"] == "/me/applications"
    assert client.cookies[SESSION_COOKIE] != first_token
    assert await WebSession.count() == 1, "the session of the first login ended at the second"


async def test_a_login_does_not_redirect_off_site(client, citizen) -> None:
    response = await _login(client, next="https://evil.example/")

    assert response.headers["location"] == "/"


async def test_a_wrong_password_says_so_without_telling_which_part(client, citizen) -> None:
    for mobile, password in (("010-5555-6666", "wrong password"), ("010-9999-0000", PASSWORD)):
        response = await _login(client, mobile, password)
        assert response.status_code == 422
        assert "휴대전화 번호 또는 비밀번호가 맞지 않습니다" in present(html(response).select_one("#error-mobile")).get_text()
    assert SESSION_COOKIE not in client.cookies


async def test_five_failures_throttle_the_number_with_retry_after_and_no_lockout(client, clock, citizen) -> None:
    for _ in range(5):
        assert (await _login(client, password="wrong password")).status_code == 422

    throttled = await _login(client)

    assert throttled.status_code == 429
    assert 0 < int(throttled.headers["retry-after"]) <= 15 * 60
    assert "분 뒤에 다시 시도" in present(html(throttled).select_one("[data-testid=error-summary]")).get_text()
    clock.now += timedelta(minutes=15)
    assert (await _login(client)).status_code == 303


async def test_many_failures_from_one_client_throttle_it_across_numbers(client, citizen, settings) -> None:
    for number in range(settings.limits.login_failures_per_address):
        await _login(client, f"010-1000-{number:04d}", "wrong password")

    assert (await _login(client)).status_code == 429


async def test_logging_out_ends_the_session_everywhere(client, citizen) -> None:
    await _login(client)
    token = client.cookies[SESSION_COOKIE]

    response = await post_form(client, "/logout", {}, follow_redirects=False)

    assert response.status_code == 303
    assert await WebSession.count() == 0
    assert "clear-site-data" in response.headers
    client.cookies.set(SESSION_COOKIE, token)
    mine = await client.get("/me/applications", follow_redirects=False)
    assert mine.status_code == 303 and mine.headers["location"].startswith("/login?next=")


async def test_a_session_ends_after_the_idle_timeout(client, clock, citizen, settings) -> None:
    await _login(client)
    clock.now += timedelta(minutes=settings.session_idle_minutes - 1)
    assert (await client.get("/me/applications")).status_code == 200

    clock.now += timedelta(minutes=settings.session_idle_minutes)

    assert (await client.get("/me/applications", follow_redirects=False)).status_code == 303


async def test_a_session_ends_after_the_absolute_timeout_however_busy(client, clock, citizen, settings) -> None:
    await _login(client)
    for _ in range(settings.session_max_hours * 3):
        clock.now += timedelta(minutes=20)
        await client.get("/me/applications")

    assert (await client.get("/me/applications", follow_redirects=False)).status_code == 303


async def test_a_reset_link_is_emailed_and_works_once(client, citizen) -> None:
    await _login(client)
    page = await post_form(client, "/password/forgot", {"mobile": "01055556666"})
    assert page.status_code == 200
    message = present(await OutboxMessage.select().where(OutboxMessage.kind == "password_reset").first())
    assert message["email"] == "soonja@example.com"
    link = present(re.search(r"http://testserver.local(/password/reset/\S+)", message["body"])).group(1)

    new_password = "새 비밀번호는 길게 2027"
    done = await post_form(client, link, {"password": new_password, "password_again": new_password}, follow_redirects=False)

    assert done.status_code == 303 and done.headers["location"] == "/login?reset=1"
    assert await WebSession.count() == 0, "every session ends with the password change"
    assert (await _login(client, password=new_password)).status_code == 303
    again = await post_form(client, link, {"password": "또 다른 비밀번호 2028", "password_again": "또 다른 비밀번호 2028"})
    assert again.status_code == 422


async def test_without_an_email_the_page_says_how_the_center_resets_it(client) -> None:
    await a_citizen("박영수", mobile="01077778888")

    soup = html(await post_form(client, "/password/forgot", {"mobile": "010-7777-8888"}))

    assert await OutboxMessage.count() == 0
    assert "031-980-5000" in present(soup.select_one("main")).get_text()
    assert soup.select_one("[data-testid=reset-sent]") is not None


async def test_housekeeping_clears_timed_out_sessions_and_old_failures(client, clock, citizen, settings) -> None:
    await _login(client, password="wrong password")
    await _login(client)
    clock.now += max(timedelta(minutes=settings.session_idle_minutes), LONGEST_WINDOW)

    await delete_expired_sessions(clock.now, **session_timeouts(settings))
    await forget_old(clock.now)

    assert await WebSession.count() == 0 and await RateEvent.count() == 0


async def test_continue_in_the_time_out_warning_keeps_the_session(client, clock, citizen, settings) -> None:
    await _login(client)
    soup = html(await client.get("/me/applications"))
    assert present(soup.body)["data-session-idle"] == str(settings.session_idle_minutes * 60)
    assert soup.select_one("[role=alertdialog][hidden]") is not None

    for _ in range(3):
        clock.now += timedelta(minutes=settings.session_idle_minutes - 5)
        assert (await client.get("/me/session")).status_code == 204

    assert (await client.get("/me/applications", follow_redirects=False)).status_code == 200
