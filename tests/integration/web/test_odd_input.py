"""Odd input is normal input: superscript and full-width digits, 30- and 5,000-digit numbers, NUL,
a month in year 9999. Each of these once answered 500; now each gets a page in Korean that says
what went wrong, and nothing is written."""

from __future__ import annotations

from datetime import date

import pytest

from jobcenter.accounts.tables import Citizen
from jobcenter.catalog.tables import CohortSession
from jobcenter.signups.tables import Application
from jobcenter.web.form_input import read_id, read_int, read_month, read_text
from tests.builders import a_citizen, a_cohort, a_program, a_staff_member
from tests.support import html, post_form, present

THIRTY_DIGITS = "123456789012345678901234567890"
FIVE_THOUSAND_DIGITS = "9" * 5000


def _korean_error(response, status: int, heading: str) -> None:
    assert response.status_code == status
    assert present(html(response).h1).get_text(strip=True) == heading


@pytest.mark.parametrize("path", [
    f"/programs/{THIRTY_DIGITS}", f"/seats/{THIRTY_DIGITS}", f"/events/{THIRTY_DIGITS}",
    f"/events/{THIRTY_DIGITS}/calendar.ics", f"/me/applications/{THIRTY_DIGITS}", "/programs/0", f"/programs/{2**31}",
])
async def test_an_id_no_row_can_have_is_not_found(client, sign_in, path: str) -> None:
    await sign_in(await a_citizen())

    _korean_error(await client.get(path), 404, "페이지를 찾을 수 없습니다")


@pytest.mark.parametrize("path", [f"/kiosk/apply/{THIRTY_DIGITS}", f"/kiosk/events/{THIRTY_DIGITS}"])
async def test_the_kiosk_shows_its_own_not_found_screen_for_such_an_id(client, path: str) -> None:
    response = await client.get(path)

    assert response.status_code == 404
    assert present(html(response).select_one("main")).get_text(" ", strip=True).startswith("페이지를 찾을 수 없습니다")


@pytest.mark.parametrize("month", ["9999-12", "0001-01", "2026-13", "¹⁹⁹⁰-01", FIVE_THOUSAND_DIGITS])
async def test_a_month_the_calendar_cannot_show_is_a_bad_request(client, month: str) -> None:
    _korean_error(await client.get("/events", params={"month": month}), 400, "요청을 처리할 수 없습니다")


@pytest.mark.parametrize(("month", "missing_link"), [("2000-01", "previous-month"), ("2100-12", "next-month")])
async def test_the_first_and_last_months_the_calendar_shows_link_no_further(client, month: str, missing_link: str) -> None:
    page = html(await client.get("/events", params={"month": month}))

    assert page.select_one(f"[data-testid={missing_link}]") is None
    other = "next-month" if missing_link == "previous-month" else "previous-month"
    followed = await client.get(present(page.select_one(f"[data-testid={other}]"))["href"])
    assert followed.status_code == 200


@pytest.mark.parametrize("page", [THIRTY_DIGITS, "¹", "0", FIVE_THOUSAND_DIGITS])
async def test_a_page_number_no_list_has_is_a_bad_request(client, page: str) -> None:
    _korean_error(await client.get("/programs", params={"page": page}), 400, "요청을 처리할 수 없습니다")


async def test_applying_for_a_pool_that_cannot_exist_takes_nothing(client, sign_in) -> None:
    await a_cohort(await a_program())
    await sign_in(await a_citizen())

    response = await post_form(client, "/applications", {"pool": THIRTY_DIGITS})

    assert response.status_code == 404
    assert await Application.count() == 0


async def test_cancelling_an_application_that_cannot_exist_is_not_found(client, sign_in) -> None:
    await sign_in(await a_citizen())

    response = await post_form(client, f"/me/applications/{THIRTY_DIGITS}/cancel", {})

    assert response.status_code == 404


