"""A roster as a file: CSV that Korean Excel opens as UTF-8 (it needs the BOM), and XLSX. An
export holds full phone numbers, so every export is written to the audit log.

What people typed (a name) is never a formula when staff open the file: a text cell that begins
with =, +, -, @, a tab or a carriage return is written as text (OWASP's advice on CSV injection):
with an apostrophe in CSV, as a string cell in XLSX. Numbers stay numbers."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from jobcenter.audit.service import Actor, record
from jobcenter.i18n import N_, gettext
from jobcenter.signups.roster import Roster, roster

BOM = "\ufeff"
COLUMNS = [
    N_("Status"), N_("Waitlist number"), N_("Name"), N_("Mobile number"), N_("Year of birth"),
    N_("Confirmation number"), N_("Applied through"), N_("Applied at"), N_("Attended"),
]
STATUS_WORDS = {"confirmed": N_("Confirmed"), "waitlisted": N_("Waiting")}
CHANNEL_WORDS = {"web": N_("Website"), "staff": N_("Staff"), "kiosk": N_("Kiosk")}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _is_formula_like(value: str | int) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def _rows(sheet: Roster, language: str, zone: str) -> list[list[str | int]]:
    tz = ZoneInfo(zone)
    rows: list[list[str | int]] = [[gettext(language, column) for column in COLUMNS]]
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
            "O" if line.attended_at else "",
        ])
    return rows


def csv_bytes(sheet: Roster, language: str, zone: str) -> bytes:
    buffer = io.StringIO()
    buffer.write(BOM)
    rows = [[f"'{value}" if _is_formula_like(value) else value for value in row] for row in _rows(sheet, language, zone)]
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def xlsx_bytes(sheet: Roster, language: str, zone: str) -> bytes:
    workbook = Workbook()
    worksheet = workbook.active
    assert isinstance(worksheet, Worksheet), "a new workbook has one worksheet, active"
    worksheet.title = gettext(language, N_("Roster"))
    for row in _rows(sheet, language, zone):
        worksheet.append(row)
        for cell, value in zip(worksheet[worksheet.max_row], row, strict=True):
            if _is_formula_like(value):
                cell.value, cell.data_type = value, "s"
    for index, width in enumerate([8, 8, 14, 16, 8, 12, 10, 18, 6], start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = width
    worksheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


EXPORTERS = {"csv": csv_bytes, "xlsx": xlsx_bytes}


async def export(pool_id: int, kind: str, *, actor: Actor, now: datetime, language: str, zone: str) -> tuple[bytes, Roster]:
    """The roster as `kind` (csv or xlsx), after writing the export to the audit log."""
    sheet = await roster(pool_id, zone)
    data = EXPORTERS[kind](sheet, language, zone)
    await record(actor, "roster.export", "roster", pool_id, now=now,
                 summary=f"{kind}: {len(sheet.confirmed) + len(sheet.waitlisted)} people, {sheet.target.title} {sheet.target.label}")
    return data, sheet
