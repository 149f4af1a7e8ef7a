"""Fair use per person: no more places at once than allowed in courses that meet at the same days
and hours, and a few applications an hour (a script cycling apply and cancel stops); a rush of
distinct people is never refused for it."""

from __future__ import annotations

from datetime import date, time

import pytest

from jobcenter.settings import Limits
from jobcenter.signups.service import OverlappingSeat, TooManyApplications, cancel, take_seat
from jobcenter.signups.tables import Application
from tests.builders import NOON_SEOUL, a_citizen, a_cohort, a_program
from tests.support import html, post_form

DECEMBER_10_TO_12_10_TO_16 = {"starts_on": date(2026, 12, 10), "ends_on": date(2026, 12, 12), "start_time": time(10), "end_time": time(16)}


async def _course(title: str, **when):
    return await a_cohort(await a_program(title), label="1기", **{**DECEMBER_10_TO_12_10_TO_16, **when})


DEFAULTS = Limits()


async def _apply(citizen, cohort, limits: Limits = DEFAULTS):
    return await take_seat(pool_id=cohort.seat_pool, citizen_id=citizen.id, now=NOON_SEOUL, language="ko", zone="Asia/Seoul", limits=limits)


async def test_a_second_course_at_the_same_days_and_hours_is_refused_on_the_page_with_the_first_named(client, sign_in) -> None:
    first = await _course("경비신임교육")
    second = await _course("지게차 운전기능사", starts_on=date(2026, 12, 11), ends_on=date(2026, 12, 13), start_time=time(13), end_time=time(17))
    citizen = await a_citizen("김중년", birth_year=1970)
    await _apply(citizen, first)
    await sign_in(citizen)

    refused = await post_form(client, "/applications", {"pool": str(second.seat_pool)})

    assert refused.status_code == 409
    assert "경비신임교육 (1기)에 이미 자리가 있습니다" in html(refused).get_text()
    assert await Application.count().where(Application.seat_pool == second.seat_pool) == 0


@pytest.mark.parametrize("when", [
    {"starts_on": date(2026, 12, 13), "ends_on": date(2026, 12, 14)},  # the days after
    {"start_time": time(16), "end_time": time(18)},  # the same days, after it ends
    {"start_time": time(8), "end_time": time(10)},  # the same days, before it starts
])
async def test_courses_at_other_days_or_hours_are_taken(when) -> None:
    citizen = await a_citizen("김중년", birth_year=1970)
    await _apply(citizen, await _course("경비신임교육"))

    application = await _apply(citizen, await _course("지게차 운전기능사", **when))

    assert application["status"] == "confirmed"


async def test_a_cancelled_place_does_not_count_and_the_setting_allows_more(clock) -> None:
    citizen = await a_citizen("김중년", birth_year=1970)
    first = await _apply(citizen, await _course("경비신임교육"))
    await cancel(application_id=first["id"], citizen_id=citizen.id, now=NOON_SEOUL, language="ko", zone="Asia/Seoul")
    await _apply(citizen, await _course("지게차 운전기능사"))

    two = Limits(overlapping_seats=2)
    assert (await _apply(citizen, await _course("용접 기초"), two))["status"] == "confirmed"
    with pytest.raises(OverlappingSeat):
        await _apply(citizen, await _course("전기 기초"), two)


async def test_applying_and_cancelling_over_and_over_stops_after_the_hourly_count() -> None:
    citizen = await a_citizen("김반복", birth_year=1970)
    cohort = await _course("경비신임교육")
    three = Limits(applications_per_person_per_hour=3)
    for _ in range(3):
        application = await _apply(citizen, cohort, three)
        await cancel(application_id=application["id"], citizen_id=citizen.id, now=NOON_SEOUL, language="ko", zone="Asia/Seoul")

    with pytest.raises(TooManyApplications):
        await _apply(citizen, cohort, three)

    someone_else = await a_citizen("김다른", birth_year=1970)
    assert (await _apply(someone_else, cohort, three))["status"] == "confirmed"
