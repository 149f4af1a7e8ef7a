"""Staff keep the catalog current: programs and cohorts created, edited, published, their windows
opened and closed. Every change is checked first (FormInvalid, nothing written) and audited in its
transaction. Seats (capacity) change only through signups.roster_changes, under the seat lock; the
application window through signups.pools."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter.audit.service import Actor, changed, record
from jobcenter.catalog.cohorts import add_cohort, default_cancellation_deadline
from jobcenter.catalog.search_index import index_program
from jobcenter.catalog.service import CohortNotFound, ProgramNotFound
from jobcenter.catalog.sessions import generate_sessions
from jobcenter.catalog.tables import WEEKDAYS_RULE, Audience, Category, Cohort, Program
from jobcenter.i18n import N_, Filled
from jobcenter.schedule.patterns import PATTERN_FIELDS, form_fields, from_rrule, pattern_from, to_rrule
from jobcenter.schedule.recurrence import rule_days
from jobcenter.signups import draws, roster_changes
from jobcenter.signups.pools import WINDOW, change_window, pool_of, tell_registrants
from jobcenter.signups.service import SignupError
from jobcenter.signups.tables import Draw, Priority
from jobcenter.web.form_input import FormInvalid, FormReader

PROGRAM_FIELDS = [
    "title", "summary", "description", "audience", "category", "min_age", "max_age", "eligibility", "fee_won", "contact_phone",
    "completion_percent", "published",
]
DEFAULT_COMPLETION = 80
"""수료 기준 when the form leaves it empty: 80% of the sessions, as most of the center's courses ask."""
COHORT_FIELDS = ["label", "starts_on", "ends_on", "rrule", "skip_holidays", "start_time", "end_time", "schedule_note", "place"]
"""A cohort's columns staff edit; the form shows `rrule` as a pattern in plain words (PATTERN_FIELDS)."""
SESSION_FIELDS = {"starts_on", "ends_on", "rrule", "skip_holidays", "start_time", "end_time", "place"}
"""What the sessions follow: a change to any of them brings them in line (catalog/sessions.py)."""
FORM_ORDER = ["label", "starts_on", "ends_on", *PATTERN_FIELDS, "skip_holidays", "start_time", "end_time", "schedule_note", "place"]
ALLOCATION = ["allocation", "priority", "public_source"]
ALLOCATIONS = ("first_come", "lottery")


def check_program(data: dict[str, str]) -> dict[str, Any]:
    """The program's values from its form; FormInvalid with every problem at once."""
    form = FormReader(data, order=PROGRAM_FIELDS)
    values: dict[str, Any] = {
        "title": form.text("title", Program.title, missing=N_("Enter the program's title."),
                           too_long=N_("Enter a title of 200 characters or fewer.")),
        "summary": form.text("summary", Program.summary, too_long=N_("Enter a summary of 300 characters or fewer.")),
        "description": form.text("description", Program.description, multiline=True),
        "audience": form.choice("audience", Audience, N_("Choose who the program is for.")),
        "category": form.choice("category", Category, N_("Choose the kind of program.")),
        "eligibility": form.text("eligibility", Program.eligibility, multiline=True),
        "contact_phone": form.text("contact_phone", Program.contact_phone,
                                   too_long=N_("Enter a telephone number of 40 characters or fewer.")),
        "published": form.ticked("published"),
    }
    age_message = N_("Enter an age from 0 to 120, or leave it empty.")
    values["min_age"] = form.number("min_age", 0, 120, age_message, optional=True)
    values["max_age"] = form.number("max_age", 0, 120, age_message, optional=True)
    if values["min_age"] is not None and values["max_age"] is not None and values["min_age"] > values["max_age"]:
        form.fail("max_age", N_("The highest age must not be below the lowest."))
    fee_missing = N_("Enter the fee in won as a number, or 0 when it is free.")
    values["fee_won"] = form.number("fee_won", 0, 100_000_000, fee_missing, optional=True) or 0
    completion = form.number("completion_percent", 1, 100, N_("Enter the share of sessions to attend, from 1 to 100 (100 for all of them)."),
                             optional=True)
    values["completion_percent"] = DEFAULT_COMPLETION if completion is None else completion
    form.check()
    return values


