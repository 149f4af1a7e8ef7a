"""The audit log in the back office, for admins: filtered by person, object and date, newest first,
paged. The staff router mounts it behind its admin guard (this area is below staff/, so it names
no guard of its own)."""

from __future__ import annotations

from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.params import FromQuery
from litestar.response import Template

from jobcenter.audit import service
from jobcenter.settings import Settings
from jobcenter.web.form_input import read_day, read_id
from jobcenter.web.forms import NO_STORE
from jobcenter.web.paging import Paged, page_number

PAGE_SIZE = 50
OBJECT_TYPES = ["program", "cohort", "series", "occurrence", "application", "roster", "citizen", "placement", "call", "staff", "help_request"]


class AuditController(Controller):
    path = "/"

    @get("/", name="staff_audit")
    async def audit_log(
        self,
        settings: NamedDependency[Settings],
        by: FromQuery[str | None] = None,
        object_type: FromQuery[str | None] = None,
        object_id: FromQuery[str | None] = None,
        citizen: FromQuery[str | None] = None,
        since: FromQuery[str | None] = None,
        until: FromQuery[str | None] = None,
        page: FromQuery[str | None] = None,
    ) -> Template:
        """Every change and every view or export of personal data; filters that do not parse are ignored."""
        wanted = service.AuditFilter(
            actor_id=read_id(by),
            object_type=object_type if object_type in OBJECT_TYPES else "",
            object_id=read_id(object_id),
            citizen_id=read_id(citizen),
            since=read_day(since),
            until=read_day(until),
        )
        number = page_number(page)
        rows, total = await service.entries(wanted, page=number, page_size=PAGE_SIZE, zone=settings.timezone)
        query = {
            "by": str(wanted.actor_id or ""),
            "object_type": wanted.object_type,
            "object_id": str(wanted.object_id or ""),
            "citizen": str(wanted.citizen_id or ""),
            "since": wanted.since.isoformat() if wanted.since else "",
            "until": wanted.until.isoformat() if wanted.until else "",
        }
        paged = Paged(rows=rows, total=total, page=number, page_size=PAGE_SIZE, query=query)
        return Template(
            template_name="audit/backoffice/log.html",
            context={"paged": paged, "actors": await service.actors(), "object_types": OBJECT_TYPES, "query": query},
            headers=NO_STORE,
        )
