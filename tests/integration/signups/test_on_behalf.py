"""Signing up a phone or walk-in applicant on their behalf: the same seat service and lock."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from jobcenter.accounts.tables import Citizen
from jobcenter.accounts.walk_in import WalkIn
from jobcenter.audit.service import Actor
from jobcenter.audit.tables import AuditEntry
from jobcenter.settings import Limits
from jobcenter.signups.on_behalf import apply_walk_in
from jobcenter.signups.service import take_seat
from jobcenter.signups.tables import Application, Channel, SeatPool
from tests.builders import a_citizen, a_cohort, a_program, a_staff_member
from tests.support import filled_in, html, post_form, present

PHONE_APPLICANT = {"mobile": "010-2345-6789", "name": "박순자", "birth_year": "1958", "consent": "1"}


async def a_cohort_for_seniors(**fields):
    return await a_cohort(await a_program("어르신 스마트폰 교실", audience="senior", min_age=60), **fields)


async def test_a_phone_applicant_gets_a_record_with_the_verbal_consent_and_a_seat(client, clock, sign_in_staff) -> None:
    cohort = await a_cohort_for_seniors()
    staff = await a_staff_member(name="이상담")
    await sign_in_staff(staff)

    response = await post_form(client, f"/staff/rosters/{cohort.seat_pool}/add", PHONE_APPLICANT, follow_redirects=False)

    assert response.status_code == 303
    citizen = present(await Citizen.select().where(Citizen.mobile == "01023456789").first())
    assert citizen["name"] == "박순자" and citizen["consent_taken_by"] == "이상담" and citizen["consented_at"] == clock.now
    application = present(await Application.select().where(Application.citizen == citizen["id"]).first())
    assert application["status"] == "confirmed" and application["channel"] == "staff" and application["taken_by"] == "이상담"
    actions = {row["action"] for row in await AuditEntry.select(AuditEntry.action).where(AuditEntry.citizen_id == citizen["id"])}
    assert actions == {"application.create", "citizen.create"}


async def test_a_number_with_an_account_shows_it_and_applies_on_it_once_staff_confirm(client, clock, sign_in_staff) -> None:
    cohort = await a_cohort_for_seniors()
    existing = await a_citizen("김영희", mobile="01023456789", birth_year=1955)
    await sign_in_staff(await a_staff_member())
    add = f"/staff/rosters/{cohort.seat_pool}/add"

    shown = html(await post_form(client, add, {"mobile": "01023456789", "name": "", "birth_year": ""}))
    assert "김영희" in present(shown.select_one("[data-testid=account-to-confirm]")).get_text() and "1955" in shown.get_text()
    assert await Application.count() == 0
    confirmed = await post_form(client, add, filled_in(present(shown.select_one("[data-testid=add-applicant-form]"))), follow_redirects=False)

    assert confirmed.status_code == 303 and await Citizen.count() == 1
    assert present(await Application.select(Application.citizen).first())["citizen"] == existing.id


async def test_the_account_confirmed_is_the_one_applied_on_not_another_number_s(client, clock, sign_in_staff) -> None:
    cohort = await a_cohort_for_seniors()
    await a_citizen("김영희", mobile="01023456789", birth_year=1955)
    await a_citizen("이철수", mobile="01098765432", birth_year=1950)
    await sign_in_staff(await a_staff_member())
    add = f"/staff/rosters/{cohort.seat_pool}/add"
    shown = filled_in(present(html(await post_form(client, add, {"mobile": "01023456789"})).select_one("[data-testid=add-applicant-form]")))

    switched = html(await post_form(client, add, {**shown, "mobile": "010-9876-5432"}))

    assert "이철수" in present(switched.select_one("[data-testid=account-to-confirm]")).get_text()
    assert await Application.count() == 0


async def test_a_number_whose_account_has_another_name_is_refused_naming_it_masked(client, clock, sign_in_staff) -> None:
    """A caller's wrong digit must not put a seat in a stranger's account."""
    cohort = await a_cohort_for_seniors()
    await a_citizen("김영희", mobile="01023456789", birth_year=1955)
    await sign_in_staff(await a_staff_member())
    add = f"/staff/rosters/{cohort.seat_pool}/add"

    refused = await post_form(client, add, PHONE_APPLICANT, follow_redirects=False)

    assert refused.status_code == 422
    assert "다른 이름(김*희)" in present(html(refused).select_one("#error-name")).get_text()
    assert await Application.count() == 0 and await Citizen.count() == 1
    same_name_other_year = await post_form(client, add, {**PHONE_APPLICANT, "name": "김 영희"}, follow_redirects=False)
    assert same_name_other_year.status_code == 200 and html(same_name_other_year).select_one("[data-testid=account-to-confirm]")
    same_person = await post_form(client, add, {**PHONE_APPLICANT, "name": "김 영희", "birth_year": "1955"}, follow_redirects=False)
    assert same_person.status_code == 303
    assert await Application.count() == 1


async def test_without_the_consent_nothing_is_written_and_the_values_are_kept(client, clock, sign_in_staff) -> None:
    cohort = await a_cohort_for_seniors()
    await sign_in_staff(await a_staff_member())

    response = await post_form(client, f"/staff/rosters/{cohort.seat_pool}/add", {**PHONE_APPLICANT, "consent": ""})

    assert response.status_code == 422
    page = html(response)
    assert present(page.select_one("#field-consent"))["aria-invalid"] == "true"
    assert present(page.select_one("#field-name"))["value"] == "박순자"
    assert await Citizen.count() == 0 and await Application.count() == 0


async def test_a_refused_seat_leaves_no_record_behind(client, clock, sign_in_staff) -> None:
    cohort = await a_cohort_for_seniors(application_closes_at=clock.now - timedelta(hours=1))
    await sign_in_staff(await a_staff_member())

    response = await post_form(client, f"/staff/rosters/{cohort.seat_pool}/add", PHONE_APPLICANT)

    assert response.status_code == 422
    assert "마감" in present(html(response).select_one("[data-testid=error-summary]")).get_text()
    assert await Citizen.count() == 0


async def test_a_window_not_open_yet_says_when_it_opens_as_people_read_it(client, clock, sign_in_staff) -> None:
    cohort = await a_cohort_for_seniors(application_opens_at=datetime(2026, 12, 20, 0, 0, tzinfo=UTC))
    await sign_in_staff(await a_staff_member())

    response = await post_form(client, f"/staff/rosters/{cohort.seat_pool}/add", PHONE_APPLICANT)

    assert response.status_code == 422
    assert "2026년 12월 20일 (일) 09:00에 접수를 시작합니다." in present(html(response).select_one("[data-testid=error-summary]")).get_text()
    assert await Citizen.count() == 0


async def test_a_person_too_young_for_the_program_is_refused(client, clock, sign_in_staff) -> None:
    cohort = await a_cohort_for_seniors()
    await sign_in_staff(await a_staff_member())

    response = await post_form(client, f"/staff/rosters/{cohort.seat_pool}/add", {**PHONE_APPLICANT, "birth_year": "1990"})

    assert response.status_code == 422 and await Citizen.count() == 0


async def test_staff_and_online_applicants_racing_for_the_last_seats_never_overbook(clock) -> None:
    cohort = await a_cohort_for_seniors(capacity=5)
    staff = await a_staff_member()
    actor = Actor(id=staff.id, name=staff.name)
    online = [await a_citizen(f"온라인{n}", birth_year=1950) for n in range(8)]

    async def by_phone(number: int):
        person = WalkIn(name=f"전화{number}", mobile=f"0107777{number:04d}", birth_year="1950", consent=True)
        return await apply_walk_in(
            cohort.seat_pool, person, channel=Channel.staff, consent_taken_by=actor.name, actor=actor,
            now=clock.now, language="ko", zone="Asia/Seoul", limits=Limits(),
        )

    async def on_the_web(citizen):
        return await take_seat(pool_id=cohort.seat_pool, citizen_id=citizen.id, now=clock.now, language="ko", zone="Asia/Seoul")

    await asyncio.gather(*[by_phone(n) for n in range(8)], *[on_the_web(c) for c in online])

    pool = present(await SeatPool.select().where(SeatPool.id == cohort.seat_pool).first())
    statuses = [row["status"] for row in await Application.select(Application.status)]
    positions = sorted(row["waitlist_position"] for row in await Application.select().where(Application.status == "waitlisted"))
    assert pool["confirmed_count"] == statuses.count("confirmed") == 5
    assert pool["waitlisted_count"] == 11 and positions == list(range(1, 12))
