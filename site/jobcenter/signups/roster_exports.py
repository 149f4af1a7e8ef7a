"""A roster as a file for Excel (CSV with BOM or XLSX, see spreadsheets.py). An export holds full
phone numbers, so every export is written to the audit log."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from jobcenter.audit.service import Actor, record
from jobcenter.i18n import N_, gettext
from jobcenter.signups.roster import Roster, roster
from jobcenter.spreadsheets import Rows, file_bytes

COLUMNS = [
    N_("Status"), N_("Waitlist number"), N_("Name"), N_("Mobile number"), N_("Year of birth"),
    N_("Confirmation number"), N_("Applied through"), N_("Applied at"), N_("Attended"),
]
WIDTHS = [8, 8, 14, 16, 8, 12, 10, 18, 6]
STATUS_WORDS = {"confirmed": N_("Confirmed"), "waitlisted": N_("Waiting")}
CHANNEL_WORDS = {"web": N_("Website"), "staff": N_("Staff"), "kiosk": N_("Kiosk")}


def _rows(sheet: Roster, language: str, zone: str) -> Rows:
    """A row per person; attendance only where the roster takes it (a cohort's is per session)."""
    tz = ZoneInfo(zone)
    by_session = sheet.target.attendance_path is not None
    columns = COLUMNS[:-1] if by_session else COLUMNS
    rows: Rows = [[gettext(language, column) for column in columns]]
    for line in [*sheet.confirmed, *sheet.waitlisted]:
        rows.append([
            gettext(language, STATUS_WORDS[line.status]),
            line.waitlist_position or "",
            line.name,
            line.full_mobile,
            line.birth_year,
            line.confirmation_code,
            gettext(language, CHANNEL_WORDS.get(line.channel, line.channel)),
            line.created_at.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
            *([] if by_session else ["O" if line.attended_at else ""]),
        ])
    return rows


async def export(pool_id: int, kind: str, *, actor: Actor, now: datetime, language: str, zone: str) -> tuple[bytes, Roster]:
    """The roster as `kind` (csv or xlsx), after writing the export to the audit log."""
    sheet = await roster(pool_id, zone)
    data = file_bytes(kind, _rows(sheet, language, zone), gettext(language, N_("Roster")), WIDTHS)
    await record(actor, "roster.export", "roster", pool_id, now=now,
                 summary=f"{kind}: {len(sheet.confirmed) + len(sheet.waitlisted)} people, {sheet.target.title} {sheet.target.label}")
    return data, sheet
