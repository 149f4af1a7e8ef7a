"""Admin pages: staff accounts and the audit log; the dashboard every staff member starts from."""

from __future__ import annotations

from datetime import date, timedelta

from jobcenter.audit.service import Actor, record
from jobcenter.audit.tables import AuditEntry
from jobcenter.notifications.tables import OutboxMessage
from jobcenter.placements.tables import FollowUpCall, Placement
from jobcenter.signups.service import take_seat
from jobcenter.staff.sessions import start_half_session, verify_session
from jobcenter.staff.tables import StaffMember, StaffSession
from tests.builders import a_citizen, a_cohort, a_program, a_staff_member
from tests.support import html, post_form, present


async def submit(client, path: str, fields: dict[str, str]):
    return await post_form(client, path, fields, follow_redirects=False)


async def test_an_admin_creates_a_staff_account_that_enrols_at_its_first_login(client, clock, sign_in_staff) -> None:
    admin = await a_staff_member("chief", "김관리", role="admin")
    await sign_in_staff(admin)

    response = await submit(client, "/staff/accounts", {"name": "박신입", "username": "Park.New", "role": "staff", "password": "first-day-2026"})

    assert response.status_code == 303
    created = present(await StaffMember.select().where(StaffMember.username == "park.new").first())
    assert created["role"] == "staff" and created["totp_confirmed_at"] is None
    entry = present(await AuditEntry.select().where(AuditEntry.action == "staff.create").first())
    assert entry["actor_name"] == "김관리" and "password" not in entry["after"]


async def test_a_taken_username_and_a_weak_password_are_refused(client, clock, sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member("chief", role="admin"))

    response = await submit(client, "/staff/accounts", {"name": "박신입", "username": "chief", "role": "staff", "password": "12345678"})

    assert response.status_code == 422
    invalid = {field["id"] for field in html(response).select("[aria-invalid=true]")}
    assert invalid == {"field-username", "field-password"}
    assert await StaffMember.count() == 1


async def test_deactivating_an_account_ends_its_sessions_at_once(client, clock, sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member("chief", role="admin"))
    colleague = await a_staff_member("leaving", "퇴사자")
    await verify_session(await start_half_session(colleague.id, clock.now), clock.now)

    await submit(client, f"/staff/accounts/{colleague.id}/active", {"active": "0"})

    assert present(await StaffMember.select(StaffMember.active).where(StaffMember.id == colleague.id).first())["active"] is False
    assert await StaffSession.count().where(StaffSession.staff == colleague.id) == 0
    assert await AuditEntry.count().where(AuditEntry.action == "staff.deactivate", AuditEntry.object_id == colleague.id) == 1


async def test_a_lost_phone_resets_the_authenticator(client, clock, sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member("chief", role="admin"))
    colleague = await a_staff_member("lostphone", "분실자")

    await submit(client, f"/staff/accounts/{colleague.id}/second-factor", {})

    row = await StaffMember.select(StaffMember.totp_secret, StaffMember.totp_confirmed_at).where(StaffMember.id == colleague.id).first()
    assert row == {"totp_secret": None, "totp_confirmed_at": None}


async def test_the_audit_log_filters_by_person_object_and_date(client, clock, sign_in_staff) -> None:
    admin = await a_staff_member("chief", "김관리", role="admin")
    await sign_in_staff(admin)
    kim, lee = Actor(id=admin.id, name="김관리"), Actor(id=admin.id + 1000, name="이상담")
    await record(kim, "program.update", "program", 7, now=clock.now, before={"title": "옛 제목"}, after={"title": "새 제목"})
    await record(lee, "citizen.reveal_mobile", "roster", 3, now=clock.now, citizen_id=42)
    await record(lee, "program.update", "program", 8, now=clock.now - timedelta(days=3))

    def rows(response) -> list[str]:
        return [present(row.select("td")[2].code).get_text() for row in html(response).select("[data-testid=audit-entries] tbody tr")]

    assert rows(await client.get(f"/staff/audit?by={lee.id}")) == ["citizen.reveal_mobile", "program.update"]
    assert rows(await client.get("/staff/audit?object_type=program&object_id=7")) == ["program.update"]
    assert rows(await client.get("/staff/audit?citizen=42")) == ["citizen.reveal_mobile"]
    assert len(rows(await client.get("/staff/audit?since=2026-11-25&until=2026-11-26"))) == 2
    page = html(await client.get("/staff/audit?object_id=7"))
    assert "새 제목" in present(page.select_one("[data-testid=audit-entries]")).get_text()


async def test_the_dashboard_shows_today_open_cohorts_failed_messages_and_calls_due(client, clock, sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member())
    today = date(2026, 11, 26)
    running = await a_cohort(await a_program("오늘 하는 과정"), starts_on=today, ends_on=today + timedelta(days=2), capacity=4)
    citizen = await a_citizen()
    await take_seat(pool_id=running.seat_pool, citizen_id=citizen.id, now=clock.now, language="ko", zone="Asia/Seoul")
    await OutboxMessage(kind="confirmed", subject="s", body="b", status="failed").save()
    placement = Placement(citizen=citizen.id, company="김포물류", position="관리", started_on=today - timedelta(days=40), recorded_by="이상담")
    await placement.save()
    await FollowUpCall(placement=placement.id, months_after=1, due_on=today - timedelta(days=10)).save()
    await FollowUpCall(placement=placement.id, months_after=3, due_on=today + timedelta(days=50)).save()

    page = html(await client.get("/staff"))

    assert "오늘 하는 과정" in present(page.select_one("[data-testid=today]")).get_text()
    open_row = present(page.select_one("[data-testid=open-cohorts] tbody tr"))
    assert "1 / 4 (25%)" in open_row.get_text()
    assert present(page.select_one("[data-testid=failed-messages]")).get_text(strip=True).endswith("1건")
    assert present(page.select_one("[data-testid=calls-due]")).get_text(strip=True).endswith("1건")
