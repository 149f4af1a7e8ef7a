"""Recording what a call found: reached or not, still in the job, thinking of leaving, why, what is
hard. On its own page without JavaScript, or in the due list's row with htmx. Every change audited."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from jobcenter.audit.tables import AuditEntry
from jobcenter.placements.tables import FollowUpCall
from tests.builders import a_citizen
from tests.support import html, post_form, present

HTMX = {"HX-Request": "true"}


@pytest.fixture
async def due_call(a_job) -> int:
    """The one-month call of 김취업 (010-1234-5678), who started at 김포물류 on 26 October: due today."""
    await a_job(date(2026, 10, 26), citizen=await a_citizen("김취업", mobile="01012345678"))
    call = present(await FollowUpCall.select(FollowUpCall.id).where(FollowUpCall.months_after == 1).first())
    return call["id"]


async def stored(call_id: int) -> dict[str, Any]:
    return present(await FollowUpCall.select().where(FollowUpCall.id == call_id).first())


async def test_the_call_page_shows_who_which_job_and_the_form(client, counsellor, due_call) -> None:
    response = await client.get(f"/staff/calls/{due_call}")

    assert response.status_code == 200 and response.headers["cache-control"] == "no-store"
    page = html(response)
    assert present(page.h1).get_text(strip=True) == "김취업 님 해피콜"
    details = present(page.select_one("[data-testid=call-details]")).get_text(" ", strip=True)
    assert "010-****-5678" in details and "김포물류" in details and "물류 사무" in details
    assert "01012345678" not in response.text and "010-1234-5678" not in response.text
    form = present(page.select_one("[data-testid=outcome-form]"))
    assert form["action"] == f"/staff/calls/{due_call}" and form["method"] == "post" and not form.has_attr("hx-post")
    assert [radio["value"] for radio in form.select("input[name=reached]")] == ["yes", "no"]
    assert len(form.select("select[name=leave_reason] option")) == 9
    viewed = present(await AuditEntry.select().where(AuditEntry.action == "call.view").first())
    assert (viewed["object_type"], viewed["object_id"], viewed["actor_id"]) == ("call", due_call, counsellor.id)
    assert viewed["citizen_id"] is not None


async def test_a_reached_call_is_recorded_and_leaves_the_due_list(client, counsellor, due_call, clock) -> None:
    response = await post_form(client, f"/staff/calls/{due_call}", {
        "reached": "yes", "still_employed": "yes", "thinking_of_leaving": "yes", "leave_reason": "hours",
        "difficulties": "야간 근무가 힘들다고 함.\n주말 근무도 있음.", "note": "다음 달에 다시 통화",
    }, follow_redirects=False)

    assert response.status_code == 303 and response.headers["location"] == "/staff/calls?done=recorded"
    call = await stored(due_call)
    assert (call["reached"], call["still_employed"], call["thinking_of_leaving"], call["leave_reason"]) == (True, True, True, "hours")
    assert call["difficulties"] == "야간 근무가 힘들다고 함.\n주말 근무도 있음."
    assert (call["called_at"], call["called_by"]) == (clock.now, "이상담")
    due = html(await client.get("/staff/calls"))
    assert due.select("[data-testid=call-row]") == []
    recorded = present(html(await client.get("/staff/calls?show=done")).select_one("[data-testid=call-outcome]")).get_text(" ", strip=True)
    assert "재직 중, 퇴사 고민" in recorded and "근무 시간" in recorded


async def test_answers_that_do_not_apply_are_not_kept(client, counsellor, due_call) -> None:
    await post_form(client, f"/staff/calls/{due_call}", {
        "reached": "no", "still_employed": "yes", "thinking_of_leaving": "no", "leave_reason": "pay", "difficulties": "?", "note": "문자 남김",
    })

    call = await stored(due_call)
    assert (call["reached"], call["still_employed"], call["thinking_of_leaving"], call["leave_reason"], call["difficulties"]) == (
        False, None, None, None, "")
    assert call["note"] == "문자 남김"


async def test_someone_who_left_is_asked_why_and_what_was_typed_is_kept(client, counsellor, due_call) -> None:
    response = await post_form(client, f"/staff/calls/{due_call}", {
        "reached": "yes", "still_employed": "no", "difficulties": "출퇴근이 멀다고 함", "note": "",
    })

    assert response.status_code == 422
    page = html(response)
    assert present(page.title).get_text().startswith("오류: ")
    links = {link["href"]: link.get_text(strip=True) for link in page.select("[data-testid=error-summary] a")}
    assert links == {f"#field-call{due_call}-leave_reason": "그만둔 이유를 고르세요. 해당하는 이유가 없으면 '기타'를 고르세요."}
    assert present(page.select_one(f"#field-call{due_call}-leave_reason"))["aria-invalid"] == "true"
    assert present(page.select_one("input[name=reached][value=yes]")).has_attr("checked")
    assert present(page.select_one("input[name=still_employed][value=no]")).has_attr("checked")
    assert present(page.select_one("textarea[name=difficulties]")).get_text() == "출퇴근이 멀다고 함"
    assert (await stored(due_call))["called_at"] is None


async def test_an_empty_form_asks_whether_the_person_was_reached(client, counsellor, due_call) -> None:
    response = await post_form(client, f"/staff/calls/{due_call}", {})

    assert response.status_code == 422
    assert [link["href"] for link in html(response).select("[data-testid=error-summary] a")] == [f"#field-call{due_call}-reached"]
    assert present(html(response).select_one(f"#field-call{due_call}-reached"))["value"] == "yes"


async def test_a_call_not_reached_is_tried_again_and_each_try_is_audited(client, counsellor, due_call, clock) -> None:
    await post_form(client, f"/staff/calls/{due_call}", {"reached": "no", "note": "받지 않음"})
    assert "연락 안 됨" in present(html(await client.get(f"/staff/calls/{due_call}")).select_one("[data-testid=recorded-outcome]")).get_text()

    await post_form(client, f"/staff/calls/{due_call}", {"reached": "yes", "still_employed": "no", "leave_reason": "pay", "note": "받지 않음"})

    assert (await stored(due_call))["still_employed"] is False
    entries = await AuditEntry.select().where(AuditEntry.object_type == "call", AuditEntry.object_id == due_call).order_by(AuditEntry.id)
    assert [entry["action"] for entry in entries] == ["call.schedule", "call.record", "call.view", "call.retry"]
    person = present(await FollowUpCall.select(FollowUpCall.placement.citizen.as_alias("citizen")).where(FollowUpCall.id == due_call).first())
    assert {entry["citizen_id"] for entry in entries} == {person["citizen"]}
    assert json.loads(entries[1]["after"]) == {"reached": False, "note": "받지 않음"}
    assert json.loads(entries[3]["before"]) == {"reached": False, "still_employed": None, "leave_reason": None}
    assert json.loads(entries[3]["after"]) == {"reached": True, "still_employed": False, "leave_reason": "pay"}


async def test_with_htmx_the_form_opens_in_the_row_and_the_row_shows_the_outcome(client, counsellor, due_call) -> None:
    opened = await client.get(f"/staff/calls/{due_call}", headers=HTMX)

    assert opened.status_code == 200
    cell = html(opened).select_one("td[colspan]")
    assert cell is not None and html(opened).select_one("html, h1") is None
    form = present(cell.select_one("[data-testid=outcome-form]"))
    assert form["hx-post"] == f"/staff/calls/{due_call}" and form["hx-target"] == f"#call-{due_call}"
    assert present(form.select_one("h3[data-focus-after-swap]")).get_text(strip=True) == "김취업 님 1개월 해피콜 결과"

    refused = await post_form(client, f"/staff/calls/{due_call}", {"reached": "yes"}, headers=HTMX)
    assert refused.status_code == 422
    assert [link["href"] for link in html(refused).select("[data-testid=error-summary] a")] == [f"#field-call{due_call}-still_employed"]
    assert present(html(refused).select_one("input[name=reached][value=yes]")).has_attr("checked")

    saved = await post_form(client, f"/staff/calls/{due_call}", {"reached": "yes", "still_employed": "yes", "thinking_of_leaving": "no"}, headers=HTMX)
    assert saved.status_code == 200
    outcome = present(html(saved).select_one("[data-testid=call-outcome]"))
    assert present(outcome.select_one("[data-announce]")).get_text(" ", strip=True) == "기록했습니다. 재직 중"
    assert present(outcome.select_one("[data-testid=open-outcome]")).get_text(" ", strip=True).startswith("결과 고치기")

    put_away = await client.get(f"/staff/calls/{due_call}/row", headers=HTMX)
    assert present(html(put_away).select_one("th a")).get_text(strip=True) == "김취업"


async def test_the_full_number_is_shown_on_request_and_the_look_is_audited(client, counsellor, due_call) -> None:
    response = await post_form(client, f"/staff/calls/{due_call}/mobile", {}, headers=HTMX)

    assert response.status_code == 200
    number = present(html(response).select_one("[data-testid=mobile-number]"))
    assert number.get_text(strip=True) == "010-1234-5678" and number["href"] == "tel:01012345678"
    entry = present(await AuditEntry.select().where(AuditEntry.action == "citizen.reveal_mobile").first())
    assert (entry["object_type"], entry["object_id"], entry["actor_id"]) == ("call", due_call, counsellor.id)
    assert entry["citizen_id"] is not None

    without_js = await post_form(client, f"/staff/calls/{due_call}/mobile", {})
    assert present(html(without_js).select_one("[data-testid=call-details] [data-testid=mobile-number]")).get_text(strip=True) == "010-1234-5678"


async def test_an_unknown_call_is_not_found(client, counsellor) -> None:
    assert (await client.get("/staff/calls/999999")).status_code == 404
    assert (await post_form(client, "/staff/calls/999999", {"reached": "no"})).status_code == 404
    assert (await post_form(client, "/staff/calls/999999/mobile", {})).status_code == 404
    assert await AuditEntry.count() == 0


async def test_control_characters_are_refused_and_nothing_is_stored(client, counsellor, due_call) -> None:
    response = await post_form(client, f"/staff/calls/{due_call}", {
        "reached": "yes", "still_employed": "yes", "thinking_of_leaving": "no", "difficulties": "야간\x00 근무\r\n힘듦\x07", "note": "\x1b메모",
    }, follow_redirects=False)

    assert response.status_code == 422
    links = {link["href"]: link.get_text(strip=True) for link in html(response).select("[data-testid=error-summary] a")}
    assert links == {f"#field-call{due_call}-{name}": "입력할 수 없는 문자(NUL 등)가 들어 있습니다. 다시 입력하세요." for name in ("difficulties", "note")}
    assert (await stored(due_call))["called_at"] is None

    saved = await post_form(client, f"/staff/calls/{due_call}", {
        "reached": "yes", "still_employed": "yes", "thinking_of_leaving": "no", "difficulties": " 야간 근무\r\n힘듦 ", "note": "메모",
    }, follow_redirects=False)

    assert saved.status_code == 303
    call = await stored(due_call)
    assert (call["difficulties"], call["note"]) == ("야간 근무\n힘듦", "메모")
