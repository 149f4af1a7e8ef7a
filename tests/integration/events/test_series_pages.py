"""/staff/calendar: the list of series, a new series from a pattern in plain words with its coming
dates shown before saving (a whole page without JavaScript, a fragment for htmx), errors the GOV.UK
way, and a whole series changed."""

from __future__ import annotations

import json
from datetime import date, datetime

from jobcenter.audit.tables import AuditEntry
from jobcenter.events.occurrence_changes import move_occurrence
from jobcenter.events.tables import EventOccurrence, EventSeries
from tests.builders import a_citizen, a_staff_member
from tests.integration.events.helpers import (
    a_series,
    occurrences_of,
    series_form,
)
from tests.support import html, post_form, present

HTMX = {"HX-Request": "true"}


async def _staff(sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member())


async def test_the_list_shows_each_series_in_words_with_its_next_date(client, sign_in_staff) -> None:
    await _staff(sign_in_staff)
    series = await a_series("FREQ=MONTHLY;BYDAY=2TU,4TU", category="job_bus", title="찾아가는 일자리 버스 (대곶면)", skip_holidays=True)
    first = (await occurrences_of(series.id))[0]

    page = html(await client.get("/staff/calendar"))

    row = present(page.select_one("[data-testid=series-list] tbody tr"))
    cells = [cell.get_text(" ", strip=True) for cell in row.find_all(["td", "th"])]
    assert cells[:3] == ["찾아가는 일자리 버스", "찾아가는 일자리 버스 (대곶면)", "매월 둘째·넷째 화요일 (공휴일 제외)"]
    next_link = present(row.find_all("td")[2].a)
    assert next_link["href"] == f"/staff/calendar/occurrences/{first['id']}"
    assert next_link.get_text(strip=True).startswith("2026년 12월 8일 (화)")
    assert present(row.find("a", string=f"{series.title} 수정"))["href"] == f"/staff/calendar/{series.id}"
    assert present(page.find("a", attrs={"data-testid": "new-series"}))["href"] == "/staff/calendar/new"


async def test_the_list_is_paged(client, sign_in_staff) -> None:
    await _staff(sign_in_staff)
    for number in range(12):
        await EventSeries(category="lecture", title=f"취업 특강 {number:02d}", place="교육장", rrule="FREQ=MONTHLY;BYMONTHDAY=5",
                          first_day=date(2026, 12, 1), start_time=datetime(2026, 1, 1, 10).time(), end_time=datetime(2026, 1, 1, 12).time()).save()

    first = html(await client.get("/staff/calendar"))
    second = html(await client.get("/staff/calendar?page=2"))

    assert len(first.select("[data-testid=series-list] tbody tr")) == 10
    assert [present(row.th).get_text(strip=True) for row in second.select("[data-testid=series-list] tbody tr")] == ["취업 특강 10", "취업 특강 11"]
    assert present(first.select_one(".pagination a[rel=next]"))["href"] == "/staff/calendar?page=2"


async def test_preview_without_javascript_shows_the_dates_in_the_whole_form_and_saves_nothing(client, sign_in_staff) -> None:
    await _staff(sign_in_staff)

    response = await post_form(client, "/staff/calendar/new", series_form(action="preview"))

    assert response.status_code == 200
    page = html(response)
    assert present(page.h1).get_text(strip=True) == "새 반복 일정"
    preview = present(page.select_one("#series-preview"))
    assert "매월 둘째·넷째 화요일 (공휴일 제외)" in preview.get_text()
    dates = [item.get_text(" ", strip=True) for item in preview.select("[data-testid=preview-date]")]
    assert len(dates) == 10
    assert dates[0] == "2026년 12월 8일 (화) 10:00~15:00"
    skipped = [item.get_text(" ", strip=True) for item in preview.select("[data-testid=preview-skipped]")]
    assert skipped == ["2027년 2월 9일 (화): 공휴일(설날 대체 휴일)이라 열지 않음"]
    assert present(page.select_one("#field-title"))["value"] == "찾아가는 일자리 버스 (하성면)"
    assert present(page.select_one("input[name=weekday_TU]")).has_attr("checked")
    assert await EventSeries.count() == 0


async def test_htmx_gets_the_preview_alone_when_a_pattern_field_changes(client, sign_in_staff) -> None:
    await _staff(sign_in_staff)
    fields = series_form(pattern="weekly", weekday_TU=None, weekday_FR="1", first_day="2026-12-20")
    del fields["action"]  # a change of a field sends the form without the button

    response = await post_form(client, "/staff/calendar/new", fields, headers=HTMX)

    assert response.status_code == 200
    fragment = html(response)
    assert fragment.find("html") is None and fragment.find("form") is None
    root = present(fragment.find("section"))
    assert root["id"] == "series-preview"
    summary = " ".join(present(root.select_one("[data-announce]")).get_text().split())
    assert summary == "매주 금요일 (공휴일 제외). 공휴일 2일은 열지 않습니다. 다음 날짜 10개:"
    assert [item.get_text(" ", strip=True) for item in root.select("[data-testid=preview-skipped]")] == [
        "2026년 12월 25일 (금): 공휴일(기독탄신일)이라 열지 않음",
        "2027년 1월 1일 (금): 공휴일(신정연휴)이라 열지 않음",
    ]
    assert len(root.select("[data-testid=preview-date]")) == 10


