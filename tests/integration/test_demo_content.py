"""The demo catalog shows every audience and every status, and never lands on existing data."""

from __future__ import annotations

from jobcenter.catalog.filters import CatalogFilters
from jobcenter.catalog.service import search_programs
from jobcenter.catalog.status import Status
from jobcenter.catalog.tables import Program
from jobcenter.companies.tables import Company
from jobcenter.demo.loader import load_demo_content
from jobcenter.settings import GIMPO_DISTRICTS
from tests.builders import NOON_SEOUL, a_program
from tests.support import html


async def test_the_demo_shows_every_audience_and_every_status() -> None:
    inserted = await load_demo_content(NOON_SEOUL, "Asia/Seoul")

    page = await search_programs(CatalogFilters(), now=NOON_SEOUL, zone="Asia/Seoul", page_size=100)
    assert inserted == page.total >= 10
    assert {program.audience for program in page.programs} == {"youth", "middle_aged", "senior", "all"}
    assert {program.status for program in page.programs} == set(Status)
    titles = {program.title for program in page.programs}
    for title in ("청년 뉴딜 프로그램", "청년 잡(job)담(談) 프로그램", "경비신임교육", "청소전문교육", "맞춤형 취업특강", "취업상담"):
        assert title in titles


async def test_the_demo_is_not_loaded_over_existing_programs() -> None:
    await a_program("센터가 직접 등록한 과정")

    assert await load_demo_content(NOON_SEOUL, "Asia/Seoul") == 0
    assert await Program.count() == 1


async def test_the_demo_directory_has_forty_surveyed_companies_across_the_districts(client) -> None:
    await load_demo_content(NOON_SEOUL, "Asia/Seoul")

    companies = await Company.select(Company.district, Company.latest_visit)

    assert len(companies) == 40 and all(company["latest_visit"] for company in companies)
    assert {company["district"] for company in companies} == set(GIMPO_DISTRICTS)
    seniors_in_gochon = html(await client.get("/companies", params={"district": "고촌읍", "welcomes": "seniors"}))
    assert len(seniors_in_gochon.select("[data-testid=company]")) >= 2
