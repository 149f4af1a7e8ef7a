"""Issue 17: a job seeker finds a company that hires seniors in 고촌읍 in the directory (우리동네
기업지도) and reads what a counsellor found there, finds a job that welcomes seniors and asks to be
referred with the consent; counsellors record a visit, post a job and refer; with JavaScript,
without it, at 320 px; axe finds nothing on each page."""

from __future__ import annotations

import re
from datetime import date, timedelta

from playwright.sync_api import Page, expect

from e2e.pages import new_mobile
from e2e.seed import CITIZEN_PASSWORD


def test_a_job_seeker_finds_a_senior_friendly_company_in_gochon_and_reads_its_conditions(page: Page, assert_accessible) -> None:
    page.goto("/")
    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="우리동네 기업지도").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("우리동네 기업지도")
    page.evaluate("window.stillTheSamePage = true")
    assert_accessible(page)

    page.get_by_label("읍·면·동").select_option("고촌읍")
    page.get_by_label("채용 대상").select_option("seniors")

    expect(page).to_have_url(re.compile(r"welcomes=seniors"))
    results = page.get_by_test_id("company")
    expect(results.first).to_contain_text("시니어 채용")
    expect(page.locator(".company-district")).to_have_text(["고촌읍"])
    assert page.evaluate("window.stillTheSamePage") is True, "the results were swapped in place"
    assert_accessible(page)

    results.get_by_role("link", name="아라뱃길물류").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("아라뱃길물류")
    expect(page.get_by_test_id("conditions")).to_contain_text("통근버스")
    expect(page.get_by_test_id("conditions")).to_contain_text("월 230~250만 원")
    assert_accessible(page)


def test_the_directory_works_without_javascript_on_a_narrow_phone(no_js_page: Page) -> None:
    no_js_page.set_viewport_size({"width": 320, "height": 640})
    no_js_page.goto("/companies")
    expect(no_js_page.locator("#company-results-title")).to_have_text("기업 40곳")

    no_js_page.get_by_label("업종").select_option("care")
    no_js_page.get_by_role("button", name="검색").click()

    expect(no_js_page).to_have_url(re.compile(r"industry=care"))
    expect(no_js_page.get_by_test_id("company").first).to_contain_text("돌봄·사회복지")
    assert no_js_page.evaluate("document.documentElement.scrollWidth") <= 320
    no_js_page.get_by_test_id("company").first.get_by_role("link").click()
    expect(no_js_page.get_by_test_id("conditions")).to_be_visible()
    assert no_js_page.evaluate("document.documentElement.scrollWidth") <= 320


def test_a_counsellor_records_a_visit_and_the_directory_shows_what_changed(page: Page, staff_login, assert_accessible) -> None:
    staff_login(page)
    page.get_by_role("navigation", name="직원용 메뉴").get_by_role("link", name="기업").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("기업")
    assert_accessible(page)
    page.get_by_role("link", name="새 기업").click()
    page.get_by_role("button", name="저장").click()
    expect(page.get_by_test_id("error-summary")).to_be_focused()
    assert_accessible(page)

    page.goto("/staff/companies?q=풍무주차관리")
    page.get_by_role("link", name="풍무주차관리").click()
    page.get_by_role("link", name="방문 기록하기").click()
    expect(page.get_by_label("근무 시간")).to_have_value("07:00~19:00")  # filled from the latest visit
    assert_accessible(page)
    page.get_by_label("근무 시간").fill("08:00~17:00")
    page.get_by_label("통근버스").check()
    page.get_by_role("button", name="방문 기록 저장").click()

    expect(page.get_by_test_id("flash")).to_have_text("저장했습니다.")
    expect(page.get_by_test_id("visits").locator("tbody tr")).to_have_count(2)
    expect(page.get_by_test_id("latest-visit")).to_contain_text("08:00~17:00")
    assert_accessible(page)
    page.get_by_role("link", name="시민 화면으로 보기").click()
    expect(page.get_by_test_id("conditions")).to_contain_text("08:00~17:00")
    expect(page.get_by_test_id("conditions")).to_contain_text("통근버스")


