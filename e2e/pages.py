"""Page objects: what a person sees and does, named the way they would say it."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect


class CatalogPage:
    """/programs: filters above, results below."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def open(self, query: str = "") -> CatalogPage:
        self.page.goto(f"/programs{query}")
        return self

    @property
    def results(self) -> Locator:
        return self.page.locator("#catalog-results")

    @property
    def result_heading(self) -> Locator:
        return self.page.locator("#results-title")

    @property
    def cards(self) -> Locator:
        return self.page.get_by_test_id("program-card")

    def audience(self, value: str) -> Locator:
        return self.page.get_by_test_id(f"audience-{value}")

    def choose_audience(self, value: str) -> None:
        self.audience(value).check()

    def search(self, keyword: str) -> None:
        self.page.get_by_role("searchbox").fill(keyword)
        self.page.get_by_role("button", name="검색").click()

    def audience_tags(self) -> list[str]:
        return [text.strip() for text in self.cards.locator(".tag--audience").all_inner_texts()]

    def expect_count(self, count: int) -> None:
        expect(self.result_heading).to_have_text(f"프로그램 {count}개")
