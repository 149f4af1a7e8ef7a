"""Plain-words patterns: the RRULE each gives, the words for it, and the dates staff see before
saving, checked against dates worked out by hand on a 2026-2027 calendar."""

from __future__ import annotations

from datetime import date

import pytest

from jobcenter.demo.events import SERIES
from jobcenter.schedule.patterns import (
    Pattern,
    PatternInvalid,
    PatternKind,
    checked_custom_rule,
    describe,
    form_fields,
    from_rrule,
    read_pattern,
    to_rrule,
)
from jobcenter.schedule.preview import coming_dates

DECEMBER_FIRST = date(2026, 12, 1)  # a Tuesday


def _days(rule: str, first_day: date, count: int, skip_holidays: bool = False) -> list[date]:
    return [coming.day for coming in coming_dates(rule, first_day, first_day, skip_holidays=skip_holidays, count=count) if not coming.skipped]


def test_every_wednesday_and_friday() -> None:
    rule = to_rrule(read_pattern({"pattern": "weekly", "weekday_WE": "1", "weekday_FR": "1"}))

    assert rule == "FREQ=WEEKLY;BYDAY=WE,FR"
    assert describe(rule, "ko") == "매주 수요일·금요일"
    assert _days(rule, DECEMBER_FIRST, 4) == [date(2026, 12, 2), date(2026, 12, 4), date(2026, 12, 9), date(2026, 12, 11)]


def test_every_other_monday_counts_the_weeks_from_the_first_day() -> None:
    rule = to_rrule(read_pattern({"pattern": "every_other_week", "weekday_MO": "1"}))

    assert rule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"
    assert describe(rule, "ko") == "격주 월요일"
    assert _days(rule, date(2026, 12, 7), 4) == [date(2026, 12, 7), date(2026, 12, 21), date(2027, 1, 4), date(2027, 1, 18)]


def test_the_second_and_fourth_tuesday_without_the_lunar_new_year_substitute_holiday() -> None:
    rule = to_rrule(read_pattern({"pattern": "monthly_weekday", "ordinal_2": "1", "ordinal_4": "1", "weekday_TU": "1"}))
    dates = coming_dates(rule, date(2027, 1, 1), date(2027, 1, 1), skip_holidays=True, count=5)

    assert rule == "FREQ=MONTHLY;BYDAY=2TU,4TU"
    assert describe(rule, "ko", skip_holidays=True) == "매월 둘째·넷째 화요일 (공휴일 제외)"
    assert [(coming.day, coming.skipped) for coming in dates] == [
        (date(2027, 1, 12), False), (date(2027, 1, 26), False),
        (date(2027, 2, 9), True),  # 설날 대체 휴일: the 2nd Tuesday of February 2027
        (date(2027, 2, 23), False), (date(2027, 3, 9), False), (date(2027, 3, 23), False),
    ]
    assert dates[2].holiday == "설날 대체 휴일"


def test_a_holiday_the_series_does_not_skip_is_kept_and_named() -> None:
    dates = coming_dates("FREQ=WEEKLY;BYDAY=FR", date(2026, 12, 18), date(2026, 12, 18), skip_holidays=False, count=3)

    assert [(coming.day, coming.holiday, coming.skipped) for coming in dates] == [
        (date(2026, 12, 18), None, False), (date(2026, 12, 25), "기독탄신일", False), (date(2027, 1, 1), "신정연휴", False),
    ]


def test_every_friday_skipping_christmas_and_new_years_day_still_shows_ten_dates() -> None:
    dates = coming_dates("FREQ=WEEKLY;BYDAY=FR", DECEMBER_FIRST, date(2026, 12, 20), skip_holidays=True)

    assert [coming.day for coming in dates if coming.skipped] == [date(2026, 12, 25), date(2027, 1, 1)]
    kept = [coming.day for coming in dates if not coming.skipped]
    assert len(kept) == 10 and kept[0] == date(2027, 1, 8) and kept[-1] == date(2027, 3, 12)


def test_the_last_friday_of_the_month() -> None:
    rule = to_rrule(read_pattern({"pattern": "monthly_weekday", "ordinal_last": "1", "weekday_FR": "1"}))

    assert rule == "FREQ=MONTHLY;BYDAY=-1FR"
    assert describe(rule, "ko") == "매월 마지막 금요일" and describe(rule, "en") == "The last Friday of every month"
    assert _days(rule, DECEMBER_FIRST, 3) == [date(2026, 12, 25), date(2027, 1, 29), date(2027, 2, 26)]


