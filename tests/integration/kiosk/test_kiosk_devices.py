"""Kiosks are devices the center enrolled: an administrator makes a kiosk and its one-time code, the
device enters it, and only then can it apply or call staff. Any other browser at /kiosk reads the
programs and is sent to the website. Revoking stops the device at once."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from jobcenter.accounts.tables import Citizen
from jobcenter.audit.tables import AuditEntry
from jobcenter.kiosk.tables import HelpRequest, Kiosk
from jobcenter.signups.tables import Application
from tests.builders import a_cohort, a_program, a_staff_member
from tests.conftest import TEST_HOST
from tests.in_loop_client import InLoopClient
from tests.support import FrozenClock, enrol_as_kiosk, html, post_form, present, str_value, texted_code

VISITOR = {"name": "홍길동", "mobile": "010-7700-1234", "birth_year": "1995", "consent": "1"}


@pytest.fixture
async def cohort():
    return await a_cohort(await a_program("청년 뉴딜 프로그램", audience="youth", min_age=18, max_age=39), label="3기", capacity=20)


@pytest.fixture
async def device(app) -> AsyncIterator[InLoopClient]:
    """The browser of the device in the lobby (the `client` is the administrator's)."""
    async with InLoopClient(app, base_url=f"http://{TEST_HOST}") as lobby:
        yield lobby


@pytest.fixture
async def admin(client, sign_in_staff) -> None:
    """The `client` is an administrator's browser."""
    await sign_in_staff(await a_staff_member("admin", "김관리", role="admin"))


async def _new_kiosk(client, name: str = "1층 로비") -> str:
    """The administrator makes a kiosk; the eight digits the page shows once."""
    page = html(await post_form(client, "/staff/kiosks", {"name": name}))
    shown = present(page.select_one("[data-testid=enrolment-code]")).get_text(" ", strip=True)
    return present(re.search(r"\b(\d{4}) (\d{4})\b", shown)).expand(r"\1\2")


async def test_a_browser_that_is_not_an_enrolled_kiosk_is_sent_to_the_website_to_apply(client, cohort) -> None:
    screen = html(await client.get(f"/kiosk/apply/{cohort.seat_pool}"))

    assert screen.select_one("[data-testid=apply-form]") is None
    assert "센터 로비의 키오스크에서만" in present(screen.select_one("[data-testid=web-only]")).get_text()
    assert str_value(present(screen.select_one("[data-testid=web-url]"))["href"]).endswith(f"/programs/{cohort.program}")
    assert screen.select_one("[data-testid=web-qr] svg") is not None

    refused = await post_form(client, f"/kiosk/apply/{cohort.seat_pool}", VISITOR, follow_redirects=False)

    assert refused.status_code == 403
    assert (await Citizen.count(), await Application.count()) == (0, 0)


async def test_a_browser_that_is_not_an_enrolled_kiosk_cannot_call_staff_and_is_given_the_phone(client) -> None:
    assert html(await client.get("/kiosk")).select_one("[data-testid=door-help]") is None

    refused = await post_form(client, "/kiosk/help", {}, follow_redirects=False)

    assert refused.status_code == 403
    assert "031-980-5000" in present(html(refused).select_one("[data-testid=help-by-phone]")).get_text()
    assert await HelpRequest.count() == 0


async def test_an_administrator_enrols_a_device_whose_calls_and_applications_carry_its_name(
    client, device, admin, cohort
) -> None:
    code = await _new_kiosk(client)

    enrolled = await post_form(device, "/kiosk/enrol", {"code": f"{code[:4]}-{code[4:]}"}, follow_redirects=False)

    assert enrolled.status_code == 303 and enrolled.headers["location"] == "/kiosk"
    cookie = next(header for header in enrolled.headers.get_list("set-cookie") if header.startswith("kiosk_device="))
    assert "HttpOnly" in cookie and "Path=/kiosk" in cookie and "Max-Age=34560000" in cookie
    assert html(await device.get("/kiosk")).select_one("[data-testid=door-help]") is not None
    await post_form(device, "/kiosk/help", {})
    assert present(await HelpRequest.select(HelpRequest.kiosk_name).first())["kiosk_name"] == "1층 로비"
    await post_form(device, f"/kiosk/apply/{cohort.seat_pool}", VISITOR)
    entered = await post_form(device, f"/kiosk/apply/{cohort.seat_pool}/code", {"code": await texted_code("01077001234")},
                              follow_redirects=False)
    assert entered.headers["location"] == "/kiosk/done"
    assert present(await Citizen.select(Citizen.consent_taken_by).first())["consent_taken_by"] == "kiosk:1층 로비"
    listed = html(await client.get("/staff/kiosks")).select_one("[data-testid=kiosks]")
    assert "사용 중" in present(listed).get_text()
    assert await AuditEntry.count().where(AuditEntry.action == "kiosk.created") == 1


async def test_the_code_works_once_and_not_after_half_an_hour(client, device, app, admin, clock: FrozenClock) -> None:
    code = await _new_kiosk(client)
    await post_form(device, "/kiosk/enrol", {"code": code})
    async with InLoopClient(app, base_url=f"http://{TEST_HOST}") as second:
        again = await post_form(second, "/kiosk/enrol", {"code": code})
        assert again.status_code == 422
        assert "맞지 않거나 만료" in present(html(again).select_one("#error-code")).get_text()

        late = await _new_kiosk(client, "2층 상담실")
        clock.now += timedelta(minutes=31)
        assert (await post_form(second, "/kiosk/enrol", {"code": late})).status_code == 422
        assert html(await second.get("/kiosk")).select_one("[data-testid=door-help]") is None


async def test_guessing_codes_is_stopped_after_a_few_wrong_ones(client, device, admin) -> None:
    code = await _new_kiosk(client)
    for guess in range(5):
        assert (await post_form(device, "/kiosk/enrol", {"code": f"{guess:08d}"})).status_code == 422

    refused = await post_form(device, "/kiosk/enrol", {"code": code})

    assert refused.status_code == 429 and 0 < int(refused.headers["retry-after"]) <= 900
    assert "요청이 너무 많습니다" in present(html(refused).select_one("#error-code")).get_text()
    assert present(await Kiosk.select(Kiosk.enrolled_at).first())["enrolled_at"] is None


async def test_a_revoked_kiosk_can_no_longer_apply_and_its_name_can_be_used_again(client, device, admin, cohort) -> None:
    code = await _new_kiosk(client)
    await post_form(device, "/kiosk/enrol", {"code": code})
    kiosk = present(await Kiosk.select(Kiosk.id).first())

    revoked = await post_form(client, f"/staff/kiosks/{kiosk['id']}/revoke", {}, follow_redirects=False)

    assert revoked.status_code == 303
    assert (await post_form(device, f"/kiosk/apply/{cohort.seat_pool}", VISITOR, follow_redirects=False)).status_code == 403
    assert await Application.count() == 0
    assert await AuditEntry.count().where(AuditEntry.action == "kiosk.revoked") == 1
    assert "해지" in present(html(await client.get("/staff/kiosks")).select_one("[data-testid=kiosks]")).get_text()
    assert await _new_kiosk(client)


async def test_a_name_in_use_or_missing_is_refused_with_nothing_made(client, admin) -> None:
    await _new_kiosk(client)

    taken = await post_form(client, "/staff/kiosks", {"name": "1층 로비"})
    empty = await post_form(client, "/staff/kiosks", {"name": "  "})

    assert (taken.status_code, empty.status_code) == (422, 422)
    assert "이미 사용 중" in present(html(taken).select_one("#error-name")).get_text()
    assert html(empty).select_one("#error-name") is not None
    assert await Kiosk.count() == 1


async def test_the_start_screen_renews_the_enrolment_so_a_kiosk_in_use_keeps_it(client, clock: FrozenClock) -> None:
    await enrol_as_kiosk(client, clock.now)

    start = await client.get("/kiosk")

    assert any(header.startswith("kiosk_device=") and "Max-Age=34560000" in header for header in start.headers.get_list("set-cookie"))
