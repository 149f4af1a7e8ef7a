"""A cohort's completion list (수료 명단) as a file for Excel (CSV with BOM or XLSX, see
spreadsheets.py): each confirmed person, a column per session, sessions attended and whether they
completed. It holds full phone numbers, so every export is written to the audit log."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from jobcenter.audit.service import Actor, record
from jobcenter.catalog.attendance import AttendanceSheet, attendance_sheet
from jobcenter.i18n import N_, gettext
from jobcenter.signups.targets import Progress
from jobcenter.spreadsheets import Rows, file_bytes

BEFORE = [N_("Name"), N_("Mobile number"), N_("Year of birth"), N_("Confirmation number")]
AFTER = [N_("Sessions attended"), N_("Sessions in all"), N_("Completion")]
WIDTHS = [14, 16, 8, 12]
SESSION_WIDTH = 7
OUTCOMES = {"completed": N_("Completed"), "not_completed": N_("Not completed"), "in_progress": N_("In progress")}


def outcome(progress: Progress) -> str:
    """수료, 미수료 or 진행 중, as a key of OUTCOMES."""
    if not progress.ended:
        return "in_progress"
    return "completed" if progress.completed else "not_completed"


def _rows(sheet: AttendanceSheet, language: str, zone: str) -> Rows:
    tz = ZoneInfo(zone)
    days = [f"{session['starts_at'].astimezone(tz):%m-%d}" for session in sheet.sessions]
    rows: Rows = [[*(gettext(language, column) for column in BEFORE), *days, *(gettext(language, column) for column in AFTER)]]
    for trainee in sheet.trainees:
        line, progress = trainee.line, trainee.progress
        rows.append([
            line.name, line.full_mobile, line.birth_year, line.confirmation_code,
            *("O" if session["id"] in trainee.present else "" for session in sheet.sessions),
            progress.attended, progress.total, gettext(language, OUTCOMES[outcome(progress)]),
        ])
    return rows


async def export(program_id: int, cohort_id: int, kind: str, *, actor: Actor, now: datetime, language: str, zone: str) -> tuple[bytes, str]:
    """The completion list as `kind` (csv or xlsx) and the file's name, after the audit entry."""
    sheet = await attendance_sheet(program_id, cohort_id, zone=zone, now=now)
    title = gettext(language, N_("Completion list"))
    rows = _rows(sheet, language, zone)
    data = file_bytes(kind, rows, title, WIDTHS + [SESSION_WIDTH] * len(sheet.sessions) + [8, 8, 10])
    name = f"{sheet.cohort['program_title']} {sheet.cohort['label']} {title}"
    await record(actor, "cohort.completion_export", "cohort", cohort_id, now=now, summary=f"{kind}: {len(sheet.trainees)} people, {name}")
    return data, name
