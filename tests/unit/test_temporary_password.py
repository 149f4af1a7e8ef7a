"""Temporary passwords staff hand over: readable, unambiguous, and accepted by the password rules."""

from __future__ import annotations

import re

from jobcenter.accounts.passwords import password_problem
from jobcenter.accounts.temporary_password import temporary_password


def test_temporary_passwords_are_readable_groups_that_the_rules_accept() -> None:
    passwords = [temporary_password("01012345678") for _ in range(200)]

    for password in passwords:
        assert re.fullmatch(r"[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}", password), password
        assert not set(password) & set("01ilo"), password
        assert password_problem(password, mobile="01012345678") is None
    assert len(set(passwords)) == len(passwords)
