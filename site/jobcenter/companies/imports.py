"""Companies imported from the spreadsheets counsellors keep: CSV (UTF-8 with or without BOM, or
CP949 as Korean Excel saves it; Python's `euc_kr` fails on characters such as 똠) or XLSX. The
first row names the columns (Korean or the form's names). Every row is checked as the company form
checks it; a file with any bad row is refused whole, each problem with its line, and nothing is
written (all or nothing, in one transaction, one audit entry)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from openpyxl import load_workbook

from jobcenter.audit.service import Actor, record
from jobcenter.companies.editing import COMPANY_FIELDS, check_company
from jobcenter.companies.labels import INDUSTRY_LABELS
from jobcenter.companies.tables import Company, Industry
from jobcenter.i18n import N_, gettext
from jobcenter.web.form_input import FormInvalid

MAX_ROWS = 2_000
HEADERS = {
    "기업명": "name", "회사명": "name", "읍면동": "district", "읍·면·동": "district", "업종": "industry", "주소": "address",
    "하는 일": "products", "주요 생산품": "products", "직원 수": "employees", "직원수": "employees",
    **{name: name for name in COMPANY_FIELDS},
}
"""Column names as counsellors write them, and the form's own."""
KOREAN = "ko"
INDUSTRIES = {**{gettext(KOREAN, label): value for value, label in INDUSTRY_LABELS.items()}, **{item.value: item.value for item in Industry}}
"""An industry as written in Korean (제조업) or as the site's code (manufacturing)."""
FIELD_LABELS = {"name": N_("Name"), "district": N_("District (읍·면·동)"), "industry": N_("Industry"), "address": N_("Address"),
                "products": N_("What it makes or does"), "employees": N_("Employees")}
"""The columns as a problem names them."""


class ImportRefused(Exception):
    """The file cannot be read at all; `message` is a msgid."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Problem:
    """One problem of one row: its line in the file, the column and a msgid."""

    line: int
    field: str
    message: str


@dataclass(frozen=True)
class Checked:
    rows: list[dict[str, Any]]
    problems: list[Problem]


def decode(data: bytes) -> str:
    """The text of a CSV file: UTF-8 (a BOM dropped), else CP949, else ImportRefused."""
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportRefused(N_("The file could not be read. Save it as CSV (UTF-8 or the Korean Excel default) or as XLSX."))


def read_table(data: bytes) -> list[list[str]]:
    """The file's rows as text cells, XLSX (a zip file) or CSV."""
    if data[:2] == b"PK":
        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            raise ImportRefused(N_("The file could not be read. Save it as CSV (UTF-8 or the Korean Excel default) or as XLSX.")) from error
        return [["" if cell is None else str(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
    return list(csv.reader(io.StringIO(decode(data))))


def check_file(data: bytes, districts: tuple[str, ...]) -> Checked:
    """Every row checked as the company form checks it; the problems with their lines."""
    table = [row for row in read_table(data) if any(cell.strip() for cell in row)]
    if len(table) < 2:  # no row, or the column names alone
        raise ImportRefused(N_("The file is empty."))
    if len(table) - 1 > MAX_ROWS:
        raise ImportRefused(N_("The file has more than 2,000 rows: split it in parts."))
    columns = [HEADERS.get(cell.strip()) for cell in table[0]]
    if "name" not in columns or "district" not in columns or "industry" not in columns:
        raise ImportRefused(N_("The first row must name the columns, with at least 기업명, 읍면동 and 업종."))
    rows: list[dict[str, Any]] = []
    problems: list[Problem] = []
    for line, cells in enumerate(table[1:], start=2):
        form = {column: cell.strip() for column, cell in zip(columns, cells, strict=False) if column}
        form["industry"] = INDUSTRIES.get(form.get("industry", ""), form.get("industry", ""))
        try:
            rows.append(check_company(form, districts))
        except FormInvalid as invalid:
            problems.extend(Problem(line, field, message) for field, message in invalid.errors.items())
    return Checked(rows=rows, problems=problems)


async def import_companies(checked: Checked, *, actor: Actor, now: datetime) -> int:
    """Every row added, in one transaction with one audit entry; none when a row has a problem."""
    if checked.problems:
        raise FormInvalid({"file": N_("Nothing was imported: correct the rows listed and try again.")})
    async with Company._meta.db.transaction():
        await Company.insert(*(Company(**row, created_at=now, updated_at=now) for row in checked.rows))
        await record(actor, "company.import", "company", None, now=now, summary=f"{len(checked.rows)} companies")
    return len(checked.rows)
