"""Staff keep the catalog current: programs and cohorts created, edited, published, their windows
opened and closed. Every change is checked first (FormInvalid, nothing written) and audited in its
transaction. Seats (capacity) change only through signups.staff_actions, under the seat lock; the
application window through signups.pools."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter.audit.service import Actor, changed, record
from jobcenter.catalog.cohorts import add_cohort, default_cancellation_deadline
from jobcenter.catalog.service import CohortNotFound, ProgramNotFound
from jobcenter.catalog.tables import Audience, Category, Cohort, Program
from jobcenter.i18n import N_, Filled
from jobcenter.signups import staff_actions
from jobcenter.signups.pools import WINDOW, change_window
from jobcenter.signups.service import SignupError
from jobcenter.web.form_input import FormInvalid, read_clock, read_day, read_int, read_moment

PROGRAM_FIELDS = ["title", "summary", "description", "audience", "category", "min_age", "max_age", "eligibility", "fee_won", "contact_phone", "published"]
COHORT_FIELDS = ["label", "starts_on", "ends_on", "start_time", "end_time", "schedule_note", "place"]


def _text(raw: str, *, multiline: bool = False) -> str:
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n"))
    return text.strip() if multiline else " ".join(text.split())


def _optional_number(raw: str, field: str, low: int, high: int, message: str, errors: dict[str, str]) -> int | None:
    text = raw.strip().replace(",", "")
    if not text:
        return None
    number = read_int(text, low, high)
    if number is None:
        errors[field] = message
    return number


def check_program(form: dict[str, str]) -> dict[str, Any]:
    """The program's values from its form; FormInvalid with every problem at once."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = {
        "title": _text(form.get("title", "")),
        "summary": _text(form.get("summary", "")),
        "description": _text(form.get("description", ""), multiline=True),
        "audience": form.get("audience", ""),
        "category": form.get("category", ""),
        "eligibility": _text(form.get("eligibility", ""), multiline=True),
        "contact_phone": _text(form.get("contact_phone", "")),
        "published": form.get("published") == "1",
    }
    if not values["title"]:
        errors["title"] = N_("Enter the program's title.")
    elif len(values["title"]) > 200:
        errors["title"] = N_("Enter a title of 200 characters or fewer.")
    if len(values["summary"]) > 300:
        errors["summary"] = N_("Enter a summary of 300 characters or fewer.")
    if values["audience"] not in {a.value for a in Audience}:
        errors["audience"] = N_("Choose who the program is for.")
    if values["category"] not in {c.value for c in Category}:
        errors["category"] = N_("Choose the kind of program.")
    age_message = N_("Enter an age from 0 to 120, or leave it empty.")
    values["min_age"] = _optional_number(form.get("min_age", ""), "min_age", 0, 120, age_message, errors)
    values["max_age"] = _optional_number(form.get("max_age", ""), "max_age", 0, 120, age_message, errors)
    if values["min_age"] is not None and values["max_age"] is not None and values["min_age"] > values["max_age"]:
        errors["max_age"] = N_("The highest age must not be below the lowest.")
    fee_missing = N_("Enter the fee in won as a number, or 0 when it is free.")
    values["fee_won"] = _optional_number(form.get("fee_won", ""), "fee_won", 0, 100_000_000, fee_missing, errors) or 0
    if len(values["contact_phone"]) > 40:
        errors["contact_phone"] = N_("Enter a telephone number of 40 characters or fewer.")
    if errors:
        raise FormInvalid(errors)
    return values


async def create_program(form: dict[str, str], *, actor: Actor, now: datetime) -> int:
    values = check_program(form)
    async with Program._meta.db.transaction():
        (row,) = await Program.insert(Program(**values, created_at=now, updated_at=now)).returning(Program.id)
        await record(actor, "program.create", "program", row["id"], now=now, summary=values["title"], after=values)
    return row["id"]


async def update_program(program_id: int, form: dict[str, str], *, actor: Actor, now: datetime) -> None:
    values = check_program(form)
    async with Program._meta.db.transaction():
        current = await Program.select(*[getattr(Program, name) for name in PROGRAM_FIELDS]).where(Program.id == program_id).first()
        if current is None:
            raise ProgramNotFound(program_id)
        before, after = changed(current, values)
        if not after:
            return
        await Program.update({**{getattr(Program, key): value for key, value in after.items()}, Program.updated_at: now}).where(Program.id == program_id)
        await record(actor, "program.update", "program", program_id, now=now, summary=values["title"], before=before, after=after)


