"""Follow-up calls (사후 해피콜): a counsellor records that someone found a job, finds the call that is
due, records what the person said (in the list's row, or on the call's page without JavaScript), and
reads the summary by program. axe finds nothing on each page and state."""

from __future__ import annotations

import re
import time
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from e2e.pages import CallOutcomeForm, FollowUpCallsPage, PlacementFormPage, StaffCitizensPage


def _someone_who_applied(seed, name: str) -> tuple[str, str]:
    """A new program open now, and `name` with a seat in it: (program title, mobile number)."""
    unique = time.monotonic_ns() % 10**8
    title = f"해피콜 연습 과정 {unique}"
    mobile = f"010{unique:08d}"
    seed("open_program", title, "20")
    seed("citizen", name, mobile, "1988", title)
    return title, mobile


def _record_a_job(page: Page, name: str, mobile: str, program: str, days_ago: int) -> PlacementFormPage:
    """From the citizen's page, the job form, filled: it started `days_ago` days ago."""
    citizens = StaffCitizensPage(page).open()
    citizens.search(mobile)
    citizens.open_citizen(name)
    page.get_by_role("link", name="취업 기록").click()
    form = PlacementFormPage(page)
    expect(form.person).to_contain_text(f"010-****-{mobile[-4:]}")
    form.fill(company="김포스마트물류", position="물류 사무", first_day=(date.today() - timedelta(days=days_ago)).isoformat(), program=program)
    return form


def test_a_job_its_due_call_recorded_in_the_list_and_the_summary(page: Page, staff_login, seed, assert_accessible) -> None:
    program, mobile = _someone_who_applied(seed, "한해피")
    staff_login(page)
    form = _record_a_job(page, "한해피", mobile, program, days_ago=40)
    page.get_by_label("회사 이름").fill("")
    assert_accessible(page)

    form.save()

    expect(page).to_have_title(re.compile(r"^오류: "))
    expect(page.get_by_test_id("error-summary")).to_be_focused()
    expect(page.get_by_label("직무")).to_have_value("물류 사무")
    assert_accessible(page)
    page.get_by_label("회사 이름").fill("김포스마트물류")
    form.save()

    expect(page.get_by_test_id("flash")).to_have_text("취업을 기록하고 해피콜 일정을 잡았습니다.")
    calls = FollowUpCallsPage(page)
    expect(calls.rows).to_have_count(3)
    expect(calls.rows.first).to_contain_text("1개월")
    assert_accessible(page)

    calls.open(view="due")
    expect(calls.row("한해피")).to_have_count(1)
    expect(calls.row("한해피")).to_contain_text("일 지남")
    assert_accessible(page)
    page.evaluate("window.notReloaded = true")
    row = calls.open_outcome("한해피")

    outcome = CallOutcomeForm(row)
    expect(row.get_by_role("heading", name="한해피 님 1개월 해피콜 결과")).to_be_focused()
    assert_accessible(page)
    outcome.save()

    expect(outcome.error_summary).to_contain_text("연락이 되었는지 고르세요.")
    expect(row.get_by_role("heading", name="한해피 님 1개월 해피콜 결과")).to_be_focused()
    assert_accessible(page)
    outcome.answer(reached=True, still_employed=True, thinking_of_leaving=True, reason="근무 시간", difficulties="야간 근무가 힘들다고 함")
    outcome.save()

    expect(row.get_by_test_id("call-outcome")).to_contain_text("재직 중, 퇴사 고민 근무 시간")
    expect(row.get_by_test_id("open-outcome")).to_be_focused()
    expect(page.locator("#live-status")).to_contain_text("기록했습니다.")
    assert page.evaluate("window.notReloaded") is True, "the page was reloaded instead of swapped"
    assert_accessible(page)

    calls.show("프로그램별 요약")

    line = calls.summary_line(program)
    expect(line.get_by_test_id("placements")).to_have_text("1")
    expect(line.get_by_test_id("m1-made")).to_have_text("1")
    expect(line.get_by_test_id("m1-employed")).to_have_text("1")
    expect(line.get_by_test_id("m1-rate")).to_have_text("100%")
    expect(calls.reasons_line(program).get_by_test_id("reason-hours")).to_have_text("퇴사 0 · 고민 1")
    assert_accessible(page)


