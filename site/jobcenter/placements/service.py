"""The rules of placements and follow-up calls (사후 해피콜): recording that someone found a job
schedules its calls; each call's outcome is recorded, and may be recorded again (a call not reached
is tried again; a slip is corrected). Every change is audited in the transaction that makes it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter.accounts.mobile import format_mobile, mask_mobile
from jobcenter.accounts.tables import Citizen
from jobcenter.audit.service import Actor, changed, record
from jobcenter.catalog.tables import Cohort, Program
from jobcenter.errors import NotFound
from jobcenter.i18n import N_
from jobcenter.placements.calls import CallLine, FollowUpCallNotFound, call_line
from jobcenter.placements.schedule import follow_up_dates
from jobcenter.placements.tables import FollowUpCall, LeaveReason, Placement
from jobcenter.signups.tables import Application, ApplicationStatus
from jobcenter.web.form_input import FormInvalid, read_id

NO_PROGRAM = "none"
"""The program choice for a job that came from none of the person's programs."""
TEXT_MAX = 100
NOTE_MAX = 2000
START_WITHIN = timedelta(days=366)
"""A start date further than this from today is a typing slip (a wrong year), not a real job."""
DAY = re.compile(r"(\d{4})\D+(\d{1,2})\D+(\d{1,2})\D*|(\d{4})(\d{2})(\d{2})")
YES_NO = {"yes": True, "no": False}


class PersonNotFound(NotFound):
    """No citizen has this number."""


@dataclass(frozen=True)
class PlacementForm:
    """The new-job form as typed."""

    company: str = ""
    position: str = ""
    started_on: str = ""
    program: str = ""


@dataclass(frozen=True)
class OutcomeForm:
    """A call's outcome as typed: yes/no answers are "yes", "no" or empty."""

    reached: str = ""
    still_employed: str = ""
    thinking_of_leaving: str = ""
    leave_reason: str = ""
    difficulties: str = ""
    note: str = ""


async def person(citizen_id: int) -> dict[str, Any]:
    """Who the job is recorded for: name and masked number. PersonNotFound when there is nobody."""
    row = await Citizen.select(Citizen.id, Citizen.name, Citizen.mobile).where(Citizen.id == citizen_id).first()
    if row is None:
        raise PersonNotFound(citizen_id)
    return {"id": row["id"], "name": row["name"], "masked_mobile": mask_mobile(row["mobile"])}


async def programs_applied_to(citizen_id: int) -> list[dict[str, Any]]:
    """The programs the person applied to (an application not cancelled), by title: the choices for
    where a job came from."""
    pools = Application.select(Application.seat_pool).where(
        Application.citizen == citizen_id, Application.status != ApplicationStatus.cancelled.value
    )
    return await Program.select(Program.id, Program.title).where(
        Program.id.is_in(Cohort.select(Cohort.program).where(Cohort.seat_pool.is_in(pools)))
    ).order_by(Program.title)


def _one_line(raw: str) -> str:
    return " ".join(unicodedata.normalize("NFC", raw).split())


def _free_text(raw: str) -> str:
    """Several lines kept as typed, without control characters (a NUL would break PostgreSQL)."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n")
    return "".join(ch for ch in text if ch in "\n\t" or ch.isprintable()).strip()


def _check_line(raw: str, field: str, missing: str, too_long: str, errors: dict[str, str]) -> str:
    value = _one_line(raw)
    if not value:
        errors[field] = missing
    elif len(value) > TEXT_MAX or not value.isprintable():
        errors[field] = too_long
    return value


def parse_day(typed: str) -> date | None:
    """2026-11-26 (what a date field sends), 2026.11.26, 2026/11/26 or 20261126; None otherwise."""
    match = DAY.fullmatch(unicodedata.normalize("NFKC", typed).strip())
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups() if part is not None)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _check_start(typed: str, today: date, errors: dict[str, str]) -> date | None:
    started_on = parse_day(typed)
    if not typed.strip():
        errors["started_on"] = N_("Enter the date the job starts.")
    elif started_on is None:
        errors["started_on"] = N_("Enter the start date as a real date, like 2026-11-26.")
    elif abs(started_on - today) > START_WITHIN:
        errors["started_on"] = N_("Enter a start date no more than a year before or after today.")
    return started_on


async def _check_program(typed: str, citizen_id: int, errors: dict[str, str]) -> int | None:
    choices = await programs_applied_to(citizen_id)
    if typed == NO_PROGRAM or (not choices and not typed):
        return None
    program_id = read_id(typed)
    if program_id in {program["id"] for program in choices}:
        return program_id
    errors["program"] = N_("Choose the program the job came from, or 'None of these'.")
    return None


async def record_placement(
    citizen_id: int, form: PlacementForm, *, months: Iterable[int], actor: Actor, now: datetime, zone: str
) -> int:
    """Record the job and schedule its follow-up calls `months` after the start. Returns the
    placement's number; FormInvalid (nothing written) or PersonNotFound otherwise."""
    who = await person(citizen_id)
    today = now.astimezone(ZoneInfo(zone)).date()
    errors: dict[str, str] = {}
    company = _check_line(form.company, "company", N_("Enter the name of the company."),
                          N_("Enter the company's name in 100 characters or fewer."), errors)
    position = _check_line(form.position, "position", N_("Enter the job or position."),
                           N_("Enter the job or position in 100 characters or fewer."), errors)
    started_on = _check_start(form.started_on, today, errors)
    program_id = await _check_program(form.program, citizen_id, errors)
    if errors:
        raise FormInvalid(errors)
    assert started_on is not None, "_check_start recorded an error otherwise"
    values = {"company": company, "position": position, "started_on": started_on, "program_id": program_id}
    async with Placement._meta.db.transaction():
        if await Placement.exists().where(
            Placement.citizen == citizen_id, Placement.company == company,
            Placement.position == position, Placement.started_on == started_on,
        ):  # a second click on Save, or the same job typed twice
            raise FormInvalid({"company": N_("This job is already recorded for this person.")})
        (row,) = await Placement.insert(
            Placement(citizen=citizen_id, program=program_id, company=company, position=position,
                      started_on=started_on, recorded_by=actor.name[:50], created_at=now)
        ).returning(Placement.id)
        await record(actor, "placement.create", "placement", row["id"], now=now, citizen_id=citizen_id,
                     summary=f"{who['name']}: {company} {position}", after=values)
        for months_after, due_on in follow_up_dates(started_on, months):
            (call,) = await FollowUpCall.insert(
                FollowUpCall(placement=row["id"], months_after=months_after, due_on=due_on)
            ).returning(FollowUpCall.id)
            await record(actor, "call.schedule", "call", call["id"], now=now, citizen_id=citizen_id,
                         summary=f"{who['name']}: {months_after}", after={"months_after": months_after, "due_on": due_on})
    return row["id"]


