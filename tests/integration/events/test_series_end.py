"""Issue 16: a series has a last day, and can be deleted while nobody has registered for one of its dates."""

from __future__ import annotations

from datetime import date

from jobcenter.audit.tables import AuditEntry
from jobcenter.events.tables import EventOccurrence, EventSeries
from jobcenter.signups import service
from jobcenter.signups.tables import SeatPool
from tests.builders import a_citizen, a_staff_member
from tests.integration.events.helpers import a_series, occurrences_of, series_form
from tests.support import html, post_form, present


async def test_a_last_day_ends_the_dates_and_the_preview_there(client, sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member())

    response = await post_form(client, "/staff/calendar/new", series_form(last_day="2027-01-31"), follow_redirects=False)

    assert response.status_code == 303
    series = present(await EventSeries.select().first())
    assert series["last_day"] == date(2027, 1, 31)
    assert [row["rule_day"] for row in await occurrences_of(series["id"])] == [
        date(2026, 12, 8), date(2026, 12, 22), date(2027, 1, 12), date(2027, 1, 26),
    ]
    page = html(await client.get(f"/staff/calendar/{series['id']}"))
    assert present(page.select_one("#field-last_day"))["value"] == "2027-01-31"
    assert len(page.select("[data-testid=preview-date]")) == 4


async def test_a_series_that_ended_can_still_be_corrected(client, sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member())
    ended = series_form(first_day="2026-09-01", last_day="2026-10-31")

    created = await post_form(client, "/staff/calendar/new", ended, follow_redirects=False)
    series = present(await EventSeries.select().first())
    corrected = await post_form(client, f"/staff/calendar/{series['id']}", {**ended, "title": "찾아가는 일자리 버스 (하성면, 가을)"},
                                follow_redirects=False)

    assert created.status_code == 303 and corrected.status_code == 303
    assert present(await EventSeries.select(EventSeries.title).first())["title"] == "찾아가는 일자리 버스 (하성면, 가을)"
    assert await EventOccurrence.count() == 0, "no date is generated in the past"


async def test_a_last_day_before_the_first_is_refused(client, sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member())

    response = await post_form(client, "/staff/calendar/new", series_form(last_day="2026-11-30"))

    assert response.status_code == 422 and present(html(response).select_one("#error-last_day"))
    assert await EventSeries.count() == 0


async def test_a_series_nobody_registered_for_is_deleted_with_its_dates_and_seats(client, sign_in_staff) -> None:
    series = await a_series(capacity=5)
    await sign_in_staff(await a_staff_member())

    response = await post_form(client, f"/staff/calendar/{series.id}/delete", {}, follow_redirects=False)

    assert response.status_code == 303 and response.headers["location"] == "/staff/calendar?done=deleted"
    assert await EventSeries.count() == 0 and await EventOccurrence.count() == 0 and await SeatPool.count() == 0
    assert await AuditEntry.exists().where(AuditEntry.action == "series.delete")


async def test_a_series_someone_registered_for_stays(client, clock, sign_in_staff) -> None:
    series = await a_series(capacity=5)
    registered = (await occurrences_of(series.id))[1]
    await service.take_seat(pool_id=registered["seat_pool"], citizen_id=(await a_citizen()).id, now=clock.now, language="ko", zone="Asia/Seoul")
    await sign_in_staff(await a_staff_member())

    response = await post_form(client, f"/staff/calendar/{series.id}/delete", {})

    assert response.status_code == 409 and "신청한 사람이 있어 삭제할 수 없습니다" in present(html(response).select_one("[data-testid=refusal]")).get_text()
    assert await EventSeries.count() == 1 and await EventOccurrence.count() == len(await occurrences_of(series.id)) > 0
