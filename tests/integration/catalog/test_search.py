"""A catalog search finds what people type: each word on its own, spaces not counted, a life stage
by its name, and signs such as % taken as typed."""

from __future__ import annotations

import pytest
from litestar.testing import AsyncTestClient

from tests.builders import a_program
from tests.support import card_titles, html


async def _found(client: AsyncTestClient, query: str) -> list[str]:
    response = await client.get("/programs", params={"q": query})
    assert response.status_code == 200
    return card_titles(html(response))


@pytest.fixture
async def catalog() -> None:
    await a_program("경비신임교육", audience="middle_aged", summary="경비원 신임교육 24시간")
    await a_program("청소전문교육", audience="senior", summary="건물 청소 실무", description="바닥 세정기 사용법을 배웁니다")
    await a_program("청소년 진로 캠프", audience="youth", summary="진로 탐색")
    await a_program("요양 보호 기초", audience="all", summary="돌봄 일자리 100% 연계")
    await a_program("Excel 실무", audience="youth", summary="엑셀 기초")


@pytest.mark.parametrize("query", ["경비 신임교육", "경비신임 교육", "경비 신임 교육", "신임교육 경비"])
async def test_words_are_matched_on_their_own_and_spaces_do_not_count(client: AsyncTestClient, catalog: None, query: str) -> None:
    assert await _found(client, query) == ["경비신임교육"]


async def test_a_program_written_with_spaces_is_found_by_the_word_without_them(client: AsyncTestClient) -> None:
    await a_program("요양 보호사 양성")

    assert await _found(client, "요양보호사") == ["요양 보호사 양성"]


async def test_a_life_stage_word_finds_its_programs_and_those_for_everyone(client: AsyncTestClient, catalog: None) -> None:
    assert await _found(client, "어르신 청소") == ["청소전문교육"]
    assert sorted(await _found(client, "어르신")) == ["요양 보호 기초", "청소전문교육"]


async def test_every_word_must_be_found_somewhere_in_the_program(client: AsyncTestClient, catalog: None) -> None:
    assert await _found(client, "청소 세정기") == ["청소전문교육"]
    assert await _found(client, "청소 경비") == []


async def test_signs_are_taken_as_typed_and_case_does_not_count(client: AsyncTestClient, catalog: None) -> None:
    assert await _found(client, "100%") == ["요양 보호 기초"]
    assert await _found(client, "%") == ["요양 보호 기초"]
    assert await _found(client, "_") == []
    assert await _found(client, "excel") == ["Excel 실무"]