async def set_published(program_id: int, published: bool, *, actor: Actor, now: datetime) -> None:
    """Publish (citizens see it) or unpublish (only staff do); applications already made stand."""
    async with Program._meta.db.transaction():
        current = await Program.select(Program.published, Program.title).where(Program.id == program_id).first()
        if current is None:
            raise ProgramNotFound(program_id)
        await Program.update({Program.published: published, Program.updated_at: now}).where(Program.id == program_id)
        await record(actor, "program.publish" if published else "program.unpublish", "program", program_id, now=now,
                     summary=current["title"], before={"published": current["published"]}, after={"published": published})


def _checked(value: Any, field: str, message: str, errors: dict[str, str]) -> Any:
    if value is None:
        errors[field] = message
    return value


@dataclass(frozen=True)
class CohortValues:
    cohort: dict[str, Any]
    window: dict[str, Any]
    capacity: int


def check_cohort(form: dict[str, str], zone: str) -> CohortValues:
    """A cohort's values from its form: dates in order, times in order, the window before the end."""
    errors: dict[str, str] = {}
    cohort: dict[str, Any] = {
        "label": _text(form.get("label", "")),
        "schedule_note": _text(form.get("schedule_note", "")),
        "place": _text(form.get("place", "")),
    }
    if not cohort["label"] or len(cohort["label"]) > 100:
        errors["label"] = N_("Enter the cohort's name, like 3기, in 100 characters or fewer.")
    date_message = N_("Enter a date like 2026-12-01.")
    time_message = N_("Enter a time like 09:30.")
    cohort["starts_on"] = _checked(read_day(form.get("starts_on", "")), "starts_on", date_message, errors)
    cohort["ends_on"] = _checked(read_day(form.get("ends_on", "")), "ends_on", date_message, errors)
    if cohort["starts_on"] and cohort["ends_on"] and cohort["ends_on"] < cohort["starts_on"]:
        errors["ends_on"] = N_("The last day must not be before the first day.")
    cohort["start_time"] = _checked(read_clock(form.get("start_time", "")), "start_time", time_message, errors)
    cohort["end_time"] = _checked(read_clock(form.get("end_time", "")), "end_time", time_message, errors)
    if cohort["start_time"] and cohort["end_time"] and cohort["end_time"] <= cohort["start_time"]:
        errors["end_time"] = N_("The end time must be after the start time.")
    if len(cohort["schedule_note"]) > 200:
        errors["schedule_note"] = N_("Enter a schedule note of 200 characters or fewer.")
    if not cohort["place"] or len(cohort["place"]) > 200:
        errors["place"] = N_("Enter the place, in 200 characters or fewer.")
    capacity = None
    try:
        capacity = staff_actions.parse_capacity(form.get("capacity", ""))
    except SignupError as invalid:
        errors["capacity"] = invalid.message
    moment_message = N_("Enter a date and time like 2026-12-01 09:00.")
    window = {
        "opens_at": _checked(read_moment(form.get("opens_at", ""), zone), "opens_at", moment_message, errors),
        "closes_at": _checked(read_moment(form.get("closes_at", ""), zone), "closes_at", moment_message, errors),
    }
    if window["opens_at"] and window["closes_at"] and window["closes_at"] <= window["opens_at"]:
        errors["closes_at"] = N_("Applications must close after they open.")
    cancellable = form.get("cancellable_until", "").strip()
    if cancellable:
        window["cancellable_until"] = _checked(read_moment(cancellable, zone), "cancellable_until", moment_message, errors)
    elif cohort["starts_on"]:
        window["cancellable_until"] = default_cancellation_deadline(cohort["starts_on"], zone)
    if errors:
        raise FormInvalid(errors)
    assert capacity is not None, "parse_capacity raised otherwise, recorded above"
    return CohortValues(cohort=cohort, window=window, capacity=capacity)


