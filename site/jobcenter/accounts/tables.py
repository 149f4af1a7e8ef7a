"""Citizens' accounts, their server-side sessions, login failures and password resets."""

from __future__ import annotations

from piccolo.columns import ForeignKey, Integer, OnDelete, Serial, Text, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table


class Citizen(Table):
    """A person who signs up for programs. The mobile number is the login id; no resident number, ever."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    name = Varchar(length=50)
    mobile = Varchar(length=11, unique=True)
    password_hash = Varchar(length=255)
    birth_year = Integer()
    email = Varchar(length=254, null=True, default=None)
    landline = Varchar(length=11, null=True, default=None)
    """A landline (집 전화) for calls only, kept for someone who gave one at the desk or by phone:
    texts and codes go to the mobile number, the login id. Staff see it masked until revealed."""
    notify_by = Varchar(length=5, default="sms")
    """How the person hears about their applications: `sms` (text message, the default: everyone
    has a mobile number) or `email` (only with an email address). See notifications.messages."""
    consent_version = Varchar(length=20)
    consented_at = Timestamptz()
    notices_consented_at = Timestamptz(null=True, default=None)
    consent_taken_by = Varchar(length=50, null=True, default=None)
    """For a record staff created for a phone or walk-in applicant: who took the verbal consent."""
    last_active_at = Timestamptz(default=TimestamptzNow(), index=True)
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


class WebSession(Table):
    """A signed-in browser. Only a hash of the cookie's token is kept, so a leaked table opens nothing."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    token_hash = Varchar(length=64, unique=True)
    citizen = ForeignKey(references=Citizen, on_delete=OnDelete.cascade, index=True, null=False)
    created_at = Timestamptz(default=TimestamptzNow())
    last_seen_at = Timestamptz(default=TimestamptzNow())


class PasswordReset(Table):
    """A one-time password reset link sent by email; only its hash is kept."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    token_hash = Varchar(length=64, unique=True)
    citizen = ForeignKey(references=Citizen, on_delete=OnDelete.cascade, null=False)
    expires_at = Timestamptz()
    used_at = Timestamptz(null=True, default=None)


class PhoneCode(Table):
    """A six-digit code texted to a number, to prove the person holds the phone (phone_codes.py).
    The code and the ticket that names it in the person's browser are kept only as HMACs."""

    id: Serial

    ticket_hash = Varchar(length=64, unique=True)
    mobile = Varchar(length=11, index=True)
    purpose = Varchar(length=10)
    code_hash = Varchar(length=64)
    payload = Text(default="")
    """What the code, once entered, completes (a sign-up's details, its password already hashed), as JSON."""
    attempts = Integer(default=0)
    sent_at = Timestamptz()
    expires_at = Timestamptz(index=True)
    used_at = Timestamptz(null=True, default=None)
