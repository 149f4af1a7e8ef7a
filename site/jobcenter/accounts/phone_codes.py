"""Codes texted to a number (인증번호), to prove the person holds the phone before the number acts
for them: sign-up, login by text, a kiosk application, a new login number. A code has six digits, lasts VALID_FOR, allows MAX_TRIES, and
can be sent again after RESEND_AFTER. Codes are limited per number, per address and overall
(settings.Limits); over a limit the request is refused at once (429), since a code that arrives
late is useless. Their texts go through the outbox with a budget of their own (kind "code": the
worker's limits for other texts never hold them).

The browser holds a ticket (a random token, in a cookie) that names its code; the database keeps
only HMACs of the ticket and the code, under the site's secret key, so a copy of the database
gives neither."""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import secrets
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from typing import Any

from jobcenter.accounts.tables import Citizen, PhoneCode
from jobcenter.i18n import N_
from jobcenter.limits import service as limiter
from jobcenter.limits.service import Limit, RateLimited, key_of
from jobcenter.notifications import doorbell
from jobcenter.notifications.messages import queue_code
from jobcenter.settings import Settings
from jobcenter.web.form_input import FormInvalid

CODE_DIGITS = 6
VALID_FOR = timedelta(minutes=5)
RESEND_AFTER = timedelta(seconds=60)
MAX_TRIES = 5
HOUR = timedelta(hours=1)
EXPIRED = N_("This code has expired or was tried too often. Ask for a new code.")
TOO_MANY_CODES = N_("Too many codes were asked for. Try again in %(minutes)s minutes.")
WAIT_FOR_CODE = N_("A new code can be sent in %(seconds)s seconds. The last one still works until then.")
WRONG = N_("The code is not right. Check the six digits in the text message.")


class Purpose(str, Enum):
    signup = "signup"
    login = "login"
    kiosk = "kiosk"
    """An application at the lobby kiosk (kiosk/service.py)."""
    mobile = "mobile"
    """A new login number in 내 정보 (mobile_change.py)."""


@dataclass(frozen=True)
class Redeemed:
    """A code entered right: the number it proved and what it completes."""

    mobile: str
    payload: dict[str, Any]


def _hmac(secret_key: str, value: str) -> str:
    return hmac.new(secret_key.encode(), value.encode(), hashlib.sha256).hexdigest()


async def _take_limits(
    mobile: str, client: str, now: datetime, settings: Settings, per_client: int | None, also: Sequence[tuple[Limit, str]] = ()
) -> None:
    """Count one code against each limit (and `also`, the caller's own), or RateLimited (nothing
    counted) when any is reached."""
    limits = settings.limits
    await limiter.take_all([
        (Limit("code-number", limits.codes_per_number_per_hour, HOUR), key_of(mobile)),
        (Limit("code-address", per_client or limits.codes_per_address_per_hour, HOUR), key_of(client)),
        (Limit("code-all", limits.codes_per_hour, HOUR), "all"),
        *also,
    ], now)


def _new_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


async def _send(mobile: str, purpose: Purpose, code: str, now: datetime, settings: Settings) -> None:
    """Queue the code's text, except for a login to a number with no account (which is told the
    same as everyone: a script learns nothing about which numbers are registered)."""
    if purpose is Purpose.login and not await Citizen.exists().where(Citizen.mobile == mobile):
        return
    await queue_code(mobile, code, center=settings.center.name, now=now, language=settings.default_language)


