"""The part of a form that says when something repeats: a pattern in plain words, whether it
leaves out holidays and closure days, from which day until which, and from what time to what time.
A series of cohorts and a counsellor's free times both ask it."""

from __future__ import annotations

from typing import Any

from dateutil.relativedelta import relativedelta

from jobcenter.i18n import N_
from jobcenter.schedule.patterns import PATTERN_FIELDS, pattern_from, to_rrule
from jobcenter.schedule.recurrence import rule_days
from jobcenter.web.form_input import FormReader

FIELDS = [*PATTERN_FIELDS, "skip_holidays", "first_day", "last_day", "start_time", "end_time"]
"""The fields in the order of the page (the caller's own come before or after)."""


def read_repeating(form: FormReader) -> dict[str, Any]:
    """rule (an RRULE), skip_holidays, first_day, last_day (None: until stopped), start_time and
    end_time; each problem noted on `form` (the caller checks it with its own fields)."""
    date_message = N_("Enter a date like 2026-12-01.")
    time_message = N_("Enter a time like 09:30.")
    values: dict[str, Any] = {
        "skip_holidays": form.ticked("skip_holidays"),
        "first_day": form.day("first_day", date_message),
        "last_day": form.day("last_day", date_message, optional=True),
        "start_time": form.clock("start_time", time_message),
        "end_time": form.clock("end_time", time_message),
    }
    pattern = pattern_from(form)
    values["rule"] = to_rrule(pattern) if pattern else None
    if values["first_day"] and values["last_day"] and values["last_day"] < values["first_day"]:
        form.fail("last_day", N_("The last day must not be before the first day."))
    elif values["rule"] and values["first_day"] and not rule_days(
        values["rule"], values["first_day"], values["first_day"], values["last_day"] or values["first_day"] + relativedelta(years=1),
        skip_holidays=values["skip_holidays"],
    ):
        form.fail("pattern", N_("This pattern gives no day in the year from the first day. Check the pattern and the dates."))
    if values["start_time"] and values["end_time"] and values["end_time"] <= values["start_time"]:
        form.fail("end_time", N_("The end time must be after the start time."))
    return values
