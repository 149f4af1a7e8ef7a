"""The lobby kiosk in a kiosk-sized touch screen: sign-up by taps on the keypads, the waitlist, the
reset after inactivity, the staff call on the dashboard, the layout in both orientations, axe in
every mode, and the plain HTML path."""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, FloatRect, ViewportSize, expect

from e2e.conftest import EXPECT_TIMEOUT_MS, serving
from e2e.pages import KioskPage, texted_code

PORTRAIT: ViewportSize = {"width": 1080, "height": 1920}
LANDSCAPE: ViewportSize = {"width": 1920, "height": 1080}
NAME_KEYS = "ㅎㅗㅇㄱㅣㄹㄷㅗㅇ"  # 홍길동, one jamo per tap
_numbers = itertools.count(1)


def _mobile() -> str:
    """A fresh mobile number for each visitor, as digits to tap."""
    return f"0107701{next(_numbers):04d}"


def _kiosk_context(browser: Browser, base_url: str, seed, viewport: ViewportSize = PORTRAIT, **options) -> BrowserContext:
    """A touch screen the center enrolled as a kiosk of its own (each has its name, so its calls are its own)."""
    context = browser.new_context(viewport=viewport, has_touch=True, is_mobile=False, base_url=base_url, **options)
    KioskPage(context.new_page()).enrol(seed("kiosk", f"로비 키오스크 {time.monotonic_ns()}").strip()).page.close()
    return context


@pytest.fixture
def kiosk(browser: Browser, base_url: str, seed) -> Iterator[KioskPage]:
    context = _kiosk_context(browser, base_url, seed)
    try:
        yield KioskPage(context.new_page()).open()
    finally:
        context.close()


@pytest.fixture(scope="module")
def short_kiosk_server(live_server: str, server_environment: dict[str, str]) -> Iterator[str]:
    """The same site and database, with a kiosk that asks after 5 idle seconds and resets 5 seconds later."""
    with serving({**server_environment, "KIOSK_IDLE_SECONDS": "5", "KIOSK_WARNING_SECONDS": "5"}) as url:
        yield url


def _to_application_form(kiosk: KioskPage, door: str, program: str) -> None:
    kiosk.door(door).tap()
    kiosk.card(program).tap()
    expect(kiosk.heading).to_have_text(program)
    kiosk.apply_button().tap()
    expect(kiosk.keypad("name")).to_be_visible()


def test_a_visitor_signs_up_by_taps_alone_and_the_qr_code_opens_the_status_page(kiosk: KioskPage, browser: Browser, base_url: str) -> None:
    page = kiosk.page
    _to_application_form(kiosk, "청년", "맞춤형 취업특강")
    mobile = _mobile()

    kiosk.tap_keys("name", NAME_KEYS)
    expect(kiosk.field("이름")).to_have_value("홍길동")
    kiosk.next_step()
    kiosk.tap_keys("mobile", mobile)
    expect(kiosk.field("휴대전화 번호")).to_have_value(f"{mobile[:3]}-{mobile[3:7]}-{mobile[7:]}")
    kiosk.next_step()
    kiosk.tap_keys("birth_year", "19658")
    expect(kiosk.field("태어난 해")).to_have_value("1965")  # four digits at most
    kiosk.keypad("birth_year").get_by_role("button", name="지우기", exact=True).tap()
    kiosk.tap_keys("birth_year", "0")
    expect(kiosk.field("태어난 해")).to_have_value("1960")
    kiosk.next_step()
    expect(page.get_by_role("heading", name="개인정보 수집·이용 동의")).to_be_visible()
    page.get_by_label("위와 같이 개인정보를 수집·이용하는 데 동의합니다 (필수)").tap()
    page.get_by_role("button", name="신청", exact=True).tap()
    expect(page.get_by_test_id("code-sent")).to_contain_text(f"010-****-{mobile[-4:]}")
    kiosk.enter_texted_code(mobile)

    expect(kiosk.result_headline).to_have_text("신청 완료")
    expect(kiosk.confirmation_code).to_have_text(re.compile(r"^[A-Z2-9]{8}$"))
    code = kiosk.confirmation_code.inner_text()
    expect(page.get_by_test_id("status-qr").get_by_role("img")).to_be_visible()
    status_url = page.get_by_test_id("status-url").inner_text()
    assert status_url == f"{base_url}/status/{code}"
    assert page.evaluate("history.length") <= 3, "screens replace one another: no history to go back through"

    phone = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        own = phone.new_page()
        own.goto(status_url)
        expect(own.locator("main")).not_to_contain_text("맞춤형 취업특강")
        own.get_by_label("휴대전화 번호 끝 네 자리").fill(mobile[-4:])
        own.get_by_role("button", name="신청 내용 보기").click()
        expect(own.get_by_test_id("status-application")).to_contain_text("맞춤형 취업특강")
        expect(own.get_by_test_id("application-status")).to_have_text("확정")
    finally:
        phone.close()


