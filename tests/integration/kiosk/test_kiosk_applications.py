"""Applying at the kiosk without an account: the same seat service and rules, a record made with
the consent given on the kiosk (or the account of the number), and a result screen with a QR code
of the status page."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup

from jobcenter.accounts.tables import Citizen
from jobcenter.accounts.walk_in import WalkIn
from jobcenter.kiosk.service import apply_at_kiosk
from jobcenter.kiosk.tables import KioskSession
from jobcenter.notifications.tables import OutboxMessage
from jobcenter.qr import qr_svg
from jobcenter.signups.tables import Application, SeatPool
from tests.builders import NOON_SEOUL, a_citizen, a_cohort, a_program
from tests.support import html, post_form, present

VISITOR = {"name": "홍길동", "mobile": "010-7700-1234", "birth_year": "1995", "consent": "1"}


@pytest.fixture
async def cohort():
    return await a_cohort(await a_program("청년 뉴딜 프로그램", audience="youth", min_age=18, max_age=39), label="3기", capacity=2)


def html_svg(svg: str) -> str:
    """An SVG as it reads once parsed with a page, for a like-for-like comparison."""
    return str(BeautifulSoup(svg, "html.parser").select_one("svg"))


async def _apply(client, cohort, **changes):
    return await post_form(client, f"/kiosk/apply/{cohort.seat_pool}", {**VISITOR, **changes}, follow_redirects=False)


async def test_a_walk_up_visitor_applies_and_sees_the_confirmation_number_and_a_qr_code(client, cohort) -> None:
    response = await _apply(client, cohort)

    assert response.status_code == 303
    assert response.headers["location"] == "/kiosk/done"
    result = await client.get("/kiosk/done")
    soup = html(result)
    application = present(await Application.select().first())
    assert present(soup.select_one("[data-testid=result-headline]")).get_text(strip=True) == "신청 완료"
    assert present(soup.select_one("[data-testid=confirmation-code]")).get_text(strip=True) == application["confirmation_code"]
    assert "010-****-1234" in soup.get_text()
    assert result.headers["cache-control"] == "no-store"
    assert application["channel"] == "kiosk"
    citizen = present(await Citizen.select().where(Citizen.id == application["citizen"]).first())
    assert (citizen["name"], citizen["mobile"], citizen["birth_year"]) == ("홍길동", "01077001234", 1995)
    assert citizen["consent_taken_by"] == "kiosk:로비 키오스크"
    assert citizen["consented_at"] == NOON_SEOUL
    message = present(await OutboxMessage.select().first())
    assert (message["kind"], message["mobile"]) == ("confirmed", "01077001234")


async def test_the_qr_code_holds_the_address_of_the_applications_status_page(client, cohort) -> None:
    await _apply(client, cohort)
    code = present(await Application.select(Application.confirmation_code).first())["confirmation_code"]

    soup = html(await client.get("/kiosk/done"))

    status_url = f"http://testserver.local/status/{code}"
    assert present(soup.select_one("[data-testid=status-url]")).get_text(strip=True) == status_url
    shown = present(soup.select_one("[data-testid=status-qr] svg"))
    title = present(shown.title).get_text()
    assert str(shown) == html_svg(qr_svg(status_url, title=title, scale=8))
    assert str(shown) != html_svg(qr_svg(f"http://testserver.local/status/{code[::-1]}", title=title, scale=8))


async def test_when_the_seats_are_gone_the_visitor_joins_the_waitlist_and_is_told_the_number(client, cohort) -> None:
    for number in range(2):
        await _apply(client, cohort, mobile=f"010-7700-100{number}")

    await _apply(client, cohort, mobile="010-7700-2000")

    soup = html(await client.get("/kiosk/done"))
    assert present(soup.select_one("[data-testid=result-headline]")).get_text(strip=True) == "대기 1번으로 접수되었습니다"
    pool = present(await SeatPool.select().where(SeatPool.id == cohort.seat_pool).first())
    assert (pool["confirmed_count"], pool["waitlisted_count"]) == (2, 1)


async def test_a_mobile_number_that_has_an_account_joins_it(client, cohort) -> None:
    member = await a_citizen("김회원", mobile="01077001234", birth_year=1990)

    await _apply(client, cohort, name="다른 이름", birth_year="1999", consent="")

    application = present(await Application.select().first())
    assert application["citizen"] == member.id
    assert await Citizen.count() == 1
    member_now = present(await Citizen.select().where(Citizen.id == member.id).first())
    assert (member_now["name"], member_now["birth_year"], member_now["consent_taken_by"]) == ("김회원", 1990, None)
    assert "김회원" not in html(await client.get("/kiosk/done")).get_text()


async def test_what_was_typed_is_checked_kept_and_listed_in_the_order_of_the_steps(client, cohort) -> None:
    response = await _apply(client, cohort, name="", mobile="02-123-4567", birth_year="65", consent="")

    assert response.status_code == 422
    soup = html(response)
    assert present(soup.title).get_text().startswith("오류: ")
    links = [a["href"] for a in soup.select("[data-testid=error-summary] a")]
    assert links == ["#field-name", "#field-mobile", "#field-birth_year", "#field-consent"]
    assert present(soup.select_one("#field-mobile"))["value"] == "02-123-4567"
    assert present(soup.select_one("#field-mobile"))["aria-invalid"] == "true"
    assert await Citizen.count() == 0 and await Application.count() == 0


async def test_a_refusal_by_age_is_shown_at_the_year_of_birth_and_keeps_no_record(client, cohort) -> None:
    response = await _apply(client, cohort, birth_year="1950")

    assert response.status_code == 422
    soup = html(response)
    assert "만 18" in present(soup.select_one("#error-birth_year")).get_text()
    assert await Citizen.count() == 0 and await Application.count() == 0


async def test_a_cohort_whose_window_has_closed_says_so_instead_of_the_form(client, clock, cohort) -> None:
    clock.now = clock.now.replace(year=2027)

    page = html(await client.get(f"/kiosk/apply/{cohort.seat_pool}"))
    response = await _apply(client, cohort)

    assert page.select_one("[data-testid=apply-form]") is None
    assert "마감" in present(page.select_one("[data-testid=not-open]")).get_text()
    assert response.status_code == 409
    assert await Citizen.count() == 0


async def test_the_result_is_shown_only_within_the_visit_that_made_it(client, app, cohort) -> None:
    await _apply(client, cohort)
    cookie = client.cookies["kiosk"]
    client.cookies.delete("kiosk")

    assert (await client.get("/kiosk/done", follow_redirects=False)).headers["location"] == "/kiosk"
    client.cookies.set("kiosk", cookie, path="/kiosk")
    assert (await client.get("/kiosk/done")).status_code == 200


async def test_the_visit_runs_out_after_the_idle_time_and_the_warning(client, clock, settings, cohort) -> None:
    await _apply(client, cohort)
    clock.now += timedelta(seconds=settings.kiosk_idle_seconds + settings.kiosk_warning_seconds)

    response = await client.get("/kiosk/done", follow_redirects=False)

    assert response.headers["location"] == "/kiosk"
    assert await KioskSession.count() == 0


async def test_the_reset_ends_the_visit_and_asks_the_browser_to_forget_everything(client, cohort) -> None:
    await _apply(client, cohort)
    await post_form(client, "/kiosk/display", {"mode": "text", "next": "/kiosk"})
    assert await KioskSession.count() == 1

    response = await post_form(client, "/kiosk/reset", {}, follow_redirects=False)

    assert response.status_code == 303 and response.headers["location"] == "/kiosk"
    assert response.headers["clear-site-data"] == '"cache", "cookies", "storage"'
    deleted = {header.split("=", 1)[0] for header in response.headers.get_list("set-cookie") if "Max-Age=0" in header}
    assert deleted == {"kiosk", "kiosk_text", "kiosk_contrast", "csrftoken"}
    assert await KioskSession.count() == 0
    assert (await client.get("/kiosk/done", follow_redirects=False)).headers["location"] == "/kiosk"
    assert present(html(await client.get("/kiosk")).select_one("[data-kiosk]"))["class"] == ["kiosk"]


async def test_the_reset_needs_the_forms_token(client) -> None:
    response = await client.post("/kiosk/reset", data={}, follow_redirects=False)

    assert response.status_code == 403


async def test_concurrent_kiosk_applications_for_the_last_seats_never_overbook(cohort) -> None:
    async def visitor(number: int):
        person = WalkIn(name=f"방문자{number}", mobile=f"010-7701-{number:04d}", birth_year="1995", consent=True)
        return await apply_at_kiosk(
            pool_id=cohort.seat_pool, person=person, now=NOON_SEOUL, language="ko", zone="Asia/Seoul", kiosk_name="로비 키오스크"
        )

    results = await asyncio.gather(*(visitor(number) for number in range(8)))

    statuses = sorted(result["status"] for result in results)
    assert statuses == ["confirmed"] * 2 + ["waitlisted"] * 6
    assert sorted(result["waitlist_position"] for result in results if result["waitlist_position"]) == [1, 2, 3, 4, 5, 6]
    pool = present(await SeatPool.select().where(SeatPool.id == cohort.seat_pool).first())
    assert (pool["confirmed_count"], pool["waitlisted_count"]) == (2, 6)
    assert await Application.count().where(Application.status == "confirmed") == 2


async def test_a_double_tap_by_a_new_visitor_makes_one_record_and_one_application(cohort) -> None:
    person = WalkIn(name="홍길동", mobile="010-7702-0001", birth_year="1995", consent=True)

    async def tap():
        return await apply_at_kiosk(
            pool_id=cohort.seat_pool, person=person, now=NOON_SEOUL, language="ko", zone="Asia/Seoul", kiosk_name="로비 키오스크"
        )

    outcomes = await asyncio.gather(tap(), tap(), return_exceptions=True)

    assert sorted(type(outcome).__name__ for outcome in outcomes) == ["AlreadyApplied", "dict"]
    assert await Citizen.count() == 1 and await Application.count() == 1
