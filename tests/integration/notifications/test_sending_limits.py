"""Limits on texts against SMS pumping: over the per-number daily limit or the hourly limit for
everyone, a text waits an hour (not dropped, no attempt counted), and the dashboard warns."""

from __future__ import annotations

from datetime import timedelta

from jobcenter.notifications.tables import OutboxMessage
from jobcenter.notifications.worker import deliver_due
from jobcenter.settings import Limits
from tests.builders import NOON_SEOUL, a_citizen, a_staff_member
from tests.integration.notifications.test_delivery import CountingSender
from tests.support import html, present


async def _queued(citizen_id: int, count: int, channel: str = "sms", kind: str = "notice") -> None:
    for number in range(count):
        await OutboxMessage(kind=kind, citizen=citizen_id, mobile="01012345678", channel=channel, subject="s", body=f"안내 {number}",
                            created_at=NOON_SEOUL, next_attempt_at=NOON_SEOUL).save()


async def test_texts_over_the_daily_limit_for_one_number_wait_an_hour_and_then_go() -> None:
    person, other = await a_citizen("많이 받는 분"), await a_citizen("다른 분")
    await _queued(person.id, 4)
    await _queued(other.id, 1)
    sender = CountingSender()

    sent = await deliver_due(sender, NOON_SEOUL, Limits(texts_per_number_per_day=3))

    assert sent == 4, "three to the first person, one to the other"
    waiting = present(await OutboxMessage.select().where(OutboxMessage.status == "pending").first())
    assert waiting["citizen"] == person.id and waiting["attempts"] == 0
    assert waiting["next_attempt_at"] == NOON_SEOUL + timedelta(hours=1)
    assert waiting["last_error"] == "held: over the daily limit for this number"
    assert await deliver_due(sender, NOON_SEOUL + timedelta(hours=1), Limits(texts_per_number_per_day=3)) == 0, "still within the day"
    assert await deliver_due(sender, NOON_SEOUL + timedelta(days=1, hours=1), Limits(texts_per_number_per_day=3)) == 1


async def test_the_hourly_limit_holds_every_text_but_not_emails() -> None:
    person = await a_citizen("받는 분", email="me@example.com")
    await _queued(person.id, 3)
    await _queued(person.id, 1, channel="email")

    sent = await deliver_due(CountingSender(), NOON_SEOUL, Limits(texts_per_hour=2))

    assert sent == 3, "two texts and the email"
    assert await OutboxMessage.count().where(OutboxMessage.last_error == "held: over the hourly limit for texts about seats and dates") == 1


async def test_news_has_an_hourly_budget_of_its_own_and_never_holds_back_a_text_about_a_seat() -> None:
    people = [await a_citizen(f"소식 {number}") for number in range(3)]
    for person in people:
        await _queued(person.id, 1, kind="news")
    await _queued(people[0].id, 1, kind="confirmed")
    limits = Limits(texts_per_hour=1, news_texts_per_hour=2)

    sent = await deliver_due(CountingSender(), NOON_SEOUL, limits)

    assert sent == 3, "two news and the confirmation"
    held = present(await OutboxMessage.select().where(OutboxMessage.status == "pending").first())
    assert (held["kind"], held["last_error"]) == ("news", "held: over the hourly limit for news")


async def test_the_dashboard_warns_of_texts_held_by_the_limits(client, sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member())
    person = await a_citizen("받는 분")
    await _queued(person.id, 2)
    await deliver_due(CountingSender(), NOON_SEOUL, Limits(texts_per_number_per_day=1))

    page = html(await client.get("/staff"))

    assert "발송 한도 때문에 대기 중인 문자: 1건" in present(page.select_one("[data-testid=held-texts]")).get_text()
