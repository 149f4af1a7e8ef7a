"""Issue 17: job postings (채용정보): staff draft, publish, close and copy them; citizens read the
open ones by whom they welcome, district and keyword; past its deadline (in KST) a posting is
never shown as open; a wage below the minimum wage is refused; an Atom feed lists new ones."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from datetime import UTC, date, datetime

import pytest

from jobcenter.audit.tables import AuditEntry
from jobcenter.companies.tables import Company, Posting
from tests.builders import a_staff_member
from tests.integration.events.helpers import a_series, occurrences_of
from tests.support import html, post_form, present

POSTING = {"position": "물류센터 포장 사원", "employment_type": "full_time", "wage_period": "monthly", "wage": "2300000",
           "hours": "09:00~18:00", "place": "고촌읍", "duties": "피킹·포장", "requirements": "", "preferred": "", "welcomes_seniors": "1",
           "deadline": "2026-12-10"}
ATOM = "{http://www.w3.org/2005/Atom}"


async def a_company(name: str = "아라뱃길물류", district: str = "고촌읍") -> int:
    (row,) = await Company.insert(Company(name=name, district=district, industry="logistics")).returning(Company.id)
    return row["id"]


async def a_posting(company_id: int, *, status: str = "published", deadline: date = date(2026, 12, 10), **fields) -> int:
    values = {"position": "물류센터 포장 사원", "employment_type": "full_time", "wage_period": "monthly", "wage": 2_300_000,
              "deadline": deadline, "status": status, "published_at": datetime(2026, 11, 25, tzinfo=UTC) if status != "draft" else None,
              **fields}
    (row,) = await Posting.insert(Posting(company=company_id, **values)).returning(Posting.id)
    return row["id"]


def positions(page) -> list[str]:
    return [card.select_one("h3").get_text(strip=True) for card in page.select("[data-testid=job]")]


@pytest.mark.parametrize(("period", "wage", "refused"), [
    ("hourly", "10319", True), ("hourly", "10320", False), ("monthly", "2156879", True), ("monthly", "2156880", False),
])
async def test_a_wage_below_the_minimum_wage_is_refused_with_the_lowest_allowed(client, sign_in_staff, period, wage, refused) -> None:
    company_id = await a_company()
    await sign_in_staff(await a_staff_member())

    response = await post_form(client, f"/staff/companies/{company_id}/postings/new", {**POSTING, "wage_period": period, "wage": wage},
                               follow_redirects=False)

    if refused:
        assert response.status_code == 422
        assert "최저임금" in present(html(response).select_one("#error-wage")).get_text()
        assert await Posting.count() == 0
    else:
        assert response.status_code == 303 and await Posting.count() == 1


async def test_staff_draft_publish_close_and_copy_a_posting_each_step_audited(client, clock, sign_in_staff) -> None:
    company_id = await a_company()
    await sign_in_staff(await a_staff_member())

    await post_form(client, f"/staff/companies/{company_id}/postings/new", POSTING)
    posting_id = present(await Posting.select(Posting.id).first())["id"]
    assert (await client.get(f"/jobs/{posting_id}")).status_code == 404  # a draft is not public
    await post_form(client, f"/staff/postings/{posting_id}/status", {"status": "published"})
    assert positions(html(await client.get("/jobs"))) == ["물류센터 포장 사원"]
    await post_form(client, f"/staff/postings/{posting_id}/status", {"status": "closed"})

    assert positions(html(await client.get("/jobs"))) == []
    assert present(html(await client.get(f"/jobs/{posting_id}")).select_one("[data-testid=state]")).get_text(strip=True) == "마감"
    copy = html(await client.get(f"/staff/companies/{company_id}/postings/new", params={"copy": str(posting_id)}))
    assert present(copy.select_one("#field-position"))["value"] == "물류센터 포장 사원"
    assert present(copy.select_one("#field-deadline"))["value"] == "2026-12-10"  # two weeks from 26 November
    actions = [row["action"] for row in await AuditEntry.select(AuditEntry.action).order_by(AuditEntry.id)]
    assert actions == ["posting.create", "posting.published", "posting.closed"]


async def test_a_posting_is_open_until_the_end_of_its_deadline_day_in_seoul_and_never_after(client, clock) -> None:
    posting_id = await a_posting(await a_company(), deadline=date(2026, 11, 28))

    clock.now = datetime(2026, 11, 28, 14, 59, tzinfo=UTC)  # 23:59 on the 28th in Seoul
    last_minute = html(await client.get("/jobs"))
    clock.now = datetime(2026, 11, 28, 15, 0, tzinfo=UTC)  # midnight
    after = html(await client.get("/jobs"))

    assert positions(last_minute) == ["물류센터 포장 사원"] and "마감 임박" in present(last_minute.select_one("[data-testid=deadline]")).get_text()
    assert positions(after) == []
    assert present(html(await client.get(f"/jobs/{posting_id}")).select_one("[data-testid=state]")).get_text(strip=True) == "마감"


async def test_postings_are_found_by_whom_they_welcome_district_and_keyword_and_close_with_their_company(client) -> None:
    gochon, janggi = await a_company("아라뱃길물류", "고촌읍"), await a_company("한강로지스", "장기동")
    await a_posting(gochon, position="포장 사원", welcomes_seniors=True)
    await a_posting(gochon, position="지게차 기사")
    await a_posting(janggi, position="새벽 배송 분류", welcomes_youth=True)

    assert positions(html(await client.get("/jobs", params={"welcomes": "seniors"}))) == ["포장 사원"]
    assert positions(html(await client.get("/jobs", params={"district": "장기동"}))) == ["새벽 배송 분류"]
    assert positions(html(await client.get("/jobs", params={"q": "지게 차"}))) == ["지게차 기사"]
    await Company.update({Company.closed: True}).where(Company.id == gochon)
    assert positions(html(await client.get("/jobs"))) == ["새벽 배송 분류"]


@pytest.mark.parametrize("query", [{"welcomes": "under40"}, {"district": "강남구"}, {"page": "0"}, {"q": "\x00"}])
async def test_a_job_filter_no_form_sends_is_a_400(client, query) -> None:
    assert (await client.get("/jobs", params=query)).status_code == 400


async def test_the_atom_feed_lists_new_postings_and_never_a_draft(client) -> None:
    company_id = await a_company()
    posting_id = await a_posting(company_id, position="포장 사원")
    await a_posting(company_id, position="초안 직무", status="draft")

    response = await client.get("/jobs/feed.atom")

    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]
    assert titles == ["아라뱃길물류: 포장 사원"]
    link = present(feed.find(f"{ATOM}entry/{ATOM}link"))
    assert link.get("href") == f"http://testserver.local/jobs/{posting_id}"


async def test_a_posting_points_to_the_job_fair_where_the_company_interviews(client, clock, sign_in_staff) -> None:
    fair = await a_series(category="job_fair", title="김포시 일자리 박람회", rule="FREQ=MONTHLY;BYDAY=2TH")
    (fair_date,) = [row for row in await occurrences_of(fair.id) if row["starts_at"].date() == date(2026, 12, 10)]
    lecture = await a_series(category="lecture", title="취업특강")
    company_id = await a_company()
    await sign_in_staff(await a_staff_member())
    path = f"/staff/companies/{company_id}/postings/new"

    form = html(await client.get(path))
    refused = await post_form(client, path, {**POSTING, "interview_occurrence": str((await occurrences_of(lecture.id))[1]["id"])})
    await post_form(client, path, {**POSTING, "interview_occurrence": str(fair_date["id"])})

    assert "김포시 일자리 박람회" in present(form.select_one("#field-interview_occurrence")).get_text()
    assert refused.status_code == 422 and present(html(refused).select_one("#field-interview_occurrence"))["aria-invalid"] == "true"
    posting_id = present(await Posting.select(Posting.id).first())["id"]
    await post_form(client, f"/staff/postings/{posting_id}/status", {"status": "published"})
    link = present(html(await client.get(f"/jobs/{posting_id}")).select_one("[data-testid=interview] a"))
    assert link["href"] == f"/events/{fair_date['id']}" and "12월 10일 (목)" in link.get_text()
