"""The messages people get, written in the site's language when they are queued; a person's
messages listed (for 내 정보) and deleted with their account.

Every message about seats and dates goes by text message (문자) to the mobile number each citizen
gives: the one channel that reaches seniors, walk-ins and kiosk applicants. Its text is short, to
fit one SMS (90 bytes, about 45 Hangul characters) where it can; a longer one goes as an LMS (see
sms.py). Where a page says more (a waitlist place that moves, a date that changed), the text ends
with a link to the application's status page on the site's own address. A password reset link goes
by email, to the address the account gave for it. The center's news is advertising and has rules
of its own (advertising.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from jobcenter.i18n import N_, format_clock, format_day, gettext
from jobcenter.notifications.advertising import ADVERTISING_KINDS, next_sending_time
from jobcenter.notifications.sms import byte_length, message_type
from jobcenter.notifications.tables import Channel, MessageStatus, OutboxMessage
from jobcenter.settings import public_url

TEXTS: dict[str, tuple[str, str]] = {
    "confirmed": (
        N_("Application confirmed: %(title)s"),
        N_(
            "%(name)s, your place in %(title)s (%(label)s) is confirmed. Confirmation number: %(code)s. "
            "It starts on %(day)s at %(time)s, at %(place)s."
        ),
    ),
    "waitlisted": (
        N_("On the waitlist: %(title)s"),
        N_(
            "%(name)s, you are number %(position)s on the waitlist for %(title)s (%(label)s). "
            "We will tell you as soon as a seat is free. Confirmation number: %(code)s. Your place today: %(link)s"
        ),
    ),
    "applied": (
        N_("Entered in the lottery: %(title)s"),
        N_(
            "%(name)s, you are entered in the lottery for %(title)s (%(label)s). The seats are drawn after "
            "applications close; the time you applied plays no part. We will text you the result. "
            "Confirmation number: %(code)s. %(link)s"
        ),
    ),
    "drawn_confirmed": (
        N_("Lottery result: a seat in %(title)s"),
        N_(
            "%(name)s, you were drawn for a seat in %(title)s (%(label)s). Confirmation number: %(code)s. "
            "It starts on %(day)s at %(time)s, at %(place)s."
        ),
    ),
    "drawn_waitlisted": (
        N_("Lottery result: waitlist for %(title)s"),
        N_(
            "%(name)s, the lottery for %(title)s (%(label)s) put you at number %(position)s on the waitlist. "
            "We will tell you as soon as a seat is free. Confirmation number: %(code)s. %(link)s"
        ),
    ),
    "promoted": (
        N_("A seat is yours: %(title)s"),
        N_(
            "%(name)s, a seat became free and your place in %(title)s (%(label)s) is now confirmed. "
            "Confirmation number: %(code)s. It starts on %(day)s at %(time)s, at %(place)s."
        ),
    ),
    "cancelled": (
        N_("Application cancelled: %(title)s"),
        N_("%(name)s, your application for %(title)s (%(label)s) is cancelled. Confirmation number: %(code)s."),
    ),
    "event_cancelled": (
        N_("Cancelled: %(title)s"),
        N_(
            "%(name)s, %(title)s on %(day)s at %(time)s is cancelled. Reason: %(reason)s. "
            "Your confirmation number was %(code)s. We are sorry for the inconvenience. Details: %(link)s"
        ),
    ),
    "event_moved": (
        N_("New date: %(title)s"),
        N_(
            "%(name)s, %(title)s planned for %(day)s at %(time)s moves to %(new_moment)s, at %(place)s. "
            "Reason: %(reason)s. Your registration stays valid. Confirmation number: %(code)s. Details: %(link)s"
        ),
    ),
    "session_cancelled": (
        N_("A session is cancelled: %(title)s"),
        N_(
            "%(name)s, the session of %(title)s on %(day)s at %(time)s is cancelled. Reason: %(reason)s. "
            "The other sessions go on as planned and your place stays. Confirmation number: %(code)s. Details: %(link)s"
        ),
    ),
    "cohort_changed": (
        N_("New times: %(title)s"),
        N_(
            "%(name)s, the coming sessions of %(title)s change: from %(day)s they start at %(time)s, at %(place)s. "
            "Your place stays. Confirmation number: %(code)s. Every session: %(link)s"
        ),
    ),
    "event_changed": (
        N_("Changed: %(title)s"),
        N_(
            "%(name)s, %(title)s on %(day)s now starts at %(time)s, at %(place)s. "
            "Your registration stays valid. Confirmation number: %(code)s. Details: %(link)s"
        ),
    ),
    "reminder": (
        N_("Tomorrow: %(title)s"),
        N_("%(name)s, %(title)s (%(label)s) is tomorrow, %(day)s at %(time)s, at %(place)s. Confirmation number: %(code)s."),
    ),
    "counselling_booked": (
        N_("Counselling booked: %(day)s %(time)s"),
        N_("%(name)s, your counselling with %(counsellor)s is booked for %(day)s at %(time)s, at %(place)s. "
           "To move or cancel it: %(page)s"),
    ),
    "counselling_moved": (
        N_("Counselling moved: %(day)s %(time)s"),
        N_("%(name)s, your counselling is now on %(day)s at %(time)s, at %(place)s, with %(counsellor)s. %(page)s"),
    ),
    "counselling_cancelled": (
        N_("Counselling cancelled: %(day)s %(time)s"),
        N_("%(name)s, your counselling on %(day)s at %(time)s, at %(place)s, is cancelled. To book another time: %(page)s"),
    ),
    "counselling_reminder": (
        N_("Counselling tomorrow: %(time)s"),
        N_("%(name)s, your counselling with %(counsellor)s is tomorrow, %(day)s at %(time)s, at %(place)s. %(page)s"),
    ),
    "opening_soon": (
        N_("Applications open tomorrow: %(title)s"),
        N_("%(name)s, applications for %(title)s (%(label)s) open tomorrow, %(opens)s. You asked us to tell you. Apply here: %(page)s"),
    ),
    "opening_now": (
        N_("Applications are open: %(title)s"),
        N_("%(name)s, applications for %(title)s (%(label)s) are open now. You asked us to tell you. Apply here: %(page)s"),
    ),
    "notice": (
        N_("Notice: %(title)s"),
        N_("%(name)s, a notice about %(title)s (%(label)s), which you applied for: %(text)s"),
    ),
    "news": (
        N_("(Ad) News from %(center)s"),
        N_("(Ad) %(center)s\n%(text)s\nEnquiries: %(phone)s\n%(opt_out)s"),
    ),
    "news_consent": (
        N_("Do you still want our news?"),
        N_(
            "%(name)s, on %(agreed_on)s you agreed to receive news of new programs and events from %(center)s. "
            "To keep receiving it after %(until)s, renew your consent in My details: %(link)s. "
            "If you do nothing, the news stops then."
        ),
    ),
    "code": (
        N_("Your code"),
        N_("[%(center)s] Your code is %(code)s. Enter it within 5 minutes."),
    ),
    "password_reset": (
        N_("Reset your password"),
        N_("%(name)s, open this link within an hour to choose a new password: %(link)s"),
    ),
}


SHORT_TEXTS: dict[str, str] = {
    "confirmed": N_("[Confirmed] %(title)s %(label)s, %(day)s %(time)s. No. %(code)s"),
    "waitlisted": N_("[Waitlist no. %(position)s] %(title)s %(label)s %(link)s"),
    "applied": N_("[Lottery entry] %(title)s %(label)s. Result by text after closing. No. %(code)s"),
    "drawn_confirmed": N_("[Drawn: a seat] %(title)s %(label)s, %(day)s %(time)s. No. %(code)s"),
    "drawn_waitlisted": N_("[Lottery: waitlist no. %(position)s] %(title)s %(label)s %(link)s"),
    "promoted": N_("[A seat is yours] %(title)s %(label)s, %(day)s %(time)s. No. %(code)s"),
    "cancelled": N_("[Cancelled] %(title)s %(label)s. No. %(code)s"),
    "event_cancelled": N_("[Cancelled by the center] %(title)s %(day)s %(time)s. Reason: %(reason)s %(link)s"),
    "event_moved": N_("[Moved] %(title)s %(day)s %(time)s → %(new_moment)s, %(place)s. Reason: %(reason)s %(link)s"),
    "event_changed": N_("[Changed] %(title)s %(day)s: now %(time)s, %(place)s %(link)s"),
    "session_cancelled": N_("[Session cancelled] %(title)s %(day)s %(time)s. Reason: %(reason)s. Other sessions as planned %(link)s"),
    "cohort_changed": N_("[New times] %(title)s from %(day)s: %(time)s, %(place)s %(link)s"),
    "reminder": N_("[Tomorrow] %(day)s %(time)s %(title)s %(label)s, %(place)s. No. %(code)s"),
    "counselling_booked": N_("[Counselling booked] %(day)s %(time)s %(place)s, counsellor %(counsellor)s %(page)s"),
    "counselling_moved": N_("[Counselling moved] %(day)s %(time)s %(place)s %(page)s"),
    "counselling_cancelled": N_("[Counselling cancelled] %(day)s %(time)s %(place)s"),
    "counselling_reminder": N_("[Counselling tomorrow] %(time)s %(place)s, counsellor %(counsellor)s %(page)s"),
    "opening_soon": N_("[Opens tomorrow] %(title)s %(label)s, from %(opens)s %(page)s"),
    "opening_now": N_("[Open now] %(title)s %(label)s %(page)s"),
    "notice": N_("[%(title)s %(label)s] %(text)s"),
    "news": N_("(Ad) %(center)s\n%(text)s\nEnquiries: %(phone)s\n%(opt_out)s"),
    "code": N_("[%(center)s] Your code is %(code)s. Enter it within 5 minutes."),
    "news_consent": N_("[%(center)s] You agreed to our news on %(agreed_on)s. To keep it after %(until)s, renew: %(link)s"),
}
"""The text message of each kind: what happened, to what, when, and the confirmation number.
The center's number is the sender, so a text need not name the center (news must: the law asks
an advertisement to begin with (광고) and its sender's name; "(Ad)" is written "(광고)" in Korean)."""


