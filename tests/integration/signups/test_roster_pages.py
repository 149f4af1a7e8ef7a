"""Rosters in the back office: masked numbers and logged reveals, attendance, staff actions, exports."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

from openpyxl import load_workbook

from jobcenter.audit.tables import AuditEntry
from jobcenter.notifications.tables import OutboxMessage
from jobcenter.signups.service import take_seat
from jobcenter.signups.tables import Application, SeatPool
from tests.builders import a_citizen, a_cohort, a_program, a_staff_member
from tests.integration.events.helpers import a_series, occurrences_of
from tests.support import html, post_form, present


async def a_full_roster(clock, *, capacity: int = 2, waiting: int = 2, exchange: str = "5555", event: bool = False):
    """A cohort (or with `event`, an event date) with `capacity` seats taken and `waiting` people on
    its waitlist, in that order."""
    if event:
        pool_id = (await occurrences_of((await a_series(capacity=capacity)).id))[1]["seat_pool"]  # 3 December, open now
    else:
        pool_id = (await a_cohort(await a_program("중장년 재취업 교실", audience="middle_aged"), capacity=capacity)).seat_pool
    people = []
    for number in range(capacity + waiting):
        citizen = await a_citizen(f"참가자{number}", mobile=f"010{exchange}{number:04d}", birth_year=1970)
        await take_seat(pool_id=pool_id, citizen_id=citizen.id, now=clock.now, language="ko", zone="Asia/Seoul")
        people.append(citizen)
    return pool_id, people


async def signed_in(sign_in_staff):
    staff = await a_staff_member()
    await sign_in_staff(staff)
    return staff


async def submit(client, path: str, fields: dict[str, str] | None = None, /, **headers: str):
    return await post_form(client, path, fields or {}, follow_redirects=False, headers=headers or None)


async def application_of(pool_id: int, citizen) -> dict[str, Any]:
    return present(await Application.select().where(Application.seat_pool == pool_id, Application.citizen == citizen.id).first())


async def test_the_roster_lists_the_confirmed_and_the_waitlist_in_order_with_numbers_masked(client, clock, sign_in_staff) -> None:
    pool_id, _people = await a_full_roster(clock)
    await signed_in(sign_in_staff)

    page = html(await client.get(f"/staff/rosters/{pool_id}"))

    confirmed = [row["data-name"] for row in page.select("[data-testid=confirmed] [data-testid=roster-line]")]
    waiting = [row["data-name"] for row in page.select("[data-testid=waitlist] [data-testid=roster-line]")]
    assert confirmed == ["참가자0", "참가자1"] and waiting == ["참가자2", "참가자3"]
    assert "010-****-0000" in present(page.select_one("[data-testid=confirmed]")).get_text()
    assert "010-5555-0000" not in page.get_text()


async def test_revealing_a_number_shows_it_and_logs_who_looked_at_whose(client, clock, sign_in_staff) -> None:
    pool_id, people = await a_full_roster(clock)
    staff = await signed_in(sign_in_staff)
    application = await application_of(pool_id, people[1])

    response = await submit(client, f"/staff/rosters/{pool_id}/applications/{application['id']}/reveal", **{"HX-Request": "true"})

    assert present(html(response).select_one("[data-testid=revealed-mobile]")).get_text() == "010-5555-0001"
    entry = present(await AuditEntry.select().where(AuditEntry.action == "citizen.reveal_mobile").first())
    assert entry["actor_id"] == staff.id and entry["citizen_id"] == people[1].id and entry["at"] == clock.now


async def test_attendance_at_an_event_date_is_ticked_and_untaken_and_each_change_is_audited(client, clock, sign_in_staff) -> None:
    pool_id, people = await a_full_roster(clock, event=True)
    await signed_in(sign_in_staff)
    application = await application_of(pool_id, people[0])
    path = f"/staff/rosters/{pool_id}/applications/{application['id']}/attendance"

    page = html(await submit(client, path, {"attended": "1"}, **{"HX-Request": "true"}))
    assert present(page.select_one(f"#attend-{application['id']}"))["aria-pressed"] == "true"
    assert (await application_of(pool_id, people[0]))["attended_at"] == clock.now

    await submit(client, path, {"attended": "0"})
    assert (await application_of(pool_id, people[0]))["attended_at"] is None
    assert await AuditEntry.count().where(AuditEntry.action == "application.attendance") == 2


async def test_check_in_by_confirmation_number_typed_or_scanned_as_a_link(client, clock, sign_in_staff) -> None:
    pool_id, people = await a_full_roster(clock, event=True)
    await signed_in(sign_in_staff)
    code = (await application_of(pool_id, people[1]))["confirmation_code"]

    response = await submit(client, f"/staff/rosters/{pool_id}/check-in", {"code": f"https://jobs.example/status/{code}"})

    assert response.status_code == 200
    assert present(html(response).select_one("[data-testid=checked-in]")).get_text(strip=True) == "참가자1님 출석 처리했습니다."
    assert (await application_of(pool_id, people[1]))["attended_at"] == clock.now


async def test_a_code_of_someone_waiting_or_of_another_roster_is_refused(client, clock, sign_in_staff) -> None:
    pool_id, people = await a_full_roster(clock, event=True)
    other_pool, others = await a_full_roster(clock, capacity=1, waiting=0, exchange="6666")
    await signed_in(sign_in_staff)

    for code in [(await application_of(pool_id, people[2]))["confirmation_code"], (await application_of(other_pool, others[0]))["confirmation_code"]]:
        response = await submit(client, f"/staff/rosters/{pool_id}/check-in", {"code": code})
        assert response.status_code == 422
        assert present(html(response).select_one("#field-code"))["aria-invalid"] == "true"
    assert await Application.count().where(Application.attended_at.is_not_null()) == 0


async def test_staff_cancel_after_the_online_deadline_and_the_first_waiting_person_moves_up(client, clock, sign_in_staff) -> None:
    pool_id, people = await a_full_roster(clock)
    await signed_in(sign_in_staff)
    await SeatPool.update({SeatPool.cancellable_until: clock.now - timedelta(days=1)}).where(SeatPool.id == pool_id)
    application = await application_of(pool_id, people[0])

    response = await submit(client, f"/staff/rosters/{pool_id}/applications/{application['id']}/cancel")

    assert response.status_code == 303
    assert (await application_of(pool_id, people[2]))["status"] == "confirmed"
    assert (await application_of(pool_id, people[3]))["waitlist_position"] == 1
    assert await OutboxMessage.count().where(OutboxMessage.kind == "promoted") == 1
    assert await AuditEntry.count().where(AuditEntry.action == "application.cancel", AuditEntry.citizen_id == people[0].id) == 1


async def test_promoting_without_a_free_seat_is_refused_with_a_reason(client, clock, sign_in_staff) -> None:
    pool_id, people = await a_full_roster(clock)
    await signed_in(sign_in_staff)
    application = await application_of(pool_id, people[3])

    response = await submit(client, f"/staff/rosters/{pool_id}/applications/{application['id']}/promote")

    assert response.status_code == 422
    assert "빈자리가 없습니다" in present(html(response).select_one("[data-testid=refusal]")).get_text()
    pool = present(await SeatPool.select().where(SeatPool.id == pool_id).first())
    assert pool["confirmed_count"] == 2


async def test_moving_someone_to_the_front_of_the_waitlist_renumbers_the_line(client, clock, sign_in_staff) -> None:
    pool_id, people = await a_full_roster(clock, capacity=1, waiting=3)
    await signed_in(sign_in_staff)
    last = await application_of(pool_id, people[3])

    await submit(client, f"/staff/rosters/{pool_id}/applications/{last['id']}/move", {"position": "1"})

    positions = [(await application_of(pool_id, person))["waitlist_position"] for person in people[1:]]
    assert positions == [2, 3, 1]


async def test_the_csv_export_opens_as_utf8_in_korean_excel_and_is_audited(client, clock, sign_in_staff) -> None:
    pool_id, _people = await a_full_roster(clock)
    await signed_in(sign_in_staff)

    response = await client.get(f"/staff/rosters/{pool_id}/export/csv")

    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["구분", "대기 순번", "이름"]
    assert [row[2] for row in rows[1:]] == ["참가자0", "참가자1", "참가자2", "참가자3"]
    assert rows[3][0] == "대기" and rows[3][1] == "1" and rows[1][3] == "010-5555-0000"
    assert response.headers["cache-control"] == "no-store"
    assert await AuditEntry.count().where(AuditEntry.action == "roster.export") == 1


async def test_the_xlsx_export_opens_with_openpyxl(client, clock, sign_in_staff) -> None:
    pool_id, _people = await a_full_roster(clock)
    await signed_in(sign_in_staff)

    response = await client.get(f"/staff/rosters/{pool_id}/export/xlsx")

    sheet = present(load_workbook(io.BytesIO(response.content)).active)
    values = list(sheet.values)
    assert values[0][2] == "이름" and [row[2] for row in values[1:]] == ["참가자0", "참가자1", "참가자2", "참가자3"]


async def test_the_sign_in_sheet_lists_the_confirmed_with_the_last_four_digits(client, clock, sign_in_staff) -> None:
    pool_id, _people = await a_full_roster(clock)
    await signed_in(sign_in_staff)

    page = html(await client.get(f"/staff/rosters/{pool_id}/print"))

    rows = page.select("[data-testid=sign-in-sheet] tbody tr")
    assert [present(row.th).get_text() for row in rows] == ["참가자0", "참가자1"]
    assert "010-****-0001" in rows[1].get_text()