async def create_program(form: dict[str, str], *, actor: Actor, now: datetime) -> int:
    values = check_program(form)
    async with Program._meta.db.transaction():
        (row,) = await Program.insert(Program(**values, created_at=now, updated_at=now)).returning(Program.id)
        await index_program(row["id"])
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
        await index_program(program_id)
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


@dataclass(frozen=True)
class CohortValues:
    cohort: dict[str, Any]
    window: dict[str, Any]
    capacity: int
    allocation: draws.Setup


def check_cohort(data: dict[str, str], zone: str) -> CohortValues:
    """A cohort's values from its form: dates in order, times in order, the window before the end."""
    form = FormReader(data, order=[*FORM_ORDER, "capacity", *WINDOW, *ALLOCATION])
    date_message = N_("Enter a date like 2026-12-01.")
    time_message = N_("Enter a time like 09:30.")
    cohort: dict[str, Any] = {
        "label": form.text("label", Cohort.label, missing=N_("Enter the cohort's name, like 3기, in 100 characters or fewer."),
                           too_long=N_("Enter the cohort's name, like 3기, in 100 characters or fewer.")),
        "starts_on": form.day("starts_on", date_message),
        "ends_on": form.day("ends_on", date_message),
        "skip_holidays": form.ticked("skip_holidays"),
        "start_time": form.clock("start_time", time_message),
        "end_time": form.clock("end_time", time_message),
        "schedule_note": form.text("schedule_note", Cohort.schedule_note, too_long=N_("Enter a schedule note of 200 characters or fewer.")),
        "place": form.text("place", Cohort.place, missing=N_("Enter the place, in 200 characters or fewer."),
                           too_long=N_("Enter the place, in 200 characters or fewer.")),
    }
    if cohort["starts_on"] and cohort["ends_on"] and cohort["ends_on"] < cohort["starts_on"]:
        form.fail("ends_on", N_("The last day must not be before the first day."))
    pattern = pattern_from(form)
    cohort["rrule"] = to_rrule(pattern) if pattern else None
    if cohort["rrule"] and form.ok("starts_on", "ends_on") and not rule_days(
        cohort["rrule"], cohort["starts_on"], cohort["starts_on"], cohort["ends_on"], skip_holidays=cohort["skip_holidays"]
    ):
        form.fail("pattern", N_("This pattern gives no day from the first day to the last. Check the pattern and the dates."))
    if cohort["start_time"] and cohort["end_time"] and cohort["end_time"] <= cohort["start_time"]:
        form.fail("end_time", N_("The end time must be after the start time."))
    capacity = None
    try:
        capacity = roster_changes.parse_capacity(form.raw("capacity"))
    except SignupError as invalid:
        form.fail("capacity", invalid.message)
    moment_message = N_("Enter a date and time like 2026-12-01 09:00.")
    window = {
        "opens_at": form.moment("opens_at", zone, moment_message),
        "closes_at": form.moment("closes_at", zone, moment_message),
    }
    if window["opens_at"] and window["closes_at"] and window["closes_at"] <= window["opens_at"]:
        form.fail("closes_at", N_("Applications must close after they open."))
    window["cancellable_until"] = form.moment("cancellable_until", zone, moment_message, optional=True)
    if window["cancellable_until"] is None and cohort["starts_on"]:
        window["cancellable_until"] = default_cancellation_deadline(cohort["starts_on"], zone)
    allocation = _check_allocation(form)
    form.check()
    assert capacity is not None, "parse_capacity raised otherwise"
    return CohortValues(cohort=cohort, window=window, capacity=capacity, allocation=allocation)


def _check_allocation(form: FormReader) -> draws.Setup:
    """First come, first served (the default), or a lottery with its priority group and the public
    value's source announced before anyone applies."""
    if (form.raw("allocation") or "first_come") == "first_come":
        return draws.Setup(False)
    form.choice("allocation", ALLOCATIONS, N_("Choose how the seats are given."))
    priority = form.choice("priority", Priority, N_("Choose who is drawn first."))
    source = form.text("public_source", Draw.public_source,
                       missing=N_("Enter where the public value for the draw will come from, in 200 characters or fewer."),
                       too_long=N_("Enter where the public value for the draw will come from, in 200 characters or fewer."))
    return draws.Setup(True, Priority(priority or Priority.none.value), source)


