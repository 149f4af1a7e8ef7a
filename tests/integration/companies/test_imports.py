"""Issue 17: companies imported from the spreadsheets counsellors keep: previewed first, then all
rows or none; a bad row says its line and what is wrong, in Korean; UTF-8 with BOM, CP949 as Korean
Excel saves CSV (똠 included, which Python's euc_kr cannot encode) and XLSX are read."""

from __future__ import annotations

import io

from openpyxl import Workbook

from jobcenter.audit.tables import AuditEntry
from jobcenter.companies.tables import Company
from tests.builders import a_staff_member
from tests.support import csrf_token, html, present

GOOD = "기업명,읍면동,업종,주소,하는 일,직원 수\n똠방각하식품,통진읍,식품 가공,경기도 김포시 통진읍,떡 제조,12\n한강정밀,양촌읍,제조업,,부품 가공,40\n"


async def upload(client, content: bytes, filename: str, action: str):
    token = await csrf_token(client)
    return await client.post("/staff/companies/import", data={"action": action, "_csrf_token": token},
                             files={"file": (filename, content, "text/csv")}, follow_redirects=False)


async def signed_in(client, sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member())


async def test_a_preview_shows_the_rows_and_writes_nothing_then_the_import_adds_them_all(client, sign_in_staff) -> None:
    await signed_in(client, sign_in_staff)
    data = "\ufeff".encode() + GOOD.encode("utf-8")

    preview = await upload(client, data, "기업.csv", "preview")
    assert await Company.count() == 0
    imported = await upload(client, data, "기업.csv", "import")

    rows = html(preview).select("[data-testid=import-preview] tbody tr")
    assert [present(row.th).get_text() for row in rows] == ["똠방각하식품", "한강정밀"]
    assert imported.status_code == 303
    made = await Company.select(Company.name, Company.industry, Company.employees).order_by(Company.id)
    assert made == [{"name": "똠방각하식품", "industry": "food", "employees": 12}, {"name": "한강정밀", "industry": "manufacturing", "employees": 40}]
    assert await AuditEntry.count().where(AuditEntry.action == "company.import") == 1


async def test_a_cp949_file_from_korean_excel_is_read_with_its_rare_syllables(client, sign_in_staff) -> None:
    await signed_in(client, sign_in_staff)

    await upload(client, GOOD.encode("cp949"), "기업.csv", "import")

    assert present(await Company.select(Company.name).order_by(Company.id).first())["name"] == "똠방각하식품"


async def test_an_xlsx_file_is_read(client, sign_in_staff) -> None:
    await signed_in(client, sign_in_staff)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in [line.split(",") for line in GOOD.strip().split("\n")]:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)

    await upload(client, buffer.getvalue(), "기업.xlsx", "import")

    assert await Company.count() == 2


async def test_a_file_with_a_bad_row_is_refused_whole_with_each_line_and_problem_in_korean(client, sign_in_staff) -> None:
    await signed_in(client, sign_in_staff)
    bad = GOOD + "부평물류,부평구,물류,,,\n이름없는,,광업,,,-3\n"

    response = await upload(client, bad.encode("utf-8"), "기업.csv", "import")

    assert response.status_code == 422
    problems = [item.get_text(" ", strip=True) for item in html(response).select("[data-testid=import-problems] li")]
    assert "4행, 읍·면·동: 기업이 있는 읍·면·동을 고르세요." in problems
    assert "5행, 업종: 업종을 고르세요." in problems and any(problem.startswith("5행, 직원 수") for problem in problems)
    assert await Company.count() == 0


async def test_a_file_that_is_not_a_spreadsheet_is_refused_with_a_clear_message(client, sign_in_staff) -> None:
    await signed_in(client, sign_in_staff)

    unreadable = await upload(client, b"\xff\xfe\x00\x01garbage\x80\x81", "x.csv", "preview")
    no_headers = await upload(client, b"a,b,c\n1,2,3\n", "x.csv", "preview")
    names_alone = await upload(client, "기업명,읍면동,업종\n".encode(), "x.csv", "import")

    assert unreadable.status_code == 422 and "읽을 수 없습니다" in present(html(unreadable).select_one("#error-file")).get_text()
    assert no_headers.status_code == 422 and "기업명, 읍면동, 업종" in present(html(no_headers).select_one("#error-file")).get_text()
    assert names_alone.status_code == 422 and "빈 파일" in present(html(names_alone).select_one("#error-file")).get_text()


async def test_pins_are_imported_from_latitude_and_longitude_columns(client, sign_in_staff) -> None:
    await signed_in(client, sign_in_staff)
    pinned = "기업명,읍면동,업종,위도,경도\n한강정밀,통진읍,제조업,37.6930,126.5990\n양곡식품,양촌읍,식품 가공,,\n"

    await upload(client, pinned.encode("utf-8"), "기업.csv", "import")
    half = await upload(client, "기업명,읍면동,업종,위도,경도\n대곶기계,대곶면,제조업,37.64,\n".encode(), "기업.csv", "preview")

    made = await Company.select(Company.name, Company.latitude, Company.longitude).order_by(Company.id)
    assert made == [{"name": "한강정밀", "latitude": 37.693, "longitude": 126.599}, {"name": "양곡식품", "latitude": None, "longitude": None}]
    assert "2행, 경도: 위도와 경도를 모두 입력하거나 둘 다 비워 두세요." in html(half).get_text(" ", strip=True)
