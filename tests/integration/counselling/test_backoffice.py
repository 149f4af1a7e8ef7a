"""Issue 18, the counsellors' side: free times added as a plain-words pattern and leave; a booking
made for a caller (the same path as online, audited, texted); the day's bookings; who came,
marked from the time's start; the record of a meeting, each reading of it audited; the month's
summary by place."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from jobcenter.audit.tables import AuditEntry
from jobcenter.counselling.slots import slot_key
from jobcenter.counselling.tables import Availability, Booking, CounsellingRecord
from jobcenter.notifications.tables import OutboxMessage
from tests.builders import a_citizen, a_staff_member
from tests.integration.counselling.builders import a_counsellor, a_pattern, a_place
from tests.support import html, post_form, present

SEOUL = ZoneInfo("Asia/Seoul")
FRIDAY_TEN = datetime(2026, 11, 27, 10, tzinfo=SEOUL)


async def test_free_times_are_added_as_a_pattern_and_shown_in_words(client, sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member())
    place, counsellor = await a_place("김포제일공업고등학교"), await a_counsellor("박현우", "현우")
    fields = {"counsellor": str(counsellor), "place": str(place), "pattern": "weekly", "weekday_WE": "1",
              "first_day": "2026-12-02", "start_time": "13:00", "end_time": "16:00", "slot_minutes": "30"}

    wrong = await post_form(client, "/staff/counselling/patterns/new", {**fields, "end_time": "12:00", "weekday_WE": ""})
    saved = await post_form(client, "/staff/counselling/patterns/new", fields, follow_redirects=False)

    assert wrong.status_code == 422
    assert {link["href"] for link in html(wrong).select("[data-testid=error-summary] a")} >= {"#field-end_time"}
    assert saved.status_code == 303
    assert present(await Availability.select(Availability.rule).first())["rule"] == "FREQ=WEEKLY;BYDAY=WE"
    calendar = html(await client.get("/staff/counselling/calendar"))
    assert "매주 수요일" in present(calendar.select_one("[data-testid=pattern]")).get_text(" ", strip=True)
    assert await AuditEntry.count().where(AuditEntry.action == "counselling.pattern_add") == 1


async def test_leave_takes_the_times_away_from_the_booking_page(client, sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member())
    place, counsellor = await a_place(), await a_counsellor()
    await a_pattern(counsellor, place, start=time(10), end=time(11))

    await post_form(client, "/staff/counselling/leave/new", {"counsellor": str(counsellor), "starts_at": "2026-11-27T00:00",
                                                              "ends_at": "2026-11-28T00:00", "reason": "연차"})

    page = html(await client.get(f"/counselling/{place}", params={"day": "2026-11-27"}))
    assert "11월 27일" not in present(page.select_one("[data-testid=counselling-days]")).get_text()


async def test_a_counsellor_books_for_a_caller_marks_who_came_and_writes_a_record_read_under_audit(client, sign_in_staff, clock) -> None:
    staff = await a_staff_member(name="이상담")
    await sign_in_staff(staff)
    place, counsellor = await a_place(), await a_counsellor()
    await a_pattern(counsellor, place, start=time(10), end=time(11))
    person = await a_citizen("전화예약", mobile="01077778888")

    chooser = html(await client.get("/staff/counselling/book", params={"citizen": str(person.id), "place": str(place), "day": "2026-11-27"}))
    assert slot_key(counsellor, FRIDAY_TEN) in {radio["value"] for radio in chooser.select("input[name=slot]")}
    booked = await post_form(client, "/staff/counselling/book", {
        "citizen": str(person.id), "place": str(place), "slot": slot_key(counsellor, FRIDAY_TEN), "topic": "first", "channel": "phone"},
        follow_redirects=False)

    assert booked.status_code == 303
    booking = present(await Booking.select().first())
    assert (booking["channel"], booking["booked_by"]) == ("phone", "이상담")
    assert present(await AuditEntry.select(AuditEntry.citizen_id).where(AuditEntry.action == "counselling.book").first())["citizen_id"] == person.id
    assert present(await OutboxMessage.select(OutboxMessage.mobile).first())["mobile"] == "01077778888"
    day = html(await client.get("/staff/counselling", params={"day": "2026-11-27"}))
    assert "전화예약" in present(day.select_one("[data-testid=counselling-booking]")).get_text(" ", strip=True)

    early = await post_form(client, f"/staff/counselling/bookings/{booking['id']}/status", {"status": "attended"})
    assert early.status_code == 409
    clock.now = (FRIDAY_TEN + timedelta(minutes=5)).astimezone(ZoneInfo("UTC"))
    await sign_in_staff(staff)
    await post_form(client, f"/staff/counselling/bookings/{booking['id']}/status", {"status": "attended"})
    missing = await post_form(client, f"/staff/counselling/bookings/{booking['id']}/record", {"discussed": "", "next_steps": ""})
    await post_form(client, f"/staff/counselling/bookings/{booking['id']}/record", {"discussed": "이력서 첨삭", "next_steps": "다음 주 면접 연습"})
    page = html(await client.get(f"/staff/counselling/bookings/{booking['id']}"))

    assert missing.status_code == 422
    assert present(await Booking.select(Booking.status).first())["status"] == "attended"
    assert present(await CounsellingRecord.select(CounsellingRecord.discussed).first())["discussed"] == "이력서 첨삭"
    assert present(page.select_one("#field-next_steps")).get_text() == "다음 주 면접 연습"
    actions = [row["action"] for row in await AuditEntry.select(AuditEntry.action).order_by(AuditEntry.id)]
    assert actions[-4:] == ["counselling.attended", "counselling.record_write", "counselling.record_view", "counselling.record_view"]
    summary = html(await client.get("/staff/counselling/summary", params={"month": "2026-11"}))
    line = present(summary.select_one("[data-testid=summary-line]"))
    assert [present(line.select_one(f"[data-testid={name}]")).get_text() for name in ("booked", "attended", "no-show")] == ["1", "1", "0"]


async def test_a_citizen_cannot_reach_the_records(client, sign_in) -> None:
    place, counsellor = await a_place(), await a_counsellor()
    person = await a_citizen()
    (row,) = await Booking.insert(Booking(citizen=person.id, counsellor=counsellor, place=place, starts_at=FRIDAY_TEN, ends_at=FRIDAY_TEN,
                                          slot=slot_key(counsellor, FRIDAY_TEN), topic="first")).returning(Booking.id)
    await CounsellingRecord.insert(CounsellingRecord(booking=row["id"], discussed="비공개 상담 내용", written_by="이상담"))
    await sign_in(person)

    response = await client.get(f"/staff/counselling/bookings/{row['id']}", follow_redirects=False)

    assert response.status_code in (302, 303)
    assert response.headers["location"].startswith("/staff/login")
    assert "비공개 상담 내용" not in (await client.get("/me/applications")).text


async def test_staff_move_a_booking_for_a_caller_and_the_person_is_told(client, sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member())
    place, counsellor = await a_place(), await a_counsellor()
    await a_pattern(counsellor, place, start=time(10), end=time(11))
    person = await a_citizen("옮김", mobile="01012121212")
    booking = Booking(citizen=person.id, counsellor=counsellor, place=place, starts_at=FRIDAY_TEN, ends_at=FRIDAY_TEN + timedelta(minutes=30),
                      slot=slot_key(counsellor, FRIDAY_TEN), topic="first")
    (row,) = await Booking.insert(booking).returning(Booking.id)
    later = FRIDAY_TEN + timedelta(minutes=30)

    chooser = html(await client.get(f"/staff/counselling/bookings/{row['id']}/move", params={"day": "2026-11-27"}))
    moved = await post_form(client, f"/staff/counselling/bookings/{row['id']}/move", {"slot": slot_key(counsellor, later)}, follow_redirects=False)

    assert slot_key(counsellor, later) in {radio["value"] for radio in chooser.select("input[name=slot]")}
    assert moved.status_code == 303
    assert present(await Booking.select(Booking.starts_at).first())["starts_at"] == later
    assert await AuditEntry.count().where(AuditEntry.action == "counselling.move") == 1
    assert await OutboxMessage.count().where(OutboxMessage.kind == "counselling_moved", OutboxMessage.mobile == "01012121212") == 1


async def test_attendance_is_came_or_did_not_come_and_nothing_else(client, sign_in_staff, clock) -> None:
    await sign_in_staff(await a_staff_member())
    place, counsellor = await a_place(), await a_counsellor()
    (row,) = await Booking.insert(Booking(citizen=(await a_citizen()).id, counsellor=counsellor, place=place, starts_at=clock.now,
                                          ends_at=clock.now, slot="x", topic="first")).returning(Booking.id)

    response = await post_form(client, f"/staff/counselling/bookings/{row['id']}/status", {"status": "cancelled"})

    assert response.status_code == 400
    assert present(await Booking.select(Booking.status).first())["status"] == "booked"
