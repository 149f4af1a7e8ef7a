"""The summary by program: jobs recorded, and at each follow-up call how many were made, reached,
still in the job, the retention rate, and the reasons people left or think of leaving."""

from __future__ import annotations

from datetime import date

from jobcenter.placements.service import OutcomeForm, record_outcome
from jobcenter.placements.tables import FollowUpCall
from tests.builders import a_program
from tests.support import html, present

EMPLOYED = OutcomeForm(reached="yes", still_employed="yes", thinking_of_leaving="no")


def line(page, key: str) -> dict[str, str]:
    row = page.select_one(f"[data-testid=retention-{key}]")
    return {"name": row.th.get_text(strip=True), **{cell["data-testid"]: cell.get_text(" ", strip=True) for cell in row.select("td")}}


async def test_retention_and_reasons_by_program_on_a_hand_built_set(client, counsellor, a_job, actor, clock) -> None:
    async def call(placement_id: int, months: int, outcome: OutcomeForm) -> None:
        row = present(await FollowUpCall.select(FollowUpCall.id).where(FollowUpCall.placement == placement_id, FollowUpCall.months_after == months).first())
        await record_outcome(row["id"], outcome, actor=actor, now=clock.now)

    youth = await a_program("청년 뉴딜 프로그램")
    guards = await a_program("경비신임교육")
    await a_program("청소전문교육")  # no job came from it: not listed
    first = await a_job(date(2026, 5, 1), name="가", program=youth)
    second = await a_job(date(2026, 6, 1), name="나", program=youth)
    third = await a_job(date(2026, 7, 1), name="다", program=youth)
    await a_job(date(2026, 8, 1), name="라", program=guards)
    on_their_own = await a_job(date(2026, 9, 1), name="마")
    await call(first, 1, EMPLOYED)
    await call(first, 3, OutcomeForm(reached="yes", still_employed="yes", thinking_of_leaving="yes", leave_reason="hours"))
    await call(second, 1, OutcomeForm(reached="yes", still_employed="no", leave_reason="pay"))
    await call(third, 1, OutcomeForm(reached="no"))
    await call(on_their_own, 1, EMPLOYED)

    response = await client.get("/staff/calls/summary")

    assert response.status_code == 200
    page = html(response)
    assert [row["data-testid"] for row in page.select("[data-testid=retention] tr[data-testid]")] == [
        f"retention-{guards.id}", f"retention-{youth.id}", "retention-none", "retention-total"]
    assert line(page, str(youth.id)) == {
        "name": "청년 뉴딜 프로그램", "placements": "3",
        "m1-made": "3", "m1-reached": "2", "m1-employed": "1", "m1-rate": "50%",
        "m3-made": "1", "m3-reached": "1", "m3-employed": "1", "m3-rate": "100%",
        "m6-made": "0", "m6-reached": "0", "m6-employed": "0", "m6-rate": "– 아직 연락된 사람 없음",
    }
    assert line(page, str(guards.id))["placements"] == "1" and line(page, str(guards.id))["m1-made"] == "0"
    assert line(page, "none") == {
        "name": "프로그램 없음", "placements": "1",
        "m1-made": "1", "m1-reached": "1", "m1-employed": "1", "m1-rate": "100%",
        "m3-made": "0", "m3-reached": "0", "m3-employed": "0", "m3-rate": "– 아직 연락된 사람 없음",
        "m6-made": "0", "m6-reached": "0", "m6-employed": "0", "m6-rate": "– 아직 연락된 사람 없음",
    }
    total = line(page, "total")
    assert (total["name"], total["placements"], total["m1-made"], total["m1-reached"], total["m1-employed"], total["m1-rate"]) == (
        "모든 프로그램", "5", "4", "3", "2", "67%")

    reasons = present(page.select_one("[data-testid=reasons]"))
    assert [th.get_text(strip=True) for th in reasons.select("thead th")] == ["교육·프로그램", "임금", "근무 시간"]
    youth_reasons = present(reasons.select_one(f"[data-testid=reasons-{youth.id}]"))
    assert present(youth_reasons.select_one("[data-testid=reason-pay]")).get_text(strip=True) == "퇴사 1 · 고민 0"
    assert present(youth_reasons.select_one("[data-testid=reason-hours]")).get_text(strip=True) == "퇴사 0 · 고민 1"
    assert present(reasons.select_one("[data-testid=reasons-none] [data-testid=reason-pay]")).get_text(strip=True) == "0"


async def test_months_no_longer_configured_still_show_their_calls(client, counsellor, a_job, actor, clock) -> None:
    placement = await a_job(date(2026, 1, 5), months=(2,))
    row = present(await FollowUpCall.select(FollowUpCall.id).where(FollowUpCall.placement == placement).first())
    await record_outcome(row["id"], EMPLOYED, actor=actor, now=clock.now)

    page = html(await client.get("/staff/calls/summary"))

    assert [th.get_text(strip=True) for th in page.select(".retention__milestone")] == ["1개월", "2개월", "3개월", "6개월"]
    assert line(page, "none")["m2-rate"] == "100%"


async def test_an_empty_summary_says_so(client, counsellor) -> None:
    page = html(await client.get("/staff/calls/summary"))

    assert present(page.select_one("[data-testid=no-placements]")).get_text(strip=True) == "아직 기록된 취업이 없습니다."


async def test_the_summary_takes_the_same_queries_however_many_jobs(client, counsellor, a_job, query_counter) -> None:
    program = await a_program("청년 뉴딜 프로그램")
    await a_job(date(2026, 5, 1), name="가", program=program)
    query_counter.clear()
    await client.get("/staff/calls/summary")
    few = len(query_counter)
    for number in range(4):
        await a_job(date(2026, 5, 2 + number), name=f"사람{number}", program=await a_program(f"프로그램 {number}"))
    query_counter.clear()

    await client.get("/staff/calls/summary")

    assert len(query_counter) == few