def test_the_privacy_policy_opens_on_the_kiosk_and_leads_back_to_the_start(kiosk: KioskPage, assert_accessible) -> None:
    page = kiosk.page
    page.get_by_test_id("privacy-link").tap()

    expect(kiosk.heading).to_have_text("개인정보 처리방침")
    assert_accessible(page)
    kiosk.nav("이전").tap()
    expect(kiosk.door("청년")).to_be_visible()


def test_a_full_cohort_puts_the_visitor_on_the_waitlist_with_the_number(kiosk: KioskPage, seed, assert_accessible) -> None:
    seed("fill", "청년 뉴딜 프로그램", "0")
    kiosk.page.reload()
    kiosk.door("청년").tap()
    kiosk.card("청년 뉴딜 프로그램").tap()
    expect(kiosk.apply_button()).to_have_text("3기 대기 신청하기")
    kiosk.apply_button().tap()
    expect(kiosk.page.get_by_test_id("waitlist-notice")).to_be_visible()

    kiosk.apply_by_taps(name_keys=NAME_KEYS, mobile=_mobile(), birth_year="1998")

    expect(kiosk.result_headline).to_have_text("대기 1번으로 접수되었습니다")
    assert_accessible(kiosk.page)


@pytest.mark.browser_only
def test_after_inactivity_the_kiosk_asks_then_resets_and_leaves_nothing_behind(
    browser: Browser, short_kiosk_server: str, seed, assert_accessible
) -> None:
    context = _kiosk_context(browser, short_kiosk_server, seed)
    try:
        kiosk = KioskPage(context.new_page()).open()
        page = kiosk.page
        kiosk.toggle("큰 글씨").tap()
        expect(kiosk.root).to_have_class(re.compile("kiosk--large"))
        _to_application_form(kiosk, "어르신", "어르신 디지털 일자리 기초교육")
        kiosk.apply_by_taps(name_keys=NAME_KEYS, mobile=_mobile(), birth_year="1955")
        expect(kiosk.result_headline).to_have_text("신청 완료")
        code = kiosk.confirmation_code.inner_text()
        before = {cookie["name"]: cookie["value"] for cookie in context.cookies()}
        assert {"kiosk", "kiosk_text", "csrftoken"} <= set(before)
        page.evaluate("sessionStorage.setItem('left', 'behind'); localStorage.setItem('left', 'behind')")

        expect(kiosk.idle_dialog).to_be_visible(timeout=10_000)
        expect(kiosk.idle_dialog).to_contain_text("계속 사용하시겠습니까?")
        expect(kiosk.idle_dialog.get_by_role("button", name="계속")).to_be_focused()
        assert_accessible(page)
        page.keyboard.press("Shift")  # any key carries on
        expect(kiosk.idle_dialog).to_be_hidden()
        expect(kiosk.confirmation_code).to_have_text(code)

        expect(kiosk.idle_dialog).to_be_visible(timeout=10_000)
        expect(kiosk.heading).to_have_text("무엇을 찾으시나요?", timeout=2 * EXPECT_TIMEOUT_MS)

        expect(page).to_have_url(f"{short_kiosk_server}/kiosk")
        after = {cookie["name"]: cookie["value"] for cookie in context.cookies()}
        assert set(after) <= {"csrftoken", "kiosk_device"}, after
        assert after["kiosk_device"] == before["kiosk_device"], "still the enrolled kiosk"
        assert after.get("csrftoken") != before["csrftoken"]
        assert page.evaluate("[sessionStorage.length, localStorage.length]") == [0, 0]
        expect(kiosk.root).to_have_class("kiosk")
        expect(kiosk.toggle("큰 글씨")).to_have_attribute("aria-pressed", "false")
        page.go_back()
        expect(kiosk.heading).to_have_text("무엇을 찾으시나요?")
        expect(page.locator("body")).not_to_contain_text(code)
        page.goto("/kiosk/done")
        expect(kiosk.heading).to_have_text("무엇을 찾으시나요?")
    finally:
        context.close()


