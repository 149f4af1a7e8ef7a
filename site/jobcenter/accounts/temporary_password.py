"""Temporary passwords that staff hand over in person: easy to read out, copy onto paper and type on
a phone keyboard, and as hard to guess as a long random password."""

from __future__ import annotations

import secrets

from jobcenter.accounts.passwords import password_problem

READABLE = "abcdefghjkmnpqrstuvwxyz23456789"
"""Lower-case letters and digits without the look-alikes 0/o and 1/l/i."""
GROUPS = 3
GROUP_LENGTH = 4


def temporary_password(mobile: str | None = None) -> str:
    """Like `k7mp-x3td-9wha`: 12 random characters (about 59 bits) in groups of four, always one
    that password_problem accepts for this person."""
    while True:
        password = "-".join("".join(secrets.choice(READABLE) for _ in range(GROUP_LENGTH)) for _ in range(GROUPS))
        if password_problem(password, mobile=mobile) is None:
            return password