def test_a_senior_finds_a_job_that_welcomes_seniors_in_gochon_and_reads_the_companys_conditions(page: Page, assert_accessible) -> None:
    page.goto("/")
    expect(page.get_by_test_id("home-jobs").get_by_test_id("job").first).to_be_visible()
    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="채용정보").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("채용정보")
    assert_accessible(page)

    page.get_by_label("우대").select_option("seniors")
    page.get_by_label("읍·면·동").select_option("고촌읍")

    expect(page).to_have_url(re.compile(r"district="))
    job = page.get_by_test_id("job").filter(has_text="물류센터 포장 사원")
    expect(job).to_contain_text("시니어 우대")
    assert_accessible(page)
    job.get_by_role("link", name="물류센터 포장 사원").click()
    expect(page.get_by_test_id("state")).to_have_text("모집 중")
    expect(page.get_by_test_id("posting-facts")).to_contain_text("월급 2,300,000원")
    assert_accessible(page)
    page.get_by_role("link", name="아라뱃길물류").click()
    expect(page.get_by_test_id("conditions")).to_contain_text("통근버스")


def test_a_counsellor_posts_a_job_the_minimum_wage_allows_and_citizens_see_it(page: Page, staff_login, assert_accessible) -> None:
    staff_login(page)
    page.goto("/staff/companies?q=대곶기계")
    page.get_by_role("link", name="대곶기계").click()
    page.get_by_role("link", name="새 채용정보").click()
    page.get_by_label("모집 직무").fill("기계 조립 보조")
    page.get_by_label("급여(원)").fill("9000")
    page.get_by_label("급여 단위").select_option("hourly")
    page.get_by_label("마감일").fill("2099-12-31")
    page.get_by_role("button", name="저장").click()
    expect(page.get_by_test_id("error-summary")).to_contain_text("최저임금")
    assert_accessible(page)

    page.get_by_label("급여(원)").fill("10500")
    page.get_by_role("button", name="저장").click()
    expect(page.get_by_test_id("posting-status")).to_have_text("초안")
    page.get_by_role("button", name="게시").click()
    expect(page.get_by_test_id("posting-status")).to_have_text("게시됨")
    assert_accessible(page)

    page.get_by_role("link", name="시민 화면으로 보기").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("기계 조립 보조")
    expect(page.get_by_test_id("posting-facts")).to_contain_text("시급 10,500원")


def test_a_senior_asks_to_be_referred_with_the_consent_and_a_counsellor_refers_her(page: Page, browser, base_url: str, seed, staff_login,
                                                                                   assert_accessible) -> None:
    mobile = new_mobile()
    seed("citizen", "추천희망", mobile, "1957")
    page.goto("/jobs?q=아파트 경비원")
    page.get_by_role("link", name="아파트 경비원").click()
    page.get_by_test_id("login-to-refer").click()
    page.get_by_label("휴대전화 번호").fill(mobile)
    page.get_by_label("비밀번호").fill(CITIZEN_PASSWORD)
    page.get_by_role("button", name="로그인").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("아파트 경비원")

    page.get_by_label("상담사에게 남길 메모 (선택)").fill("오후에 통화 가능합니다")
    page.get_by_role("button", name="추천(알선) 요청하기").click()
    expect(page).to_have_title(re.compile(r"^오류: "))
    expect(page.get_by_test_id("error-summary")).to_be_focused()
    assert_accessible(page)
    page.get_by_label(re.compile("개인정보를 제공하는 데 동의합니다")).check()
    page.get_by_role("button", name="추천(알선) 요청하기").click()
    expect(page.get_by_test_id("flash")).to_contain_text("센터에 요청을 보냈습니다")
    expect(page.get_by_test_id("referral-status")).to_contain_text("접수")
    assert_accessible(page)

    staff = browser.new_context(base_url=base_url).new_page()
    try:
        staff_login(staff)
        staff.get_by_role("navigation", name="직원용 메뉴").get_by_role("link", name="추천 요청").click()
        row = staff.get_by_test_id("referral-row").filter(has_text="추천희망")
        row.get_by_label(re.compile("추천희망님 요청의 상태")).select_option("referred")
        row.get_by_role("button", name=re.compile("저장")).click()
        expect(staff.get_by_test_id("flash")).to_have_text("저장했습니다.")
        assert_accessible(staff)

        page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="내 신청 내역").click()
        expect(page.get_by_test_id("referral").filter(has_text="아파트 경비원").get_by_test_id("referral-state")).to_have_text("추천함")
        assert_accessible(page)

        staff.get_by_test_id("referral-tabs").get_by_role("link", name="추천함").click()
        row = staff.get_by_test_id("referral-row").filter(has_text="추천희망")
        row.get_by_label(re.compile("추천희망님 요청의 상태")).select_option("hired")
        row.get_by_role("button", name=re.compile("저장")).click()
        expect(staff.get_by_test_id("flash")).to_have_text("저장했습니다.")
        staff.get_by_test_id("referral-tabs").get_by_role("link", name="채용").click()
        staff.get_by_test_id("referral-row").filter(has_text="추천희망").get_by_test_id("record-job").click()
        expect(staff.get_by_test_id("placement-posting")).to_contain_text("아파트 경비원")
        expect(staff.get_by_label("직무")).to_have_value("아파트 경비원")
        assert_accessible(staff)
        staff.get_by_label("근무 시작일").fill(date.today().isoformat())
        staff.get_by_role("button", name="저장하고 해피콜 일정 잡기").click()
        expect(staff.get_by_test_id("flash")).to_have_text("취업을 기록하고 해피콜 일정을 잡았습니다.")
        expect(staff.get_by_test_id("call-row").filter(has_text="추천희망")).to_have_count(3)
        assert_accessible(staff)
    finally:
        staff.context.close()


