"""Series for the back-office calendar tests, made as the site makes them, and the form's fields."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from jobcenter.events.generation import generate
from jobcenter.events.tables import EventOccurrence, EventSeries

TODAY = date(2026, 11, 26)  # the clock fixture's day in Seoul (a Thursday)


async def a_series(rule: str = "FREQ=WEEKLY;BYDAY=TH", **fields: Any) -> EventSeries:
    """By default every Thursday from 3 December 2026 at the center, dates generated as the site does."""
    values: dict[str, Any] = {
        "category": "accompanied_interview",
        "title": "동행면접 신청 상담",
        "place": "김포시일자리센터 상담실",
        "rrule": rule,
        "first_day": date(2026, 11, 1),
        "start_time": time(14),
        "end_time": time(17),
    }
    values.update(fields)
    series = EventSeries(**values)
    await series.save()
    await generate(series.id, today=TODAY, zone="Asia/Seoul")
    return series


async def occurrences_of(series_id: int) -> list[dict[str, Any]]:
    return await EventOccurrence.select().where(EventOccurrence.series == series_id).order_by(EventOccurrence.starts_at)


def series_form(**changes: str | None) -> dict[str, str]:
    """A complete, valid form: the job bus on the 2nd and 4th Tuesday from December 2026."""
    fields: dict[str, str | None] = {
        "title": "찾아가는 일자리 버스 (하성면)",
        "category": "job_bus",
        "summary": "버스 안에서 그 지역 기업 면접과 취업 상담을 합니다.",
        "description": "",
        "pattern": "monthly_weekday",
        "ordinal_2": "1",
        "ordinal_4": "1",
        "weekday_TU": "1",
        "first_day": "2026-12-01",
        "start_time": "10:00",
        "end_time": "15:00",
        "days": "1",
        "skip_holidays": "1",
        "place": "하성면 행정복지센터 앞",
        "address": "",
        "area": "하성면",
        "who_should_come": "센터까지 오기 어려운 지역의 구직자",
        "what_to_bring": "이력서",
        "capacity": "12",
        "action": "save",
    }
    fields.update(changes)
    return {name: value for name, value in fields.items() if value is not None}
