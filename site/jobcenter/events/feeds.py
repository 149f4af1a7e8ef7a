"""Calendar files (RFC 5545) built with the icalendar package: one event, or a subscription feed of
event dates and the sessions of programs (the monthly lecture is a program: `lecture.ics` holds
its sessions beside the lecture events).

UIDs come from the series or cohort and the day its rule gave, so they stay the same however often
the feed is generated; a cancelled date or session stays in the feed as STATUS:CANCELLED;
SEQUENCE counts changes; times carry their zone (Asia/Seoul) with a VTIMEZONE. LOCATION is the
place and its street address: the series' own, or the center's for program sessions (held there)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vText

from jobcenter.catalog.tables import Category, CohortSession, SessionStatus
from jobcenter.events.tables import EventCategory, EventOccurrence, OccurrenceStatus

FEED_PAST = timedelta(days=31)


@dataclass(frozen=True)
class FeedItem:
    uid: str
    starts_at: datetime
    ends_at: datetime
    title: str
    location: str
    description: str
    path: str
    sequence: int
    cancelled: bool


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//jobcenter//events//KO")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", vText(" ".join(name.split())))  # one line, however the title was typed
    return calendar


def _event(item: FeedItem, base_url: str, zone: ZoneInfo, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", item.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", item.starts_at.astimezone(zone))
    event.add("dtend", item.ends_at.astimezone(zone))
    event.add("summary", item.title)
    event.add("location", item.location)
    event.add("description", item.description)
    event.add("url", f"{base_url}{item.path}")
    event.add("sequence", item.sequence)
    event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
    return event


def _located(place: str, address: str) -> str:
    return f"{place}, {address}" if address else place


def _occurrence_items(rows: list[dict[str, Any]]) -> list[FeedItem]:
    return [
        FeedItem(
            uid=row["uid"], starts_at=row["starts_at"], ends_at=row["ends_at"], title=row["title"],
            location=_located(row["place"], row["address"]),
            description=" ".join(part for part in (row["summary"], row["note"]) if part),
            path=f"/events/{row['id']}", sequence=row["sequence"], cancelled=row["status"] == OccurrenceStatus.cancelled.value,
        )
        for row in rows
    ]


def _occurrences(query):
    return query.columns(
        EventOccurrence.series.title.as_alias("title"), EventOccurrence.series.summary.as_alias("summary"),
        EventOccurrence.series.address.as_alias("address"),
    )


async def _session_items(since: datetime, category: str | None, center_address: str) -> list[FeedItem]:
    query = CohortSession.select(
        *CohortSession.all_columns(), CohortSession.cohort.label.as_alias("label"), CohortSession.cohort._.program.as_alias("program"),
        CohortSession.cohort._.program._.title.as_alias("title"), CohortSession.cohort._.program._.summary.as_alias("summary"),
    ).where(CohortSession.ends_at >= since, CohortSession.cohort._.program._.published.eq(True))
    if category == EventCategory.lecture.value:
        query = query.where(CohortSession.cohort._.program._.category == Category.lecture.value)
    return [
        FeedItem(
            uid=row["uid"], starts_at=row["starts_at"], ends_at=row["ends_at"], title=f"{row['title']} ({row['label']})",
            location=_located(row["place"], center_address),
            description=" ".join(part for part in (row["summary"], row["note"]) if part),
            path=f"/programs/{row['program']}", sequence=row["sequence"], cancelled=row["status"] == SessionStatus.cancelled.value,
        )
        for row in await query
    ]


async def feed(name: str, *, base_url: str, now: datetime, zone: str, center_address: str, category: str | None = None) -> bytes:
    """Every event date and program session from a month ago on; of one category, if given (the
    lecture category holds the lecture programs' sessions; the others hold events only)."""
    since = now - FEED_PAST
    query = EventOccurrence.select(*EventOccurrence.all_columns()).where(EventOccurrence.ends_at >= since)
    if category:
        query = query.where(EventOccurrence.series.category == category)
    items = _occurrence_items(await _occurrences(query))
    if category in (None, EventCategory.lecture.value):
        items += await _session_items(since, category, center_address)
    return _build(name, sorted(items, key=lambda item: (item.starts_at, item.uid)), base_url, now, zone)


async def single(occurrence_id: int, *, base_url: str, now: datetime, zone: str) -> bytes | None:
    rows = await _occurrences(EventOccurrence.select(*EventOccurrence.all_columns()).where(EventOccurrence.id == occurrence_id))
    return _build(rows[0]["title"], _occurrence_items(rows), base_url, now, zone) if rows else None


def _build(name: str, items: list[FeedItem], base_url: str, now: datetime, zone: str) -> bytes:
    calendar = _calendar(name)
    tz = ZoneInfo(zone)
    for item in items:
        calendar.add_component(_event(item, base_url, tz, now))
    calendar.add_missing_timezones()
    return calendar.to_ical()
