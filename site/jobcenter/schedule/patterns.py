"""Recurrence patterns in plain words (every Tuesday, every other Monday, the 2nd and 4th Tuesday,
day 15 of every month, the 3rd Thursday of April and October) to RRULEs and back, and any rule
described in words. Staff choose a pattern; the series stores the RRULE (RFC 5545)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from itertools import product
from typing import Any

from babel.dates import get_day_names, get_month_names
from babel.lists import format_list
from dateutil.rrule import rrule, rrulestr

from jobcenter.i18n import N_, gettext
from jobcenter.schedule.tables import RULE_LENGTH
from jobcenter.web.form_input import TEXT_LIMIT, FormInvalid, FormReader, read_int

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
"""RRULE weekday codes in babel's order (0 = Monday)."""
ORDINALS = {1: N_("1st"), 2: N_("2nd"), 3: N_("3rd"), 4: N_("4th"), -1: N_("last")}
"""Which week of the month; form field `ordinal_<key>` (`ordinal_last` for -1)."""
CUSTOM_PARTS = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYMONTH", "BYMONTHDAY", "BYDAY", "BYSETPOS", "BYWEEKNO", "BYYEARDAY", "WKST"}
"""What a custom rule may say: days only; the times come from the series' start and end time."""
FREQUENCIES = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
MAX_RULE_LENGTH = RULE_LENGTH
FEASIBILITY_PROBE_START = datetime(9990, 1, 1)


class PatternKind(str, Enum):
    weekly = "weekly"
    every_other_week = "every_other_week"
    monthly_weekday = "monthly_weekday"
    monthly_day = "monthly_day"
    yearly_weekday = "yearly_weekday"
    custom = "custom"


KIND_LABELS = {
    PatternKind.weekly.value: N_("Every week on the chosen weekdays"),
    PatternKind.every_other_week.value: N_("Every other week on the chosen weekdays"),
    PatternKind.monthly_weekday.value: N_("Every month on the chosen weeks and weekdays (e.g. the 2nd and 4th Tuesday)"),
    PatternKind.monthly_day.value: N_("Every month on chosen days of the month (e.g. the 1st and the 15th)"),
    PatternKind.yearly_weekday.value: N_("In chosen months, on the chosen weeks and weekdays (e.g. twice a year)"),
    PatternKind.custom.value: N_("Custom rule (RRULE)"),
}

WORDS = {
    PatternKind.weekly: N_("Every %(weekdays)s"),
    PatternKind.every_other_week: N_("Every other %(weekdays)s"),
    PatternKind.monthly_weekday: N_("The %(ordinals)s %(weekdays)s of every month"),
    PatternKind.monthly_day: N_("Day %(day)s of every month"),
    PatternKind.yearly_weekday: N_("The %(ordinals)s %(weekdays)s of %(months)s, every year"),
    PatternKind.custom: N_("Custom rule: %(rule)s"),
}
SKIPPING_HOLIDAYS = N_("%(pattern)s, except public holidays")


PATTERN_FIELDS = ["pattern", "weekdays", "ordinals", "months", "month_day", "rrule"]
"""The pattern's fields in the order of the page; `weekdays`, `ordinals` and `months` name the
group of checkboxes (weekday_TU, ordinal_2, month_4...) an error is shown on."""
RULE_MISSING = N_("Enter a rule, for example FREQ=YEARLY;BYMONTH=4,10;BYDAY=3TH.")
RULE_TOO_LONG = N_("The rule must be 300 characters or fewer.")


