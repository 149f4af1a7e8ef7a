"""The back-office calendar: staff build a series from a pattern in plain words and see its coming
dates before saving (with htmx, by keyboard, and without JavaScript), and cancel one date, which
the public calendar then shows as cancelled. axe on every page and state."""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, Route, expect

from e2e.pages import SeriesFormPage, StaffCalendarPage, StaffOccurrencePage

WEEKDAYS = ["월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일"]


def _unique(title: str) -> str:
    return f"{title} {time.monotonic_ns() % 1_000_000}"


def test_staff_see_the_coming_dates_before_creating_a_series(page: Page, staff_login, assert_accessible) -> None:
    staff_login(page)
    calendar = StaffCalendarPage(page).open()
    expect(page.get_by_role("heading", level=1)).to_have_text("행사 일정")
    assert_accessible(page)

    form = calendar.new_series()
    expect(page.get_by_role("heading", level=1)).to_have_text("새 반복 일정")
    assert_accessible(page)
    title = _unique("찾아가는 일자리 버스 (하성면)")
    form.describe(title=title, category="job_bus", place="하성면 행정복지센터 앞")
    form.schedule(first_day="2030-01-01", start="10:00", end="15:00")
    form.choose_pattern("매월 정해진 주의 요일")
    form.tick("둘째")
    form.tick("넷째")
    tuesday = page.get_by_label("화요일", exact=True)
    tuesday.focus()
    page.keyboard.press("Space")  # the preview follows each change of the pattern, focus stays put

    expect(form.preview_dates).to_have_count(10)
    expect(form.preview_dates.first).to_have_text("2030년 1월 8일 (화) 10:00~15:00")
    expect(tuesday).to_be_focused()
    expect(page.locator("#live-status")).to_contain_text("매월 둘째·넷째 화요일 (공휴일 제외)")
    assert_accessible(page)

    form.save()
    expect(page.get_by_test_id("flash")).to_have_text("만들었습니다.")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"반복 일정 수정: {title}")
    expect(form.preview_dates.first).to_have_text("2030년 1월 8일 (화) 10:00~15:00")
    assert_accessible(page)
    StaffCalendarPage(page).open()
    expect(page.get_by_test_id("series-list").get_by_role("row").filter(has_text=title)).to_contain_text("매월 둘째·넷째 화요일")


def test_a_series_with_a_last_day_previews_up_to_it_and_is_deleted_while_nobody_registered(
    page: Page, staff_login, assert_accessible
) -> None:
    staff_login(page)
    form = StaffCalendarPage(page).open().new_series()
    title = _unique("겨울 특강")
    form.describe(title=title, category="lecture", place="김포시일자리센터 교육장")
    form.schedule(first_day="2030-01-01", start="14:00", end="16:00")
    page.get_by_label("마지막 날").fill("2030-02-28")
    form.choose_pattern("매월 정해진 주의 요일")
    form.tick("둘째")
    form.tick("넷째")
    form.tick("화요일")
    form.press_preview()
    expect(form.preview_dates).to_have_count(4)
    form.save()
    expect(page.get_by_test_id("flash")).to_have_text("만들었습니다.")

    page.get_by_role("button", name=f"{title} 삭제").click()

    expect(page.get_by_test_id("flash")).to_have_text("삭제했습니다.")
    expect(page.get_by_role("heading", level=1)).to_have_text("행사 일정")
    assert_accessible(page)


def test_the_preview_button_by_keyboard_and_a_form_with_errors(page: Page, staff_login, assert_accessible) -> None:
    staff_login(page)
    form = StaffCalendarPage(page).open().new_series()
    form.choose_pattern("매월 정해진 날짜")
    page.get_by_label("날짜 (일)", exact=True).fill("31")
    form.schedule(first_day="2030-01-01", start="09:30", end="11:00")
    page.get_by_test_id("preview-button").focus()
    page.keyboard.press("Enter")

    expect(form.preview_dates).to_have_text([re.compile(rf"^2030년 {month}월 31일") for month in (1, 3, 5, 7, 8, 10, 12)] + [
        re.compile(r"^2031년 1월 31일"), re.compile(r"^2031년 3월 31일"), re.compile(r"^2031년 5월 31일")])
    expect(page.get_by_test_id("preview-button")).to_be_focused()

    form.save()  # no title, no category, no place
    expect(page).to_have_title(re.compile(r"^오류: "))
    expect(form.error_summary).to_be_focused()
    expect(form.error_summary.get_by_role("link")).to_have_text(["제목을 입력하세요.", "분류를 고르세요.", "장소를 입력하세요."])
    expect(page.get_by_label("날짜 (일)", exact=True)).to_have_value("31")
    assert_accessible(page)


