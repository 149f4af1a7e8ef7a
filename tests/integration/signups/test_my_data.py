"""내 정보: see, correct, download and delete what the center holds about oneself."""

from __future__ import annotations

import json
from datetime import timedelta

from jobcenter.accounts.tables import Citizen, WebSession
from jobcenter.notifications.tables import OutboxMessage
from jobcenter.signups import service
from jobcenter.signups.people import delete_inactive_accounts
from jobcenter.signups.tables import Application, SeatPool
from tests.builders import NOON_SEOUL, a_citizen, a_cohort, a_program
from tests.support import html, post_form, present


async def test_the_page_shows_what_is_held_and_corrections_are_saved(client, sign_in) -> None:
    citizen = await a_citizen("김포시민", mobile="01023456789", birth_year=1970)
    await sign_in(citizen)

    page = await client.get("/me")
    assert page.headers["cache-control"] == "no-store"
    held = present(html(page).select_one("[data-testid=held]")).get_text(" ", strip=True)
    assert "010-2345-6789" in held and "2026-11" in held

    saved = await post_form(client, "/me", {"name": "김포 시민", "birth_year": "1971", "email": "me@example.com", "notify_by": "sms"},
                            follow_redirects=False)

    assert saved.status_code == 303
    row = present(await Citizen.select().where(Citizen.id == citizen.id).first())
    assert (row["name"], row["birth_year"], row["email"], row["notify_by"]) == ("김포 시민", 1971, "me@example.com", "sms")


async def test_text_messages_by_default_and_email_for_whoever_chooses_it_with_an_address(client, sign_in) -> None:
    citizen = await a_citizen("김포시민", birth_year=1970)
    await sign_in(citizen)
    page = html(await client.get("/me"))
    assert present(page.select_one("input[name=notify_by][value=sms]")).has_attr("checked")

    without = await post_form(client, "/me", {"name": "김포시민", "birth_year": "1970", "email": "", "notify_by": "email"})
    assert without.status_code == 422
    assert "이메일로 받으시려면 위에 이메일 주소를 입력하세요." in present(html(without).select_one(".error-summary")).get_text()
    assert present(await Citizen.select(Citizen.notify_by).where(Citizen.id == citizen.id).first())["notify_by"] == "sms"

    chosen = await post_form(client, "/me", {"name": "김포시민", "birth_year": "1970", "email": "me@example.com", "notify_by": "email"},
                             follow_redirects=False)
    assert chosen.status_code == 303
    cohort = await a_cohort(await a_program())
    await service.take_seat(pool_id=cohort.seat_pool, citizen_id=citizen.id, now=NOON_SEOUL, language="ko", zone="Asia/Seoul")
    message = present(await OutboxMessage.select().where(OutboxMessage.citizen == citizen.id).first())
    assert (message["channel"], message["email"]) == ("email", "me@example.com")
    assert "김포시민님" in message["body"], "the email's full text, not the short one"


async def test_a_wrong_correction_keeps_the_values_and_changes_nothing(client, sign_in) -> None:
    citizen = await a_citizen("김포시민", birth_year=1970)
    await sign_in(citizen)

    response = await post_form(client, "/me", {"name": "", "birth_year": "70", "email": "nope", "notify_by": "sms"})

    assert response.status_code == 422
    soup = html(response)
    assert present(soup.title).get_text().startswith("오류:")
    assert present(soup.select_one("#field-birth_year"))["value"] == "70"
    assert present(await Citizen.select(Citizen.name).where(Citizen.id == citizen.id).first())["name"] == "김포시민"


async def test_the_download_has_everything_but_the_password(client, sign_in) -> None:
    citizen = await a_citizen("김포시민")
    cohort = await a_cohort(await a_program())
    await service.take_seat(pool_id=cohort.seat_pool, citizen_id=citizen.id, now=NOON_SEOUL, language="ko", zone="Asia/Seoul")
    await sign_in(citizen)

    response = await client.get("/me/export.json")

    assert "attachment" in response.headers["content-disposition"]
    data = json.loads(response.content)
    assert data["account"]["name"] == "김포시민" and "password_hash" not in data["account"]
    assert len(data["applications"]) == 1 and data["messages"][0]["kind"] == "confirmed"


async def test_deleting_the_account_frees_the_seat_for_the_next_person(client, sign_in) -> None:
    cohort = await a_cohort(await a_program(), capacity=1)
    leaving, waiting = await a_citizen("떠나는 사람"), await a_citizen("기다리는 사람")
    for person in (leaving, waiting):
        await service.take_seat(pool_id=cohort.seat_pool, citizen_id=person.id, now=NOON_SEOUL, language="ko", zone="Asia/Seoul")
    await sign_in(leaving)

    response = await post_form(client, "/me/delete", {}, follow_redirects=False)

    assert response.status_code == 303 and "clear-site-data" in response.headers
    assert await Citizen.exists().where(Citizen.id == leaving.id) is False
    assert await WebSession.count() == 0
    assert await OutboxMessage.count().where(OutboxMessage.citizen == leaving.id) == 0
    remaining = await Application.select(Application.citizen, Application.status)
    assert remaining == [{"citizen": waiting.id, "status": "confirmed"}]
    pool = present(await SeatPool.select().where(SeatPool.id == cohort.seat_pool).first())
    assert (pool["confirmed_count"], pool["waitlisted_count"]) == (1, 0)


async def test_accounts_unused_past_the_retention_period_are_deleted_with_their_seats_freed(settings) -> None:
    cohort = await a_cohort(await a_program(), capacity=1)
    dormant, waiting, active = await a_citizen("오래전 회원"), await a_citizen("대기 회원"), await a_citizen("요즘 회원")
    for person in (dormant, waiting):
        await service.take_seat(pool_id=cohort.seat_pool, citizen_id=person.id, now=NOON_SEOUL, language="ko", zone="Asia/Seoul")
    retention = timedelta(days=settings.retention_days)
    await Citizen.update({Citizen.last_active_at: NOON_SEOUL - retention - timedelta(days=1)}).where(Citizen.id == dormant.id)
    await Citizen.update({Citizen.last_active_at: NOON_SEOUL - retention + timedelta(days=1)}).where(Citizen.id == active.id)

    deleted = await delete_inactive_accounts(NOON_SEOUL, retention, language="ko", zone="Asia/Seoul")

    assert deleted == 1
    assert sorted(row["name"] for row in await Citizen.select(Citizen.name)) == ["대기 회원", "요즘 회원"]
    assert await Application.select(Application.citizen, Application.status) == [{"citizen": waiting.id, "status": "confirmed"}]
