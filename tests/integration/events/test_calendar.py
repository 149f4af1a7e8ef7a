"""The calendar: series, occurrences kept through changes, months in Seoul time, feeds."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
import vobject
from icalendar import Calendar

from jobcenter.events.generation import generate
from jobcenter.events.occurrence_changes import cancel_occurrence, move_occurrence
from jobcenter.events.tables import EventOccurrence, EventSeries
from jobcenter.signups import service
from tests.builders import a_citizen, a_cohort, a_program
from tests.support import html, post_form, present

TODAY = date(2026, 11, 26)


async def a_series(rule: str = "FREQ=WEEKLY;BYDAY=WE", **fields) -> EventSeries:
    values: dict[str, Any] = {
        "category": "campus",
        "title": "캠퍼스 취업상담 (김포제일공업고등학교)",
        "place": "김포제일공업고등학교 진로상담실",
        "rrule": rule,
        "first_day": date(2026, 11, 1),
        "start_time": time(13),
        "end_time": time(16),
    }
    values.update(fields)
    series = EventSeries(**values)
    await series.save()
    await generate(series.id, today=TODAY, zone="Asia/Seoul", horizon=timedelta(days=60))
    return series


async def _days(series: EventSeries) -> list[date]:
    rows = await EventOccurrence.select(EventOccurrence.rule_day).where(EventOccurrence.series == series.id).order_by(
        EventOccurrence.rule_day
    )
    return [row["rule_day"] for row in rows]


async def test_a_series_generates_its_dates_up_to_the_horizon() -> None:
    series = await a_series()

    days = await _days(series)
    assert days[0] == date(2026, 12, 2) and days[-1] == date(2027, 1, 20) and len(days) == 8


async def test_changing_the_series_keeps_registered_and_hand_edited_dates() -> None:
    series = await a_series(capacity=5)
    occurrences = await EventOccurrence.select().where(EventOccurrence.series == series.id).order_by(EventOccurrence.rule_day)
    registered, edited = occurrences[0], occurrences[1]
    citizen = await a_citizen()
    await service.take_seat(
        pool_id=registered["seat_pool"], citizen_id=citizen.id, now=datetime(2026, 11, 25, 3, tzinfo=UTC), language="ko", zone="Asia/Seoul"
    )
    await move_occurrence(edited["id"], edited["starts_at"] + timedelta(hours=1), edited["ends_at"] + timedelta(hours=1))

    await EventSeries.update({EventSeries.rrule: "FREQ=WEEKLY;BYDAY=TH"}).where(EventSeries.id == series.id)
    await generate(series.id, today=TODAY, zone="Asia/Seoul", horizon=timedelta(days=60))

    days = await _days(series)
    assert registered["rule_day"] in days and edited["rule_day"] in days
    assert date(2026, 12, 16) not in days, "an untouched Wednesday the rule no longer gives is gone"
    assert date(2026, 12, 3) in days and date(2026, 12, 10) in days


async def test_new_times_for_the_series_raise_the_sequence_of_untouched_dates() -> None:
    series = await a_series()
    await EventSeries.update({EventSeries.start_time: time(14)}).where(EventSeries.id == series.id)

    await generate(series.id, today=TODAY, zone="Asia/Seoul", horizon=timedelta(days=60))

    first = present(await EventOccurrence.select().where(EventOccurrence.series == series.id).order_by(EventOccurrence.rule_day).first())
    assert first["sequence"] == 1
    assert first["starts_at"] == datetime(2026, 12, 2, 5, tzinfo=UTC)


async def test_an_event_at_half_past_midnight_on_the_first_belongs_to_that_month(client) -> None:
    await a_series("FREQ=MONTHLY;BYMONTHDAY=1", start_time=time(0, 30), end_time=time(1, 30), title="자정 행사")

    december = html(await client.get("/events?month=2026-12&view=agenda"))
    november = html(await client.get("/events?month=2026-11&view=agenda"))

    assert present(december.select_one(".agenda__day")).get_text(strip=True).startswith("2026년 12월 1일")
    assert "자정 행사" not in present(november.select_one(".agenda")).get_text()


async def test_the_month_shows_holidays_today_program_dates_and_filters(client) -> None:
    await a_series()
    await a_cohort(await a_program("경비신임교육"), label="제8기", starts_on=date(2026, 12, 14), ends_on=date(2026, 12, 14))

    soup = html(await client.get("/events?month=2026-12"))
    assert soup.select_one(".day--today") is None
    assert "기독탄신일" in present(soup.select_one(".month-grid")).get_text()
    titles = [present(entry.select_one(".entry__title")).get_text(strip=True) for entry in soup.select(".month-grid [data-testid=entry]")]
    assert "경비신임교육 (제8기)" in titles and titles.count("캠퍼스 취업상담 (김포제일공업고등학교)") == 5

    campus_only = html(await client.get("/events?month=2026-12&category=campus"))
    assert {present(e.select_one(".entry__category")).get_text(strip=True) for e in campus_only.select(".month-grid [data-testid=entry]")} == {"캠퍼스 상담"}

    today = html(await client.get("/events?month=2026-11"))
    assert present(today.select_one(".day--today"))["aria-current"] == "date"


async def test_an_htmx_month_change_gets_the_calendar_alone_and_the_url(client) -> None:
    response = await client.get("/events?month=2027-01&category=campus", headers={"HX-Request": "true"})

    soup = html(response)
    assert present(soup.find(True))["id"] == "calendar" and soup.html is None
    assert response.headers["hx-push-url"] == "/events?month=2027-01&category=campus"


async def test_a_cancelled_and_a_moved_date_say_so_at_the_old_date(client) -> None:
    series = await a_series()
    first, second = await EventOccurrence.select().where(EventOccurrence.series == series.id).order_by(EventOccurrence.rule_day).limit(2)
    await cancel_occurrence(first["id"], "학교 행사로 쉽니다.")
    await move_occurrence(second["id"], second["starts_at"] + timedelta(days=1), second["ends_at"] + timedelta(days=1))

    soup = html(await client.get("/events?month=2026-12"))

    states = [state.get_text(strip=True) for state in soup.select(".month-grid .entry__state")]
    assert states[0] == "취소" and states[1].endswith("로 변경")
    assert present(soup.select_one(".month-grid .entry__note")).get_text(strip=True) == "학교 행사로 쉽니다."
    page = html(await client.get(f"/events/{first['id']}"))
    assert "이 일정은 취소되었습니다." in present(page.select_one("[data-testid=cancelled]")).get_text()


async def test_a_month_costs_the_same_queries_however_full(client, query_counter) -> None:
    await a_series()
    query_counter.clear()
    await client.get("/events?month=2026-12")
    few = len(query_counter)

    for day in ("MO", "TU", "TH", "FR"):
        await a_series(f"FREQ=WEEKLY;BYDAY={day}", title=f"행사 {day}")
    query_counter.clear()
    await client.get("/events?month=2026-12")

    assert len(query_counter) == few


async def test_feeds_parse_keep_their_uids_and_show_cancellations_and_changes(client) -> None:
    series = await a_series(category="job_bus", title="찾아가는 일자리 버스")
    first = present(await EventOccurrence.select().where(EventOccurrence.series == series.id).order_by(EventOccurrence.rule_day).first())

    before = Calendar.from_ical((await client.get("/events/feeds/all.ics")).content)
    await cancel_occurrence(first["id"], "차량 점검")
    after_response = await client.get("/events/feeds/job_bus.ics")
    after = Calendar.from_ical(after_response.content)

    assert after_response.headers["content-type"].startswith("text/calendar")
    uids = lambda calendar: sorted(str(event["uid"]) for event in calendar.walk("VEVENT"))  # noqa: E731
    assert uids(before) == uids(after) and len(uids(after)) == 8
    cancelled = next(event for event in after.walk("VEVENT") if str(event["uid"]) == first["uid"])
    assert str(cancelled["status"]) == "CANCELLED" and cancelled.decoded("sequence") == 1
    assert cancelled.decoded("dtstart") == datetime(2026, 12, 2, 13, tzinfo=cancelled.decoded("dtstart").tzinfo)
    assert str(cancelled.decoded("dtstart").tzinfo) == "Asia/Seoul"
    assert [tz["tzid"] for tz in after.walk("VTIMEZONE")] == ["Asia/Seoul"]


async def test_a_multi_day_fair_is_one_event_spanning_its_days(client) -> None:
    await a_series("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=10", category="job_fair", title="김포시 채용박람회", days=2, end_time=time(17))

    (event,) = Calendar.from_ical((await client.get("/events/feeds/job_fair.ics")).content).walk("VEVENT")

    assert event.decoded("dtstart").date() == date(2026, 12, 10) and event.decoded("dtend").date() == date(2026, 12, 11)


async def test_an_event_that_takes_registration_uses_the_same_seats(client, sign_in) -> None:
    series = await a_series(category="job_bus", title="찾아가는 일자리 버스", capacity=1)
    first = present(await EventOccurrence.select().where(EventOccurrence.series == series.id).order_by(EventOccurrence.rule_day).first())
    await sign_in(await a_citizen())
    page = html(await client.get(f"/events/{first['id']}"))
    assert present(page.select_one("[data-testid=apply-form] input[name=pool]"))["value"] == str(first["seat_pool"])

    response = await post_form(client, "/applications", {"pool": str(first["seat_pool"])}, follow_redirects=False)

    result = html(await client.get(response.headers["location"]))
    assert present(result.select_one(".result__headline")).get_text(strip=True) == "신청 완료"


@pytest.mark.parametrize("path", [
    "/events?month=2026-13", "/events?category=party", "/events/feeds/party.ics", "/events/999999",
    "/events/days/2026-02-30", "/events/days/9999-01-01", "/events/days/%00", "/events/days/2026-12-01?category=party",
])
async def test_bad_calendar_addresses_are_clear_errors(client, path: str) -> None:
    assert (await client.get(path)).status_code in (400, 404)


async def test_the_monthly_lecture_is_on_the_calendar_as_a_lecture(client) -> None:
    await a_cohort(await a_program("맞춤형 취업특강", audience="all", category="lecture"), label="12월", starts_on=date(2026, 12, 9), ends_on=date(2026, 12, 9))
    await a_cohort(await a_program("경비신임교육"), label="제8기", starts_on=date(2026, 12, 14), ends_on=date(2026, 12, 14))

    soup = html(await client.get("/events?month=2026-12&category=lecture"))

    entries = soup.select(".month-grid [data-testid=entry]")
    assert [present(e.select_one(".entry__title")).get_text(strip=True) for e in entries] == ["맞춤형 취업특강 (12월)"]
    assert present(entries[0].select_one(".entry__category")).get_text(strip=True) == "맞춤형 취업특강"


async def test_a_second_independent_parser_reads_the_feed_the_same_way(client) -> None:
    series = await a_series(category="job_bus", title="찾아가는 일자리 버스")
    first = present(await EventOccurrence.select().where(EventOccurrence.series == series.id).order_by(EventOccurrence.rule_day).first())
    await cancel_occurrence(first["id"], "차량 점검")

    parsed = vobject.readOne((await client.get("/events/feeds/job_bus.ics")).text)

    events = parsed.contents["vevent"]
    assert len(events) == 8 and parsed.x_wr_calname.value == "김포시일자리센터"
    cancelled = next(event for event in events if event.uid.value == first["uid"])
    assert cancelled.status.value == "CANCELLED" and cancelled.summary.value == "찾아가는 일자리 버스"
    assert cancelled.dtstart.value.utcoffset() == timedelta(hours=9)
