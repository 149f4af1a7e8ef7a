"""Applying from the program page, seeing one's applications, cancelling: over HTTP, as a person does."""

from __future__ import annotations

from datetime import timedelta

from jobcenter.signups.tables import Application
from tests.builders import NOON_SEOUL, a_citizen, a_cohort, a_program
from tests.support import html, post_form, present


async def _apply(client, cohort, **extra):
    return await post_form(client, "/applications", {"pool": str(cohort.seat_pool), **extra}, follow_redirects=False)


async def test_applying_shows_the_confirmation_number_at_once(client, sign_in) -> None:
    program = await a_program("경비신임교육", audience="middle_aged")
    cohort = await a_cohort(program, label="제8기")
    await sign_in(await a_citizen(birth_year=1966))
    page = html(await client.get(f"/programs/{program.id}"))
    assert present(page.select_one("[data-testid=apply-form] button")).get_text(strip=True) == "제8기 신청하기"

    response = await _apply(client, cohort)

    assert response.status_code == 303
    result = await client.get(response.headers["location"])
    soup = html(result)
    assert present(soup.select_one(".result__headline")).get_text(strip=True) == "신청 완료"
    code = present(await Application.select(Application.confirmation_code).first())["confirmation_code"]
    assert present(soup.select_one(".code")).get_text(strip=True) == code
    assert result.headers["cache-control"] == "no-store"


async def test_when_seats_are_gone_the_person_is_told_their_waitlist_number(client, sign_in) -> None:
    cohort = await a_cohort(await a_program(), capacity=1)
    for name in ("첫째", "둘째"):
        await sign_in(await a_citizen(name))
        await _apply(client, cohort)
    await sign_in(await a_citizen("셋째"))

    response = await _apply(client, cohort)

    soup = html(await client.get(response.headers["location"]))
    assert present(soup.select_one(".result__headline")).get_text(strip=True) == "대기 2번으로 접수되었습니다"
    assert present(soup.select_one("[data-testid=application-status]")).get_text(strip=True) == "대기 2번"


async def test_the_program_page_and_catalog_show_seats_left_and_the_waitlist(client, sign_in) -> None:
    program = await a_program("청소전문교육", audience="senior")
    cohort = await a_cohort(program, capacity=1)
    for name in ("첫째", "둘째"):
        await sign_in(await a_citizen(name, birth_year=1955))
        await _apply(client, cohort)
    client.cookies.clear()

    detail = html(await client.get(f"/programs/{program.id}"))
    listing = html(await client.get("/programs"))
    live = html(await client.get(f"/seats/{cohort.seat_pool}"))

    for soup in (detail, listing, live):
        assert " ".join(present(soup.select_one("[data-testid=seats]")).get_text().split()) == "정원 1명 모두 찼습니다 · 대기 1명"
    assert present(detail.select_one("[data-testid=login-to-apply]"))["href"] == f"/login?next=/programs/{program.id}"


async def test_applying_needs_a_login_and_comes_back_after_it(client) -> None:
    cohort = await a_cohort(await a_program())

    response = await _apply(client, cohort)

    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=%2Fapplications"
    assert await Application.count() == 0


async def test_outside_the_window_the_program_page_says_why_and_nothing_is_written(client, clock, sign_in) -> None:
    program = await a_program()
    cohort = await a_cohort(program, application_opens_at=NOON_SEOUL + timedelta(hours=1))
    await sign_in(await a_citizen())

    response = await _apply(client, cohort)

    assert response.status_code == 409
    soup = html(response)
    assert present(soup.title).get_text().startswith("오류:")
    assert present(soup.select_one("[data-testid=refusal]")).get_text(strip=True) == "2026년 11월 26일 (목) 13:00에 접수를 시작합니다."
    assert await Application.count() == 0


async def test_an_ineligible_person_is_told_the_age_range(client, sign_in) -> None:
    program = await a_program(min_age=60)
    cohort = await a_cohort(program)
    await sign_in(await a_citizen(birth_year=1990))

    response = await _apply(client, cohort)

    assert response.status_code == 409
    assert present(html(response).select_one("[data-testid=refusal]")).get_text(strip=True) == (
        "이 프로그램은 만 60세 이상 대상입니다. 태어난 해로 보아 신청할 수 없습니다."
    )


async def test_a_double_submit_makes_one_application(client, sign_in) -> None:
    cohort = await a_cohort(await a_program())
    await sign_in(await a_citizen())

    first, second = await _apply(client, cohort), await _apply(client, cohort)

    assert first.headers["location"] == second.headers["location"]
    assert await Application.count() == 1


async def test_a_post_without_the_csrf_token_is_refused_and_writes_nothing(client, sign_in) -> None:
    cohort = await a_cohort(await a_program())
    await sign_in(await a_citizen())

    response = await client.post("/applications", data={"pool": str(cohort.seat_pool)})

    assert response.status_code == 403
    assert await Application.count() == 0


async def test_extra_fields_cannot_choose_the_status_or_the_seats(client, sign_in) -> None:
    cohort = await a_cohort(await a_program(), capacity=1)
    await sign_in(await a_citizen("첫째"))
    await _apply(client, cohort)
    await sign_in(await a_citizen("둘째"))

    await _apply(client, cohort, status="confirmed", capacity="99", waitlist_position="0", citizen="1")

    rows = await Application.select(Application.status).order_by(Application.id)
    assert [row["status"] for row in rows] == ["confirmed", "waitlisted"]


async def test_my_applications_lists_statuses_and_cancelling_promotes_the_next(client, sign_in) -> None:
    cohort = await a_cohort(await a_program("청년 뉴딜 프로그램"), capacity=1)
    first, second = await a_citizen("첫째"), await a_citizen("둘째")
    await sign_in(first)
    await _apply(client, cohort)
    await sign_in(second)
    await _apply(client, cohort)
    await sign_in(first)
    mine = html(await client.get("/me/applications"))
    assert [s.get_text(strip=True) for s in mine.select("[data-testid=application-status]")] == ["확정"]
    application_id = present(await Application.select(Application.id).where(Application.citizen == first.id).first())["id"]

    confirm_page = html(await client.get(f"/me/applications/{application_id}/cancel"))
    assert confirm_page.select_one("[data-testid=confirm-cancel]") is not None
    done = await post_form(client, f"/me/applications/{application_id}/cancel", {}, follow_redirects=False)

    assert done.status_code == 303
    after = html(await client.get(done.headers["location"]))
    assert [s.get_text(strip=True) for s in after.select("[data-testid=application-status]")] == ["취소"]
    await sign_in(second)
    theirs = html(await client.get("/me/applications"))
    assert [s.get_text(strip=True) for s in theirs.select("[data-testid=application-status]")] == ["확정"]


async def test_another_citizens_application_is_a_404_to_read_or_cancel(client, sign_in) -> None:
    cohort = await a_cohort(await a_program())
    owner = await a_citizen("주인")
    await sign_in(owner)
    await _apply(client, cohort)
    application_id = present(await Application.select(Application.id).first())["id"]
    await sign_in(await a_citizen("다른 사람"))

    assert (await client.get(f"/me/applications/{application_id}")).status_code == 404
    assert (await client.get(f"/me/applications/{application_id}/cancel")).status_code == 404
    assert (await post_form(client, f"/me/applications/{application_id}/cancel", {})).status_code == 404
    assert present(await Application.select(Application.status).first())["status"] == "confirmed"