@pytest.mark.parametrize("birth_year", ["¹⁹⁹⁰", FIVE_THOUSAND_DIGITS, "19\x0090"])
async def test_a_year_of_birth_that_is_not_four_digits_is_a_form_error(client, birth_year: str) -> None:
    response = await post_form(client, "/signup", {
        "name": "홍길동", "mobile": "010-2345-6789", "password": "correct horse battery", "password_again": "correct horse battery",
        "birth_year": birth_year, "consent_required": "1",
    })

    assert response.status_code == 422
    soup = html(response)
    assert present(soup.title).get_text(strip=True).startswith("오류: ")
    assert present(soup.select_one("#error-birth_year")).get_text(strip=True).endswith("태어난 해를 1965처럼 숫자 네 자리로 입력하세요.")
    assert await Citizen.count() == 0


@pytest.mark.parametrize("mobile", ["a\x00b", "010\x001234\x005678", "\x00"])
async def test_a_nul_in_the_login_number_is_a_wrong_login_on_either_database(client, mobile: str) -> None:
    response = await post_form(client, "/login", {"mobile": mobile, "password": "whatever it is"})

    assert response.status_code == 422
    assert present(html(response).select_one("#error-mobile")).get_text(strip=True).endswith("휴대전화 번호 또는 비밀번호가 맞지 않습니다.")


async def test_a_nul_in_a_staff_username_is_a_wrong_login_on_either_database(client) -> None:
    response = await post_form(client, "/staff/login", {"username": "ad\x00min", "password": "whatever it is"})

    assert response.status_code == 422


async def test_a_nul_in_the_back_office_program_search_is_no_server_error(client, sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member())

    response = await client.get("/staff/programs", params={"q": "취업\x00특강"})

    assert response.status_code == 200


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "2026-02-30", "¹⁹⁹⁰-01-01"])
async def test_a_day_the_audit_log_cannot_filter_by_is_ignored(client, sign_in_staff, day: str) -> None:
    await sign_in_staff(await a_staff_member(role="admin"))

    response = await client.get("/staff/audit", params={"since": day, "until": day})

    assert response.status_code == 200


@pytest.mark.parametrize("code", ["%", "%-%", "AB%CD", "%(code)s"])
async def test_a_check_in_code_with_a_percent_sign_is_refused_at_a_session(client, sign_in_staff, code: str) -> None:
    program = await a_program()
    cohort = await a_cohort(program, starts_on=date(2026, 11, 26), ends_on=date(2026, 11, 26))  # today
    session = present(await CohortSession.select(CohortSession.id).where(CohortSession.cohort == cohort.id).first())
    await sign_in_staff(await a_staff_member())

    response = await post_form(client, f"/staff/programs/{program.id}/cohorts/{cohort.id}/attendance/{session['id']}/check-in", {"code": code})

    assert response.status_code == 422
    assert present(html(response).select_one("#error-code")).get_text(strip=True).endswith("(으)로 확정된 신청이 없습니다.")


@pytest.mark.parametrize(("typed", "expected"), [
    ("42", 42), (" 42 ", 42), ("４２", 42), ("¹⁹", None), ("4 2", None), ("-1", None), ("", None), (None, None),
    (THIRTY_DIGITS, None), (FIVE_THOUSAND_DIGITS, None), ("4\x002", None), ("٤٢", None),
])
def test_a_number_is_ascii_or_full_width_digits_within_its_bounds(typed: str | None, expected: int | None) -> None:
    assert read_int(typed, 1, 100) == expected


def test_an_id_fits_the_databases_integer() -> None:
    assert read_id(str(2**31 - 1)) == 2**31 - 1
    assert read_id(str(2**31)) is None
    assert read_id("0") is None


def test_a_month_is_in_this_century() -> None:
    assert str(read_month("2026-12")) == "2026-12-01"
    assert str(read_month("2026-1")) == "2026-01-01"
    assert read_month("9999-12") is None
    assert read_month("2026-12-01") is None


def test_text_with_control_characters_or_too_long_is_refused() -> None:
    assert read_text("  김포시  ", 10) == "김포시"
    assert read_text("김포\x00시", 10) is None
    assert read_text("첫 줄\n둘째 줄", 20) is None
    assert read_text("첫 줄\n둘째 줄", 20, multiline=True) == "첫 줄\n둘째 줄"
    assert read_text("가" * 11, 10) is None
