"""Finding a program in the catalog, with JavaScript and without."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from e2e.pages import CatalogPage

DEMO_PROGRAMS = 11
FOR_SENIORS = 4  # 청소전문교육, 어르신 디지털 일자리 기초교육, and the two programs for everyone


@pytest.mark.browser_only
def test_an_audience_filter_swaps_only_the_results_and_back_restores_them(page: Page, assert_accessible) -> None:
    catalog = CatalogPage(page).open()
    catalog.expect_count(DEMO_PROGRAMS)
    page.evaluate("window.notReloaded = true")

    catalog.choose_audience("senior")

    expect(page).to_have_url(re.compile(r"/programs\?audience=senior$"))
    catalog.expect_count(FOR_SENIORS)
    assert set(catalog.audience_tags()) == {"어르신", "전체"}
    assert page.evaluate("window.notReloaded") is True, "the page was reloaded instead of swapped"
    expect(catalog.audience("senior")).to_be_focused()
    expect(page.locator("#live-status")).to_have_text(f"프로그램 {FOR_SENIORS}개")
    assert_accessible(page)

    page.go_back()

    expect(page).to_have_url(re.compile(r"/programs$"))
    catalog.expect_count(DEMO_PROGRAMS)
    expect(catalog.audience("any")).to_be_checked()


def test_a_shared_filtered_link_gives_the_same_view(page: Page) -> None:
    catalog = CatalogPage(page).open("?audience=senior")

    catalog.expect_count(FOR_SENIORS)
    expect(catalog.audience("senior")).to_be_checked()


def test_without_javascript_the_filters_are_a_plain_form(no_js_page: Page) -> None:
    catalog = CatalogPage(no_js_page).open()
    catalog.expect_count(DEMO_PROGRAMS)

    catalog.choose_audience("senior")
    no_js_page.get_by_role("button", name="검색").click()

    expect(no_js_page).to_have_url(re.compile(r"/programs\?audience=senior"))
    catalog.expect_count(FOR_SENIORS)
    assert set(catalog.audience_tags()) == {"어르신", "전체"}

    no_js_page.go_back()

    catalog.expect_count(DEMO_PROGRAMS)


def test_open_now_and_paging(page: Page, assert_accessible) -> None:
    catalog = CatalogPage(page).open()
    expect(catalog.cards).to_have_count(10)

    page.get_by_role("link", name="다음").click()

    expect(page).to_have_url(re.compile(r"page=2"))
    expect(catalog.cards).to_have_count(DEMO_PROGRAMS - 10)
    expect(catalog.result_heading).to_be_focused()

    page.get_by_test_id("open-only").check()

    expect(page).to_have_url(re.compile(r"/programs\?open=1$"))
    expect(catalog.cards.locator("[data-testid=status]")).to_have_text(["접수 중"] * catalog.cards.count())
    assert_accessible(page)


def test_an_empty_result_says_so_and_passes_axe(page: Page, assert_accessible) -> None:
    catalog = CatalogPage(page).open()

    catalog.search("우주비행사")

    expect(page.get_by_test_id("empty-results")).to_contain_text("조건에 맞는 프로그램이 없습니다")
    expect(page).to_have_url(re.compile(r"q=%EC%9A%B0"))
    assert_accessible(page)
