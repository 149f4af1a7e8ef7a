"""The outbox worker with email: delivery through a real SMTP server process, retries when it is
down, and each message sent once even with several workers. (Text messages: test_text_messages.py.)"""

from __future__ import annotations

import asyncio
import mailbox
import sys
from dataclasses import replace
from datetime import timedelta
from email.header import decode_header, make_header
from pathlib import Path

import pytest

from jobcenter.accounts.service import queue_reset_link
from jobcenter.accounts.tables import Citizen
from jobcenter.notifications.senders import ConsoleSender, SmtpSender
from jobcenter.notifications.tables import OutboxMessage
from jobcenter.notifications.worker import deliver_due
from jobcenter.signups import service
from tests.builders import NOON_SEOUL, a_citizen, a_cohort, a_program
from tests.servers import free_port, listening
from tests.support import present


@pytest.fixture
def smtp_server(tmp_path: Path):
    """aiosmtpd in its own process, storing what it receives in a Maildir."""
    port = free_port()
    maildir = tmp_path / "maildir"
    with listening([sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", str(maildir)], port):
        yield port, maildir


async def _reset_link_queued(email: str | None = "citizen@example.com") -> str:
    """A password reset link in the outbox (the one kind of message that goes by email); its link."""
    citizen = await a_citizen("최민수", birth_year=1966, email=email)
    await queue_reset_link(present(await Citizen.select().where(Citizen.id == citizen.id).first()), "http://testserver.local", NOON_SEOUL,
                           language="ko", zone="Asia/Seoul")
    return present(await OutboxMessage.select(OutboxMessage.body).first())["body"].split()[-1]


async def test_a_reset_link_is_emailed_through_smtp(settings, smtp_server) -> None:
    port, maildir = smtp_server
    link = await _reset_link_queued()

    sent = await deliver_due(SmtpSender(replace(settings, smtp_host="127.0.0.1", smtp_port=port)), NOON_SEOUL)

    assert sent == 1
    (email,) = list(mailbox.Maildir(maildir))
    assert email["To"] == "citizen@example.com"
    assert str(make_header(decode_header(email["Subject"]))) == "비밀번호 재설정 안내"
    payload = email.get_payload(decode=True)
    assert isinstance(payload, bytes), "a single-part message decodes to bytes"
    body = payload.decode("utf-8")
    assert link.startswith("http://testserver.local/password/reset/") and link in body and "최민수님" in body
    row = present(await OutboxMessage.select().first())
    assert (row["status"], row["attempts"], row["sent_at"]) == ("sent", 1, NOON_SEOUL)


async def test_with_the_server_down_the_message_waits(settings) -> None:
    await _reset_link_queued()
    unreachable = SmtpSender(replace(settings, smtp_host="127.0.0.1", smtp_port=free_port()))

    assert await deliver_due(unreachable, NOON_SEOUL) == 0

    row = present(await OutboxMessage.select().first())
    assert (row["status"], row["attempts"]) == ("pending", 1)
    assert row["next_attempt_at"] == NOON_SEOUL + timedelta(seconds=30)
    assert "ConnectionRefusedError" in row["last_error"]
    assert await deliver_due(unreachable, NOON_SEOUL + timedelta(seconds=10)) == 0, "not retried before its time"
    assert present(await OutboxMessage.select(OutboxMessage.attempts).first())["attempts"] == 1


async def test_a_message_waiting_for_a_retry_goes_once_the_server_is_back(settings, smtp_server) -> None:
    port, maildir = smtp_server
    await _reset_link_queued()
    await deliver_due(SmtpSender(replace(settings, smtp_host="127.0.0.1", smtp_port=free_port())), NOON_SEOUL)

    sent = await deliver_due(SmtpSender(replace(settings, smtp_host="127.0.0.1", smtp_port=port)), NOON_SEOUL + timedelta(minutes=1))

    assert sent == 1 and len(list(mailbox.Maildir(maildir))) == 1


async def test_without_an_email_address_smtp_gives_up_at_once(settings) -> None:
    await _reset_link_queued(email=None)

    await deliver_due(SmtpSender(settings), NOON_SEOUL)

    row = present(await OutboxMessage.select().first())
    assert (row["status"], row["last_error"]) == ("failed", "no email address")


class CountingSender(ConsoleSender):
    def __init__(self) -> None:
        super().__init__(production=False)
        self.sent: list[int] = []

    async def send(self, message: dict) -> None:
        await asyncio.sleep(0.01)
        self.sent.append(message["id"])


async def test_two_workers_at_once_send_each_message_once() -> None:
    for number in range(6):
        cohort = await a_cohort(await a_program(f"과정 {number}"))
        citizen = await a_citizen(f"신청자{number}")
        await service.take_seat(pool_id=cohort.seat_pool, citizen_id=citizen.id, now=NOON_SEOUL, language="ko", zone="Asia/Seoul")
    first, second = CountingSender(), CountingSender()

    await asyncio.gather(deliver_due(first, NOON_SEOUL), deliver_due(second, NOON_SEOUL))

    assert sorted(first.sent + second.sent) == [row["id"] for row in await OutboxMessage.select(OutboxMessage.id).order_by(OutboxMessage.id)]
    assert await OutboxMessage.count().where(OutboxMessage.status == "sent") == 6