async def create_cohort(program_id: int, form: dict[str, str], *, actor: Actor, now: datetime, zone: str) -> int:
    values = check_cohort(form, zone)
    async with Cohort._meta.db.transaction():
        cohort = await add_cohort(program_id=program_id, capacity=values.capacity, zone=zone, **values.cohort, **values.window)
        await record(actor, "cohort.create", "cohort", cohort.id, now=now, summary=values.cohort["label"],
                     after={**values.cohort, **values.window, "capacity": values.capacity})
    return cohort.id


async def update_cohort(cohort_id: int, form: dict[str, str], *, actor: Actor, now: datetime, zone: str, language: str) -> None:
    """The seats first, under the seat lock: the one change that can still be refused once the form
    is valid (never below the people confirmed, counted under the lock). Then dates, place and
    window in one transaction. A refusal leaves everything as it was."""
    values = check_cohort(form, zone)
    current = await Cohort.select(
        *[getattr(Cohort, name) for name in COHORT_FIELDS], Cohort.seat_pool,
        *[getattr(Cohort.seat_pool, name).as_alias(name) for name in WINDOW],
    ).where(Cohort.id == cohort_id).first()
    if current is None:
        raise CohortNotFound(cohort_id)
    try:
        await staff_actions.change_capacity(current["seat_pool"], values.capacity, actor=actor, now=now, language=language,
                                            zone=zone, object_type="cohort", object_id=cohort_id)
    except staff_actions.CapacityBelowConfirmed as refused:
        raise FormInvalid({"capacity": Filled(refused.message, **refused.values)}) from refused
    before, after = changed(current, {**values.cohort, **values.window})
    if not after:
        return
    async with Cohort._meta.db.transaction():
        cohort_changes = {getattr(Cohort, key): value for key, value in after.items() if key in COHORT_FIELDS}
        window_changes = {key: value for key, value in after.items() if key in WINDOW}
        if cohort_changes:
            await Cohort.update(cohort_changes).where(Cohort.id == cohort_id)
        if window_changes:
            await change_window(current["seat_pool"], window_changes)
        await record(actor, "cohort.update", "cohort", cohort_id, now=now, summary=values.cohort["label"], before=before, after=after)


async def set_window(cohort_id: int, action: str, *, actor: Actor, now: datetime) -> None:
    """Open applications now (they were to open later) or close them now."""
    cohort = await Cohort.select(Cohort.seat_pool, Cohort.label, Cohort.seat_pool.opens_at.as_alias("opens_at"),
                                 Cohort.seat_pool.closes_at.as_alias("closes_at")).where(Cohort.id == cohort_id).first()
    if cohort is None:
        raise CohortNotFound(cohort_id)
    if action == "open":
        change = {"opens_at": now, "closes_at": max(cohort["closes_at"], now + timedelta(days=1))}
    else:
        change = {"closes_at": now}
    before, after = changed(cohort, change)
    async with Cohort._meta.db.transaction():
        await change_window(cohort["seat_pool"], after)
        await record(actor, f"cohort.{action}", "cohort", cohort_id, now=now, summary=cohort["label"], before=before, after=after)


def next_term(cohort: dict[str, Any], zone: str) -> dict[str, str]:
    """The form of a cohort copied for the next term: the same days of the week, whole weeks later
    (at least one), the window moved by as much, and 3기 after 2기."""
    weeks = max(1, -(-((cohort["ends_on"] - cohort["starts_on"]).days + 1) // 7))
    shift = timedelta(weeks=weeks)
    tz = ZoneInfo(zone)
    label = re.sub(r"\d+", lambda number: str(int(number.group()) + 1), cohort["label"], count=1)

    def local(moment: datetime) -> str:
        return (moment + shift).astimezone(tz).strftime("%Y-%m-%dT%H:%M")

    return {
        "label": label if label != cohort["label"] else f"{cohort['label']} (2)",
        "starts_on": (cohort["starts_on"] + shift).isoformat(),
        "ends_on": (cohort["ends_on"] + shift).isoformat(),
        "start_time": cohort["start_time"].strftime("%H:%M"),
        "end_time": cohort["end_time"].strftime("%H:%M"),
        "schedule_note": cohort["schedule_note"],
        "place": cohort["place"],
        "capacity": str(cohort["capacity"]),
        "opens_at": local(cohort["opens_at"]),
        "closes_at": local(cohort["closes_at"]),
        "cancellable_until": "",
    }
