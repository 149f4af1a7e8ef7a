"""Issue 18 at the kiosk: 상담 예약 shows the center's free times this week; a visitor without an
account books one the kiosk's way (details, then the code texted to the number) for a record made
with the kiosk's consent; a device that is no kiosk gets the website's page instead; a time taken
meanwhile shows the fresh times and leaves no record behind."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from jobcenter.accounts.tables import Citizen
from jobcenter.counselling.slots import slot_key
from jobcenter.counselling.tables import Booking
from jobcenter.notifications.tables import OutboxMessage
from tests.builders import a_citizen
from tests.integration.counselling.builders import a_counsellor, a_pattern, a_place
from tests.support import html, post_form, present, texted_code

SEOUL = ZoneInfo("Asia/Seoul")
FRIDAY_TEN = datetime(2026, 11, 27, 10, tzinfo=SEOUL)
PERSON = {"name": "키오스크", "mobile": "010-5555-1212", "birth_year": "1961", "consent": "1"}


@pytest.fixture
async def center() -> tuple[int, int]:
    place = await a_place()
    counsellor = await a_counsellor()
    await a_pattern(counsellor, place, first_day=date(2026, 11, 2), start=time(10), end=time(11))
    return place, counsellor


async def test_a_visitor_books_a_time_this_week_with_the_code_texted_to_them(client, enrolled_kiosk, center) -> None:
    _, counsellor = center
    key = slot_key(counsellor, FRIDAY_TEN)
    times = html(await client.get("/kiosk/counselling"))
    assert present(times.select_one("[data-testid=kiosk-time]")).get_text(" ", strip=True).startswith("11월 27일 (금) 10:00")

    asked = await post_form(client, "/kiosk/counselling/book", {"slot": key, **PERSON}, follow_redirects=False)
    assert (asked.status_code, asked.headers["location"]) == (303, "/kiosk/counselling/code")
    done = await post_form(client, "/kiosk/counselling/code", {"code": await texted_code("01055551212")})

    assert done.status_code == 200
    assert "상담이 예약되었습니다" in present(html(done).select_one("[data-testid=result-headline]")).get_text()
    booking = present(await Booking.select(Booking.channel, Booking.slot, Booking.citizen.consent_taken_by.as_alias("taken_by")).first())
    assert (booking["channel"], booking["slot"]) == ("kiosk", key)
    assert booking["taken_by"].startswith("kiosk:")
    assert await OutboxMessage.count().where(OutboxMessage.kind == "counselling_booked", OutboxMessage.mobile == "01055551212") == 1


async def test_the_number_of_an_account_books_for_that_account(client, enrolled_kiosk, center) -> None:
    _, counsellor = center
    person = await a_citizen("계정있음", mobile="01055551212")

    await post_form(client, "/kiosk/counselling/book", {"slot": slot_key(counsellor, FRIDAY_TEN), **PERSON})
    await post_form(client, "/kiosk/counselling/code", {"code": await texted_code("01055551212")})

    assert present(await Booking.select(Booking.citizen).first())["citizen"] == person.id
    assert await Citizen.count() == 1


async def test_a_time_taken_before_the_code_leaves_no_record_behind(client, enrolled_kiosk, center) -> None:
    place, counsellor = center
    key = slot_key(counsellor, FRIDAY_TEN)
    await post_form(client, "/kiosk/counselling/book", {"slot": key, **PERSON})
    other = await a_citizen("먼저예약", mobile="01099990000")
    await Booking.insert(Booking(citizen=other.id, counsellor=counsellor, place=place, starts_at=FRIDAY_TEN, ends_at=FRIDAY_TEN, slot=key,
                                 topic="first"))

    response = await post_form(client, "/kiosk/counselling/code", {"code": await texted_code("01055551212")})

    assert response.status_code == 409
    assert present(html(response).select_one("[data-testid=slot-taken]")) is not None
    assert await Citizen.count().where(Citizen.mobile == "01055551212") == 0


async def test_elsewhere_than_on_a_kiosk_the_website_page_is_given(client, center) -> None:
    place, counsellor = center
    key = slot_key(counsellor, FRIDAY_TEN)

    page = await client.get("/kiosk/counselling/book", params={"slot": key})
    refused = await post_form(client, "/kiosk/counselling/book", {"slot": key, **PERSON}, follow_redirects=False)

    assert str(present(html(page).select_one("[data-testid=web-url]"))["href"]).endswith(f"/counselling/{place}")
    assert refused.status_code == 403
    assert await Booking.count() == 0


async def test_odd_input_is_a_clear_answer_never_a_crash(client, enrolled_kiosk, center) -> None:
    _, counsellor = center

    forged = await client.get("/kiosk/counselling/book", params={"slot": "1:99991231T2359"})
    bad_details = await post_form(client, "/kiosk/counselling/book", {"slot": slot_key(counsellor, FRIDAY_TEN), **PERSON, "mobile": "0\x0010"})

    assert forged.status_code == 409
    assert bad_details.status_code == 422


async def test_a_number_whose_account_holds_three_times_is_told_after_the_code(client, enrolled_kiosk, center) -> None:
    place, counsellor = center
    person = await a_citizen("세건", mobile="01055551212")
    for day in (30, 1, 2):
        starts_at = datetime(2026, 11 if day == 30 else 12, day, 10, tzinfo=SEOUL)
        await Booking.insert(Booking(citizen=person.id, counsellor=counsellor, place=place, starts_at=starts_at, ends_at=starts_at,
                                     slot=slot_key(counsellor, starts_at), topic="first"))

    await post_form(client, "/kiosk/counselling/book", {"slot": slot_key(counsellor, FRIDAY_TEN), **PERSON})
    response = await post_form(client, "/kiosk/counselling/code", {"code": await texted_code("01055551212")})

    assert response.status_code == 409
    assert "이미 상담 예약이 3건 있습니다" in present(html(response).select_one("[data-testid=refusal]")).get_text()
    assert await Booking.count() == 3
