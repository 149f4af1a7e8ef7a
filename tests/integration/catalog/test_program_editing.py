"""Staff keep programs and cohorts current: create, edit, publish, windows, seats, next term."""

from __future__ import annotations

from datetime import UTC, date, datetime

from jobcenter.audit.tables import AuditEntry
from jobcenter.catalog.tables import Cohort, Program
from jobcenter.signups.service import take_seat
from jobcenter.signups.tables import Application, SeatPool
from tests.builders import a_citizen, a_cohort, a_program, a_staff_member
from tests.support import filled_in, html, post_form, present

NEW_PROGRAM = {
    "title": "청년 면접 클리닉", "summary": "모의면접과 피드백", "description": "현직 인사담당자와 모의면접",
    "audience": "youth", "category": "job_support", "min_age": "19", "max_age": "39", "eligibility": "",
    "fee_won": "0", "contact_phone": "031-980-5000",
}
NEW_COHORT = {
    "label": "1기", "starts_on": "2026-12-14", "ends_on": "2026-12-18", "start_time": "10:00", "end_time": "12:00",
    "pattern": "weekly", "weekday_MO": "1", "weekday_TU": "1", "weekday_WE": "1", "weekday_TH": "1", "weekday_FR": "1", "skip_holidays": "1",
    "schedule_note": "", "place": "김포시일자리센터 교육장", "capacity": "15",
    "opens_at": "2026-11-27T09:00", "closes_at": "2026-12-11T18:00", "cancellable_until": "",
}


async def submit(client, path: str, fields: dict[str, str]):
    return await post_form(client, path, fields, follow_redirects=False)


async def test_a_new_program_is_saved_unpublished_and_audited(client, clock, sign_in_staff) -> None:
    staff = await a_staff_member()
    await sign_in_staff(staff)

    response = await submit(client, "/staff/programs/new", NEW_PROGRAM)

    assert response.status_code == 303
    program = present(await Program.select().first())
    assert response.headers["location"] == f"/staff/programs/{program['id']}?done=created"
    assert program["title"] == "청년 면접 클리닉" and program["min_age"] == 19 and program["published"] is False
    entry = present(await AuditEntry.select().where(AuditEntry.action == "program.create").first())
    assert entry["actor_id"] == staff.id and "청년 면접 클리닉" in entry["after"]
    assert (await client.get(f"/programs/{program['id']}")).status_code == 404, "citizens do not see it yet"


async def test_a_program_form_with_errors_keeps_what_was_typed(client, clock, sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member())

    response = await submit(client, "/staff/programs/new", {**NEW_PROGRAM, "title": "", "min_age": "50", "max_age": "30"})

    assert response.status_code == 422
    page = html(response)
    assert present(page.title).get_text().startswith("오류: ")
    assert [link["href"] for link in page.select("[data-testid=error-summary] a")] == ["#field-title", "#field-max_age"]
    assert present(page.select_one("#field-summary"))["value"] == "모의면접과 피드백"
    assert await Program.count() == 0


async def test_editing_records_only_what_changed_and_publishing_shows_it_to_citizens(client, clock, sign_in_staff) -> None:
    program = await a_program("청년 면접 클리닉", published=False, min_age=19, max_age=39)
    await sign_in_staff(await a_staff_member())

    await submit(client, f"/staff/programs/{program.id}/edit", {**NEW_PROGRAM, "summary": "새 요약"})
    await submit(client, f"/staff/programs/{program.id}/published", {"published": "1"})

    entry = present(await AuditEntry.select().where(AuditEntry.action == "program.update").first())
    assert '"summary": "새 요약"' in entry["after"] and "title" not in entry["after"]
    assert (await client.get(f"/programs/{program.id}")).status_code == 200


async def test_a_cohort_is_created_with_its_window_read_in_seoul_time(client, clock, sign_in_staff) -> None:
    program = await a_program()
    await sign_in_staff(await a_staff_member())

    response = await submit(client, f"/staff/programs/{program.id}/cohorts/new", NEW_COHORT)

    assert response.status_code == 303
    cohort = present(await Cohort.select(Cohort.label, Cohort.seat_pool.capacity.as_alias("capacity"),
                                 Cohort.seat_pool.opens_at.as_alias("opens_at")).first())
    assert cohort["capacity"] == 15 and cohort["opens_at"] == datetime(2026, 11, 27, 0, 0, tzinfo=UTC)


