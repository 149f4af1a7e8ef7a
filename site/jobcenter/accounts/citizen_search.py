"""Finding a citizen in the back office: by any part of the name, or by the mobile number however
it is typed (010-1234-5678, 01012345678, or only its last 4 digits). Results carry the number
masked; the full number is only ever shown on the person's page, on request, and logged."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from jobcenter.accounts.mobile import mask_mobile, normalise_mobile
from jobcenter.accounts.tables import Citizen
from jobcenter.text_search import contains_ignoring_case
from jobcenter.web.paging import page_number

SORTS = ("name", "newest")
"""`name`: 가나다 order; `newest`: the accounts made most recently first."""
MIN_DIGITS = 4
"""The fewest digits that find a number: its last four, as people read them out."""
MAX_QUERY = 50
NUMBER_TYPING = frozenset("0123456789-+(). ")
"""What a typed phone number is made of: digits and the separators people put between them."""


@dataclass(frozen=True)
class CitizenSearch:
    """What staff typed into the search form, cleaned; an empty query finds nobody on purpose:
    the back office looks people up for a reason, it does not browse them."""

    text: str = ""
    sort: str = "name"
    page: int = 1

    @classmethod
    def parse(cls, text: str | None, sort: str | None, page: str | None) -> CitizenSearch:
        printable = "".join(ch for ch in unicodedata.normalize("NFC", text or "") if ch.isprintable() or ch.isspace())  # never NUL to the database
        cleaned = " ".join(printable.split())[:MAX_QUERY]
        return cls(text=cleaned, sort=sort if sort in SORTS else "name", page=page_number(page))

    @property
    def digits(self) -> str | None:
        """The digits of a query typed as a phone number; None for a name."""
        typed = unicodedata.normalize("NFKC", self.text)
        if not any(ch.isdigit() for ch in typed) or not set(typed) <= NUMBER_TYPING:
            return None
        return "".join(ch for ch in typed if ch.isdigit())

    @property
    def name_part(self) -> str:
        """The text to look for inside names, without LIKE's wildcards (no name contains them)."""
        return self.text.replace("%", "").replace("_", "").strip()

    @property
    def kind(self) -> str:
        """`empty`, `name`, `mobile` (a whole number), `last_digits` or `too_few_digits`."""
        digits = self.digits
        if digits is None:
            return "name" if self.name_part else "empty"
        if normalise_mobile(self.text):
            return "mobile"
        return "last_digits" if len(digits) >= MIN_DIGITS else "too_few_digits"

    def query(self) -> dict[str, str]:
        """The search as URL parameters (for page links and the address bar)."""
        return {"q": self.text, "sort": self.sort if self.sort != "name" else ""}

    def condition(self) -> Any:
        """The WHERE clause of this search; call only for the kinds that search."""
        kind = self.kind
        if kind == "mobile":
            return Citizen.mobile == normalise_mobile(self.text)
        if kind == "last_digits":
            return Citizen.mobile.like(f"%{self.digits}")
        return contains_ignoring_case(Citizen.name, f"%{self.name_part}%")


async def find_citizens(search: CitizenSearch, *, page_size: int) -> tuple[list[dict[str, Any]], int]:
    """One page of the people found, with masked numbers (two queries whatever the page holds), and
    how many were found in all. Their applications are counted by signups.people."""
    if search.kind not in ("name", "mobile", "last_digits"):
        return [], 0
    condition = search.condition()
    query = Citizen.select(Citizen.id, Citizen.name, Citizen.mobile, Citizen.birth_year, Citizen.created_at).where(condition)
    if search.sort == "newest":
        query = query.order_by(Citizen.created_at, ascending=False).order_by(Citizen.id, ascending=False)
    else:
        query = query.order_by(Citizen.name).order_by(Citizen.id)
    rows = await query.limit(page_size).offset((search.page - 1) * page_size)
    total = await Citizen.count().where(condition)
    return [{**{key: value for key, value in row.items() if key != "mobile"}, "mobile": mask_mobile(row["mobile"])} for row in rows], total

