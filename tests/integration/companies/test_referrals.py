"""Issue 17: 지원 요청: a signed-in citizen asks to be referred to an open posting after a separate
consent to give their details to the company (PIPA §17(2)); staff refer them and record how it
went, each step in the audit log; the person follows it in 내 신청 내역 and can take it back."""

from __future__ import annotations

from datetime import date, timedelta

from jobcenter.audit.tables import AuditEntry
from jobcenter.companies.referrals import CONSENT_VERSION
from jobcenter.companies.tables import Referral
from jobcenter.placements.tables import FollowUpCall, Placement
from tests.builders import NOON_SEOUL, a_citizen, a_staff_member
from tests.integration.companies.test_postings import a_company, a_posting
from tests.support import html, post_form, present


async def ask(client, posting_id: int, **fields: str):
    return await post_form(client, f"/jobs/{posting_id}/referral", {"note": "오후에 통화 가능합니다", "consent": "1", **fields}, follow_redirects=False)


async def test_a_request_with_the_consent_is_recorded_with_its_version_and_shown_on_the_posting(client, sign_in) -> None:
    posting_id = await a_posting(await a_company())
    person = await a_citizen("박순자", birth_year=1958)
    await sign_in(person)

    response = await ask(client, posting_id)

    assert response.status_code == 303
    referral = present(await Referral.select().first())
    assert (referral["citizen"], referral["status"], referral["consent_version"], referral["consented_at"]) == (
        person.id, "requested", CONSENT_VERSION, NOON_SEOUL)
    page = html(await client.get(f"/jobs/{posting_id}"))
    assert "접수" in present(page.select_one("[data-testid=referral-status]")).get_text()


async def test_without_the_consent_nothing_is_recorded_and_the_note_is_kept(client, sign_in) -> None:
    posting_id = await a_posting(await a_company())
    await sign_in(await a_citizen())

    response = await ask(client, posting_id, consent="")

    page = html(response)
    assert response.status_code == 422 and present(page.select_one("#field-consent"))["aria-invalid"] == "true"
    assert present(page.select_one("#field-note")).get_text() == "오후에 통화 가능합니다"
    assert present(page.select_one("[data-testid=referral-consent]")).get_text(" ", strip=True).count("아라뱃길물류") == 1
    assert await Referral.count() == 0


async def test_someone_not_signed_in_is_sent_to_log_in_and_nothing_is_recorded(client) -> None:
    posting_id = await a_posting(await a_company())

    response = await ask(client, posting_id)

    assert response.status_code in (302, 303) and response.headers["location"].startswith("/login?next=")
    assert await Referral.count() == 0


async def test_a_second_request_a_closed_posting_and_a_sixth_waiting_request_are_refused(client, clock, sign_in) -> None:
    company_id = await a_company()
    postings = [await a_posting(company_id, position=f"직무{number}") for number in range(6)]
    closed = await a_posting(company_id, deadline=date(2026, 11, 25))
    await sign_in(await a_citizen())

    await ask(client, postings[0])
    again = await ask(client, postings[0])
    past_deadline = await ask(client, closed)
    for posting_id in postings[1:5]:
        await ask(client, posting_id)
    sixth = await ask(client, postings[5])

    assert again.status_code == 409 and "이미" in present(html(again).select_one("[data-testid=refusal]")).get_text()
    assert past_deadline.status_code == 409 and "마감" in present(html(past_deadline).select_one("[data-testid=refusal]")).get_text()
    assert sixth.status_code == 409 and "5건" in present(html(sixth).select_one("[data-testid=refusal]")).get_text()
    assert await Referral.count() == 5


async def test_staff_refer_and_record_the_outcome_and_the_person_follows_it(client, sign_in, sign_in_staff) -> None:
    posting_id = await a_posting(await a_company())
    person = await a_citizen("박순자", birth_year=1958)
    await sign_in(person)
    await ask(client, posting_id)
    referral_id = present(await Referral.select(Referral.id).first())["id"]
    staff = await a_staff_member()
    await sign_in_staff(staff)

    board = html(await client.get("/staff"))
    assert present(board.select_one("[data-testid=referrals-waiting]")).get_text(strip=True) == "답을 기다리는 추천 요청: 1건"
    queue = html(await client.get("/staff/referrals"))
    await post_form(client, f"/staff/referrals/{referral_id}/status", {"status": "referred"})
    await post_form(client, f"/staff/referrals/{referral_id}/status", {"status": "interview"})

    assert "박순자 (1958)" in present(queue.select_one("[data-testid=referral-row]")).get_text(" ", strip=True)
    entries = await AuditEntry.select(AuditEntry.action, AuditEntry.citizen_id, AuditEntry.actor_id).order_by(AuditEntry.id)
    assert [(entry["action"], entry["citizen_id"], entry["actor_id"]) for entry in entries] == [
        ("referral.referred", person.id, staff.id), ("referral.interview", person.id, staff.id)]
    mine = html(await client.get("/me/applications"))
    assert present(mine.select_one("[data-testid=referral-state]")).get_text(strip=True) == "면접"
    assert (await client.get("/me/export.json")).json()["referrals"][0]["status"] == "interview"


