"""What the property walk needs: the site's pages with data behind them, the forms and query
parameters those pages offer (read from their HTML, so a new form is walked without being listed
here), odd values to send, and a fingerprint of what the database holds."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from bs4 import BeautifulSoup
from hypothesis import strategies as st

from jobcenter.accounts.tables import WebSession
from jobcenter.audit.tables import AuditEntry
from jobcenter.kiosk.tables import KioskSession
from jobcenter.limits.tables import RateEvent
from jobcenter.piccolo_app import APP_CONFIG
from jobcenter.staff.tables import StaffSession
from tests.support import str_value

PAGES = [
    "/", "/programs", "/programs/{program}", "/events", "/events/{occurrence}", "/login", "/signup", "/password/forgot",
    "/me", "/me/applications", "/me/applications/{application}", "/me/applications/{application}/cancel", "/status/{code}",
    "/kiosk", "/kiosk/programs", "/kiosk/programs/{program}", "/kiosk/events", "/kiosk/events/{occurrence}",
    "/kiosk/apply/{pool}", "/kiosk/help", "/kiosk/enrol", "/login/code",
    "/staff", "/staff/accounts", "/staff/kiosks", "/staff/audit", "/staff/calls", "/staff/calls/summary", "/staff/calls/{call}",
    "/staff/calls/placements/new?citizen={citizen}", "/staff/citizens", "/staff/citizens/{citizen}",
    "/staff/citizens/{citizen}/edit", "/staff/rosters/{pool}", "/staff/rosters/{pool}/add", "/staff/programs",
    "/staff/programs/new", "/staff/programs/{program}", "/staff/programs/{program}/edit",
    "/staff/programs/{program}/cohorts/new", "/staff/programs/{program}/cohorts/{cohort}/edit", "/staff/calendar",
    "/staff/calendar/new", "/staff/calendar/{series}", "/staff/calendar/occurrences/{occurrence}",
]
"""Every page with a form or a link with query parameters; {names} are filled from the seeded rows."""

LEFT_OUT = ("/logout", "/staff/logout", "/me/delete", "/delete", "/kiosk/reset", "/staff/accounts/", "/language/", "/revoke")
"""Actions that would end the walk's own sessions, delete its own account or revoke its own kiosk; each has its own tests."""

SESSION_TABLES = {WebSession, StaffSession, KioskSession, RateEvent}
"""Written by any request (last seen, failed attempts): not what a refused form must leave alone."""

ODD_TEXT = [
    "", " ", "¹⁹⁹⁰", "１９９０", "٣", "-1", "0", "+1", "1e9", "NaN", "9" * 30, "9" * 5000, "\x00", "a\x00b", "\x1b[2J", "\u202e",
    "2026-13-01", "9999-12", "0001-01", "9999-12-31", "0000-00-00", "9999-12-31T23:59", "24:61", "-", "%00", "../../etc",
    "가" * 10_000, "<script>", "' OR 1=1 --", "\ud7a3" * 3, "100%", "%(code)s", "%s%d", "{{ 7 * 7 }}",
]


def odd_values() -> st.SearchStrategy[str]:
    """Superscript and full-width digits, huge numbers, NUL and control characters, very long
    text, odd dates, times and months, and any text at all."""
    return st.one_of(
        st.sampled_from(ODD_TEXT),
        st.text(st.characters(exclude_categories=["Cs"]), max_size=40),
        st.integers(min_value=-(2**80), max_value=2**80).map(str),
        st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(lambda day: day.isoformat()),
        st.text(alphabet="0123456789-:T ", max_size=25),
        st.text(alphabet=st.characters(categories=["Nd", "No"]), min_size=1, max_size=12),
    )


@dataclass
class Form:
    """A form (or a link's query string) as a page offers it: where it goes and its fields' values."""

    method: str
    action: str
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str, tuple[str, ...]]:
        return (self.method, self.action, tuple(sorted(self.fields)))


def _field_values(form: Any) -> dict[str, str]:
    values: dict[str, str] = {}
    for element in form.select("input[name], select[name], textarea[name]"):
        name, kind = element["name"], element.get("type", "text")
        if element.name == "select":
            option = element.select_one("option[selected]") or element.select_one("option")
            values.setdefault(name, option.get("value", option.get_text()) if option else "")
        elif element.name == "textarea":
            values.setdefault(name, element.get_text())
        elif kind in {"checkbox", "radio"}:
            if element.has_attr("checked") or (kind == "radio" and name not in values):
                values[name] = element.get("value", "on")
        elif kind not in {"submit", "button", "image", "file"}:
            values.setdefault(name, element.get("value", ""))
    button = form.select_one("button[type=submit][name], button[name]:not([type])")
    if button:
        values.setdefault(button["name"], button.get("value", ""))
    return values


def forms_on(page_path: str, soup: BeautifulSoup) -> list[Form]:
    """The page's forms and its links that carry query parameters, minus LEFT_OUT actions."""
    found: list[Form] = []
    for form in soup.select("form"):
        action = urlsplit(str_value(form.get("action") or page_path))
        found.append(Form(str_value(form.get("method", "get")).lower(), action.path or urlsplit(page_path).path, {
            **dict(parse_qsl(action.query)), **_field_values(form)}))
    for link in soup.select("a[href^='/'][href*='?']"):
        target = urlsplit(str_value(link["href"]))
        found.append(Form("get", target.path, dict(parse_qsl(target.query, keep_blank_values=True))))
    return [form for form in found if not any(part in form.action for part in LEFT_OUT)]


async def fingerprint() -> str:
    """A digest of every row of every table but the session ones, and of the audit log less its
    entries for reading (a form refused on a person's page still shows, and logs, that person):
    equal digests, nothing written."""
    digest = hashlib.sha256()
    async with WebSession._meta.db.transaction():  # one connection for all the tables
        for table in APP_CONFIG.table_classes:
            if table not in SESSION_TABLES:
                query = table.select().order_by(table._meta.primary_key)
                if table is AuditEntry:
                    query = query.where(AuditEntry.action.not_like("%.view"))
                digest.update(f"{table._meta.tablename}:{await query!r}".encode())
    return digest.hexdigest()
