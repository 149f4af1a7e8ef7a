"""FormReader: a whole form read one way, every problem reported at once in the page's order."""

from __future__ import annotations

from datetime import date

import pytest

from jobcenter.catalog.tables import Cohort, Program
from jobcenter.i18n import gettext
from jobcenter.web.form_input import CONTROL_CHARACTERS, FormInvalid, FormReader, read_day


def test_text_is_trimmed_made_one_line_and_measured_against_its_column() -> None:
    form = FormReader({"label": "  3기 \t 오전반 ", "place": "가" * 201, "summary": "가" * 300})
    assert form.text("label", Cohort.label) == "3기 오전반"
    form.text("place", Cohort.place, too_long="too long")
    assert form.text("summary", Program.summary) == "가" * 300
    assert form.errors == {"place": "too long"}


def test_text_without_a_length_of_its_own_stops_at_5000_with_a_korean_message() -> None:
    form = FormReader({"description": "가" * 5001})
    form.text("description", Program.description, multiline=True)
    assert gettext("ko", form.errors["description"]) == "5,000자 이내로 입력하세요."


@pytest.mark.parametrize("typed", ["제목\x00", "a\x1bb", "줄\n바꿈\x07"])
def test_control_characters_are_refused_and_nothing_of_them_is_returned(typed: str) -> None:
    form = FormReader({"title": typed})
    assert form.text("title", Program.title, multiline=True) == ""
    assert form.errors == {"title": CONTROL_CHARACTERS}


def test_multiline_text_keeps_its_line_breaks() -> None:
    assert FormReader({"d": "첫 줄\r\n둘째 줄 "}).text("d", 100, multiline=True) == "첫 줄\n둘째 줄"


def test_a_required_field_left_empty_gets_its_own_message() -> None:
    form = FormReader({"title": "   "})
    form.text("title", Program.title, missing="enter the title")
    assert form.errors == {"title": "enter the title"}


@pytest.mark.parametrize(("typed", "expected"), [("1990", 1990), ("１９９０", 1990), ("1,990", 1990), ("¹⁹⁹⁰", None), ("9" * 5000, None), ("-5", None)])
def test_numbers_are_ascii_or_full_width_digits_within_bounds(typed: str, expected: int | None) -> None:
    form = FormReader({"n": typed})
    assert form.number("n", 0, 10_000, "bad") == expected
    assert ("n" in form.errors) is (expected is None)


def test_an_optional_field_left_empty_is_none_without_a_problem() -> None:
    form = FormReader({"min_age": " ", "cancellable_until": ""})
    assert form.number("min_age", 0, 120, "bad", optional=True) is None
    assert form.moment("cancellable_until", "Asia/Seoul", "bad", optional=True) is None
    assert form.errors == {}


def test_dates_outside_this_century_and_unknown_choices_are_problems() -> None:
    form = FormReader({"day": "9999-12-31", "month": "2026-13", "audience": "robots", "ok": "2026-12-01"})
    form.day("day", "bad day")
    form.month("month", "bad month")
    form.choice("audience", ["youth", "senior"], "bad choice")
    assert form.day("ok", "bad") == date(2026, 12, 1)
    assert form.errors == {"day": "bad day", "month": "bad month", "audience": "bad choice"}


def test_check_reports_every_problem_in_the_order_of_the_page_and_the_first_problem_of_a_field() -> None:
    form = FormReader({}, order=["title", "place", "capacity"])
    form.fail("capacity", "capacity first")
    form.fail("title", "title first")
    form.fail("title", "title second")
    form.fail("elsewhere", "not on the page")
    with pytest.raises(FormInvalid) as invalid:
        form.check()
    assert list(invalid.value.errors.items()) == [("title", "title first"), ("capacity", "capacity first"), ("elsewhere", "not on the page")]
    assert not form.ok("title") and form.ok("place")


def test_a_form_without_problems_passes_the_check() -> None:
    FormReader({"title": "취업특강"}).check()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-11-26", date(2026, 11, 26)),
        ("2026.11.26", date(2026, 11, 26)),
        ("2026. 1. 5.", date(2026, 1, 5)),
        ("2026/12/31", date(2026, 12, 31)),
        ("2026년 12월 1일", date(2026, 12, 1)),
        ("20261126", date(2026, 11, 26)),
        ("２０２６-１１-２６", date(2026, 11, 26)),
        ("2026-02-30", None),
        ("9999-12-01", None),
        ("2026-12-01T10:00", None),
        ("2026-12-01xyz", None),
        ("2026-12-01\x00", None),
        ("2026-W01-1", None),
        ("next monday", None),
        ("", None),
    ],
)
def test_days_are_read_as_people_and_spreadsheets_write_them(typed: str, expected: date | None) -> None:
    assert read_day(typed) == expected
