"""Issue 16: attendance per session (ticked, typed or scanned confirmation numbers), each program's
completion rule, 수료 in 내 신청 내역, and the completion list for Excel."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

from openpyxl import load_workbook

from jobcenter.audit.tables import AuditEntry
from jobcenter.catalog.attendance import progress
from jobcenter.catalog.tables import CohortSession, SessionAttendance
from jobcenter.signups.service import take_seat
from jobcenter.signups.tables import Application
from tests.builders import NOON_SEOUL, a_citizen, a_cohort, a_program, a_staff_member
from tests.support import html, post_form, present

MONDAY_TO_WEDNESDAY = "FREQ=WEEKLY;BYDAY=MO,TU,WE"
AFTER_THE_COURSE = datetime(2026, 12, 10, 3, tzinfo=UTC)  # Thursday 10 December, noon in Seoul
ON_THE_SECOND_DAY = datetime(2026, 12, 8, 1, tzinfo=UTC)  # Tuesday 8 December, 10:00 in Seoul


async def a_guard_course(*, capacity: int = 2, waiting: int = 0, completion_percent: int = 100):
    """경비신임교육 over three days (Monday 7 to Wednesday 9 December 2026), everyone confirmed
    applying at NOON_SEOUL; the last `waiting` people wait."""
    program = await a_program("경비신임교육", audience="middle_aged", completion_percent=completion_percent)
    cohort = await a_cohort(program, capacity=capacity, starts_on=date(2026, 12, 7), ends_on=date(2026, 12, 9), rrule=MONDAY_TO_WEDNESDAY,
                            start_time=datetime(2026, 1, 1, 9).time(), end_time=datetime(2026, 1, 1, 18).time())
    people = []
    for number in range(capacity + waiting):
        person = await a_citizen(f"교육생{number}", birth_year=1965)
        await take_seat(pool_id=cohort.seat_pool, citizen_id=person.id, now=NOON_SEOUL, language="ko", zone="Asia/Seoul")
        people.append(person)
    sessions = await CohortSession.select().where(CohortSession.cohort == cohort.id).order_by(CohortSession.starts_at)
    return program, cohort, people, sessions


async def application_of(cohort, person) -> dict:
    return present(await Application.select().where(Application.seat_pool == cohort.seat_pool, Application.citizen == person.id).first())


async def was_present(session: dict, application: dict) -> None:
    """A mark as a check-in at the session's start leaves it."""
    await SessionAttendance(session=session["id"], application=application["id"], pair=f"{session['id']}:{application['id']}",
                            checked_at=session["starts_at"]).save()


def base(program, cohort) -> str:
    return f"/staff/programs/{program.id}/cohorts/{cohort.id}/attendance"


async def test_a_tick_marks_one_person_at_one_session_and_is_taken_back_each_change_audited(client, clock, sign_in_staff) -> None:
    program, cohort, people, sessions = await a_guard_course()
    clock.now = ON_THE_SECOND_DAY
    await sign_in_staff(await a_staff_member())
    application = await application_of(cohort, people[0])
    tick = f"{base(program, cohort)}/{sessions[1]['id']}/people/{application['id']}"

    page = html(await post_form(client, tick, {"present": "1"}, headers={"HX-Request": "true"}))

    assert present(page.select_one(f"#present-{application['id']}"))["aria-pressed"] == "true"
    assert present(page.select_one("#session-counts")).get_text(strip=True) == "출석 1명 / 확정 2명"
    marks = await SessionAttendance.select(SessionAttendance.session, SessionAttendance.application)
    assert marks == [{"session": sessions[1]["id"], "application": application["id"]}]
    await post_form(client, tick, {"present": "1"})  # a second tick of the same person changes nothing
    assert await SessionAttendance.count() == 1

    await post_form(client, tick, {"present": "0"})

    assert await SessionAttendance.count() == 0
    assert await AuditEntry.count().where(AuditEntry.action == "session.attendance") == 2


async def test_check_in_by_the_number_typed_or_scanned_from_the_status_pages_qr_code(client, clock, sign_in_staff) -> None:
    program, cohort, people, sessions = await a_guard_course(waiting=1)
    clock.now = ON_THE_SECOND_DAY
    await sign_in_staff(await a_staff_member())
    check_in = f"{base(program, cohort)}/{sessions[1]['id']}/check-in"
    code = (await application_of(cohort, people[1]))["confirmation_code"]

    response = await post_form(client, check_in, {"code": f"https://jobs.example/status/{code.lower()}"})

    assert present(html(response).select_one("[data-testid=checked-in]")).get_text(strip=True) == "교육생1님 출석 처리했습니다."
    again = await post_form(client, check_in, {"code": code})
    assert present(html(again).select_one("[data-testid=checked-in]")).get_text(strip=True) == "교육생1님은 이미 출석 처리되어 있습니다."
    waiting_code = (await application_of(cohort, people[2]))["confirmation_code"]
    refused = await post_form(client, check_in, {"code": waiting_code})
    assert refused.status_code == 422 and present(html(refused).select_one("#field-code"))["aria-invalid"] == "true"
    assert await SessionAttendance.count() == 1


