"""Page objects: what a person sees and does, named the way they would say it."""

from __future__ import annotations

import itertools
import os
import re
import time

import httpx
from playwright.sync_api import Locator, Page, expect

GATEWAY_VARIABLE = "E2E_SMS_GATEWAY"
"""Where conftest's fake SMS provider listens (set for the whole run)."""
TEXT_WAIT_SECONDS = 20.0


def texted_code(typed_mobile: str, after: int = 0) -> str:
    """The six digits of the newest code texted to this number (after its first `after` texts), as
    the person reads it on their phone once it arrives (the server's outbox sends within seconds)."""
    number = re.sub(r"\D", "", typed_mobile)
    deadline = time.monotonic() + TEXT_WAIT_SECONDS
    while True:
        received = httpx.get(f"{os.environ[GATEWAY_VARIABLE]}/_received", trust_env=False).json()
        codes = [re.search(r"\b(\d{6})\b", text["text"]) for text in received if text["to"] == number and "인증번호" in text["text"]]
        found = [match.group(1) for match in codes if match]
        if len(found) > after:
            return found[-1]
        assert time.monotonic() < deadline, f"no code texted to {typed_mobile}"
        time.sleep(0.2)


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


_mobile_numbers = itertools.count(1)


def new_mobile() -> str:
    """A mobile number, as a person types it, that no other sign-up in this run has used."""
    number = next(_mobile_numbers)
    return f"010-{5000 + number:04d}-{number:04d}"


class SignupPage:
    """/signup: the consent notice, then the details, then the code texted to the number."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def fill(self, *, name: str, mobile: str, password: str, birth_year: str, notices: bool = False) -> None:
        self.page.get_by_label("위와 같이 개인정보를 수집·이용하는 데 동의합니다 (필수)").check()
        if notices:
            self.page.get_by_label("새 프로그램·행사 소식 받기 (선택)").check()
        self.page.get_by_role("textbox", name="이름").fill(name)
        self.page.get_by_label("휴대전화 번호").fill(mobile)
        self.page.get_by_label("비밀번호", exact=True).fill(password)
        self.page.get_by_label("비밀번호 확인").fill(password)
        self.page.get_by_label("태어난 해").fill(birth_year)

    def submit(self) -> None:
        """Ask for the code; when it is texted (the form was right), enter it as the person would."""
        mobile = self.page.get_by_label("휴대전화 번호").input_value()
        self.page.get_by_role("button", name="인증번호 받기").click()
        sent = self.page.get_by_test_id("code-sent").or_(self.error_summary)
        expect(sent).to_be_visible()
        if self.page.get_by_test_id("code-sent").is_visible():
            enter_code(self.page, texted_code(mobile))

    @property
    def error_summary(self) -> Locator:
        return self.page.get_by_test_id("error-summary")


def enter_code(page: Page, code: str) -> None:
    """The code typed as it arrived, then 확인."""
    page.get_by_label("인증번호 (6자리)").fill(code)
    page.get_by_role("button", name="확인").click()


class ProgramPage:
    """/programs/<id>: a program and its cohorts."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def open_by_title(self, title: str) -> ProgramPage:
        CatalogPage(self.page).open(f"?q={title}")
        self.page.get_by_role("link", name=title, exact=True).click()
        return self

    def cohort(self, label: str) -> Locator:
        return self.page.get_by_test_id("cohort").filter(has_text=label)

    def apply(self, label: str) -> None:
        self.cohort(label).get_by_test_id("apply-form").get_by_role("button").click()


class ApplicationPage:
    """/me/applications/<id>: the result right after applying."""

    def __init__(self, page: Page) -> None:
        self.page = page

    @property
    def headline(self) -> Locator:
        return self.page.locator(".result__headline")

    @property
    def confirmation_code(self) -> Locator:
        return self.page.locator(".code")

    @property
    def status(self) -> Locator:
        return self.page.get_by_test_id("application-status")


