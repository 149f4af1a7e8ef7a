"""Back office, citizens: find a person, see them with the number masked, reveal it (logged), correct
their details, reset their password, delete the account on request; every step in the audit log."""

from __future__ import annotations

import json
from datetime import timedelta

from jobcenter.accounts.sessions import start_session
from jobcenter.accounts.tables import Citizen, WebSession
from jobcenter.audit.tables import AuditEntry
from jobcenter.notifications.tables import OutboxMessage
from jobcenter.signups import service as signups
from jobcenter.signups.tables import Application, SeatPool
from tests.builders import NOON_SEOUL, a_citizen, a_cohort, a_program, a_staff_member
from tests.support import html, post_form, present


async def a_signed_in_counsellor(sign_in_staff):
    staff = await a_staff_member(name="이상담")
    await sign_in_staff(staff)
    return staff


def found_names(response) -> list[str]:
    return [present(row.th).get_text(strip=True) for row in html(response).select("[data-testid=citizen-row]")]


async def entries(action: str) -> list[dict]:
    return await AuditEntry.select().where(AuditEntry.action == action).order_by(AuditEntry.id)


async def test_a_search_by_part_of_a_name_lists_people_with_masked_numbers(client, sign_in_staff) -> None:
    await a_signed_in_counsellor(sign_in_staff)
    kim = await a_citizen("김민수", mobile="01012345678", birth_year=1968)
    await a_citizen("박민지", mobile="01099998888")
    await a_citizen("이영희", mobile="01011112222")
    cohort = await a_cohort(await a_program(min_age=None, max_age=None))
    await signups.take_seat(pool_id=cohort.seat_pool, citizen_id=kim.id, now=NOON_SEOUL, language="ko", zone="Asia/Seoul")

    response = await client.get("/staff/citizens", params={"q": "민"})

    assert response.headers["cache-control"] == "no-store"
    assert found_names(response) == ["김민수", "박민지"]
    first = [cell.get_text(strip=True) for cell in html(response).select("[data-testid=citizen-row]")[0].find_all("td")]
    assert first[:3] == ["010-****-5678", "1968", "1"]
    assert "01012345678" not in response.text and "010-1234-5678" not in response.text


async def test_control_characters_typed_into_the_search_are_dropped_before_the_database(client, sign_in_staff) -> None:
    await a_signed_in_counsellor(sign_in_staff)
    await a_citizen("김민수", mobile="01012345678")

    response = await client.get("/staff/citizens", params={"q": "김\x00민\x07수"})

    assert response.status_code == 200
    assert found_names(response) == ["김민수"]


async def test_a_whole_number_finds_the_person_however_it_is_typed(client, sign_in_staff) -> None:
    await a_signed_in_counsellor(sign_in_staff)
    await a_citizen("김민수", mobile="01012345678")
    await a_citizen("박민지", mobile="01012340000")

    for typed in ("010-1234-5678", "01012345678", "010 1234 5678"):
        response = await client.get("/staff/citizens", params={"q": typed})
        assert found_names(response) == ["김민수"], typed


async def test_the_last_four_digits_find_everyone_whose_number_ends_with_them(client, sign_in_staff) -> None:
    await a_signed_in_counsellor(sign_in_staff)
    await a_citizen("김민수", mobile="01012345678")
    await a_citizen("박민지", mobile="01098765678")
    await a_citizen("이영희", mobile="01056781234")

    response = await client.get("/staff/citizens", params={"q": "5678"})

    assert found_names(response) == ["김민수", "박민지"]
    too_short = await client.get("/staff/citizens", params={"q": "678"})
    assert found_names(too_short) == []
    assert "4자리" in present(html(too_short).select_one("#citizen-results-title")).get_text()


async def test_an_empty_search_lists_nobody_and_the_newest_order_is_offered(client, sign_in_staff) -> None:
    await a_signed_in_counsellor(sign_in_staff)
    await a_citizen("김가가", created_at=NOON_SEOUL - timedelta(days=30))
    await a_citizen("김나나", created_at=NOON_SEOUL)

    nothing = await client.get("/staff/citizens")
    assert found_names(nothing) == [] and present(html(nothing).select_one("#citizen-results h2")).get_text(strip=True) == "시민 검색"
    assert found_names(await client.get("/staff/citizens", params={"q": "김"})) == ["김가가", "김나나"]
    assert found_names(await client.get("/staff/citizens", params={"q": "김", "sort": "newest"})) == ["김나나", "김가가"]


