"""Listing more programs does not cost more queries."""

from __future__ import annotations

from tests.builders import a_cohort, a_program


async def _queries_for(client, query_counter, path: str) -> int:
    query_counter.clear()
    response = await client.get(path)
    assert response.status_code == 200
    return len(query_counter)


async def _programs_with_two_cohorts(count: int, start: int = 0) -> None:
    for number in range(start, start + count):
        program = await a_program(f"과정 {number:03d}", audience="all")
        await a_cohort(program)
        await a_cohort(program, label="2기")


async def test_the_catalog_costs_the_same_queries_for_one_program_or_a_full_page(client, query_counter) -> None:
    await _programs_with_two_cohorts(1)
    with_one = await _queries_for(client, query_counter, "/programs?audience=youth&open=1&q=과정")

    await _programs_with_two_cohorts(9, start=1)
    with_ten = await _queries_for(client, query_counter, "/programs?audience=youth&open=1&q=과정")

    assert with_one == with_ten == 4, "count, programs, their cohorts, the cohorts' seats"


async def test_the_home_page_costs_the_same_queries_whatever_is_open(client, query_counter) -> None:
    await _programs_with_two_cohorts(1)
    with_one = await _queries_for(client, query_counter, "/")

    await _programs_with_two_cohorts(8, start=1)
    with_many = await _queries_for(client, query_counter, "/")

    assert with_one == with_many
