"""Counselling rows for the tests: a place, a counsellor, and a pattern of free times."""

from __future__ import annotations

from datetime import date, time

from jobcenter.counselling.tables import Availability, CounsellingPlace, Counsellor, PlaceKind

WEEKDAYS = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"


async def a_place(name: str = "김포시일자리센터", kind: PlaceKind = PlaceKind.office) -> int:
    (row,) = await CounsellingPlace.insert(CounsellingPlace(name=name, kind=kind.value, address="2층 상담실")).returning(CounsellingPlace.id)
    return row["id"]


async def a_counsellor(name: str = "이지원", first_name: str = "지원") -> int:
    (row,) = await Counsellor.insert(Counsellor(name=name, first_name=first_name)).returning(Counsellor.id)
    return row["id"]


async def a_pattern(counsellor_id: int, place_id: int, *, rule: str = WEEKDAYS, first_day: date = date(2026, 11, 2),
                    start: time = time(10), end: time = time(12), last_day: date | None = None, minutes: int = 30) -> int:
    (row,) = await Availability.insert(Availability(
        counsellor=counsellor_id, place=place_id, rule=rule, first_day=first_day, last_day=last_day, start_time=start, end_time=end,
        slot_minutes=minutes,
    )).returning(Availability.id)
    return row["id"]
