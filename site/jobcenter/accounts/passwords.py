"""Password hashing (argon2id) off the event loop, with a bound on hashes running at once, and the
rules a new password meets (its strength is password_strength.py's estimate)."""

from __future__ import annotations

import asyncio
import os
import threading

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from jobcenter.accounts.password_strength import too_easy
from jobcenter.i18n import N_

MIN_LENGTH = 8
MAX_LENGTH = 128

_hasher = PasswordHasher()  # argon2id with the library's defaults, above OWASP's minimum
_hash_slots = threading.BoundedSemaphore(max(1, os.cpu_count() or 1))
_DUMMY_HASH = _hasher.hash("a password nobody has")

TOO_EASY = N_("This password is too easy to guess. Use three or four words you will remember, with spaces between them "
              "and a number, like 바다 연필 초록 1987 (not this one).")
EXAMPLE_PASSWORD = "바다 연필 초록 1987"
"""The example the message gives, which therefore will not do either."""


def password_problem(password: str, *, mobile: str | None = None) -> str | None:
    """Why a new password will not do (a msgid), or None."""
    if len(password) < MIN_LENGTH:
        return N_("Use at least 8 characters.")
    if len(password) > MAX_LENGTH:
        return N_("Use at most 128 characters.")
    if mobile and mobile[3:] in password:
        return N_("Do not use your mobile number in your password.")
    if " ".join(password.split()) == EXAMPLE_PASSWORD or too_easy(password):
        return TOO_EASY
    return None


def _hash(password: str) -> str:
    with _hash_slots:
        return _hasher.hash(password)


def _verify(stored: str, password: str) -> tuple[bool, bool]:
    with _hash_slots:
        try:
            _hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False, False
        return True, _hasher.check_needs_rehash(stored)


async def hash_password(password: str) -> str:
    return await asyncio.to_thread(_hash, password)


async def verify_password(stored: str | None, password: str) -> tuple[bool, bool]:
    """(matches, needs a new hash). An unknown account costs as much time as a known one."""
    return await asyncio.to_thread(_verify, stored or _DUMMY_HASH, password)
