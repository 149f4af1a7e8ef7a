"""Back-office login: a password and then a TOTP code, enrolment by QR code, throttling, sessions."""

from __future__ import annotations

from datetime import timedelta

import pyotp

from jobcenter.staff.service import create_staff
from jobcenter.staff.sessions import STAFF_COOKIE, delete_expired_staff_sessions, start_half_session, verify_session
from jobcenter.staff.tables import StaffMember, StaffSession
from tests.builders import a_citizen
from tests.support import html, post_form, present

PASSWORD = "counter-desk-2026"


async def a_counsellor(clock, *, enrolled: bool = True) -> StaffMember:
    staff_id = await create_staff(username="minji", name="김민지", role="staff", password=PASSWORD, now=clock.now)
    if enrolled:
        await StaffMember.update(
            {StaffMember.totp_secret: "5TAR45HNKAI7EOHUOLE5BT4FQQYJEX6N", StaffMember.totp_confirmed_at: clock.now}
        ).where(StaffMember.id == staff_id)
    return present(await StaffMember.objects().get(StaffMember.id == staff_id))


async def submit(client, path: str, fields: dict[str, str]):
    """POST a form and look at the answer itself, not where it redirects."""
    return await post_form(client, path, fields, follow_redirects=False)


def code_at(secret: str, moment) -> str:
    return pyotp.TOTP(secret).at(moment)


async def test_a_password_alone_does_not_open_the_back_office(client, clock) -> None:
    await a_counsellor(clock)
    response = await submit(client, "/staff/login", {"username": "minji", "password": PASSWORD})
    assert response.status_code == 303
    assert response.headers["location"].startswith("/staff/login/code")

    dashboard = await client.get("/staff", follow_redirects=False)
    assert dashboard.status_code == 303
    assert dashboard.headers["location"].startswith("/staff/login?next=")


async def test_the_right_code_opens_the_back_office_under_a_new_session_id(client, clock) -> None:
    staff = await a_counsellor(clock)
    await submit(client, "/staff/login", {"username": "minji", "password": PASSWORD})
    half_token = client.cookies[STAFF_COOKIE]

    response = await submit(client, "/staff/login/code", {"code": code_at(staff.totp_secret, clock.now), "next": "/staff"})

    assert response.status_code == 303 and response.headers["location"] == "/staff"
    assert client.cookies[STAFF_COOKIE] != half_token
    assert await StaffSession.count().where(StaffSession.staff == staff.id) == 1
    dashboard = await client.get("/staff")
    assert dashboard.status_code == 200
    assert present(html(dashboard).h1).get_text(strip=True) == "대시보드"


async def test_a_wrong_code_is_refused_with_the_form_again(client, clock) -> None:
    staff = await a_counsellor(clock)
    await submit(client, "/staff/login", {"username": "minji", "password": PASSWORD})
    wrong = f"{(int(code_at(staff.totp_secret, clock.now)) + 1) % 1_000_000:06d}"

    response = await submit(client, "/staff/login/code", {"code": wrong})

    assert response.status_code == 422
    assert present(html(response).select_one("#field-code"))["aria-invalid"] == "true"
    assert (await client.get("/staff", follow_redirects=False)).status_code == 303


async def test_a_code_cannot_be_used_twice(client, clock) -> None:
    staff = await a_counsellor(clock)
    code = code_at(staff.totp_secret, clock.now)
    await submit(client, "/staff/login", {"username": "minji", "password": PASSWORD})
    assert (await submit(client, "/staff/login/code", {"code": code})).status_code == 303
    await submit(client, "/staff/logout", {})

    await submit(client, "/staff/login", {"username": "minji", "password": PASSWORD})
    assert (await submit(client, "/staff/login/code", {"code": code})).status_code == 422


async def test_a_half_open_session_expires_after_five_minutes(client, clock) -> None:
    staff = await a_counsellor(clock)
    await submit(client, "/staff/login", {"username": "minji", "password": PASSWORD})
    clock.now += timedelta(minutes=6)

    response = await submit(client, "/staff/login/code", {"code": code_at(staff.totp_secret, clock.now)})

    assert response.status_code == 303
    assert response.headers["location"].startswith("/staff/login?next=")


async def test_first_login_enrols_the_authenticator_from_the_qr_code(client, clock) -> None:
    await a_counsellor(clock, enrolled=False)
    await submit(client, "/staff/login", {"username": "minji", "password": PASSWORD})

    page = html(await client.get("/staff/login/code"))
    assert page.select_one("[data-testid=totp-enrolment] svg[role=img]") is not None
    secret = present(page.select_one("[data-testid=totp-secret]")).get_text().replace(" ", "")
    again = present(html(await client.get("/staff/login/code")).select_one("[data-testid=totp-secret]")).get_text().replace(" ", "")
    assert again == secret, "a reload shows the same key until it is confirmed"

    response = await submit(client, "/staff/login/code", {"code": code_at(secret, clock.now)})

    assert response.status_code == 303
    enrolled = present(await StaffMember.select(StaffMember.totp_confirmed_at, StaffMember.totp_secret).first())
    assert enrolled["totp_confirmed_at"] == clock.now and enrolled["totp_secret"] == secret


async def test_five_wrong_passwords_are_throttled_with_retry_after(client, clock) -> None:
    await a_counsellor(clock)
    for _ in range(5):
        assert (await submit(client, "/staff/login", {"username": "minji", "password": "wrong-password"})).status_code == 422

    response = await submit(client, "/staff/login", {"username": "minji", "password": PASSWORD})

    assert response.status_code == 429
    assert int(response.headers["retry-after"]) > 0
    clock.now += timedelta(minutes=16)
    assert (await submit(client, "/staff/login", {"username": "minji", "password": PASSWORD})).status_code == 303


async def test_a_citizens_login_does_not_open_the_back_office(client, clock, sign_in) -> None:
    await sign_in(await a_citizen())
    response = await client.get("/staff", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/staff/login?next=%2Fstaff"


async def test_a_deactivated_account_loses_its_session_and_cannot_log_in(client, clock, sign_in_staff) -> None:
    staff = await a_counsellor(clock)
    await sign_in_staff(staff)
    assert (await client.get("/staff", follow_redirects=False)).status_code == 200

    await StaffMember.update({StaffMember.active: False}).where(StaffMember.id == staff.id)

    assert (await client.get("/staff", follow_redirects=False)).status_code == 303
    assert (await submit(client, "/staff/login", {"username": "minji", "password": PASSWORD})).status_code == 422


async def test_logout_ends_the_session_in_the_database(client, clock, sign_in_staff) -> None:
    staff = await a_counsellor(clock)
    await sign_in_staff(staff)

    response = await submit(client, "/staff/logout", {})

    assert response.status_code == 303
    assert await StaffSession.count() == 0


async def test_the_sweep_deletes_timed_out_and_half_open_staff_sessions(clock) -> None:
    staff = await a_counsellor(clock)
    await start_half_session(staff.id, clock.now)
    await verify_session(await start_half_session(staff.id, clock.now), clock.now)

    clock.now += timedelta(minutes=10)
    await delete_expired_staff_sessions(clock.now, idle=timedelta(minutes=30), absolute=timedelta(hours=12))

    assert [row["verified_at"] is not None for row in await StaffSession.select(StaffSession.verified_at)] == [True]
