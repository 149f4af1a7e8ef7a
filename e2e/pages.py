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
        self.page.get_by_label("이름").fill(name)
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
