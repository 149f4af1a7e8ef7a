"""Applying at the kiosk without an account: the details, then the code texted to the number; the
same seat service and rules, a record made with the consent given on the kiosk (or the account of
the number), and a result screen with a QR code of the status page."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup

from jobcenter.accounts.mobile import normalise_mobile
from jobcenter.accounts.tables import Citizen
from jobcenter.accounts.walk_in import WalkIn
from jobcenter.kiosk.service import apply_with_code, start_kiosk_application
from jobcenter.kiosk.tables import KioskSession
from jobcenter.notifications.tables import OutboxMessage
from jobcenter.qr import qr_svg
from jobcenter.signups.tables import Application, SeatPool
from tests.builders import NOON_SEOUL, a_citizen, a_cohort, a_lottery, a_program
from tests.support import html, post_form, present, texted_code

pytestmark = pytest.mark.usefixtures("enrolled_kiosk")

VISITOR = {"name": "홍길동", "mobile": "010-7700-1234", "birth_year": "1995", "consent": "1"}


@pytest.fixture
async def cohort():
    return await a_cohort(await a_program("청년 뉴딜 프로그램", audience="youth", min_age=18, max_age=39), label="3기", capacity=2)


def html_svg(svg: str) -> str:
    """An SVG as it reads once parsed with a page, for a like-for-like comparison."""
    return str(BeautifulSoup(svg, "html.parser").select_one("svg"))


async def _apply(client, cohort, **changes):
    """The form, then the code texted to its number: the answer to the form if it was refused, else
    the answer to the code."""
    fields = {**VISITOR, **changes}
    asked = await post_form(client, f"/kiosk/apply/{cohort.seat_pool}", fields, follow_redirects=False)
    if asked.status_code != 303:
        return asked
    assert asked.headers["location"] == f"/kiosk/apply/{cohort.seat_pool}/code"
    code = await texted_code(present(normalise_mobile(fields["mobile"])))
    return await post_form(client, f"/kiosk/apply/{cohort.seat_pool}/code", {"code": code}, follow_redirects=False)


async def _verified(person: WalkIn, pool_id: int, settings) -> tuple[str, str]:
    """A visitor's form sent and the code read from their phone: the ticket and the code."""
    ticket = await start_kiosk_application(pool_id, person, kiosk_id=1, now=NOON_SEOUL, zone="Asia/Seoul", settings=settings)
    return ticket, await texted_code(present(normalise_mobile(person.mobile)))


async def _with_code(ticket: str, code: str, pool_id: int, settings):
    return await apply_with_code(ticket, code, pool_id, kiosk_name="로비 키오스크", now=NOON_SEOUL, language="ko", zone="Asia/Seoul",
                                 settings=settings)


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
    message = present(await OutboxMessage.select().where(OutboxMessage.kind != "code").first())
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


async def test_in_a_lottery_the_visitor_is_entered_and_told_the_result_comes_by_text(client) -> None:
    program = await a_program("청년 뉴딜 프로그램", audience="youth", min_age=18, max_age=39)
    cohort = await a_lottery(program, label="3기", capacity=1)
    page = html(await client.get(f"/kiosk/programs/{program.id}"))
    assert present(page.select_one("[data-testid=apply]")).get_text(strip=True) == "3기 추첨 신청하기"

    response = await _apply(client, cohort)

    assert response.headers["location"] == "/kiosk/done"
    soup = html(await client.get("/kiosk/done"))
    assert present(soup.select_one("[data-testid=result-headline]")).get_text(strip=True) == "추첨 신청이 접수되었습니다"
    assert "결과는 문자로 알려드립니다" in soup.get_text()
    assert present(await Application.select(Application.status).first())["status"] == "applied"


async def test_a_mobile_number_that_has_an_account_joins_it_once_its_code_is_entered(client, cohort) -> None:
    member = await a_citizen("김회원", mobile="01077001234", birth_year=1990)

    await _apply(client, cohort, name="다른 이름", birth_year="1999")

    application = present(await Application.select().first())
    assert application["citizen"] == member.id
    assert await Citizen.count() == 1
    member_now = present(await Citizen.select().where(Citizen.id == member.id).first())
    assert (member_now["name"], member_now["birth_year"], member_now["consent_taken_by"]) == ("김회원", 1990, None)
    assert "김회원" not in html(await client.get("/kiosk/done")).get_text()


async def test_a_wrong_digit_cannot_put_a_seat_in_a_strangers_account(client, cohort) -> None:
    await a_citizen("김회원", mobile="01077001235", birth_year=1990)
    asked = await post_form(client, f"/kiosk/apply/{cohort.seat_pool}", {**VISITOR, "mobile": "010-7700-1235"}, follow_redirects=False)
    assert asked.status_code == 303, "the form says nothing about the number"

    guessed = await post_form(client, f"/kiosk/apply/{cohort.seat_pool}/code", {"code": "123456"})

    assert guessed.status_code == 422
    assert "인증번호가 맞지 않습니다" in present(html(guessed).select_one("#error-code")).get_text()
    assert await Application.count() == 0
    assert "010-****-1235" in present(html(await client.get(f"/kiosk/apply/{cohort.seat_pool}/code")).select_one(
        "[data-testid=code-sent]")).get_text()


