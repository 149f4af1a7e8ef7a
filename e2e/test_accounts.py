"""Log in, forgotten password and reset pages: every state passes axe."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from e2e.conftest import BIN, PROJECT_ROOT, serving
from e2e.pages import SignupPage


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


@pytest.fixture(scope="module")
def strict_server(server_environment: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site on its own new SQLite database, allowing one sign-up and one reset request an hour
    from an address, so that the refusal a script meets can be seen."""
    scratch = tmp_path_factory.mktemp("strict")
    environment = {**server_environment, "DATABASE_URL": f"sqlite:///{scratch}/strict.sqlite3", "DATA_DIR": str(scratch),
                   "SIGNUPS_PER_ADDRESS_PER_HOUR": "1", "RESETS_PER_ADDRESS_PER_HOUR": "1"}
    subprocess.run([BIN / "piccolo", "migrations", "forwards", "all"], env=environment, cwd=PROJECT_ROOT, check=True, capture_output=True)
    with serving(environment) as url:
        yield url


def _sign_up(page: Page, base_url: str, mobile: str) -> None:
    page.goto(f"{base_url}/signup")
    signup = SignupPage(page)
    signup.fill(name="김포시민", mobile=mobile, password="김포 한강 2026 봄날", birth_year="1970")
    signup.submit()


def test_one_address_asking_too_often_is_told_to_wait_on_an_accessible_page(browser: Browser, strict_server: str, assert_accessible) -> None:
    with browser.new_context(base_url=strict_server) as context:
        page = context.new_page()
        _sign_up(page, strict_server, "010-7000-0001")
        expect(page.get_by_role("button", name="로그아웃")).to_be_visible()
        context.clear_cookies()

        _sign_up(page, strict_server, "010-7000-0002")
        expect(page).to_have_title(re.compile(r"^오류: "))
        expect(page.get_by_test_id("error-summary")).to_contain_text("이 연결에서 요청이 너무 많습니다")
        assert_accessible(page)

        for attempt in range(2):
            page.goto(f"{strict_server}/password/forgot")
            page.get_by_label("휴대전화 번호").fill(f"010-7000-000{attempt}")
            page.get_by_role("button", name="재설정 링크 받기").click()
        expect(page.get_by_test_id("error-summary")).to_contain_text("이 연결에서 요청이 너무 많습니다")
        expect(page.get_by_label("휴대전화 번호")).to_have_value("010-7000-0001")
        assert_accessible(page)
