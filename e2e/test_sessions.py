"""Issue 16: a course meets on the days its pattern gives. Staff choose 화·목 in the cohort's form;
the program's page lists the sessions and the calendar shows the course on those days only; a
closure day takes a session out; a busy day lists three entries and links to all of them; and the
demo month stays a few screens long on a desktop and on a phone."""

from __future__ import annotations

import calendar as month_math
import itertools
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from jobcenter.schedule.recurrence import rule_days

SEOUL = ZoneInfo("Asia/Seoul")
TUESDAY, THURSDAY = 1, 3
_course_numbers = itertools.count(1)


def _today() -> date:
    return datetime.now(SEOUL).date()


def _month_cell(page: Page, day: date):
    """The month grid's cell of `day` (the calendar must show its month)."""
    return page.locator(".month-grid td:not(.day--outside)").filter(has=page.locator(".day__number", has_text=re.compile(rf"^{day.day}(\D|$)")))


def _agenda_days_with(page: Page, title: str) -> set[str]:
    """The days of the agenda's week (2026년 12월 3일) that list an entry with `title`."""
    expect(page.get_by_test_id("agenda")).to_be_visible()
    headings = page.evaluate(
        """title => [...document.querySelectorAll('.agenda .agenda__day')]
             .filter(heading => heading.nextElementSibling.textContent.includes(title)).map(heading => heading.textContent)""",
        title,
    )
    return {re.sub(r" \(.*", "", heading).strip() for heading in headings}


def _new_cohort_on_tuesdays_and_thursdays(page: Page, program: str, first: date, last: date) -> None:
    page.goto(f"/staff/programs?q={program}")
    page.get_by_role("link", name=program).first.click()
    page.get_by_role("link", name="새 기수").click()
    page.get_by_label("기수 이름").fill("2기")
    page.get_by_label("첫날").fill(first.isoformat())
    page.get_by_label("마지막 날").fill(last.isoformat())
    expect(page.get_by_role("radio", name="매주 정해진 요일")).to_be_checked()
    for weekday in ("월요일", "수요일", "금요일"):
        page.get_by_label(weekday, exact=True).uncheck()
    page.get_by_label("시작 시각").fill("10:00")
    page.get_by_label("종료 시각").fill("12:00")
    page.get_by_label("장소").fill("김포시일자리센터 교육장")
    page.get_by_label("정원").fill("15")
    page.get_by_label("접수 시작").fill(f"{_today() - timedelta(days=1):%Y-%m-%d}T09:00")
    page.get_by_label("접수 마감").fill(f"{first - timedelta(days=1):%Y-%m-%d}T18:00")
    page.get_by_role("button", name="저장").click()
    expect(page.get_by_test_id("flash")).to_have_text("만들었습니다.")


def test_staff_give_a_course_tuesdays_and_thursdays_and_citizens_see_those_days_only(
    page: Page, seed, staff_login, assert_accessible
) -> None:
    program = f"화목 디지털 교실 {next(_course_numbers)}"
    seed("open_program", program, "10")
    first = _today() + timedelta(days=21 + (TUESDAY - _today().weekday()) % 7)  # a Tuesday three weeks on
    last = first + timedelta(days=9)  # the Thursday of the week after
    meets = rule_days("FREQ=WEEKLY;BYDAY=TU,TH", first, first, last, skip_holidays=True)
    staff_login(page)
    _new_cohort_on_tuesdays_and_thursdays(page, program, first, last)

    page.goto("/programs?q=" + program)
    page.get_by_role("link", name=program).first.click()
    cohort = page.get_by_test_id("cohort").filter(has_text="2기")
    sessions = cohort.get_by_test_id("sessions")
    expect(sessions.locator("summary")).to_have_text(f"총 {len(meets)}회: 날짜 보기")
    sessions.locator("summary").click()
    expect(sessions.locator("li")).to_have_count(len(meets))
    for item, day in zip(sessions.locator("li").all_inner_texts(), meets, strict=True):
        assert item.startswith(f"{day.month}월 {day.day}일"), item
    assert_accessible(page)

    # The agenda lists every entry of a day (a cell of the grid, three): the course's two weeks.
    week = next(number for number, days in enumerate(month_math.Calendar(6).monthdatescalendar(first.year, first.month), 1) if first in days)
    page.goto(f"/events?month={first:%Y-%m}&category=program&view=agenda&week={week}")
    shown = _agenda_days_with(page, f"{program} (2기)")
    page.get_by_test_id("next-week").click()
    expect(page).to_have_url(re.compile(rf"week=({week + 1}|1|2)$"))
    shown |= _agenda_days_with(page, f"{program} (2기)")
    assert shown == {f"{day.year}년 {day.month}월 {day.day}일" for day in meets}