async def test_htmx_preview_of_an_incomplete_pattern_links_to_what_is_missing(client, sign_in_staff) -> None:
    await _staff(sign_in_staff)

    response = await post_form(client, "/staff/calendar/new", series_form(action="preview", weekday_TU=None), headers=HTMX)

    fragment = html(response)
    problems = present(fragment.select_one("#series-preview [data-announce]"))
    assert [(link["href"], link.get_text(strip=True)) for link in problems.find_all("a")] == [("#field-weekdays", "요일을 하나 이상 고르세요.")]


async def test_saving_creates_the_series_its_dates_and_an_audit_entry(client, sign_in_staff, clock) -> None:
    await _staff(sign_in_staff)

    response = await post_form(client, "/staff/calendar/new", series_form(), follow_redirects=False)

    series = present(await EventSeries.select().first())
    assert response.status_code == 303
    assert response.headers["location"] == f"/staff/calendar/{series['id']}?done=created"
    assert series["rrule"] == "FREQ=MONTHLY;BYDAY=2TU,4TU" and series["skip_holidays"] and series["capacity"] == 12
    occurrences = await occurrences_of(series["id"])
    assert occurrences[0]["rule_day"] == date(2026, 12, 8)
    assert date(2027, 2, 9) not in [row["rule_day"] for row in occurrences], "the substitute holiday is left out"
    assert all(row["seat_pool"] for row in occurrences)
    entry = present(await AuditEntry.select().where(AuditEntry.object_type == "series").first())
    assert entry["action"] == "series.create" and entry["object_id"] == series["id"] and entry["actor_name"] == "이상담"
    assert json.loads(entry["after"])["rrule"] == "FREQ=MONTHLY;BYDAY=2TU,4TU"

    page = html(await client.get(response.headers["location"]))
    assert present(page.select_one("[data-testid=flash]")).get_text(strip=True) == "만들었습니다."
    assert len(page.select("[data-testid=series-dates] tbody tr")) > 5


async def test_errors_are_summarised_tied_to_their_fields_and_what_was_typed_is_kept(client, sign_in_staff) -> None:
    await _staff(sign_in_staff)
    fields = series_form(title="", category="", weekday_TU=None, start_time="15:00", end_time="10:00", capacity="many")

    response = await post_form(client, "/staff/calendar/new", fields)

    assert response.status_code == 422
    page = html(response)
    assert present(page.title).get_text().startswith("오류: ")
    summary = [(link["href"], link.get_text(strip=True)) for link in page.select("[data-testid=error-summary] a")]
    assert summary == [
        ("#field-title", "제목을 입력하세요."),
        ("#field-category", "분류를 고르세요."),
        ("#field-weekdays", "요일을 하나 이상 고르세요."),
        ("#field-end_time", "종료 시각은 시작 시각 뒤여야 합니다."),
        ("#field-capacity", "정원은 1부터 10000 사이의 숫자로 입력하거나 비워 두세요."),
    ]
    for name in ("title", "category", "end_time", "capacity"):
        control = present(page.select_one(f"#field-{name}"))
        assert control["aria-invalid"] == "true" and f"error-{name}" in control["aria-describedby"]
    assert "error-weekdays" in present(page.select_one("fieldset.pattern-part--weekdays"))["aria-describedby"]
    assert present(page.select_one("#field-place"))["value"] == "하성면 행정복지센터 앞"
    assert present(page.select_one("#field-capacity"))["value"] == "many"
    assert await EventSeries.count() == 0


async def test_a_custom_rule_that_cannot_be_read_is_refused_on_its_field(client, sign_in_staff) -> None:
    await _staff(sign_in_staff)

    response = await post_form(client, "/staff/calendar/new", series_form(pattern="custom", rrule="FREQ=SOMETIMES"))

    assert response.status_code == 422
    page = html(response)
    assert present(page.select_one("#error-rrule")).get_text(" ", strip=True).endswith(
        "규칙은 매일·매주·매월·매년 중 하나로 반복하고 날짜만 정해야 합니다 (DTSTART나 시간은 넣지 마세요).")
    assert present(page.select_one("#field-rrule"))["value"] == "FREQ=SOMETIMES"