def test_a_staff_call_appears_at_once_on_an_open_staff_dashboard(
    kiosk: KioskPage, browser: Browser, base_url: str, staff_login, assert_accessible
) -> None:
    office = browser.new_context(base_url=base_url)
    try:
        staff = office.new_page()
        staff_login(staff)
        calls = staff.get_by_test_id("help-requests")
        while calls.get_by_role("button", name=re.compile("^응답 완료")).count():
            calls.get_by_role("button", name=re.compile("^응답 완료")).first.click()
        expect(calls).to_contain_text("키오스크에서 기다리는 분이 없습니다.")

        kiosk.door("직원 호출").tap()
        expect(kiosk.heading).to_have_text("직원이 곧 옵니다")

        call = calls.get_by_test_id("help-request")
        expect(call).to_have_count(1, timeout=2 * EXPECT_TIMEOUT_MS)
        expect(call).to_contain_text("로비 키오스크")
        expect(staff.locator("#live-status")).to_contain_text("로비 키오스크")
        assert_accessible(staff)
        call.get_by_role("button", name=re.compile("^응답 완료")).click()
        expect(staff.get_by_test_id("flash")).to_have_text("기록했습니다.")
        expect(calls.get_by_test_id("help-request")).to_have_count(0)
    finally:
        office.close()


@pytest.mark.browser_only
@pytest.mark.parametrize("viewport", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"])
@pytest.mark.parametrize("large", [False, True], ids=["normal", "large-text"])
def test_text_and_targets_are_large_and_nothing_scrolls_sideways(browser: Browser, base_url: str, seed, viewport, large: bool) -> None:
    context = _kiosk_context(browser, base_url, seed, viewport)
    try:
        kiosk = KioskPage(context.new_page()).open()
        if large:
            kiosk.toggle("큰 글씨").tap()
            expect(kiosk.root).to_have_class(re.compile("kiosk--large"))
        base = 48 if large else 24
        for screen in ("start", "form"):
            if screen == "form":
                _to_application_form(kiosk, "청년", "맞춤형 취업특강")
            page = kiosk.page
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], screen
            assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('[data-kiosk]')).fontSize)") >= base
            targets = page.locator(".kiosk-door, .kiosk-toggle, .kiosk-nav__button, .keypad__key, .kiosk-button").all()
            visible = [box for box in (target.bounding_box() for target in targets) if box and target_visible(box)]
            assert visible, screen
            assert min(box["height"] for box in visible) >= 60, screen
    finally:
        context.close()


def target_visible(box: FloatRect) -> bool:
    return box["width"] > 0 and box["height"] > 0


MODES = {"normal": [], "large-text": ["큰 글씨"], "high-contrast": ["고대비"]}


