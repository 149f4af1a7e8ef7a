"""접수 시작 알림: a person asks on the program page to be told when a cohort opens, and gets one text
the day before (from the set hour, with the opening time) and one when it opens, once each however
many app processes sweep; the sweep wakes for the opening."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from jobcenter import housekeeping
from jobcenter.notifications.tables import OutboxMessage
from jobcenter.settings import Settings
from jobcenter.signups.opening_alerts import ask_for_alert, next_opening, queue_opening_alerts
from jobcenter.signups.tables import OpeningAlert
from tests.builders import NOON_SEOUL, a_citizen, a_cohort, a_program
from tests.support import FrozenClock, html, post_form, present

OPENS = datetime(2026, 11, 27, 0, 0, tzinfo=UTC)  # Friday 27 November, 09:00 in Seoul
DAY_BEFORE_AT_TEN = datetime(2026, 11, 26, 1, 0, tzinfo=UTC)


@pytest.fixture
async def cohort():
    program = await a_program("어르신 청소 전문 교육", audience="senior", min_age=60)
    return await a_cohort(program, label="1기", capacity=20, application_opens_at=OPENS, application_closes_at=OPENS + timedelta(days=7))


async def _sweep(now: datetime) -> int:
    return await queue_opening_alerts(now, hour=10, language="ko", zone="Asia/Seoul")


async def _texts(kind: str) -> list[dict]:
    return await OutboxMessage.select(OutboxMessage.mobile, OutboxMessage.body).where(OutboxMessage.kind == kind)


async def test_a_signed_in_person_asks_on_the_program_page_and_is_told_it_is_noted(client, sign_in, cohort) -> None:
    await sign_in(await a_citizen("김순자", birth_year=1958))
    page = html(await client.get(f"/programs/{cohort.program}"))
    assert "접수 시작 알림 받기" in present(page.select_one("[data-testid=alert-form]")).get_text()

    asked = await post_form(client, "/alerts", {"pool": str(cohort.seat_pool)}, follow_redirects=False)
    await post_form(client, "/alerts", {"pool": str(cohort.seat_pool)})

    assert asked.status_code == 303
    assert asked.headers["location"] == f"/programs/{cohort.program}?done=alert_on#apply-{cohort.seat_pool}"
    shown = html(await client.get(asked.headers["location"]))
    assert "하루 전과" in present(shown.select_one("[data-testid=flash]")).get_text()
    assert shown.select_one("[data-testid=alert-on]") is not None
    assert await OpeningAlert.count() == 1


async def test_the_day_before_from_ten_then_at_the_opening_one_text_each(cohort) -> None:
    citizen = await a_citizen("김순자", mobile="01055556666", birth_year=1958)
    await ask_for_alert(citizen.id, cohort.seat_pool, NOON_SEOUL - timedelta(days=2))

    assert await _sweep(DAY_BEFORE_AT_TEN - timedelta(minutes=1)) == 0
    assert await _sweep(DAY_BEFORE_AT_TEN) == 1
    assert await _sweep(DAY_BEFORE_AT_TEN + timedelta(hours=5)) == 0
    (soon,) = await _texts("opening_soon")
    assert soon["mobile"] == "01055556666"
    assert "어르신 청소 전문 교육" in soon["body"] and "11월 27일 (금) 09:00" in soon["body"]
    assert f"/programs/{cohort.program}" in soon["body"]

    assert await _sweep(OPENS - timedelta(seconds=1)) == 0
    assert await _sweep(OPENS + timedelta(seconds=1)) == 1
    (now_open,) = await _texts("opening_now")
    assert "[접수 시작]" in now_open["body"]
    assert await OpeningAlert.count() == 0
    assert await _sweep(OPENS + timedelta(minutes=10)) == 0


async def test_two_processes_sweeping_at_once_send_each_text_once(cohort) -> None:
    for number in range(3):
        citizen = await a_citizen(f"시민{number}", birth_year=1958)
        await ask_for_alert(citizen.id, cohort.seat_pool, NOON_SEOUL)

    await asyncio.gather(_sweep(DAY_BEFORE_AT_TEN), _sweep(DAY_BEFORE_AT_TEN))
    await asyncio.gather(_sweep(OPENS), _sweep(OPENS))

    assert (len(await _texts("opening_soon")), len(await _texts("opening_now"))) == (3, 3)


async def test_asked_on_the_opening_day_only_the_opening_text_goes(cohort) -> None:
    citizen = await a_citizen("김순자", birth_year=1958)
    await ask_for_alert(citizen.id, cohort.seat_pool, OPENS - timedelta(hours=1))

    await _sweep(OPENS - timedelta(minutes=30))
    await _sweep(OPENS)

    assert (len(await _texts("opening_soon")), len(await _texts("opening_now"))) == (0, 1)


async def test_a_cancelled_alert_sends_nothing(client, sign_in, cohort) -> None:
    await sign_in(await a_citizen("김순자", birth_year=1958))
    await post_form(client, "/alerts", {"pool": str(cohort.seat_pool)})

    cancelled = await post_form(client, "/alerts/cancel", {"pool": str(cohort.seat_pool)}, follow_redirects=False)
    await _sweep(DAY_BEFORE_AT_TEN)
    await _sweep(OPENS)

    assert cancelled.headers["location"] == f"/programs/{cohort.program}?done=alert_off#apply-{cohort.seat_pool}"
    assert await OutboxMessage.count() == 0


async def test_a_cohort_already_open_needs_no_alert_and_says_so(client, sign_in) -> None:
    open_now = await a_cohort(await a_program("청년 뉴딜 프로그램"), label="3기")
    await sign_in(await a_citizen("김청년"))

    refused = await post_form(client, "/alerts", {"pool": str(open_now.seat_pool)})

    assert refused.status_code == 409
    assert "이미 접수가 시작되었습니다" in html(refused).get_text()
    assert await OpeningAlert.count() == 0


async def test_someone_not_logged_in_is_offered_to_log_in_for_the_alert(client, cohort) -> None:
    page = html(await client.get(f"/programs/{cohort.program}"))

    link = present(page.select_one("[data-testid=login-for-alert]"))
    assert link["href"] == f"/login?next=/programs/{cohort.program}"


async def test_the_sweep_wakes_just_after_the_next_opening_someone_waits_for(settings: Settings, cohort) -> None:
    citizen = await a_citizen("김순자", birth_year=1958)
    await ask_for_alert(citizen.id, cohort.seat_pool, NOON_SEOUL)
    clock = FrozenClock(OPENS - timedelta(minutes=3))

    assert await next_opening(clock.now) == OPENS
    assert await housekeeping.sweep_once(settings, clock) == timedelta(minutes=3, seconds=1)
    clock.now = OPENS + timedelta(seconds=1)
    assert await housekeeping.sweep_once(settings, clock) == housekeeping.SWEEP_EVERY
    assert len(await _texts("opening_now")) == 1
