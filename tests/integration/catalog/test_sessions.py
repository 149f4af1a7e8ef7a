"""Issue 16: a cohort meets on the days its pattern gives (회차), closure days are left out, and the
calendar shows the sessions, not the date range, in time order."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import vobject
from icalendar import Calendar

from jobcenter.audit.tables import AuditEntry
from jobcenter.catalog.sessions import generate_missing
from jobcenter.catalog.tables import Cohort, CohortSession
from jobcenter.events.tables import EventOccurrence
from jobcenter.notifications.tables import OutboxMessage
from jobcenter.signups.service import take_seat
from tests.builders import a_citizen, a_cohort, a_program, a_staff_member
from tests.integration.events.test_calendar import a_series
from tests.support import filled_in, html, post_form, present

TUESDAY_AND_THURSDAY = "FREQ=WEEKLY;BYDAY=TU,TH"


async def _session_days(cohort_id: int) -> list[date]:
    rows = await CohortSession.select(CohortSession.starts_at).where(CohortSession.cohort == cohort_id).order_by(CohortSession.starts_at)
    return [row["starts_at"].astimezone(UTC).date() for row in rows]


async def _edit_form(client, program_id: int, cohort_id: int) -> dict[str, str]:
    page = html(await client.get(f"/staff/programs/{program_id}/cohorts/{cohort_id}/edit"))
    return filled_in(present(page.select_one("[data-testid=cohort-form]")))


async def test_a_cohort_made_in_its_form_meets_on_the_pattern_s_days_only(client, sign_in_staff) -> None:
    program = await a_program("어르신 디지털 일자리 기초교육")
    await sign_in_staff(await a_staff_member())
    fields = {
        "label": "오전반", "starts_on": "2026-12-08", "ends_on": "2026-12-31", "start_time": "10:00", "end_time": "12:00",
        "pattern": "weekly", "weekday_TU": "1", "weekday_TH": "1", "skip_holidays": "1",
        "schedule_note": "", "place": "김포시일자리센터 교육장", "capacity": "15",
        "opens_at": "2026-11-27T09:00", "closes_at": "2026-12-04T18:00", "cancellable_until": "",
    }

    response = await post_form(client, f"/staff/programs/{program.id}/cohorts/new", fields, follow_redirects=False)

    assert response.status_code == 303
    cohort = present(await Cohort.select().first())
    assert cohort["rrule"] == TUESDAY_AND_THURSDAY
    # 화·목 from 12월 8일 to 12월 31일, without 기독탄신일 (a Friday in 2026, so nothing to skip there).
    assert await _session_days(cohort["id"]) == [
        date(2026, 12, 8), date(2026, 12, 10), date(2026, 12, 15), date(2026, 12, 17),
        date(2026, 12, 22), date(2026, 12, 24), date(2026, 12, 29), date(2026, 12, 31),
    ]
    first = present(await CohortSession.select().where(CohortSession.cohort == cohort["id"]).order_by(CohortSession.starts_at).first())
    assert first["starts_at"] == datetime(2026, 12, 8, 1, 0, tzinfo=UTC) and first["ends_at"] == datetime(2026, 12, 8, 3, 0, tzinfo=UTC)


async def test_a_pattern_that_gives_no_day_between_the_dates_is_refused_with_nothing_written(client, sign_in_staff) -> None:
    program = await a_program()
    await sign_in_staff(await a_staff_member())
    fields = {
        "label": "1기", "starts_on": "2026-12-12", "ends_on": "2026-12-13", "start_time": "10:00", "end_time": "12:00",
        "pattern": "weekly", "weekday_TU": "1", "skip_holidays": "1", "place": "교육장", "capacity": "15",
        "opens_at": "2026-11-27T09:00", "closes_at": "2026-12-04T18:00",
    }

    response = await post_form(client, f"/staff/programs/{program.id}/cohorts/new", fields)

    assert response.status_code == 422
    assert "규칙과 날짜를 확인하세요" in present(html(response).select_one("#error-pattern")).get_text()
    assert await Cohort.count() == 0 and await CohortSession.count() == 0


async def test_new_times_move_the_coming_sessions_and_keep_those_begun_or_changed_by_hand(client, clock, sign_in_staff) -> None:
    program = await a_program()
    cohort = await a_cohort(program, starts_on=date(2026, 11, 24), ends_on=date(2026, 12, 3), rrule=TUESDAY_AND_THURSDAY)
    clock.now = datetime(2026, 11, 27, 3, tzinfo=UTC)  # the 24th and 26th have been held
    await sign_in_staff(await a_staff_member())
    hand_edited = present(await CohortSession.select().where(CohortSession.starts_at >= datetime(2026, 12, 3, tzinfo=UTC)).first())
    await CohortSession.update({CohortSession.edited: True}).where(CohortSession.id == hand_edited["id"])

    form = await _edit_form(client, program.id, cohort.id)
    response = await post_form(client, f"/staff/programs/{program.id}/cohorts/{cohort.id}/edit", {**form, "start_time": "13:00", "end_time": "15:00"})

    assert response.status_code == 200  # the program's page, after the redirect
    rows = await CohortSession.select().where(CohortSession.cohort == cohort.id).order_by(CohortSession.rule_day)
    hours = {row["rule_day"]: (row["starts_at"].astimezone(UTC).hour, row["sequence"]) for row in rows}
    assert hours == {
        date(2026, 11, 24): (1, 0), date(2026, 11, 26): (1, 0),  # held at 10:00, as they were
        date(2026, 12, 1): (4, 1),  # 13:00 in Seoul, its calendar entry changed once
        date(2026, 12, 3): (1, 0),  # changed by hand: left to staff
    }


async def test_new_times_are_texted_to_everyone_holding_a_seat_with_the_next_session(client, clock, sign_in_staff) -> None:
    program = await a_program("어르신 디지털 일자리 기초교육")
    cohort = await a_cohort(program, label="오전반", starts_on=date(2026, 12, 1), ends_on=date(2026, 12, 10), rrule=TUESDAY_AND_THURSDAY)
    person = await a_citizen("박순자", birth_year=1958)
    await take_seat(pool_id=cohort.seat_pool, citizen_id=person.id, now=clock.now, language="ko", zone="Asia/Seoul")
    await sign_in_staff(await a_staff_member())

    form = await _edit_form(client, program.id, cohort.id)
    await post_form(client, f"/staff/programs/{program.id}/cohorts/{cohort.id}/edit", {**form, "start_time": "13:00", "end_time": "15:00"})
    await post_form(client, f"/staff/programs/{program.id}/cohorts/{cohort.id}/edit", {**form, "start_time": "13:00", "end_time": "15:00",
                                                                                         "ends_on": "2026-12-17"})

    texts = await OutboxMessage.select(OutboxMessage.body).where(OutboxMessage.citizen == person.id, OutboxMessage.kind == "cohort_changed")
    assert len(texts) == 1  # sessions added at the end change no session's time: nobody is texted again
    assert "12월 1일 (화)" in texts[0]["body"] and "13:00" in texts[0]["body"] and "김포시일자리센터 교육장" in texts[0]["body"]


async def test_a_narrower_pattern_removes_the_coming_days_it_no_longer_gives(client, sign_in_staff) -> None:
    program = await a_program()
    cohort = await a_cohort(program, starts_on=date(2026, 12, 1), ends_on=date(2026, 12, 10), rrule=TUESDAY_AND_THURSDAY)
    await sign_in_staff(await a_staff_member())

    form = await _edit_form(client, program.id, cohort.id)
    assert form["pattern"] == "weekly" and form["weekday_TU"] == "1" and form["weekday_TH"] == "1"
    del form["weekday_TH"]
    await post_form(client, f"/staff/programs/{program.id}/cohorts/{cohort.id}/edit", form)

    assert await _session_days(cohort.id) == [date(2026, 12, 1), date(2026, 12, 8)]
    assert present(await Cohort.select(Cohort.rrule).where(Cohort.id == cohort.id).first())["rrule"] == "FREQ=WEEKLY;BYDAY=TU"


async def test_a_closure_day_takes_out_coming_sessions_and_event_dates_and_shows_on_the_calendar(client, sign_in_staff) -> None:
    program = await a_program("경비신임교육")
    cohort = await a_cohort(program, starts_on=date(2026, 12, 8), ends_on=date(2026, 12, 10), rrule="FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")
    series = await a_series(skip_holidays=True)  # every Wednesday
    await sign_in_staff(await a_staff_member())
    election = date(2026, 12, 9)

    response = await post_form(client, "/staff/calendar/closures", {"day": election.isoformat(), "reason": "임시공휴일 (선거일)"})

    assert response.status_code == 200 and "임시공휴일 (선거일)" in response.text
    assert await _session_days(cohort.id) == [date(2026, 12, 8), date(2026, 12, 10)]
    assert not await EventOccurrence.exists().where(EventOccurrence.series == series.id, EventOccurrence.rule_day == election)
    month = html(await client.get("/events?month=2026-12"))
    cell = next(cell for cell in month.select("td.day") if present(cell.select_one(".day__number")).get_text(strip=True).startswith("9"))
    assert "임시공휴일 (선거일)" in cell.get_text() and not cell.select("[data-testid=entry]"), cell
    assert await AuditEntry.exists().where(AuditEntry.action == "closure.create")

    page = html(await client.get("/staff/calendar/closures"))
    delete = present(page.select_one("[data-testid=closures] form"))
    await post_form(client, str(delete["action"]), {})

    assert await _session_days(cohort.id) == [date(2026, 12, 8), date(2026, 12, 9), date(2026, 12, 10)]
    assert await EventOccurrence.exists().where(EventOccurrence.series == series.id, EventOccurrence.rule_day == election)


async def test_the_same_closure_day_twice_and_a_bad_day_are_clear_errors(client, sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member())
    await post_form(client, "/staff/calendar/closures", {"day": "2026-12-09", "reason": "휴관일"})

    again = await post_form(client, "/staff/calendar/closures", {"day": "2026-12-09", "reason": "휴관일"})
    nonsense = await post_form(client, "/staff/calendar/closures", {"day": "9999-99-99", "reason": ""})

    assert again.status_code == 422 and "이미 휴관일" in present(html(again).select_one("#error-day")).get_text()
    assert nonsense.status_code == 422
    assert html(nonsense).select_one("#error-day") and html(nonsense).select_one("#error-reason")


async def test_the_calendar_shows_a_course_on_its_days_only_in_time_order(client) -> None:
    await a_cohort(await a_program("어르신 디지털 일자리 기초교육"), label="오전반", starts_on=date(2026, 12, 1), ends_on=date(2026, 12, 31),
                   rrule=TUESDAY_AND_THURSDAY, start_time=time(10), end_time=time(12))
    await a_series("FREQ=WEEKLY;BYDAY=TH", start_time=time(9, 30), end_time=time(11))

    month = html(await client.get("/events?month=2026-12"))

    for cell in month.select("td.day:not(.day--outside)"):
        day = int(present(cell.select_one(".day__number")).get_text(" ", strip=True).split()[0])
        titles = [entry.get_text(" ", strip=True) for entry in cell.select("[data-testid=entry]")]
        meets = date(2026, 12, day).weekday() in (1, 3)
        assert any("디지털" in title for title in titles) == meets, f"12월 {day}일"
        times = [present(entry.select_one(".entry__time")).get_text() for entry in cell.select("[data-testid=entry]")]
        assert times == sorted(times), f"12월 {day}일"
    thursday = next(cell for cell in month.select("td.day") if present(cell.select_one(".day__number")).get_text(strip=True) == "3")
    assert [present(entry.select_one(".entry__time")).get_text() for entry in thursday.select("[data-testid=entry]")] == ["09:30", "10:00"]


async def test_cohorts_made_before_sessions_existed_get_their_coming_ones_in_the_sweep(clock) -> None:
    coming = await a_cohort(await a_program(), starts_on=date(2026, 12, 1), ends_on=date(2026, 12, 3))
    running = await a_cohort(await a_program("경비신임교육"), starts_on=date(2026, 11, 24), ends_on=date(2026, 11, 27))
    await CohortSession.delete(force=True)

    assert await generate_missing(now=clock.now, zone="Asia/Seoul") == 2
    assert await _session_days(coming.id) == [date(2026, 12, 1), date(2026, 12, 2), date(2026, 12, 3)]
    assert await _session_days(running.id) == [date(2026, 11, 27)], "no past session is made up"
    assert await generate_missing(now=clock.now, zone="Asia/Seoul") == 0


async def test_a_new_pattern_for_a_running_course_invents_no_past_sessions(client, clock, sign_in_staff) -> None:
    program = await a_program()
    cohort = await a_cohort(program, starts_on=date(2026, 11, 17), ends_on=date(2026, 12, 4), rrule=TUESDAY_AND_THURSDAY)
    await sign_in_staff(await a_staff_member())

    form = await _edit_form(client, program.id, cohort.id)
    for weekday in ("TU", "TH"):
        del form[f"weekday_{weekday}"]
    await post_form(client, f"/staff/programs/{program.id}/cohorts/{cohort.id}/edit", {**form, "weekday_MO": "1", "weekday_WE": "1"})

    assert await _session_days(cohort.id) == [
        date(2026, 11, 17), date(2026, 11, 19), date(2026, 11, 24), date(2026, 11, 26),  # begun (10:00, now noon): as they were
        date(2026, 11, 30), date(2026, 12, 2),  # to come: the new days
    ]


async def test_lecture_ics_and_all_ics_hold_the_sessions_with_the_street_address(client) -> None:
    lecture = await a_program("맞춤형 취업특강", audience="all", category="lecture")
    await a_cohort(lecture, label="12월 특강", starts_on=date(2026, 12, 10), ends_on=date(2026, 12, 10), start_time=time(14), end_time=time(16))
    await a_cohort(await a_program("경비신임교육"), label="제8기", starts_on=date(2026, 12, 14), ends_on=date(2026, 12, 16))
    await a_series(category="lecture", title="찾아가는 취업특강", address="경기도 김포시 사우중로 1")

    lectures = Calendar.from_ical((await client.get("/events/feeds/lecture.ics")).content)
    everything = vobject.readOne((await client.get("/events/feeds/all.ics")).text)

    summaries = [str(event["summary"]) for event in lectures.walk("VEVENT")]
    assert "맞춤형 취업특강 (12월 특강)" in summaries and "찾아가는 취업특강" in summaries
    assert not any("경비신임교육" in summary for summary in summaries)
    session = next(event for event in lectures.walk("VEVENT") if str(event["summary"]) == "맞춤형 취업특강 (12월 특강)")
    assert session.decoded("dtstart") == datetime(2026, 12, 10, 5, tzinfo=UTC)
    assert str(session["location"]) == "김포시일자리센터 교육장, 경기도 김포시 김포한강4로 125, 고용복지플러스센터 (장기동)"
    assert str(session["url"]).endswith(f"/programs/{lecture.id}")
    outside = next(event for event in lectures.walk("VEVENT") if str(event["summary"]) == "찾아가는 취업특강")
    assert str(outside["location"]).endswith(", 경기도 김포시 사우중로 1")
    guard_days = [event.dtstart.value.date() for event in everything.contents["vevent"] if event.summary.value == "경비신임교육 (제8기)"]
    assert guard_days == [date(2026, 12, 14), date(2026, 12, 15), date(2026, 12, 16)]
