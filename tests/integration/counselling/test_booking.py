"""Issue 18: booking a counselling time online: the time chosen is booked once and confirmed by
text; two people on the last time, one gets it and the other the next free times; three coming
bookings at most; times not offered (forged, past, odd) are refused, never a 500; one's own
booking is moved or cancelled until two hours before, freeing its time; a reminder the day before."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from jobcenter.counselling import bookings
from jobcenter.counselling.reminders import queue_counselling_reminders
from jobcenter.counselling.slots import Slot, slot_key
from jobcenter.counselling.tables import Booking, CounsellingRecord
from jobcenter.notifications.tables import OutboxMessage
from tests.builders import a_citizen
from tests.integration.counselling.builders import a_counsellor, a_pattern, a_place
from tests.support import html, post_form, present

SEOUL = ZoneInfo("Asia/Seoul")
FRIDAY_TEN = datetime(2026, 11, 27, 10, tzinfo=SEOUL)  # the day after the tests' today (Thursday 26 November, noon)


async def center() -> tuple[int, int]:
    """The center, with one counsellor free on weekdays 10:00-11:00 (two times a day)."""
    place = await a_place()
    counsellor = await a_counsellor()
    await a_pattern(counsellor, place, first_day=date(2026, 11, 2), start=time(10), end=time(11))
    return place, counsellor


async def book(client, place: int, counsellor: int, at: datetime, **fields: str):
    return await post_form(client, f"/counselling/{place}", {"slot": slot_key(counsellor, at), "topic": "resume", "note": "", **fields},
                           follow_redirects=False)


async def test_anyone_sees_the_free_times_and_a_signed_in_person_books_one_confirmed_by_text(client, sign_in) -> None:
    place, counsellor = await center()
    page = html(await client.get(f"/counselling/{place}"))
    assert [item.get_text(strip=True) for item in page.select("[data-testid=free-times] li")][:2] == ["10:00–10:30 · 지원 상담사", "10:30–11:00 · 지원 상담사"]
    assert page.select_one("[data-testid=login-to-book]") is not None
    person = await a_citizen("김학생", mobile="01012345678")
    await sign_in(person)

    response = await book(client, place, counsellor, FRIDAY_TEN)

    assert (response.status_code, response.headers["location"]) == (303, "/me/applications?done=counselling_booked")
    booking = present(await Booking.select().first())
    assert (booking["citizen"], booking["starts_at"], booking["status"], booking["topic"]) == (person.id, FRIDAY_TEN, "booked", "resume")
    text = present(await OutboxMessage.select(OutboxMessage.kind, OutboxMessage.mobile, OutboxMessage.body).first())
    assert (text["kind"], text["mobile"]) == ("counselling_booked", "01012345678")
    assert "[상담예약] 11월 27일 (금) 10:00 김포시일자리센터, 지원 상담사" in text["body"]
    mine = html(await client.get("/me/applications"))
    assert "김포시일자리센터" in present(mine.select_one("[data-testid=booking]")).get_text(" ", strip=True)
    times = html(await client.get(f"/counselling/{place}", params={"day": "2026-11-27"}))
    assert slot_key(counsellor, FRIDAY_TEN) not in {radio["value"] for radio in times.select("input[name=slot]")}


async def test_of_two_people_on_the_same_time_one_gets_it_and_the_other_the_next_free_times(client, sign_in) -> None:
    place, counsellor = await center()
    await sign_in(await a_citizen("먼저", mobile="01011112222"))
    await book(client, place, counsellor, FRIDAY_TEN)
    await sign_in(await a_citizen("나중", mobile="01033334444"))

    second = await book(client, place, counsellor, FRIDAY_TEN)

    assert second.status_code == 409
    taken = present(html(second).select_one("[data-testid=slot-taken]")).get_text(" ", strip=True)
    assert "방금 다른 분이 그 시간을 예약했습니다." in taken and "11월 27일 (금) 10:30" in taken
    assert await Booking.count() == 1


async def test_three_coming_bookings_at_most(client, sign_in) -> None:
    place, counsellor = await center()
    await sign_in(await a_citizen())
    for days in range(3):
        assert (await book(client, place, counsellor, FRIDAY_TEN + timedelta(days=3 + days))).status_code == 303

    fourth = await book(client, place, counsellor, FRIDAY_TEN)

    assert fourth.status_code == 409
    assert "이미 상담 예약이 3건 있습니다" in present(html(fourth).select_one("[data-testid=refusal]")).get_text()
    assert await Booking.count() == 3


@pytest.mark.parametrize("slot", [
    "1:20261127T0000", "1:20261126T0000", "999999999999999999999999999999:20261127T0100", "1:99991231T2359", "1:2026\x001127T0100", "", "abc",
])
async def test_a_time_not_offered_is_refused_never_a_crash(client, sign_in, slot: str) -> None:
    place, _ = await center()
    await sign_in(await a_citizen())

    response = await post_form(client, f"/counselling/{place}", {"slot": slot, "topic": "first"}, follow_redirects=False)

    assert response.status_code in (409, 422)
    assert await Booking.count() == 0


async def test_a_form_without_a_topic_keeps_the_time_chosen(client, sign_in) -> None:
    place, counsellor = await center()
    await sign_in(await a_citizen())

    response = await book(client, place, counsellor, FRIDAY_TEN, topic="", day="2026-11-27")

    assert response.status_code == 422
    page = html(response)
    assert present(page.select_one("#error-topic")).get_text(strip=True).endswith("상담받고 싶은 내용을 고르세요.")
    assert present(page.select_one(f"input[name=slot][value='{slot_key(counsellor, FRIDAY_TEN)}']")).has_attr("checked")


async def test_a_person_moves_their_booking_and_the_old_time_is_free_again(client, sign_in) -> None:
    place, counsellor = await center()
    await sign_in(await a_citizen())
    await book(client, place, counsellor, FRIDAY_TEN)
    booking_id = present(await Booking.select(Booking.id).first())["id"]
    later = FRIDAY_TEN + timedelta(minutes=30)

    moved = await post_form(client, f"/counselling/bookings/{booking_id}/move", {"slot": slot_key(counsellor, later)}, follow_redirects=False)

    assert moved.status_code == 303
    assert present(await Booking.select(Booking.starts_at, Booking.slot).first()) == {"starts_at": later, "slot": slot_key(counsellor, later)}
    assert [row["kind"] for row in await OutboxMessage.select(OutboxMessage.kind).order_by(OutboxMessage.id)] == [
        "counselling_booked", "counselling_moved"]
    assert (await book(client, place, counsellor, FRIDAY_TEN, topic="first")).status_code == 303  # the old time is free


async def test_someone_elses_booking_cannot_be_moved_or_cancelled(client, sign_in) -> None:
    place, counsellor = await center()
    await sign_in(await a_citizen("주인", mobile="01011112222"))
    await book(client, place, counsellor, FRIDAY_TEN)
    booking_id = present(await Booking.select(Booking.id).first())["id"]
    await sign_in(await a_citizen("남", mobile="01033334444"))

    cancelled = await post_form(client, f"/counselling/bookings/{booking_id}/cancel", {}, follow_redirects=False)
    moved = await client.get(f"/counselling/bookings/{booking_id}/move")

    assert (cancelled.status_code, moved.status_code) == (404, 404)
    assert present(await Booking.select(Booking.status).first())["status"] == "booked"


async def test_cancelling_frees_the_time_until_two_hours_before_and_not_after(client, sign_in, clock) -> None:
    place, counsellor = await center()
    person = await a_citizen()
    await sign_in(person)
    await book(client, place, counsellor, FRIDAY_TEN)
    await book(client, place, counsellor, FRIDAY_TEN + timedelta(minutes=30))
    first, second = [row["id"] for row in await Booking.select(Booking.id).order_by(Booking.id)]

    assert (await post_form(client, f"/counselling/bookings/{first}/cancel", {}, follow_redirects=False)).status_code == 303
    clock.now = (FRIDAY_TEN + timedelta(minutes=30) - timedelta(hours=1)).astimezone(ZoneInfo("UTC"))
    await sign_in(person)  # a new session at the new time
    late = await post_form(client, f"/counselling/bookings/{second}/cancel", {}, follow_redirects=False)

    assert late.status_code == 409 and "센터로 전화해 주세요" in late.text
    assert [(row["status"], row["slot"]) for row in await Booking.select(Booking.status, Booking.slot).order_by(Booking.id)] == [
        ("cancelled", None), ("booked", slot_key(counsellor, FRIDAY_TEN + timedelta(minutes=30)))]


async def test_a_reminder_goes_once_the_day_before_from_the_set_hour(client, sign_in) -> None:
    place, counsellor = await center()
    await sign_in(await a_citizen())
    await book(client, place, counsellor, FRIDAY_TEN)
    before_hour = datetime(2026, 11, 26, 9, tzinfo=SEOUL)
    at_hour = datetime(2026, 11, 26, 10, tzinfo=SEOUL)

    assert await queue_counselling_reminders(before_hour, hour=10, language="ko", zone="Asia/Seoul") == 0
    assert await queue_counselling_reminders(at_hour, hour=10, language="ko", zone="Asia/Seoul") == 1
    assert await queue_counselling_reminders(at_hour, hour=10, language="ko", zone="Asia/Seoul") == 0
    reminder = present(await OutboxMessage.select(OutboxMessage.body).where(OutboxMessage.kind == "counselling_reminder").first())
    assert reminder["body"].startswith("[내일 상담] 10:00 김포시일자리센터")


async def test_the_data_download_holds_the_bookings_and_what_was_recorded(client, sign_in) -> None:
    place, counsellor = await center()
    await sign_in(await a_citizen())
    await book(client, place, counsellor, FRIDAY_TEN)
    booking_id = present(await Booking.select(Booking.id).first())["id"]
    await CounsellingRecord.insert(CounsellingRecord(booking=booking_id, discussed="이력서 검토", next_steps="면접 연습", written_by="이지원"))

    data = (await client.get("/me/export.json")).json()

    assert data["counselling"][0]["place"] == "김포시일자리센터"
    assert data["counselling"][0]["record"]["next_steps"] == "면접 연습"
    held = present(html(await client.get("/me")).select_one("[data-testid=held-counselling]")).get_text(" ", strip=True)
    assert held == "예약 1건 · 상담 기록 1건 (내려받기에 포함)"


async def test_a_time_taken_between_the_check_and_the_write_is_refused_inside_the_transaction(client, sign_in, monkeypatch) -> None:
    place, counsellor = await center()
    await sign_in(await a_citizen("먼저", mobile="01011112222"))
    await book(client, place, counsellor, FRIDAY_TEN)
    stale = Slot(counsellor, "지원", place, FRIDAY_TEN, FRIDAY_TEN + timedelta(minutes=30))

    async def offered_a_moment_ago(*args, **kwargs):  # the check before the transaction saw the time free
        return stale

    await sign_in(await a_citizen("나중", mobile="01033334444"))
    await book(client, place, counsellor, FRIDAY_TEN + timedelta(minutes=30))
    mine = present(await Booking.select(Booking.id).where(Booking.starts_at == FRIDAY_TEN + timedelta(minutes=30)).first())["id"]
    monkeypatch.setattr(bookings, "offered", offered_a_moment_ago)
    second = await book(client, place, counsellor, FRIDAY_TEN)
    moved = await post_form(client, f"/counselling/bookings/{mine}/move", {"slot": slot_key(counsellor, FRIDAY_TEN)}, follow_redirects=False)

    assert (second.status_code, moved.status_code) == (409, 409)
    assert [row["starts_at"] for row in await Booking.select(Booking.starts_at).order_by(Booking.id)] == [
        FRIDAY_TEN, FRIDAY_TEN + timedelta(minutes=30)]
