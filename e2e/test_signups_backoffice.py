"""Rosters and programs in the back office: a phone applicant signed up, people checked in at a
session by keyboard, without JavaScript and by confirmation number, the roster and the completion
list exported, a session's sign-in sheet printed, and every state passes axe."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from e2e.pages import RosterPage, SessionAttendancePage


def test_staff_sign_up_a_phone_applicant_and_check_them_in_at_todays_session(page: Page, seed, staff_login, assert_accessible) -> None:
    seed("course_today", "전화 신청 연습 과정", "5")
    staff_login(page)
    roster = RosterPage(page).open_for("전화 신청 연습 과정")
    assert_accessible(page)

    roster.sign_up_by_phone("010-3456-7890", "최민수", "1962", consent=False, landline="031-980-1234")
    expect(page).to_have_title(re.compile(r"^오류: "))
    expect(page.get_by_test_id("error-summary")).to_be_focused()
    assert_accessible(page)

    page.get_by_label("본인이 내용을 듣고 동의했습니다").check()
    page.get_by_role("button", name="이분 대신 신청하기").click()

    expect(page.get_by_test_id("flash")).to_have_text("신청을 접수했습니다.")
    line = roster.line("최민수")
    expect(line).to_contain_text("010-****-7890")
    expect(line).to_contain_text("직원")
    code = line.locator("code").inner_text()

    page.get_by_test_id("attendance-link").click()
    expect(page.get_by_test_id("attendance-grid")).to_contain_text("최민수")
    assert_accessible(page)
    page.get_by_test_id("attendance-grid").get_by_role("link", name=re.compile("^1회차")).click()
    session = SessionAttendancePage(page)
    session.check_in("ZZZZ9999")
    expect(page.get_by_role("textbox", name="확인번호")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)
    session.check_in(code)

    expect(page.get_by_test_id("checked-in")).to_have_text("최민수님 출석 처리했습니다.")
    expect(session.line("최민수").get_by_test_id("attendance")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("heading", level=2)).to_have_text("출석 1명 / 확정 1명")
    assert_accessible(page)

    session.line("최민수").get_by_role("link", name="최민수").click()
    landline = page.locator("#citizen-landline")
    expect(landline.get_by_test_id("mobile-number")).to_have_text("031-***-1234")
    landline.get_by_role("button", name="번호 보기").click()
    expect(landline.get_by_role("link", name="031-980-1234")).to_be_visible()
    assert_accessible(page)


def test_a_sessions_roster_works_with_the_keyboard_alone(page: Page, seed, staff_login) -> None:
    seed("course_today", "키보드 출석 과정", "3")
    seed("fill", "키보드 출석 과정", "0")
    staff_login(page)
    SessionAttendancePage(page).open_for("키보드 출석 과정")
    present = page.get_by_test_id("attendance").first
    present.focus()

    page.keyboard.press("Enter")

    expect(present).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_test_id("attendance").first).to_be_focused()
    page.keyboard.press("Space")
    expect(page.get_by_test_id("attendance").first).to_have_attribute("aria-pressed", "false")


def test_revealing_a_number_on_the_roster_works_with_the_keyboard_alone(page: Page, seed, staff_login) -> None:
    seed("open_program", "키보드 명단 과정", "3")
    seed("fill", "키보드 명단 과정", "1")
    staff_login(page)
    roster = RosterPage(page).open_for("키보드 명단 과정")
    reveal = page.get_by_role("button", name=re.compile("번호 보기")).first
    reveal.focus()

    page.keyboard.press("Enter")

    expect(page.get_by_test_id("revealed-mobile")).to_have_text(re.compile(r"^010-\d{4}-\d{4}$"))
    expect(roster.page.get_by_test_id("waitlist")).to_be_visible()


def test_attendance_at_a_session_without_javascript(no_js_page: Page, seed, staff_login) -> None:
    seed("course_today", "자바스크립트 없는 출석부", "2")
    seed("fill", "자바스크립트 없는 출석부", "0")
    staff_login(no_js_page)
    SessionAttendancePage(no_js_page).open_for("자바스크립트 없는 출석부")

    no_js_page.get_by_test_id("attendance").first.click()

    expect(no_js_page.get_by_test_id("attendance").first).to_have_attribute("aria-pressed", "true")
    expect(no_js_page.get_by_role("heading", level=2)).to_have_text("출석 1명 / 확정 2명")


def test_the_roster_and_the_completion_list_download_for_excel_and_a_session_prints_its_sign_in_sheet(
    page: Page, seed, staff_login, assert_accessible
) -> None:
    seed("course_today", "내보내기 과정", "2")
    seed("fill", "내보내기 과정", "1")
    staff_login(page)
    RosterPage(page).open_for("내보내기 과정")

    with page.expect_download() as download:
        page.get_by_role("link", name="CSV 내려받기(엑셀)").click()
    content = Path(download.value.path()).read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    assert "대기" in content.decode("utf-8-sig")

    page.get_by_test_id("attendance-link").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="수료 명단 CSV 내려받기(엑셀)").click()
    completion = Path(download.value.path()).read_bytes().decode("utf-8-sig").splitlines()
    assert completion[0].endswith("출석 회차,전체 회차,수료") and len(completion) == 3
    page.get_by_test_id("attendance-grid").get_by_role("link", name=re.compile("^1회차")).click()
    page.get_by_role("link", name="출석부 인쇄").click()
    expect(page.get_by_test_id("sign-in-sheet").locator("tbody tr")).to_have_count(2)
    assert_accessible(page)


def test_programs_and_cohorts_pages_pass_axe_in_every_state(page: Page, seed, staff_login, assert_accessible) -> None:
    staff_login(page)
    page.get_by_role("link", name="프로그램").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("교육·프로그램")
    assert_accessible(page)

    page.get_by_role("link", name="새 프로그램").click()
    page.get_by_role("button", name="저장").click()
    expect(page.get_by_test_id("error-summary")).to_be_focused()
    assert_accessible(page)

    page.get_by_label("제목").fill("접근성 점검 프로그램")
    page.get_by_role("button", name="저장").click()
    expect(page.get_by_test_id("flash")).to_have_text("만들었습니다.")
    assert_accessible(page)

    page.get_by_role("link", name="새 기수").click()
    assert_accessible(page)
    page.get_by_label("기수 이름").fill("1기")
    page.get_by_role("button", name="저장").click()
    expect(page.get_by_test_id("error-summary")).to_be_focused()
    assert_accessible(page)


def test_a_notice_to_the_roster_is_previewed_then_sent(page: Page, seed, staff_login, assert_accessible) -> None:
    seed("open_program", "안내 문자 연습 과정", "5")
    staff_login(page)
    roster = RosterPage(page).open_for("안내 문자 연습 과정")
    roster.sign_up_by_phone("010-3456-7811", "김안내", "1962", consent=True)
    page.get_by_role("link", name="안내 문자 보내기").click()
    assert_accessible(page)

    page.get_by_role("button", name="미리 보기").click()
    expect(page.get_by_test_id("error-summary")).to_contain_text("안내 내용을 입력하세요.")
    assert_accessible(page)

    page.get_by_label("안내 내용").fill("내일 교육은 3층 대회의실에서 합니다.")
    page.get_by_role("button", name="미리 보기").click()
    preview = page.get_by_test_id("notice-preview")
    expect(preview).to_contain_text("[안내 문자 연습 과정 1기] 내일 교육은 3층 대회의실에서 합니다.")
    expect(preview).to_contain_text("SMS")
    assert_accessible(page)

    page.get_by_role("button", name="1명에게 보내기").click()
    expect(page.get_by_test_id("flash")).to_have_text("안내를 받을 분마다 발송 대기열에 넣었습니다.")


def test_a_number_with_an_account_is_shown_to_staff_before_a_seat_is_added_to_it(page: Page, seed, staff_login, assert_accessible) -> None:
    seed("open_program", "계정 확인 연습 과정", "5")
    seed("citizen", "윤정숙", "010-4567-2468", "1957")
    staff_login(page)
    roster = RosterPage(page).open_for("계정 확인 연습 과정")
    page.get_by_role("link", name="전화·방문 신청 대신 접수").click()
    page.get_by_label("휴대전화 번호").fill("010-4567-2468")
    page.get_by_role("button", name="이분 대신 신청하기").click()

    shown = page.get_by_test_id("account-to-confirm")
    expect(shown).to_contain_text("윤정숙, 1957년생")
    expect(shown).to_be_focused()
    assert_accessible(page)
    page.get_by_role("button", name="윤정숙 님 계정으로 신청").click()

    expect(page.get_by_test_id("flash")).to_have_text("신청을 접수했습니다.")
    expect(roster.line("윤정숙")).to_contain_text("010-****-2468")
