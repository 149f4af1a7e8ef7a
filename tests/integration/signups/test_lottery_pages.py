"""A lottery over HTTP, as staff, an applicant and anyone checking it see it: set up on the cohort's
form, entered from the program page, frozen and published at closing, drawn from the roster."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from jobcenter.notifications.tables import OutboxMessage
from jobcenter.signups.tables import Draw, SeatPool
from tests.builders import NOON_SEOUL, a_citizen, a_cohort, a_lottery, a_program, a_staff_member
from tests.support import filled_in, html, post_form, present

CLOSED = NOON_SEOUL + timedelta(days=3, minutes=1)


async def test_staff_make_a_cohort_a_lottery_and_must_say_where_the_public_value_comes_from(client, sign_in_staff) -> None:
    program = await a_program()
    cohort = await a_cohort(program)
    await sign_in_staff(await a_staff_member())
    path = f"/staff/programs/{program.id}/cohorts/{cohort.id}/edit"
    form = filled_in(present(html(await client.get(path)).select_one("[data-testid=cohort-form]")))
    assert (form["allocation"], form["priority"]) == ("first_come", "none")

    refused = await post_form(client, path, {**form, "allocation": "lottery", "public_source": " "}, follow_redirects=False)

    assert refused.status_code == 422
    assert "공개 값의 출처" in present(html(refused).select_one("#error-public_source")).get_text()
    assert present(await SeatPool.select(SeatPool.lottery).first())["lottery"] is False

    saved = await post_form(client, path, {**form, "allocation": "lottery", "priority": "first_time",
                                           "public_source": "로또 6/45 제1200회 당첨번호"}, follow_redirects=False)

    assert saved.status_code == 303
    assert present(await SeatPool.select(SeatPool.lottery).first())["lottery"] is True
    draw = present(await Draw.select().first())
    assert (draw["priority"], draw["public_source"]) == ("first_time", "로또 6/45 제1200회 당첨번호")
    assert draw["commitment"] == hashlib.sha256(draw["secret"].encode()).hexdigest()
    again = filled_in(present(html(await client.get(path)).select_one("[data-testid=cohort-form]")))
    assert (again["allocation"], again["priority"]) == ("lottery", "first_time")


async def test_an_applicant_enters_sees_the_rules_and_after_the_draw_their_result(client, clock, sign_in, sign_in_staff) -> None:
    program = await a_program("청소전문교육", audience="senior")
    cohort = await a_lottery(program, capacity=1, label="3기")
    citizen = await a_citizen("김순자", birth_year=1958)
    await sign_in(citizen)
    page = html(await client.get(f"/programs/{program.id}"))
    assert present(page.select_one("[data-testid=apply-form] button")).get_text(strip=True) == "3기 추첨 신청하기"
    assert "신청 마감 후 추첨" in present(page.select_one("[data-testid=seats]")).get_text()

    applied = await post_form(client, "/applications", {"pool": str(cohort.seat_pool)}, follow_redirects=False)

    mine = html(await client.get(applied.headers["location"]))
    assert present(mine.select_one(".result__headline")).get_text(strip=True) == "추첨 신청이 접수되었습니다"
    assert present(mine.select_one("[data-testid=application-status]")).get_text(strip=True) == "추첨 대기"
    rules = html(await client.get(f"/draws/{cohort.seat_pool}"))
    commitment = present(rules.select_one("[data-testid=commitment]")).get_text(strip=True)
    assert len(commitment) == 64 and rules.select_one("[data-testid=secret]") is None
    assert rules.select_one("[data-testid=tickets]") is None, "no list before applications close"

    clock.now = CLOSED
    await sign_in(citizen)  # three days later: a new session
    published = html(await client.get(f"/draws/{cohort.seat_pool}"))
    listing = (await client.get(f"/draws/{cohort.seat_pool}/tickets.txt")).text
    assert listing == "1\t-\n"
    assert present(published.select_one("[data-testid=list-digest]")).get_text(strip=True) == hashlib.sha256(listing.encode()).hexdigest()
    assert present(html(await client.get(applied.headers["location"])).select_one("[data-testid=ticket]")).get_text(strip=True) == "내 추첨번호: 1번"

    await sign_in_staff(await a_staff_member())
    roster = f"/staff/rosters/{cohort.seat_pool}"
    assert html(await client.get(roster)).select_one("[data-testid=draw-form]") is not None
    empty = await post_form(client, f"{roster}/draw", {"public_value": "  "}, follow_redirects=False)
    assert empty.status_code == 422
    assert "공개 값을 발표된 그대로" in present(html(empty).select_one("#error-public_value")).get_text()
    drawn = await post_form(client, f"{roster}/draw", {"public_value": "3 11 19 25 33 41 + 7"}, follow_redirects=False)
    assert drawn.status_code == 303
    again = await post_form(client, f"{roster}/draw", {"public_value": "1 2 3 4 5 6"}, follow_redirects=False)
    assert again.status_code == 422

    await sign_in(citizen)
    result = html(await client.get(f"/draws/{cohort.seat_pool}"))
    secret = present(result.select_one("[data-testid=secret]")).get_text(strip=True)
    assert hashlib.sha256(secret.encode()).hexdigest() == commitment
    assert present(result.select_one("[data-testid=public-value]")).get_text(strip=True) == "3 11 19 25 33 41 + 7"
    assert [cell.get_text(strip=True) for cell in present(result.select_one("[data-testid=tickets] tbody tr")).select("td")] == ["1", "1", "아니요", "선정"]
    assert present(html(await client.get(applied.headers["location"])).select_one("[data-testid=application-status]")).get_text(strip=True) == "확정"
    kinds = [row["kind"] for row in await OutboxMessage.select(OutboxMessage.kind).order_by(OutboxMessage.id)]
    assert kinds == ["applied", "drawn_confirmed"]


async def test_a_pool_that_is_not_a_lottery_has_no_lottery_page(client) -> None:
    cohort = await a_cohort(await a_program())

    assert (await client.get(f"/draws/{cohort.seat_pool}")).status_code == 404
    assert (await client.get(f"/draws/{cohort.seat_pool}/tickets.txt")).status_code == 404
    assert (await client.get("/draws/999999999999999999999999999999")).status_code == 404
