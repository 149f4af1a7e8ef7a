"""Rows imported from the spreadsheets counsellors keep (companies, job postings): CSV (UTF-8 with
or without BOM, or CP949 as Korean Excel saves it; Python's `euc_kr` fails on characters such as 똠)
or XLSX. The first row names the columns (Korean or the form's names). Every row is checked as its
form checks it; a file with any bad row is refused whole, each problem with its line, and nothing
is written (each kind imports all rows in one transaction, with one audit entry)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from openpyxl import load_workbook
from piccolo.table import Table

from jobcenter.i18n import N_
from jobcenter.web.form_input import FormInvalid

MAX_ROWS = 2_000
INSERT_CHUNK = 500
KOREAN = "ko"
NOTHING_IMPORTED = N_("Nothing was imported: correct the rows listed and try again.")


class ImportRefused(Exception):
    """The file cannot be read at all; `message` is a msgid."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Layout:
    """What a kind of file holds: its column names as counsellors write them (and the form's own),
    the columns it cannot do without, and how a problem names each column."""

    headers: dict[str, str]
    required: tuple[str, ...]
    missing_columns: str
    """The msgid when a required column is missing."""
    labels: dict[str, str]
    required_any: tuple[str, ...] = ()
    """Columns of which at least one must be there (a company named by name or by number)."""


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


def cell_text(cell: object) -> str:
    """A spreadsheet cell as the form would have it typed: a date cell as 2026-12-31, a whole
    number stored as 12.0 as 12."""
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == datetime.min.time() else cell.isoformat(sep=" ")
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def read_table(data: bytes) -> list[list[str]]:
    """The file's rows as text cells, XLSX (a zip file) or CSV."""
    if data[:2] == b"PK":
        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
            return [[cell_text(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
        except Exception as error:  # openpyxl raises many kinds for a damaged file, as it opens or as it reads a cell
            raise ImportRefused(N_("The file could not be read. Save it as CSV (UTF-8 or the Korean Excel default) or as XLSX.")) from error
    return list(csv.reader(io.StringIO(decode(data))))


def check_file(data: bytes, layout: Layout, check_row: Callable[[dict[str, str]], dict[str, Any]]) -> Checked:
    """Every row (a dict of field → text) checked by `check_row`, which raises FormInvalid as its
    form does; the problems with their lines. ImportRefused for a file that is empty, too long or
    without the columns it needs."""
    table = [row for row in read_table(data) if any(cell.strip() for cell in row)]
    if len(table) < 2:  # no row, or the column names alone
        raise ImportRefused(N_("The file is empty."))
    if len(table) - 1 > MAX_ROWS:
        raise ImportRefused(N_("The file has more than 2,000 rows: split it in parts."))
    columns = [layout.headers.get(cell.strip()) for cell in table[0]]
    if any(field not in columns for field in layout.required) or (layout.required_any and not set(layout.required_any) & set(columns)):
        raise ImportRefused(layout.missing_columns)
    rows: list[dict[str, Any]] = []
    problems: list[Problem] = []
    for line, cells in enumerate(table[1:], start=2):
        form = {column: cell.strip() for column, cell in zip(columns, cells, strict=False) if column}
        try:
            rows.append(check_row(form))
        except FormInvalid as invalid:
            problems.extend(Problem(line, field, message) for field, message in invalid.errors.items())
    return Checked(rows=rows, problems=problems)


async def insert_all(table: type[Table], rows: list[Table]) -> None:
    """The rows in statements of INSERT_CHUNK rows (inside the caller's transaction): one statement
    for 2,000 rows would pass PostgreSQL's limit of 32,767 parameters."""
    for start in range(0, len(rows), INSERT_CHUNK):
        await table.insert(*rows[start:start + INSERT_CHUNK])


def refuse_with_problems(checked: Checked) -> None:
    """FormInvalid when any row has a problem: nothing is imported."""
    if checked.problems:
        raise FormInvalid({"file": NOTHING_IMPORTED})