async def test_an_htmx_search_gets_only_the_results_and_the_address_to_show(client, sign_in_staff) -> None:
    await a_signed_in_counsellor(sign_in_staff)
    await a_citizen("김민수")

    response = await client.get("/staff/citizens", params={"q": "김민수"}, headers={"HX-Request": "true"})

    soup = html(response)
    assert soup.find("html") is None and soup.select_one("section#citizen-results") is not None
    assert found_names(response) == ["김민수"]
    assert response.headers["hx-push-url"].startswith("/staff/citizens?q=")


async def test_the_page_masks_the_number_and_each_view_is_logged(client, sign_in_staff) -> None:
    staff = await a_signed_in_counsellor(sign_in_staff)
    citizen = await a_citizen("김민수", mobile="01012345678", consent_taken_by="이상담")

    response = await client.get(f"/staff/citizens/{citizen.id}")

    assert response.status_code == 200 and response.headers["cache-control"] == "no-store"
    soup = html(response)
    assert present(soup.select_one("[data-testid=mobile-number]")).get_text(strip=True) == "010-****-5678"
    assert "010-1234-5678" not in response.text and "01012345678" not in response.text
    assert "이상담" in present(soup.select_one("[data-testid=consent-taken-by]")).get_text()
    assert soup.select_one(f'a[href="/staff/calls/placements/new?citizen={citizen.id}"]') is not None
    (view,) = await entries("citizen.view")
    assert (view["actor_id"], view["citizen_id"], view["object_type"]) == (staff.id, citizen.id, "citizen")


async def test_revealing_the_number_shows_it_and_writes_an_audit_entry(client, sign_in_staff) -> None:
    staff = await a_signed_in_counsellor(sign_in_staff)
    citizen = await a_citizen("김민수", mobile="01012345678")

    page = await post_form(client, f"/staff/citizens/{citizen.id}/reveal", {})
    fragment = await post_form(client, f"/staff/citizens/{citizen.id}/reveal", {}, headers={"HX-Request": "true"})

    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    assert present(html(page).h1).get_text(strip=True) == "김민수"
    assert present(html(page).select_one("[data-testid=mobile-number]")).get_text(strip=True) == "010-1234-5678"
    assert html(fragment).find("html") is None
    assert present(html(fragment).select_one("#citizen-mobile [data-testid=mobile-number]")).get_text(strip=True) == "010-1234-5678"
    reveals = await entries("citizen.reveal")
    assert [(entry["actor_id"], entry["citizen_id"]) for entry in reveals] == [(staff.id, citizen.id)] * 2


async def test_corrections_are_saved_and_audited_with_before_and_after(client, sign_in_staff) -> None:
    await a_signed_in_counsellor(sign_in_staff)
    citizen = await a_citizen("김민수", mobile="01012345678", birth_year=1968)

    response = await post_form(
        client,
        f"/staff/citizens/{citizen.id}/edit",
        {"name": "김민수", "birth_year": "1969", "email": "minsu@example.com", "mobile": "010-2222-3333"},
        follow_redirects=False,
    )

    assert response.status_code == 303 and response.headers["location"] == f"/staff/citizens/{citizen.id}?done=saved"
    row = present(await Citizen.select().where(Citizen.id == citizen.id).first())
    assert (row["birth_year"], row["email"], row["mobile"]) == (1969, "minsu@example.com", "01022223333")
    (entry,) = await entries("citizen.correct")
    before, after = json.loads(entry["before"]), json.loads(entry["after"])
    assert before == {"birth_year": 1968, "email": None, "mobile": "010-****-5678"}
    assert after == {"birth_year": 1969, "email": "m***@example.com", "mobile": "010-****-3333"}
    assert entry["citizen_id"] == citizen.id


async def test_a_number_another_account_has_is_refused_and_the_values_are_kept(client, sign_in_staff) -> None:
    await a_signed_in_counsellor(sign_in_staff)
    citizen = await a_citizen("김민수", mobile="01012345678", birth_year=1968)
    await a_citizen("박민지", mobile="01099998888")

    response = await post_form(
        client, f"/staff/citizens/{citizen.id}/edit", {"name": "김민수", "birth_year": "1970", "email": "", "mobile": "010-9999-8888"}
    )

    assert response.status_code == 422
    soup = html(response)
    assert present(soup.title).get_text().startswith("오류:")
    assert present(soup.select_one("#field-mobile"))["aria-invalid"] == "true"
    assert present(soup.select_one("#field-mobile"))["value"] == "010-9999-8888"
    assert present(soup.select_one("#field-birth_year"))["value"] == "1970"
    assert "다른 계정" in present(soup.select_one("#error-mobile")).get_text()
    row = await Citizen.select(Citizen.mobile, Citizen.birth_year).where(Citizen.id == citizen.id).first()
    assert row == {"mobile": "01012345678", "birth_year": 1968}
    assert await entries("citizen.correct") == []