async def test_whether_a_number_has_applied_shows_only_after_its_code(client, cohort) -> None:
    await _apply(client, cohort)
    await post_form(client, "/kiosk/reset", {})

    asked = await post_form(client, f"/kiosk/apply/{cohort.seat_pool}", VISITOR, follow_redirects=False)
    assert asked.status_code == 303 and asked.headers["location"].endswith("/code")
    entered = await post_form(client, f"/kiosk/apply/{cohort.seat_pool}/code", {"code": await texted_code("01077001234")})

    assert entered.status_code == 409
    assert "이미 신청" in html(entered).get_text()
    assert await Application.count() == 1


async def test_a_code_works_for_the_program_it_was_asked_for_only(client, cohort, settings) -> None:
    other = await a_cohort(await a_program("중장년 재취업 교육", audience="middle_aged"), label="1기", capacity=5)
    await post_form(client, f"/kiosk/apply/{cohort.seat_pool}", VISITOR)

    elsewhere = await post_form(client, f"/kiosk/apply/{other.seat_pool}/code", {"code": await texted_code("01077001234")})

    assert elsewhere.status_code == 422
    assert await Application.count() == 0


async def test_without_a_code_waiting_the_code_screen_leads_back_to_the_form(client, cohort) -> None:
    response = await client.get(f"/kiosk/apply/{cohort.seat_pool}/code", follow_redirects=False)

    assert response.status_code == 303 and response.headers["location"] == f"/kiosk/apply/{cohort.seat_pool}"


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


async def test_the_reset_ends_the_visit_and_asks_the_browser_to_forget_everything_but_the_enrolment(client, cohort) -> None:
    await _apply(client, cohort)
    await post_form(client, "/kiosk/display", {"mode": "text", "next": "/kiosk"})
    assert await KioskSession.count() == 1

    response = await post_form(client, "/kiosk/reset", {}, follow_redirects=False)

    assert response.status_code == 303 and response.headers["location"] == "/kiosk"
    assert response.headers["clear-site-data"] == '"cache", "storage"'
    deleted = {header.split("=", 1)[0] for header in response.headers.get_list("set-cookie") if "Max-Age=0" in header}
    assert deleted == {"kiosk", "kiosk_code", "kiosk_text", "kiosk_contrast", "csrftoken", "sid"}
    assert await KioskSession.count() == 0
    assert (await client.get("/kiosk/done", follow_redirects=False)).headers["location"] == "/kiosk"
    start = html(await client.get("/kiosk"))
    assert present(start.select_one("[data-kiosk]"))["class"] == ["kiosk"]
    assert start.select_one("[data-testid=door-help]") is not None, "still the enrolled kiosk"


async def test_the_reset_needs_the_forms_token(client) -> None:
    response = await client.post("/kiosk/reset", data={}, follow_redirects=False)

    assert response.status_code == 403


async def test_concurrent_kiosk_applications_for_the_last_seats_never_overbook(cohort, settings) -> None:
    visitors = [WalkIn(name=f"방문자{number}", mobile=f"010-7701-{number:04d}", birth_year="1995", consent=True) for number in range(8)]
    verified = [await _verified(person, cohort.seat_pool, settings) for person in visitors]

    results = await asyncio.gather(*(_with_code(ticket, code, cohort.seat_pool, settings) for ticket, code in verified))

    statuses = sorted(result["status"] for result in results)
    assert statuses == ["confirmed"] * 2 + ["waitlisted"] * 6
    assert sorted(result["waitlist_position"] for result in results if result["waitlist_position"]) == [1, 2, 3, 4, 5, 6]
    pool = present(await SeatPool.select().where(SeatPool.id == cohort.seat_pool).first())
    assert (pool["confirmed_count"], pool["waitlisted_count"]) == (2, 6)
    assert await Application.count().where(Application.status == "confirmed") == 2


async def test_a_double_tap_by_a_new_visitor_makes_one_record_and_one_application(cohort, settings) -> None:
    ticket, code = await _verified(WalkIn(name="홍길동", mobile="010-7702-0001", birth_year="1995", consent=True), cohort.seat_pool, settings)

    outcomes = await asyncio.gather(*(_with_code(ticket, code, cohort.seat_pool, settings) for _ in range(2)), return_exceptions=True)

    assert sorted(type(outcome).__name__ for outcome in outcomes) == ["FormInvalid", "dict"]
    assert await Citizen.count() == 1 and await Application.count() == 1