def _check_outcome(form: OutcomeForm) -> dict[str, Any]:
    """The outcome to store, from the answers that apply: a call not reached keeps only its note;
    someone who left is not asked whether they think of leaving; a reason is asked of those who
    left or think of leaving. FormInvalid, in the order of the form, otherwise."""
    errors: dict[str, str] = {}
    reached = YES_NO.get(form.reached)
    still_employed = thinking_of_leaving = leave_reason = None
    difficulties = ""
    if reached is None:
        errors["reached"] = N_("Choose whether you reached the person.")
    elif reached:
        still_employed = YES_NO.get(form.still_employed)
        if still_employed is None:
            errors["still_employed"] = N_("Choose whether the person still works there.")
        elif still_employed:
            thinking_of_leaving = YES_NO.get(form.thinking_of_leaving)
            if thinking_of_leaving is None:
                errors["thinking_of_leaving"] = N_("Choose whether the person is thinking of leaving.")
        if still_employed is False or thinking_of_leaving:
            leave_reason = form.leave_reason if form.leave_reason in {reason.value for reason in LeaveReason} else None
            if leave_reason is None:
                errors["leave_reason"] = (
                    N_("Choose why the person left, or 'Other'.") if still_employed is False
                    else N_("Choose why the person is thinking of leaving, or 'Other'.")
                )
        difficulties = _free_text(form.difficulties)
        if len(difficulties) > NOTE_MAX:
            errors["difficulties"] = N_("Write the difficulties in 2,000 characters or fewer.")
    note = _free_text(form.note)
    if len(note) > NOTE_MAX:
        errors["note"] = N_("Write the note in 2,000 characters or fewer.")
    if errors:
        raise FormInvalid(errors)
    return {
        "reached": reached,
        "still_employed": still_employed,
        "thinking_of_leaving": thinking_of_leaving,
        "leave_reason": leave_reason,
        "difficulties": difficulties,
        "note": note,
    }


OUTCOME_COLUMNS = (
    FollowUpCall.called_at, FollowUpCall.reached, FollowUpCall.still_employed, FollowUpCall.thinking_of_leaving,
    FollowUpCall.leave_reason, FollowUpCall.difficulties, FollowUpCall.note,
)


async def record_outcome(call_id: int, form: OutcomeForm, *, actor: Actor, now: datetime) -> None:
    """Record what the call found (the first time, after trying again, or to correct it), as made
    now by `actor`. FormInvalid (nothing written) or FollowUpCallNotFound otherwise."""
    outcome = _check_outcome(form)
    async with FollowUpCall._meta.db.transaction():
        before = await FollowUpCall.select(
            *OUTCOME_COLUMNS, FollowUpCall.placement.citizen.as_alias("citizen_id")
        ).where(FollowUpCall.id == call_id).first()
        if before is None:
            raise FollowUpCallNotFound(call_id)
        await FollowUpCall.update(
            {**{getattr(FollowUpCall, key): value for key, value in outcome.items()},
             FollowUpCall.called_at: now, FollowUpCall.called_by: actor.name[:50]}
        ).where(FollowUpCall.id == call_id)
        if before["called_at"] is None:
            action = "call.record"
        else:
            action = "call.retry" if before["reached"] is False else "call.correct"
        old, new = changed({key: before[key] for key in outcome}, outcome)
        await record(actor, action, "call", call_id, now=now, citizen_id=before["citizen_id"], before=old, after=new)


async def view_call(call_id: int, *, actor: Actor, now: datetime, today: date) -> CallLine:
    """One call as a staff member opens it (the person, the job, what they said before); the look is
    logged, as every staff read of one person's record is. FollowUpCallNotFound when there is none."""
    line = await call_line(call_id, today=today)
    await record(actor, "call.view", "call", call_id, now=now, citizen_id=line.citizen_id)
    return line


async def reveal_mobile(call_id: int, *, actor: Actor, now: datetime) -> str:
    """The full number to dial for one call; the reveal is logged (who, when, whose)."""
    row = await FollowUpCall.select(
        FollowUpCall.placement.citizen.as_alias("citizen_id"), FollowUpCall.placement._.citizen.mobile.as_alias("mobile")
    ).where(FollowUpCall.id == call_id).first()
    if row is None:
        raise FollowUpCallNotFound(call_id)
    await record(actor, "citizen.reveal_mobile", "call", call_id, now=now, citizen_id=row["citizen_id"])
    return format_mobile(row["mobile"])
