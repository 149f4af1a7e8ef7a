"""Companies imported from a spreadsheet (imports.py reads it): each row checked as the company
form checks it; all rows added in one transaction with one audit entry, or none."""

from __future__ import annotations

from datetime import datetime

from jobcenter.audit.service import Actor, record
from jobcenter.companies.editing import COMPANY_FIELDS, check_company
from jobcenter.companies.imports import KOREAN, Checked, Layout, check_file, insert_all, refuse_with_problems
from jobcenter.companies.labels import INDUSTRY_LABELS
from jobcenter.companies.tables import Company, Industry
from jobcenter.i18n import N_, gettext

LAYOUT = Layout(
    headers={
        "기업명": "name", "회사명": "name", "읍면동": "district", "읍·면·동": "district", "업종": "industry", "주소": "address",
        "하는 일": "products", "주요 생산품": "products", "직원 수": "employees", "직원수": "employees",
        "위도": "latitude", "경도": "longitude",
        **{name: name for name in COMPANY_FIELDS},
    },
    required=("name", "district", "industry"),
    missing_columns=N_("The first row must name the columns, with at least 기업명, 읍면동 and 업종."),
    labels={"name": N_("Name"), "district": N_("District (읍·면·동)"), "industry": N_("Industry"), "address": N_("Address"),
            "products": N_("What it makes or does"), "employees": N_("Employees"), "latitude": N_("Latitude"),
            "longitude": N_("Longitude")},
)
INDUSTRIES = {**{gettext(KOREAN, label): value for value, label in INDUSTRY_LABELS.items()}, **{item.value: item.value for item in Industry}}
"""An industry as written in Korean (제조업) or as the site's code (manufacturing)."""


async def check_companies(data: bytes, districts: tuple[str, ...]) -> Checked:
    """Every row checked as the company form checks it."""
    def check_row(form: dict[str, str]) -> dict[str, object]:
        return check_company({**form, "industry": INDUSTRIES.get(form.get("industry", ""), form.get("industry", ""))}, districts)

    return check_file(data, LAYOUT, check_row)


async def import_companies(checked: Checked, *, actor: Actor, now: datetime) -> int:
    """Every row added, in one transaction with one audit entry; none when a row has a problem."""
    refuse_with_problems(checked)
    async with Company._meta.db.transaction():
        await insert_all(Company, [Company(**row, created_at=now, updated_at=now) for row in checked.rows])
        await record(actor, "company.import", "company", None, now=now, summary=f"{len(checked.rows)} companies")
    return len(checked.rows)
