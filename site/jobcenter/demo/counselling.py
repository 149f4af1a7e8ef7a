"""Counselling in the demo: the center and the two campuses its counsellors visit, three
counsellors, and their weekly patterns (the campus ones on the days of the campus visits on the
calendar, so a visit's date has times to book)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from jobcenter.counselling.tables import Availability, CounsellingPlace, Counsellor, PlaceKind
from jobcenter.events.tables import EventSeries

WEEKDAYS = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"


@dataclass(frozen=True)
class DemoPattern:
    counsellor: int
    """Index in COUNSELLORS."""
    place: int
    """Index in PLACES."""
    rule: str
    start: time
    end: time
    campus_series: str = ""
    """The calendar's campus visit whose first day the pattern starts from (so every other week agrees)."""


PLACES = [
    ("김포시일자리센터", PlaceKind.office, "김포한강4로 125, 고용복지플러스센터 2층 상담실"),
    ("김포대학교", PlaceKind.campus, "학생회관 2층 (격주 월요일)"),
    ("김포제일공업고등학교", PlaceKind.campus, "진로상담실 (매주 수요일)"),
]
COUNSELLORS = [("이지원", "지원"), ("박현우", "현우"), ("김민지", "민지")]
PATTERNS = [
    DemoPattern(0, 0, WEEKDAYS, time(10), time(12)),
    DemoPattern(0, 0, WEEKDAYS, time(14), time(17)),
    DemoPattern(1, 0, "FREQ=WEEKLY;BYDAY=TU,TH", time(18), time(20)),
    DemoPattern(2, 1, "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", time(13), time(17), campus_series="캠퍼스 취업상담 (김포대학교)"),
    DemoPattern(1, 2, "FREQ=WEEKLY;BYDAY=WE", time(13), time(16), campus_series="캠퍼스 취업상담 (김포제일공업고등학교)"),
]


async def load_counselling(today: date) -> None:
    """The places, counsellors and patterns (from today, or the campus visit's first day)."""
    places = [
        (await CounsellingPlace.insert(CounsellingPlace(name=name, kind=kind.value, address=address, position=number)).returning(
            CounsellingPlace.id))[0]["id"]
        for number, (name, kind, address) in enumerate(PLACES)
    ]
    counsellors = [
        (await Counsellor.insert(Counsellor(name=name, first_name=first_name)).returning(Counsellor.id))[0]["id"]
        for name, first_name in COUNSELLORS
    ]
    for pattern in PATTERNS:
        first_day = today
        if pattern.campus_series:
            series = await EventSeries.select(EventSeries.first_day).where(EventSeries.title == pattern.campus_series).first()
            first_day = series["first_day"] if series else today
        if pattern.campus_series:  # the visit's dates on the calendar link to its times
            await EventSeries.update({EventSeries.booking_path: f"/counselling/{places[pattern.place]}"}).where(
                EventSeries.title == pattern.campus_series)
        await Availability.insert(Availability(
            counsellor=counsellors[pattern.counsellor], place=places[pattern.place], rule=pattern.rule, first_day=first_day,
            start_time=pattern.start, end_time=pattern.end, slot_minutes=30,
        ))