async def test_a_session_still_to_come_takes_no_attendance(client, clock, sign_in_staff) -> None:
    program, cohort, people, sessions = await a_guard_course()
    clock.now = ON_THE_SECOND_DAY
    await sign_in_staff(await a_staff_member())
    application = await application_of(cohort, people[0])

    page = html(await client.get(f"{base(program, cohort)}/{sessions[2]['id']}"))
    response = await post_form(client, f"{base(program, cohort)}/{sessions[2]['id']}/people/{application['id']}", {"present": "1"})

    assert present(page.select_one("[data-testid=not-begun]")) and not page.select("[data-testid=attendance]")
    assert response.status_code == 409
    assert "12월 9일 (수) 09:00" in present(html(response).select_one("[data-testid=refusal]")).get_text()
    assert await SessionAttendance.count() == 0


async def test_all_three_days_complete_the_legal_course_and_two_do_not(client, clock, sign_in_staff) -> None:
    program, cohort, people, sessions = await a_guard_course()
    for session in sessions:
        for person in people[: 1 if session is sessions[2] else 2]:
            application = await application_of(cohort, person)
            await was_present(session, application)
    clock.now = AFTER_THE_COURSE
    await sign_in_staff(await a_staff_member())

    page = html(await client.get(base(program, cohort)))

    rows = {row["data-name"]: row for row in page.select("[data-testid=trainee]")}
    assert present(rows["교육생0"].select_one("[data-testid=completion]")).get_text(strip=True) == "수료"
    assert present(rows["교육생1"].select_one("[data-testid=completion]")).get_text(strip=True) == "미수료"
    assert [cell.get_text(strip=True) for cell in rows["교육생1"].select(".attendance-mark")] == ["출석", "출석", "결석"]


async def test_a_cancelled_session_does_not_count_against_the_80_percent_rule(client, clock, sign_in_staff) -> None:
    program, cohort, people, sessions = await a_guard_course(capacity=1, completion_percent=80)
    await CohortSession.update({CohortSession.status: "cancelled"}).where(CohortSession.id == sessions[2]["id"])
    application = await application_of(cohort, people[0])
    for session in sessions[:2]:
        await was_present(session, application)
    clock.now = AFTER_THE_COURSE
    await sign_in_staff(await a_staff_member())

    page = html(await client.get(base(program, cohort)))

    assert len(page.select("[data-testid=attendance-grid] thead th")) == 2 + 1 + 2  # name, two sessions, attended, completion
    assert present(page.select_one("[data-testid=completion]")).get_text(strip=True) == "수료"


async def test_my_applications_show_sessions_attended_and_completion(client, clock, sign_in) -> None:
    _program, cohort, people, sessions = await a_guard_course(capacity=1)
    application = await application_of(cohort, people[0])
    for session in sessions:
        await was_present(session, application)
    clock.now = AFTER_THE_COURSE
    await sign_in(people[0])

    page = html(await client.get("/me/applications"))

    assert present(page.select_one("[data-testid=progress]")).get_text(" ", strip=True) == "3회 중 3회 출석 (수료하려면 3회) 수료"


async def test_the_status_page_of_a_confirmed_place_shows_the_qr_code_to_check_in_with(client, clock, sign_in) -> None:
    _program, cohort, people, _sessions = await a_guard_course(capacity=1, waiting=1)
    await sign_in(people[0])
    confirmed = await application_of(cohort, people[0])

    page = html(await client.get(f"/me/applications/{confirmed['id']}"))

    svg = present(page.select_one("[data-testid=check-in-qr] svg"))
    assert svg["role"] == "img" and "확인번호" in present(svg.select_one("title")).get_text()
    await sign_in(people[1])
    waiting = await application_of(cohort, people[1])
    assert not html(await client.get(f"/me/applications/{waiting['id']}")).select("[data-testid=check-in-qr]")


async def test_the_completion_list_opens_in_korean_excel_and_as_xlsx_and_is_audited(client, clock, sign_in_staff) -> None:
    program, cohort, people, sessions = await a_guard_course()
    application = await application_of(cohort, people[0])
    for session in sessions:
        await was_present(session, application)
    clock.now = AFTER_THE_COURSE
    await sign_in_staff(await a_staff_member())

    response = await client.get(f"{base(program, cohort)}/export/csv")

    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["이름", "휴대전화 번호", "태어난 해", "확인번호", "12-07", "12-08", "12-09", "출석 회차", "전체 회차", "수료"]
    assert rows[1][0] == "교육생0" and rows[1][4:] == ["O", "O", "O", "3", "3", "수료"]
    assert rows[2][4:] == ["", "", "", "0", "3", "미수료"]
    sheet = present(load_workbook(io.BytesIO((await client.get(f"{base(program, cohort)}/export/xlsx")).content)).active)
    assert list(sheet.values)[1] == ("교육생0", rows[1][1], 1965, rows[1][3], "O", "O", "O", 3, 3, "수료")
    assert await AuditEntry.count().where(AuditEntry.action == "cohort.completion_export") == 2


async def test_a_courses_roster_sends_staff_to_attendance_by_session(client, clock, sign_in_staff) -> None:
    program, cohort, _people, _sessions = await a_guard_course()
    await sign_in_staff(await a_staff_member())

    page = html(await client.get(f"/staff/rosters/{cohort.seat_pool}"))

    assert present(page.select_one("[data-testid=attendance-link]"))["href"] == base(program, cohort)
    assert not page.select("[data-testid=check-in-form]") and not page.select("[data-testid=attendance]")


def test_a_course_whose_sessions_were_all_cancelled_completes_nobody() -> None:
    cancelled = [{"status": "cancelled", "starts_at": NOON_SEOUL, "ends_at": NOON_SEOUL}]

    standing = progress(0, cancelled, 80, AFTER_THE_COURSE)

    assert (standing.total, standing.needed, standing.ended, standing.completed) == (0, 0, False, False)
