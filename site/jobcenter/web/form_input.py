"""What people send, read one way: numbers, ids, text, dates, times and months from forms, query
strings and URLs. A reader returns the value or None; it never raises on odd input (superscript or
full-width digits, 5,000-digit numbers, NUL, a month in year 9999), so no odd input becomes a 500.
`FormReader` reads a whole form with them: each field's value, and its first problem as a msgid;
its `check()` raises `FormInvalid` with every problem at once, for the GOV.UK-style page.

The browser's date, time and datetime-local inputs send ISO 8601 (2026-12-01, 10:00,
2026-12-01T10:00)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, time
from enum import Enum
from typing import Annotated, Any, TypeAlias, TypeVar
from zoneinfo import ZoneInfo

from litestar.params import PathParameter, QueryParameter

from jobcenter.i18n import N_, Filled

MAX_ID = 2**31 - 1
"""The largest row id: PostgreSQL's serial is a 32-bit integer (SQLite's would overflow at 2**63)."""
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100
"""Dates and months outside these years are typing mistakes, and would overflow date arithmetic."""
MAX_PAGE = 99_999
"""The last page number a list answers; beyond it is the first page or a 400, never an overflow."""
ASCII_DIGITS = frozenset("0123456789")
DAY = re.compile(r"(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*[.일]?|(\d{4})(\d{2})(\d{2})", re.ASCII)
"""A day as year, month and day separated by - . / (or 년 월 일, spaces allowed), or eight digits."""
DECIMAL = re.compile(r"[-+]?[0-9]{1,3}(\.[0-9]{1,17})?")
"""A decimal as a coordinate is written: a few digits, a point, the decimals (map apps copy up to 17)."""
DECIMAL_PLACES = 7
"""Decimals kept of a coordinate: about a centimetre."""
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
"""What a Korean keyboard in full-width mode types for digits; read as the digits they are."""

TEXT_LIMIT = 5000
"""The longest text a field without a length of its own (a Text column) takes."""
CONTROL_CHARACTERS = N_("This holds characters that cannot be typed, such as NUL. Type it again.")
TOO_LONG = N_("Use %(limit)s characters or fewer.")

RowId: TypeAlias = Annotated[int, PathParameter(ge=1, le=MAX_ID)]
"""An id in a URL (/programs/{program_id}); anything else answers 404 (see web/errors.py)."""
QueryId: TypeAlias = Annotated[int | None, QueryParameter(ge=1, le=MAX_ID)]
"""An optional id in a query string (?copy=12); out of range answers 400."""


class FormInvalid(Exception):
    """Field -> msgid of what is wrong with it, in the order the fields appear."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(errors)
        self.errors = errors


def max_length(column: Any) -> int:
    """The longest text a column holds: a Varchar's length, TEXT_LIMIT for Text (or an int given)."""
    if isinstance(column, int):
        return column
    return getattr(column, "length", None) or TEXT_LIMIT


def read_int(raw: str | None, low: int, high: int) -> int | None:
    """A whole number from low to high, or None. ASCII digits and full-width ones count;
    superscripts, other scripts' digits, signs and separators do not."""
    text = (raw or "").translate(FULL_WIDTH_DIGITS).strip()
    if not text or len(text) > len(str(high)) or not set(text) <= ASCII_DIGITS:
        return None
    number = int(text)
    return number if low <= number <= high else None


def read_decimal(raw: str | None, low: float, high: float) -> float | None:
    """A number with an optional sign and decimals (37.6153, -122.4), from low to high, or None."""
    text = unicodedata.normalize("NFKC", raw or "").strip()
    if DECIMAL.fullmatch(text) is None:
        return None
    number = round(float(text), DECIMAL_PLACES)
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
    """The date typed: 2026-12-01 (what a date field sends), 2026.12.1, 2026/12/01, 2026년 12월 1일 or
    20261201 (as people and spreadsheets write it); None when it is not one or not in this century."""
    match = DAY.fullmatch(unicodedata.normalize("NFKC", raw or "").strip())
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups() if part is not None)
    try:
        typed = date(year, month, day)
    except ValueError:
        return None
    return typed if _in_range(typed.year) else None


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