class StaffLoginPage:
    """/staff/login: username and password, then the 6-digit code."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def open(self) -> StaffLoginPage:
        self.page.goto("/staff/login")
        return self

    def enter_password(self, username: str, password: str) -> None:
        self.page.get_by_label("아이디").fill(username)
        self.page.get_by_label("비밀번호").fill(password)
        self.page.get_by_role("button", name="다음").click()

    def enter_code(self, code: str) -> None:
        self.page.get_by_label("6자리 인증 코드").fill(code)
        self.page.get_by_role("button", name="로그인").click()

    def log_in(self, username: str, password: str, code: str) -> None:
        self.enter_password(username, password)
        self.enter_code(code)


class StaffCitizensPage:
    """/staff/citizens: the search form above, the people found below (numbers masked)."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def open(self) -> StaffCitizensPage:
        self.page.goto("/staff/citizens")
        return self

    def search(self, text: str) -> None:
        self.page.get_by_label("이름 또는 휴대전화 번호").fill(text)
        self.page.get_by_test_id("citizen-search").get_by_role("button", name="검색").click()

    @property
    def result_heading(self) -> Locator:
        return self.page.locator("#citizen-results-title")

    def row(self, name: str) -> Locator:
        return self.page.get_by_test_id("citizen-row").filter(has_text=name)

    def open_citizen(self, name: str) -> StaffCitizenPage:
        self.row(name).get_by_role("link", name=name).click()
        return StaffCitizenPage(self.page)


class StaffCitizenPage:
    """/staff/citizens/<id>: one person's details, applications and what staff can do."""

    def __init__(self, page: Page) -> None:
        self.page = page

    @property
    def mobile_number(self) -> Locator:
        return self.page.get_by_test_id("mobile-number")

    @property
    def applications(self) -> Locator:
        return self.page.get_by_test_id("citizen-application")

    def reveal_number(self) -> None:
        self.page.get_by_role("button", name="번호 보기").click()

    def correct_details(self) -> None:
        self.page.get_by_role("link", name="정보 고치기").click()

    def fill_corrections(self, **fields: str) -> None:
        labels = {"name": "이름", "birth_year": "태어난 해", "email": "이메일 주소", "mobile": "새 휴대전화 번호"}
        for field, value in fields.items():
            self.page.get_by_label(labels[field]).fill(value)

    def save_corrections(self) -> None:
        self.page.get_by_role("button", name="고친 내용 저장").click()

    def ask_to_delete(self) -> None:
        self.page.locator("a", has_text="계정 삭제").click()

    def confirm_delete(self) -> None:
        self.page.get_by_test_id("confirm-delete").click()


class RosterPage:
    """/staff/rosters/{pool}: the confirmed, the waitlist, check-in and the staff's actions."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def open_for(self, program_title: str) -> RosterPage:
        """From the back office's program list, through the program, to its cohort's roster."""
        self.page.goto(f"/staff/programs?q={program_title}")
        self.page.get_by_role("link", name=program_title).click()
        self.page.get_by_role("link", name="명단 1기").click()
        return self

    def line(self, name: str) -> Locator:
        return self.page.locator(f"[data-testid=roster-line][data-name='{name}']")

    def sign_up_by_phone(self, mobile: str, name: str, birth_year: str, consent: bool = True, landline: str = "") -> None:
        self.page.get_by_role("link", name="전화·방문 신청 대신 접수").click()
        self.page.get_by_label("휴대전화 번호").fill(mobile)
        self.page.get_by_role("textbox", name="이름").fill(name)
        self.page.get_by_label("태어난 해").fill(birth_year)
        self.page.get_by_label("연락용 유선 전화").fill(landline)
        if consent:
            self.page.get_by_label("본인이 내용을 듣고 동의했습니다").check()
        self.page.get_by_role("button", name="이분 대신 신청하기").click()


class SessionAttendancePage:
    """/staff/programs/{p}/cohorts/{c}/attendance/{session}: one session's roster (출석부)."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def open_for(self, program_title: str) -> SessionAttendancePage:
        """From the back office's program list, through the cohort's attendance, to its first session."""
        self.page.goto(f"/staff/programs?q={program_title}")
        self.page.get_by_role("link", name=program_title).click()
        self.page.get_by_role("link", name="출석 현황 1기").click()
        # Loaded, its scripts run: a key pressed before htmx takes the form would post it without htmx
        # (a whole new page, focus back at the top), as for a person on a slow phone.
        with self.page.expect_navigation(wait_until="load"):
            self.page.get_by_test_id("attendance-grid").get_by_role("link", name=re.compile("^1회차")).click()
        return self

    def line(self, name: str) -> Locator:
        return self.page.locator(f"[data-testid=roster-line][data-name='{name}']")

    def check_in(self, code: str) -> None:
        field = self.page.get_by_role("textbox", name="확인번호")
        field.fill(code)
        field.press("Enter")


