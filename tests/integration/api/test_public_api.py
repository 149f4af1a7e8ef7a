"""Issue 19: the public read-only API under /api/v1 answers what the pages show (the same services),
as JSON with stable English names and times with the center's offset, pages long lists, lets any
origin read it, answers 304 to a repeat, refuses odd parameters with 400 (never 500) and holds
nothing about a person."""

from __future__ import annotations

import json
from datetime import date, time, timedelta

import pytest

from jobcenter.app import create_app
from jobcenter.catalog.tables import CohortSession
from jobcenter.companies.tables import Company, CompanyVisit
from jobcenter.events.tables import EventCompany, EventOccurrence
from jobcenter.settings import Limits
from jobcenter.signups.service import take_seat
from tests.builders import a_citizen, a_cohort, a_program
from tests.in_loop_client import InLoopClient
from tests.integration.companies.test_postings import a_company, a_posting
from tests.integration.events.helpers import a_series, occurrences_of
from tests.support import card_titles, html, present

TEST_HOST = "testserver.local"


async def test_programs_list_only_published_ones_with_their_seats_left_and_local_times(client, clock) -> None:
    program = await a_program("경비신임교육", audience="senior", fee_won=0)
    cohort = await a_cohort(program, capacity=3)
    await a_program("준비 중인 교육", published=False)
    for name in ("김하나", "김두리"):
        await take_seat(pool_id=cohort.seat_pool, citizen_id=(await a_citizen(name)).id, now=clock.now, language="ko", zone="Asia/Seoul")

    response = await client.get("/api/v1/programs")

    assert response.status_code == 200 and response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert [item["title"] for item in body["items"]] == ["경비신임교육"]
    assert body["paging"] == {"page": 1, "page_count": 1, "total": 1}
    (item,) = body["items"]
    assert item["audience"] == "senior" and item["status"] == "open" and item["url"] == f"/programs/{program.id}"
    seats = item["cohorts"][0]["seats"]
    assert (seats["capacity"], seats["confirmed"], seats["left"]) == (3, 2, 1)
    assert seats["opens_at"] == "2026-11-23T12:00:00+09:00"
    assert item["cohorts"][0]["starts_on"] == "2026-12-10" and item["cohorts"][0]["start_time"] == "10:00"


async def test_the_api_finds_what_the_catalog_page_finds_for_the_same_filters(client) -> None:
    for title, audience in (("어르신 바리스타", "senior"), ("청년 면접 특강", "youth"), ("모두의 컴퓨터", "all"), ("중장년 재취업", "middle_aged")):
        await a_cohort(await a_program(title, audience=audience))

    page = html(await client.get("/programs?audience=senior"))
    api = (await client.get("/api/v1/programs?audience=senior")).json()

    assert [item["title"] for item in api["items"]] == card_titles(page) == ["모두의 컴퓨터", "어르신 바리스타"]


async def test_a_program_has_every_cohort_with_its_sessions_and_an_unpublished_one_is_404_in_json(client) -> None:
    program = await a_program("청년 뉴딜 프로그램")
    await a_cohort(program)
    hidden = await a_program("비공개", published=False)

    body = (await client.get(f"/api/v1/programs/{program.id}")).json()
    missing = await client.get(f"/api/v1/programs/{hidden.id}")

    sessions = body["cohorts"][0]["sessions"]
    assert [session["starts_at"] for session in sessions] == ["2026-12-10T10:00:00+09:00", "2026-12-11T10:00:00+09:00"]
    assert len(sessions) == await CohortSession.count() and not any(session["cancelled"] for session in sessions)
    assert missing.status_code == 404 and missing.json()["status_code"] == 404


async def test_events_of_a_range_include_a_date_under_way_on_its_first_day_and_say_when_cancelled(client) -> None:
    series = await a_series("FREQ=WEEKLY;BYDAY=TH", first_day=date(2026, 12, 3), last_day=date(2026, 12, 24), start_time=time(14), end_time=time(17))
    dates = await occurrences_of(series.id)
    await EventOccurrence.update({EventOccurrence.status: "cancelled"}).where(EventOccurrence.id == dates[1]["id"])
    await EventCompany.insert(EventCompany(occurrence=dates[0]["id"], name="한강정밀", positions="생산직", head_count=3))

    december = (await client.get("/api/v1/events?from=2026-12-03&to=2026-12-10")).json()
    detail = (await client.get(f"/api/v1/events/{dates[0]['id']}")).json()

    assert [(item["starts_at"], item["cancelled"]) for item in december["items"]] == [
        ("2026-12-03T14:00:00+09:00", False), ("2026-12-10T14:00:00+09:00", True)]
    assert december["first_day"] == "2026-12-03" and december["items"][0]["category"] == "accompanied_interview"
    assert detail["companies"] == [{"name": "한강정밀", "positions": "생산직", "head_count": 3}]


@pytest.mark.parametrize("query", [
    "from=2026-12-10&to=2026-12-01", "from=2026-01-01&to=2027-12-31", "from=9999-12-31", "from=2026-12-01&to=9999-12-31",
    "from=0001-01-01", "from=1999-12-31", "from=2100-12-31&to=2101-01-01",
    "from=2026-13-01", "from=%C2%B2026-12-01", "category=party", "page=0", "page=999999999999999999999999999999",
])
async def test_odd_event_parameters_are_a_400_in_json_never_a_500(client, query) -> None:
    response = await client.get(f"/api/v1/events?{query}")

    assert response.status_code == 400
    assert response.json()["status_code"] == 400 and response.json()["detail"] and response.json()["extra"], "extra says what was wrong"


