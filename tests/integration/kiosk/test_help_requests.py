"""직원 호출: one tap at the kiosk puts a call on the staff dashboard with the kiosk's name; staff
mark it answered (audited)."""

from __future__ import annotations

import pytest

from jobcenter.audit.tables import AuditEntry
from jobcenter.kiosk.tables import HelpRequest
from tests.builders import a_staff_member
from tests.support import html, post_form, present, str_value

pytestmark = pytest.mark.usefixtures("enrolled_kiosk")

HTMX = {"HX-Request": "true"}


async def test_one_tap_calls_staff_and_the_visitor_is_told_someone_is_coming(client) -> None:
    response = await post_form(client, "/kiosk/help", {}, follow_redirects=False)

    assert response.status_code == 303 and response.headers["location"] == "/kiosk/help"
    page = html(await client.get("/kiosk/help"))
    assert present(page.select_one("[data-testid=help-called]")).get_text(strip=True) == "직원이 곧 옵니다"
    call = present(await HelpRequest.select().first())
    assert (call["kiosk_name"], call["answered_at"]) == ("로비 키오스크", None)


async def test_more_taps_while_a_call_is_open_do_not_add_calls(client) -> None:
    for _ in range(3):
        await post_form(client, "/kiosk/help", {})

    assert await HelpRequest.count() == 1


async def test_the_call_appears_on_the_staff_dashboard_with_the_kiosks_name(client, sign_in_staff) -> None:
    await post_form(client, "/kiosk/help", {})
    await sign_in_staff(await a_staff_member())

    dashboard = html(await client.get("/staff"))

    calls = dashboard.select("#help-requests [data-testid=help-request]")
    assert len(calls) == 1
    assert "로비 키오스크" in calls[0].get_text()
    assert str_value(present(dashboard.select_one("#help-requests"))["hx-get"]).endswith(f"?known={present(await HelpRequest.select().first())['id']}")


async def test_the_dashboards_poll_swaps_only_when_the_calls_change_and_announces_a_new_one(client, sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member())
    empty = present(html(await client.get("/staff")).select_one("#help-requests"))
    assert "키오스크에서 기다리는 분이 없습니다" in empty.get_text()

    unchanged = await client.get("/staff/help-requests?known=", headers=HTMX)
    await post_form(client, "/kiosk/help", {})
    changed = await client.get("/staff/help-requests?known=", headers=HTMX)

    assert unchanged.status_code == 204
    assert changed.status_code == 200
    fragment = html(changed)
    assert "로비 키오스크" in present(fragment.select_one("[data-announce]")).get_text()
    assert len(fragment.select("[data-testid=help-request]")) == 1


async def test_marking_a_call_answered_clears_it_and_is_audited(client, sign_in_staff) -> None:
    await post_form(client, "/kiosk/help", {})
    staff = await a_staff_member(name="이상담")
    await sign_in_staff(staff)
    call = present(await HelpRequest.select().first())

    response = await post_form(client, f"/staff/help-requests/{call['id']}/answered", {}, follow_redirects=False)

    assert response.status_code == 303
    answered = present(await HelpRequest.select().first())
    assert answered["answered_by"] == "이상담" and answered["answered_at"] is not None
    entry = present(await AuditEntry.select().where(AuditEntry.action == "help_request.answered").first())
    assert (entry["actor_id"], entry["object_type"], entry["object_id"], entry["summary"]) == (staff.id, "help_request", call["id"], "로비 키오스크")
    assert html(await client.get("/staff")).select("#help-requests [data-testid=help-request]") == []


async def test_the_calls_are_for_staff_only(client) -> None:
    await post_form(client, "/kiosk/help", {})
    call = present(await HelpRequest.select().first())

    listing = await client.get("/staff/help-requests", headers=HTMX, follow_redirects=False)
    answer = await post_form(client, f"/staff/help-requests/{call['id']}/answered", {}, follow_redirects=False)

    assert "/staff/login" in listing.headers.get("hx-redirect", listing.headers.get("location", ""))
    assert answer.headers["location"].startswith("/staff/login")
    assert present(await HelpRequest.select().first())["answered_at"] is None
