"""Korean telephone numbers as people type them, stored one way: mobile numbers (01012345678), the
login id and where texts go, and landlines (0319801234, 0212345678) for calls only."""

from __future__ import annotations

import re
import unicodedata

MOBILE = re.compile(r"01[016789]\d{7,8}")
LANDLINE = re.compile(r"02\d{7,8}|0(?:3[1-3]|4[1-4]|5[1-5]|6[1-4])\d{7,8}|070\d{8}")
"""Seoul (02), the provinces' area codes (031 to 064) and internet telephones (070)."""


def _digits(typed: str) -> str:
    """The digits typed, full-width ones too, with +82 written as the leading 0."""
    digits = "".join(ch for ch in unicodedata.normalize("NFKC", typed) if ch.isascii() and ch.isdigit())
    return "0" + digits[2:] if digits.startswith("82") and len(digits) in (10, 11, 12) else digits


def normalise_mobile(typed: str) -> str | None:
    """`010-1234-5678`, `010 1234 5678`, `+82 10-1234-5678`, full-width digits... -> `01012345678`;
    None when it is not a mobile number."""
    digits = _digits(typed)
    return digits if MOBILE.fullmatch(digits) else None


def normalise_landline(typed: str) -> str | None:
    """`031-980-1234`, `02 1234 5678`, `+82 31 980 1234` ... -> `0319801234`; None when it is not
    a landline (a mobile number is not one)."""
    digits = _digits(typed)
    return digits if LANDLINE.fullmatch(digits) else None


def format_landline(number: str) -> str:
    """0319801234 -> 031-980-1234; 0212345678 -> 02-1234-5678."""
    area = 2 if number.startswith("02") else 3
    return f"{number[:area]}-{number[area:-4]}-{number[-4:]}"


def mask_landline(number: str) -> str:
    """0319801234 -> 031-***-1234, as staff see it until they reveal it."""
    area = 2 if number.startswith("02") else 3
    return f"{number[:area]}-{'*' * len(number[area:-4])}-{number[-4:]}"


def format_mobile(mobile: str) -> str:
    """01012345678 -> 010-1234-5678."""
    return f"{mobile[:3]}-{mobile[3:-4]}-{mobile[-4:]}"


def mask_mobile(mobile: str) -> str:
    """01012345678 -> 010-****-5678: what staff see until they reveal the number (and the reveal is logged)."""
    return f"{mobile[:3]}-{'*' * len(mobile[3:-4])}-{mobile[-4:]}"


def format_phone(number: str) -> str:
    """A stored mobile number or landline as people write it: 010-1234-5678, 031-980-1234."""
    return format_mobile(number) if MOBILE.fullmatch(number) else format_landline(number)
