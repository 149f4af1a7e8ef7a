"""The center's news (새 프로그램·행사 소식): the optional consent given at sign-up, withdrawn or
renewed in one step in 내 정보, and news staff write for everyone whose consent is current.

News is advertising (정보통신망법 §50): notifications/advertising.py keeps its sending hours and
messages.py its form ((광고), the center's name and contact, a free way to stop). A consent lasts
two years (CONSENT_LASTS): two weeks before it lapses the person is told the day they agreed and how
to keep the news (시행령 §62-3 asks the sender to confirm consent every two years); without a
renewal the news stops. Withdrawing also removes news still waiting in the outbox."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from jobcenter.accounts.tables import Citizen
from jobcenter.audit.service import Actor, record
from jobcenter.i18n import N_, format_day, gettext
from jobcenter.notifications.advertising import next_sending_time
from jobcenter.notifications.messages import Preview, delete_unsent_news, fill, outbox_row, queue_messages, queue_once
from jobcenter.settings import Settings
from jobcenter.web.form_input import FormReader

CONSENT_LASTS = timedelta(days=730)
RENEWAL_NOTICE = timedelta(days=14)
"""How long before a consent lapses the person is asked whether they want to keep the news."""
NEWS_CHARACTERS = 500
NEWS_PATH = "/me/news"


@dataclass(frozen=True)
class Consent:
    """A person's consent to the news as 내 정보 shows it."""

    agreed_at: datetime | None
    until: datetime | None

    @property
    def current(self) -> bool:
        return self.agreed_at is not None

    @classmethod
    def of(cls, agreed_at: datetime | None, now: datetime) -> Consent:
        """A consent older than two years counts as none (it lapsed without a renewal)."""
        if agreed_at is None or agreed_at + CONSENT_LASTS <= now:
            return cls(None, None)
        return cls(agreed_at, agreed_at + CONSENT_LASTS)


async def consent_of(citizen_id: int, now: datetime) -> Consent:
    row = await Citizen.select(Citizen.notices_consented_at).where(Citizen.id == citizen_id).first()
    return Consent.of(row["notices_consented_at"] if row else None, now)


async def set_consent(citizen_id: int, agree: bool, *, now: datetime) -> Consent:
    """Agree (or renew: two more years from now) or withdraw, in one step; withdrawing also takes
    back news already queued for the person, so none arrives after it."""
    async with Citizen._meta.db.transaction():
        await Citizen.update({Citizen.notices_consented_at: now if agree else None, Citizen.updated_at: now}).where(Citizen.id == citizen_id)
        if not agree:
            await delete_unsent_news(citizen_id)
    return Consent.of(now if agree else None, now)


def read_news(data: dict[str, str]) -> str:
    form = FormReader(data, order=["text"])
    text = form.text("text", NEWS_CHARACTERS, missing=N_("Write the news."), multiline=True)
    form.check()
    return text


def _news_values(text: str, settings: Settings, language: str) -> dict[str, Any]:
    center = settings.center
    if settings.news_opt_out_number:
        opt_out = gettext(language, N_("Free opt-out %(number)s")) % {"number": settings.news_opt_out_number}
    else:
        opt_out = gettext(language, N_("Stop the news: %(link)s")) % {"link": settings.public_url + NEWS_PATH}
    return {"center": center.name, "phone": center.phone, "opt_out": opt_out, "text": text}


def _recipients(now: datetime) -> Any:
    return Citizen.select(Citizen.id, Citizen.name, Citizen.email, Citizen.mobile, Citizen.notify_by).where(
        Citizen.notices_consented_at > now - CONSENT_LASTS
    ).order_by(Citizen.id)


async def preview(text: str, *, settings: Settings, language: str, now: datetime) -> Preview:
    sms = fill("news", _news_values(text, settings, language), sms=True, language=language)
    return Preview.of(sms, await Citizen.count().where(Citizen.notices_consented_at > now - CONSENT_LASTS))


async def send_news(text: str, *, settings: Settings, actor: Actor, now: datetime, language: str) -> tuple[int, datetime]:
    """Queue the news for everyone whose consent is current, with one audit entry; returns how many
    and when it leaves (now, or 08:00 when written in the evening or at night)."""
    values = _news_values(text, settings, language)
    async with Citizen._meta.db.transaction():
        people = await _recipients(now)
        await queue_messages([outbox_row("news", person, values, now=now, language=language, zone=settings.timezone) for person in people])
        await record(actor, "news.sent", "news", None, now=now, summary=text, after={"recipients": len(people), "text": text})
    return len(people), next_sending_time(now, settings.timezone)


async def queue_renewal_requests(now: datetime, *, settings: Settings) -> int:
    """Ask each person whose consent lapses within RENEWAL_NOTICE whether they want to keep the news,
    once per consent (every process's housekeeping runs this); returns how many were queued."""
    language, zone = settings.default_language, settings.timezone
    lapsing = await Citizen.select(
        Citizen.id, Citizen.name, Citizen.email, Citizen.mobile, Citizen.notify_by, Citizen.notices_consented_at
    ).where(
        Citizen.notices_consented_at > now - CONSENT_LASTS, Citizen.notices_consented_at <= now - CONSENT_LASTS + RENEWAL_NOTICE
    ).order_by(Citizen.id)
    rows = []
    for person in lapsing:
        agreed_at = person["notices_consented_at"]
        values = {"center": settings.center.name, "agreed_on": format_day(agreed_at, language, zone),
                  "until": format_day(agreed_at + CONSENT_LASTS, language, zone), "link": settings.public_url + NEWS_PATH}
        row = outbox_row("news_consent", person, values, now=now, language=language, zone=zone)
        row.next_attempt_at = next_sending_time(now, zone)  # not advertising, but nobody is woken for it
        rows.append((f"news-consent:{person['id']}:{int(agreed_at.timestamp())}", row))
    return await queue_once(rows)
