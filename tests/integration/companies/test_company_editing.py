"""Issue 17: staff keep the directory current: a company added and corrected, visits recorded (the
latest is what the public sees, earlier ones stay as history), a closed company hidden; every
change audited."""

from __future__ import annotations

from jobcenter.audit.tables import AuditEntry
from jobcenter.companies.tables import Company, CompanyVisit
from tests.builders import a_staff_member
from tests.support import html, post_form, present

COMPANY = {"name": "한강정밀", "district": "통진읍", "industry": "manufacturing", "address": "경기도 김포시 통진읍", "products": "자동차 부품",
           "employees": "45"}
VISIT = {"visited_on": "2026-11-20", "hours": "08:30~17:30", "shifts": "주간 고정", "wage_min": "250", "wage_max": "290", "company_bus": "1",
         "bus_stop_minutes": "12", "meals": "중식 제공", "insurance": "1", "hires_seniors": "1", "note": "면접 당일 통근버스 안내"}


async def a_company_made_by(client, sign_in_staff) -> int:
    await sign_in_staff(await a_staff_member(name="김상담"))
    await post_form(client, "/staff/companies/new", COMPANY)
    return present(await Company.select(Company.id).where(Company.name == "한강정밀").first())["id"]


async def test_a_company_form_with_mistakes_is_refused_with_every_problem_and_keeps_what_was_typed(client, sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member())

    response = await post_form(client, "/staff/companies/new", {**COMPANY, "district": "강남구", "employees": "¹⁰", "name": ""})

    page = html(response)
    assert response.status_code == 422
    assert {link["href"] for link in page.select("[data-testid=error-summary] a")} == {"#field-name", "#field-district", "#field-employees"}
    assert present(page.select_one("#field-products"))["value"] == "자동차 부품"
    assert await Company.count() == 0


async def test_a_visit_recorded_by_staff_is_what_the_directory_shows(client, clock, sign_in_staff) -> None:
    company_id = await a_company_made_by(client, sign_in_staff)

    await post_form(client, f"/staff/companies/{company_id}/visits/new", VISIT)

    visit = present(await CompanyVisit.select().where(CompanyVisit.company == company_id).first())
    assert (visit["counsellor"], visit["wage_min"], visit["wage_max"], visit["company_bus"], visit["parking"]) == ("김상담", 2_500_000, 2_900_000,
                                                                                                                   True, False)
    public = html(await client.get(f"/companies/{company_id}"))
    assert "월 250~290만 원" in present(public.select_one("[data-testid=conditions]")).get_text()
    actions = [row["action"] for row in await AuditEntry.select(AuditEntry.action).where(AuditEntry.object_id == company_id)]
    assert sorted(actions) == ["company.create", "company.visit"]


async def test_an_older_visit_recorded_later_joins_the_history_without_replacing_the_latest(client, clock, sign_in_staff) -> None:
    company_id = await a_company_made_by(client, sign_in_staff)
    await post_form(client, f"/staff/companies/{company_id}/visits/new", VISIT)

    await post_form(client, f"/staff/companies/{company_id}/visits/new", {**VISIT, "visited_on": "2026-06-01", "hours": "09:00~18:00"})

    page = html(await client.get(f"/staff/companies/{company_id}"))
    assert len(page.select("[data-testid=visits] tbody tr")) == 2
    assert "08:30~17:30" in present(page.select_one("[data-testid=latest-visit]")).get_text()


async def test_a_visit_in_the_future_or_a_wage_range_upside_down_is_refused(client, clock, sign_in_staff) -> None:
    company_id = await a_company_made_by(client, sign_in_staff)

    response = await post_form(client, f"/staff/companies/{company_id}/visits/new", {**VISIT, "visited_on": "2027-01-01", "wage_max": "200"})

    assert response.status_code == 422
    page = html(response)
    assert present(page.select_one("#field-visited_on"))["aria-invalid"] == "true"
    assert present(page.select_one("#field-wage_max"))["aria-invalid"] == "true"
    assert present(page.select_one("#field-hires_seniors")).has_attr("checked")
    assert await CompanyVisit.count() == 0


async def test_a_closed_company_leaves_the_directory_and_comes_back_when_reopened(client, sign_in_staff) -> None:
    company_id = await a_company_made_by(client, sign_in_staff)

    await post_form(client, f"/staff/companies/{company_id}/closed", {"closed": "1"})
    assert (await client.get(f"/companies/{company_id}")).status_code == 404
    assert "한강정밀" not in (await client.get("/companies")).text
    await post_form(client, f"/staff/companies/{company_id}/closed", {"closed": "0"})

    assert (await client.get(f"/companies/{company_id}")).status_code == 200
    assert await AuditEntry.count().where(AuditEntry.action.is_in(["company.close", "company.reopen"])) == 2


async def test_corrections_to_a_company_are_audited_with_before_and_after(client, sign_in_staff) -> None:
    company_id = await a_company_made_by(client, sign_in_staff)

    await post_form(client, f"/staff/companies/{company_id}/edit", {**COMPANY, "district": "양촌읍"})

    assert present(await Company.select(Company.district).where(Company.id == company_id).first())["district"] == "양촌읍"
    entry = present(await AuditEntry.select().where(AuditEntry.action == "company.update").first())
    assert "통진읍" in str(entry["before"]) and "양촌읍" in str(entry["after"])
