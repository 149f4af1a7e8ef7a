"""Issue 16: a busy month stays a few screens long. A day of the grid lists three entries and links
to its own page for the rest; the agenda (phones) shows one week with the weeks around it."""

from __future__ import annotations

from datetime import date, time

from tests.builders import a_cohort, a_program
from tests.integration.events.test_calendar import a_series
from tests.support import html, present, str_value


async def _busy_thursday() -> None:
    """Five things on Thursday 3 December 2026, added out of time order."""
    for hour, title in ((15, "청소전문교육"), (9, "경비신임교육"), (13, "청년 뉴딜 프로그램")):
        await a_cohort(await a_program(title), starts_on=date(2026, 12, 3), ends_on=date(2026, 12, 3), start_time=time(hour), end_time=time(hour + 1))
    await a_series("FREQ=WEEKLY;BYDAY=TH", start_time=time(10), end_time=time(12))
    await a_series("FREQ=WEEKLY;BYDAY=TH", title="찾아가는 일자리 버스", category="job_bus", start_time=time(11), end_time=time(12))


def _times(entries) -> list[str]:
    return [present(entry.select_one(".entry__time")).get_text() for entry in entries]


async def test_a_busy_day_shows_three_entries_and_a_link_to_all_of_them_in_time_order(client) -> None:
    await _busy_thursday()

    month = html(await client.get("/events?month=2026-12"))
    cell = next(cell for cell in month.select(".month-grid td") if present(cell.select_one(".day__number")).get_text(strip=True) == "3")
    more = present(cell.select_one("[data-testid=more]"))
    day = html(await client.get(str_value(more["href"])))

    assert _times(cell.select("[data-testid=entry]")) == ["09:00", "10:00", "11:00"]
    assert more.get_text(" ", strip=True) == "+2개 더보기 (2026년 12월 3일 (목))"
    assert present(day.h1).get_text(strip=True) == "2026년 12월 3일 (목)"
    assert _times(day.select("[data-testid=day-entries] [data-testid=entry]")) == ["09:00", "10:00", "11:00", "13:00", "15:00"]


async def test_the_day_page_keeps_the_month_s_filters(client) -> None:
    await _busy_thursday()

    month = html(await client.get("/events?month=2026-12&category=program"))
    cell = next(cell for cell in month.select(".month-grid td") if present(cell.select_one(".day__number")).get_text(strip=True) == "3")

    assert cell.select_one("[data-testid=more]") is None, "three programs fit in the cell"
    day = html(await client.get("/events/days/2026-12-03?category=job_bus"))
    assert [present(e.select_one(".entry__title")).get_text(strip=True) for e in day.select("[data-testid=entry]")] == ["찾아가는 일자리 버스"]


async def test_the_agenda_shows_this_week_and_walks_week_by_week_into_the_next_month(client) -> None:
    await _busy_thursday()

    this_week = html(await client.get("/events?view=agenda"))
    following = html(await client.get(str_value(present(this_week.select_one("[data-testid=next-week]"))["href"])))
    shared = html(await client.get(str_value(present(following.select_one("[data-testid=next-week]"))["href"])))

    assert present(this_week.select_one(".agenda__week")).get_text(strip=True) == "11월 22일 (일) ~ 11월 28일 (토) 주간"
    assert present(following.select_one(".agenda__week")).get_text(strip=True) == "11월 29일 (일) ~ 12월 5일 (토) 주간"
    assert len(following.select(".agenda [data-testid=entry]")) == 5, "the whole of Thursday, 3 December"
    # The week of 29 November is also December's first week: the next one is 6 to 12 December.
    assert present(shared.select_one(".agenda__week")).get_text(strip=True) == "12월 6일 (일) ~ 12월 12일 (토) 주간"
    assert present(shared.select_one(".calendar__head h2")).get_text(strip=True) == "2026년 12월"
    back = html(await client.get(str_value(present(shared.select_one("[data-testid=previous-week]"))["href"])))
    assert present(back.select_one(".agenda__week")).get_text(strip=True) == "11월 29일 (일) ~ 12월 5일 (토) 주간"
