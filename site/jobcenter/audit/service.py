"""Writing and reading the audit log. `record` is called inside the transaction of the change it
describes, so a change and its entry are written together or not at all."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter.audit.tables import AuditEntry

logger = logging.getLogger("jobcenter.audit")


@dataclass(frozen=True)
class Actor:
    """The staff member doing something, as the audit log names them."""

    id: int
    name: str
    role: str = "staff"

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def _json(values: dict[str, Any] | None) -> str:
    return json.dumps(values, ensure_ascii=False, default=str, sort_keys=True) if values else ""


def changed(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields that differ, before and after."""
    keys = [key for key in after if before.get(key) != after[key]]
    return {key: before.get(key) for key in keys}, {key: after[key] for key in keys}


async def record(
    actor: Actor,
    action: str,
    object_type: str,
    object_id: int | None,
    *,
    now: datetime,
    citizen_id: int | None = None,
    summary: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """One entry: who, when, what, to which object, with the values before and after."""
    await AuditEntry(
        at=now,
        actor_id=actor.id,
        actor_name=actor.name,
        action=action,
        object_type=object_type,
        object_id=object_id,
        citizen_id=citizen_id,
        summary=summary[:300],
        before=_json(before),
        after=_json(after),
    ).save()
    logger.info("staff %s %s %s %s (citizen %s)", actor.id, action, object_type, object_id, citizen_id)


@dataclass(frozen=True)
class AuditFilter:
    """What an admin narrows the log by; empty fields do not narrow it."""

    actor_id: int | None = None
    object_type: str = ""
    object_id: int | None = None
    citizen_id: int | None = None
    since: date | None = None
    until: date | None = None


def _conditions(wanted: AuditFilter, zone: str) -> list[Any]:
    tz = ZoneInfo(zone)
    conditions = []
    if wanted.actor_id is not None:
        conditions.append(AuditEntry.actor_id == wanted.actor_id)
    if wanted.object_type:
        conditions.append(AuditEntry.object_type == wanted.object_type)
    if wanted.object_id is not None:
        conditions.append(AuditEntry.object_id == wanted.object_id)
    if wanted.citizen_id is not None:
        conditions.append(AuditEntry.citizen_id == wanted.citizen_id)
    if wanted.since:
        conditions.append(AuditEntry.at >= datetime.combine(wanted.since, time(0), tzinfo=tz))
    if wanted.until:
        conditions.append(AuditEntry.at < datetime.combine(wanted.until + timedelta(days=1), time(0), tzinfo=tz))
    return conditions


async def entries(wanted: AuditFilter, *, page: int, page_size: int, zone: str) -> tuple[list[dict[str, Any]], int]:
    """One page of matching entries, newest first, and how many match in all."""
    conditions = _conditions(wanted, zone)
    query = AuditEntry.select().order_by(AuditEntry.at, ascending=False).order_by(AuditEntry.id, ascending=False)
    count = AuditEntry.count()
    if conditions:
        query = query.where(*conditions)
        count = count.where(*conditions)
    rows = await query.limit(page_size).offset((page - 1) * page_size)
    return rows, await count


async def actors() -> list[dict[str, Any]]:
    """Everyone who appears in the log, for the filter's list."""
    rows = await AuditEntry.select(AuditEntry.actor_id, AuditEntry.actor_name).distinct().order_by(AuditEntry.actor_name)
    return rows
