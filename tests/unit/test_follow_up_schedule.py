"""When follow-up calls fall due: 1, 3 and 6 months after the start by default, month ends kept."""

from __future__ import annotations

from datetime import date

import pytest

from jobcenter.placements.schedule import follow_up_dates
from jobcenter.settings import Settings, SettingsError


def test_calls_fall_one_three_and_six_months_after_the_start() -> None:
    assert follow_up_dates(date(2026, 3, 16), (1, 3, 6)) == [
        (1, date(2026, 4, 16)),
        (3, date(2026, 6, 16)),
        (6, date(2026, 9, 16)),
    ]


def test_a_start_at_a_month_end_is_called_at_each_month_end_or_the_next_working_day() -> None:
    assert follow_up_dates(date(2026, 1, 31), (1, 3, 6)) == [
        (1, date(2026, 3, 3)),  # 28 Feb is a Saturday, 1 March (삼일절) a Sunday, 2 March its substitute holiday
        (3, date(2026, 4, 30)),
        (6, date(2026, 7, 31)),
    ]


def test_a_leap_year_has_a_29th_of_february() -> None:
    assert follow_up_dates(date(2028, 1, 31), (1,)) == [(1, date(2028, 2, 29))]
    assert follow_up_dates(date(2027, 8, 29), (6,)) == [(6, date(2028, 2, 29))]


def test_a_29th_of_february_start_falls_back_to_the_28th_in_a_common_year() -> None:
    assert follow_up_dates(date(2028, 2, 29), (12,)) == [(12, date(2029, 2, 28))]


def test_calls_across_the_new_year_and_months_given_in_any_order() -> None:
    assert follow_up_dates(date(2026, 11, 30), (6, 1, 3, 3)) == [
        (1, date(2026, 12, 30)),
        (3, date(2027, 3, 2)),  # 28 Feb is a Sunday and 1 March (삼일절) a Monday
        (6, date(2027, 5, 31)),  # 30 May is a Sunday
    ]


def test_a_call_due_on_chuseok_waits_for_the_first_working_day_after() -> None:
    # 추석 2026: 24 to 26 September (Thursday to Saturday).
    assert follow_up_dates(date(2026, 8, 25), (1,)) == [(1, date(2026, 9, 28))]


def test_the_months_are_a_setting(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    monkeypatch.delenv("FOLLOW_UP_MONTHS", raising=False)
    assert Settings.from_env().follow_up_months == (1, 3, 6)

    monkeypatch.setenv("FOLLOW_UP_MONTHS", "12, 2,6")
    assert Settings.from_env().follow_up_months == (2, 6, 12)

    for wrong in ("1,three,6", "0,3", "1,3,600"):
        monkeypatch.setenv("FOLLOW_UP_MONTHS", wrong)
        with pytest.raises(SettingsError, match="FOLLOW_UP_MONTHS"):
            Settings.from_env()
