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


class SignupPage:
    """/signup: the consent notice, then the details."""

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
        self.page.get_by_role("button", name="가입하기").click()

    @property
    def error_summary(self) -> Locator:
        return self.page.get_by_test_id("error-summary")


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

    def sign_up_by_phone(self, mobile: str, name: str, birth_year: str, consent: bool = True) -> None:
        self.page.get_by_role("link", name="전화·방문 신청 대신 접수").click()
        self.page.get_by_label("휴대전화 번호").fill(mobile)
        self.page.get_by_role("textbox", name="이름").fill(name)
        self.page.get_by_label("태어난 해").fill(birth_year)
        if consent:
            self.page.get_by_label("본인이 내용을 듣고 동의했습니다").check()
        self.page.get_by_role("button", name="이분 대신 신청하기").click()

    def check_in(self, code: str) -> None:
        field = self.page.get_by_role("textbox", name="확인번호")
        field.fill(code)
        field.press("Enter")
