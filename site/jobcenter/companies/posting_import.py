"""Job postings imported from a spreadsheet (imports.py reads it): each row names a company in the
directory (by 사업자등록번호, or by its name when no other company has it) and is checked as the
posting form checks it, the minimum wage included. All rows are added in one transaction with one
audit entry, as drafts or published at once, or none."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from datetime import date, datetime
from typing import Any

from jobcenter.audit.service import Actor, record
from jobcenter.companies.imports import KOREAN, Checked, Layout, check_file, insert_all, refuse_with_problems
from jobcenter.companies.job_requests import read_business_number
from jobcenter.companies.labels import EMPLOYMENT_LABELS, WAGE_PERIOD_LABELS
from jobcenter.companies.postings import FIELDS, WELCOMES, check_posting
from jobcenter.companies.tables import Company, EmploymentType, Posting, PostingStatus, WagePeriod
from jobcenter.i18n import N_, gettext
from jobcenter.web.form_input import FormInvalid, FormReader

IMPORTED = [name for name in FIELDS if name != "interview_occurrence"]
"""The posting form's fields a file may fill (an event date is chosen on the form)."""
HEADERS = {
    "기업명": "company", "회사명": "company", "사업자등록번호": "business_number", "모집 직종": "position", "직종": "position",
    "직무": "position", "고용 형태": "employment_type", "급여 형태": "wage_period", "급여": "wage", "임금": "wage",
    "근무 시간": "hours", "근무지": "place", "근무 장소": "place", "하는 일": "duties", "자격 요건": "requirements",
    "우대 사항": "preferred", "시니어 우대": "welcomes_seniors", "청년 우대": "welcomes_youth", "장애인 우대": "welcomes_disabled",
    "마감일": "deadline",
}
"""The columns as counsellors write them; a problem names a column by its first name here (the
name in the file, in Korean whatever the page's language: it is the file's own)."""
LAYOUT = Layout(
    headers={**HEADERS, "company": "company", "business_number": "business_number", **{name: name for name in IMPORTED}},
    required=("position", "employment_type", "wage_period", "wage", "deadline"),
    required_any=("company", "business_number"),
    missing_columns=N_("The first row must name the columns, with at least 기업명 (or 사업자등록번호), 모집 직종, 고용 형태, 급여 형태, 급여 and 마감일."),
    labels={field: next(header for header, named in HEADERS.items() if named == field) for field in set(HEADERS.values())},
)
EMPLOYMENT = {**{gettext(KOREAN, label): value for value, label in EMPLOYMENT_LABELS.items()}, **{item.value: item.value for item in EmploymentType}}
"""정규직, 시간제, 계약직, 일용직 (or the site's codes)."""
WAGE_PERIODS = {**{gettext(KOREAN, label): value for value, label in WAGE_PERIOD_LABELS.items()}, **{item.value: item.value for item in WagePeriod}}
"""시급 or 월급 (or the site's codes)."""
YES = {"y", "yes", "o", "ㅇ", "예", "네", "1", "true", "v", "✓", "○", "●"}
"""How a ticked 우대 column is written."""


def same_name(name: str) -> str:
    """A company's name as names are compared: NFC, spaces as one."""
    return " ".join(unicodedata.normalize("NFC", name).split())


class Directory:
    """The companies a row may name: open ones, by 사업자등록번호 and by name."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.names = {row["id"]: row["name"] for row in rows}
        self.by_number = {row["business_number"]: row["id"] for row in rows if row["business_number"]}
        self.by_name: dict[str, list[int]] = defaultdict(list)
        for row in rows:
            self.by_name[same_name(row["name"])].append(row["id"])

    def company_of(self, form: dict[str, str]) -> int:
        """The company the row names (by number, which must agree with a name given beside it);
        FormInvalid when none or more than one is named."""
        name = same_name(form.get("company", ""))
        if form.get("business_number", "").strip():
            reader = FormReader(form, order=["business_number"])
            number = read_business_number(reader)
            reader.check()
            if number not in self.by_number:
                raise FormInvalid({"business_number": N_("No company in the directory has this business registration number.")})
            company_id = self.by_number[number]
            if name and name != same_name(self.names[company_id]):
                raise FormInvalid({"company": N_("This name is not the name of the company with this business registration number.")})
            return company_id
        named = self.by_name.get(name, [])
        if not named:
            raise FormInvalid({"company": N_("No company of this name is in the directory: add the company first.")})
        if len(named) > 1:
            raise FormInvalid({"company": N_("More than one company has this name: add the 사업자등록번호 column.")})
        return named[0]


async def check_postings(data: bytes, *, today: date, minimum_wage: int) -> Checked:
    """Every row's company found and its posting checked as the form checks it (every problem of a
    row at once)."""
    directory = Directory(await Company.select(Company.id, Company.name, Company.business_number).where(Company.closed.eq(False)))

    def check_row(form: dict[str, str]) -> dict[str, Any]:
        typed = {
            **form,
            "employment_type": EMPLOYMENT.get(form.get("employment_type", ""), form.get("employment_type", "")),
            "wage_period": WAGE_PERIODS.get(form.get("wage_period", ""), form.get("wage_period", "")),
            **{f"welcomes_{group}": "1" if form.get(f"welcomes_{group}", "").lower() in YES else "" for group in WELCOMES},
        }
        errors: dict[str, str] = {}
        company_id = None
        try:
            company_id = directory.company_of(form)
        except FormInvalid as invalid:
            errors |= invalid.errors
        try:
            values = check_posting({name: typed.get(name, "") for name in IMPORTED}, today=today, minimum_wage=minimum_wage)
        except FormInvalid as invalid:
            errors |= invalid.errors
        if errors:
            raise FormInvalid(errors)
        assert company_id is not None, "no problem above"
        return {**values, "company": company_id, "company_name": directory.names[company_id]}

    return check_file(data, LAYOUT, check_row)


async def import_postings(checked: Checked, *, publish: bool, actor: Actor, now: datetime) -> int:
    """Every row added as a draft (or published now), in one transaction with one audit entry; none
    when a row has a problem."""
    refuse_with_problems(checked)
    status = PostingStatus.published.value if publish else PostingStatus.draft.value
    async with Posting._meta.db.transaction():
        await insert_all(Posting, [
            Posting(**{key: value for key, value in row.items() if key != "company_name"}, status=status,
                    published_at=now if publish else None, created_at=now, updated_at=now)
            for row in checked.rows
        ])
        await record(actor, "posting.import", "posting", None, now=now, summary=f"{len(checked.rows)} postings ({status})")
    return len(checked.rows)