def test_a_closure_day_takes_a_session_out_and_the_calendar_says_why(page: Page, seed, staff_login, assert_accessible) -> None:
    program = f"휴관 연습 과정 {next(_course_numbers)}"
    seed("open_program", program, "10")
    first = _today() + timedelta(days=35 + (TUESDAY - _today().weekday()) % 7)
    last = first + timedelta(days=2)  # Tuesday and Thursday
    staff_login(page)
    _new_cohort_on_tuesdays_and_thursdays(page, program, first, last)

    page.goto("/staff/calendar")
    page.get_by_test_id("closures-link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("휴관일")
    assert_accessible(page)
    page.get_by_role("button", name="휴관일 추가하기").click()
    expect(page.get_by_test_id("error-summary")).to_be_focused()
    assert_accessible(page)
    page.get_by_label("날짜").fill((first + timedelta(days=2)).isoformat())
    page.get_by_label("사유").fill("임시공휴일 (연습)")
    page.get_by_role("button", name="휴관일 추가하기").click()
    expect(page.get_by_test_id("flash")).to_have_text("만들었습니다.")
    expect(page.get_by_test_id("closures")).to_contain_text("임시공휴일 (연습)")
    assert_accessible(page)

    page.goto(f"/events?month={first + timedelta(days=2):%Y-%m}")
    expect(_month_cell(page, first + timedelta(days=2))).to_contain_text("임시공휴일 (연습)")
    page.goto(f"/events/days/{first + timedelta(days=2)}")
    expect(page.locator(".day__holiday")).to_have_text("임시공휴일 (연습)")
    expect(page.locator("[data-testid=entry]").filter(has_text=program)).to_have_count(0)
    page.goto(f"/events/days/{first}")
    expect(page.locator("[data-testid=entry]").filter(has_text=program)).to_have_count(1)

    page.goto("/staff/calendar/closures")
    page.get_by_role("button", name=re.compile("휴관 취소")).last.click()
    expect(page.get_by_test_id("flash")).to_have_text("삭제했습니다.")


def test_a_busy_day_shows_three_entries_and_its_own_page_lists_them_all(page: Page, seed, assert_accessible) -> None:
    day = _today() + timedelta(days=50)
    for hour in ("15:00", "09:00", "13:00", "11:00"):
        seed("course", f"바쁜 날 과정 {hour}", day.isoformat(), hour)

    page.goto(f"/events?month={day:%Y-%m}")
    cell = _month_cell(page, day)
    expect(cell.locator("[data-testid=entry]")).to_have_count(3)
    more = cell.get_by_test_id("more")
    expect(more).to_contain_text("개 더보기")
    more.click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(f"{day.month}월 {day.day}일")
    times = page.get_by_test_id("day-entries").locator(".entry__time").all_inner_texts()
    assert times == sorted(times) and {"09:00", "11:00", "13:00", "15:00"} <= set(times)
    assert_accessible(page)


@pytest.mark.browser_only
def test_the_demo_month_is_a_few_screens_tall_on_a_desktop_and_a_week_on_a_phone(page: Page, assert_accessible) -> None:
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/events")
    expect(page.locator(".month-grid")).to_be_visible()
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= 3 * 900, f"{height} px"

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/events")
    expect(page.get_by_test_id("agenda")).to_be_visible()
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= 4 * 844, f"{height} px"
    this_week = page.locator(".agenda__week").inner_text()
    page.get_by_test_id("next-week").click()
    expect(page.locator(".agenda__week")).not_to_have_text(this_week)
    expect(page).to_have_url(re.compile(r"week=\d"))
    assert_accessible(page)


def test_staff_cancel_one_session_by_keyboard_and_the_program_page_says_so(page: Page, seed, staff_login, assert_accessible) -> None:
    program = f"휴강 연습 과정 {next(_course_numbers)}"
    seed("open_program", program, "10")
    first = _today() + timedelta(days=28 + (TUESDAY - _today().weekday()) % 7)
    staff_login(page)
    _new_cohort_on_tuesdays_and_thursdays(page, program, first, first + timedelta(days=9))

    page.get_by_role("link", name="회차 2기").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("2기 회차")
    assert_accessible(page)
    page.get_by_test_id("sessions").get_by_role("link", name="2회차").click()
    page.get_by_role("button", name="이 회차 휴강하기").click()
    expect(page.get_by_test_id("error-summary")).to_be_focused()
    assert_accessible(page)

    page.get_by_label("취소 사유").focus()
    page.keyboard.type("강사 사정으로 휴강합니다")
    page.keyboard.press("Enter")

    expect(page.get_by_test_id("flash")).to_contain_text("취소했습니다")
    expect(page.get_by_test_id("cancelled")).to_contain_text("강사 사정으로 휴강합니다")
    assert_accessible(page)
    page.goto("/programs?q=" + program)
    page.get_by_role("link", name=program).first.click()
    sessions = page.get_by_test_id("cohort").filter(has_text="2기").get_by_test_id("sessions")
    sessions.locator("summary").click()
    expect(sessions.locator(".sessions__off")).to_contain_text("강사 사정으로 휴강합니다")


def test_staff_repeat_a_lecture_every_month_and_its_cohorts_are_made_ahead(page: Page, seed, staff_login, assert_accessible) -> None:
    program = f"매월 특강 연습 {next(_course_numbers)}"
    seed("open_program", program, "10")
    staff_login(page)
    page.goto(f"/staff/programs?q={program}")
    page.get_by_role("link", name=program).click()
    expect(page.get_by_test_id("cohort-row")).to_have_count(1)

    page.get_by_role("link", name="반복 기수 만들기").click()
    expect(page.get_by_role("radio", name=re.compile("^매월 정해진 주의 요일"))).to_be_checked()
    page.get_by_role("button", name="저장하고 기수 만들기").click()
    expect(page.get_by_test_id("error-summary")).to_be_focused()
    assert_accessible(page)
    page.get_by_label("장소").fill("김포시일자리센터 대강당")
    page.get_by_label("정원", exact=True).fill("50")
    page.get_by_role("button", name="저장하고 기수 만들기").click()

    expect(page.get_by_test_id("flash")).to_have_text("만들었습니다.")
    expect(page.get_by_test_id("series-row")).to_contain_text("매월 둘째 목요일")
    assert page.get_by_test_id("cohort-row").count() >= 3  # three months of 2nd Thursdays, a holiday perhaps left out
    assert_accessible(page)
