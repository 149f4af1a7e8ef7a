"""Home, a program's page, the error page, the language switch, small screens and the keyboard."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from e2e.pages import CatalogPage


def test_the_home_page_leads_to_programs_for_a_life_stage(page: Page, assert_accessible) -> None:
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    expect(page.get_by_role("heading", level=1)).to_have_text("김포시일자리센터")
    assert_accessible(page)

    page.get_by_test_id("life-stage-youth").click()

    expect(page).to_have_url(re.compile(r"/programs\?audience=youth$"))
    expect(CatalogPage(page).audience("youth")).to_be_checked()


def test_a_program_page_shows_its_cohorts_and_passes_axe(page: Page, assert_accessible) -> None:
    CatalogPage(page).open("?q=경비신임교육")
    page.get_by_role("link", name="경비신임교육").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("경비신임교육")
    expect(page.get_by_test_id("cohort")).to_have_count(2)
    expect(page.get_by_test_id("cohort").filter(has_text="제8기")).to_contain_text("접수 중")
    assert_accessible(page)


def test_the_privacy_policy_is_one_click_from_the_footer_and_passes_axe(page: Page, assert_accessible) -> None:
    page.goto("/programs")
    page.get_by_test_id("privacy-link").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("개인정보 처리방침")
    expect(page.get_by_role("heading", name="개인정보 보호책임자")).to_be_visible()
    assert_accessible(page)


def test_an_upcoming_program_says_when_applications_open(page: Page) -> None:
    CatalogPage(page).open("?q=청소전문교육")
    page.get_by_role("link", name="청소전문교육").click()

    expect(page.locator(".notice")).to_contain_text("접수를 시작합니다")


def test_the_404_page_is_in_korean_and_passes_axe(page: Page, assert_accessible) -> None:
    response = page.goto("/programs/999999")

    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("페이지를 찾을 수 없습니다")
    assert_accessible(page)


def test_english_is_one_click_away_and_korean_comes_back(page: Page, assert_accessible) -> None:
    page.goto("/programs?audience=youth")

    page.get_by_role("link", name="English").click()

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(re.compile(r"/programs\?audience=youth$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Programs")
    assert_accessible(page)

    page.get_by_role("link", name="한국어").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("교육·프로그램")


@pytest.mark.browser_only
@pytest.mark.parametrize("path", ["/", "/programs", "/programs?q=경비"])
def test_nothing_scrolls_sideways_on_a_320_px_phone(page: Page, path: str) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(path)

    assert page.evaluate("document.documentElement.scrollWidth") <= 320


@pytest.mark.browser_only
def test_the_skip_link_is_the_first_stop_and_moves_to_the_content(page: Page) -> None:
    page.goto("/programs")

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="본문 바로가기")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.locator("#main")).to_be_focused()


@pytest.mark.browser_only
@pytest.mark.parametrize("path", ["/", "/programs", "/programs?q=경비"])
def test_text_zoomed_to_200_percent_loses_nothing_sideways(page: Page, path: str) -> None:
    page.set_viewport_size({"width": 640, "height": 800})
    page.goto(path)

    page.evaluate("document.documentElement.style.fontSize = '200%'")

    assert page.evaluate("document.documentElement.scrollWidth") <= 640
