"""Password hashing (argon2id) off the event loop, with a bound on hashes running at once."""

from __future__ import annotations

import asyncio
import os
import threading

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from jobcenter.i18n import N_

MIN_LENGTH = 8
MAX_LENGTH = 128

_hasher = PasswordHasher()  # argon2id with the library's defaults, above OWASP's minimum
_hash_slots = threading.BoundedSemaphore(max(1, os.cpu_count() or 1))
_DUMMY_HASH = _hasher.hash("a password nobody has")

COMMON_PASSWORDS = frozenset(
    [
        "12345678", "123456789", "1234567890", "11111111", "00000000", "88888888", "12341234", "11223344",
        "987654321", "password", "password1", "password!", "passw0rd", "qwerty123", "qwer1234", "qwerasdf",
        "asdf1234", "1q2w3e4r", "1q2w3e4r5t", "1qaz2wsx", "zaq12wsx", "abcd1234", "abc12345", "iloveyou",
        "sunshine", "princess", "football", "baseball", "dragon123", "letmein1", "welcome1", "admin123",
        "test1234", "q1w2e3r4", "a1234567", "aa123456", "gimpo1234", "jobcenter", "사랑해요", "비밀번호", "비밀번호1234",
    ]
)


def password_problem(password: str, *, mobile: str | None = None) -> str | None:
    """Why a new password will not do (a msgid), or None."""
    if len(password) < MIN_LENGTH:
        return N_("Use at least 8 characters.")
    if len(password) > MAX_LENGTH:
        return N_("Use at most 128 characters.")
    if password.lower() in COMMON_PASSWORDS or len(set(password)) < 3:
        return N_("This password is too easy to guess. Choose another.")
    if mobile and mobile[3:] in password:
        return N_("Do not use your mobile number in your password.")
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
