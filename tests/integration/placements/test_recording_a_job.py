"""Recording that a participant found a job: who, where, from which program; three calls scheduled."""

from __future__ import annotations

from datetime import date

from jobcenter.audit.tables import AuditEntry
from jobcenter.placements.service import PlacementForm, record_placement
from jobcenter.placements.tables import FollowUpCall, Placement
from jobcenter.signups.service import cancel
from tests.builders import a_citizen, a_program
from tests.support import html, post_form, present, str_value


async def submit(client, fields: dict[str, str]):
    return await post_form(client, "/staff/calls/placements", fields, follow_redirects=False)


async def test_the_form_shows_who_masked_and_only_the_programs_they_applied_to(client, counsellor, apply_to, clock) -> None:
    person = await a_citizen("박지원", mobile="01098765432")
    await apply_to(person, await a_program("청년 뉴딜 프로그램"))
    dropped = await apply_to(person, await a_program("경비신임교육"))
    await cancel(application_id=dropped, citizen_id=person.id, now=clock.now, language="ko", zone="Asia/Seoul")
    await a_program("청소전문교육")  # never applied to

    response = await client.get(f"/staff/calls/placements/new?citizen={person.id}")

    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    page = html(response)
    details = present(page.select_one("[data-testid=placement-person]")).get_text(" ", strip=True)
    assert "박지원" in details and "010-****-5432" in details
    assert "01098765432" not in response.text and "9876" not in response.text
    assert present(page.select_one("[data-testid=placement-person] a"))["href"] == f"/staff/citizens/{person.id}"
    labels = [present(radio.parent).get_text(strip=True) for radio in page.select("input[type=radio][name=program]")]
    assert labels == ["청년 뉴딜 프로그램", "해당 없음"]


async def test_saving_a_job_schedules_calls_one_three_and_six_months_on_at_month_ends_or_the_next_working_day(client, counsellor, apply_to) -> None:
    person = await a_citizen("박지원")
    program = await a_program("청년 뉴딜 프로그램")
    await apply_to(person, program)

    response = await submit(client, {
        "citizen": str(person.id), "company": " 김포 물류센터 ", "position": "물류 사무",
        "started_on": "2026-01-31", "program": str(program.id),
    })

    assert response.status_code == 303
    assert response.headers["location"] == f"/staff/calls?show=all&citizen={person.id}&done=scheduled"
    placement = present(await Placement.select().first())
    assert (placement["citizen"], placement["program"], placement["company"], placement["position"]) == (
        person.id, program.id, "김포 물류센터", "물류 사무")
    assert placement["started_on"] == date(2026, 1, 31) and placement["recorded_by"] == "이상담"
    calls = await FollowUpCall.select(FollowUpCall.months_after, FollowUpCall.due_on, FollowUpCall.called_at).order_by(FollowUpCall.due_on)
    assert [(call["months_after"], call["due_on"]) for call in calls] == [
        (1, date(2026, 3, 3)), (3, date(2026, 4, 30)), (6, date(2026, 7, 31))]  # 28 Feb: a Saturday before 삼일절 and its substitute day
    assert all(call["called_at"] is None for call in calls)

    shown = html(await client.get(response.headers["location"]))
    assert present(shown.select_one("[data-testid=flash]")).get_text(strip=True) == "취업을 기록하고 해피콜 일정을 잡았습니다."
    assert len(shown.select("[data-testid=call-row]")) == 3


async def test_a_form_with_errors_says_what_to_fix_and_keeps_what_was_typed(client, counsellor, apply_to) -> None:
    person = await a_citizen("박지원")
    await apply_to(person, await a_program("청년 뉴딜 프로그램"))

    response = await submit(client, {"citizen": str(person.id), "company": "김포 물류센터", "position": " ", "started_on": "2026-02-30"})

    assert response.status_code == 422
    page = html(response)
    assert present(page.title).get_text().startswith("오류: ")
    links = {link["href"]: link.get_text(strip=True) for link in page.select("[data-testid=error-summary] a")}
    assert links == {
        "#field-position": "직무를 입력하세요.",
        "#field-started_on": "근무 시작일을 2026-11-26처럼 실제 있는 날짜로 입력하세요.",
        "#field-program": "취업으로 이어진 프로그램을 고르거나 '해당 없음'을 고르세요.",
    }
    assert present(page.select_one("#field-company"))["value"] == "김포 물류센터"
    assert present(page.select_one("#field-started_on"))["value"] == "2026-02-30"
    assert present(page.select_one("#field-position"))["aria-invalid"] == "true"
    assert str_value(present(page.select_one("#field-position"))["aria-describedby"]).endswith("error-position")
    assert present(page.select_one("#field-program"))["aria-invalid"] == "true"
    assert await Placement.count() == 0 and await FollowUpCall.count() == 0


