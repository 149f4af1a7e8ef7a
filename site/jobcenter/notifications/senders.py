"""Where outbox messages go, by their channel: text messages to the log (default) or through an
SMS provider (sms.py), emails to the log (default) or over SMTP. A Sender has a `send(message)`
that returns the provider's id for the message, if any, and raises when the message did not go."""

from __future__ import annotations

import asyncio
import logging
import smtplib
from email.message import EmailMessage
from typing import Any, Protocol

from jobcenter.notifications.failures import Undeliverable
from jobcenter.notifications.sms import SolapiSender
from jobcenter.settings import Settings

logger = logging.getLogger("jobcenter.notifications")


class Sender(Protocol):
    async def send(self, message: dict[str, Any]) -> str | None: ...


class ConsoleSender:
    """Logs each message: for development (the whole text, so that `make run` can be tried end to
    end, codes included) and for centers without a provider yet (in production, never the text:
    no log line holds a code or what a message says)."""

    def __init__(self, production: bool) -> None:
        self.production = production

    async def send(self, message: dict[str, Any]) -> None:
        if self.production:
            logger.info("%s message %s (%s) to citizen %s", message["channel"], message["id"], message["kind"], message["citizen"])
        else:
            logger.info("%s message %s to citizen %s: %s", message["channel"], message["id"], message["citizen"], message["body"])


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


class ByChannel:
    """Hands each message to the sender of its channel."""

    def __init__(self, sms: Sender, email: Sender) -> None:
        self.senders = {"sms": sms, "email": email}

    async def send(self, message: dict[str, Any]) -> str | None:
        return await self.senders[message["channel"]].send(message)


def sender_for(settings: Settings) -> Sender:
    console = ConsoleSender(settings.production)
    senders: dict[str, dict[str, Any]] = {
        "NOTIFY_BACKEND": {"console": console, "smtp": SmtpSender},
        "SMS_BACKEND": {"console": console, "solapi": SolapiSender},
    }
    chosen: list[Sender] = []
    for name, value in (("SMS_BACKEND", settings.sms_backend), ("NOTIFY_BACKEND", settings.notify_backend)):
        if value not in senders[name]:
            raise ValueError(f"{name} must be one of {', '.join(senders[name])}, not {value}")
        made = senders[name][value]
        chosen.append(made(settings) if isinstance(made, type) else made)
    return ByChannel(sms=chosen[0], email=chosen[1])
