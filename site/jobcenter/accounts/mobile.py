"""Korean mobile numbers as people type them, stored one way: 01012345678."""

from __future__ import annotations

import re
import unicodedata

MOBILE = re.compile(r"01[016789]\d{7,8}")


def normalise_mobile(typed: str) -> str | None:
    """`010-1234-5678`, `010 1234 5678`, `+82 10-1234-5678`, full-width digits... -> `01012345678`;
    None when it is not a mobile number."""
    digits = "".join(ch for ch in unicodedata.normalize("NFKC", typed) if ch.isdigit())
    if digits.startswith("82") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    return digits if MOBILE.fullmatch(digits) else None


def format_mobile(mobile: str) -> str:
    """01012345678 -> 010-1234-5678."""
    return f"{mobile[:3]}-{mobile[3:-4]}-{mobile[-4:]}"


def mask_mobile(mobile: str) -> str:
    """01012345678 -> 010-****-5678: what staff see until they reveal the number (and the reveal is logged)."""
    return f"{mobile[:3]}-{'*' * len(mobile[3:-4])}-{mobile[-4:]}"
