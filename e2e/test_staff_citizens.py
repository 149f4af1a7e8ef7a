"""Back office, citizens: find a person, open their page, reveal the number, correct a detail, delete the
account on request; with htmx, without JavaScript and with the keyboard alone; axe on every state."""

from __future__ import annotations

import re
import secrets

from playwright.sync_api import Locator, Page, expect

from e2e.pages import StaffCitizenPage, StaffCitizensPage

OPEN_LECTURE = "맞춤형 취업특강"  # open to everyone, with a cohort taking applications in the demo data


def a_mobile() -> str:
    """A number no other test uses (the e2e database lives for the whole run)."""
    return f"0107{secrets.randbelow(10**7):07d}"


def masked(mobile: str) -> str:
    return f"010-****-{mobile[-4:]}"


def formatted(mobile: str) -> str:
    return f"010-{mobile[3:7]}-{mobile[7:]}"


def tab_to(page: Page, target: Locator, limit: int = 40) -> None:
    """Press Tab until `target` has the focus, as a keyboard user would (past the back office's menu
    of some fifteen links and the page's actions)."""
    for _ in range(limit):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError("the control cannot be reached with Tab")


def test_find_a_citizen_reveal_the_number_and_correct_a_detail(page: Page, staff_login, seed, assert_accessible) -> None:
    mobile = a_mobile()
    seed("citizen", "나래시민", mobile, "1970", OPEN_LECTURE)
    staff_login(page)
    citizens = StaffCitizensPage(page).open()
    expect(citizens.result_heading).to_have_text("시민 검색")
    assert_accessible(page)

    page.evaluate("window.stillTheSamePage = true")
    citizens.search("없는사람")
    expect(citizens.result_heading).to_have_text("0명을 찾았습니다")
    expect(page.get_by_test_id("no-citizens")).to_be_visible()
    assert_accessible(page)

    citizens.search(mobile[-4:])
    expect(citizens.row("나래시민")).to_contain_text(masked(mobile))
    expect(page).to_have_url(re.compile(rf"/staff/citizens\?q={mobile[-4:]}$"))
    assert page.evaluate("window.stillTheSamePage") is True, "the results were swapped in place"
    assert_accessible(page)

    person = citizens.open_citizen("나래시민")
    expect(page.get_by_role("heading", level=1)).to_have_text("나래시민")
    expect(person.mobile_number).to_have_text(masked(mobile))
    expect(person.applications).to_have_count(1)
    expect(person.applications).to_contain_text(OPEN_LECTURE)
    assert_accessible(page)

    person.reveal_number()
    expect(person.mobile_number).to_have_text(formatted(mobile))
    expect(person.mobile_number).to_be_focused()
    expect(page.get_by_role("heading", level=1)).to_have_text("나래시민")
    assert_accessible(page)

    person.correct_details()
    expect(page.get_by_label("이름")).to_have_value("나래시민")
    assert_accessible(page)
    person.fill_corrections(birth_year="19")
    person.save_corrections()
    expect(page).to_have_title(re.compile(r"^오류: "))
    expect(page.get_by_test_id("error-summary")).to_be_focused()
    expect(page.get_by_label("태어난 해")).to_have_value("19")
    assert_accessible(page)

    person.fill_corrections(birth_year="1971")
    person.save_corrections()
    expect(page.get_by_test_id("flash")).to_have_text("저장했습니다.")
    expect(page.get_by_test_id("citizen-details")).to_contain_text("1971")
    expect(person.mobile_number).to_have_text(masked(mobile))


def test_search_and_reveal_work_without_javascript(no_js_page: Page, staff_login, seed) -> None:
    mobile = a_mobile()
    seed("citizen", "다솜시민", mobile, "1985")
    staff_login(no_js_page)
    citizens = StaffCitizensPage(no_js_page).open()

    citizens.search(formatted(mobile))

    expect(citizens.row("다솜시민")).to_contain_text(masked(mobile))
    person = citizens.open_citizen("다솜시민")
    person.reveal_number()
    expect(person.mobile_number).to_have_text(formatted(mobile))
    expect(no_js_page.get_by_role("heading", level=1)).to_have_text("다솜시민")


def test_a_citizen_is_found_and_the_number_revealed_with_the_keyboard_alone(page: Page, staff_login, seed) -> None:
    mobile = a_mobile()
    seed("citizen", "라온시민", mobile, "1990")
    staff_login(page)
    citizens = StaffCitizensPage(page).open()

    tab_to(page, page.get_by_label("이름 또는 휴대전화 번호"))
    page.keyboard.type("라온시민")
    page.keyboard.press("Enter")
    link = citizens.row("라온시민").get_by_role("link", name="라온시민")
    expect(link).to_be_visible()
    tab_to(page, link)
    page.keyboard.press("Enter")

    person = StaffCitizenPage(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("라온시민")
    tab_to(page, page.get_by_role("button", name="번호 보기"))
    page.keyboard.press("Enter")
    expect(person.mobile_number).to_have_text(formatted(mobile))
    expect(person.mobile_number).to_be_focused()


def test_deleting_an_account_on_request_says_what_happens_first(page: Page, staff_login, seed, assert_accessible) -> None:
    mobile = a_mobile()
    seed("citizen", "바다시민", mobile, "1975", OPEN_LECTURE)
    staff_login(page)
    citizens = StaffCitizensPage(page).open()
    citizens.search("바다시민")
    person = citizens.open_citizen("바다시민")

    person.ask_to_delete()

    expect(page.get_by_role("heading", level=1)).to_have_text("바다시민 님의 계정을 삭제할까요?")
    expect(page.get_by_test_id("delete-consequences")).to_contain_text("확정된 자리 1개")
    assert_accessible(page)
    person.confirm_delete()
    expect(page.get_by_test_id("flash")).to_contain_text("계정을 삭제했습니다")
    citizens.search(mobile)
    expect(citizens.result_heading).to_have_text("0명을 찾았습니다")


def test_a_temporary_password_is_shown_once_and_lets_the_person_log_in(page: Page, staff_login, seed, assert_accessible) -> None:
    mobile = a_mobile()
    seed("citizen", "마루시민", mobile, "1965")
    staff_login(page)
    citizens = StaffCitizensPage(page).open()
    citizens.search("마루시민")
    citizens.open_citizen("마루시민")

    page.get_by_role("button", name="임시 비밀번호 만들기").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("마루시민 님의 임시 비밀번호")
    password = page.get_by_test_id("temporary-password").inner_text().strip()
    assert_accessible(page)
    page.goto("/login")
    page.get_by_label("휴대전화 번호").fill(mobile)
    page.get_by_label("비밀번호").fill(password)
    page.get_by_role("button", name="로그인").click()
    page.get_by_role("link", name="내 정보").click()
    expect(page.get_by_label("이름")).to_have_value("마루시민")
