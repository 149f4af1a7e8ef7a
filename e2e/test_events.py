"""행사·일정: month navigation with and without JavaScript, filtering, an event page, registering,
the agenda on a phone, and a cancelled date."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from e2e.pages import SignupPage, new_mobile


@pytest.mark.browser_only
def test_month_navigation_swaps_the_calendar_and_back_restores_it(page: Page, assert_accessible) -> None:
    page.goto("/events")
    title = page.locator("#calendar-title")
    this_month = title.inner_text()
    page.evaluate("window.notReloaded = true")
    assert_accessible(page)

    page.get_by_test_id("next-month").click()

    expect(title).not_to_have_text(this_month)
    expect(page).to_have_url(re.compile(r"/events\?month=\d{4}-\d{2}$"))
    expect(title).to_be_focused()
    assert page.evaluate("window.notReloaded") is True
    assert_accessible(page)

    page.go_back()
    expect(title).to_have_text(this_month)


def test_month_navigation_and_filters_without_javascript(no_js_page: Page) -> None:
    no_js_page.goto("/events")
    this_month = no_js_page.locator("#calendar-title").inner_text()

    no_js_page.get_by_test_id("next-month").click()
    expect(no_js_page.locator("#calendar-title")).not_to_have_text(this_month)

    no_js_page.get_by_label("분류").select_option("job_bus")
    no_js_page.get_by_role("button", name="보기").click()
    expect(no_js_page).to_have_url(re.compile(r"category=job_bus"))
    categories = set(no_js_page.locator(".agenda .entry__category").all_inner_texts())
    assert categories <= {"찾아가는 일자리 버스"}


def test_filtering_by_category_with_javascript_keeps_the_month(page: Page, assert_accessible) -> None:
    page.goto("/events")
    page.get_by_test_id("next-month").click()
    expect(page).to_have_url(re.compile(r"month="))
    found = re.search(r"month=([\d-]+)", page.url)
    assert found is not None
    month = found.group(1)

    page.get_by_label("분류").select_option("campus")

    expect(page).to_have_url(re.compile(rf"month={month}&category=campus"))
    expect(page.locator(".month-grid .entry__category").first).to_have_text("캠퍼스 상담")
    assert set(page.locator(".month-grid .entry__category").all_inner_texts()) == {"캠퍼스 상담"}
    assert_accessible(page)


@pytest.mark.browser_only
def test_the_agenda_on_a_320_px_phone(page: Page, assert_accessible) -> None:
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto("/events")

    expect(page.get_by_test_id("agenda")).to_be_visible()
    expect(page.locator(".month-grid")).to_be_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)


def test_a_cancelled_date_says_so_and_passes_axe(page: Page, assert_accessible) -> None:
    page.goto("/events?category=job_bus")
    cancelled = page.locator(".month-grid [data-testid=entry]").filter(has_text="취소").first
    if cancelled.count() == 0:
        page.get_by_test_id("next-month").click()
        cancelled = page.locator(".month-grid [data-testid=entry]").filter(has_text="취소").first

    cancelled.click()

    expect(page.get_by_test_id("cancelled")).to_contain_text("이 일정은 취소되었습니다.")
    assert_accessible(page)


def test_registering_for_an_accompanied_interview_session(page: Page, assert_accessible) -> None:
    page.goto("/signup?next=/events%3Fcategory%3Daccompanied_interview")
    SignupPage(page).fill(name="동행면접 신청자", mobile=new_mobile(), password="김포 한강 2026 봄날", birth_year="1970")
    SignupPage(page).submit()
    expect(page).to_have_url(re.compile(r"category=accompanied_interview"))
    page.get_by_test_id("next-month").click()
    expect(page).to_have_url(re.compile(r"month="))
    next_month = page.url
    # The next session taking registrations: this month's later Thursdays, or next month's first.
    month_part = re.search(r"month=[\d-]+", next_month)
    assert month_part is not None
    for agenda in (next_month.replace(month_part.group(0), ""), next_month):
        page.goto(agenda)
        entries = page.locator(".month-grid [data-testid=entry]")
        for index in range(entries.count()):
            page.goto(agenda)
            entries.nth(index).click()
            if page.get_by_test_id("apply-form").count():
                break
        if page.get_by_test_id("apply-form").count():
            break
    expect(page.get_by_role("heading", level=1)).to_have_text("동행면접 신청 상담")
    assert_accessible(page)

    page.get_by_test_id("apply-form").get_by_role("button").click()

    expect(page.locator(".result__headline")).to_have_text("신청 완료")
    assert_accessible(page)
