"""The account fields every form shares (sign-up, one's own details, staff corrections, walk-ins),
read with FormReader: the same messages on the same fields wherever they appear."""

from __future__ import annotations

from datetime import datetime

import pytest

from jobcenter.accounts.service import NOT_A_MOBILE, read_birth_year, read_email, read_mobile, read_name
from jobcenter.web.form_input import CONTROL_CHARACTERS, FormReader

NOW = datetime(2026, 12, 1, 12)


def test_a_name_is_made_one_line_and_measured_against_the_column() -> None:
    form = FormReader({"name": "  홍   길동 ", "too_long": "가" * 51, "fifty": "가" * 50})
    assert read_name(form) == "홍 길동"
    assert read_name(form, "fifty") == "가" * 50
    read_name(form, "too_long")
    assert form.errors == {"too_long": "Enter your name in 50 characters or fewer."}


@pytest.mark.parametrize(("typed", "message"), [
    ("", "Enter your name."),
    ("홍\x00길동", CONTROL_CHARACTERS),
    ("홍\u200b길동", "Enter your name in 50 characters or fewer."),
])
def test_a_name_missing_or_with_characters_nobody_types_is_refused(typed: str, message: str) -> None:
    form = FormReader({"name": typed})
    read_name(form)
    assert form.errors == {"name": message}


@pytest.mark.parametrize(("typed", "expected", "message"), [
    ("1965", 1965, None),
    ("１９６５", 1965, None),
    ("65", 65, "Enter a real year of birth, like 1965."),
    ("¹⁹⁶⁵", None, "Enter your year of birth as four digits, like 1965."),
    ("19\x0065", None, "Enter your year of birth as four digits, like 1965."),
    ("2013", 2013, "Children under 14 need a parent's consent, which we take at the center. Please visit with a parent."),
])
def test_a_year_of_birth_is_four_digits_of_someone_14_or_older(typed: str, expected: int | None, message: str | None) -> None:
    form = FormReader({"birth_year": typed})
    assert read_birth_year(form, NOW) == expected
    assert form.errors.get("birth_year") == message


@pytest.mark.parametrize(("typed", "expected", "ok"), [
    ("", None, True), (" hong@example.com ", "hong@example.com", True), ("hong", None, False), ("@example.com", None, False),
    ("hong @example.com", None, False), ("a@" + "b" * 253, None, False),
])
def test_an_email_is_optional_and_looks_like_one(typed: str, expected: str | None, ok: bool) -> None:
    form = FormReader({"email": typed})
    email = read_email(form)
    assert form.ok("email") is ok
    if ok:
        assert email == expected


def test_a_mobile_number_is_read_however_typed_and_required_only_when_asked() -> None:
    form = FormReader({"mobile": "+82 10-2345-6789", "bad": "02-123-4567", "empty": " "})
    assert read_mobile(form) == "01023456789"
    assert read_mobile(form, "bad") is None
    assert read_mobile(form, "empty") is None
    assert read_mobile(form, "empty", missing="Enter the mobile number.") is None
    assert form.errors == {"bad": NOT_A_MOBILE, "empty": "Enter the mobile number."}
