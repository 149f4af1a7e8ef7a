"""Each catalog filter returns exactly the programs that match it."""

from __future__ import annotations

from datetime import timedelta

from tests.builders import NOON_SEOUL, a_cohort, a_program
from tests.support import card_titles, html, present


async def _catalog(client, query: str = "") -> list[str]:
    response = await client.get(f"/programs{query}")
    assert response.status_code == 200
    return card_titles(html(response))


async def test_without_filters_every_published_program_is_listed_by_title(client) -> None:
    await a_program("청소전문교육", audience="senior", category="training")
    await a_program("경비신임교육", audience="middle_aged", category="training")
    await a_program("비공개 과정", published=False)

    assert await _catalog(client) == ["경비신임교육", "청소전문교육"]


async def test_audience_lists_that_life_stage_and_programs_for_everyone(client) -> None:
    await a_program("청년 뉴딜 프로그램", audience="youth")
    await a_program("경비신임교육", audience="middle_aged")
    await a_program("청소전문교육", audience="senior")
    await a_program("맞춤형 취업특강", audience="all", category="lecture")

    assert await _catalog(client, "?audience=youth") == ["맞춤형 취업특강", "청년 뉴딜 프로그램"]
    assert await _catalog(client, "?audience=middle_aged") == ["경비신임교육", "맞춤형 취업특강"]
    assert await _catalog(client, "?audience=senior") == ["맞춤형 취업특강", "청소전문교육"]


async def test_category_lists_only_that_category(client) -> None:
    await a_program("청년 타겟형 취업 컨설팅", category="consulting")
    await a_program("취업상담", audience="all", category="consulting")
    await a_program("맞춤형 취업특강", audience="all", category="lecture")

    assert await _catalog(client, "?category=consulting") == ["청년 타겟형 취업 컨설팅", "취업상담"]
    assert await _catalog(client, "?category=lecture") == ["맞춤형 취업특강"]


async def test_open_only_lists_programs_with_a_cohort_taking_applications_now(client, clock) -> None:
    open_now = await a_program("접수 중 과정")
    await a_cohort(open_now)
    opens_later = await a_program("접수 예정 과정")
    await a_cohort(opens_later, application_opens_at=NOON_SEOUL + timedelta(seconds=1))
    closed = await a_program("마감 과정")
    await a_cohort(closed, application_closes_at=NOON_SEOUL)
    both = await a_program("지난 기수와 새 기수")
    await a_cohort(both, application_closes_at=NOON_SEOUL - timedelta(days=1))
    await a_cohort(both, label="2기")

    assert await _catalog(client, "?open=1") == ["접수 중 과정", "지난 기수와 새 기수"]


async def test_keyword_matches_title_summary_description_and_eligibility(client) -> None:
    await a_program("경비신임교육", audience="middle_aged")
    await a_program("청소전문교육", audience="senior", description="바닥 세정기 사용법을 배웁니다")
    await a_program("디지털 기초", audience="senior", eligibility="스마트폰이 있는 분")
    await a_program("청년 뉴딜 프로그램")

    assert await _catalog(client, "?q=경비") == ["경비신임교육"]
    assert await _catalog(client, "?q=세정기") == ["청소전문교육"]
    assert await _catalog(client, "?q=스마트폰") == ["디지털 기초"]
    assert await _catalog(client, "?q=없는말") == []


async def test_filters_combine(client) -> None:
    match = await a_program("청년 잡담 프로그램", audience="youth", category="job_support")
    await a_cohort(match)
    wrong_category = await a_program("청년 컨설팅", audience="youth", category="consulting")
    await a_cohort(wrong_category)
    not_open = await a_program("청년 뉴딜", audience="youth", category="job_support")
    await a_cohort(not_open, application_opens_at=NOON_SEOUL + timedelta(days=1))

    assert await _catalog(client, "?audience=youth&category=job_support&open=1&q=청년") == ["청년 잡담 프로그램"]


async def test_results_are_paged_and_pages_link_with_the_same_filters(client, settings) -> None:
    for number in range(1, 24):
        await a_program(f"과정 {number:02d}", audience="senior")
    await a_program("다른 대상 과정", audience="youth")

    first = html(await client.get("/programs?audience=senior"))
    third = html(await client.get("/programs?audience=senior&page=3"))

    assert card_titles(first) == [f"과정 {n:02d}" for n in range(1, 11)]
    assert card_titles(third) == ["과정 21", "과정 22", "과정 23"]
    assert "23" in present(first.select_one("#results-title")).get_text()
    next_link = present(first.select_one(".pagination a[rel=next]"))["href"]
    assert next_link == "/programs?audience=senior&page=2"
    assert present(third.select_one(".pagination a[aria-current=page]")).get_text(strip=True) == "3"


async def test_a_page_past_the_end_shows_the_last_page(client) -> None:
    for number in range(1, 12):
        await a_program(f"과정 {number:02d}")

    assert await _catalog(client, "?page=9") == ["과정 11"]


async def test_the_empty_result_says_so_and_offers_to_clear_the_filters(client) -> None:
    await a_program("청년 뉴딜 프로그램")

    soup = html(await client.get("/programs?q=없는말"))

    empty = present(soup.select_one("[data-testid=empty-results]"))
    assert "조건에 맞는 프로그램이 없습니다" in empty.get_text()
    assert present(empty.a)["href"] == "/programs"


async def test_filter_values_no_form_sends_get_a_korean_400_page(client) -> None:
    for query in ("?audience=children", "?category=x", "?page=0", "?page=two", "?q=" + "가" * 101, "?q=a%00b"):
        response = await client.get(f"/programs{query}")
        assert response.status_code == 400, query
        assert present(html(response).h1).get_text(strip=True) == "요청을 처리할 수 없습니다"


async def test_the_form_shows_the_filters_in_force(client) -> None:
    soup = html(await client.get("/programs?audience=senior&category=training&open=1&q=청소"))

    assert present(soup.select_one("input[name=audience][value=senior]")).has_attr("checked")
    assert present(soup.select_one("select[name=category] option[value=training]")).has_attr("selected")
    assert present(soup.select_one("input[name=open]")).has_attr("checked")
    assert present(soup.select_one("input[name=q]"))["value"] == "청소"


async def test_a_keyword_that_is_not_valid_utf8_is_searched_as_text_not_a_crash(client) -> None:
    await a_program("청년 뉴딜 프로그램")

    assert await _catalog(client, "?q=%ff%fe") == []
