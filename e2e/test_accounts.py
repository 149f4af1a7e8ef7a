"""Log in, forgotten password and reset pages: every state passes axe."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect


def test_the_login_page_and_its_error_pass_axe(page: Page, assert_accessible) -> None:
    page.goto("/login")
    assert_accessible(page)

    page.get_by_label("휴대전화 번호").fill("010-0000-0000")
    page.get_by_label("비밀번호").fill("틀린 비밀번호입니다")
    page.get_by_role("button", name="로그인").click()

    expect(page).to_have_title(re.compile(r"^오류: "))
    expect(page.get_by_test_id("error-summary")).to_be_focused()
    assert_accessible(page)


def test_the_forgotten_password_page_and_its_answer_pass_axe(page: Page, assert_accessible) -> None:
    page.goto("/password/forgot")
    assert_accessible(page)

    page.get_by_label("휴대전화 번호").fill("010-0000-0000")
    page.get_by_role("button", name="재설정 링크 받기").click()

    expect(page.get_by_test_id("reset-sent")).to_be_visible()
    expect(page.locator("main")).to_contain_text("031-980-5000")
    assert_accessible(page)


def test_an_expired_reset_link_says_so_and_passes_axe(page: Page, assert_accessible) -> None:
    page.goto("/password/reset/not-a-real-token")

    expect(page.locator("main")).to_contain_text("만료되었거나 이미 사용한 링크입니다.")
    assert_accessible(page)
