"""Issue 17: job postings imported from the spreadsheets counsellors keep, for companies in the
directory (by 사업자등록번호, or by a name no other company has): previewed first, then all rows or
none, as drafts or published at once; each bad row says its line and what is wrong, in Korean."""

from __future__ import annotations

import io
from datetime import datetime

from openpyxl import Workbook

from jobcenter.audit.tables import AuditEntry
from jobcenter.companies.tables import Company, Posting
from tests.builders import a_staff_member
from tests.integration.companies.test_postings import a_company
from tests.support import csrf_token, html, present

HEADER = "기업명,사업자등록번호,모집 직종,고용 형태,급여 형태,급여,근무 시간,시니어 우대,마감일\n"
GOOD = HEADER + ("아라뱃길물류,,물류센터 포장 사원,정규직,월급,\"2,300,000\",08:30~17:30,Y,2026-12-20\n"
                 ",220-81-62517,아파트 경비원,계약직,시급,10500,격일 24시간,,2026.12.31\n")


async def upload(client, content: bytes, action: str, *, publish: bool = False, filename: str = "공고.csv"):
    token = await csrf_token(client)
    fields = {"action": action, "_csrf_token": token, **({"publish": "1"} if publish else {})}
    return await client.post("/staff/postings/import", data=fields, files={"file": (filename, content, "text/csv")}, follow_redirects=False)


async def directory() -> tuple[int, int]:
    """아라뱃길물류 by name, and a company known by its business number."""
    by_name = await a_company()
    by_number = await a_company("김포경비", district="사우동")
    await Company.update({Company.business_number: "2208162517"}).where(Company.id == by_number)
    return by_name, by_number


async def test_a_preview_writes_nothing_then_the_postings_are_drafts_of_the_companies_they_name(client, sign_in_staff) -> None:
    by_name, by_number = await directory()
    await sign_in_staff(await a_staff_member())

    preview = await upload(client, GOOD.encode("utf-8-sig"), "preview")
    assert await Posting.count() == 0
    imported = await upload(client, GOOD.encode("utf-8-sig"), "import")

    rows = [row.get_text(" ", strip=True) for row in html(preview).select("[data-testid=import-preview] tbody tr")]
    assert rows[0].startswith("물류센터 포장 사원 아라뱃길물류 월급 2,300,000원")
    assert rows[1].startswith("아파트 경비원 김포경비"), "the company the number found, by its directory name"
    assert (imported.status_code, imported.headers["location"]) == (303, "/staff/postings?status=draft&done=imported")
    made = await Posting.select(Posting.company, Posting.position, Posting.wage_period, Posting.wage, Posting.welcomes_seniors, Posting.status,
                                Posting.deadline).order_by(Posting.id)
    assert [(row["company"], row["wage"], row["welcomes_seniors"], row["status"], str(row["deadline"])) for row in made] == [
        (by_name, 2_300_000, True, "draft", "2026-12-20"), (by_number, 10_500, False, "draft", "2026-12-31")]
    assert await AuditEntry.count().where(AuditEntry.action == "posting.import") == 1
    listed = html(await client.get("/staff/postings", params={"status": "draft"}))
    assert len(listed.select("[data-testid=staff-posting-row]")) == 2
    assert "물류센터 포장 사원" not in (await client.get("/jobs")).text


async def test_published_at_once_they_are_on_the_job_list(client, sign_in_staff, clock) -> None:
    await directory()
    await sign_in_staff(await a_staff_member())

    await upload(client, GOOD.encode("cp949"), "import", publish=True)

    assert {row["published_at"] for row in await Posting.select(Posting.published_at)} == {clock.now}
    jobs = (await client.get("/jobs")).text
    assert "물류센터 포장 사원" in jobs and "아파트 경비원" in jobs


