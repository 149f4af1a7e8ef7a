"""A program's page: who, what, when, where, seats, and a status read off the clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from tests.builders import NOON_SEOUL, a_cohort, a_program
from tests.support import html, present


def _facts(section) -> dict[str, str]:
    return {row.dt.get_text(strip=True): row.dd.get_text(" ", strip=True) for row in section.select("dl.facts > div")}


async def test_the_page_shows_who_it_is_for_and_each_cohort(client) -> None:
    program = await a_program(
        "경비신임교육",
        audience="middle_aged",
        category="training",
        min_age=40,
        eligibility="김포시에 거주하는 구직자",
        fee_won=0,
    )
    await a_cohort(
        program,
        label="제8기",
        starts_on=date(2026, 12, 14),
        ends_on=date(2026, 12, 16),
        start_time=time(9),
        end_time=time(18),
        schedule_note="3일간",
        place="고용복지플러스센터 대회의실",
        capacity=30,
    )

    soup = html(await client.get(f"/programs/{program.id}"))

    assert present(soup.h1).get_text(strip=True) == "경비신임교육"
    assert present(soup.title).get_text() == "경비신임교육 | 김포시일자리센터"
    overview = _facts(soup.select_one("article.program"))
    assert overview["대상"] == "중장년 · 만 40세 이상"
    assert overview["신청 자격"] == "김포시에 거주하는 구직자"
    assert overview["참가비"] == "무료"
    cohort = present(soup.select_one("[data-testid=cohort]"))
    assert present(cohort.h3).get_text(" ", strip=True) == "제8기 접수 중"
    assert _facts(cohort) == {
        "기간": "2026년 12월 14일 (월) ~ 2026년 12월 16일 (수)",
        "시간": "09:00 ~ 18:00 (3일간)",
        "장소": "고용복지플러스센터 대회의실",
        "회차": "총 3회: 날짜 보기 12월 14일 (월) 09:00~18:00 12월 15일 (화) 09:00~18:00 12월 16일 (수) 09:00~18:00",
        "정원": "30명",
        "접수 기간": "2026년 11월 23일 (월) 12:00 ~ 2026년 11월 29일 (일) 12:00",
    }


async def test_a_fee_is_shown_in_won(client) -> None:
    program = await a_program("유료 과정", fee_won=15000)

    soup = html(await client.get(f"/programs/{program.id}"))

    assert _facts(soup.select_one("article.program"))["참가비"] == "15,000원"


async def test_an_upcoming_cohort_says_when_applications_open_in_seoul_time(client) -> None:
    program = await a_program()
    await a_cohort(program, application_opens_at=NOON_SEOUL + timedelta(days=4, hours=-3))  # 09:00 KST

    soup = html(await client.get(f"/programs/{program.id}"))

    assert present(soup.select_one("[data-testid=cohort] .notice")).get_text(strip=True) == (
        "2026년 11월 30일 (월) 09:00에 접수를 시작합니다."
    )
    assert not soup.select("form[method=post]"), "sign-up comes later: no button that does nothing"


async def test_an_unknown_program_is_a_404_page(client) -> None:
    response = await client.get("/programs/987654")

    assert response.status_code == 404
    soup = html(response)
    assert present(soup.h1).get_text(strip=True) == "페이지를 찾을 수 없습니다"
    assert present(soup.html)["lang"] == "ko"


async def test_an_id_no_row_can_have_is_a_404_page_not_a_crash(client) -> None:
    for program_id in ("0", "-1", "99999999999999999999999"):
        assert (await client.get(f"/programs/{program_id}")).status_code == 404, program_id


async def test_an_unpublished_program_is_a_404_page(client) -> None:
    program = await a_program(published=False)

    assert (await client.get(f"/programs/{program.id}")).status_code == 404


async def test_the_status_turns_on_the_server_clock_to_the_second(client, clock) -> None:
    program = await a_program()
    await a_cohort(
        program,
        application_opens_at=NOON_SEOUL + timedelta(hours=1),
        application_closes_at=NOON_SEOUL + timedelta(hours=2),
    )

    async def status() -> str:
        soup = html(await client.get(f"/programs/{program.id}"))
        return present(soup.select_one("[data-testid=cohort] [data-testid=status]")).get_text(strip=True)

    clock.now = NOON_SEOUL + timedelta(hours=1) - timedelta(seconds=1)
    assert await status() == "접수 예정"
    clock.now = NOON_SEOUL + timedelta(hours=1)
    assert await status() == "접수 중"
    clock.now = NOON_SEOUL + timedelta(hours=2) - timedelta(seconds=1)
    assert await status() == "접수 중"
    clock.now = NOON_SEOUL + timedelta(hours=2)
    assert await status() == "마감"


async def test_a_finished_cohort_says_finished_and_no_seats_left(client) -> None:
    program = await a_program("경비신임교육")
    await a_cohort(program, label="제6기", starts_on=date(2026, 11, 10), ends_on=date(2026, 11, 12),
                   application_opens_at=datetime(2026, 10, 20, tzinfo=UTC), application_closes_at=datetime(2026, 11, 5, tzinfo=UTC))

    cohort = present(html(await client.get(f"/programs/{program.id}")).select_one("[data-testid=cohort]"))

    assert present(cohort.h3).get_text(" ", strip=True) == "제6기 종료"
    assert cohort.select_one("[data-testid=seats]") is None


async def test_a_window_opening_within_a_day_is_fetched_again_when_it_opens(client) -> None:
    program = await a_program("경비신임교육")
    soon = await a_cohort(program, label="오늘 오후 접수", application_opens_at=NOON_SEOUL + timedelta(hours=2))
    later = await a_cohort(program, label="다음 주 접수", application_opens_at=NOON_SEOUL + timedelta(days=3),
                           application_closes_at=NOON_SEOUL + timedelta(days=5))

    page = html(await client.get(f"/programs/{program.id}"))

    area = present(page.select_one(f"#apply-{soon.seat_pool}"))
    assert area["hx-get"] == f"/programs/{program.id}" and area["hx-select"] == f"#apply-{soon.seat_pool}"
    assert area["hx-trigger"] == "load delay:7201s" and area["hx-swap"] == "outerHTML"
    assert not present(page.select_one(f"#apply-{later.seat_pool}")).has_attr("hx-get"), "days away: a reload will do"