class PatternInvalid(ValueError):
    """Field -> msgid of what is wrong with the pattern (the form's GOV.UK errors), for a pattern
    read on its own (read_pattern, checked_custom_rule); the series form reads it into its own
    FormReader (pattern_from)."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(errors)
        self.errors = errors


@dataclass(frozen=True)
class Pattern:
    """A recurrence as staff choose it; `rule` is the text of a custom RRULE."""

    kind: PatternKind
    weekdays: tuple[str, ...] = ()
    ordinals: tuple[int, ...] = ()
    months: tuple[int, ...] = ()
    month_days: tuple[int, ...] = ()
    rule: str = field(default="")


def to_rrule(pattern: Pattern) -> str:
    """The RRULE of a pattern (without the RRULE: prefix), parts in a fixed order."""
    days = ",".join(pattern.weekdays)
    by_position = ",".join(f"{ordinal}{weekday}" for ordinal, weekday in product(pattern.ordinals, pattern.weekdays))
    match pattern.kind:
        case PatternKind.weekly:
            return f"FREQ=WEEKLY;BYDAY={days}"
        case PatternKind.every_other_week:
            return f"FREQ=WEEKLY;INTERVAL=2;BYDAY={days}"
        case PatternKind.monthly_weekday:
            return f"FREQ=MONTHLY;BYDAY={by_position}"
        case PatternKind.monthly_day:
            return f"FREQ=MONTHLY;BYMONTHDAY={','.join(map(str, pattern.month_days))}"
        case PatternKind.yearly_weekday:
            return f"FREQ=YEARLY;BYMONTH={','.join(map(str, pattern.months))};BYDAY={by_position}"
    return pattern.rule


def _parts(rule: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for part in rule.split(";"):
        key, _, value = part.partition("=")
        parts[key.strip().upper()] = value.strip().upper()
    return parts


def _positions(by_day: str) -> tuple[tuple[int, ...], tuple[str, ...]] | None:
    """`2TU,4TU` -> ((2, 4), ('TU',)) when the days are every pairing of some weeks and some weekdays."""
    pairs = []
    for item in by_day.split(","):
        number, weekday = item[:-2], item[-2:]
        ordinal = -1 if number == "-1" else read_int(number, 1, 4)
        if weekday not in WEEKDAYS or ordinal is None:
            return None
        pairs.append((ordinal, weekday))
    ordinals = tuple(key for key in ORDINALS if any(ordinal == key for ordinal, _ in pairs))
    weekdays = tuple(day for day in WEEKDAYS if any(weekday == day for _, weekday in pairs))
    return (ordinals, weekdays) if sorted(pairs) == sorted(product(ordinals, weekdays)) else None


def _month_days(text: str) -> tuple[int, ...]:
    """`1,15` or `1, 15` or `1·15` -> (1, 15); () unless every part is a day of the month."""
    days = [read_int(part, 1, 31) for part in re.split(r"[\s,·、/]+", text.strip()) if part]
    return tuple(sorted({day for day in days if day})) if days and all(days) else ()


def from_rrule(rule: str) -> Pattern:
    """The plain-words pattern of a stored rule; a rule no pattern gives is a custom one."""
    parts = _parts(rule)
    keys, frequency = set(parts), parts.get("FREQ")
    plain_days = tuple(day for day in WEEKDAYS if day in parts.get("BYDAY", "").split(","))
    if frequency == "WEEKLY" and plain_days and len(plain_days) == len(parts["BYDAY"].split(",")):
        if keys == {"FREQ", "BYDAY"} or (keys == {"FREQ", "BYDAY", "INTERVAL"} and parts["INTERVAL"] == "1"):
            return Pattern(PatternKind.weekly, weekdays=plain_days)
        if keys == {"FREQ", "BYDAY", "INTERVAL"} and parts["INTERVAL"] == "2":
            return Pattern(PatternKind.every_other_week, weekdays=plain_days)
    month_days = _month_days(parts.get("BYMONTHDAY", ""))
    if frequency == "MONTHLY" and keys == {"FREQ", "BYMONTHDAY"} and month_days:
        return Pattern(PatternKind.monthly_day, month_days=month_days)
    positions = _positions(parts["BYDAY"]) if "BYDAY" in parts else None
    if frequency == "MONTHLY" and keys == {"FREQ", "BYDAY"} and positions:
        return Pattern(PatternKind.monthly_weekday, ordinals=positions[0], weekdays=positions[1])
    if frequency == "YEARLY" and keys == {"FREQ", "BYMONTH", "BYDAY"} and positions:
        months = [read_int(month, 1, 12) for month in parts["BYMONTH"].split(",")]
        if all(months):
            return Pattern(
                PatternKind.yearly_weekday, ordinals=positions[0], weekdays=positions[1], months=tuple(sorted({m for m in months if m}))
            )
    return Pattern(PatternKind.custom, rule=rule)


def _rule_problem(rule: str) -> str | None:
    """What is wrong with a tidied custom rule (a msgid), or None when it can be used."""
    if not rule:
        return RULE_MISSING
    if len(rule) > MAX_RULE_LENGTH:
        return RULE_TOO_LONG
    parts = _parts(rule)
    if not set(parts) <= CUSTOM_PARTS or parts.get("FREQ") not in FREQUENCIES:
        return N_("The rule must repeat daily, weekly, monthly or yearly, and name days only (no DTSTART or hours).")
    try:
        recurrence = rrulestr(rule, dtstart=datetime(2026, 1, 1))
    except (ValueError, TypeError, KeyError, IndexError):
        return N_("This rule cannot be read. Check it against the example.")
    # python-dateutil looks for a rule that never falls (30 February) until the year 9999, which
    # takes seconds: such a rule is refused here, probing only the last years it can reach.
    assert isinstance(recurrence, rrule), "one rule of the parts above, without forceset, reads as an rrule"
    probe = recurrence.replace(dtstart=FEASIBILITY_PROBE_START, count=None, until=None)
    if next(iter(probe), None) is None:
        return N_("This rule never gives a date. Check it against the example.")
    return None


def _custom_rule(form: FormReader) -> str | None:
    """The custom rule in the `rrule` field as stored (upper case, no RRULE: prefix), or None with
    its problem noted. Its length is measured once tidied (the RRULE: prefix is not stored)."""
    typed = form.text("rrule", TEXT_LIMIT, missing=RULE_MISSING, too_long=RULE_TOO_LONG)
    if not form.ok("rrule"):
        return None
    rule = typed.upper().removeprefix("RRULE:").strip()
    problem = _rule_problem(rule)
    if problem:
        form.fail("rrule", problem)
        return None
    return rule


def checked_custom_rule(text: str) -> str:
    """A custom rule as stored (upper case, no RRULE: prefix), or PatternInvalid saying what is wrong."""
    form = FormReader({"rrule": text})
    rule = _custom_rule(form)
    if rule is None:
        raise PatternInvalid(form.errors)
    return rule


def pattern_from(form: FormReader) -> Pattern | None:
    """The pattern the form's fields describe, read into the caller's FormReader: None when a
    field is missing or wrong (its problem noted). Only the fields the chosen kind uses are read."""
    chosen = form.choice("pattern", PatternKind, N_("Choose how often it happens."))
    if chosen is None:
        return None
    kind = PatternKind(chosen)
    if kind == PatternKind.custom:
        rule = _custom_rule(form)
        return None if rule is None else Pattern(kind, rule=rule)
    if kind == PatternKind.monthly_day:
        month_days = _month_days(form.raw("month_day"))
        if not month_days:
            form.fail("month_day", N_("Enter days of the month from 1 to 31, like 15, or 1, 15 for the 1st and the 15th."))
            return None
        return Pattern(kind, month_days=month_days)
    weekdays = tuple(day for day in WEEKDAYS if form.ticked(f"weekday_{day}"))
    ordinals = tuple(key for key in ORDINALS if form.ticked(_ordinal_field(key)))
    months = tuple(month for month in range(1, 13) if form.ticked(f"month_{month}"))
    keep_ordinals = kind in (PatternKind.monthly_weekday, PatternKind.yearly_weekday)
    if not weekdays:
        form.fail("weekdays", N_("Choose at least one weekday."))
    if keep_ordinals and not ordinals:
        form.fail("ordinals", N_("Choose which weeks of the month, for example the 2nd and the 4th."))
    if kind == PatternKind.yearly_weekday and not months:
        form.fail("months", N_("Choose at least one month."))
    if not form.ok("weekdays", "ordinals", "months"):
        return None
    return Pattern(
        kind, weekdays=weekdays, ordinals=ordinals if keep_ordinals else (), months=months if kind == PatternKind.yearly_weekday else ()
    )


def read_pattern(data: dict[str, str]) -> Pattern:
    """The pattern of a form of its own, or PatternInvalid for the fields that are missing or wrong."""
    form = FormReader(data, order=PATTERN_FIELDS)
    pattern = pattern_from(form)
    try:
        form.check()
    except FormInvalid as invalid:
        raise PatternInvalid(invalid.errors) from None
    assert pattern is not None  # a pattern not read has its problem noted
    return pattern


def _ordinal_field(key: int) -> str:
    return "ordinal_last" if key == -1 else f"ordinal_{key}"


def form_fields(pattern: Pattern) -> dict[str, str]:
    """The form's values for a pattern, to show a stored series in the form."""
    values = {"pattern": pattern.kind.value, "rrule": pattern.rule}
    values.update({f"weekday_{day}": "1" for day in pattern.weekdays})
    values.update({_ordinal_field(key): "1" for key in pattern.ordinals})
    values.update({f"month_{month}": "1" for month in pattern.months})
    if pattern.month_days:
        values["month_day"] = ", ".join(map(str, pattern.month_days))
    return values


