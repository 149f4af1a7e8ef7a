"""Back-office login: password, then the authenticator's code; the first time, enrolment by QR code."""

from __future__ import annotations

import re

import pyotp
from playwright.sync_api import Page, expect

from e2e.pages import StaffLoginPage
from e2e.seed import STAFF_PASSWORD


def test_a_new_colleague_enrols_the_authenticator_and_reaches_the_dashboard(page: Page, seed, assert_accessible) -> None:
    seed("staff", "e2e-newcomer", "staff", "-")
    login = StaffLoginPage(page).open()
    assert_accessible(page)

    login.enter_password("e2e-newcomer", STAFF_PASSWORD)

    enrolment = page.get_by_test_id("totp-enrolment")
    expect(enrolment.get_by_role("img")).to_be_visible()
    assert_accessible(page)
    secret = page.get_by_test_id("totp-secret").inner_text().replace(" ", "")
    login.enter_code(pyotp.TOTP(secret).now())

    expect(page.get_by_role("heading", level=1)).to_have_text("대시보드")
    assert_accessible(page)


def test_a_wrong_code_keeps_the_back_office_closed_and_the_right_one_opens_it(page: Page, seed, assert_accessible) -> None:
    secret = pyotp.random_base32()
    seed("staff", "e2e-wrong-code", "staff", secret)
    login = StaffLoginPage(page).open()
    login.enter_password("e2e-wrong-code", STAFF_PASSWORD)
    right = pyotp.TOTP(secret).now()

    login.enter_code(f"{(int(right) + 500_000) % 1_000_000:06d}")

    expect(page).to_have_title(re.compile(r"^오류: "))
    expect(page.get_by_test_id("error-summary")).to_be_focused()
    assert_accessible(page)
    page.goto("/staff")
    expect(page).to_have_url(re.compile(r"/staff/login\?next="))

    login.log_in("e2e-wrong-code", STAFF_PASSWORD, right)
    expect(page.get_by_role("heading", level=1)).to_have_text("대시보드")


def test_the_admin_pages_pass_axe(page: Page, staff_login, assert_accessible) -> None:
    staff_login(page, role="admin")
    assert_accessible(page)

    page.get_by_role("link", name="직원 계정").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("직원 계정")
    assert_accessible(page)
    page.get_by_role("button", name="계정 만들기").click()
    expect(page.get_by_test_id("error-summary")).to_be_focused()
    assert_accessible(page)

    page.get_by_role("link", name="감사 로그").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("감사 로그")
    assert_accessible(page)
