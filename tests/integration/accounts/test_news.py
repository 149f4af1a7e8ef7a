"""The center's news (광고): only to people whose consent is current, only from 08:00 to 21:00 in
Seoul, in the form the law asks, stopped in one step (and nothing queued arrives after it), and
a question two weeks before a consent lapses."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from jobcenter.accounts import news
from jobcenter.accounts.tables import Citizen
from jobcenter.audit.service import Actor
from jobcenter.audit.tables import AuditEntry
from jobcenter.notifications.senders import ConsoleSender
from jobcenter.notifications.tables import OutboxMessage
from jobcenter.notifications.worker import deliver_due
from jobcenter.settings import Settings
from jobcenter.signups import service
from tests.builders import NOON_SEOUL, a_citizen, a_cohort, a_program
from tests.integration.signups.test_roster_pages import signed_in, submit
from tests.support import html, post_form, present

NEWS = "12월 15일 시니어 일자리 박람회가 열립니다. 신청은 센터 누리집에서."
HALF_PAST_NINE_PM = datetime(2026, 11, 26, 12, 30, tzinfo=UTC)  # 21:30 in Seoul
EIGHT_AM_NEXT_DAY = datetime(2026, 11, 26, 23, 0, tzinfo=UTC)  # 08:00 on the 27th in Seoul
ACTOR = Actor(id=1, name="이상담")


async def _news() -> list[dict]:
    return await OutboxMessage.select().where(OutboxMessage.kind == "news").order_by(OutboxMessage.id)


async def test_news_goes_only_to_people_whose_consent_is_current_in_the_form_the_law_asks(settings: Settings) -> None:
    agreed = await a_citizen("동의함", notices_consented_at=NOON_SEOUL - timedelta(days=30))
    await a_citizen("동의안함")
    await a_citizen("만료됨", notices_consented_at=NOON_SEOUL - timedelta(days=731))

    count, leaves = await news.send_news(NEWS, settings=settings, actor=ACTOR, now=NOON_SEOUL, language="ko")

    assert (count, leaves) == (1, NOON_SEOUL)
    (message,) = await _news()
    assert (message["citizen"], message["channel"]) == (agreed.id, "sms")
    assert message["body"] == f"(광고) 김포시일자리센터\n{NEWS}\n문의 031-980-5000\n수신거부 http://127.0.0.1:8000/me/news"
    entry = present(await AuditEntry.select().where(AuditEntry.action == "news.sent").first())
    assert entry["summary"] == NEWS and json.loads(entry["after"])["recipients"] == 1


async def test_a_free_opt_out_number_is_printed_when_the_center_has_one(settings: Settings) -> None:
    await a_citizen(notices_consented_at=NOON_SEOUL)
    await news.send_news(NEWS, settings=replace(settings, news_opt_out_number="080-123-4567"), actor=ACTOR, now=NOON_SEOUL, language="ko")

    (message,) = await _news()
    assert message["body"].endswith("\n무료수신거부 080-123-4567")


async def test_news_written_at_half_past_nine_in_the_evening_leaves_at_eight_the_next_morning(settings: Settings) -> None:
    await a_citizen(notices_consented_at=NOON_SEOUL)
    sender = ConsoleSender(production=False)

    _, leaves = await news.send_news(NEWS, settings=settings, actor=ACTOR, now=HALF_PAST_NINE_PM, language="ko")

    assert leaves == EIGHT_AM_NEXT_DAY
    assert await deliver_due(sender, HALF_PAST_NINE_PM) == 0
    assert await deliver_due(sender, EIGHT_AM_NEXT_DAY - timedelta(minutes=1)) == 0
    assert await deliver_due(sender, EIGHT_AM_NEXT_DAY) == 1
    assert present((await _news())[0])["sent_at"] == EIGHT_AM_NEXT_DAY


async def test_news_whose_retry_falls_in_the_night_waits_for_eight_without_an_attempt(settings: Settings) -> None:
    await a_citizen(notices_consented_at=NOON_SEOUL)
    await news.send_news(NEWS, settings=settings, actor=ACTOR, now=NOON_SEOUL, language="ko")
    await OutboxMessage.update({OutboxMessage.next_attempt_at: HALF_PAST_NINE_PM}).where(OutboxMessage.kind == "news")

    assert await deliver_due(ConsoleSender(production=False), HALF_PAST_NINE_PM) == 0

    (message,) = await _news()
    assert (message["status"], message["attempts"], message["next_attempt_at"]) == ("pending", 0, EIGHT_AM_NEXT_DAY)


async def test_other_messages_still_leave_at_night(settings: Settings) -> None:
    citizen = await a_citizen(notices_consented_at=NOON_SEOUL)
    cohort = await a_cohort(await a_program())
    await service.take_seat(pool_id=cohort.seat_pool, citizen_id=citizen.id, now=HALF_PAST_NINE_PM, language="ko", zone="Asia/Seoul")

    assert await deliver_due(ConsoleSender(production=False), HALF_PAST_NINE_PM) == 1


async def test_stopping_the_news_takes_back_what_is_queued_and_nothing_else(settings: Settings) -> None:
    citizen = await a_citizen(notices_consented_at=NOON_SEOUL)
    cohort = await a_cohort(await a_program())
    await service.take_seat(pool_id=cohort.seat_pool, citizen_id=citizen.id, now=HALF_PAST_NINE_PM, language="ko", zone="Asia/Seoul")
    await news.send_news(NEWS, settings=settings, actor=ACTOR, now=HALF_PAST_NINE_PM, language="ko")

    consent = await news.set_consent(citizen.id, False, now=HALF_PAST_NINE_PM + timedelta(minutes=5))

    assert not consent.current
    assert await _news() == []
    assert [row["kind"] for row in await OutboxMessage.select(OutboxMessage.kind)] == ["confirmed"]
    assert await deliver_due(ConsoleSender(production=False), EIGHT_AM_NEXT_DAY) == 1
    count, _ = await news.send_news(NEWS, settings=settings, actor=ACTOR, now=EIGHT_AM_NEXT_DAY, language="ko")
    assert count == 0


async def test_two_weeks_before_a_consent_lapses_the_person_is_asked_once(settings: Settings) -> None:
    lapsing = await a_citizen("곧만료", notices_consented_at=NOON_SEOUL - timedelta(days=720))
    await a_citizen("아직", notices_consented_at=NOON_SEOUL - timedelta(days=700))
    await a_citizen("이미만료", notices_consented_at=NOON_SEOUL - timedelta(days=731))

    assert await news.queue_renewal_requests(NOON_SEOUL, settings=settings) == 1
    assert await news.queue_renewal_requests(NOON_SEOUL + timedelta(minutes=10), settings=settings) == 0

    (asked,) = await OutboxMessage.select().where(OutboxMessage.kind == "news_consent")
    assert asked["citizen"] == lapsing.id
    assert asked["body"] == (
        "[김포시일자리센터] 2024년 12월 6일 (금) 소식 수신에 동의하셨습니다. "
        "2026년 12월 6일 (일) 이후에도 받으시려면 다시 동의: http://127.0.0.1:8000/me/news"
    )


async def test_renewing_counts_two_more_years_from_today(settings: Settings) -> None:
    citizen = await a_citizen(notices_consented_at=NOON_SEOUL - timedelta(days=720))

    consent = await news.set_consent(citizen.id, True, now=NOON_SEOUL)

    assert consent.until == NOON_SEOUL + news.CONSENT_LASTS
    assert await news.queue_renewal_requests(NOON_SEOUL, settings=settings) == 0


async def test_in_my_details_the_news_stops_in_one_step_and_can_be_taken_again(client, sign_in) -> None:
    citizen = await a_citizen(notices_consented_at=NOON_SEOUL - timedelta(days=1))
    await sign_in(citizen)
    section = present(html(await client.get("/me")).select_one("[data-testid=news-consent]")).get_text(" ", strip=True)
    assert "2026년 11월 25일 (수)에 새 프로그램·채용 행사 소식 받기에 동의하셨습니다" in section

    stopped = await post_form(client, "/me/news", {"agree": "0"})

    assert stopped.status_code == 200
    assert "이제 소식을 받지 않습니다." in present(html(stopped).select_one("[data-testid=news-changed]")).get_text()
    assert present(await Citizen.select(Citizen.notices_consented_at).where(Citizen.id == citizen.id).first())["notices_consented_at"] is None

    taken = await post_form(client, "/me/news", {"agree": "1"}, headers={"HX-Request": "true"})

    assert "<html" not in taken.text and 'id="news"' in taken.text
    assert "이제 소식을 받습니다." in taken.text
    assert present(await Citizen.select(Citizen.notices_consented_at).where(Citizen.id == citizen.id).first())["notices_consented_at"] is not None


async def test_the_opt_out_page_asks_to_log_in_first(client) -> None:
    response = await client.get("/me/news", follow_redirects=False)

    assert response.status_code == 303 and response.headers["location"] == "/login?next=%2Fme%2Fnews"


async def test_staff_preview_the_news_then_send_it_as_previewed(client, clock, sign_in_staff) -> None:
    await a_citizen(notices_consented_at=NOON_SEOUL)
    await a_citizen(notices_consented_at=NOON_SEOUL)
    await signed_in(sign_in_staff)

    page = html(await submit(client, "/staff/news", {"text": NEWS, "action": "preview"}))

    shown = present(page.select_one("[data-testid=news-preview]")).get_text(" ", strip=True)
    assert shown.startswith("미리 보기 (광고) 김포시일자리센터") and "LMS" in shown and "2명" in shown
    assert page.select_one("[data-testid=news-leaves]") is None, "at noon it leaves at once"
    assert await _news() == []

    changed = await submit(client, "/staff/news", {"text": "다른 내용", "previewed": NEWS, "action": "send"})
    assert changed.status_code == 200 and await _news() == []

    sent = await submit(client, "/staff/news", {"text": NEWS, "previewed": NEWS, "action": "send"})

    assert sent.status_code == 303 and sent.headers["location"] == "/staff/news?done=news_sent"
    assert len(await _news()) == 2


async def test_in_the_evening_the_preview_says_when_the_news_leaves(client, clock, sign_in_staff) -> None:
    clock.now = HALF_PAST_NINE_PM
    await signed_in(sign_in_staff)

    page = html(await submit(client, "/staff/news", {"text": NEWS, "action": "preview"}))

    assert "2026년 11월 27일 (금) 08:00에 보냅니다" in present(page.select_one("[data-testid=news-leaves]")).get_text(" ", strip=True)


async def test_empty_news_is_refused_with_a_message(client, sign_in_staff) -> None:
    await signed_in(sign_in_staff)

    response = await submit(client, "/staff/news", {"text": "  ", "action": "preview"})

    assert response.status_code == 422
    assert "소식 내용을 입력하세요." in present(html(response).select_one(".error-summary")).get_text()
