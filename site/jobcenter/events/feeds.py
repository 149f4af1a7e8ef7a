"""Calendar files (RFC 5545) built with the icalendar package: one event, or a subscription feed.

UIDs come from the series and the day its rule gave, so they stay the same however often the
feed is generated; a cancelled occurrence stays in the feed as STATUS:CANCELLED; SEQUENCE counts
changes; times carry their zone (Asia/Seoul) with a VTIMEZONE."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vText

from jobcenter.events.tables import EventOccurrence

FEED_PAST = timedelta(days=31)


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//jobcenter//events//KO")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", vText(" ".join(name.split())))  # one line, however the title was typed
    return calendar


def _event(row: dict[str, Any], base_url: str, zone: ZoneInfo, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", row["uid"])
    event.add("dtstamp", stamp)
    event.add("dtstart", row["starts_at"].astimezone(zone))
    event.add("dtend", row["ends_at"].astimezone(zone))
    event.add("summary", row["title"])
    event.add("location", row["place"])
    event.add("description", " ".join(part for part in (row["summary"], row["note"]) if part))
    event.add("url", f"{base_url}/events/{row['id']}")
    event.add("sequence", row["sequence"])
    event.add("status", "CANCELLED" if row["status"] == "cancelled" else "CONFIRMED")
    return event


def _rows(query):
    return query.columns(
        EventOccurrence.series.title.as_alias("title"), EventOccurrence.series.summary.as_alias("summary")
    )


async def feed(name: str, *, base_url: str, now: datetime, zone: str, category: str | None = None) -> bytes:
    """Every occurrence from a month ago on (of one category, if given)."""
    query = EventOccurrence.select(*EventOccurrence.all_columns()).where(EventOccurrence.ends_at >= now - FEED_PAST)
    if category:
        query = query.where(EventOccurrence.series.category == category)
    return _build(name, await _rows(query).order_by(EventOccurrence.starts_at), base_url, now, zone)


async def single(occurrence_id: int, *, base_url: str, now: datetime, zone: str) -> bytes | None:
    rows = await _rows(EventOccurrence.select(*EventOccurrence.all_columns()).where(EventOccurrence.id == occurrence_id))
    return _build(rows[0]["title"], rows, base_url, now, zone) if rows else None


def _build(name: str, rows: list[dict[str, Any]], base_url: str, now: datetime, zone: str) -> bytes:
    calendar = _calendar(name)
    tz = ZoneInfo(zone)
    for row in rows:
        calendar.add_component(_event(row, base_url, tz, now))
    calendar.add_missing_timezones()
    return calendar.to_ical()
