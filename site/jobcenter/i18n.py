"""Translations and locale-aware formatting. Korean is the default; msgids are English.

Catalogs are read from the .po files and compiled in memory at start-up, so there is no
generated .mo file to forget or to go stale.
"""

from __future__ import annotations

import gettext as gettext_module
from datetime import date, datetime, time
from functools import cache, lru_cache
from io import BytesIO
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.dates import format_skeleton, get_day_names
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"

LANGUAGES: dict[str, str] = {"ko": "한국어", "en": "English"}
"""Languages offered, each named in itself."""


def N_(message: str) -> str:  # the name Babel extracts by default
    """Mark a msgid for extraction; it is translated where it is shown."""
    return message


@cache
def translations(language: str) -> gettext_module.NullTranslations:
    """The compiled catalog of one language; English is the msgids themselves."""
    po_file = TRANSLATIONS_DIR / language / "LC_MESSAGES" / "messages.po"
    if not po_file.exists():
        return gettext_module.NullTranslations()
    with po_file.open("rb") as source:
        catalog = read_po(source, locale=language)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext_module.GNUTranslations(compiled)


class Filled(str):
    """A msgid with the values that fill it in, for messages made before the language is known
    (a service's form errors): it is translated first, then filled."""

    values: dict[str, object]

    def __new__(cls, msgid: str, **values: object) -> Filled:
        message = super().__new__(cls, msgid)
        message.values = values
        return message


def gettext(language: str, message: str, zone: str | None = None) -> str:
    """The message in the language; a Filled one filled in, its moments (a window's opening time)
    written as people read them in `zone` when it is given."""
    translated = translations(language).gettext(message)
    if not isinstance(message, Filled):
        return translated
    values = {
        name: format_moment(value, language, zone) if zone and isinstance(value, datetime) else value
        for name, value in message.values.items()
    }
    return translated % values


def ngettext(language: str, singular: str, plural: str, count: int) -> str:
    return translations(language).ngettext(singular, plural, count)


@lru_cache(maxsize=4096)  # pages show the same few days again and again; Babel takes ~50 µs a call
def format_day(value: date | datetime, language: str, zone: str, with_year: bool = True) -> str:
    """A day as people read it: 2026년 11월 26일 (목) / Thu, Nov 26, 2026."""
    if isinstance(value, datetime):
        value = value.astimezone(ZoneInfo(zone))
    return format_skeleton("yMMMEd" if with_year else "MMMEd", value, locale=language)


@lru_cache(maxsize=4096)
def format_clock(value: time | datetime, language: str, zone: str) -> str:
    """A time of day on the 24-hour clock in the center's zone: 09:30."""
    if isinstance(value, datetime):
        value = value.astimezone(ZoneInfo(zone))
    return format_skeleton("Hm", value, locale=language)


def format_moment(value: datetime, language: str, zone: str) -> str:
    """A day and a time: 2026년 11월 26일 (목) 09:30."""
    return f"{format_day(value, language, zone)} {format_clock(value, language, zone)}"


def format_number(value: int, language: str) -> str:
    return format_decimal(value, locale=language)


def format_month(value: date, language: str) -> str:
    """A month as a calendar's title: 2026년 12월 / December 2026."""
    return format_skeleton("yMMMM", value, locale=language)


def weekday_names(language: str) -> list[str]:
    """Short weekday names from Sunday to Saturday, as Korean wall calendars run."""
    names = get_day_names("abbreviated", locale=language)
    return [names[6]] + [names[index] for index in range(6)]