async def test_cohort_dates_and_times_out_of_order_are_refused(client, clock, sign_in_staff) -> None:
    program = await a_program()
    await sign_in_staff(await a_staff_member())

    fields = {**NEW_COHORT, "ends_on": "2026-12-01", "end_time": "09:00", "closes_at": "2026-11-01T09:00", "capacity": "0"}
    response = await submit(client, f"/staff/programs/{program.id}/cohorts/new", fields)

    assert response.status_code == 422
    invalid = {field["id"] for field in html(response).select("[aria-invalid=true]")}
    assert invalid == {"field-ends_on", "field-end_time", "field-closes_at", "field-capacity"}
    assert await Cohort.count() == 0


async def test_seats_below_the_confirmed_count_are_refused_with_nothing_changed(client, clock, sign_in_staff) -> None:
    program = await a_program()
    cohort = await a_cohort(program, capacity=3)
    for number in range(3):
        await take_seat(pool_id=cohort.seat_pool, citizen_id=(await a_citizen(f"시민{number}")).id, now=clock.now, language="ko", zone="Asia/Seoul")
    await sign_in_staff(await a_staff_member())
    form = html(await client.get(f"/staff/programs/{program.id}/cohorts/{cohort.id}/edit"))
    fields = filled_in(present(form.select_one("[data-testid=cohort-form]")))

    response = await submit(client, f"/staff/programs/{program.id}/cohorts/{cohort.id}/edit", {**fields, "capacity": "2", "place": "다른 곳"})

    assert response.status_code == 422
    assert "3명보다 적을 수 없습니다" in present(html(response).select_one("#error-capacity")).get_text()
    pool = present(await SeatPool.select().where(SeatPool.id == cohort.seat_pool).first())
    assert pool["capacity"] == 3
    assert present(await Cohort.select(Cohort.place).where(Cohort.id == cohort.id).first())["place"] == "김포시일자리센터 교육장"


async def test_more_seats_go_to_the_people_waiting_at_once(client, clock, sign_in_staff) -> None:
    program = await a_program()
    cohort = await a_cohort(program, capacity=1)
    for number in range(3):
        await take_seat(pool_id=cohort.seat_pool, citizen_id=(await a_citizen(f"시민{number}")).id, now=clock.now, language="ko", zone="Asia/Seoul")
    await sign_in_staff(await a_staff_member())
    form = html(await client.get(f"/staff/programs/{program.id}/cohorts/{cohort.id}/edit"))
    fields = filled_in(present(form.select_one("[data-testid=cohort-form]")))

    await submit(client, f"/staff/programs/{program.id}/cohorts/{cohort.id}/edit", {**fields, "capacity": "2"})

    statuses = sorted(row["status"] for row in await Application.select(Application.status))
    assert statuses == ["confirmed", "confirmed", "waitlisted"]
    assert await AuditEntry.count().where(AuditEntry.action == "capacity.change") == 1


async def test_closing_and_opening_applications_now(client, clock, sign_in_staff) -> None:
    program = await a_program()
    cohort = await a_cohort(program)
    await sign_in_staff(await a_staff_member())

    await submit(client, f"/staff/programs/{program.id}/cohorts/{cohort.id}/window", {"action": "close"})
    assert present(await SeatPool.select().where(SeatPool.id == cohort.seat_pool).first())["closes_at"] == clock.now

    await submit(client, f"/staff/programs/{program.id}/cohorts/{cohort.id}/window", {"action": "open"})
    pool = present(await SeatPool.select().where(SeatPool.id == cohort.seat_pool).first())
    assert pool["opens_at"] == clock.now and pool["closes_at"] > clock.now


async def test_a_cohort_copied_for_the_next_term_moves_by_whole_weeks_and_counts_on(client, clock, sign_in_staff) -> None:
    program = await a_program()
    cohort = await a_cohort(program, label="2기", starts_on=date(2026, 12, 10), ends_on=date(2026, 12, 12))
    await sign_in_staff(await a_staff_member())

    form = html(await client.get(f"/staff/programs/{program.id}/cohorts/new?copy={cohort.id}"))

    value = {field["name"]: field.get("value") for field in form.select("[data-testid=cohort-form] input")}
    assert value["label"] == "3기"
    assert (value["starts_on"], value["ends_on"]) == ("2026-12-17", "2026-12-19")
    assert value["capacity"] == "20" and value["start_time"] == "10:00"
