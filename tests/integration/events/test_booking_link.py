"""Issue 18: a campus visit on the calendar links each of its dates to the place's free times (a
page of this site given on the series); anything else typed there is refused."""

from __future__ import annotations

import pytest

from jobcenter.events.tables import EventOccurrence, EventSeries
from tests.builders import a_staff_member
from tests.integration.events.helpers import series_form
from tests.support import html, post_form, present


@pytest.mark.parametrize("typed", ["//evil.example/x", "https://evil.example/", "javascript:alert(1)", "/a b", "/x?y=1", '/x"onmouseover'])
async def test_a_booking_page_must_be_a_path_of_this_site(client, sign_in_staff, typed: str) -> None:
    await sign_in_staff(await a_staff_member())

    response = await post_form(client, "/staff/calendar/new", series_form(booking_path=typed))

    assert response.status_code == 422
    assert "/로 시작해" in present(html(response).select_one("#error-booking_path")).get_text()
    assert await EventSeries.count() == 0


async def test_each_date_links_to_the_booking_page_with_its_day(client, sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member())

    await post_form(client, "/staff/calendar/new", series_form(booking_path="/counselling/2"))
    occurrence = present(await EventOccurrence.select(EventOccurrence.id).order_by(EventOccurrence.starts_at).first())
    page = html(await client.get(f"/events/{occurrence['id']}"))

    assert present(page.select_one("[data-testid=book-a-time]"))["href"] == "/counselling/2?day=2026-12-08"
