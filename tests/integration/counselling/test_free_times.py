"""Issue 18: free times come from counsellors' weekly patterns at a place, never on a public
holiday or a closure day, never in the past, and not while the counsellor is on leave; a booked
time is not offered, and a moved booking frees its old time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from jobcenter.counselling.bookings import Who, book, move
from jobcenter.counselling.slots import free_slots, slot_key
from jobcenter.counselling.tables import Leave, PlaceKind
from jobcenter.schedule.tables import Closure
from tests.builders import a_citizen
from tests.integration.counselling.builders import a_counsellor, a_pattern, a_place

SEOUL = ZoneInfo("Asia/Seoul")
ZONE = "Asia/Seoul"


def days(slots) -> list[date]:
    return sorted({slot.starts_at.astimezone(SEOUL).date() for slot in slots})


async def test_a_wednesday_pattern_at_the_high_school_skips_childrens_day() -> None:
    place = await a_place("김포제일공업고등학교", PlaceKind.campus)
    await a_pattern(await a_counsellor(), place, rule="FREQ=WEEKLY;BYDAY=WE", first_day=date(2027, 4, 1), start=time(13), end=time(16))

    slots = await free_slots(place, date(2027, 4, 26), date(2027, 5, 16), now=datetime(2027, 4, 26, tzinfo=UTC), zone=ZONE)

    assert days(slots) == [date(2027, 4, 28), date(2027, 5, 12)]  # 5 May 2027 (어린이날) is left out
    assert [slot.starts_at.astimezone(SEOUL).time() for slot in slots[:6]] == [time(13), time(13, 30), time(14), time(14, 30), time(15), time(15, 30)]


async def test_every_other_monday_at_the_college_counts_from_its_first_day() -> None:
    place = await a_place("김포대학교", PlaceKind.campus)
    await a_pattern(await a_counsellor(), place, rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", first_day=date(2026, 11, 2), start=time(13), end=time(14))

    slots = await free_slots(place, date(2026, 11, 1), date(2026, 12, 31), now=datetime(2026, 10, 1, tzinfo=UTC), zone=ZONE)

    assert days(slots) == [date(2026, 11, 2), date(2026, 11, 16), date(2026, 11, 30), date(2026, 12, 14), date(2026, 12, 28)]


async def test_leave_a_closure_day_and_the_past_remove_times() -> None:
    place = await a_place()
    counsellor = await a_counsellor()
    await a_pattern(counsellor, place, first_day=date(2026, 11, 30), start=time(10), end=time(12))
    await Leave.insert(Leave(counsellor=counsellor, starts_at=datetime(2026, 12, 1, 10, 30, tzinfo=SEOUL), ends_at=datetime(2026, 12, 1, 11, 30, tzinfo=SEOUL)))
    await Closure.insert(Closure(day=date(2026, 12, 2), reason="휴관일"))
    now = datetime(2026, 11, 30, 11, 0, tzinfo=SEOUL)  # Monday 11:00: the morning's first two times are past

    slots = await free_slots(place, date(2026, 11, 30), date(2026, 12, 2), now=now, zone=ZONE)

    starts = [slot.starts_at.astimezone(SEOUL).strftime("%m-%d %H:%M") for slot in slots]
    assert starts == ["11-30 11:30", "12-01 10:00", "12-01 11:30"]


async def test_a_booked_time_is_not_offered_and_a_move_frees_it() -> None:
    place = await a_place()
    counsellor = await a_counsellor()
    await a_pattern(counsellor, place, first_day=date(2026, 11, 30), start=time(10), end=time(11))
    ten, half_past = datetime(2026, 12, 1, 10, tzinfo=SEOUL), datetime(2026, 12, 1, 10, 30, tzinfo=SEOUL)
    now = datetime(2026, 11, 30, 9, tzinfo=SEOUL)
    person = await a_citizen()
    booking_id = await book(person.id, place, {"slot": slot_key(counsellor, ten), "topic": "first"}, who=Who(), now=now, zone=ZONE, language="ko")

    booked = await free_slots(place, date(2026, 12, 1), date(2026, 12, 1), now=now, zone=ZONE)
    await move(booking_id, person.id, {"slot": slot_key(counsellor, half_past)}, actor=None, now=now, zone=ZONE, language="ko")
    moved = await free_slots(place, date(2026, 12, 1), date(2026, 12, 1), now=now, zone=ZONE)

    assert [slot.starts_at for slot in booked] == [half_past]
    assert [slot.starts_at for slot in moved] == [ten]


async def test_a_counsellor_booked_at_one_place_is_not_offered_at_another_for_an_overlapping_time() -> None:
    school, center = await a_place("김포제일공업고등학교", PlaceKind.campus), await a_place()
    counsellor = await a_counsellor()
    await a_pattern(counsellor, school, first_day=date(2026, 11, 30), start=time(10), end=time(11), minutes=60)
    await a_pattern(counsellor, center, first_day=date(2026, 11, 30), start=time(10), end=time(11))
    now = datetime(2026, 11, 30, 9, tzinfo=SEOUL)
    await book((await a_citizen()).id, school, {"slot": slot_key(counsellor, datetime(2026, 12, 1, 10, tzinfo=SEOUL)), "topic": "first"},
               who=Who(), now=now, zone=ZONE, language="ko")

    assert await free_slots(center, date(2026, 12, 1), date(2026, 12, 1), now=now, zone=ZONE) == []