@pytest.mark.browser_only
def test_a_slow_answer_never_replaces_the_dates_of_a_later_change(page: Page, staff_login) -> None:
    """Staff tick three weekdays while the server is slow to answer the first change: the dates
    shown are those of all three, never of an earlier state of the form."""
    staff_login(page)
    form = StaffCalendarPage(page).open().new_series()
    form.choose_pattern("매주 정해진 요일")
    form.schedule(first_day="2030-01-01", start="10:00", end="12:00")
    expect(form.preview).to_contain_text("요일을 하나 이상 고르세요.")
    expect(page.locator(".schedule")).not_to_have_class(re.compile("htmx-request"))  # all answered
    held: list[Route] = []

    def hold_the_first_preview(route: Route) -> None:
        if route.request.method == "POST" and not held:
            held.append(route)  # answered only after the later changes
        else:
            route.continue_()

    page.route("**/staff/calendar/new", hold_the_first_preview)
    form.tick("월요일")
    page.wait_for_function("() => document.querySelector('.schedule.htmx-request')")
    form.tick("수요일")
    form.tick("금요일")
    expect(form.preview_dates.nth(2)).to_have_text("2030년 1월 7일 (월) 10:00~12:00")
    held[0].continue_()
    page.unroute("**/staff/calendar/new")

    expect(page.locator("#series-preview")).not_to_have_class(re.compile("htmx-request"))
    expect(form.preview_dates.first).to_have_text("2030년 1월 2일 (수) 10:00~12:00")
    expect(form.preview_dates.nth(1)).to_have_text("2030년 1월 4일 (금) 10:00~12:00")
    expect(form.preview_dates.nth(2)).to_have_text("2030년 1월 7일 (월) 10:00~12:00")


def test_without_javascript_the_preview_button_shows_the_dates_in_the_form(no_js_page: Page, staff_login) -> None:
    staff_login(no_js_page)
    form = StaffCalendarPage(no_js_page).open().new_series()
    title = _unique("캠퍼스 취업상담")
    form.describe(title=title, category="campus", place="김포대학교 학생회관 2층")
    form.schedule(first_day="2030-01-07", start="13:00", end="17:00")
    form.choose_pattern("격주로 정해진 요일")
    form.tick("월요일")

    form.press_preview()

    expect(form.preview_dates.first).to_have_text("2030년 1월 7일 (월) 13:00~17:00")
    expect(form.preview_dates.nth(1)).to_have_text("2030년 1월 21일 (월) 13:00~17:00")
    expect(no_js_page.get_by_label("제목", exact=True)).to_have_value(title)
    form.save()
    expect(no_js_page.get_by_test_id("flash")).to_have_text("만들었습니다.")


def test_staff_cancel_one_date_and_the_public_calendar_shows_it_cancelled(page: Page, staff_login, assert_accessible) -> None:
    staff_login(page)
    first_day = datetime.now(ZoneInfo("Asia/Seoul")).date() + timedelta(days=7)
    form = StaffCalendarPage(page).open().new_series()
    title = _unique("구인·구직 만남의 날")
    form.describe(title=title, category="hiring_day", place="김포시일자리센터")
    form.schedule(first_day=first_day.isoformat(), start="14:00", end="16:00")
    page.get_by_label("공휴일에는 열지 않기").uncheck()
    form.tick(WEEKDAYS[first_day.weekday()])
    page.get_by_label("정원 (선택)", exact=True).fill("5")
    form.save()
    expect(page.get_by_test_id("flash")).to_have_text("만들었습니다.")

    occurrence = SeriesFormPage(page).open_date(0)
    expect(page.get_by_test_id("registrations")).to_contain_text("정원 5명 중 0명 확정")
    expect(page.get_by_test_id("roster-link")).to_have_attribute("href", re.compile(r"^/staff/rosters/\d+$"))
    assert_accessible(page)
    StaffOccurrencePage(page).cancel("참여 기업 사정으로 취소합니다")

    expect(page.get_by_test_id("flash")).to_have_text("취소했습니다. 신청자에게 알림이 발송됩니다.")
    expect(occurrence.cancelled_notice).to_contain_text("참여 기업 사정으로 취소합니다")
    assert_accessible(page)

    page.goto(f"/events/days/{first_day.isoformat()}")
    entry = page.locator("[data-testid=day-entries] [data-testid=entry]").filter(has_text=title).first
    expect(entry.locator(".entry__state")).to_have_text("취소")
    entry.click()
    expect(page.get_by_test_id("cancelled")).to_contain_text("참여 기업 사정으로 취소합니다")


def test_staff_list_the_companies_hiring_at_a_date_and_copy_them_to_the_next(page: Page, staff_login, assert_accessible) -> None:
    staff_login(page)
    StaffCalendarPage(page).open()
    page.get_by_role("link", name="구인·구직 만남의 날 수정").click()
    SeriesFormPage(page).open_date(1)
    companies = page.get_by_test_id("companies")
    assert_accessible(page)

    page.get_by_test_id("copy-companies").click()
    expect(page.get_by_test_id("flash")).to_have_text("저장했습니다.")
    copied = companies.locator("tbody tr").count()
    page.get_by_label("기업", exact=True).fill("(주)한강푸드")
    page.get_by_label("모집 직무").fill("식품 포장")
    page.get_by_label("채용 인원").fill("")
    page.get_by_role("button", name="참여 기업 추가").click()
    expect(page.get_by_test_id("error-summary")).to_be_focused()
    assert_accessible(page)
    page.get_by_label("채용 인원").fill("4")
    page.get_by_role("button", name="참여 기업 추가").click()

    expect(companies.locator("tbody tr")).to_have_count(copied + 1)
    expect(companies).to_contain_text("(주)한강푸드")
    assert_accessible(page)