@dataclass(frozen=True)
class Preview:
    """A text staff wrote, as it arrives by text message, and to how many people it goes."""

    text: str
    bytes: int
    kind: str
    recipients: int

    @classmethod
    def of(cls, text: str, recipients: int) -> Preview:
        return cls(text, byte_length(text), message_type(text), recipients)


def status_link(code: str) -> str:
    """The application's status page (asks the number's last four digits before it shows anything)."""
    return f"{public_url()}/status/{code}"


def fill(kind: str, values: dict[str, Any], *, sms: bool, language: str) -> str:
    """The text of a message of `kind` (the SMS when `sms`, the email body otherwise), filled in."""
    return gettext(language, SHORT_TEXTS[kind] if sms else TEXTS[kind][1]) % values


def outbox_row(
    kind: str, citizen: dict[str, Any], values: dict[str, Any], *, now: datetime, language: str, zone: str
) -> OutboxMessage:
    """One message, written in the person's language, ready to be queued: a text message when the
    kind has one, unless the person chose email and gave an address (`notify_by`); an email otherwise."""
    subject = TEXTS[kind][0]
    filled = {"name": citizen["name"], **values}
    if "code" in values:
        filled.setdefault("link", status_link(values["code"]))
    if "starts_on" in values:
        filled["day"] = format_day(values["starts_on"], language, zone, with_year=False)
        filled["time"] = format_clock(values["start_time"], language, zone)
    by_email = kind not in SHORT_TEXTS or (citizen.get("notify_by") == Channel.email.value and citizen.get("email"))
    channel = Channel.email if by_email else Channel.sms
    return OutboxMessage(
        kind=kind,
        citizen=citizen["id"],
        email=citizen.get("email"),
        mobile=citizen.get("mobile"),
        channel=channel.value,
        subject=(gettext(language, subject) % filled)[:200],  # the column's length; titles can be long
        body=fill(kind, filled, sms=channel is Channel.sms, language=language),
        created_at=now,
        next_attempt_at=next_sending_time(now, zone) if kind in ADVERTISING_KINDS else now,
    )


