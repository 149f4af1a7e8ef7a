"""Text messages (문자) through the SMS provider's API, here a fake gateway in its own process:
what each kind says and how it goes (SMS or LMS), refusals, outages and a request left unanswered."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import timedelta

import httpx
import pytest

from jobcenter.accounts.news import send_news
from jobcenter.audit.service import Actor
from jobcenter.notifications.senders import ConsoleSender, sender_for
from jobcenter.notifications.sms import SolapiSender, byte_length
from jobcenter.notifications.tables import OutboxMessage
from jobcenter.notifications.worker import deliver_due
from jobcenter.settings import Settings
from jobcenter.signups import service
from jobcenter.signups.tables import Application
from tests.builders import NOON_SEOUL, a_citizen, a_cohort, a_program
from tests.fake_sms_gateway import INVALID_NUMBER
from tests.servers import free_port, listening
from tests.support import present

SECRET = "fake-gateway-secret"
CENTER_NUMBER = "0319801234"


@dataclass
class Gateway:
    url: str

    def received(self) -> list[dict]:
        return httpx.get(f"{self.url}/_received", trust_env=False).json()

    def answers(self, mode: str) -> None:
        httpx.post(f"{self.url}/_mode", json={"mode": mode}, trust_env=False).raise_for_status()


@pytest.fixture
def gateway() -> Iterator[Gateway]:
    port = free_port()
    with listening([sys.executable, "-m", "tests.fake_sms_gateway", str(port), SECRET], port):
        yield Gateway(f"http://127.0.0.1:{port}")


@pytest.fixture
def texts(settings: Settings, gateway: Gateway) -> Settings:
    return replace(settings, sms_backend="solapi", solapi_api_key="key", solapi_api_secret=SECRET,
                   sms_sender_number=CENTER_NUMBER, solapi_base_url=gateway.url)


async def _apply(title: str = "경비신임교육", capacity: int = 20, mobile: str | None = None) -> dict:
    cohort = await a_cohort(await a_program(title, audience="middle_aged"), capacity=capacity, label="제8기")
    citizen = await a_citizen("최민수", birth_year=1966, mobile=mobile)
    return await service.take_seat(pool_id=cohort.seat_pool, citizen_id=citizen.id, now=NOON_SEOUL, language="ko", zone="Asia/Seoul")


async def test_a_confirmation_goes_as_one_sms_from_the_center_with_the_confirmation_number(texts: Settings, gateway: Gateway) -> None:
    application = await _apply()

    assert await deliver_due(sender_for(texts), NOON_SEOUL) == 1

    (text,) = gateway.received()
    assert (text["to"], text["from"], text["type"]) == (present(await OutboxMessage.select().first())["mobile"], CENTER_NUMBER, "SMS")
    assert text["text"] == f"[신청확정] 경비신임교육 제8기 12월 10일 (목) 10:00 확인번호 {application['confirmation_code']}"
    assert byte_length(text["text"]) <= 90
    row = present(await OutboxMessage.select().first())
    assert (row["status"], row["channel"], row["provider_id"]) == ("sent", "sms", text["messageId"])


async def test_a_waitlist_place_says_its_number_and_no_personal_data(texts: Settings, gateway: Gateway) -> None:
    await _apply(capacity=0)

    await deliver_due(sender_for(texts), NOON_SEOUL)

    (text,) = gateway.received()
    code = present(await Application.select(Application.confirmation_code).first())["confirmation_code"]
    assert text["text"] == f"[대기 1번] 경비신임교육 제8기 http://127.0.0.1:8000/status/{code}"
    assert "최민수" not in text["text"] and "1966" not in text["text"] and text["to"] not in text["text"]


async def test_the_link_in_a_text_opens_the_applications_status_page(client, texts: Settings, gateway: Gateway) -> None:
    await _apply(capacity=0)
    await deliver_due(sender_for(texts), NOON_SEOUL)
    (text,) = gateway.received()
    path = text["text"].rsplit(" ", 1)[1].removeprefix("http://127.0.0.1:8000")

    page = await client.get(path)

    assert page.status_code == 200 and "input" in page.text and "last_four" in page.text


async def test_with_a_kakao_profile_a_kind_with_a_template_goes_as_alimtalk_that_falls_back_to_a_text(texts: Settings, gateway: Gateway) -> None:
    alimtalk = replace(texts, kakao_profile_id="KA01PF1", kakao_templates={"confirmed": "KA01TP1", "news": "KA01TP9"})
    await _apply()
    await a_citizen("소식받음", notices_consented_at=NOON_SEOUL)
    await send_news("새 과정이 열립니다.", settings=alimtalk, actor=Actor(id=1, name="이상담"), now=NOON_SEOUL, language="ko")

    assert await deliver_due(sender_for(alimtalk), NOON_SEOUL) == 2

    confirmed, news = sorted(gateway.received(), key=lambda text: text["text"].startswith("(광고)"))
    assert confirmed["type"] == "ATA" and confirmed["text"].startswith("[신청확정] 경비신임교육 제8기")
    assert confirmed["kakaoOptions"] == {"pfId": "KA01PF1", "templateId": "KA01TP1", "disableSms": False}
    assert news["type"] in {"SMS", "LMS"} and "kakaoOptions" not in news, "advertising never goes as 알림톡"


async def test_a_long_title_goes_as_an_lms_with_a_short_subject(texts: Settings, gateway: Gateway) -> None:
    await _apply(title="중장년 재취업을 위한 스마트 물류 관리 실무 전문가 양성 과정 (국비 지원, 야간반)")

    await deliver_due(sender_for(texts), NOON_SEOUL)

    (text,) = gateway.received()
    assert text["type"] == "LMS" and byte_length(text["text"]) > 90
    assert 0 < len(text["subject"]) <= 20


async def test_a_number_the_provider_refuses_fails_at_once_with_the_reason(texts: Settings, gateway: Gateway) -> None:
    await _apply(mobile=INVALID_NUMBER)

    assert await deliver_due(sender_for(texts), NOON_SEOUL) == 0

    row = present(await OutboxMessage.select().first())
    assert (row["status"], row["attempts"]) == ("failed", 1)
    assert row["last_error"] == "1062: 유효하지 않은 수신번호"


async def test_during_an_outage_the_sign_up_stands_and_the_text_goes_once_when_it_is_over(texts: Settings, gateway: Gateway) -> None:
    gateway.answers("down")
    application = await _apply()

    assert await deliver_due(sender_for(texts), NOON_SEOUL) == 0
    waiting = present(await OutboxMessage.select().first())
    assert (waiting["status"], waiting["attempts"], application["status"]) == ("pending", 1, "confirmed")
    assert waiting["last_error"].startswith("HTTP 503")

    gateway.answers("ok")
    assert await deliver_due(sender_for(texts), NOON_SEOUL + timedelta(minutes=1)) == 1
    assert await deliver_due(sender_for(texts), NOON_SEOUL + timedelta(hours=1)) == 0
    assert len(gateway.received()) == 1


async def test_a_request_the_provider_took_but_never_answered_is_not_sent_twice(texts: Settings, gateway: Gateway) -> None:
    """The gateway takes the text and hangs: the sender cannot know. Before trying again it asks
    the provider's list, finds the text there, and marks it sent without sending it again."""
    await _apply()
    sender = sender_for(texts)
    solapi = sender.senders["sms"]  # type: ignore[attr-defined]
    assert isinstance(solapi, SolapiSender)
    solapi.timeout_seconds = 0.5
    gateway.answers("take_then_hang")

    assert await deliver_due(sender, NOON_SEOUL) == 0
    assert present(await OutboxMessage.select().first())["last_error"].startswith("ambiguous: ")

    gateway.answers("ok")
    assert await deliver_due(sender, NOON_SEOUL + timedelta(minutes=1)) == 1
    (taken,) = gateway.received()
    row = present(await OutboxMessage.select().first())
    assert (row["status"], row["provider_id"]) == ("sent", taken["messageId"])


