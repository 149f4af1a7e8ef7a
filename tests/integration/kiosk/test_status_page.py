"""/status/<code>, the page the kiosk's QR code opens: nothing personal before the last four digits
of the mobile number, only that one application after, and guessing is throttled."""

from __future__ import annotations

import pytest

from jobcenter.limits.tables import RateEvent
from jobcenter.signups import service
from tests.builders import NOON_SEOUL, a_citizen, a_cohort, a_program
from tests.support import html, post_form, present


@pytest.fixture
async def application():
    program = await a_program("청년 뉴딜 프로그램", audience="youth")
    citizen = await a_citizen("홍길동", mobile="01077001234", birth_year=1995)
    other = await a_cohort(await a_program("경비신임교육", audience="middle_aged"), label="제8기")
    await service.take_seat(pool_id=other.seat_pool, citizen_id=citizen.id, now=NOON_SEOUL, language="ko", zone="Asia/Seoul")
    cohort = await a_cohort(program, label="3기")
    return await service.take_seat(pool_id=cohort.seat_pool, citizen_id=citizen.id, now=NOON_SEOUL, language="ko", zone="Asia/Seoul")


def _shows_nothing_personal(page) -> None:
    text = page.get_text()
    for personal in ("청년 뉴딜", "경비신임교육", "3기", "홍길동", "1234", "교육장"):
        assert personal not in text, personal


async def test_before_the_digits_the_page_only_asks_for_them(client, application) -> None:
    response = await client.get(f"/status/{application['confirmation_code']}")

    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    soup = html(response)
    assert soup.select_one("[data-testid=status-form] #field-last_four") is not None
    _shows_nothing_personal(soup.select_one("main"))


async def test_wrong_digits_show_nothing_and_are_counted(client, application) -> None:
    response = await post_form(client, f"/status/{application['confirmation_code']}", {"last_four": "4321"})

    assert response.status_code == 422
    soup = html(response)
    assert present(soup.title).get_text().startswith("오류: ")
    _shows_nothing_personal(soup.select_one("main"))
    assert await RateEvent.count().where(RateEvent.limit_name == "status-code", RateEvent.key == application["confirmation_code"]) == 1


async def test_the_right_digits_show_that_application_and_no_other(client, application) -> None:
    response = await post_form(client, f"/status/{application['confirmation_code']}", {"last_four": "1234"})

    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    main = present(html(response).select_one("main"))
    assert present(main.select_one("[data-testid=status-application]")).get_text(" ", strip=True).startswith("청년 뉴딜 프로그램 · 3기")
    assert present(main.select_one("[data-testid=application-status]")).get_text(strip=True) == "확정"
    assert application["confirmation_code"] in main.get_text()
    assert "경비신임교육" not in main.get_text()
    assert "홍길동" not in main.get_text() and "010" not in main.get_text()


async def test_an_unknown_number_answers_exactly_like_wrong_digits(client, application) -> None:
    known = html(await post_form(client, f"/status/{application['confirmation_code']}", {"last_four": "0000"}))
    unknown = html(await post_form(client, "/status/ZZZZZZZZ", {"last_four": "0000"}))

    assert present(known.select_one("main")).get_text(" ", strip=True) == present(unknown.select_one("main")).get_text(" ", strip=True)


async def test_anything_that_cannot_be_a_confirmation_number_is_not_found(client) -> None:
    for code in ["short", "ABCDEFG0", "ABCDEFGHI", "%00%00%00%00"]:
        assert (await client.get(f"/status/{code}")).status_code == 404, code


async def test_guessing_the_digits_is_throttled_with_retry_after(client, application) -> None:
    path = f"/status/{application['confirmation_code']}"
    for guess in ("0001", "0002", "0003", "0004", "0005"):
        assert (await post_form(client, path, {"last_four": guess})).status_code == 422

    response = await post_form(client, path, {"last_four": "1234"})

    assert response.status_code == 429
    assert int(response.headers["retry-after"]) > 0
    _shows_nothing_personal(html(response).select_one("main"))