async def test_a_temporary_password_logs_in_and_ends_the_old_sessions(client, sign_in_staff, clock) -> None:
    await a_signed_in_counsellor(sign_in_staff)
    citizen = await a_citizen("김민수", mobile="01012345678")
    await start_session(citizen.id, clock.now)
    await start_session(citizen.id, clock.now)

    response = await post_form(client, f"/staff/citizens/{citizen.id}/password/temporary", {})

    assert response.status_code == 200 and response.headers["cache-control"] == "no-store"
    password = present(html(response).select_one("[data-testid=temporary-password]")).get_text(strip=True)
    assert await WebSession.count().where(WebSession.citizen == citizen.id) == 0
    (entry,) = await entries("citizen.temporary_password")
    assert password not in entry["before"] + entry["after"] + entry["summary"]

    login = await post_form(client, "/login", {"mobile": "010-1234-5678", "password": password}, follow_redirects=False)
    assert login.status_code == 303 and login.headers["location"] == "/me/applications"
    assert await WebSession.count().where(WebSession.citizen == citizen.id) == 1


async def test_the_reset_link_is_queued_by_email_and_audited(client, sign_in_staff) -> None:
    await a_signed_in_counsellor(sign_in_staff)
    citizen = await a_citizen("김민수", email="minsu@example.com")

    response = await post_form(client, f"/staff/citizens/{citizen.id}/password/link", {}, follow_redirects=False)

    assert response.status_code == 303 and response.headers["location"].endswith("done=reset_link_sent")
    (message,) = await OutboxMessage.select().where(OutboxMessage.citizen == citizen.id)
    assert message["kind"] == "password_reset" and "/password/reset/" in message["body"]
    assert len(await entries("citizen.reset_link")) == 1


async def test_without_an_email_the_reset_link_is_refused_and_nothing_is_queued(client, sign_in_staff) -> None:
    await a_signed_in_counsellor(sign_in_staff)
    citizen = await a_citizen("김민수")

    response = await post_form(client, f"/staff/citizens/{citizen.id}/password/link", {})

    assert response.status_code == 422
    assert present(html(response).select_one("[data-testid=error-summary] a"))["href"] == "#field-reset_link"
    assert await OutboxMessage.count() == 0 and await entries("citizen.reset_link") == []


async def test_deleting_on_request_frees_the_seat_for_the_first_person_waiting(client, sign_in_staff) -> None:
    await a_signed_in_counsellor(sign_in_staff)
    cohort = await a_cohort(await a_program(), capacity=1)
    leaving = await a_citizen("떠나는 사람", mobile="01012345678", email="leaving@example.com")
    waiting = await a_citizen("기다리는 사람")
    for person in (leaving, waiting):
        await signups.take_seat(pool_id=cohort.seat_pool, citizen_id=person.id, now=NOON_SEOUL, language="ko", zone="Asia/Seoul")

    confirm = await client.get(f"/staff/citizens/{leaving.id}/delete")
    consequences = present(html(confirm).select_one("[data-testid=delete-consequences]")).get_text(" ", strip=True)
    assert "1" in consequences and "대기" in consequences

    response = await post_form(client, f"/staff/citizens/{leaving.id}/delete", {}, follow_redirects=False)

    assert response.status_code == 303 and response.headers["location"] == "/staff/citizens?done=citizen_deleted"
    assert await Citizen.exists().where(Citizen.id == leaving.id) is False
    assert await Application.select(Application.citizen, Application.status) == [{"citizen": waiting.id, "status": "confirmed"}]
    pool = present(await SeatPool.select().where(SeatPool.id == cohort.seat_pool).first())
    assert (pool["confirmed_count"], pool["waitlisted_count"]) == (1, 0)
    (entry,) = await entries("citizen.delete")
    assert entry["object_type"] == "citizen" and entry["object_id"] == leaving.id
    assert "떠나는 사람" in entry["summary"] and str(leaving.id) in entry["summary"]
    written = entry["summary"] + entry["before"] + entry["after"]
    assert "5678" not in written and "leaving@" not in written
    assert json.loads(entry["before"]) == {"seats": 1, "waitlist_places": 0}


async def test_a_missing_account_is_not_found(client, sign_in_staff) -> None:
    await a_signed_in_counsellor(sign_in_staff)

    assert (await client.get("/staff/citizens/999999")).status_code == 404
    assert (await post_form(client, "/staff/citizens/999999/reveal", {})).status_code == 404
    assert await AuditEntry.count() == 0
