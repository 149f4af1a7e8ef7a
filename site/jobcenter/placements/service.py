"""The rules of placements and follow-up calls (사후 해피콜): recording that someone found a job
schedules its calls; each call's outcome is recorded, and may be recorded again (a call not reached
is tried again; a slip is corrected). Every change is audited in the transaction that makes it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter.accounts.mobile import format_mobile, mask_mobile
from jobcenter.accounts.tables import Citizen
from jobcenter.audit.service import Actor, changed, record
from jobcenter.catalog.tables import Cohort, Program
from jobcenter.companies.referrals import ReferralNotFound, hired_referral
from jobcenter.errors import NotFound
from jobcenter.i18n import N_
from jobcenter.placements.calls import CallLine, FollowUpCallNotFound, call_line
from jobcenter.placements.schedule import follow_up_dates
from jobcenter.placements.tables import FollowUpCall, LeaveReason, Placement
from jobcenter.signups.tables import Application, ApplicationStatus
from jobcenter.web.form_input import FormInvalid, FormReader, read_day, read_id

NO_PROGRAM = "none"
"""The program choice for a job that came from none of the person's programs."""
NOTE_MAX = 2000
"""The longest difficulties and note a call keeps (Text columns, so a limit of their own)."""
START_WITHIN = timedelta(days=366)
"""A start date further than this from today is a typing slip (a wrong year), not a real job."""
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
    referral: str = ""
    """The referral that ended in this hire, when the job came from a posting."""


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


def _reader(form: PlacementForm | OutcomeForm) -> FormReader:
    """A FormReader over the form as typed, its fields in the order of the page."""
    data = asdict(form)
    return FormReader(data, order=list(data))


def _start_day(reader: FormReader, today: date) -> date | None:
    """The day the job starts, typed as read_day reads it, within a year of today."""
    typed = reader.raw("started_on")
    if not typed.strip():
        reader.fail("started_on", N_("Enter the date the job starts."))
        return None
    started_on = read_day(typed)
    if started_on is None:
        reader.fail("started_on", N_("Enter the start date as a real date, like 2026-11-26."))
    elif abs(started_on - today) > START_WITHIN:
        reader.fail("started_on", N_("Enter a start date no more than a year before or after today."))
    return started_on


async def _program(reader: FormReader, citizen_id: int) -> int | None:
    """The program the job came from: one the person applied to, or none ('None of these', or
    nothing chosen when there was nothing to choose)."""
    choices = {str(program["id"]): program["id"] for program in await programs_applied_to(citizen_id)}
    if not choices and not reader.raw("program"):
        return None
    chosen = reader.choice("program", [*choices, NO_PROGRAM], N_("Choose the program the job came from, or 'None of these'."))
    return choices.get(chosen or NO_PROGRAM)


async def hire_of(referral: str, citizen_id: int) -> dict[str, Any] | None:
    """The hire a referral recorded, when the job came from one (`referral` is its number as the form
    sent it, empty otherwise). ReferralNotFound for a referral of someone else or not hired."""
    if not referral:
        return None
    hire = await hired_referral(read_id(referral) or 0)
    if hire["citizen"] != citizen_id:
        raise ReferralNotFound(referral)
    return hire


async def record_placement(
    citizen_id: int, form: PlacementForm, *, months: Iterable[int], actor: Actor, now: datetime, zone: str
) -> int:
    """Record the job (with the posting it came from, for a referral's hire) and schedule its
    follow-up calls `months` after the start. Returns the placement's number; FormInvalid (nothing
    written), PersonNotFound or ReferralNotFound otherwise."""
    who = await person(citizen_id)
    hire = await hire_of(form.referral, citizen_id)
    posting_id = hire["posting"] if hire else None
    today = now.astimezone(ZoneInfo(zone)).date()
    reader = _reader(form)
    company = reader.text("company", Placement.company, missing=N_("Enter the name of the company."),
                          too_long=N_("Enter the company's name in 100 characters or fewer."))
    position = reader.text("position", Placement.position, missing=N_("Enter the job or position."),
                           too_long=N_("Enter the job or position in 100 characters or fewer."))
    started_on = _start_day(reader, today)
    program_id = await _program(reader, citizen_id)
    reader.check()
    values = {"company": company, "position": position, "started_on": started_on, "program_id": program_id, "posting_id": posting_id}
    same_job = Placement.posting == posting_id if posting_id else (Placement.company == company) & (Placement.position == position) & (
        Placement.started_on == started_on)
    async with Placement._meta.db.transaction():
        if await Placement.exists().where(Placement.citizen == citizen_id, same_job):  # a second click on Save, or the same job twice
            raise FormInvalid({"company": N_("This job is already recorded for this person.")})
        (row,) = await Placement.insert(
            Placement(citizen=citizen_id, program=program_id, posting=posting_id, company=company, position=position,
                      started_on=started_on, recorded_by=actor.name[:50], created_at=now)
        ).returning(Placement.id)
        await record(actor, "placement.create", "placement", row["id"], now=now, citizen_id=citizen_id,
                     summary=f"{who['name']}: {company} {position}", after=values)
        assert started_on is not None, "the form was checked above"
        for months_after, due_on in follow_up_dates(started_on, months):
            (call,) = await FollowUpCall.insert(
                FollowUpCall(placement=row["id"], months_after=months_after, due_on=due_on)
            ).returning(FollowUpCall.id)
            await record(actor, "call.schedule", "call", call["id"], now=now, citizen_id=citizen_id,
                         summary=f"{who['name']}: {months_after}", after={"months_after": months_after, "due_on": due_on})
    return row["id"]


def _yes_no(reader: FormReader, field: str, message: str) -> bool | None:
    answer = reader.choice(field, YES_NO, message)
    return None if answer is None else YES_NO[answer]


def _check_outcome(form: OutcomeForm) -> dict[str, Any]:
    """The outcome to store, from the answers that apply: a call not reached keeps only its note;
    someone who left is not asked whether they think of leaving; a reason is asked of those who
    left or think of leaving. FormInvalid, in the order of the form, otherwise."""
    reader = _reader(form)
    still_employed = thinking_of_leaving = leave_reason = None
    difficulties = ""
    reached = _yes_no(reader, "reached", N_("Choose whether you reached the person."))
    if reached:
        still_employed = _yes_no(reader, "still_employed", N_("Choose whether the person still works there."))
        if still_employed:
            thinking_of_leaving = _yes_no(reader, "thinking_of_leaving", N_("Choose whether the person is thinking of leaving."))
        if still_employed is False or thinking_of_leaving:
            leave_reason = reader.choice("leave_reason", LeaveReason, (
                N_("Choose why the person left, or 'Other'.") if still_employed is False
                else N_("Choose why the person is thinking of leaving, or 'Other'.")
            ))
        difficulties = reader.text("difficulties", NOTE_MAX, too_long=N_("Write the difficulties in 2,000 characters or fewer."), multiline=True)
    note = reader.text("note", NOTE_MAX, too_long=N_("Write the note in 2,000 characters or fewer."), multiline=True)
    reader.check()
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
