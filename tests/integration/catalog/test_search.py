"""A catalog search finds what people type: each word on its own, spaces not counted, a life stage
by its name, and signs such as % taken as typed."""

from __future__ import annotations

import pytest

from jobcenter.audit.service import Actor
from jobcenter.catalog.editing import update_program
from jobcenter.catalog.search_index import terms_of, terms_of_word
from tests.builders import a_program, a_staff_member
from tests.in_loop_client import InLoopClient
from tests.support import FrozenClock, card_titles, html


async def _found(client: InLoopClient, query: str) -> list[str]:
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
async def test_words_are_matched_on_their_own_and_spaces_do_not_count(client: InLoopClient, catalog: None, query: str) -> None:
    assert await _found(client, query) == ["경비신임교육"]


async def test_a_program_written_with_spaces_is_found_by_the_word_without_them(client: InLoopClient) -> None:
    await a_program("요양 보호사 양성")

    assert await _found(client, "요양보호사") == ["요양 보호사 양성"]


async def test_a_life_stage_word_finds_its_programs_and_those_for_everyone(client: InLoopClient, catalog: None) -> None:
    assert await _found(client, "어르신 청소") == ["청소전문교육"]
    assert sorted(await _found(client, "어르신")) == ["요양 보호 기초", "청소전문교육"]


async def test_every_word_must_be_found_somewhere_in_the_program(client: InLoopClient, catalog: None) -> None:
    assert await _found(client, "청소 세정기") == ["청소전문교육"]
    assert await _found(client, "청소 경비") == []


async def test_signs_are_taken_as_typed_and_case_does_not_count(client: InLoopClient, catalog: None) -> None:
    assert await _found(client, "100%") == ["요양 보호 기초"]
    assert await _found(client, "%") == ["요양 보호 기초"]
    assert await _found(client, "_") == []
    assert await _found(client, "excel") == ["Excel 실무"]


async def test_a_program_renamed_by_staff_is_found_by_its_new_name_only(client: InLoopClient, clock: FrozenClock) -> None:
    program = await a_program("바리스타 입문", audience="youth", category="training")
    staff = await a_staff_member()
    form = {"title": "제과제빵 입문", "summary": "빵 굽기", "description": "", "audience": "youth", "category": "training",
            "eligibility": "", "contact_phone": "", "min_age": "", "max_age": "", "fee_won": "0", "published": "1"}

    await update_program(program.id, form, actor=Actor(id=staff.id, name=staff.name), now=clock.now)

    assert await _found(client, "제과") == ["제과제빵 입문"]
    assert await _found(client, "바리스타") == []


def test_a_word_is_looked_up_by_its_pairs_of_syllables_and_a_syllable_by_itself() -> None:
    assert terms_of_word("경비") == {"경비"} and terms_of_word("경 비") == {"경비"}
    assert terms_of_word("신임교육") == {"신임", "임교", "교육"}
    assert terms_of_word("청") == {"청"} and terms_of_word("%") == set()
    assert {"비신", "경", "24"} <= terms_of(["경비 신임 24시간"])
    assert "육청" not in terms_of(["경비신임교육", "청소"]), "never a pair across two texts"
