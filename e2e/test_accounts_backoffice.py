"""The center's news in the back office: written, previewed as it arrives, sent."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def test_news_is_previewed_then_sent(page: Page, staff_login, assert_accessible) -> None:
    staff_login(page)
    page.get_by_role("link", name="소식 보내기").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("시민에게 소식 보내기")
    assert_accessible(page)

    page.get_by_label("소식 내용").fill("12월 15일 시니어 일자리 박람회가 열립니다.")
    page.get_by_role("button", name="미리 보기").click()

    preview = page.get_by_test_id("news-preview")
    expect(preview).to_contain_text("(광고) 김포시일자리센터")
    expect(preview).to_contain_text("12월 15일 시니어 일자리 박람회가 열립니다.")
    assert_accessible(page)
    page.get_by_test_id("send-news").click()

    expect(page.get_by_test_id("flash")).to_have_text("수신에 동의한 모든 분께 소식을 보내도록 등록했습니다.")
    assert_accessible(page)
