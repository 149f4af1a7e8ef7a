"""Issue 17: 구인 신청: a company asks for people through a public form; its business registration
number is checked (the checksum catches typos), a wage below the minimum wage is refused, the
form is limited per address, and the request becomes a draft posting staff review and publish."""

from __future__ import annotations

from datetime import date

import pytest

from jobcenter.companies.job_requests import business_number_ok, forget_old
from jobcenter.companies.tables import Company, JobRequest, Posting
from tests.builders import a_staff_member
from tests.support import html, post_form, present

VALID_NUMBER = "2208162517"  # the checksum holds (worked by hand: weights 1,3,7,1,3,7,1,3,5)
REQUEST = {"company_name": "신곡테크", "business_number": "220-81-62517", "district": "고촌읍", "address": "경기도 김포시 고촌읍",
           "contact_name": "김인사", "contact_phone": "031-987-6543", "contact_email": "hr@example.com", "consent": "1",
           "position": "전자 부품 조립원", "employment_type": "full_time", "wage_period": "monthly", "wage": "2300000", "hours": "08:30~17:30",
           "place": "고촌읍", "duties": "조립", "requirements": "", "preferred": "", "deadline": "2026-12-20"}


@pytest.mark.parametrize(("digits", "valid"), [
    (VALID_NUMBER, True), ("2208162518", False), ("1234567890", False), ("220816251", False), ("22081625170", False), ("²²⁰⁸¹⁶²⁵¹⁷", False),
])
def test_the_business_number_checksum_catches_a_mistyped_digit(digits: str, valid: bool) -> None:
    assert business_number_ok(digits) is valid


async def test_a_request_becomes_a_draft_posting_of_a_company_kept_out_of_the_directory(client) -> None:
    response = await post_form(client, "/jobs/request", REQUEST)

    assert response.status_code == 200 and present(html(response).select_one("[data-testid=request-sent]"))
    company = present(await Company.select().first())
    assert (company["name"], company["business_number"], company["closed"]) == ("신곡테크", VALID_NUMBER, True)
    posting = present(await Posting.select().first())
    assert (posting["status"], posting["wage"], posting["company"]) == ("draft", 2_300_000, company["id"])
    request = present(await JobRequest.select().first())
    assert (request["contact_name"], request["contact_phone"]) == ("김인사", "0319876543")
    assert (await client.get(f"/jobs/{posting['id']}")).status_code == 404  # nothing is published by the form


async def test_a_company_already_in_the_directory_is_found_by_its_number(client) -> None:
    (known,) = await Company.insert(Company(name="신곡테크(주)", district="고촌읍", industry="manufacturing", business_number=VALID_NUMBER)).returning(
        Company.id)

    await post_form(client, "/jobs/request", REQUEST)

    assert await Company.count() == 1 and present(await Posting.select(Posting.company).first())["company"] == known["id"]


async def test_a_wrong_number_a_wage_below_the_minimum_and_no_consent_are_refused_at_once(client) -> None:
    response = await post_form(client, "/jobs/request", {**REQUEST, "business_number": "220-81-62518", "wage": "1500000", "consent": ""})

    page = html(response)
    assert response.status_code == 422
    assert {link["href"] for link in page.select("[data-testid=error-summary] a")} == {"#field-business_number", "#field-consent", "#field-wage"}
    assert present(page.select_one("#field-company_name"))["value"] == "신곡테크"
    assert await Posting.count() == 0 and await Company.count() == 0


async def test_a_sixth_request_from_one_address_in_an_hour_is_refused_with_the_wait(client) -> None:
    for _ in range(5):
        assert (await post_form(client, "/jobs/request", REQUEST)).status_code == 200

    sixth = await post_form(client, "/jobs/request", REQUEST)

    assert sixth.status_code == 429 and int(sixth.headers["retry-after"]) > 0
    assert await Posting.count() == 5


async def test_staff_see_the_request_and_its_contact_on_the_draft_posting(client, sign_in_staff) -> None:
    await post_form(client, "/jobs/request", REQUEST)
    posting_id = present(await Posting.select(Posting.id).first())["id"]
    await sign_in_staff(await a_staff_member())

    board = html(await client.get("/staff"))
    assert present(board.select_one("[data-testid=requests-to-review]")).get_text(strip=True) == "검토할 구인 신청: 1건"
    queue = html(await client.get("/staff/job-requests"))
    posting = html(await client.get(f"/staff/postings/{posting_id}"))

    assert "신곡테크" in present(queue.select_one("[data-testid=job-request-row]")).get_text()
    assert "031-987-6543" in present(posting.select_one("[data-testid=job-request]")).get_text()


async def test_contacts_are_deleted_a_year_after_their_posting_closed(client) -> None:
    await post_form(client, "/jobs/request", REQUEST)

    assert await forget_old(date(2027, 12, 20)) == 0  # exactly a year: kept
    assert await forget_old(date(2027, 12, 21)) == 1
    assert await JobRequest.count() == 0 and await Posting.count() == 1