def test_a_company_asks_for_people_and_a_counsellor_publishes_the_posting(page: Page, browser, base_url: str, staff_login,
                                                                          assert_accessible) -> None:
    page.goto("/jobs")
    page.get_by_role("link", name="기업: 구인 신청하기").click()
    assert_accessible(page)
    page.get_by_label("회사 이름").fill("새봄전자")
    page.get_by_label("사업자등록번호").fill("220-81-62518")
    page.get_by_label("읍·면·동").select_option("양촌읍")
    page.get_by_role("textbox", name="이름", exact=True).fill("김인사")
    page.get_by_label("전화번호").fill("031-987-6543")
    page.get_by_label("모집 직무").fill("전자 부품 검사원")
    page.get_by_label("급여(원)").fill("2400000")
    page.get_by_label("마감일").fill("2099-12-31")
    page.get_by_label("위 개인정보 수집·이용에 동의합니다.").check()
    page.get_by_role("button", name="구인 신청 보내기").click()
    expect(page.get_by_test_id("error-summary")).to_be_focused()
    expect(page.get_by_test_id("error-summary")).to_contain_text("사업자등록번호")
    assert_accessible(page)

    page.get_by_label("사업자등록번호").fill("220-81-62517")
    page.get_by_role("button", name="구인 신청 보내기").click()
    expect(page.get_by_test_id("request-sent")).to_contain_text("구인 신청을 받았습니다")
    assert_accessible(page)

    staff = browser.new_context(base_url=base_url).new_page()
    try:
        staff_login(staff)
        staff.get_by_role("navigation", name="직원용 메뉴").get_by_role("link", name="구인 신청").click()
        staff.get_by_test_id("job-request-row").filter(has_text="새봄전자").get_by_role("link", name="전자 부품 검사원").click()
        expect(staff.get_by_test_id("job-request")).to_contain_text("031-987-6543")
        assert_accessible(staff)
        staff.get_by_role("button", name="게시").click()
        expect(staff.get_by_test_id("posting-status")).to_have_text("게시됨")
    finally:
        staff.context.close()