async def queue_message(
    kind: str, citizen: dict[str, Any], values: dict[str, Any], *, now: datetime, language: str, zone: str
) -> None:
    """Write one message to the outbox, inside the caller's transaction."""
    await outbox_row(kind, citizen, values, now=now, language=language, zone=zone).save()


async def queue_messages(rows: list[OutboxMessage]) -> None:
    """Write several messages to the outbox in one statement, inside the caller's transaction."""
    if rows:
        await OutboxMessage.insert(*rows)


async def queue_code(mobile: str, code: str, *, center: str, now: datetime, language: str) -> None:
    """A code (인증번호) to a number, which may have no account yet, inside the caller's transaction.
    Its body is cleared once sent (worker.py): the database keeps no code after it has left."""
    await OutboxMessage.insert(OutboxMessage(
        kind="code", citizen=None, mobile=mobile, channel=Channel.sms.value, subject=gettext(language, TEXTS["code"][0]),
        body=fill("code", {"center": center, "code": code}, sms=True, language=language), created_at=now, next_attempt_at=now,
    ))


async def queue_once(rows: list[tuple[str, OutboxMessage]]) -> int:
    """Write each message unless one with its key (see OutboxMessage.once_key) is there already, as
    one statement: two processes queueing the same messages at once write each of them once.
    Returns how many were written."""
    if not rows:
        return 0
    for key, row in rows:
        row.once_key = key
    written = await OutboxMessage.insert(*(row for _, row in rows)).on_conflict(
        target=OutboxMessage.once_key, action="DO NOTHING"
    ).returning(OutboxMessage.id)
    return len(written)


async def messages_of(citizen_id: int) -> list[dict[str, Any]]:
    """What was sent (or is still to be sent) to one person, oldest first."""
    return await OutboxMessage.select(
        OutboxMessage.kind, OutboxMessage.subject, OutboxMessage.status, OutboxMessage.created_at, OutboxMessage.sent_at
    ).where(OutboxMessage.citizen == citizen_id).order_by(OutboxMessage.id)


async def delete_unsent_news(citizen_id: int) -> None:
    """When the person withdraws their consent to the news, inside the caller's transaction."""
    await OutboxMessage.delete().where(
        OutboxMessage.citizen == citizen_id, OutboxMessage.kind.is_in(list(ADVERTISING_KINDS)),
        OutboxMessage.status == MessageStatus.pending.value,
    )


async def delete_messages_of(citizen_id: int) -> None:
    """With the person's account, inside the caller's transaction."""
    await OutboxMessage.delete().where(OutboxMessage.citizen == citizen_id)
