"""Failed messages in the back office: reached from the dashboard, grouped by reason, sent again."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def test_failed_texts_are_shown_by_reason_and_sent_again(page: Page, seed, staff_login, assert_accessible) -> None:
    seed("failed_message", "1062: 유효하지 않은 수신번호")
    staff_login(page)
    page.get_by_test_id("failed-messages").get_by_role("link").click()
    row = page.get_by_test_id("failed-reasons").get_by_role("row", name="1062: 유효하지 않은 수신번호")
    expect(row).to_contain_text("문자")
    assert_accessible(page)

    row.get_by_role("button").click()

    expect(page.get_by_test_id("flash")).to_have_text("다시 발송 대기열에 넣었습니다. 1분 안에 나갑니다.")
    expect(page.get_by_test_id("failed-reasons").get_by_role("row", name="1062: 유효하지 않은 수신번호")).to_have_count(0)
    assert_accessible(page)


def test_the_dashboard_warns_of_texts_held_by_the_sending_limits(page: Page, seed, staff_login, assert_accessible) -> None:
    seed("held_text")
    staff_login(page)

    expect(page.get_by_test_id("held-texts")).to_contain_text("발송 한도 때문에 대기 중인 문자")
    assert_accessible(page)