class PlacementFormPage:
    """/staff/calls/placements/new?citizen=<id>: a job someone found, and where it came from."""

    def __init__(self, page: Page) -> None:
        self.page = page

    @property
    def person(self) -> Locator:
        return self.page.get_by_test_id("placement-person")

    def fill(self, *, company: str, position: str, first_day: str, program: str) -> None:
        """`first_day` as YYYY-MM-DD; `program` a title, or 해당 없음."""
        self.page.get_by_label("회사 이름").fill(company)
        self.page.get_by_label("직무").fill(position)
        self.page.get_by_label("근무 시작일").fill(first_day)
        self.page.get_by_role("group", name="어느 프로그램을 거쳐 취업했나요?").get_by_label(program).check()

    def save(self) -> None:
        self.page.get_by_role("button", name="저장하고 해피콜 일정 잡기").click()


class CallOutcomeForm:
    """A call's outcome form, on its own page or open in a row of the call list."""

    def __init__(self, scope: Page | Locator) -> None:
        self.scope = scope

    def _choose(self, question: str, answer: str) -> None:
        self.scope.get_by_role("group", name=question).get_by_label(answer, exact=True).check()

    def answer(self, *, reached: bool, still_employed: bool | None = None, thinking_of_leaving: bool | None = None,
               reason: str = "", difficulties: str = "", note: str = "") -> None:
        self._choose("연락이 되었나요?", "예" if reached else "아니요, 연락이 안 됨")
        if still_employed is not None:
            self._choose("지금도 그 회사에 다니나요?", "예" if still_employed else "아니요, 그만둠")
        if thinking_of_leaving is not None:
            self._choose("그만둘 생각이 있나요?", "예" if thinking_of_leaving else "아니요")
        if reason:
            self.scope.get_by_label("그만둔 이유 또는 그만두려는 이유").select_option(label=reason)
        if difficulties:
            self.scope.get_by_label("일하며 어려운 점").fill(difficulties)
        if note:
            self.scope.get_by_label("메모").fill(note)

    def save(self) -> None:
        self.scope.get_by_role("button", name="결과 저장").click()

    @property
    def error_summary(self) -> Locator:
        return self.scope.get_by_test_id("error-summary")