async def allocation_values(pool_id: int) -> dict[str, str]:
    """A cohort's way of giving seats, as its form shows it."""
    setup = await draws.setup_of(pool_id)
    return {"allocation": ALLOCATIONS[setup.lottery], "priority": setup.priority.value, "public_source": setup.public_source}


async def create_cohort(program_id: int, form: dict[str, str], *, actor: Actor, now: datetime, zone: str) -> int:
    values = check_cohort(form, zone)
    async with Cohort._meta.db.transaction():
        cohort = await add_cohort(program_id=program_id, capacity=values.capacity, zone=zone, **values.cohort, **values.window)
        await draws.set_up(cohort.seat_pool, values.allocation)
        await record(actor, "cohort.create", "cohort", cohort.id, now=now, summary=values.cohort["label"],
                     after={**values.cohort, **values.window, "capacity": values.capacity, "lottery": values.allocation.lottery})
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
    # First the way seats are given: it can change only while nobody has applied, and then no
    # seat is confirmed and the seats below cannot be refused.
    try:
        async with Cohort._meta.db.transaction():
            if await draws.set_up(current["seat_pool"], values.allocation):
                await record(actor, "cohort.allocation", "cohort", cohort_id, now=now, summary=values.cohort["label"],
                             after={"lottery": values.allocation.lottery, "priority": values.allocation.priority.value,
                                    "public_source": values.allocation.public_source})
    except draws.LotterySettled as refused:
        raise FormInvalid({"allocation": Filled(refused.message)}) from refused
    try:
        await roster_changes.change_capacity(current["seat_pool"], values.capacity, actor=actor, now=now, language=language,
                                            zone=zone, object_type="cohort", object_id=cohort_id)
    except roster_changes.CapacityBelowConfirmed as refused:
        raise FormInvalid({"capacity": Filled(refused.message, **refused.values)}) from refused
    before, after = changed(current, {**values.cohort, **values.window})
    if not after:
        return
    async with Cohort._meta.db.transaction():
        cohort_changes = {getattr(Cohort, key): value for key, value in after.items() if key in COHORT_FIELDS}
        window_changes = {key: value for key, value in after.items() if key in WINDOW}
        if cohort_changes:
            await Cohort.update(cohort_changes).where(Cohort.id == cohort_id)
        if SESSION_FIELDS & after.keys():
            moved = await generate_sessions(cohort_id, zone=zone, now=now)
            if moved:
                await _tell_of_new_times(moved[0], values.cohort, current["seat_pool"], now=now, language=language, zone=zone)
        if window_changes:
            await change_window(current["seat_pool"], window_changes)
        await record(actor, "cohort.update", "cohort", cohort_id, now=now, summary=values.cohort["label"], before=before, after=after)


async def _tell_of_new_times(
    first: dict[str, Any], cohort: dict[str, Any], pool_id: int, *, now: datetime, language: str, zone: str
) -> None:
    """Everyone holding a seat or waiting is texted when the first session whose time or place
    changed now begins, and where (sessions only added or taken away at the ends are not news)."""
    program = await Cohort.select(Cohort.program.title.as_alias("title")).where(Cohort.seat_pool == pool_id).first()
    assert program is not None, "called for a cohort just saved"
    values = {"title": f"{program['title']} {cohort['label']}", "starts_on": first["starts_at"], "start_time": first["starts_at"],
              "place": first["place"]}
    await tell_registrants("cohort_changed", await pool_of(pool_id), values, now=now, language=language, zone=zone)


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


def pattern_values(cohort: dict[str, Any]) -> dict[str, str]:
    """The form's pattern fields for a stored cohort."""
    return form_fields(from_rrule(cohort["rrule"])) | {"skip_holidays": "1" if cohort["skip_holidays"] else ""}


NEW_COHORT = pattern_values({"rrule": WEEKDAYS_RULE, "skip_holidays": True})
"""A new cohort's form: weekdays, public holidays left out."""


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
        **pattern_values(cohort),
        "schedule_note": cohort["schedule_note"],
        "place": cohort["place"],
        "capacity": str(cohort["capacity"]),
        "opens_at": local(cohort["opens_at"]),
        "closes_at": local(cohort["closes_at"]),
        "cancellable_until": "",
    }