Value = TypeVar("Value")


class FormReader:
    """One form, read field by field. Each reader returns the value (None, or "" for text, when the
    field is missing or wrong) and notes the field's first problem; `check()` raises FormInvalid
    with every problem at once, in the order of `order` (the fields on the page) when given.

        form = FormReader(data)
        title = form.text("title", Program.title, missing=N_("Enter the program's title."))
        fee = form.number("fee_won", 0, 100_000_000, N_("Enter the fee in won..."), optional=True)
        if ...a rule across fields...: form.fail("max_age", N_("..."))
        form.check()
    """

    def __init__(self, data: Mapping[str, str], order: Sequence[str] = ()) -> None:
        self.data = data
        self.order = order
        self.errors: dict[str, str] = {}

    def raw(self, field: str) -> str:
        """What was sent for the field, as sent ("" when nothing was)."""
        value = self.data.get(field)
        return value if isinstance(value, str) else ""

    def fail(self, field: str, message: str) -> None:
        """Note a problem with the field; the first one noted is the one shown."""
        self.errors.setdefault(field, message)

    def ok(self, *fields: str) -> bool:
        """Whether none of these fields has a problem (so a rule across them can be checked)."""
        return not any(field in self.errors for field in fields)

    def check(self) -> None:
        """FormInvalid with every problem noted, when there is one."""
        if self.errors:
            first = [field for field in self.order if field in self.errors]
            raise FormInvalid({field: self.errors[field] for field in [*first, *self.errors] if field in self.errors})

    def text(self, field: str, column: Any, *, missing: str | None = None, too_long: str | None = None, multiline: bool = False) -> str:
        """Text as typed (NFC; on one line, runs of spaces made one), at most as long as the column
        holds. `missing` makes it required. Control characters (NUL...) are a problem, never stored."""
        raw = unicodedata.normalize("NFC", self.raw(field).replace("\r\n", "\n"))
        text = raw.strip() if multiline else " ".join(raw.split())
        limit = max_length(column)
        if has_control_characters(text, multiline):
            self.fail(field, CONTROL_CHARACTERS)
            return ""
        if not text and missing:
            self.fail(field, missing)
        elif len(text) > limit:
            self.fail(field, too_long or Filled(TOO_LONG, limit=f"{limit:,}"))
        return text

    def _read(self, field: str, reader: Callable[[str], Value | None], message: str, optional: bool) -> Value | None:
        raw = self.raw(field).strip()
        if optional and not raw:
            return None
        value = reader(raw)
        if value is None:
            self.fail(field, message)
        return value

    def number(self, field: str, low: int, high: int, message: str, *, optional: bool = False) -> int | None:
        """A whole number from low to high (commas between thousands allowed); `optional` allows empty."""
        return self._read(field, lambda raw: read_int(raw.replace(",", ""), low, high), message, optional)

    def choice(self, field: str, choices: Iterable[str] | type[Enum], message: str) -> str | None:
        """One of the values offered (an Enum's values, or strings)."""
        offered = {item.value for item in choices} if isinstance(choices, type) else set(choices)
        return self._read(field, lambda raw: read_choice(raw, offered), message, False)

    def day(self, field: str, message: str, *, optional: bool = False) -> date | None:
        return self._read(field, read_day, message, optional)

    def month(self, field: str, message: str, *, optional: bool = False) -> date | None:
        return self._read(field, read_month, message, optional)

    def clock(self, field: str, message: str, *, optional: bool = False) -> time | None:
        return self._read(field, read_clock, message, optional)

    def moment(self, field: str, zone: str, message: str, *, optional: bool = False) -> datetime | None:
        return self._read(field, lambda raw: read_moment(raw, zone), message, optional)

    def ticked(self, field: str) -> bool:
        """A checkbox (value "1"): whether it was ticked."""
        return self.raw(field) == "1"