class FollowUpCallsPage:
    """/staff/calls: the lists of follow-up calls as tabs (할 차례, 예정, 연락 안 됨...) and the summary."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def open(self, view: str = "due") -> FollowUpCallsPage:
        self.page.goto(f"/staff/calls?show={view}")
        return self

    def show(self, tab: str) -> None:
        self.page.get_by_test_id("call-tabs").get_by_role("link", name=tab).click()

    @property
    def rows(self) -> Locator:
        return self.page.get_by_test_id("call-row")

    def row(self, name: str) -> Locator:
        return self.rows.filter(has_text=name)

    def open_outcome(self, name: str) -> Locator:
        """결과 기록 in the person's first row; with JavaScript the form opens in that row, returned here
        (without, the call's own page opens)."""
        row = self.row(name).first
        row.get_by_test_id("open-outcome").click()
        return row

    def summary_line(self, program_title: str) -> Locator:
        return self.page.get_by_test_id("retention").locator("tbody tr").filter(has_text=program_title)

    def reasons_line(self, program_title: str) -> Locator:
        return self.page.get_by_test_id("reasons").locator("tbody tr").filter(has_text=program_title)


class StaffCalendarPage:
    """/staff/calendar: the series with their patterns in words and next dates."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def open(self) -> StaffCalendarPage:
        self.page.goto("/staff/calendar")
        return self

    def new_series(self) -> SeriesFormPage:
        self.page.get_by_test_id("new-series").click()
        return SeriesFormPage(self.page)


class SeriesFormPage:
    """/staff/calendar/new and /staff/calendar/<id>: a series from a pattern in plain words, with
    its coming dates shown before saving."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def describe(self, *, title: str, category: str, place: str) -> None:
        self.page.get_by_label("제목", exact=True).fill(title)
        self.page.get_by_label("분류", exact=True).select_option(category)
        self.page.get_by_label("장소", exact=True).fill(place)

    def choose_pattern(self, words: str) -> None:
        """The kind of pattern, by the start of its label (매주 정해진 요일, 매월 정해진 주의 요일 ...)."""
        self.page.get_by_role("radio", name=words).check()

    def tick(self, label: str) -> None:
        """A weekday, a week of the month (둘째) or a month (4월)."""
        self.page.get_by_label(label, exact=True).check()

    def schedule(self, *, first_day: str, start: str, end: str) -> None:
        self.page.get_by_label("첫날", exact=True).fill(first_day)
        self.page.get_by_label("시작 시각", exact=True).fill(start)
        self.page.get_by_label("종료 시각", exact=True).fill(end)

    def press_preview(self) -> None:
        self.page.get_by_test_id("preview-button").click()

    def save(self) -> None:
        self.page.get_by_test_id("save-series").click()

    @property
    def preview(self) -> Locator:
        return self.page.get_by_test_id("preview")

    @property
    def preview_dates(self) -> Locator:
        return self.page.get_by_test_id("preview-date")

    @property
    def skipped_dates(self) -> Locator:
        return self.page.get_by_test_id("preview-skipped")

    @property
    def error_summary(self) -> Locator:
        return self.page.get_by_test_id("error-summary")

    def open_date(self, index: int = 0) -> StaffOccurrencePage:
        """One of the series' dates listed under the form (saved series only)."""
        self.page.get_by_test_id("series-dates").locator("tbody a").nth(index).click()
        return StaffOccurrencePage(self.page)


class StaffOccurrencePage:
    """/staff/calendar/occurrences/<id>: one date, its registrations, and change, move or cancel."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def cancel(self, reason: str) -> None:
        form = self.page.get_by_test_id("cancel-form")
        form.get_by_label("취소 사유").fill(reason)
        form.get_by_role("button", name="이 날짜 취소하기").click()

    @property
    def cancelled_notice(self) -> Locator:
        return self.page.get_by_test_id("cancelled")


class KioskPage:
    """/kiosk: the lobby kiosk, worked by touch. Keys are tapped, never typed."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def open(self) -> KioskPage:
        self.page.goto("/kiosk")
        return self

    @property
    def heading(self) -> Locator:
        return self.page.get_by_role("heading", level=1)

    @property
    def root(self) -> Locator:
        return self.page.locator("[data-kiosk]")

    def door(self, name: str) -> Locator:
        """청년, 중장년, 어르신, 오늘의 행사 or 직원 호출 on the start screen."""
        return self.page.locator(".kiosk-door").filter(has=self.page.locator(".kiosk-door__name", has_text=name))

    def toggle(self, name: str) -> Locator:
        """큰 글씨 or 고대비."""
        return self.page.get_by_role("group", name="화면 설정").get_by_role("button", name=name)

    def nav(self, name: str) -> Locator:
        """이전, 처음으로 or 다음 in the bar at the bottom."""
        return self.page.get_by_role("navigation", name="화면 이동").get_by_text(name, exact=True)

    def card(self, title: str) -> Locator:
        return self.page.locator(".kiosk-card").filter(has=self.page.locator(".kiosk-card__title", has_text=title))

    def apply_button(self) -> Locator:
        return self.page.get_by_test_id("apply").first

    def keypad(self, field: str) -> Locator:
        return self.page.get_by_test_id(f"keypad-{field}")

    def enrol(self, code: str) -> KioskPage:
        """Staff make this browser the kiosk: the enrolment code at /kiosk/enrol, then the start screen."""
        self.page.goto("/kiosk/enrol")
        self.field("등록 코드").fill(code)
        self.page.get_by_role("button", name="등록", exact=True).click()
        expect(self.door("직원 호출")).to_be_visible()
        return self

    def tap_keys(self, field: str, keys: str) -> None:
        for key in keys:
            self.keypad(field).get_by_role("button", name=key, exact=True).tap()

    def field(self, label: str) -> Locator:
        return self.page.get_by_label(label, exact=True)

    def next_step(self) -> None:
        self.page.get_by_test_id("step-next").tap()

    def apply_by_taps(self, *, name_keys: str, mobile: str, birth_year: str) -> None:
        """The four steps of the application form, each key tapped on the on-screen keypads."""
        self.tap_keys("name", name_keys)
        self.next_step()
        self.tap_keys("mobile", mobile)
        self.next_step()
        self.tap_keys("birth_year", birth_year)
        self.next_step()
        self.page.get_by_label("위와 같이 개인정보를 수집·이용하는 데 동의합니다 (필수)").tap()
        self.page.get_by_role("button", name="신청", exact=True).tap()
        self.enter_texted_code(mobile)

    def enter_texted_code(self, mobile: str) -> None:
        """The code texted to the number, tapped on the number pad, then 확인하고 신청."""
        expect(self.page.get_by_test_id("code-sent")).to_be_visible()
        self.tap_keys("code", texted_code(mobile))
        self.page.get_by_role("button", name="확인하고 신청").tap()

    @property
    def result_headline(self) -> Locator:
        return self.page.get_by_test_id("result-headline")

    @property
    def confirmation_code(self) -> Locator:
        return self.page.get_by_test_id("confirmation-code")

    @property
    def idle_dialog(self) -> Locator:
        return self.page.get_by_role("alertdialog")
