"""What people send, read one way: numbers, ids, text, dates, times and months from forms, query
strings and URLs. A reader returns the value or None; it never raises on odd input (superscript or
full-width digits, 5,000-digit numbers, NUL, a month in year 9999), so no odd input becomes a 500.
`FormInvalid` carries every problem of a form at once, field -> msgid, for the GOV.UK-style page.

The browser's date, time and datetime-local inputs send ISO 8601 (2026-12-01, 10:00,
2026-12-01T10:00)."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Annotated, TypeAlias
from zoneinfo import ZoneInfo

from litestar.params import PathParameter, QueryParameter

MAX_ID = 2**31 - 1
"""The largest row id: PostgreSQL's serial is a 32-bit integer (SQLite's would overflow at 2**63)."""
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100
"""Dates and months outside these years are typing mistakes, and would overflow date arithmetic."""
MAX_PAGE = 99_999
"""The last page number a list answers; beyond it is the first page or a 400, never an overflow."""
ASCII_DIGITS = frozenset("0123456789")
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
"""What a Korean keyboard in full-width mode types for digits; read as the digits they are."""

RowId: TypeAlias = Annotated[int, PathParameter(ge=1, le=MAX_ID)]
"""An id in a URL (/programs/{program_id}); anything else answers 404 (see web/errors.py)."""
QueryId: TypeAlias = Annotated[int | None, QueryParameter(ge=1, le=MAX_ID)]
"""An optional id in a query string (?copy=12); out of range answers 400."""


class FormInvalid(Exception):
    """Field -> msgid of what is wrong with it, in the order the fields appear."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(errors)
        self.errors = errors


def read_int(raw: str | None, low: int, high: int) -> int | None:
    """A whole number from low to high, or None. ASCII digits and full-width ones count;
    superscripts, other scripts' digits, signs and separators do not."""
    text = (raw or "").translate(FULL_WIDTH_DIGITS).strip()
    if not text or len(text) > len(str(high)) or not set(text) <= ASCII_DIGITS:
        return None
    number = int(text)
    return number if low <= number <= high else None


def read_id(raw: str | None) -> int | None:
    """A row id sent in a form field or a query string, or None."""
    return read_int(raw, 1, MAX_ID)


def read_ids(raw: str | None, most: int = 100) -> list[int]:
    """Comma-separated row ids (12,15,40); what is not one is left out, and at most `most` are read."""
    ids = (read_id(part) for part in (raw or "").split(",")[:most])
    return [row_id for row_id in ids if row_id is not None]


def has_control_characters(text: str, multiline: bool = False) -> bool:
    """NUL and other control characters (line breaks and tabs allowed in multi-line text)."""
    allowed = "\n\r\t" if multiline else ""
    return any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in text)


def read_text(raw: str | None, max_length: int, multiline: bool = False) -> str | None:
    """Text as typed (NFC, trimmed), or None when it is longer than max_length or holds control
    characters. An empty field gives ""."""
    text = unicodedata.normalize("NFC", raw or "").strip()
    if len(text) > max_length or has_control_characters(text, multiline):
        return None
    return text


def read_choice(raw: str | None, choices: Mapping[str, object] | set[str]) -> str | None:
    """One of the keys offered, or None."""
    text = (raw or "").strip()
    return text if text in choices else None


def _in_range(year: int) -> bool:
    return EARLIEST_YEAR <= year <= LATEST_YEAR


def read_day(raw: str | None) -> date | None:
    """The date typed (2026-12-01), or None when it is not one or not in this century."""
    try:
        day = date.fromisoformat((raw or "").strip())
    except ValueError:
        return None
    return day if _in_range(day.year) else None


def read_month(raw: str | None) -> date | None:
    """The first day of the month typed (2026-12), or None when it is not one or not in this century."""
    year_typed, _, month_typed = (raw or "").strip().partition("-")
    year, month = read_int(year_typed, EARLIEST_YEAR, LATEST_YEAR), read_int(month_typed, 1, 12)
    return date(year, month, 1) if year and month else None


def read_clock(raw: str | None) -> time | None:
    """The time of day typed, to the minute, or None when it is not one."""
    try:
        return time.fromisoformat((raw or "").strip()).replace(second=0, microsecond=0, tzinfo=None)
    except ValueError:
        return None


def read_moment(raw: str | None, zone: str) -> datetime | None:
    """A date and time typed (2026-12-01T09:00), read in the center's zone; None when it is not one."""
    try:
        moment = datetime.fromisoformat((raw or "").strip())
    except ValueError:
        return None
    return moment.replace(tzinfo=ZoneInfo(zone), second=0, microsecond=0) if _in_range(moment.year) else None
