"""접수 시작 알림: a person who wants a course or an event date that is not open yet asks to be told,
and gets two texts: the day before it opens (from the set hour, with the opening time) and the
moment it opens. Queued by the housekeeping sweep of every app process, which wakes for the next
opening (next_opening); each text is written once whoever queues it (notifications' once_key).
Once the pool has opened its alerts are deleted."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter.i18n import N_, format_moment
from jobcenter.notifications.messages import outbox_row, queue_once
from jobcenter.settings import public_url
from jobcenter.signups.service import NotFound, SignupError
from jobcenter.signups.tables import OpeningAlert, SeatPool
from jobcenter.signups.targets import Target, targets_of


class AlreadyOpen(SignupError):
    message = N_("Applications for this have already opened: apply now instead.")


async def ask_for_alert(citizen_id: int, pool_id: int, now: datetime) -> None:
    """Note the person's wish; asking twice keeps one. NotFound for no such pool, AlreadyOpen once it opened."""
    pool = await SeatPool.select(SeatPool.opens_at).where(SeatPool.id == pool_id).first()
    if pool is None:
        raise NotFound()
    if pool["opens_at"] <= now:
        raise AlreadyOpen()
    await OpeningAlert.insert(
        OpeningAlert(seat_pool=pool_id, citizen=citizen_id, pair=f"{pool_id}:{citizen_id}", created_at=now)
    ).on_conflict(target=OpeningAlert.pair, action="DO NOTHING")


async def cancel_alert(citizen_id: int, pool_id: int) -> None:
    await OpeningAlert.delete().where(OpeningAlert.citizen == citizen_id, OpeningAlert.seat_pool == pool_id)


async def alerts_of(citizen_id: int, pool_ids: list[int]) -> set[int]:
    """Which of these pools the person asked to be told about."""
    if not pool_ids:
        return set()
    rows = await OpeningAlert.select(OpeningAlert.seat_pool).where(
        OpeningAlert.citizen == citizen_id, OpeningAlert.seat_pool.is_in(pool_ids)
    )
    return {row["seat_pool"] for row in rows}


async def next_opening(now: datetime) -> datetime | None:
    """When the next pool someone is waiting for opens (the sweep wakes then)."""
    row = await OpeningAlert.select(OpeningAlert.seat_pool.opens_at.as_alias("opens_at")).where(
        OpeningAlert.seat_pool.opens_at > now
    ).order_by(OpeningAlert.seat_pool.opens_at).first()
    return row["opens_at"] if row else None


async def queue_opening_alerts(now: datetime, *, hour: int, language: str, zone: str) -> int:
    """Queue the day-before texts (from `hour` o'clock in `zone`) and the texts for pools that have
    opened, each once; then forget the alerts of opened pools. Returns how many were written now."""
    local_day = now.astimezone(ZoneInfo(zone))
    tomorrow = local_day.date() + timedelta(days=1)
    rows = await OpeningAlert.select(
        OpeningAlert.seat_pool,
        OpeningAlert.seat_pool.opens_at.as_alias("opens_at"),
        *OpeningAlert.citizen.all_columns(exclude=[OpeningAlert.citizen.password_hash]),
    ).where(OpeningAlert.seat_pool.opens_at <= now + timedelta(days=2))
    due: list[tuple[str, dict[str, Any]]] = []
    for row in rows:
        if row["opens_at"] <= now:
            due.append(("opening_now", row))
        elif row["opens_at"].astimezone(ZoneInfo(zone)).date() == tomorrow and local_day.hour >= hour:
            due.append(("opening_soon", row))
    if not due:
        return 0
    targets = await targets_of(sorted({row["seat_pool"] for _, row in due}), zone)
    written = await queue_once([
        (f"{kind}:{row['seat_pool']}:{row['citizen.id']}", outbox_row(kind, _citizen(row), _values(targets[row["seat_pool"]], row, language, zone),
                                                                     now=now, language=language, zone=zone))
        for kind, row in due
        if row["seat_pool"] in targets
    ])
    opened = [row["seat_pool"] for kind, row in due if kind == "opening_now"]
    if opened:
        await OpeningAlert.delete().where(OpeningAlert.seat_pool.is_in(opened))
    return written


def _citizen(row: dict[str, Any]) -> dict[str, Any]:
    return {key.removeprefix("citizen."): value for key, value in row.items() if key.startswith("citizen.")}


def _values(target: Target, row: dict[str, Any], language: str, zone: str) -> dict[str, Any]:
    return {"title": target.title, "label": target.label, "opens": format_moment(row["opens_at"], language, zone),
            "page": f"{public_url()}{target.path}"}
