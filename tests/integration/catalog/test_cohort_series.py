"""Issue 16: a program that repeats monthly (맞춤형 취업특강 on the 2nd Thursday) has its cohorts made
three months ahead from a template, each with its own seats and window, and staff edit one freely."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from jobcenter.audit.service import Actor
from jobcenter.catalog.cohort_series import create_series, make_all_ahead, stop_series
from jobcenter.catalog.tables import Cohort, CohortSession
from jobcenter.signups.tables import SeatPool
from jobcenter.web.form_input import FormInvalid
from tests.builders import NOON_SEOUL, a_program, a_staff_member
from tests.support import html, post_form, present

ACTOR = Actor(id=1, name="이상담", role="staff")
SECOND_THURSDAY = {"pattern": "monthly_weekday", "weekday_TH": "1", "ordinal_2": "1"}


def series_form(**changes: str) -> dict[str, str]:
    return {**SECOND_THURSDAY, "skip_holidays": "1", "first_day": "2026-11-01", "last_day": "", "start_time": "14:00", "end_time": "16:00",
            "place": "김포시일자리센터 대강당", "capacity": "50", "opens_days_before": "14", "months_ahead": "3", **changes}


async def days_made(program_id: int) -> list[date]:
    rows = await Cohort.select(Cohort.starts_on).where(Cohort.program == program_id).order_by(Cohort.starts_on)
    return [row["starts_on"] for row in rows]


async def test_a_monthly_lecture_is_made_three_months_ahead_on_the_2nd_thursday() -> None:
    program = await a_program("맞춤형 취업특강", category="lecture")

    _, made = await create_series(program.id, series_form(), actor=ACTOR, now=NOON_SEOUL, zone="Asia/Seoul")

    # Today is Thursday 26 November 2026: 12 November is past; the horizon is 26 February 2027.
    assert made == 3 and await days_made(program.id) == [date(2026, 12, 10), date(2027, 1, 14), date(2027, 2, 11)]
    cohort = present(await Cohort.select(*Cohort.all_columns(), *Cohort.seat_pool.all_columns()).where(Cohort.starts_on == date(2026, 12, 10)).first())
    assert cohort["label"] == "2026년 12월 10일" and cohort["place"] == "김포시일자리센터 대강당"
    assert cohort["seat_pool.capacity"] == 50
    assert cohort["seat_pool.opens_at"] == NOON_SEOUL  # 14 days before, 09:00, is past: it opens now
    assert cohort["seat_pool.closes_at"] == datetime(2026, 12, 10, 5, tzinfo=UTC)  # when the lecture begins, 14:00 in Seoul
    sessions = await CohortSession.select(CohortSession.starts_at).where(CohortSession.cohort == cohort["id"])
    assert sessions == [{"starts_at": datetime(2026, 12, 10, 5, tzinfo=UTC)}]
    january = present(await Cohort.select(Cohort.seat_pool.opens_at.as_alias("opens_at")).where(Cohort.starts_on == date(2027, 1, 14)).first())
    assert january["opens_at"] == datetime(2026, 12, 31, 0, tzinfo=UTC)  # 31 December 09:00 in Seoul, 14 days before


async def test_each_sweep_adds_the_months_its_horizon_reaches_and_leaves_edited_cohorts_alone() -> None:
    program = await a_program("맞춤형 취업특강", category="lecture")
    await create_series(program.id, series_form(), actor=ACTOR, now=NOON_SEOUL, zone="Asia/Seoul")
    await Cohort.update({Cohort.label: "1월 특강: 근로계약", Cohort.place: "소강당"}).where(Cohort.starts_on == date(2027, 1, 14))

    await make_all_ahead(now=NOON_SEOUL, zone="Asia/Seoul")  # the same day: nothing new
    assert len(await days_made(program.id)) == 3
    made = await make_all_ahead(now=datetime(2027, 1, 20, 3, tzinfo=UTC), zone="Asia/Seoul")

    assert made == 2 and (await days_made(program.id))[-2:] == [date(2027, 3, 11), date(2027, 4, 8)]
    edited = present(await Cohort.select(Cohort.label, Cohort.place).where(Cohort.starts_on == date(2027, 1, 14)).first())
    assert edited == {"label": "1월 특강: 근로계약", "place": "소강당"}


async def test_a_2nd_thursday_on_a_public_holiday_gets_no_lecture() -> None:
    program = await a_program("맞춤형 취업특강", category="lecture")
    # The 2nd Friday of October 2026 is 9 October, 한글날.
    form = series_form(**{"weekday_TH": "", "weekday_FR": "1", "first_day": "2026-09-01", "last_day": "2026-11-30", "months_ahead": "12"})

    await create_series(program.id, form, actor=ACTOR, now=datetime(2026, 9, 1, tzinfo=UTC), zone="Asia/Seoul")

    assert await days_made(program.id) == [date(2026, 9, 11), date(2026, 11, 13)]


async def test_a_stopped_series_makes_no_more_cohorts_and_keeps_those_made() -> None:
    program = await a_program("맞춤형 취업특강", category="lecture")
    series_id, _ = await create_series(program.id, series_form(months_ahead="1"), actor=ACTOR, now=NOON_SEOUL, zone="Asia/Seoul")

    await stop_series(program.id, series_id, actor=ACTOR, now=NOON_SEOUL, zone="Asia/Seoul")
    await make_all_ahead(now=datetime(2027, 3, 1, 3, tzinfo=UTC), zone="Asia/Seoul")

    assert await days_made(program.id) == [date(2026, 12, 10)]
    assert await SeatPool.count() == 1


@pytest.mark.parametrize(("changes", "field"), [
    ({"pattern": "", "weekday_TH": "", "ordinal_2": ""}, "pattern"),
    ({"capacity": "0"}, "capacity"),
    ({"end_time": "13:00"}, "end_time"),
    ({"last_day": "2026-10-01"}, "last_day"),
    ({"months_ahead": "99"}, "months_ahead"),
    ({"opens_days_before": "¹⁴"}, "opens_days_before"),
])
async def test_a_series_form_with_a_mistake_is_refused_and_nothing_is_made(changes: dict[str, str], field: str) -> None:
    program = await a_program("맞춤형 취업특강", category="lecture")

    with pytest.raises(FormInvalid) as refused:
        await create_series(program.id, series_form(**changes), actor=ACTOR, now=NOON_SEOUL, zone="Asia/Seoul")

    assert field in refused.value.errors
    assert await Cohort.count() == 0


async def test_staff_repeat_a_program_from_its_page_and_stop_it(client, clock, sign_in_staff) -> None:
    program = await a_program("맞춤형 취업특강", category="lecture")
    await sign_in_staff(await a_staff_member())
    path = f"/staff/programs/{program.id}/series/new"

    refused = await post_form(client, path, series_form(place=""))
    assert refused.status_code == 422 and present(html(refused).select_one("#field-capacity"))["value"] == "50"
    created = await post_form(client, path, series_form())

    page = html(created)
    assert present(page.select_one("[data-testid=series-row]")).get_text(" ", strip=True).startswith("매월 둘째 목요일")
    assert len(page.select("[data-testid=cohort-row]")) == 3
    stop = str(present(page.select_one("[data-testid=series-row] form"))["action"])
    page = html(await post_form(client, stop, {}))
    assert "마지막 날: 2026년 11월 26일 (목)." in present(page.select_one("[data-testid=series-row]")).get_text(" ", strip=True)
    assert not page.select("[data-testid=series-row] form")
