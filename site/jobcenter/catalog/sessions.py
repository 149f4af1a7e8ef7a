"""A cohort's sessions (회차): the days its rule gives from its first to its last day, without public
holidays and closure days when it skips them, each at the cohort's times and place.

They are brought in line whenever the cohort or the closure days change, in the caller's
transaction: missing days are added, unedited sessions follow the cohort's times and place (their
SEQUENCE goes up), and days the rule no longer gives are removed. Sessions that have begun are
history: none is added, changed or removed before now (a new cohort has every day its rule gives,
past ones too: a course entered after it began is recorded whole). Sessions staff changed by hand
stay as they are."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from jobcenter.catalog.tables import Cohort, CohortSession, SessionStatus
from jobcenter.db import locking
from jobcenter.schedule.days_off import closures_between
from jobcenter.schedule.recurrence import rule_days, span


def session_uid(cohort_id: int, rule_day: date) -> str:
    """Stable across regenerations: the cohort and the day its rule gave, never the (movable) time."""
    return f"cohort-{cohort_id}-{rule_day.isoformat()}@jobcenter"


async def wanted_days(rule: str, first_day: date, last_day: date, *, skip_holidays: bool) -> list[date]:
    """The days a cohort with this rule meets."""
    closed = await closures_between(first_day, last_day) if skip_holidays else {}
    return rule_days(rule, first_day, first_day, last_day, skip_holidays=skip_holidays, closed=closed)


async def generate_sessions(cohort_id: int, *, zone: str, now: datetime | None = None) -> list[dict[str, Any]]:
    """Bring the cohort's sessions in line with its rule, times and place (see the module); `now`
    may be left out for a cohort just made, which has no session yet. Returns the sessions that
    kept their day but changed time or place (their new start and place), in time order: what the
    people holding seats are told."""
    cohort = await Cohort.select().where(Cohort.id == cohort_id).first()
    assert cohort is not None, "called for a cohort just saved"
    wanted = await wanted_days(cohort["rrule"], cohort["starts_on"], cohort["ends_on"], skip_holidays=cohort["skip_holidays"])
    existing: dict[date, dict[str, Any]] = {
        row["rule_day"]: row
        for row in await CohortSession.select().where(CohortSession.cohort == cohort_id, CohortSession.rule_day.is_not_null())
    }
    changed: list[dict[str, Any]] = []
    for day in wanted:
        starts_at, ends_at = span(day, cohort["start_time"], cohort["end_time"], 1, zone)
        current = existing.get(day)
        if current is None:
            if now is None or starts_at > now:
                await CohortSession(
                    cohort=cohort_id, rule_day=day, uid=session_uid(cohort_id, day), starts_at=starts_at, ends_at=ends_at, place=cohort["place"]
                ).save()
        elif _follows_rule(current, now) and (current["starts_at"], current["ends_at"], current["place"]) != (starts_at, ends_at, cohort["place"]):
            await CohortSession.update(
                {
                    CohortSession.starts_at: starts_at,
                    CohortSession.ends_at: ends_at,
                    CohortSession.place: cohort["place"],
                    CohortSession.sequence: CohortSession.sequence + 1,
                }
            ).where(CohortSession.id == current["id"])
            if (current["starts_at"], current["place"]) != (starts_at, cohort["place"]):
                changed.append({"starts_at": starts_at, "place": cohort["place"]})
    gone = [row["id"] for day, row in existing.items() if day not in wanted and _follows_rule(row, now)]
    if gone:
        await CohortSession.delete().where(CohortSession.id.is_in(gone))
    return sorted(changed, key=lambda session: session["starts_at"])


def _follows_rule(session: dict[str, Any], now: datetime | None) -> bool:
    return not session["edited"] and (now is None or session["starts_at"] > now)


async def generate_all(*, now: datetime, zone: str, today: date) -> None:
    """Every cohort that has not ended (after the closure days changed)."""
    for row in await Cohort.select(Cohort.id).where(Cohort.ends_on >= today):
        await generate_sessions(row["id"], now=now, zone=zone)


async def generate_missing(*, now: datetime, zone: str) -> int:
    """The coming sessions of the cohorts not ended that have none (made before cohorts had
    sessions); how many were given some. One query when there are none, as on every sweep after the
    first. Each cohort in its own transaction, locked, so that two processes sweeping at once take
    turns and the second finds the first one's sessions."""
    today = now.astimezone(ZoneInfo(zone)).date()
    given = 0
    for row in await Cohort.select(Cohort.id).where(Cohort.ends_on >= today, Cohort.id.not_in(CohortSession.select(CohortSession.cohort))):
        async with Cohort._meta.db.transaction():
            await locking(Cohort.select(Cohort.id).where(Cohort.id == row["id"])).first()
            if not await CohortSession.exists().where(CohortSession.cohort == row["id"]):
                await generate_sessions(row["id"], now=now, zone=zone)
                given += await CohortSession.exists().where(CohortSession.cohort == row["id"])
    return given


async def sessions_of(cohort_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Each cohort's sessions in time order, cancelled ones included (they say so)."""
    found: dict[int, list[dict[str, Any]]] = {cohort_id: [] for cohort_id in cohort_ids}
    if cohort_ids:
        rows = await CohortSession.select().where(CohortSession.cohort.is_in(cohort_ids)).order_by(CohortSession.starts_at)
        for row in rows:
            found[row["cohort"]].append({**row, "cancelled": row["status"] == SessionStatus.cancelled.value})
    return found