@pytest.mark.parametrize("path", ["/api/v1/programs?q=%00", "/api/v1/programs?audience=child", "/api/v1/companies?district=서울",
                                  "/api/v1/jobs?welcomes=everyone", "/api/v1/programs/99999999999999999999"])
async def test_odd_parameters_elsewhere_are_refused_clearly(client, path) -> None:
    response = await client.get(path)

    assert response.status_code in {400, 404} and response.json()["status_code"] == response.status_code


async def test_the_directory_and_the_jobs_hold_no_person_and_no_closed_company_or_draft(client) -> None:
    open_id, closed_id = await a_company("한강정밀", "통진읍"), await a_company("문 닫은 회사", "고촌읍")
    await Company.update({Company.closed: True}).where(Company.id == closed_id)
    (visit,) = await CompanyVisit.insert(CompanyVisit(company=open_id, visited_on=date(2026, 11, 2), counsellor="김상담", note="대표 휴대폰 010-1234-5678",
                                                      hires_seniors=True)).returning(CompanyVisit.id)
    await Company.update({Company.latest_visit: visit["id"], Company.business_number: "1234567891"}).where(Company.id == open_id)
    shown = await a_posting(open_id, position="생산 보조")
    await a_posting(open_id, status="draft", position="초안 공고")
    citizen = await a_citizen("홍길동", mobile="01098765432")

    answers = [await client.get(path) for path in ("/api/v1/companies", f"/api/v1/companies/{open_id}", "/api/v1/jobs", f"/api/v1/jobs/{shown}")]
    text = "".join(response.text for response in answers)

    assert [item["name"] for item in answers[0].json()["items"]] == ["한강정밀"]
    assert answers[1].json()["latest_visit"]["hires_seniors"] is True
    assert [item["position"] for item in answers[2].json()["items"]] == ["생산 보조"]
    for private in ("김상담", "010-1234-5678", "1234567891", citizen.name, "01098765432", "초안 공고"):
        assert private not in text


async def test_a_repeat_with_the_etag_is_a_304_and_any_cache_may_keep_it_a_minute(client) -> None:
    await a_cohort(await a_program())

    first = await client.get("/api/v1/programs")
    again = await client.get("/api/v1/programs", headers={"if-none-match": first.headers["etag"]})

    assert first.headers["cache-control"] == "public, max-age=60"
    assert again.status_code == 304 and again.content == b""


async def test_any_origin_may_read_the_api_and_no_other_part_of_the_site(client) -> None:
    api = await client.get("/api/v1/programs", headers={"origin": "https://data.gimpo.go.kr"})
    page = await client.get("/programs", headers={"origin": "https://data.gimpo.go.kr"})
    preflight = await client.options("/api/v1/programs", headers={
        "origin": "https://data.gimpo.go.kr", "access-control-request-method": "GET", "access-control-request-headers": "if-none-match"})

    assert api.headers["access-control-allow-origin"] == "*"
    assert "set-cookie" not in api.headers, "a cached public answer never carries a cookie"
    assert "access-control-allow-origin" not in page.headers
    assert preflight.status_code == 204 and "if-none-match" in preflight.headers["access-control-allow-headers"]


async def test_the_openapi_document_describes_the_api_and_nothing_else_of_the_site(client) -> None:
    document = (await client.get("/api/openapi.json")).json()

    assert sorted(document["paths"]) == [
        "/api/v1/companies", "/api/v1/companies/{company_id}", "/api/v1/events", "/api/v1/events/{event_id}",
        "/api/v1/jobs", "/api/v1/jobs/{job_id}", "/api/v1/programs", "/api/v1/programs/{program_id}"]
    assert document["paths"]["/api/v1/programs"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ProgramPage"}
    assert {"429", "404"} <= set(document["paths"]["/api/v1/jobs/{job_id}"]["get"]["responses"])


async def test_the_documentation_page_lists_every_address_in_korean(client) -> None:
    page = html(await client.get("/api/docs"))

    headings = [heading.get_text(strip=True) for heading in page.select("h3 code")]
    assert "GET /api/v1/events" in headings and "ProgramPage" in headings
    assert "공개 데이터 API" in present(page.select_one("h1")).get_text()


async def test_too_many_requests_from_one_address_get_429_with_retry_after(settings, shared_clock) -> None:
    from dataclasses import replace

    app = create_app(replace(settings, limits=Limits(api_requests_per_address_per_minute=3)), clock=shared_clock)
    async with InLoopClient(app, base_url=f"http://{TEST_HOST}") as client:
        answers = [await client.get("/api/v1/jobs") for _ in range(4)]
        shared_clock.now += timedelta(minutes=1)
        later = await client.get("/api/v1/jobs")

    assert [response.status_code for response in answers] == [200, 200, 200, 429]
    assert 0 < int(answers[3].headers["retry-after"]) <= 60 and json.loads(answers[3].text)["status_code"] == 429
    assert later.status_code == 200