def test_a_counsellor_previews_then_imports_companies_from_excel(page: Page, staff_login, assert_accessible) -> None:
    staff_login(page)
    page.goto("/staff/companies")
    page.get_by_role("link", name="기업 가져오기").click()
    assert_accessible(page)
    csv_text = "기업명,읍면동,업종,하는 일\n가져온물류,대곶면,물류·창고,택배 분류\n잘못된기업,부평구,광업,\n"
    page.get_by_label("파일").set_input_files({"name": "기업.csv", "mimeType": "text/csv", "buffer": csv_text.encode("cp949")})
    page.get_by_role("button", name="미리 보기").click()
    expect(page.get_by_test_id("import-problems")).to_contain_text("3행, 읍·면·동")
    assert_accessible(page)

    good = "기업명,읍면동,업종,하는 일\n가져온물류,대곶면,물류·창고,택배 분류\n"
    page.get_by_label("파일").set_input_files({"name": "기업.csv", "mimeType": "text/csv", "buffer": good.encode("cp949")})
    page.get_by_role("button", name="미리 보기").click()
    expect(page.get_by_test_id("import-preview")).to_contain_text("가져온물류")
    assert_accessible(page)
    page.get_by_label("파일").set_input_files({"name": "기업.csv", "mimeType": "text/csv", "buffer": good.encode("cp949")})
    page.get_by_role("button", name="가져오기", exact=True).click()
    expect(page.get_by_test_id("flash")).to_have_text("가져왔습니다.")
    page.goto("/staff/companies?q=가져온물류")
    expect(page.get_by_test_id("staff-companies")).to_contain_text("가져온물류")


def test_a_counsellor_imports_job_postings_and_publishes_them_at_once(page: Page, staff_login, assert_accessible) -> None:
    deadline = (date.today() + timedelta(days=30)).isoformat()
    header = "기업명,모집 직종,고용 형태,급여 형태,급여,시니어 우대,마감일\n"
    staff_login(page)
    page.get_by_role("navigation", name="직원용 메뉴").get_by_role("link", name="채용정보").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("채용정보")
    assert_accessible(page)
    page.get_by_role("link", name="채용공고 가져오기").click()
    assert_accessible(page)

    bad = header + f"아라뱃길물류,가져온 포장 사원,정규직,시급,9000,Y,{deadline}\n"
    page.get_by_label("파일").set_input_files({"name": "공고.csv", "mimeType": "text/csv", "buffer": bad.encode("cp949")})
    page.get_by_role("button", name="미리 보기").click()
    expect(page.get_by_test_id("import-problems")).to_contain_text("2행, 급여: 최저임금보다 적습니다")
    expect(page.get_by_test_id("import-problems")).to_be_focused()
    assert_accessible(page)

    good = header + f"아라뱃길물류,가져온 포장 사원,정규직,시급,10500,Y,{deadline}\n"
    page.get_by_label("파일").set_input_files({"name": "공고.csv", "mimeType": "text/csv", "buffer": good.encode("cp949")})
    page.get_by_role("button", name="미리 보기").click()
    expect(page.get_by_test_id("import-preview")).to_contain_text("가져온 포장 사원")
    assert_accessible(page)
    page.get_by_label("파일").set_input_files({"name": "공고.csv", "mimeType": "text/csv", "buffer": good.encode("cp949")})
    page.get_by_label(re.compile("바로 게시하기")).check()
    page.get_by_role("button", name="가져오기", exact=True).click()
    expect(page.get_by_test_id("flash")).to_have_text("가져왔습니다.")
    expect(page.get_by_test_id("staff-postings")).to_contain_text("가져온 포장 사원")
    assert_accessible(page)

    page.goto("/jobs?q=가져온 포장 사원")
    expect(page.get_by_test_id("job")).to_contain_text("시니어 우대")


def test_job_postings_work_without_javascript_on_a_narrow_phone(no_js_page: Page) -> None:
    no_js_page.set_viewport_size({"width": 320, "height": 640})
    no_js_page.goto("/jobs")

    no_js_page.get_by_label("우대").select_option("disabled")
    no_js_page.get_by_role("button", name="검색").click()

    expect(no_js_page).to_have_url(re.compile(r"welcomes=disabled"))
    expect(no_js_page.get_by_test_id("job").first).to_contain_text("장애인 우대")
    assert no_js_page.evaluate("document.documentElement.scrollWidth") <= 320
    no_js_page.get_by_test_id("job").first.get_by_role("link").click()
    expect(no_js_page.get_by_test_id("state")).to_be_visible()
    expect(no_js_page.get_by_test_id("login-to-refer")).to_be_visible()
    assert no_js_page.evaluate("document.documentElement.scrollWidth") <= 320