@pytest.mark.browser_only
@pytest.mark.parametrize("mode", list(MODES))
def test_every_kiosk_screen_passes_axe(kiosk: KioskPage, mode: str, assert_accessible) -> None:
    page = kiosk.page

    def check(screen: str) -> None:
        try:
            assert_accessible(page, enhanced_contrast=mode == "high-contrast")
        except AssertionError as failure:
            raise AssertionError(f"{screen}: {failure}") from None

    for name in MODES[mode]:
        kiosk.toggle(name).tap()
        expect(kiosk.toggle(name)).to_have_attribute("aria-pressed", "true")
    check("start")
    kiosk.door("청년").tap()
    expect(kiosk.heading).to_have_text("청년 프로그램")
    check("programs")
    kiosk.card("맞춤형 취업특강").tap()
    check("program")
    kiosk.apply_button().tap()
    check("step 1")
    kiosk.next_step()
    expect(page.locator("#error-name")).to_be_visible()
    check("step 1 with its error")
    kiosk.tap_keys("name", NAME_KEYS)
    kiosk.next_step()
    mobile = _mobile()
    kiosk.tap_keys("mobile", mobile)
    kiosk.next_step()
    kiosk.tap_keys("birth_year", "2020")
    kiosk.next_step()
    check("consent")
    page.get_by_label("위와 같이 개인정보를 수집·이용하는 데 동의합니다 (필수)").tap()
    page.get_by_role("button", name="신청", exact=True).tap()
    expect(page).to_have_title(re.compile(r"^오류: "))
    expect(page.get_by_test_id("error-summary")).to_be_focused()
    check("refused by age")
    kiosk.keypad("birth_year").get_by_role("button", name="모두 지우기").tap()
    kiosk.tap_keys("birth_year", "1960")
    kiosk.next_step()
    page.get_by_role("button", name="신청", exact=True).tap()
    expect(page.get_by_test_id("code-sent")).to_be_visible()
    check("code")
    kiosk.tap_keys("code", "1")
    page.get_by_role("button", name="확인하고 신청").tap()
    expect(page.get_by_test_id("error-summary")).to_be_focused()
    check("code with its error")
    kiosk.enter_texted_code(mobile)
    expect(kiosk.result_headline).to_have_text("신청 완료")
    check("result")
    kiosk.nav("처음으로").tap()
    expect(kiosk.heading).to_have_text("무엇을 찾으시나요?")
    for name in MODES[mode]:  # the reset put the modes back to normal
        kiosk.toggle(name).tap()
        expect(kiosk.toggle(name)).to_have_attribute("aria-pressed", "true")
    kiosk.door("오늘의 행사").tap()
    expect(kiosk.heading).to_have_text("오늘의 행사")
    check("today's events")
    kiosk.nav("다음").tap()
    expect(kiosk.heading).to_have_text("이번 주 행사")
    check("this week's events")
    event = page.get_by_test_id("event-card").first
    if event.count():
        event.tap()
        check("event")
    kiosk.nav("처음으로").tap()
    kiosk.door("직원 호출").tap()
    expect(kiosk.heading).to_have_text("직원이 곧 옵니다")
    check("staff called")
    page.goto("/kiosk/programs/999999")
    check("error")


def test_the_kiosk_works_as_plain_forms_without_javascript(browser: Browser, base_url: str, seed) -> None:
    context = _kiosk_context(browser, base_url, seed, java_script_enabled=False)
    try:
        kiosk = KioskPage(context.new_page()).open()
        page = kiosk.page
        kiosk.toggle("고대비").click()
        expect(kiosk.root).to_have_class(re.compile("kiosk--contrast"))
        kiosk.door("중장년").click()
        kiosk.card("경비신임교육").click()
        kiosk.apply_button().click()
        expect(kiosk.keypad("name")).to_be_hidden()
        mobile = _mobile()
        kiosk.field("이름").fill("김포시민")
        kiosk.field("휴대전화 번호").fill(mobile)
        kiosk.field("태어난 해").fill("1970")
        page.get_by_label("위와 같이 개인정보를 수집·이용하는 데 동의합니다 (필수)").check()
        page.get_by_role("button", name="신청", exact=True).click()
        expect(kiosk.keypad("code")).to_be_hidden()
        kiosk.field("인증번호 (6자리)").fill(texted_code(mobile))
        page.get_by_role("button", name="확인하고 신청").click()

        expect(kiosk.result_headline).to_have_text("신청 완료")
        kiosk.nav("처음으로").click()
        expect(kiosk.heading).to_have_text("무엇을 찾으시나요?")
        expect(kiosk.root).to_have_class("kiosk")
        assert [cookie["name"] for cookie in context.cookies() if cookie["name"].startswith("kiosk")] == ["kiosk_device"]
        page.goto("/kiosk/done")
        expect(kiosk.heading).to_have_text("무엇을 찾으시나요?")
    finally:
        context.close()


def test_a_physical_keyboard_works_the_form_too(kiosk: KioskPage) -> None:
    page = kiosk.page
    _to_application_form(kiosk, "중장년", "경비신임교육")

    kiosk.field("이름").focus()
    page.keyboard.type("Kim Gimpo")
    page.keyboard.press("Enter")
    expect(kiosk.field("휴대전화 번호")).to_be_focused()
    mobile = _mobile()
    page.keyboard.type(mobile)
    page.keyboard.press("Enter")
    page.keyboard.type("1968")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    checkbox = page.get_by_label("위와 같이 개인정보를 수집·이용하는 데 동의합니다 (필수)")
    for _ in range(10):
        if checkbox.evaluate("box => box === document.activeElement"):
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("code-sent")).to_be_visible()
    kiosk.field("인증번호 (6자리)").focus()
    page.keyboard.type(texted_code(mobile))
    page.keyboard.press("Enter")

    expect(kiosk.result_headline).to_have_text("신청 완료")


