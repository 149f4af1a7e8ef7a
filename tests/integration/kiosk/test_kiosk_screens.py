"""The kiosk's screens over HTTP: never cached, never leading out of /kiosk, display modes that work
without JavaScript, errors shown the kiosk's way."""

from __future__ import annotations

import sqlite3
from datetime import date, time, timedelta

import pytest

from jobcenter.catalog import service as catalog_service
from jobcenter.events.generation import generate
from jobcenter.events.tables import EventOccurrence, EventSeries
from tests.builders import a_cohort, a_program
from tests.support import html, post_form, present, str_value

pytestmark = pytest.mark.usefixtures("enrolled_kiosk")

TODAY = date(2026, 11, 26)


@pytest.fixture
async def program():
    program = await a_program("청년 뉴딜 프로그램", audience="youth", min_age=18, max_age=39)
    await a_cohort(program, label="3기", capacity=20)
    return program


@pytest.fixture
async def job_bus() -> int:
    """A daily job bus with interview slots, so today and the coming days have an event."""
    series = EventSeries(
        category="job_bus", title="찾아가는 일자리 버스", place="통진읍 행정복지센터 앞", rrule="FREQ=DAILY",
        first_day=date(2026, 11, 20), start_time=time(14), end_time=time(16), capacity=8,
    )
    await series.save()
    await generate(series.id, today=TODAY, zone="Asia/Seoul", horizon=timedelta(days=14))
    today = present(await EventOccurrence.select(EventOccurrence.id).where(EventOccurrence.series == series.id).order_by(
        EventOccurrence.starts_at
    ).first())
    return today["id"]


def _screens(program, job_bus: int) -> list[str]:
    return [
        "/kiosk",
        "/kiosk/programs?audience=youth",
        f"/kiosk/programs/{program.id}",
        "/kiosk/events",
        "/kiosk/events?when=week",
        f"/kiosk/events/{job_bus}",
        "/kiosk/help",
    ]


async def test_every_kiosk_screen_is_never_stored_and_every_link_and_form_stays_in_the_kiosk(client, program, job_bus) -> None:
    apply_path = present(html(await client.get(f"/kiosk/programs/{program.id}")).select_one("[data-testid=apply]"))["href"]

    for path in [*_screens(program, job_bus), apply_path]:
        response = await client.get(path)
        assert response.status_code == 200, path
        assert response.headers["cache-control"] == "no-store", path
        soup = html(response)
        targets = [str_value(a["href"]) for a in soup.select("a[href]")] + [str_value(form["action"]) for form in soup.select("form")]
        assert targets, path
        outside = [target for target in targets if not target.startswith(("/kiosk", "#"))]
        assert outside == [], path


async def test_the_start_screen_offers_the_six_doors_and_both_modes(client) -> None:
    soup = html(await client.get("/kiosk"))

    doors = [present(door.select_one(".kiosk-door__name")).get_text(strip=True) for door in soup.select(".kiosk-door")]
    assert doors == ["청년", "중장년", "어르신", "오늘의 행사", "상담 예약하기", "직원 호출"]
    toggles = {button.get_text(strip=True): button["aria-pressed"] for button in soup.select(".kiosk-toggle")}
    assert toggles == {"큰 글씨": "false", "고대비": "false"}
    assert present(soup.select_one("[data-kiosk]"))["class"] == ["kiosk"]


async def test_the_display_modes_are_switched_by_a_plain_form_and_stay_on_from_screen_to_screen(client, program) -> None:
    response = await post_form(client, "/kiosk/display", {"mode": "text", "next": "/kiosk/programs?audience=youth"}, follow_redirects=False)

    assert response.status_code == 303
    assert response.headers["location"] == "/kiosk/programs?audience=youth"
    await post_form(client, "/kiosk/display", {"mode": "contrast", "next": "/kiosk"})
    soup = html(await client.get(f"/kiosk/programs/{program.id}"))
    assert set(present(soup.select_one("[data-kiosk]"))["class"]) == {"kiosk", "kiosk--large", "kiosk--contrast"}
    assert all(button["aria-pressed"] == "true" for button in soup.select(".kiosk-toggle"))

    await post_form(client, "/kiosk/display", {"mode": "text", "next": "/kiosk"})
    assert set(present(html(await client.get("/kiosk")).select_one("[data-kiosk]"))["class"]) == {"kiosk", "kiosk--contrast"}


async def test_a_mode_switch_never_sends_the_kiosk_elsewhere(client) -> None:
    for elsewhere in ["https://example.com/", "//example.com/kiosk", "/staff", "/kioskette"]:
        response = await post_form(client, "/kiosk/display", {"mode": "text", "next": elsewhere}, follow_redirects=False)
        assert response.headers["location"] == "/kiosk", elsewhere


async def test_programs_come_a_few_to_a_screen_with_next_and_previous(client) -> None:
    for number in range(6):
        await a_program(f"청년 프로그램 {number}", audience="youth")

    first = html(await client.get("/kiosk/programs?audience=youth"))
    second = html(await client.get("/kiosk/programs?audience=youth&page=2"))

    assert len(first.select("[data-testid=program-card]")) == 4
    assert present(first.select_one("[data-testid=nav-next]"))["href"] == "/kiosk/programs?audience=youth&page=2"
    assert present(first.select_one("[data-testid=nav-back]"))["href"] == "/kiosk"
    assert len(second.select("[data-testid=program-card]")) == 2
    assert second.select_one("[data-testid=nav-next]") is None
    assert present(second.select_one("[data-testid=nav-back]"))["href"] == "/kiosk/programs?audience=youth&page=1"


async def test_today_and_the_coming_days_show_the_events_and_skip_program_sessions(client, program, job_bus) -> None:
    today = html(await client.get("/kiosk/events"))
    week = html(await client.get("/kiosk/events?when=week"))

    titles = [present(card.select_one(".kiosk-card__title")).get_text(strip=True) for card in today.select("[data-testid=event-card]")]
    assert titles == ["찾아가는 일자리 버스"]
    assert str_value(present(today.select_one("[data-testid=event-card]"))["href"]).startswith(f"/kiosk/events/{job_bus}?back=")
    assert len(week.select("[data-testid=event-card]")) == 6
    assert "청년 뉴딜" not in week.get_text()


async def test_a_missing_program_is_the_kiosks_own_error_screen(client) -> None:
    response = await client.get("/kiosk/programs/999999")

    assert response.status_code == 404
    soup = html(response)
    assert soup.select_one("[data-kiosk]") is not None
    assert present(soup.select_one("[data-testid=nav-start]"))["href"] == "/kiosk"
    assert response.headers["cache-control"] == "no-store"


async def test_a_busy_database_is_a_kiosk_screen_that_says_to_try_again(client, monkeypatch) -> None:
    async def busy(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(catalog_service, "search_programs", busy)

    response = await client.get("/kiosk/programs?audience=youth", headers={"HX-Request": "true"})

    assert response.status_code == 503
    assert response.headers["retry-after"]
    assert "hx-retarget" not in response.headers  # a swap of the whole kiosk page, as for every screen
    assert html(response).select_one("[data-kiosk] [data-testid=nav-start]") is not None
