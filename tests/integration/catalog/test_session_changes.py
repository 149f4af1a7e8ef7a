"""Issue 16: staff move or cancel one session with a reason texted to everyone registered, and add a
session on a day the pattern does not give; a changed session survives a change of the pattern."""

from __future__ import annotations

from datetime import UTC, date, datetime

from jobcenter.audit.tables import AuditEntry
from jobcenter.catalog.tables import Cohort, CohortSession, SessionStatus
from jobcenter.notifications.tables import OutboxMessage
from jobcenter.signups.service import take_seat
from tests.builders import NOON_SEOUL, a_citizen, a_cohort, a_program, a_staff_member
from tests.support import filled_in, html, post_form, present

TUESDAY_AND_THURSDAY = "FREQ=WEEKLY;BYDAY=TU,TH"


async def _course_with_a_person(clock):
    program = await a_program("어르신 디지털 일자리 기초교육")
    cohort = await a_cohort(program, label="오전반", starts_on=date(2026, 12, 1), ends_on=date(2026, 12, 10), rrule=TUESDAY_AND_THURSDAY)
    person = await a_citizen("박순자", birth_year=1958)
    await take_seat(pool_id=cohort.seat_pool, citizen_id=person.id, now=NOON_SEOUL, language="ko", zone="Asia/Seoul")
    sessions = await CohortSession.select().where(CohortSession.cohort == cohort.id).order_by(CohortSession.starts_at)
    return program, cohort, person, sessions


def _path(program, cohort, session=None) -> str:
    base = f"/staff/programs/{program.id}/cohorts/{cohort.id}/sessions"
    return f"{base}/{session['id']}" if session else base


async def test_a_cancelled_session_is_texted_with_its_reason_and_shown_as_cancelled(client, clock, sign_in_staff) -> None:
    program, cohort, person, sessions = await _course_with_a_person(clock)
    await sign_in_staff(await a_staff_member())

    response = await post_form(client, f"{_path(program, cohort, sessions[1])}/cancel", {"cancel_reason": "강사 사정으로 휴강합니다"})

    assert response.status_code == 200 and "휴강합니다" in present(html(response).select_one("[data-testid=cancelled]")).get_text()
    row = present(await CohortSession.select().where(CohortSession.id == sessions[1]["id"]).first())
    assert row["status"] == SessionStatus.cancelled.value and row["edited"] and row["sequence"] == 1
    text = present(await OutboxMessage.select().where(OutboxMessage.citizen == person.id, OutboxMessage.kind == "session_cancelled").first())
    assert "12월 3일 (목)" in text["body"] and "강사 사정으로 휴강합니다" in text["body"] and "다른 회차는 예정대로" in text["body"]
    assert await AuditEntry.exists().where(AuditEntry.action == "session.cancel")
    page = html(await client.get(f"/programs/{program.id}"))
    cancelled = present(page.select_one("[data-testid=sessions] .sessions__off")).get_text(" ", strip=True)
    assert cancelled.startswith("12월 3일 (목)") and "취소" in cancelled and "강사 사정으로 휴강합니다" in cancelled
    assert "총 3회" in present(page.select_one("[data-testid=sessions] summary")).get_text()


async def test_a_moved_session_says_so_at_its_old_day_and_texts_the_new_one(client, clock, sign_in_staff) -> None:
    program, cohort, person, sessions = await _course_with_a_person(clock)
    await sign_in_staff(await a_staff_member())
    fields = {"move_day": "2026-12-04", "move_start_time": "13:00", "move_end_time": "15:00", "move_reason": "교육장 공사"}

    await post_form(client, f"{_path(program, cohort, sessions[1])}/move", fields)

    row = present(await CohortSession.select().where(CohortSession.id == sessions[1]["id"]).first())
    assert row["starts_at"] == datetime(2026, 12, 4, 4, tzinfo=UTC) and row["moved_from"] == sessions[1]["starts_at"] and row["edited"]
    text = present(await OutboxMessage.select().where(OutboxMessage.citizen == person.id, OutboxMessage.kind == "event_moved").first())
    assert "12월 4일 (금) 13:00" in text["body"] and "교육장 공사" in text["body"]
    old_day = html(await client.get("/events/days/2026-12-03"))
    assert "12월 4일 (금) 13:00" in present(old_day.select_one(".entry__state")).get_text()


