"""Issue 18: a student books a Wednesday time at 김포제일공업고등학교 on a phone, moves it and
cancels it; without JavaScript, by keyboard, the same; a counsellor books a walk-in from the
person's page, sees the day and writes the record of the meeting; axe finds nothing on each page."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from e2e.pages import StaffCitizensPage, new_mobile
from e2e.seed import CITIZEN_PASSWORD

SCHOOL = "김포제일공업고등학교"


def log_in(page: Page, mobile: str) -> None:
    page.goto("/login")
    page.get_by_label("휴대전화 번호").fill(mobile)
    page.get_by_label("비밀번호").fill(CITIZEN_PASSWORD)
    page.get_by_role("button", name="로그인").click()
    expect(page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="내 신청 내역")).to_be_visible()


def test_a_student_books_a_wednesday_time_at_school_on_a_phone_moves_it_and_cancels_it(page: Page, seed, assert_accessible) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    mobile = new_mobile()
    seed("citizen", "공고학생", mobile, "2008")
    log_in(page, mobile)

    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="상담 예약").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("취업상담 예약")
    assert_accessible(page)
    page.get_by_test_id("counselling-place").get_by_role("link", name=SCHOOL).click()
    days = page.get_by_test_id("counselling-days").get_by_role("link")
    expect(days.first).to_contain_text("(수)")
    assert_accessible(page)

    page.get_by_role("button", name="이 시간으로 예약하기").click()
    expect(page.get_by_test_id("error-summary")).to_be_focused()
    expect(page.get_by_test_id("error-summary")).to_contain_text("시간을 고르세요.")
    assert_accessible(page)
    times = page.get_by_role("group", name="시간").get_by_role("radio")
    first_time = times.first.locator("xpath=..").inner_text().split("·")[0].strip()
    times.first.check()
    page.get_by_role("group", name="어떤 상담을 받고 싶으신가요?").get_by_label("이력서·면접").check()
    page.get_by_role("button", name="이 시간으로 예약하기").click()

    expect(page.get_by_test_id("flash")).to_contain_text("상담이 예약되었습니다")
    booking = page.get_by_test_id("booking").filter(has_text=SCHOOL)
    expect(booking.get_by_test_id("booking-state")).to_have_text("예약됨")
    expect(booking).to_contain_text(first_time.split("–")[0])
    assert_accessible(page)

    booking.get_by_role("link", name=re.compile("^시간 옮기기")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("상담 시간 옮기기")
    assert_accessible(page)
    page.get_by_role("group", name="시간").get_by_role("radio").nth(1).check()
    page.get_by_role("button", name="이 시간으로 옮기기").click()
    expect(page.get_by_test_id("flash")).to_contain_text("상담 시간을 옮겼습니다")
    expect(page.get_by_test_id("booking").filter(has_text=SCHOOL)).not_to_contain_text(first_time.split("–")[0] + " ")

    page.get_by_test_id("booking").filter(has_text=SCHOOL).get_by_role("button", name=re.compile("^예약 취소")).click()
    expect(page.get_by_test_id("flash")).to_have_text("상담 예약을 취소했습니다.")
    expect(page.get_by_test_id("booking").filter(has_text=SCHOOL).get_by_test_id("booking-state")).to_have_text("취소")
    assert_accessible(page)


def test_booking_works_without_javascript_and_by_keyboard(no_js_page: Page, seed) -> None:
    page = no_js_page
    mobile = new_mobile()
    seed("citizen", "키보드", mobile, "1970")
    log_in(page, mobile)
    page.goto("/counselling")
    page.get_by_test_id("counselling-place").get_by_role("link", name="김포시일자리센터").click()
    page.get_by_test_id("counselling-days").get_by_role("link").nth(1).click()
    expect(page).to_have_url(re.compile(r"day=\d{4}-\d{2}-\d{2}"))

    page.get_by_role("group", name="시간").get_by_role("radio").first.focus()
    page.keyboard.press("Space")
    page.get_by_role("group", name="어떤 상담을 받고 싶으신가요?").get_by_role("radio").first.focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="이 시간으로 예약하기").focus()
    page.keyboard.press("Enter")

    expect(page.get_by_test_id("flash")).to_contain_text("상담이 예약되었습니다")
    expect(page.get_by_test_id("booking").filter(has_text="김포시일자리센터")).to_have_count(1)


def test_a_counsellor_books_a_walk_in_sees_the_day_and_writes_the_record(page: Page, seed, staff_login, assert_accessible) -> None:
    mobile = new_mobile()
    seed("citizen", "방문상담", mobile, "1965")
    staff_login(page)
    citizens = StaffCitizensPage(page).open()
    citizens.search("방문상담")
    citizens.open_citizen("방문상담")
    page.get_by_role("link", name="상담 예약하기").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("방문상담님 상담 예약")
    assert_accessible(page)

    page.get_by_role("group", name="예약 경로").get_by_label("방문").check()
    times = page.get_by_role("group", name="시간").get_by_role("radio")
    times.first.check()
    page.get_by_role("group", name="어떤 상담을 받고 싶으신가요?").get_by_label("첫 상담 (무엇부터 할지)").check()
    page.get_by_role("button", name="이 시간으로 예약하기").click()

    expect(page.get_by_test_id("flash")).to_have_text("만들었습니다.")
    expect(page.get_by_test_id("booking-state")).to_contain_text("방문")
    assert_accessible(page)
    page.get_by_label("상담 내용").fill("처음 방문. 경비 일자리 희망, 신임교육 안내")
    page.get_by_label("다음 단계").fill("경비신임교육 신청 도움")
    page.get_by_role("button", name="기록 저장").click()
    expect(page.get_by_test_id("flash")).to_have_text("저장했습니다.")
    expect(page.get_by_test_id("record-written")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="예약 현황으로 돌아가기").click()
    expect(page.get_by_test_id("counselling-booking").filter(has_text="방문상담")).to_contain_text("기록 완료")
    assert_accessible(page)
    page.get_by_test_id("counselling-nav").get_by_role("link", name="상담 일정 관리").click()
    expect(page.get_by_test_id("pattern").first).to_be_visible()
    assert_accessible(page)


def test_a_counsellor_keeps_the_calendar_of_free_times_and_reads_the_month(page: Page, staff_login, assert_accessible) -> None:
    staff_login(page)
    page.goto("/staff/counselling/calendar")
    for link, button in (("상담 가능 시간 추가", "저장"), ("부재 추가", "저장"), ("상담사 추가", "저장"), ("장소 추가", "저장")):
        page.get_by_role("link", name=link).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(link)
        assert_accessible(page)
        page.get_by_role("button", name=button).click()
        expect(page.get_by_test_id("error-summary")).to_be_focused()
        assert_accessible(page)
        page.get_by_role("link", name="상담 일정 관리로 돌아가기").click()

    page.get_by_role("link", name="상담사 추가").click()
    page.get_by_label("이름", exact=True).fill("최상담")
    page.get_by_label("시민에게 알릴 이름").fill("상담")
    page.get_by_role("button", name="저장").click()
    expect(page.get_by_test_id("flash")).to_have_text("만들었습니다.")
    expect(page.get_by_test_id("counsellors")).to_contain_text("최상담")

    page.get_by_test_id("counselling-nav").get_by_role("link", name="요약").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("상담 현황")
    assert_accessible(page)


def test_a_campus_visit_on_the_calendar_leads_to_its_free_times(page: Page, assert_accessible) -> None:
    page.goto("/events?category=campus")
    page.get_by_role("link", name=re.compile("김포제일공업고등학교")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("김포제일공업고등학교")

    page.get_by_test_id("book-a-time").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(SCHOOL)
    expect(page.get_by_test_id("counselling-days").locator("[aria-current=date]")).to_contain_text("(수)")
    assert_accessible(page)