async def test_a_start_date_more_than_a_year_away_is_taken_for_a_slip(client, counsellor) -> None:
    person = await a_citizen("박지원")

    response = await submit(client, {"citizen": str(person.id), "company": "김포 물류센터", "position": "물류 사무", "started_on": "2062-11-26"})

    assert response.status_code == 422
    assert present(html(response).select_one("#error-started_on")).get_text(" ", strip=True) == "오류: 근무 시작일은 오늘부터 앞뒤 1년 안의 날짜로 입력하세요."


async def test_a_program_the_person_did_not_apply_to_is_refused(client, counsellor, apply_to) -> None:
    person = await a_citizen("박지원")
    await apply_to(person, await a_program("청년 뉴딜 프로그램"))
    other = await a_program("경비신임교육")

    response = await submit(client, {"citizen": str(person.id), "company": "김포경비", "position": "경비원",
                                     "started_on": "2026-11-02", "program": str(other.id)})

    assert response.status_code == 422
    assert await Placement.count() == 0


async def test_a_person_who_applied_to_nothing_gets_a_job_without_a_program(client, counsellor) -> None:
    person = await a_citizen("박지원")
    page = html(await client.get(f"/staff/calls/placements/new?citizen={person.id}"))
    assert page.select("input[type=radio][name=program]") == []
    assert page.select_one("[data-testid=no-programs]") is not None
    hidden = str_value(present(page.select_one("input[type=hidden][name=program]"))["value"])

    response = await submit(client, {"citizen": str(person.id), "company": "김포경비", "position": "경비원",
                                     "started_on": "2026-11-02", "program": hidden})

    assert response.status_code == 303
    assert present(await Placement.select(Placement.program).first())["program"] is None


async def test_saving_the_same_job_twice_records_it_once(client, counsellor) -> None:
    person = await a_citizen("박지원")
    fields = {"citizen": str(person.id), "company": "김포경비", "position": "경비원", "started_on": "2026-11-02", "program": "none"}

    assert (await submit(client, fields)).status_code == 303
    again = await submit(client, fields)

    assert again.status_code == 422
    assert present(html(again).select_one("#error-company")).get_text(" ", strip=True) == "오류: 이 사람의 같은 취업이 이미 기록되어 있습니다."
    assert await Placement.count() == 1 and await FollowUpCall.count() == 3


async def test_an_unknown_person_is_not_found(client, counsellor) -> None:
    assert (await client.get("/staff/calls/placements/new?citizen=999999")).status_code == 404
    assert (await client.get("/staff/calls/placements/new")).status_code == 404
    assert (await submit(client, {"citizen": "999999", "company": "김포경비"})).status_code == 404


async def test_the_months_are_those_given(actor, clock) -> None:
    person = await a_citizen("박지원")
    form = PlacementForm(company="김포경비", position="경비원", started_on="2026-08-31", program="none")

    await record_placement(person.id, form, months=(2, 12), actor=actor, now=clock.now, zone="Asia/Seoul")

    calls = await FollowUpCall.select(FollowUpCall.months_after, FollowUpCall.due_on).order_by(FollowUpCall.due_on)
    assert [(call["months_after"], call["due_on"]) for call in calls] == [(2, date(2026, 11, 2)), (12, date(2027, 8, 31))]  # 31 October is a Saturday


async def test_the_job_and_each_call_are_audited_with_the_person(client, counsellor) -> None:
    person = await a_citizen("박지원")

    await submit(client, {"citizen": str(person.id), "company": "김포경비", "position": "경비원", "started_on": "2026-11-02", "program": "none"})

    entries = await AuditEntry.select().order_by(AuditEntry.id)
    assert [(entry["action"], entry["object_type"]) for entry in entries] == [
        ("placement.create", "placement"), ("call.schedule", "call"), ("call.schedule", "call"), ("call.schedule", "call")]
    assert {entry["citizen_id"] for entry in entries} == {person.id}
    assert {entry["actor_id"] for entry in entries} == {counsellor.id}
    placement = present(await Placement.select(Placement.id).first())
    assert entries[0]["object_id"] == placement["id"] and "김포경비" in entries[0]["after"]
    call_ids = {call["id"] for call in await FollowUpCall.select(FollowUpCall.id)}
    assert {entry["object_id"] for entry in entries[1:]} == call_ids