def choice_labels(language: str) -> dict[str, Any]:
    """What a form with a pattern (templates/schedule/_pattern_fields.html) labels its choices with."""
    return {"kinds": KIND_LABELS, "weekdays": weekday_labels(language), "ordinals": ORDINALS, "months": month_labels(language)}


def _joined(items: list[str], language: str) -> str:
    # Korean lists short items with a middle dot (둘째·넷째 화요일); babel's Korean list says 및.
    return "·".join(items) if language == "ko" else format_list(items, locale=language)


def weekday_labels(language: str) -> dict[str, str]:
    """RRULE weekday code -> the weekday's name (화요일, Tuesday)."""
    names = get_day_names("wide", locale=language)
    return {code: names[index] for index, code in enumerate(WEEKDAYS)}


def month_labels(language: str) -> dict[int, str]:
    """Month number -> its name (4월, April)."""
    names = get_month_names("wide", locale=language)
    return {month: names[month] for month in range(1, 13)}


def describe(rule: str, language: str, *, skip_holidays: bool = False) -> str:
    """The rule in words in `language`: 매월 둘째·넷째 화요일, Every other Monday, ..."""
    pattern = from_rrule(rule)
    days = weekday_labels(language)
    values = {
        "weekdays": _joined([days[day] for day in pattern.weekdays], language),
        "ordinals": _joined([gettext(language, ORDINALS[key]) for key in pattern.ordinals], language),
        "months": _joined([month_labels(language)[month] for month in pattern.months], language),
        "day": _joined([str(day) for day in pattern.month_days], language),
        "rule": pattern.rule,
    }
    words = gettext(language, WORDS[pattern.kind]) % values
    return gettext(language, SKIPPING_HOLIDAYS) % {"pattern": words} if skip_holidays else words