def test_day_31_of_every_month_leaves_out_shorter_months() -> None:
    rule = to_rrule(read_pattern({"pattern": "monthly_day", "month_day": "31"}))

    assert rule == "FREQ=MONTHLY;BYMONTHDAY=31" and describe(rule, "ko") == "매월 31일"
    assert _days(rule, DECEMBER_FIRST, 3) == [date(2026, 12, 31), date(2027, 1, 31), date(2027, 3, 31)]


def test_the_1st_and_the_15th_of_every_month_in_plain_words() -> None:
    rule = to_rrule(read_pattern({"pattern": "monthly_day", "month_day": "15, 1"}))

    assert rule == "FREQ=MONTHLY;BYMONTHDAY=1,15" and describe(rule, "ko") == "매월 1·15일"
    assert form_fields(from_rrule(rule))["month_day"] == "1, 15"
    assert _days(rule, DECEMBER_FIRST, 4) == [date(2026, 12, 1), date(2026, 12, 15), date(2027, 1, 1), date(2027, 1, 15)]


@pytest.mark.parametrize("typed", ["", "0", "32", "1, 32", "첫째", "1,,x"])
def test_days_of_the_month_that_are_not_are_refused(typed: str) -> None:
    with pytest.raises(PatternInvalid) as refused:
        read_pattern({"pattern": "monthly_day", "month_day": typed})
    assert set(refused.value.errors) == {"month_day"}


def test_twice_a_year_on_the_third_thursday_of_april_and_october() -> None:
    rule = to_rrule(read_pattern({"pattern": "yearly_weekday", "month_4": "1", "month_10": "1", "ordinal_3": "1", "weekday_TH": "1"}))

    assert rule == "FREQ=YEARLY;BYMONTH=4,10;BYDAY=3TH"
    assert describe(rule, "ko") == "매년 4월·10월 셋째 목요일"
    assert describe(rule, "en") == "The 3rd Thursday of April and October, every year"
    assert _days(rule, DECEMBER_FIRST, 3) == [date(2027, 4, 15), date(2027, 10, 21), date(2028, 4, 20)]


@pytest.mark.parametrize("series", SERIES, ids=lambda series: series.title)
def test_every_rule_of_the_gimpo_calendar_reads_back_as_a_pattern(series) -> None:
    pattern = from_rrule(series.rrule)

    assert pattern.kind != PatternKind.custom
    assert to_rrule(pattern) == series.rrule


def test_a_rule_no_pattern_gives_is_a_custom_one_described_as_it_is() -> None:
    assert from_rrule("FREQ=DAILY;COUNT=3") == Pattern(PatternKind.custom, rule="FREQ=DAILY;COUNT=3")
    assert describe("FREQ=WEEKLY;INTERVAL=3;BYDAY=MO", "ko") == "직접 입력한 규칙: FREQ=WEEKLY;INTERVAL=3;BYDAY=MO"


def test_a_custom_rule_is_tidied() -> None:
    assert checked_custom_rule(" rrule:freq=monthly;bymonth=3,9;byday=1we ") == "FREQ=MONTHLY;BYMONTH=3,9;BYDAY=1WE"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Enter a rule, for example FREQ=YEARLY;BYMONTH=4,10;BYDAY=3TH."),
        ("FREQ=HOURLY", "The rule must repeat daily, weekly, monthly or yearly, and name days only (no DTSTART or hours)."),
        ("DTSTART:20260101\nRRULE:FREQ=DAILY", "The rule must repeat daily, weekly, monthly or yearly, and name days only (no DTSTART or hours)."),
        ("FREQ=WEEKLY;BYHOUR=9", "The rule must repeat daily, weekly, monthly or yearly, and name days only (no DTSTART or hours)."),
        ("FREQ=WEEKLY;BYDAY=XX", "This rule cannot be read. Check it against the example."),
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "This rule never gives a date. Check it against the example."),
        ("FREQ=WEEKLY;BYDAY=" + "MO," * 150 + "TU", "The rule must be 300 characters or fewer."),
    ],
)
def test_a_custom_rule_that_cannot_be_used_is_refused_with_the_reason(text: str, message: str) -> None:
    with pytest.raises(PatternInvalid) as refused:
        checked_custom_rule(text)

    assert refused.value.errors == {"rrule": message}


def test_missing_choices_are_named_field_by_field() -> None:
    with pytest.raises(PatternInvalid) as refused:
        read_pattern({"pattern": "yearly_weekday"})

    assert list(refused.value.errors) == ["weekdays", "ordinals", "months"]
    with pytest.raises(PatternInvalid) as no_kind:
        read_pattern({"pattern": "fortnightly"})
    assert list(no_kind.value.errors) == ["pattern"]