async def test_an_xlsx_file_with_date_and_number_cells_is_read(client, sign_in_staff) -> None:
    await directory()
    await sign_in_staff(await a_staff_member())
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(HEADER.strip().split(","))
    sheet.append(["아라뱃길물류", None, "지게차 운전원", "정규직", "월급", 2_600_000.0, "주간", "", datetime(2026, 12, 24)])
    buffer = io.BytesIO()
    workbook.save(buffer)

    await upload(client, buffer.getvalue(), "import", filename="공고.xlsx")

    posting = present(await Posting.select(Posting.position, Posting.wage, Posting.deadline).first())
    assert (posting["position"], posting["wage"], str(posting["deadline"])) == ("지게차 운전원", 2_600_000, "2026-12-24")


async def test_a_file_with_bad_rows_is_refused_whole_with_each_line_and_problem_in_korean(client, sign_in_staff) -> None:
    await directory()
    await a_company("동명기업", district="통진읍")
    await a_company("동명기업", district="양촌읍")
    await sign_in_staff(await a_staff_member())
    bad = GOOD + ("없는회사,,포장,정규직,시급,10500,,,2026-12-20\n"
                  "동명기업,,포장,정규직,시급,10500,,,2026-12-20\n"
                  "아라뱃길물류,,포장,정규직,시급,10000,,,2026-11-01\n"
                  "아라뱃길물류,123-45-67890,포장,아르바이트,시급,10500,,,2026-12-20\n")

    response = await upload(client, bad.encode("utf-8"), "import")

    assert response.status_code == 422
    problems = [item.get_text(" ", strip=True) for item in html(response).select("[data-testid=import-problems] li")]
    assert any(problem.startswith("4행, 기업명:") for problem in problems)
    assert any(problem.startswith("5행, 기업명:") and "사업자등록번호" in problem for problem in problems)
    assert "6행, 급여: 최저임금보다 적습니다. 10,320원 이상이어야 합니다." in problems
    assert any(problem.startswith("6행, 마감일:") for problem in problems)
    assert any(problem.startswith("7행, 사업자등록번호:") for problem in problems)
    assert any(problem.startswith("7행, 고용 형태:") for problem in problems)
    assert await Posting.count() == 0
    assert await AuditEntry.count().where(AuditEntry.action == "posting.import") == 0


async def test_a_file_without_the_columns_a_posting_needs_is_refused(client, sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member())

    response = await upload(client, "기업명,모집 직종\n아라뱃길물류,포장\n".encode(), "preview")

    assert response.status_code == 422
    assert "기업명(또는 사업자등록번호), 모집 직종, 고용 형태" in present(html(response).select_one("#error-file")).get_text()


async def test_a_company_may_be_named_by_its_business_number_alone_and_a_name_beside_it_must_agree(client, sign_in_staff) -> None:
    _, by_number = await directory()
    await sign_in_staff(await a_staff_member())
    numbers_only = "사업자등록번호,모집 직종,고용 형태,급여 형태,급여,마감일\n2208162517,경비원,계약직,시급,10500,2026-12-31\n"
    disagreeing = HEADER + "아라뱃길물류,220-81-62517,경비원,계약직,시급,10500,,,2026-12-31\n"

    wrong_name = await upload(client, disagreeing.encode(), "preview")
    imported = await upload(client, numbers_only.encode(), "import")

    assert "2행, 기업명: 이 기업명은 이 사업자등록번호의 기업 이름과 다릅니다." in html(wrong_name).get_text(" ", strip=True)
    assert imported.status_code == 303
    assert present(await Posting.select(Posting.company).first())["company"] == by_number


async def test_a_damaged_spreadsheet_is_refused_not_a_crash(client, sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member())
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["기업명", "모집 직종"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    damaged = buffer.getvalue().replace(b"PK", b"PK", 1)[:-40]

    response = await upload(client, damaged, "preview", filename="공고.xlsx")

    assert response.status_code == 422
    assert "읽을 수 없습니다" in present(html(response).select_one("#error-file")).get_text()