@pytest.mark.browser_only
def test_the_outcome_form_in_a_row_can_be_put_away_with_the_keyboard(page: Page, staff_login, seed) -> None:
    program, mobile = _someone_who_applied(seed, "세해피")
    staff_login(page)
    _record_a_job(page, "세해피", mobile, program, days_ago=35).save()
    calls = FollowUpCallsPage(page).open()
    link = calls.row("세해피").get_by_test_id("open-outcome")

    link.focus()
    page.keyboard.press("Enter")
    row = calls.row("세해피")
    expect(row.get_by_role("heading", name="세해피 님 1개월 해피콜 결과")).to_be_focused()
    row.get_by_role("link", name="취소").focus()
    page.keyboard.press("Enter")

    expect(row.get_by_test_id("outcome-form")).to_have_count(0)
    expect(row.get_by_test_id("open-outcome")).to_be_focused()


def test_a_call_page_its_number_its_errors_and_the_not_reached_list_pass_axe(page: Page, staff_login, seed, assert_accessible) -> None:
    program, mobile = _someone_who_applied(seed, "네해피")
    staff_login(page)
    _record_a_job(page, "네해피", mobile, program, days_ago=45).save()
    calls = FollowUpCallsPage(page).open()
    href = calls.row("네해피").get_by_test_id("open-outcome").get_attribute("href")
    assert href is not None
    page.goto(href)
    expect(page.get_by_role("heading", level=1)).to_have_text("네해피 님 해피콜")
    assert_accessible(page)

    page.get_by_role("button", name="번호 보기").click()

    expect(page.get_by_test_id("mobile-number")).to_be_focused()
    expect(page.get_by_test_id("mobile-number")).to_have_text(f"010-{mobile[3:7]}-{mobile[7:]}")
    assert_accessible(page)
    outcome = CallOutcomeForm(page)
    outcome.answer(reached=True, still_employed=False)
    outcome.save()

    expect(page).to_have_title(re.compile(r"^오류: "))
    expect(outcome.error_summary).to_be_focused()
    expect(outcome.error_summary).to_contain_text("그만둔 이유를 고르세요.")
    assert_accessible(page)
    outcome.answer(reached=False, note="받지 않아 문자를 남김")
    outcome.save()

    expect(page.get_by_test_id("flash")).to_have_text("기록했습니다.")
    calls.show("연락 안 됨")
    expect(calls.row("네해피")).to_contain_text("연락 안 됨")
    assert_accessible(page)


def test_without_javascript_a_call_not_reached_is_recorded_on_its_page(no_js_page: Page, staff_login, seed) -> None:
    """(axe-core needs JavaScript: the same pages are scanned in the test above.)"""
    page = no_js_page
    program, mobile = _someone_who_applied(seed, "두해피")
    staff_login(page)
    _record_a_job(page, "두해피", mobile, program, days_ago=100).save()
    calls = FollowUpCallsPage(page).open()
    expect(calls.row("두해피")).to_have_count(2)  # the 1- and 3-month calls are both due

    calls.open_outcome("두해피")

    expect(page).to_have_url(re.compile(r"/staff/calls/\d+$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("두해피 님 해피콜")
    page.get_by_role("button", name="번호 보기").click()
    expect(page.get_by_test_id("mobile-number")).to_have_text(f"010-{mobile[3:7]}-{mobile[7:]}")
    outcome = CallOutcomeForm(page)
    outcome.answer(reached=True, still_employed=False)
    outcome.save()

    expect(page).to_have_title(re.compile(r"^오류: "))
    expect(outcome.error_summary).to_contain_text("그만둔 이유를 고르세요.")
    outcome.answer(reached=False, note="받지 않아 문자를 남김")
    outcome.save()

    expect(page.get_by_test_id("flash")).to_have_text("기록했습니다.")
    expect(calls.row("두해피")).to_have_count(1)
    calls.show("연락 안 됨")
    expect(calls.row("두해피")).to_contain_text("연락 안 됨")
    expect(calls.row("두해피").get_by_test_id("open-outcome")).to_contain_text("다시 건 결과 기록")
