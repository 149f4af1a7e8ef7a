"""A notice from staff to the people on a roster: previewed (the text as it arrives, its bytes,
SMS or LMS, how many people), sent only as previewed, one message each, and audited."""

from __future__ import annotations

from jobcenter.audit.tables import AuditEntry
from jobcenter.notifications.tables import OutboxMessage
from tests.integration.signups.test_roster_pages import a_full_roster, signed_in, submit
from tests.support import html, present

ROOM_CHANGE = "내일 교육은 3층 대회의실에서 합니다."


async def _notices() -> list[dict]:
    return await OutboxMessage.select().where(OutboxMessage.kind == "notice").order_by(OutboxMessage.id)


async def test_the_preview_shows_the_text_its_type_and_how_many_people_and_sends_nothing(client, clock, sign_in_staff) -> None:
    pool_id, _people = await a_full_roster(clock, capacity=2, waiting=1)
    await signed_in(sign_in_staff)

    page = html(await submit(client, f"/staff/rosters/{pool_id}/notice", {"audience": "confirmed", "text": ROOM_CHANGE, "action": "preview"}))

    shown = present(page.select_one("[data-testid=notice-preview]")).get_text(" ", strip=True)
    assert f"[중장년 재취업 교실 1기] {ROOM_CHANGE}" in shown
    assert "SMS" in shown and "2명" in shown
    assert present(page.select_one("[data-testid=send-notice]")).get_text(strip=True) == "2명에게 보내기"
    assert await _notices() == []


async def test_sending_queues_one_message_per_person_in_the_audience_and_an_audit_entry(client, clock, sign_in_staff) -> None:
    pool_id, people = await a_full_roster(clock, capacity=2, waiting=1)
    staff = await signed_in(sign_in_staff)
    fields = {"audience": "everyone", "text": ROOM_CHANGE, "previewed": f"everyone:{ROOM_CHANGE}", "action": "send"}

    response = await submit(client, f"/staff/rosters/{pool_id}/notice", fields)

    assert response.status_code == 303 and response.headers["location"] == f"/staff/rosters/{pool_id}?done=notice_sent"
    notices = await _notices()
    assert sorted(row["citizen"] for row in notices) == sorted(person.id for person in people)
    assert {row["body"] for row in notices} == {f"[중장년 재취업 교실 1기] {ROOM_CHANGE}"}
    entry = present(await AuditEntry.select().where(AuditEntry.action == "roster.notice").first())
    assert (entry["actor_id"], entry["object_id"]) == (staff.id, pool_id)
    assert ROOM_CHANGE in entry["summary"]


async def test_a_text_changed_after_its_preview_is_previewed_again_not_sent(client, clock, sign_in_staff) -> None:
    pool_id, _people = await a_full_roster(clock)
    await signed_in(sign_in_staff)
    fields = {"audience": "confirmed", "text": "바뀐 내용", "previewed": f"confirmed:{ROOM_CHANGE}", "action": "send"}

    response = await submit(client, f"/staff/rosters/{pool_id}/notice", fields)

    assert response.status_code == 200
    assert "바뀐 내용" in present(html(response).select_one("[data-testid=notice-preview]")).get_text()
    assert await _notices() == []


async def test_an_empty_notice_is_refused_with_the_reason(client, clock, sign_in_staff) -> None:
    pool_id, _people = await a_full_roster(clock)
    await signed_in(sign_in_staff)

    response = await submit(client, f"/staff/rosters/{pool_id}/notice", {"audience": "confirmed", "text": " ", "action": "preview"})

    assert response.status_code == 422
    assert "안내 내용을 입력하세요." in present(html(response).select_one("[data-testid=error-summary]")).get_text()
