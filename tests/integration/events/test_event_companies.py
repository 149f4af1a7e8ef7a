"""Issue 16: staff keep the companies hiring at each date of a job fair or hiring day, and copy them
from the series' previous date; the public event page lists them."""

from __future__ import annotations

from datetime import UTC, datetime

from jobcenter.audit.tables import AuditEntry
from jobcenter.events.tables import EventCompany, EventOccurrence
from tests.builders import a_staff_member
from tests.integration.events.test_calendar import a_series
from tests.support import html, post_form, present

COMPANY = {"company_name": "(주)김포정밀", "company_positions": "생산직, 품질검사", "company_head_count": "12"}


async def _dates(series_id: int) -> list[dict]:
    return await EventOccurrence.select().where(EventOccurrence.series == series_id).order_by(EventOccurrence.starts_at)


async def test_a_company_added_to_a_date_is_on_the_public_page_and_can_be_removed(client, sign_in_staff) -> None:
    series = await a_series("FREQ=MONTHLY;BYDAY=2WE", category="hiring_day", title="구인·구직 만남의 날")
    first = (await _dates(series.id))[0]
    await sign_in_staff(await a_staff_member())

    added = await post_form(client, f"/staff/calendar/occurrences/{first['id']}/companies", COMPANY)

    assert added.status_code == 200 and "(주)김포정밀" in present(html(added).select_one("[data-testid=companies]")).get_text()
    public = html(await client.get(f"/events/{first['id']}"))
    assert "생산직, 품질검사" in present(public.select_one("table.companies")).get_text() and "12명" in public.get_text()
    assert await AuditEntry.exists().where(AuditEntry.action == "event_company.create")
    remove = present(html(added).select_one("[data-testid=companies] form"))
    await post_form(client, str(remove["action"]), {})
    assert await EventCompany.count() == 0


async def test_the_previous_date_s_companies_are_copied_once(client, sign_in_staff) -> None:
    series = await a_series("FREQ=MONTHLY;BYDAY=2WE", category="hiring_day", title="구인·구직 만남의 날")
    first, second = (await _dates(series.id))[:2]
    await sign_in_staff(await a_staff_member())
    await post_form(client, f"/staff/calendar/occurrences/{first['id']}/companies", COMPANY)
    await post_form(client, f"/staff/calendar/occurrences/{first['id']}/companies",
                    {"company_name": "한강물류", "company_positions": "지게차 운전", "company_head_count": "3"})
    await post_form(client, f"/staff/calendar/occurrences/{second['id']}/companies",
                    {"company_name": "한강물류", "company_positions": "상하차", "company_head_count": "5"})

    await post_form(client, f"/staff/calendar/occurrences/{second['id']}/companies/copy", {})
    await post_form(client, f"/staff/calendar/occurrences/{second['id']}/companies/copy", {})

    rows = await EventCompany.select(EventCompany.name, EventCompany.positions).where(EventCompany.occurrence == second["id"])
    assert sorted((row["name"], row["positions"]) for row in rows) == [("(주)김포정밀", "생산직, 품질검사"), ("한강물류", "상하차")]


async def test_copying_with_no_earlier_companies_and_odd_input_are_clear_and_write_nothing(client, sign_in_staff) -> None:
    series = await a_series("FREQ=MONTHLY;BYDAY=2WE", category="hiring_day", title="구인·구직 만남의 날")
    first = (await _dates(series.id))[0]
    await sign_in_staff(await a_staff_member())
    path = f"/staff/calendar/occurrences/{first['id']}/companies"

    nothing_earlier = await post_form(client, f"{path}/copy", {})
    empty = await post_form(client, path, {"company_name": "", "company_positions": "", "company_head_count": "0"})
    odd = await post_form(client, path, {**COMPANY, "company_name": "a\x00b", "company_head_count": "1²"})
    huge = await post_form(client, path, {**COMPANY, "company_head_count": "9" * 30})

    assert nothing_earlier.status_code == 409 and "이전 날짜에 등록된 참여 기업이 없습니다" in nothing_earlier.text
    assert empty.status_code == 422 and {"error-company_name", "error-company_positions", "error-company_head_count"} <= {
        element["id"] for element in html(empty).select(".field-error")}
    assert odd.status_code == 422 and huge.status_code == 422
    assert await EventCompany.count() == 0


async def test_a_date_that_is_over_keeps_its_companies(client, clock, sign_in_staff) -> None:
    series = await a_series("FREQ=MONTHLY;BYDAY=2WE", category="hiring_day", title="구인·구직 만남의 날")
    first = (await _dates(series.id))[0]
    clock.now = datetime(2027, 6, 1, tzinfo=UTC)
    await sign_in_staff(await a_staff_member())

    refused = await post_form(client, f"/staff/calendar/occurrences/{first['id']}/companies", COMPANY)

    assert refused.status_code == 409 and await EventCompany.count() == 0
    assert html(refused).select_one("[data-testid=company-form]") is None