async def test_a_person_takes_back_their_own_request_but_not_someone_elses(client, sign_in) -> None:
    posting_id = await a_posting(await a_company())
    owner, other = await a_citizen("주인"), await a_citizen("남")
    await sign_in(owner)
    await ask(client, posting_id)
    referral_id = present(await Referral.select(Referral.id).first())["id"]

    await sign_in(other)
    stranger = await post_form(client, f"/jobs/referrals/{referral_id}/cancel", {}, follow_redirects=False)
    await sign_in(owner)
    own = await post_form(client, f"/jobs/referrals/{referral_id}/cancel", {}, follow_redirects=False)

    assert stranger.status_code == 404 and own.status_code == 303
    assert present(await Referral.select(Referral.status).first())["status"] == "cancelled"
    assert (await ask(client, posting_id)).status_code == 303  # asked again: the same request, open again
    assert present(await Referral.select(Referral.status).first())["status"] == "requested"


async def test_a_hire_records_the_job_with_its_posting_and_schedules_the_follow_up_calls(client, sign_in, sign_in_staff, clock) -> None:
    posting_id = await a_posting(await a_company(), position="물류센터 포장 사원")
    person = await a_citizen("박순자", birth_year=1958)
    await sign_in(person)
    await ask(client, posting_id)
    referral_id = present(await Referral.select(Referral.id).first())["id"]
    await sign_in_staff(await a_staff_member())

    await post_form(client, f"/staff/referrals/{referral_id}/status", {"status": "hired"})
    link = present(html(await client.get("/staff/referrals", params={"status": "hired"})).select_one("[data-testid=record-job]"))
    form = html(await client.get(str(link["href"])))
    assert present(form.select_one("#field-company"))["value"] == "아라뱃길물류"
    assert present(form.select_one("#field-position"))["value"] == "물류센터 포장 사원"
    assert present(form.select_one("[data-testid=placement-posting] a"))["href"] == f"/staff/postings/{posting_id}"

    fields = {"citizen": str(person.id), "referral": str(referral_id), "company": "아라뱃길물류", "position": "물류센터 포장 사원",
              "started_on": (clock.now.date() + timedelta(days=7)).isoformat(), "program": "none"}
    saved = await post_form(client, "/staff/calls/placements", fields, follow_redirects=False)

    assert saved.status_code == 303
    placement = present(await Placement.select().first())
    assert (placement["citizen"], placement["posting"], placement["company"]) == (person.id, posting_id, "아라뱃길물류")
    assert await FollowUpCall.count().where(FollowUpCall.placement == placement["id"]) == 3
    entry = present(await AuditEntry.select().where(AuditEntry.action == "placement.create").first())
    assert entry["citizen_id"] == person.id and f'"posting_id": {posting_id}' in entry["after"]
    call_id = present(await FollowUpCall.select(FollowUpCall.id).first())["id"]
    call_page = html(await client.get(f"/staff/calls/{call_id}"))
    assert present(call_page.select_one("[data-testid=call-posting]"))["href"] == f"/staff/postings/{posting_id}"

    again = await post_form(client, "/staff/calls/placements", {**fields, "started_on": clock.now.date().isoformat()}, follow_redirects=False)
    assert again.status_code == 422 and "이미 기록" in again.text
    assert await Placement.count() == 1


async def test_a_placement_cannot_borrow_someone_elses_referral_or_one_not_hired(client, sign_in, sign_in_staff, clock) -> None:
    posting_id = await a_posting(await a_company())
    person = await a_citizen("박순자", birth_year=1958)
    other = await a_citizen("김영호", mobile="01055556666")
    await sign_in(person)
    await ask(client, posting_id)
    referral_id = present(await Referral.select(Referral.id).first())["id"]
    await sign_in_staff(await a_staff_member())
    fields = {"citizen": str(other.id), "referral": str(referral_id), "company": "아라뱃길물류", "position": "사원",
              "started_on": clock.now.date().isoformat(), "program": "none"}

    not_hired = await post_form(client, "/staff/calls/placements", {**fields, "citizen": str(person.id)}, follow_redirects=False)
    await post_form(client, f"/staff/referrals/{referral_id}/status", {"status": "hired"})
    someone_else = await post_form(client, "/staff/calls/placements", fields, follow_redirects=False)

    assert (not_hired.status_code, someone_else.status_code) == (404, 404)
    assert (await client.get(f"/staff/calls/placements/new?citizen={other.id}&referral={referral_id}")).status_code == 404
    assert await Placement.count() == 0