async def test_a_custom_twice_a_year_rule_is_saved_and_read_back_as_a_pattern(client, sign_in_staff) -> None:
    await _staff(sign_in_staff)

    await post_form(client, "/staff/calendar/new", series_form(pattern="custom", rrule="RRULE:FREQ=YEARLY;BYMONTH=4,10;BYDAY=3TH"))

    series = present(await EventSeries.select().first())
    page = html(await client.get(f"/staff/calendar/{series['id']}"))
    assert present(page.select_one("input[name=pattern][value=yearly_weekday]")).has_attr("checked")
    assert present(page.select_one("input[name=month_10]")).has_attr("checked")
    assert present(page.select_one("[data-testid=preview-date]")).get_text(" ", strip=True).startswith("2027년 4월 15일 (목)")


async def test_the_edit_form_shows_the_series_as_it_is_with_its_coming_dates(client, sign_in_staff) -> None:
    await _staff(sign_in_staff)
    series = await a_series("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", title="캠퍼스 취업상담 (김포대학교)", first_day=date(2026, 11, 30))

    page = html(await client.get(f"/staff/calendar/{series.id}"))

    assert present(page.h1).get_text(strip=True) == "반복 일정 수정: 캠퍼스 취업상담 (김포대학교)"
    assert present(page.select_one("input[name=pattern][value=every_other_week]")).has_attr("checked")
    assert present(page.select_one("input[name=weekday_MO]")).has_attr("checked")
    assert present(page.select_one("#field-start_time"))["value"] == "14:00"
    assert present(page.select_one("[data-testid=preview-date]")).get_text(" ", strip=True) == "2026년 11월 30일 (월) 14:00~17:00"


async def test_saving_the_whole_series_moves_untouched_dates_and_keeps_registered_and_edited_ones(client, sign_in_staff, clock) -> None:
    from jobcenter.signups import service

    await _staff(sign_in_staff)
    series = await a_series(capacity=4)
    before = await occurrences_of(series.id)
    registered, edited = before[1], before[2]  # before[0] is today: its registration has closed
    await service.take_seat(pool_id=registered["seat_pool"], citizen_id=(await a_citizen()).id, now=clock.now, language="ko", zone="Asia/Seoul")
    await move_occurrence(edited["id"], edited["starts_at"], edited["ends_at"], "장소 사정")

    fields = series_form(
        title=series.title, category=series.category, pattern="weekly", ordinal_2=None, ordinal_4=None, weekday_TU=None,
        weekday_WE="1", first_day="2026-11-01", start_time="14:00", end_time="17:00", place=series.place, capacity="4",
    )
    response = await post_form(client, f"/staff/calendar/{series.id}", fields, follow_redirects=False)

    assert response.status_code == 303 and response.headers["location"] == f"/staff/calendar/{series.id}?done=saved"
    days = [row["rule_day"] for row in await occurrences_of(series.id)]
    assert registered["rule_day"] in days and edited["rule_day"] in days
    assert date(2026, 12, 17) not in days, "an untouched Thursday is gone"
    assert date(2026, 12, 2) in days and date(2026, 12, 9) in days
    entry = present(await AuditEntry.select().where(AuditEntry.action == "series.update").first())
    assert json.loads(entry["before"])["rrule"] == "FREQ=WEEKLY;BYDAY=TH"
    assert json.loads(entry["after"]) == {"rrule": "FREQ=WEEKLY;BYDAY=WE", "skip_holidays": True, "area": "하성면",
                                          "summary": "버스 안에서 그 지역 기업 면접과 취업 상담을 합니다.",
                                          "who_should_come": "센터까지 오기 어려운 지역의 구직자", "what_to_bring": "이력서"}


async def test_htmx_preview_on_the_edit_page_saves_nothing(client, sign_in_staff) -> None:
    await _staff(sign_in_staff)
    series = await a_series()

    response = await post_form(client, f"/staff/calendar/{series.id}", series_form(action="preview"), headers=HTMX)

    assert present(html(response).find("section"))["id"] == "series-preview"
    assert present(await EventSeries.select(EventSeries.rrule).first())["rrule"] == "FREQ=WEEKLY;BYDAY=TH"


async def test_an_unknown_series_or_date_is_not_found(client, sign_in_staff) -> None:
    await _staff(sign_in_staff)

    assert (await client.get("/staff/calendar/999")).status_code == 404
    assert (await post_form(client, "/staff/calendar/999", series_form())).status_code == 404
    assert (await client.get("/staff/calendar/occurrences/999")).status_code == 404


async def test_a_citizen_is_sent_to_the_staff_login_and_nothing_is_created(client, sign_in) -> None:
    await sign_in(await a_citizen())

    listing = await client.get("/staff/calendar", follow_redirects=False)
    created = await post_form(client, "/staff/calendar/new", series_form(), follow_redirects=False)

    assert listing.status_code == 303 and listing.headers["location"].startswith("/staff/login?next=")
    assert created.status_code == 303 and created.headers["location"].startswith("/staff/login?next=")
    assert await EventSeries.count() == 0
    assert await EventOccurrence.count() == 0
