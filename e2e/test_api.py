"""Issue 19: the open data API's documentation page, for the developers of other sites: reached from
the footer, drawn by the site alone (its CSP, no request elsewhere, no script refused), readable by
screen readers, and its "try it" links answer the JSON the pages show."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser_only  # the page is drawn from the OpenAPI document, the same on any database


def test_the_api_documentation_loads_within_the_csp_from_the_site_alone_and_passes_axe(page: Page, base_url: str, assert_accessible) -> None:
    requested: list[str] = []
    refused: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
    page.goto("/programs")

    with page.expect_response(lambda response: response.url.endswith("/api/docs")) as answer:
        page.get_by_test_id("api-docs-link").click()

    assert "script-src 'self'" in answer.value.headers["content-security-policy"]
    expect(page.get_by_role("heading", level=1)).to_have_text("공개 데이터 API")
    expect(page.get_by_role("heading", name="GET /api/v1/events", exact=True)).to_be_visible()
    expect(page.get_by_role("region", name="/api/v1/programs의 매개변수")).to_contain_text("이 생애 단계 대상 프로그램")
    assert_accessible(page)
    assert [url for url in requested if not url.startswith(base_url)] == []
    assert refused == []


def test_try_it_answers_the_programs_the_catalog_shows(page: Page) -> None:
    page.goto("/api/docs")

    page.get_by_role("link", name="열어 보기 /api/v1/programs", exact=True).click()

    body = json.loads(page.locator("body").inner_text())
    assert "경비신임교육" in [item["title"] for item in body["items"]]
    assert body["paging"]["page"] == 1