def test_an_administrator_enrols_a_kiosk_and_any_other_browser_is_sent_to_the_website(
    browser: Browser, base_url: str, staff_login, assert_accessible
) -> None:
    lobby = browser.new_context(viewport=PORTRAIT, has_touch=True, is_mobile=False, base_url=base_url)
    office = browser.new_context(base_url=base_url)
    name = f"2층 상담실 {time.monotonic_ns()}"
    try:
        kiosk = KioskPage(lobby.new_page()).open()
        page = kiosk.page
        expect(kiosk.door("청년")).to_be_visible()
        expect(kiosk.door("직원 호출")).to_have_count(0)
        kiosk.door("청년").tap()
        kiosk.card("맞춤형 취업특강").tap()
        kiosk.apply_button().tap()
        expect(page.get_by_test_id("web-only")).to_contain_text("센터 로비의 키오스크에서만")
        expect(page.get_by_test_id("web-url")).to_have_text(re.compile(r"/programs/\d+$"))
        assert_accessible(page)

        admin = office.new_page()
        staff_login(admin, "admin")
        admin.get_by_role("link", name="키오스크", exact=True).click()
        admin.get_by_label("이름", exact=True).fill(name)
        admin.get_by_role("button", name="키오스크를 만들고 등록 코드 보기").click()
        shown = admin.get_by_test_id("enrolment-code")
        expect(shown).to_contain_text(name)
        digits = re.search(r"(\d{4}) (\d{4})", shown.inner_text())
        assert digits is not None
        assert_accessible(admin)

        page.goto("/kiosk/enrol")
        kiosk.tap_keys("code", digits.group(1) + digits.group(2))
        assert_accessible(page)
        page.get_by_role("button", name="등록", exact=True).tap()
        expect(kiosk.door("직원 호출")).to_be_visible()

        admin.goto("/staff/kiosks")
        row = admin.get_by_test_id("kiosks").get_by_role("row").filter(has_text=name)
        expect(row).to_contain_text("사용 중")
        row.get_by_role("button", name=f"{name} 등록 해지").click()
        expect(admin.get_by_test_id("flash")).to_contain_text("해지했습니다")
        expect(row).to_contain_text("해지됨")
        kiosk.open()
        expect(kiosk.door("청년")).to_be_visible()
        expect(kiosk.door("직원 호출")).to_have_count(0)
    finally:
        office.close()
        lobby.close()


def test_a_visitor_books_counselling_at_the_kiosk_by_taps_alone(kiosk: KioskPage, assert_accessible) -> None:
    page = kiosk.page
    mobile = _mobile()
    kiosk.door("상담 예약하기").tap()
    expect(kiosk.heading).to_have_text("취업상담 예약")
    assert_accessible(page)
    first = page.get_by_test_id("kiosk-time").first
    starts = first.locator(".kiosk-card__title").inner_text().split(" ")[-1].split("–")[0]  # 11월 27일 (금) 10:00–10:30
    first.tap()
    expect(kiosk.heading).to_contain_text(starts)
    assert_accessible(page)

    kiosk.tap_keys("name", NAME_KEYS)
    kiosk.next_step()
    kiosk.tap_keys("mobile", mobile)
    kiosk.next_step()
    kiosk.tap_keys("birth_year", "1962")
    kiosk.next_step()
    page.get_by_label("위와 같이 개인정보를 수집·이용하는 데 동의합니다 (필수)").tap()
    page.get_by_role("button", name="이 시간으로 예약하기").tap()
    expect(page.get_by_test_id("code-sent")).to_contain_text(f"010-****-{mobile[-4:]}")
    assert_accessible(page)
    kiosk.tap_keys("code", texted_code(mobile))
    page.get_by_role("button", name="이 인증번호로 예약하기").tap()

    expect(kiosk.result_headline).to_have_text("상담이 예약되었습니다")
    expect(page.locator(".kiosk-lead")).to_contain_text(starts)
    assert_accessible(page)
