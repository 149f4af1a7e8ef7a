"""Tables as files staff open in Excel: CSV that Korean Excel opens as UTF-8 (it needs the BOM), and
XLSX. What people typed (a name) is never a formula when staff open the file: a text cell that
begins with =, +, -, @, a tab or a carriage return is written as text (OWASP's advice on CSV
injection): with an apostrophe in CSV, as a string cell in XLSX. Numbers stay numbers."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MEDIA_TYPES = {"csv": "text/csv",  # Litestar adds "; charset=utf-8" to text/ types
               "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
"""The kinds of file, by the extension a download link names."""

Rows = list[list[str | int]]
"""A header row, then the data."""


def _is_formula_like(value: str | int) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_bytes(rows: Rows) -> bytes:
    buffer = io.StringIO()
    buffer.write(BOM)
    csv.writer(buffer, lineterminator="\r\n").writerows([[f"'{value}" if _is_formula_like(value) else value for value in row] for row in rows])
    return buffer.getvalue().encode("utf-8")


def xlsx_bytes(rows: Rows, title: str, widths: list[int]) -> bytes:
    """One worksheet named `title`, its header row frozen, its columns `widths` characters wide."""
    workbook = Workbook()
    worksheet = workbook.active
    assert isinstance(worksheet, Worksheet), "a new workbook has one worksheet, active"
    worksheet.title = title[:31]  # Excel's limit for a sheet's name
    for row in rows:
        worksheet.append(row)
        for cell, value in zip(worksheet[worksheet.max_row], row, strict=True):
            if _is_formula_like(value):
                cell.value, cell.data_type = value, "s"
    for index, width in enumerate(widths, start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = width
    worksheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def file_bytes(kind: str, rows: Rows, title: str, widths: list[int]) -> bytes:
    """`rows` as a file of `kind` (a key of MEDIA_TYPES)."""
    return csv_bytes(rows) if kind == "csv" else xlsx_bytes(rows, title, widths)
