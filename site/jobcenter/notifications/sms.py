"""Text messages through SOLAPI (a Korean messaging provider: SMS, LMS and 알림톡), over its HTTP
API: `POST /messages/v4/send-many/detail`, signed with HMAC-SHA256 (see the provider's reference,
"authentication/api-key"). The base URL is a setting, so tests point it at a fake gateway.

A message the provider refuses for good (an invalid or landline number) is Undeliverable at once.
A refusal of the whole request (5xx, a bad key) or no connection is retried later by the worker.
A request that timed out after it was sent may have been taken: before sending it again, the
provider's list of messages to that number is asked whether it holds this message (each message
carries its outbox id in `customFields`), so a person never gets the same text twice.

With a 카카오톡 채널 profile and templates (KAKAO_PROFILE_ID, KAKAO_TEMPLATES), a message of a kind
that has a template goes as 알림톡 (type ATA); the provider sends the same text as SMS or LMS when
알림톡 cannot reach the person (no KakaoTalk, blocked channel, or a text that does not match the
template). News never goes as 알림톡: 알림톡 may not carry advertising."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from jobcenter.notifications.advertising import ADVERTISING_KINDS
from jobcenter.notifications.failures import GatewayError, Undeliverable
from jobcenter.settings import Settings

SMS_BYTES = 90
"""One SMS holds 90 bytes in Korean carriers' encoding (EUC-KR: a Hangul syllable takes two)."""
LMS_SUBJECT_CHARACTERS = 20
TIMEOUT_SECONDS = 10.0
"""How long the provider has to answer (a request it took but did not answer is "ambiguous")."""
AMBIGUOUS = "ambiguous: "
"""How last_error begins when the provider may have taken the message (see the module's note)."""


def byte_length(text: str) -> int:
    """The text's length as carriers count it: one byte for ASCII, two for anything else (Hangul)."""
    return sum(1 if character.isascii() else 2 for character in text)


def message_type(text: str) -> str:
    return "SMS" if byte_length(text) <= SMS_BYTES else "LMS"


class SolapiSender:
    def __init__(self, settings: Settings) -> None:
        missing = [name for name, value in (("SOLAPI_API_KEY", settings.solapi_api_key), ("SOLAPI_API_SECRET", settings.solapi_api_secret),
                                            ("SMS_SENDER_NUMBER", settings.sms_sender_number)) if not value]
        if missing:
            raise ValueError(f"SMS_BACKEND=solapi needs {', '.join(missing)}")
        self.base_url = settings.solapi_base_url.rstrip("/")
        self.api_key = settings.solapi_api_key
        self.api_secret = settings.solapi_api_secret
        self.sender_number = settings.sms_sender_number
        self.timeout_seconds = TIMEOUT_SECONDS
        self.kakao_profile_id = settings.kakao_profile_id
        self.kakao_templates = settings.kakao_templates

    def _authorization(self) -> str:
        date = datetime.now(UTC).isoformat(timespec="seconds")
        salt = secrets.token_hex(16)
        signature = hmac.new(self.api_secret.encode(), (date + salt).encode(), hashlib.sha256).hexdigest()
        return f"HMAC-SHA256 apiKey={self.api_key}, date={date}, salt={salt}, signature={signature}"

    def _client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(base_url=self.base_url, timeout=self.timeout_seconds, trust_env=False)

    async def send(self, message: dict[str, Any]) -> str:
        """Hand the message to the provider; returns the id it gave the message."""
        if not message["mobile"]:
            raise Undeliverable("no mobile number")
        if (message["last_error"] or "").startswith(AMBIGUOUS):
            taken = await self.already_taken(message)
            if taken:
                return taken
        text = message["body"]
        kind = message_type(text)
        outgoing: dict[str, Any] = {
            "to": message["mobile"], "from": self.sender_number, "text": text, "type": kind,
            "customFields": {"outbox": str(message["id"])},
        }
        if kind == "LMS":
            outgoing["subject"] = message["subject"][:LMS_SUBJECT_CHARACTERS]
        template = self.kakao_templates.get(message["kind"])
        if self.kakao_profile_id and template and message["kind"] not in ADVERTISING_KINDS:
            outgoing["type"] = "ATA"
            outgoing["kakaoOptions"] = {"pfId": self.kakao_profile_id, "templateId": template, "disableSms": False}
        async with self._client() as client:
            try:
                response = await client.post(
                    "/messages/v4/send-many/detail", json={"messages": [outgoing]}, headers={"Authorization": self._authorization()}
                )
            except (httpx.ReadTimeout, httpx.RemoteProtocolError) as lost:
                raise GatewayError(f"{AMBIGUOUS}{type(lost).__name__}") from lost
            except httpx.HTTPError as unreachable:
                raise GatewayError(f"{type(unreachable).__name__}: {unreachable}") from unreachable
        if response.status_code != 200:
            raise GatewayError(f"HTTP {response.status_code}: {response.text[:200]}")
        answer = response.json()
        for failed in answer.get("failedMessageList") or []:
            raise Undeliverable(f"{failed.get('statusCode')}: {failed.get('statusMessage')}"[:200])
        listed = answer.get("messageList") or [{}]
        return str(listed[0].get("messageId") or answer.get("groupInfo", {}).get("groupId") or "")

    async def already_taken(self, message: dict[str, Any]) -> str | None:
        """The provider's id of this message if an earlier, unanswered request delivered it to the provider."""
        since = (message["created_at"] - timedelta(minutes=1)).astimezone(UTC).isoformat(timespec="seconds")
        async with self._client() as client:
            try:
                response = await client.get(
                    "/messages/v4/list", params={"to": message["mobile"], "startDate": since, "limit": 100},
                    headers={"Authorization": self._authorization()},
                )
            except httpx.HTTPError as unreachable:
                raise GatewayError(f"{AMBIGUOUS}status unknown, {type(unreachable).__name__}") from unreachable
        if response.status_code != 200:
            raise GatewayError(f"{AMBIGUOUS}status unknown, HTTP {response.status_code}")
        listed = response.json().get("messageList") or {}
        entries = listed.values() if isinstance(listed, dict) else listed
        for entry in entries:
            if (entry.get("customFields") or {}).get("outbox") == str(message["id"]):
                return str(entry.get("messageId") or "")
        return None
