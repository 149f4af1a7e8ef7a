"""What a seat pool belongs to (a program's cohort or an event's date), for eligibility and for
telling people what they signed up for. Signups knows pools, not their owners: each area that owns
pools hands its lookup to describes_pools when it is loaded (catalog/__init__.py,
events/__init__.py), and this is the one place that asks them. Every process that has pools has
loaded their owners: Piccolo's app (piccolo_app.py) loads every area's tables."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, time


@dataclass(frozen=True)
class Target:
    """The thing a seat pool's seats are for."""

    pool_id: int
    title: str
    label: str
    starts_on: date
    start_time: time
    ends_on: date
    end_time: time
    place: str
    min_age: int | None
    max_age: int | None
    path: str
    kind: str
    owner_id: int
    cancelled: bool = False
    """An event date the center cancelled (its applications stay, to show who was told)."""
    attendance_path: str | None = None
    """The back office's page where attendance is taken session by session (a cohort's); None
    where the roster itself takes it (an event date)."""


@dataclass(frozen=True)
class Progress:
    """Where one person stands in a course of several sessions: sessions attended, and how many of
    them all (cancelled ones left out) its completion rule asks for."""

    attended: int
    total: int
    needed: int
    ended: bool

    @property
    def completed(self) -> bool:
        """수료: the course held sessions, is over, and enough of them were attended."""
        return self.ended and self.total > 0 and self.attended >= self.needed


TargetLookup = Callable[[list[int], str], Awaitable[dict[int, Target]]]
"""An owner's lookup: (pool ids, the center's zone) -> the targets of the pools it owns, by pool id."""
StartingOn = Callable[[date, str], Awaitable[list[int]]]
"""An owner's list of its pools whose course or date starts on a day (in the center's zone),
leaving out dates the center cancelled."""

ProgressLookup = Callable[[list[int], datetime], Awaitable[dict[int, Progress]]]
"""An owner's lookup: (application ids, now) -> the progress of those whose pools it owns and count
attendance by session."""

_lookups: list[TargetLookup] = []
_starting_on: list[StartingOn] = []
_progress: list[ProgressLookup] = []


def describes_pools(lookup: TargetLookup, starting_on: StartingOn) -> None:
    """An area that owns seat pools says how to look them up (once; asked in the order given)."""
    if lookup not in _lookups:
        _lookups.append(lookup)
        _starting_on.append(starting_on)


def counts_attendance(lookup: ProgressLookup) -> None:
    """An area whose pools are attended session by session says how to read where people stand."""
    if lookup not in _progress:
        _progress.append(lookup)


async def progress_of(application_ids: list[int], now: datetime) -> dict[int, Progress]:
    """The progress of the given applications, for those whose owners count attendance by session."""
    found: dict[int, Progress] = {}
    for lookup in _progress:
        found.update(await lookup(application_ids, now))
    return found


async def pools_starting_on(day: date, zone: str) -> list[int]:
    """Every pool whose course or date starts on `day`, from every owner."""
    return [pool for starting_on in _starting_on for pool in await starting_on(day, zone)]


async def targets_of(pool_ids: list[int], zone: str) -> dict[int, Target]:
    """The targets of several pools, one query per owner whatever their number."""
    if not pool_ids:
        return {}
    if not _lookups:
        raise RuntimeError("No area that owns seat pools is loaded: import jobcenter.catalog or jobcenter.events.")
    targets: dict[int, Target] = {}
    for lookup in _lookups:
        targets.update(await lookup(pool_ids, zone))
    return targets


async def target_of(pool_id: int, zone: str) -> Target | None:
    """The target of one pool: owners are asked in turn until one knows it."""
    for lookup in _lookups:
        found = (await lookup([pool_id], zone)).get(pool_id)
        if found is not None:
            return found
    return None
