"""Issue 12, item 9: the smaller holes, each closed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from jobcenter.accounts.tables import Citizen
from jobcenter.app import create_app
from jobcenter.events.tables import EventOccurrence
from jobcenter.settings import Settings
from tests.builders import a_citizen, a_cohort, a_program, a_staff_member
from tests.conftest import TEST_HOST
from tests.in_loop_client import InLoopClient
from tests.integration.events.helpers import a_series
from tests.support import html, post_form, present


@pytest.mark.parametrize("back", ["/kiosk/../staff", "/kiosk/%2e%2e/staff", "/kiosk/./../me", "/kiosk/..%2Fstaff"])
async def test_the_kiosk_never_links_back_out_of_itself(client, back: str) -> None:
    program = await a_program()
    await a_cohort(program)

    page = html(await client.get(f"/kiosk/programs/{program.id}", params={"back": back}))

    assert present(page.select_one("[data-testid=nav-back]"))["href"] == "/kiosk"


@pytest.mark.parametrize("next_path", ["/kiosk/../staff", "/kiosk/%2e%2e/staff/audit", "//evil.example/kiosk"])
async def test_a_display_switch_never_sends_the_kiosk_out_of_itself(client, next_path: str) -> None:
    response = await post_form(client, "/kiosk/display", {"mode": "text", "next": next_path}, follow_redirects=False)

    assert response.status_code == 303 and response.headers["location"] == "/kiosk"


async def test_a_path_inside_the_kiosk_is_still_where_back_leads(client) -> None:
    program = await a_program()
    await a_cohort(program)

    page = html(await client.get(f"/kiosk/programs/{program.id}", params={"back": "/kiosk/programs?page=2"}))

    assert present(page.select_one("[data-testid=nav-back]"))["href"] == "/kiosk/programs?page=2"


async def test_a_nul_in_an_email_address_is_refused_and_not_stored(client, sign_in) -> None:
    citizen = await a_citizen("홍길동", birth_year=1970)
    await sign_in(citizen)

    response = await post_form(client, "/me", {"name": "홍길동", "birth_year": "1970", "email": "hong\x00@example.com", "notify_by": "sms"})

    assert response.status_code == 422
    assert present(await Citizen.select(Citizen.email).where(Citizen.id == citizen.id).first())["email"] is None


async def test_the_language_cookie_is_secure_when_cookies_are_(settings: Settings, clock) -> None:
    app = create_app(replace(settings, cookie_secure=True), clock=clock)
    async with InLoopClient(app, base_url=f"http://{TEST_HOST}") as client:
        response = await client.get("/language/en", follow_redirects=False)

    assert "secure" in response.headers["set-cookie"].lower()


async def test_csv_and_calendar_files_name_their_charset_once(client, sign_in_staff) -> None:
    cohort = await a_cohort(await a_program())
    series = await a_series()
    occurrence = present(await EventOccurrence.select(EventOccurrence.id).where(EventOccurrence.series == series.id).first())
    await sign_in_staff(await a_staff_member())

    export = await client.get(f"/staff/rosters/{cohort.seat_pool}/export/csv")
    calendar = await client.get(f"/events/{occurrence['id']}/calendar.ics")
    feed = await client.get("/events/feeds/all.ics")

    assert export.headers["content-type"] == "text/csv; charset=utf-8"
    assert calendar.headers["content-type"] == feed.headers["content-type"] == "text/calendar; charset=utf-8"


async def test_a_title_with_a_line_break_still_makes_a_calendar_file(client) -> None:
    series = await a_series(title="맞춤형\n취업특강")
    occurrence = present(await EventOccurrence.select(EventOccurrence.id).where(EventOccurrence.series == series.id).first())

    response = await client.get(f"/events/{occurrence['id']}/calendar.ics")

    assert response.status_code == 200
    assert "X-WR-CALNAME:맞춤형 취업특강\r\n" in response.text
    assert "SUMMARY:맞춤형\\n취업특강" in response.text
