"""The day before: one text to each person holding a confirmed seat, from the set hour on; none for
a cancelled seat, a waitlist place or a date the center cancelled, and none twice however many
app processes sweep."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta

from jobcenter.events.tables import EventOccurrence
from jobcenter.notifications.tables import OutboxMessage
from jobcenter.signups import service
from jobcenter.signups.reminders import queue_reminders
from tests.builders import NOON_SEOUL, a_citizen, a_cohort, a_program
from tests.integration.events.helpers import a_series, occurrences_of

ZONE = "Asia/Seoul"
DAY_BEFORE_10 = datetime(2026, 12, 9, 1, 0, tzinfo=UTC)  # 10:00 in Seoul, the day before 10 December


async def _remind(now: datetime = DAY_BEFORE_10) -> int:
    return await queue_reminders(now, hour=10, language="ko", zone=ZONE)


async def _take(pool_id: int, name: str) -> dict:
    citizen = await a_citizen(name)
    return await service.take_seat(pool_id=pool_id, citizen_id=citizen.id, now=NOON_SEOUL, language="ko", zone=ZONE)


async def _reminders() -> list[dict]:
    return await OutboxMessage.select().where(OutboxMessage.kind == "reminder").order_by(OutboxMessage.id)


async def test_each_confirmed_seat_for_tomorrow_gets_one_text_and_nobody_else_does() -> None:
    cohort = await a_cohort(await a_program("경비신임교육"), capacity=2, label="제8기", starts_on=date(2026, 12, 10))
    later = await a_cohort(await a_program("바리스타 과정"), starts_on=date(2026, 12, 11))
    kept = await _take(cohort.seat_pool, "김확정")
    gone = await _take(cohort.seat_pool, "이취소")
    await _take(cohort.seat_pool, "박대기")
    await _take(later.seat_pool, "최모레")
    await service.cancel(application_id=gone["id"], citizen_id=gone["citizen"], now=NOON_SEOUL, language="ko", zone=ZONE)

    assert await _remind() == 2, "김확정, and 박대기 who moved up when 이취소 cancelled"

    texts = {row["citizen"]: row["body"] for row in await _reminders()}
    assert texts[kept["citizen"]] == f"[내일 안내] 12월 10일 (목) 10:00 경비신임교육 제8기 김포시일자리센터 교육장 확인번호 {kept['confirmation_code']}"
    assert all(row["channel"] == "sms" for row in await _reminders())


async def test_not_before_the_hour_and_never_twice() -> None:
    cohort = await a_cohort(await a_program(), starts_on=date(2026, 12, 10))
    await _take(cohort.seat_pool, "김확정")

    assert await _remind(datetime(2026, 12, 9, 0, 59, tzinfo=UTC)) == 0, "09:59 in Seoul"
    assert await _remind() == 1
    assert await _remind(datetime(2026, 12, 9, 1, 10, tzinfo=UTC)) == 0, "the next sweep"
    assert len(await _reminders()) == 1


async def test_two_processes_sweeping_at_once_write_each_reminder_once() -> None:
    cohort = await a_cohort(await a_program(), starts_on=date(2026, 12, 10))
    for number in range(5):
        await _take(cohort.seat_pool, f"신청자{number}")

    written = await asyncio.gather(_remind(), _remind())

    assert sum(written) == 5
    assert len(await _reminders()) == 5


async def test_an_event_date_the_center_cancelled_sends_no_reminder() -> None:
    series = await a_series(capacity=5)  # Thursdays at 14:00
    first, second = (await occurrences_of(series.id))[1:3]  # 3 and 10 December (26 November is closed by noon)
    await _take(first["seat_pool"], "김첫째")
    await _take(second["seat_pool"], "이둘째")
    await EventOccurrence.update({EventOccurrence.status: "cancelled"}).where(EventOccurrence.id == second["id"])

    assert await _remind(first["starts_at"] - timedelta(days=1)) == 1, "14:00 the day before"
    assert await _remind(second["starts_at"] - timedelta(days=1)) == 0
