"""Create an account, apply (the status page shows the QR code to check in with), see it in 내 신청
내역 with the sessions attended, cancel: with JavaScript, without it, and by keyboard."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from e2e.pages import ApplicationPage, ProgramPage, SignupPage, enter_code, new_mobile, texted_code

PASSWORD = "김포 한강 2026 봄날"


def _sign_up_from_the_program(page: Page, title: str, birth_year: str) -> ProgramPage:
    program = ProgramPage(page).open_by_title(title)
    page.get_by_test_id("login-to-apply").first.click()
    page.get_by_role("link", name="회원가입").last.click()
    signup = SignupPage(page)
    signup.fill(name="김포시민", mobile=new_mobile(), password=PASSWORD, birth_year=birth_year)
    signup.submit()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    return program


def _apply_see_and_cancel(page: Page, program: ProgramPage, label: str, assert_accessible) -> None:
    program.apply(label)

    result = ApplicationPage(page)
    expect(result.headline).to_have_text("신청 완료")
    expect(result.confirmation_code).to_have_text(re.compile(r"^[A-Z2-9]{8}$"))
    expect(page.get_by_role("img", name="QR 코드: 출석 확인에 쓰는 확인번호")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="내 신청 내역").click()
    expect(page.get_by_test_id("application")).to_have_count(1)
    expect(result.status).to_have_text("확정")
    expect(page.get_by_test_id("progress")).to_contain_text("회 중 0회 출석")
    assert_accessible(page)

    page.get_by_role("link", name="신청 취소하기").click()
    assert_accessible(page)
    page.get_by_test_id("confirm-cancel").click()

    expect(page.get_by_test_id("cancelled-notice")).to_be_visible()
    expect(result.status).to_have_text("취소")


def test_sign_up_apply_and_cancel_with_javascript(page: Page, assert_accessible) -> None:
    program = _sign_up_from_the_program(page, "경비신임교육", "1966")
    assert_accessible(page)

    _apply_see_and_cancel(page, program, "제8기", assert_accessible)


def test_sign_up_apply_and_cancel_without_javascript(no_js_page: Page) -> None:
    program = _sign_up_from_the_program(no_js_page, "어르신 디지털 일자리 기초교육", "1955")

    # axe needs JavaScript in the page; the same pages are scanned in the test above.
    _apply_see_and_cancel(no_js_page, program, "오전반", lambda page: None)


def test_sign_up_errors_are_summarised_focused_and_keep_the_values(page: Page, assert_accessible) -> None:
    page.goto("/signup")
    signup = SignupPage(page)
    page.get_by_label("이름").fill("김포시민")
    page.get_by_label("휴대전화 번호").fill("02-123-4567")

    signup.submit()

    expect(page).to_have_title(re.compile(r"^오류: "))
    expect(signup.error_summary).to_be_focused()
    expect(page.get_by_label("이름")).to_have_value("김포시민")
    expect(page.get_by_label("휴대전화 번호")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)

    signup.error_summary.get_by_role("link").first.click()
    expect(page.get_by_label("휴대전화 번호")).to_be_focused()


def _tab_to(page: Page, target: Locator, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError("the keyboard never reached the control")


def test_sign_up_and_apply_by_keyboard_alone(page: Page) -> None:
    page.goto("/signup?next=/programs")
    mobile = new_mobile()
    fields = [
        ("이름", "김포시민"),
        ("휴대전화 번호", mobile),
        ("비밀번호", PASSWORD),
        ("비밀번호 확인", PASSWORD),
        ("태어난 해", "1990"),
    ]
    _tab_to(page, page.get_by_label("위와 같이 개인정보를 수집·이용하는 데 동의합니다 (필수)"))
    page.keyboard.press("Space")
    for label, value in fields:
        _tab_to(page, page.get_by_label(label, exact=True))
        page.keyboard.type(value)
    _tab_to(page, page.get_by_role("button", name="인증번호 받기"))
    page.keyboard.press("Enter")
    _tab_to(page, page.get_by_label("인증번호 (6자리)"))
    page.keyboard.type(texted_code(mobile))
    page.keyboard.press("Enter")

    # Signed up and sent on to the catalog (a URL ending in /programs would also match the sign-up
    # page's own ?next=/programs, and the test went on before the form was even sent).
    expect(page.get_by_role("heading", level=1)).to_have_text("교육·프로그램")
    page.goto("/programs?q=맞춤형 취업특강")
    _tab_to(page, page.get_by_role("link", name="맞춤형 취업특강", exact=True))
    page.keyboard.press("Enter")
    apply_button = ProgramPage(page).cohort("이번 달 특강").get_by_role("button")
    _tab_to(page, apply_button)
    page.keyboard.press("Enter")

    expect(ApplicationPage(page).headline).to_have_text("신청 완료")


def test_a_full_cohort_offers_the_waitlist_and_says_the_number(page: Page, seed, assert_accessible) -> None:
    seed("fill", "청년 타겟형 취업 컨설팅", "2")
    program = _sign_up_from_the_program(page, "청년 타겟형 취업 컨설팅", "1998")
    cohort = program.cohort("이번 달 과정")
    expect(cohort.get_by_test_id("seats")).to_contain_text("모두 찼습니다")
    expect(cohort.get_by_role("button")).to_have_text("이번 달 과정 대기 신청하기")
    assert_accessible(page)

    program.apply("이번 달 과정")

    expect(ApplicationPage(page).headline).to_have_text("대기 3번으로 접수되었습니다")
    assert_accessible(page)


def test_an_ineligible_application_is_refused_with_the_reason(page: Page, assert_accessible) -> None:
    program = _sign_up_from_the_program(page, "어르신 디지털 일자리 기초교육", "1990")

    program.apply("오전반")

    expect(page).to_have_title(re.compile(r"^오류: "))
    expect(page.get_by_test_id("refusal")).to_contain_text("만 60")
    expect(page.get_by_test_id("refusal")).to_be_focused()
    assert_accessible(page)


def test_seat_counts_refresh_on_an_open_page_without_a_reload(page: Page, seed) -> None:
    program = ProgramPage(page).open_by_title("취업상담")
    seats = program.cohort("이번 달 상담 예약").get_by_test_id("seats")
    expect(seats).to_contain_text("잔여 60석")
    page.evaluate("window.notReloaded = true")

    seed("fill", "취업상담", "1")

    expect(seats).to_contain_text("모두 찼습니다")
    expect(seats).to_contain_text("대기 1명")
    assert page.evaluate("window.notReloaded") is True


def test_the_apply_button_appears_at_the_opening_time_without_a_reload(page: Page, seed, assert_accessible) -> None:
    seed("opening_program", "곧 접수 시작 과정", "15")
    cohort = ProgramPage(page).open_by_title("곧 접수 시작 과정").cohort("1기")
    expect(cohort.get_by_test_id("opens-soon")).to_contain_text("접수를 시작합니다")
    page.evaluate("window.notReloaded = true")

    expect(cohort.get_by_test_id("login-to-apply")).to_be_visible(timeout=40_000)  # a second after the opening time

    assert page.evaluate("window.notReloaded") is True
    expect(cohort.get_by_test_id("opens-soon")).to_have_count(0)
    assert_accessible(page)


def test_my_details_can_be_corrected_and_the_account_deleted(page: Page, assert_accessible) -> None:
    page.goto("/signup?next=/me")
    SignupPage(page).fill(name="탈퇴할 시민", mobile=new_mobile(), password=PASSWORD, birth_year="1980")
    SignupPage(page).submit()
    expect(page.get_by_role("heading", level=1)).to_have_text("내 정보")
    assert_accessible(page)

    page.get_by_label("태어난 해").fill("80")
    page.get_by_role("button", name="저장").click()
    expect(page).to_have_title(re.compile(r"^오류: "))
    expect(page.get_by_test_id("error-summary")).to_be_focused()
    assert_accessible(page)

    page.get_by_role("link", name="회원 탈퇴").click()
    assert_accessible(page)
    page.get_by_test_id("confirm-delete").click()

    expect(page.get_by_test_id("deleted-notice")).to_be_visible()
    expect(page.get_by_role("link", name="로그인")).to_be_visible()
    page.goto("/me")
    expect(page).to_have_url(re.compile(r"/login\?next="))


def test_the_login_number_changes_with_a_code_texted_to_the_new_number(page: Page, assert_accessible) -> None:
    page.goto("/signup?next=/me")
    SignupPage(page).fill(name="번호 바꿀 시민", mobile=new_mobile(), password=PASSWORD, birth_year="1975")
    SignupPage(page).submit()
    new_number = new_mobile()

    page.get_by_test_id("change-mobile").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("휴대전화 번호 바꾸기")
    assert_accessible(page)
    page.get_by_label("새 휴대전화 번호").fill(new_number)
    page.get_by_role("button", name="인증번호 받기").click()
    expect(page.get_by_test_id("code-sent")).to_contain_text(f"010-****-{new_number[-4:]}")
    assert_accessible(page)
    enter_code(page, "000000" if texted_code(new_number) != "000000" else "111111")
    expect(page.get_by_test_id("error-summary")).to_be_focused()
    assert_accessible(page)
    enter_code(page, texted_code(new_number))

    expect(page.get_by_test_id("flash")).to_contain_text("새 번호로 로그인하세요")
    expect(page.get_by_test_id("held")).to_contain_text(new_number)


def test_an_opening_alert_is_asked_for_and_stopped_on_the_program_page(page: Page, assert_accessible) -> None:
    page.goto("/programs?q=청소전문교육")
    page.get_by_role("link", name="청소전문교육").click()
    page.get_by_test_id("login-for-alert").first.click()
    page.get_by_role("link", name="회원가입").last.click()
    SignupPage(page).fill(name="알림 받을 시민", mobile=new_mobile(), password=PASSWORD, birth_year="1958")
    SignupPage(page).submit()
    expect(page.get_by_role("heading", level=1)).to_have_text("청소전문교육")

    page.get_by_role("button", name=re.compile("접수 시작 알림 받기$")).first.click()
    expect(page.get_by_test_id("flash")).to_contain_text("하루 전과")
    expect(page.get_by_test_id("alert-on").first).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name=re.compile("접수 시작 알림 취소$")).first.click()
    expect(page.get_by_test_id("flash")).to_contain_text("알림을 취소했습니다")
    expect(page.get_by_test_id("alert-on")).to_have_count(0)


def test_a_second_course_at_the_same_hours_is_refused_naming_the_first(page: Page, seed, assert_accessible) -> None:
    seed("open_program", "겹치는 시간 과정 가", "5")
    seed("open_program", "겹치는 시간 과정 나", "5")
    page.goto("/signup?next=/programs")
    SignupPage(page).fill(name="두 과정 시민", mobile=new_mobile(), password=PASSWORD, birth_year="1980")
    SignupPage(page).submit()

    ProgramPage(page).open_by_title("겹치는 시간 과정 가").apply("1기")
    expect(ApplicationPage(page).headline).to_have_text("신청 완료")
    ProgramPage(page).open_by_title("겹치는 시간 과정 나").apply("1기")

    expect(page.get_by_test_id("refusal")).to_contain_text("겹치는 시간 과정 가 (1기)에 이미 자리가 있습니다")
    expect(page.get_by_test_id("refusal")).to_be_focused()
    assert_accessible(page)


def test_an_idle_session_warns_first_and_continue_keeps_it(browser, short_session_server: str, assert_accessible) -> None:
    context = browser.new_context(base_url=short_session_server)
    page = context.new_page()
    try:
        page.goto("/signup?next=/me")
        SignupPage(page).fill(name="잠깐 쉬는 시민", mobile=new_mobile(), password=PASSWORD, birth_year="1960")
        SignupPage(page).submit()
        warning = page.get_by_test_id("session-warning")

        expect(warning).to_be_visible(timeout=10_000)
        expect(warning.get_by_role("button", name="계속")).to_be_focused()
        assert_accessible(page)
        page.keyboard.press("Enter")

        expect(warning).to_be_hidden()
        page.goto("/me")
        expect(page.get_by_role("heading", level=1)).to_have_text("내 정보")
    finally:
        context.close()


def _choose_email_for_messages(page: Page, assert_accessible) -> None:
    """On 내 정보: email without an address is refused with the reason; with one it is kept."""
    page.goto("/signup?next=/me")
    SignupPage(page).fill(name="이메일 받는 시민", mobile=new_mobile(), password=PASSWORD, birth_year="1975")
    SignupPage(page).submit()
    choice = page.get_by_role("group", name="신청 결과 알림 받는 방법")
    expect(choice.get_by_role("radio", name=re.compile("^문자 메시지"))).to_be_checked()

    choice.get_by_role("radio", name="이메일").check()
    page.get_by_role("button", name="저장").click()
    expect(page.get_by_test_id("error-summary")).to_contain_text("이메일로 받으시려면 위에 이메일 주소를 입력하세요.")
    assert_accessible(page)

    page.get_by_label("이메일 주소").fill("citizen@example.com")
    page.get_by_role("radio", name="이메일").check()
    page.get_by_role("button", name="저장").click()
    expect(page.get_by_role("radio", name="이메일")).to_be_checked()
    assert_accessible(page)


def test_messages_by_email_can_be_chosen_with_javascript(page: Page, assert_accessible) -> None:
    _choose_email_for_messages(page, assert_accessible)


def test_messages_by_email_can_be_chosen_without_javascript(no_js_page: Page) -> None:
    _choose_email_for_messages(no_js_page, lambda page: None)


def _stop_and_take_the_news(page: Page, assert_accessible) -> None:
    """On 내 정보: the news consent given at sign-up is stopped in one step, and taken again."""
    page.goto("/signup?next=/me")
    SignupPage(page).fill(name="소식 받는 시민", mobile=new_mobile(), password=PASSWORD, birth_year="1958", notices=True)
    SignupPage(page).submit()
    news = page.get_by_test_id("news-consent")
    expect(news).to_contain_text("소식 받기에 동의하셨습니다")

    news.get_by_role("button", name="소식 그만 받기").click()
    expect(page.get_by_test_id("news-changed")).to_have_text("이제 소식을 받지 않습니다.")
    expect(page.get_by_test_id("news-consent")).to_contain_text("지금은 소식을 받지 않습니다.")
    assert_accessible(page)

    page.get_by_test_id("news-consent").get_by_role("button", name="소식 받기").click()
    expect(page.get_by_test_id("news-changed")).to_have_text("이제 소식을 받습니다.")
    page.goto("/me")
    expect(page.get_by_test_id("news-consent")).to_contain_text("소식 받기에 동의하셨습니다")


def test_the_news_is_stopped_in_one_step_with_javascript(page: Page, assert_accessible) -> None:
    _stop_and_take_the_news(page, assert_accessible)
    page.goto("/me")
    page.get_by_test_id("news-consent").get_by_role("button", name="소식 그만 받기").click()
    expect(page.get_by_test_id("news-changed")).to_be_focused()
    expect(page).to_have_url(re.compile(r"/me$"))  # the section changed in place
    page.goto("/me/news")  # where the news texts' opt-out link leads
    expect(page.get_by_test_id("news-consent")).to_contain_text("지금은 소식을 받지 않습니다.")
    assert_accessible(page)


def test_the_news_is_stopped_in_one_step_without_javascript(no_js_page: Page) -> None:
    _stop_and_take_the_news(no_js_page, lambda page: None)  # axe runs as a script: checked with JavaScript above