async def issue(
    mobile: str, purpose: Purpose, payload: dict[str, Any], *, now: datetime, client: str, settings: Settings, per_client: int | None = None,
    also: Sequence[tuple[Limit, str]] = (),
) -> str:
    """A new code for the number, texted; returns the ticket for the browser. RateLimited over a
    limit. `client` is the address, or a kiosk (whose own limit, `per_client`, replaces the
    address's); `also` are the caller's limits, counted with the code's or not at all."""
    await _take_limits(mobile, client, now, settings, per_client, also)
    ticket, code = secrets.token_urlsafe(24), _new_code()
    async with PhoneCode._meta.db.transaction():
        await PhoneCode.insert(PhoneCode(
            ticket_hash=_hmac(settings.secret_key, ticket), mobile=mobile, purpose=purpose.value,
            code_hash=_hmac(settings.secret_key, code), payload=json.dumps(payload), sent_at=now, expires_at=now + VALID_FOR,
        ))
        await _send(mobile, purpose, code, now, settings)
    doorbell.ring()  # committed: the worker sends it now, not at its next round
    return ticket


async def _open(ticket: str, purpose: Purpose, now: datetime, settings: Settings) -> dict[str, Any] | None:
    return await PhoneCode.select().where(
        PhoneCode.ticket_hash == _hmac(settings.secret_key, ticket), PhoneCode.purpose == purpose.value,
        PhoneCode.used_at.is_null(), PhoneCode.expires_at > now,
    ).first() if ticket else None


async def pending_mobile(ticket: str, purpose: Purpose, now: datetime, settings: Settings) -> str | None:
    """The number a ticket's code went to while it can still be entered (for the code page)."""
    row = await _open(ticket, purpose, now, settings)
    return row["mobile"] if row else None


async def resend(
    ticket: str, purpose: Purpose, *, now: datetime, client: str, settings: Settings, per_client: int | None = None
) -> None:
    """A new code for the same ticket (the old one stops working), after RESEND_AFTER; RateLimited
    before that or over a limit; FormInvalid when the ticket is gone (start again)."""
    row = await _open(ticket, purpose, now, settings)
    if row is None:
        raise FormInvalid({"code": EXPIRED})
    wait = (row["sent_at"] + RESEND_AFTER - now).total_seconds()
    if wait > 0:
        raise RateLimited(math.ceil(wait))
    await _take_limits(row["mobile"], client, now, settings, per_client)
    code = _new_code()
    async with PhoneCode._meta.db.transaction():
        await PhoneCode.update({
            PhoneCode.code_hash: _hmac(settings.secret_key, code), PhoneCode.attempts: 0, PhoneCode.sent_at: now,
            PhoneCode.expires_at: now + VALID_FOR,
        }).where(PhoneCode.id == row["id"])
        await _send(row["mobile"], purpose, code, now, settings)
    doorbell.ring()


def _digits(typed: str) -> str:
    """What was typed, as ASCII digits (full-width digits and spaces allowed)."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", typed) if not ch.isspace())[:20]


async def redeem(ticket: str, typed: str, purpose: Purpose, *, now: datetime, settings: Settings) -> Redeemed:
    """The number and payload of a ticket whose code was entered right, once; FormInvalid with the
    reason otherwise (a wrong code counts a try; the last try ends the code)."""
    row = await _open(ticket, purpose, now, settings)
    if row is None or row["attempts"] >= MAX_TRIES:
        raise FormInvalid({"code": EXPIRED})
    if not hmac.compare_digest(row["code_hash"], _hmac(settings.secret_key, _digits(typed))):
        await PhoneCode.update({PhoneCode.attempts: PhoneCode.attempts + 1}).where(PhoneCode.id == row["id"])
        raise FormInvalid({"code": WRONG if row["attempts"] + 1 < MAX_TRIES else EXPIRED})
    used = await PhoneCode.update({PhoneCode.used_at: now}).where(
        PhoneCode.id == row["id"], PhoneCode.used_at.is_null()
    ).returning(PhoneCode.id)
    if not used:  # entered in two tabs at once: one of them wins
        raise FormInvalid({"code": EXPIRED})
    return Redeemed(row["mobile"], json.loads(row["payload"] or "{}"))


async def forget_old(now: datetime) -> None:
    """Codes a day past their expiry (with any sign-up details they held) are deleted."""
    await PhoneCode.delete().where(PhoneCode.expires_at < now - timedelta(days=1))
