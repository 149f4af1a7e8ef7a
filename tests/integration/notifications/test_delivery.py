"""The outbox worker: delivery through a real SMTP server process, retries when it is down,
and each message sent once even with several workers."""

from __future__ import annotations

import asyncio
import mailbox
import socket
import subprocess
import sys
import time
from dataclasses import replace
from datetime import timedelta
from email.header import decode_header, make_header
from pathlib import Path

import pytest

from jobcenter.notifications.senders import ConsoleSender, SmtpSender
from jobcenter.notifications.tables import OutboxMessage
from jobcenter.notifications.worker import deliver_due
from jobcenter.signups import service
from tests.builders import NOON_SEOUL, a_citizen, a_cohort, a_program
from tests.support import present


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(tmp_path: Path):
    """aiosmtpd in its own process, storing what it receives in a Maildir."""
    port = _free_port()
    maildir = tmp_path / "maildir"
    process = subprocess.Popen(
        [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", str(maildir)]
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield port, maildir
    process.terminate()
    process.wait(timeout=5)


async def _apply_with_email(email: str | None = "citizen@example.com") -> dict:
    cohort = await a_cohort(await a_program("경비신임교육", audience="middle_aged"), label="제8기")
    citizen = await a_citizen("최민수", birth_year=1966, email=email)
    return await service.take_seat(
        pool_id=cohort.seat_pool, citizen_id=citizen.id, now=NOON_SEOUL, language="ko", zone="Asia/Seoul"
    )


async def test_a_confirmation_is_emailed_through_smtp(settings, smtp_server) -> None:
    port, maildir = smtp_server
    application = await _apply_with_email()

    sent = await deliver_due(SmtpSender(replace(settings, smtp_host="127.0.0.1", smtp_port=port)), NOON_SEOUL)

    assert sent == 1
    (email,) = list(mailbox.Maildir(maildir))
    assert email["To"] == "citizen@example.com"
    assert str(make_header(decode_header(email["Subject"]))) == "신청 완료: 경비신임교육"
    payload = email.get_payload(decode=True)
    assert isinstance(payload, bytes), "a single-part message decodes to bytes"
    body = payload.decode("utf-8")
    assert application["confirmation_code"] in body and "최민수님" in body
    row = present(await OutboxMessage.select().first())
    assert (row["status"], row["attempts"], row["sent_at"]) == ("sent", 1, NOON_SEOUL)


async def test_with_the_server_down_the_message_waits_and_the_signup_stands(settings) -> None:
    application = await _apply_with_email()
    unreachable = SmtpSender(replace(settings, smtp_host="127.0.0.1", smtp_port=_free_port()))

    assert await deliver_due(unreachable, NOON_SEOUL) == 0

    row = present(await OutboxMessage.select().first())
    assert (row["status"], row["attempts"]) == ("pending", 1)
    assert row["next_attempt_at"] == NOON_SEOUL + timedelta(seconds=30)
    assert "ConnectionRefusedError" in row["last_error"]
    assert application["status"] == "confirmed"
    assert await deliver_due(unreachable, NOON_SEOUL + timedelta(seconds=10)) == 0, "not retried before its time"
    assert present(await OutboxMessage.select(OutboxMessage.attempts).first())["attempts"] == 1


async def test_a_message_waiting_for_a_retry_goes_once_the_server_is_back(settings, smtp_server) -> None:
    port, maildir = smtp_server
    await _apply_with_email()
    await deliver_due(SmtpSender(replace(settings, smtp_host="127.0.0.1", smtp_port=_free_port())), NOON_SEOUL)

    sent = await deliver_due(SmtpSender(replace(settings, smtp_host="127.0.0.1", smtp_port=port)), NOON_SEOUL + timedelta(minutes=1))

    assert sent == 1 and len(list(mailbox.Maildir(maildir))) == 1


async def test_without_an_email_address_smtp_gives_up_at_once(settings) -> None:
    await _apply_with_email(email=None)

    await deliver_due(SmtpSender(settings), NOON_SEOUL)

    row = present(await OutboxMessage.select().first())
    assert (row["status"], row["last_error"]) == ("failed", "no email address")


class CountingSender(ConsoleSender):
    def __init__(self) -> None:
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
