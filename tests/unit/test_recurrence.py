"""Recurrence against dates worked out by hand on a calendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from jobcenter.schedule.recurrence import holiday_name, rule_days, span


def test_every_wednesday_skipping_chuseok_and_seollal() -> None:
    autumn = rule_days("FREQ=WEEKLY;BYDAY=WE", date(2027, 9, 1), date(2027, 9, 1), date(2027, 9, 30), skip_holidays=True)
    winter = rule_days("FREQ=WEEKLY;BYDAY=WE", date(2028, 1, 5), date(2028, 1, 1), date(2028, 2, 9), skip_holidays=True)

    assert holiday_name(date(2027, 9, 15)) == "추석" and holiday_name(date(2028, 1, 26)) == "설날 전날"
    assert autumn == [date(2027, 9, 1), date(2027, 9, 8), date(2027, 9, 22), date(2027, 9, 29)]
    assert winter == [date(2028, 1, 5), date(2028, 1, 12), date(2028, 1, 19), date(2028, 2, 2), date(2028, 2, 9)]


def test_every_other_week() -> None:
    days = rule_days("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", date(2026, 12, 1), date(2026, 12, 1), date(2027, 1, 31))

    assert days == [date(2026, 12, 1), date(2026, 12, 15), date(2026, 12, 29), date(2027, 1, 12), date(2027, 1, 26)]


def test_the_second_and_fourth_tuesday() -> None:
    days = rule_days("FREQ=MONTHLY;BYDAY=2TU,4TU", date(2026, 12, 1), date(2026, 12, 1), date(2027, 2, 28))

    assert days == [
        date(2026, 12, 8), date(2026, 12, 22),
        date(2027, 1, 12), date(2027, 1, 26),
        date(2027, 2, 9), date(2027, 2, 23),
    ]


def test_twice_a_year() -> None:
    days = rule_days("FREQ=YEARLY;BYMONTH=4,10;BYDAY=3TH", date(2026, 1, 1), date(2026, 1, 1), date(2027, 12, 31))

    assert days == [date(2026, 4, 16), date(2026, 10, 15), date(2027, 4, 15), date(2027, 10, 21)]


def test_a_holiday_is_kept_unless_the_series_skips_holidays() -> None:
    assert date(2027, 9, 15) in rule_days("FREQ=WEEKLY;BYDAY=WE", date(2027, 9, 1), date(2027, 9, 1), date(2027, 9, 30))


def test_a_two_day_fair_spans_its_days_in_seoul_time() -> None:
    starts, ends = span(date(2027, 4, 15), time(10), time(17), 2, "Asia/Seoul")

    assert starts.astimezone(UTC) == datetime(2027, 4, 15, 1, 0, tzinfo=UTC)
    assert ends.astimezone(UTC) == datetime(2027, 4, 16, 8, 0, tzinfo=UTC)


def test_tuesdays_and_thursdays_for_five_weeks_skip_christmas_and_new_years_day() -> None:
    days = rule_days("FREQ=WEEKLY;BYDAY=TU,TH", date(2025, 12, 2), date(2025, 12, 2), date(2026, 1, 1), skip_holidays=True)

    assert holiday_name(date(2025, 12, 25)) == "기독탄신일" and holiday_name(date(2026, 1, 1)) == "신정연휴"
    assert days == [
        date(2025, 12, 2), date(2025, 12, 4), date(2025, 12, 9), date(2025, 12, 11),
        date(2025, 12, 16), date(2025, 12, 18), date(2025, 12, 23), date(2025, 12, 30),
    ]


def test_weekdays_from_a_friday_for_three_days_go_over_the_weekend() -> None:
    days = rule_days("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", date(2026, 12, 4), date(2026, 12, 4), date(2026, 12, 8), skip_holidays=True)

    assert days == [date(2026, 12, 4), date(2026, 12, 7), date(2026, 12, 8)]


def test_a_closure_day_is_left_out_like_a_holiday_and_kept_when_holidays_are() -> None:
    election = date(2026, 12, 9)

    skipping = rule_days("FREQ=WEEKLY;BYDAY=WE", date(2026, 12, 2), date(2026, 12, 2), date(2026, 12, 16), skip_holidays=True, closed={election})
    keeping = rule_days("FREQ=WEEKLY;BYDAY=WE", date(2026, 12, 2), date(2026, 12, 2), date(2026, 12, 16), closed={election})

    assert skipping == [date(2026, 12, 2), date(2026, 12, 16)]
    assert keeping == [date(2026, 12, 2), date(2026, 12, 9), date(2026, 12, 16)]
