"""Issue 17: the local company directory (우리동네 기업지도): by district in the city's order, by
industry and whom a company hires, by keyword, paged, with htmx and without; a company's page
shows what its latest visit found; closed companies are never shown."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from jobcenter.companies.tables import Company, CompanyVisit
from tests.support import html, present


async def a_company(name: str, district: str = "고촌읍", industry: str = "logistics", *, closed: bool = False, **visit: Any) -> int:
    (company,) = await Company.insert(Company(name=name, district=district, industry=industry, products=f"{name} 제품", closed=closed)).returning(
        Company.id)
    if visit:
        values = {"visited_on": date(2026, 11, 20), "counsellor": "김상담", **visit}
        (row,) = await CompanyVisit.insert(CompanyVisit(company=company["id"], **values)).returning(CompanyVisit.id)
        await Company.update({Company.latest_visit: row["id"]}).where(Company.id == company["id"])
    return company["id"]


def names(page) -> list[str]:
    return [card.select_one("h4").get_text(strip=True) for card in page.select("[data-testid=company]")]


async def test_companies_are_listed_by_district_in_the_citys_order_then_by_name(client) -> None:
    await a_company("풍무테크", "풍무동")
    await a_company("하성농원", "하성면", "agriculture")
    await a_company("가나물류", "통진읍")
    await a_company("나라물류", "통진읍")
    await a_company("문 닫은 공장", "통진읍", closed=True)

    page = html(await client.get("/companies"))

    assert names(page) == ["가나물류", "나라물류", "하성농원", "풍무테크"]
    assert [heading.get_text(strip=True) for heading in page.select(".company-district")] == ["통진읍", "하성면", "풍무동"]


async def test_filters_by_district_industry_whom_they_hire_and_keyword(client) -> None:
    await a_company("아라뱃길물류", "고촌읍", "logistics", hires_seniors=True, hours="09:00~18:00")
    await a_company("고촌정밀", "고촌읍", "manufacturing", hires_seniors=True)
    await a_company("한강로지스", "장기동", "logistics", hires_youth=True)

    seniors_in_gochon = html(await client.get("/companies", params={"district": "고촌읍", "welcomes": "seniors", "industry": "logistics"}))
    by_keyword = html(await client.get("/companies", params={"q": "로지 스"}))

    assert names(seniors_in_gochon) == ["아라뱃길물류"]
    assert "시니어 채용" in present(seniors_in_gochon.select_one("[data-testid=company]")).get_text()
    assert names(by_keyword) == ["한강로지스"]


async def test_a_long_directory_is_paged_and_htmx_gets_the_results_alone(client) -> None:
    for number in range(25):
        await a_company(f"기업{number:02d}", "사우동")

    second = await client.get("/companies", params={"page": "2"}, headers={"HX-Request": "true"})
    past_the_end = html(await client.get("/companies", params={"page": "99999"}))

    fragment = html(second)
    assert fragment.find("html") is None and names(fragment) == [f"기업{number:02d}" for number in range(20, 25)]
    assert second.headers["hx-push-url"] == "/companies?page=2"
    assert present(fragment.select_one("a[rel=prev]"))["hx-get"] == "/companies?"
    assert names(past_the_end) == [f"기업{number:02d}" for number in range(20, 25)]


@pytest.mark.parametrize("query", [{"district": "강남구"}, {"industry": "mining"}, {"welcomes": "everyone"}, {"page": "¹"},
                                   {"page": "9" * 30}, {"q": "a\x00b"}, {"q": "가" * 101}])
async def test_a_filter_no_form_sends_is_a_clear_400_not_a_500(client, query: dict[str, str]) -> None:
    response = await client.get("/companies", params=query)

    assert response.status_code == 400


async def test_a_companys_page_shows_what_the_latest_visit_found(client) -> None:
    company_id = await a_company("아라뱃길물류", "고촌읍", hours="09:00~18:00", shifts="주간 고정", wage_min=2_300_000, wage_max=2_500_000,
                                 company_bus=True, bus_stop_minutes=10, meals="중식 제공", hires_seniors=True, hires_disabled=True)

    page = html(await client.get(f"/companies/{company_id}"))

    conditions = present(page.select_one("[data-testid=conditions]")).get_text(" ", strip=True)
    assert "09:00~18:00 · 주간 고정" in conditions and "월 230~250만 원" in conditions
    assert "통근버스, 버스 정류장에서 걸어서 10분" in conditions and "시니어 채용, 장애인 채용" in conditions
    assert "2026년 11월 20일 (금)" in present(page.select_one("[data-testid=visited]")).get_text()


async def test_a_closed_or_unknown_company_is_not_found(client) -> None:
    closed = await a_company("문 닫은 공장", closed=True, hours="08:00~17:00")

    assert (await client.get(f"/companies/{closed}")).status_code == 404
    assert (await client.get("/companies/2147483647")).status_code == 404
    assert (await client.get("/companies/99999999999999999999")).status_code in (400, 404)