async def test_a_request_left_unanswered_without_being_taken_is_sent_again(texts: Settings, gateway: Gateway) -> None:
    await _apply()
    sender = sender_for(texts)
    sender.senders["sms"].timeout_seconds = 0.5  # type: ignore[attr-defined]
    gateway.answers("hang")
    await deliver_due(sender, NOON_SEOUL)

    gateway.answers("ok")
    assert await deliver_due(sender, NOON_SEOUL + timedelta(minutes=1)) == 1
    assert len(gateway.received()) == 1


async def test_two_workers_at_once_text_each_person_once(texts: Settings, gateway: Gateway) -> None:
    for number in range(6):
        await _apply(title=f"과정 {number}")

    await asyncio.gather(deliver_due(sender_for(texts), NOON_SEOUL), deliver_due(sender_for(texts), NOON_SEOUL))

    assert len(gateway.received()) == 6
    assert await OutboxMessage.count().where(OutboxMessage.status == "sent") == 6


def test_the_provider_needs_its_key_secret_and_the_centers_number(settings: Settings) -> None:
    with pytest.raises(ValueError, match="SOLAPI_API_KEY, SOLAPI_API_SECRET, SMS_SENDER_NUMBER"):
        sender_for(replace(settings, sms_backend="solapi"))


async def test_the_console_shows_the_whole_text_in_development_and_never_in_production(caplog: pytest.LogCaptureFixture) -> None:
    application = await _apply()
    message = present(await OutboxMessage.select().first())

    with caplog.at_level(logging.INFO, logger="jobcenter.notifications"):
        await ConsoleSender(production=False).send(message)
        await ConsoleSender(production=True).send(message)

    development, production = (record.getMessage() for record in caplog.records[-2:])
    assert application["confirmation_code"] in development
    assert application["confirmation_code"] not in production and "경비신임교육" not in production
