"""A lottery cohort from entry to result: two people enter (one with JavaScript, one without), staff
close the window and draw on the roster, and both see the result and how to check it."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from e2e.pages import ApplicationPage, ProgramPage, RosterPage, new_mobile
from e2e.seed import CITIZEN_PASSWORD

TITLE = "도배 기능사 추첨반"


def _enter(page: Page, name: str, seed) -> ApplicationPage:
    mobile = new_mobile()
    seed("citizen", name, mobile, "1961")
    page.goto("/login")
    page.get_by_label("휴대전화 번호").fill(mobile)
    page.get_by_label("비밀번호").fill(CITIZEN_PASSWORD)
    page.get_by_role("button", name="로그인").click()
    program = ProgramPage(page).open_by_title(TITLE)
    expect(program.cohort("1기").get_by_test_id("seats")).to_contain_text("정원 1명, 신청 마감 후 추첨")
    expect(program.cohort("1기").get_by_test_id("apply-form").get_by_role("button")).to_have_text("1기 추첨 신청하기")
    program.apply("1기")
    result = ApplicationPage(page)
    expect(result.headline).to_have_text("추첨 신청이 접수되었습니다")
    expect(result.status).to_have_text("추첨 대기")
    return result


def test_a_lottery_from_entry_to_result_with_and_without_javascript(
    page: Page, no_js_page: Page, browser: Browser, base_url: str, seed, staff_login, assert_accessible
) -> None:
    seed("open_program", TITLE, "1", "lottery")
    with_js = _enter(page, "추첨갑", seed)
    assert_accessible(page)
    without_js = _enter(no_js_page, "추첨을", seed)

    page.get_by_role("link", name="추첨 명단, 시드와 검증 방법").click()
    expect(page.get_by_test_id("draw-stage")).to_contain_text("신청한 시각은 결과와 관계가 없으며")
    expect(page.get_by_test_id("commitment")).to_have_text(re.compile(r"^[0-9a-f]{64}$"))
    assert_accessible(page)

    staff = browser.new_context(base_url=base_url).new_page()
    staff_login(staff)
    staff.goto(f"/staff/programs?q={TITLE}")
    staff.get_by_role("link", name=TITLE).click()
    staff.get_by_role("button", name="지금 접수 마감").click()
    roster = RosterPage(staff).open_for(TITLE)
    expect(staff.get_by_test_id("draw-panel")).to_contain_text("명단이 2장으로 확정되었습니다")
    expect(staff.get_by_test_id("entered").get_by_test_id("roster-line")).to_have_count(2)
    assert_accessible(staff)
    staff.get_by_role("textbox", name="공개 값").fill("3 11 19 25 33 41 + 7")
    staff.get_by_role("button", name="추첨하기").click()
    expect(staff.get_by_test_id("flash")).to_contain_text("추첨했습니다")
    expect(roster.page.get_by_test_id("confirmed").get_by_test_id("roster-line")).to_have_count(1)
    expect(roster.page.get_by_test_id("waitlist").get_by_test_id("roster-line")).to_have_count(1)
    assert_accessible(staff)
    staff.context.close()

    page.go_back()
    expect(with_js.status).to_have_text(re.compile(r"^(확정|대기 1번)$"))
    expect(page.get_by_test_id("ticket")).to_contain_text("내 추첨번호")
    no_js_page.reload()  # still the application's page: it was never left
    expect(without_js.status).to_have_text(re.compile(r"^(확정|대기 1번)$"))
    assert {with_js.status.inner_text().strip(), without_js.status.inner_text().strip()} == {"확정", "대기 1번"}

    no_js_page.get_by_role("link", name="추첨 명단, 시드와 검증 방법").click()
    expect(no_js_page.get_by_test_id("seed")).to_have_text(re.compile(r"^[0-9a-f]{64}$"))
    expect(no_js_page.get_by_test_id("tickets").locator("tbody tr")).to_have_count(2)
    page.get_by_role("link", name="추첨 명단, 시드와 검증 방법").click()
    expect(page.get_by_test_id("tickets").locator("tbody tr").first).to_contain_text("선정")
    assert_accessible(page)
