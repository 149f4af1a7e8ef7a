"""The calls staff work through: due today or overdue and not made, oldest first; coming up; not
reached; recorded. Paged, sorted by due date or name, for one person or everyone."""

from __future__ import annotations

from datetime import date

import pytest

from jobcenter.placements import backoffice
from jobcenter.placements.tables import FollowUpCall
from tests.builders import a_program
from tests.support import html, present

TODAY = date(2026, 11, 26)  # the clock's day in Seoul


def rows(response) -> list[list[str]]:
    """Each listed call as (name, program, which call, due date)."""
    return [
        [present(cells[0].a).get_text(strip=True), cells[1].get_text(strip=True), cells[3].get_text(strip=True), cells[4].get_text(" ", strip=True)]
        for cells in (row.find_all(["th", "td"]) for row in html(response).select("[data-testid=call-row]"))
    ]


@pytest.fixture
async def calls_around_today(a_job, clock):
    """One-month calls: 나오늘 due today, 다지남 ten days late, 가내일 due tomorrow, 라했음 late but made."""
    program = await a_program("청년 뉴딜 프로그램")
    today = await a_job(date(2026, 10, 26), name="나오늘", program=program)
    late = await a_job(date(2026, 10, 16), name="다지남")
    tomorrow = await a_job(date(2026, 10, 27), name="가내일")
    made = await a_job(date(2026, 10, 1), name="라했음")
    await FollowUpCall.update({FollowUpCall.called_at: clock.now, FollowUpCall.called_by: "이상담", FollowUpCall.reached: False}).where(
        FollowUpCall.placement == made, FollowUpCall.months_after == 1
    )
    return {"today": today, "late": late, "tomorrow": tomorrow, "made": made}


async def test_the_due_list_holds_calls_due_today_or_late_and_not_made_oldest_first(client, counsellor, calls_around_today) -> None:
    response = await client.get("/staff/calls")

    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    assert rows(response) == [
        ["다지남", "없음", "1개월", "2026년 11월 16일 (월) 10일 지남"],
        ["나오늘", "청년 뉴딜 프로그램", "1개월", "2026년 11월 26일 (목)"],
    ]
    page = html(response)
    assert present(page.select_one("[data-testid=call-count]")).get_text(strip=True) == "해피콜 2건"
    first = present(page.select_one("[data-testid=call-row]"))
    assert present(first.select_one("th .hint")).get_text(strip=True).startswith("010-****-")
    assert present(first.select_one("[data-testid=open-outcome]")).get_text(" ", strip=True) == "결과 기록 : 다지남, 1개월"


async def test_coming_calls_not_reached_and_recorded_calls_have_their_own_lists(client, counsellor, calls_around_today) -> None:
    upcoming = rows(await client.get("/staff/calls?show=upcoming"))
    assert [row[0] for row in upcoming][:1] == ["가내일"]
    assert ["라했음", "없음", "1개월", "2026년 11월 1일 (일)"] not in upcoming
    assert len(upcoming) == 4 * 3 - 2 - 1  # every call but the two due and the one made

    not_reached = await client.get("/staff/calls?show=not_reached")
    assert [row[0] for row in rows(not_reached)] == ["라했음"]
    retry = present(html(not_reached).select_one("[data-testid=open-outcome]"))
    assert retry.get_text(" ", strip=True).startswith("다시 건 결과 기록")
    assert "연락 안 됨" in present(html(not_reached).select_one("[data-testid=call-outcome]")).get_text(" ", strip=True)

    assert [row[0] for row in rows(await client.get("/staff/calls?show=done"))] == ["라했음"]


async def test_the_lists_sort_by_name(client, counsellor, calls_around_today) -> None:
    response = await client.get("/staff/calls?sort=name")

    assert [row[0] for row in rows(response)] == ["나오늘", "다지남"]
    page = html(response)
    assert present(present(page.select_one("[data-testid=sort-name]")).parent)["aria-sort"] == "ascending"
    assert not present(present(page.select_one("[data-testid=sort-due]")).parent).has_attr("aria-sort")


async def test_the_lists_are_paged_keeping_the_list_and_the_order(client, counsellor, calls_around_today, monkeypatch) -> None:
    monkeypatch.setattr(backoffice, "PAGE_SIZE", 4)

    first = html(await client.get("/staff/calls?show=upcoming&sort=name"))
    second = await client.get("/staff/calls?show=upcoming&sort=name&page=2")

    assert len(first.select("[data-testid=call-row]")) == 4
    assert present(first.select_one("a[rel=next]"))["href"] == "/staff/calls?show=upcoming&sort=name&page=2"
    assert len(rows(second)) == 4
    assert [row[0] for row in rows(second)] == ["나오늘", "다지남", "다지남", "라했음"]


async def test_one_persons_calls(client, counsellor, calls_around_today) -> None:
    placement = present(await FollowUpCall.select(FollowUpCall.placement.citizen.as_alias("citizen")).where(
        FollowUpCall.placement == calls_around_today["late"]).first())

    response = await client.get(f"/staff/calls?show=all&citizen={placement['citizen']}")

    assert [row[0] for row in rows(response)] == ["다지남"] * 3
    assert "다지남 님의 해피콜만 보고 있습니다." in present(html(response).select_one("[data-testid=person-filter]")).get_text(" ", strip=True)
    tabs = html(response).select("[data-testid=call-tabs] a")
    assert tabs[0]["href"] == f"/staff/calls?show=due&citizen={placement['citizen']}"
    assert (await client.get("/staff/calls?citizen=999999")).status_code == 404


async def test_an_empty_list_says_so(client, counsellor) -> None:
    page = html(await client.get("/staff/calls"))

    assert present(page.select_one("[data-testid=no-calls]")).get_text(strip=True) == "이 목록에 해피콜이 없습니다."
    assert page.select_one("[data-testid=calls]") is None


async def test_addresses_that_do_not_parse_give_the_due_list(client, counsellor, calls_around_today) -> None:
    response = await client.get("/staff/calls?show=everything&sort=called&page=-3")

    assert response.status_code == 200
    assert [row[0] for row in rows(response)] == ["다지남", "나오늘"]


async def test_the_list_takes_the_same_queries_however_long(client, counsellor, a_job, query_counter) -> None:
    await a_job(date(2026, 10, 1), name="하나")
    query_counter.clear()
    await client.get("/staff/calls?show=all")
    few = len(query_counter)
    for number in range(5):
        await a_job(date(2026, 9, 1 + number), name=f"사람{number}")
    query_counter.clear()

    response = await client.get("/staff/calls?show=all")

    assert len(rows(response)) == 18
    assert len(query_counter) == few


async def test_the_dashboard_counts_the_calls_on_the_due_list(client, counsellor, calls_around_today) -> None:
    dashboard = html(await client.get("/staff"))

    link = present(dashboard.select_one("[data-testid=calls-due] a"))
    assert link["href"] == "/staff/calls" and link.get_text(strip=True) == "해야 할 해피콜: 2건"
    assert len(rows(await client.get(link["href"]))) == 2
