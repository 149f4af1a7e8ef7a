"""/staff/calendar/occurrences/<id>: one date's details and registrations; changed, moved or
cancelled with a reason. Moving and cancelling tell each active registrant once through the
outbox, in the same transaction as the change and its audit entry."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from jobcenter.accounts.tables import Citizen
from jobcenter.audit.tables import AuditEntry
from jobcenter.events.tables import EventOccurrence
from jobcenter.notifications.tables import OutboxMessage
from jobcenter.signups import service
from jobcenter.signups.tables import SeatPool
from tests.builders import a_citizen, a_staff_member
from tests.integration.events.helpers import a_series, occurrences_of
from tests.support import html, post_form, present

ZONE = "Asia/Seoul"


@pytest.fixture
async def staff(sign_in_staff):
    member = await a_staff_member()
    await sign_in_staff(member)
    return member


async def _date_with_registrants(clock) -> tuple[dict, dict[str, int]]:
    """Thursday 3 December 14:00 with 2 seats: two confirmed, one waiting, one who cancelled."""
    series = await a_series(capacity=2)
    occurrence = (await occurrences_of(series.id))[1]
    people = {}
    for name in ("김확정", "이확정", "박대기", "최취소"):
        citizen = await a_citizen(name=name)
        application = await service.take_seat(pool_id=occurrence["seat_pool"], citizen_id=citizen.id, now=clock.now, language="ko", zone=ZONE)
        people[name] = citizen.id
        if name == "최취소":
            await service.cancel(application_id=application["id"], citizen_id=citizen.id, now=clock.now, language="ko", zone=ZONE)
    return occurrence, people


async def _messages(kind: str) -> list[dict]:
    return await OutboxMessage.select().where(OutboxMessage.kind == kind).order_by(OutboxMessage.id)


async def test_the_page_shows_the_date_its_registrations_and_a_link_to_the_roster(client, staff, clock) -> None:
    occurrence, _ = await _date_with_registrants(clock)

    page = html(await client.get(f"/staff/calendar/occurrences/{occurrence['id']}"))

    assert present(page.h1).get_text(strip=True) == "동행면접 신청 상담 · 2026년 12월 3일 (목)"
    assert present(page.select_one("[data-testid=registrations]")).get_text(" ", strip=True).startswith("정원 2명 중 2명 확정, 대기 1명")
    assert present(page.select_one("[data-testid=roster-link]"))["href"] == f"/staff/rosters/{occurrence['seat_pool']}"
    assert present(page.select_one("#field-start_time"))["value"] == "14:00"
    assert {form["data-testid"] for form in page.select("form[data-testid]")} == {"details-form", "move-form", "cancel-form", "company-form"}


async def test_cancelling_tells_each_active_registrant_once_and_closes_registration(client, staff, clock) -> None:
    occurrence, people = await _date_with_registrants(clock)

    response = await post_form(
        client, f"/staff/calendar/occurrences/{occurrence['id']}/cancel", {"cancel_reason": "참여 기업 사정으로 취소합니다"}, follow_redirects=False
    )

    assert response.status_code == 303
    assert response.headers["location"] == f"/staff/calendar/occurrences/{occurrence['id']}?done=cancelled"
    messages = await _messages("event_cancelled")
    assert sorted(message["citizen"] for message in messages) == sorted([people["김확정"], people["이확정"], people["박대기"]])
    assert messages[0]["subject"] == "일정 취소: 동행면접 신청 상담"
    assert "[일정취소] 동행면접 신청 상담 12월 3일 (목) 14:00" in messages[0]["body"] and "참여 기업 사정으로 취소합니다" in messages[0]["body"]
    row = await EventOccurrence.select().where(EventOccurrence.id == occurrence["id"]).first()
    assert present(row)["status"] == "cancelled" and present(row)["note"] == "참여 기업 사정으로 취소합니다"
    pool = await SeatPool.select().where(SeatPool.id == occurrence["seat_pool"]).first()
    assert present(pool)["closes_at"] <= clock.now
    with pytest.raises(service.ApplicationsClosed):
        await service.take_seat(pool_id=occurrence["seat_pool"], citizen_id=(await a_citizen()).id, now=clock.now, language="ko", zone=ZONE)
    entry = await AuditEntry.select().where(AuditEntry.action == "occurrence.cancel").first()
    assert present(entry)["object_type"] == "occurrence" and present(entry)["object_id"] == occurrence["id"]
    assert json.loads(present(entry)["before"]) == {"status": "scheduled", "note": ""}
    assert json.loads(present(entry)["after"]) == {"status": "cancelled", "note": "참여 기업 사정으로 취소합니다"}
    assert present(entry)["summary"].endswith("3 told")


async def test_the_public_calendar_then_shows_the_date_as_cancelled(client, staff, clock) -> None:
    occurrence, _ = await _date_with_registrants(clock)
    await post_form(client, f"/staff/calendar/occurrences/{occurrence['id']}/cancel", {"cancel_reason": "강사 사정"})

    calendar = html(await client.get("/events?month=2026-12&view=agenda"))
    event = html(await client.get(f"/events/{occurrence['id']}"))

    entry = calendar.select_one(f".agenda a[href='/events/{occurrence['id']}']")
    assert "취소" in present(present(entry).select_one(".entry__state")).get_text()
    assert present(present(entry).select_one(".entry__note")).get_text() == "강사 사정"
    assert event.select_one("[data-testid=cancelled]") is not None
    assert event.select_one("[data-testid=apply-form]") is None


async def test_a_cancellation_needs_a_reason_and_changes_nothing_without_one(client, staff, clock) -> None:
    occurrence, _ = await _date_with_registrants(clock)

    response = await post_form(client, f"/staff/calendar/occurrences/{occurrence['id']}/cancel", {"cancel_reason": "  "})

    assert response.status_code == 422
    page = html(response)
    assert present(page.title).get_text().startswith("오류: ")
    assert [link["href"] for link in page.select("[data-testid=error-summary] a")] == ["#field-cancel_reason"]
    assert present(page.select_one("#field-cancel_reason"))["aria-invalid"] == "true"
    assert present(await EventOccurrence.select(EventOccurrence.status).where(EventOccurrence.id == occurrence["id"]).first())["status"] == "scheduled"
    assert await _messages("event_cancelled") == []
    assert await AuditEntry.count() == 0


async def test_a_cancelled_date_cannot_be_cancelled_again(client, staff, clock) -> None:
    occurrence, _ = await _date_with_registrants(clock)
    path = f"/staff/calendar/occurrences/{occurrence['id']}/cancel"
    await post_form(client, path, {"cancel_reason": "강사 사정"})

    again = await post_form(client, path, {"cancel_reason": "다시"})

    assert again.status_code == 409
    assert present(html(again).select_one("[data-testid=refusal]")).get_text(strip=True) == "취소된 날짜라 더 바꿀 수 없습니다."
    assert len(await _messages("event_cancelled")) == 3


async def test_moving_tells_each_active_registrant_the_new_date_and_the_old_date_says_where(client, staff, clock) -> None:
    occurrence, people = await _date_with_registrants(clock)

    response = await post_form(
        client, f"/staff/calendar/occurrences/{occurrence['id']}/move",
        {"move_day": "2026-12-04", "move_start_time": "10:00", "move_end_time": "13:00", "move_reason": "상담실 공사"},
        follow_redirects=False,
    )

    assert response.headers["location"] == f"/staff/calendar/occurrences/{occurrence['id']}?done=moved"
    row = await EventOccurrence.select().where(EventOccurrence.id == occurrence["id"]).first()
    assert present(row)["starts_at"] == datetime(2026, 12, 4, 1, 0, tzinfo=UTC)
    assert present(row)["ends_at"] == datetime(2026, 12, 4, 4, 0, tzinfo=UTC)
    assert present(row)["moved_from"] == occurrence["starts_at"] and present(row)["edited"] and present(row)["note"] == "상담실 공사"
    messages = await _messages("event_moved")
    assert len(messages) == 3 and people["최취소"] not in [message["citizen"] for message in messages]
    assert "2026년 12월 4일 (금) 10:00" in messages[0]["body"] and "상담실 공사" in messages[0]["body"]
    entry = await AuditEntry.select().where(AuditEntry.action == "occurrence.move").first()
    assert json.loads(present(entry)["before"])["starts_at"].startswith("2026-12-03 05:00")
    assert json.loads(present(entry)["after"])["starts_at"].startswith("2026-12-04 10:00")
    calendar = html(await client.get("/events?month=2026-12&view=agenda"))
    assert any("변경" in state.get_text() for state in calendar.select(".agenda .entry__state"))


async def test_a_move_needs_a_future_date_and_a_reason(client, staff, clock) -> None:
    occurrence, _ = await _date_with_registrants(clock)

    response = await post_form(
        client, f"/staff/calendar/occurrences/{occurrence['id']}/move",
        {"move_day": "2026-11-20", "move_start_time": "10:00", "move_end_time": "13:00", "move_reason": ""},
    )

    assert response.status_code == 422
    page = html(response)
    assert [link["href"] for link in page.select("[data-testid=error-summary] a")] == ["#field-move_day", "#field-move_reason"]
    assert present(page.select_one("#field-move_day"))["value"] == "2026-11-20"
    assert await _messages("event_moved") == []


async def test_changing_the_place_marks_the_date_edited_tells_registrants_and_survives_a_series_change(client, staff, clock) -> None:
    occurrence, _ = await _date_with_registrants(clock)

    await post_form(
        client, f"/staff/calendar/occurrences/{occurrence['id']}/details",
        {"start_time": "14:00", "end_time": "17:00", "place": "김포시일자리센터 2층 교육장", "note": "2층으로 오세요"},
    )

    row = await EventOccurrence.select().where(EventOccurrence.id == occurrence["id"]).first()
    assert present(row)["edited"] and present(row)["place"] == "김포시일자리센터 2층 교육장" and present(row)["sequence"] == 1
    assert len(await _messages("event_changed")) == 3
    entry = await AuditEntry.select().where(AuditEntry.action == "occurrence.edit").first()
    assert json.loads(present(entry)["before"]) == {"place": "김포시일자리센터 상담실", "note": ""}
    assert json.loads(present(entry)["after"]) == {"place": "김포시일자리센터 2층 교육장", "note": "2층으로 오세요"}


async def test_a_note_alone_tells_nobody(client, staff, clock) -> None:
    occurrence, _ = await _date_with_registrants(clock)

    await post_form(
        client, f"/staff/calendar/occurrences/{occurrence['id']}/details",
        {"start_time": "14:00", "end_time": "17:00", "place": "김포시일자리센터 상담실", "note": "주차는 지하 2층"},
    )

    assert await _messages("event_changed") == []
    assert present(await AuditEntry.select(AuditEntry.action).first())["action"] == "occurrence.edit"


async def test_details_are_checked_field_by_field_in_the_order_of_the_form(client, staff, clock) -> None:
    occurrence, _ = await _date_with_registrants(clock)

    response = await post_form(
        client, f"/staff/calendar/occurrences/{occurrence['id']}/details",
        {"start_time": "14:00", "end_time": "13:00", "place": "가" * 201, "note": "2층\x00"},
    )

    assert response.status_code == 422
    summary = [(link["href"], link.get_text(strip=True)) for link in html(response).select("[data-testid=error-summary] a")]
    assert summary == [
        ("#field-end_time", "종료 시각은 시작 시각 뒤여야 합니다."),
        ("#field-place", "200자 이내로 입력하세요."),
        ("#field-note", "입력할 수 없는 문자(NUL 등)가 들어 있습니다. 다시 입력하세요."),
    ]
    row = await EventOccurrence.select().where(EventOccurrence.id == occurrence["id"]).first()
    assert not present(row)["edited"] and present(row)["place"] == occurrence["place"] and present(row)["note"] == ""
    assert await AuditEntry.count() == 0


async def test_a_citizen_cannot_cancel_a_date(client, sign_in, clock) -> None:
    occurrence, _ = await _date_with_registrants(clock)
    await sign_in(await a_citizen(name="아무개"))

    response = await post_form(client, f"/staff/calendar/occurrences/{occurrence['id']}/cancel", {"cancel_reason": "장난"}, follow_redirects=False)

    assert response.status_code == 303 and response.headers["location"].startswith("/staff/login?next=")
    assert present(await EventOccurrence.select(EventOccurrence.status).where(EventOccurrence.id == occurrence["id"]).first())["status"] == "scheduled"
    assert await _messages("event_cancelled") == []


async def test_a_registrant_sees_in_my_applications_that_the_event_was_cancelled(client, staff, clock, sign_in) -> None:
    occurrence, people = await _date_with_registrants(clock)
    await post_form(client, f"/staff/calendar/occurrences/{occurrence['id']}/cancel", {"cancel_reason": "강사 사정"})
    citizen = await Citizen.objects().get(Citizen.id == people["김확정"])
    await sign_in(citizen)

    page = html(await client.get("/me/applications"))

    card = page.select_one("[data-testid=application]")
    assert present(present(card).select_one("[data-testid=application-status]")).get_text(strip=True) == "행사가 취소되었습니다"
    assert present(card).find("a", string="신청 취소하기") is None