async def test_a_change_needs_a_reason_and_a_held_session_cannot_change(client, clock, sign_in_staff) -> None:
    program, cohort, _, sessions = await _course_with_a_person(clock)
    await sign_in_staff(await a_staff_member())

    no_reason = await post_form(client, f"{_path(program, cohort, sessions[0])}/cancel", {"cancel_reason": "  "})
    clock.now = datetime(2026, 12, 2, 3, tzinfo=UTC)
    await sign_in_staff(await a_staff_member("late"))
    held = await post_form(client, f"{_path(program, cohort, sessions[0])}/cancel", {"cancel_reason": "늦은 취소"})

    assert no_reason.status_code == 422 and present(html(no_reason).select_one("#error-cancel_reason"))
    assert held.status_code == 409 and "이미 끝난 회차" in held.text
    assert not await CohortSession.exists().where(CohortSession.status == SessionStatus.cancelled.value)
    assert not await OutboxMessage.exists().where(OutboxMessage.kind == "session_cancelled")


async def test_an_added_make_up_session_leaves_the_dates_and_outlives_a_new_pattern(client, clock, sign_in_staff) -> None:
    program, cohort, _, _ = await _course_with_a_person(clock)
    await sign_in_staff(await a_staff_member())

    added = await post_form(client, _path(program, cohort), {"add_day": "2026-12-12", "add_start_time": "10:00", "add_end_time": "12:00",
                                                             "add_place": "김포시일자리센터 교육장"})
    assert added.status_code == 200 and "12월 12일" in present(html(added).select_one("[data-testid=sessions]")).get_text()
    edit = filled_in(present(html(await client.get(f"/staff/programs/{program.id}/cohorts/{cohort.id}/edit")).select_one("[data-testid=cohort-form]")))
    assert edit["ends_on"] == "2026-12-10", "the pattern's range; a wider one would fill with the pattern's days"
    del edit["weekday_TH"]
    await post_form(client, f"/staff/programs/{program.id}/cohorts/{cohort.id}/edit", edit)

    days = [row["starts_at"].astimezone(UTC).date() for row in await CohortSession.select(CohortSession.starts_at).where(
        CohortSession.cohort == cohort.id).order_by(CohortSession.starts_at)]
    assert days == [date(2026, 12, 1), date(2026, 12, 8), date(2026, 12, 12)]
    assert present(await Cohort.select(Cohort.ends_on).where(Cohort.id == cohort.id).first())["ends_on"] == date(2026, 12, 10)


async def test_bad_session_addresses_and_input_are_clear_errors(client, clock, sign_in_staff) -> None:
    program, cohort, _, sessions = await _course_with_a_person(clock)
    await sign_in_staff(await a_staff_member())

    assert (await client.get(f"{_path(program, cohort)}/999999")).status_code == 404
    assert (await client.get(f"/staff/programs/{program.id}/cohorts/999999/sessions")).status_code == 404
    odd = await post_form(client, _path(program, cohort), {"add_day": "9999-12-31", "add_start_time": "25:00", "add_end_time": "\x00", "add_place": ""})
    assert odd.status_code == 422
    moved = await post_form(client, f"{_path(program, cohort, sessions[2])}/move", {"move_day": "2026-12-08", "move_start_time": "10:00",
                                                                                    "move_end_time": "16:00", "move_reason": "같은 시간"})
    assert moved.status_code == 422 and "지금과 같은 날짜와 시간" in present(html(moved).select_one("#error-move_day")).get_text()
