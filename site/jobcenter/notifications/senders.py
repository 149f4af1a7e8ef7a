"""Where outbox messages go: the log (default) or email over SMTP. An SMS gateway is one more
Sender: something with a `send(message)` that raises when the message did not go."""

from __future__ import annotations

import asyncio
import logging
import smtplib
from email.message import EmailMessage
from typing import Any, Protocol

from jobcenter.settings import Settings

logger = logging.getLogger("jobcenter.notifications")


class Undeliverable(Exception):
    """This sender can never deliver this message (no address of its kind): do not retry."""


class Sender(Protocol):
    async def send(self, message: dict[str, Any]) -> None: ...


class ConsoleSender:
    """Logs each message: for development and for centers without a mail server yet."""

    async def send(self, message: dict[str, Any]) -> None:
        logger.info("message %s to citizen %s: %s", message["id"], message["citizen"], message["subject"])


class SmtpSender:
    """Email through the configured SMTP server (blocking smtplib, run in a thread)."""

    TIMEOUT_SECONDS = 10

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def _send(self, email: EmailMessage) -> None:
        settings = self.settings
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=self.TIMEOUT_SECONDS) as smtp:
            if settings.smtp_starttls:
                smtp.starttls()
            if settings.smtp_username:
                smtp.login(settings.smtp_username, settings.smtp_password)
            smtp.send_message(email)

    async def send(self, message: dict[str, Any]) -> None:
        if not message["email"]:
            raise Undeliverable("no email address")
        email = EmailMessage()
        email["From"] = self.settings.mail_from
        email["To"] = message["email"]
        email["Subject"] = message["subject"]
        email.set_content(message["body"])
        await asyncio.to_thread(self._send, email)


def sender_for(settings: Settings) -> Sender:
    if settings.notify_backend == "smtp":
        return SmtpSender(settings)
    if settings.notify_backend == "console":
        return ConsoleSender()
    raise ValueError(f"NOTIFY_BACKEND must be console or smtp, not {settings.notify_backend}")
