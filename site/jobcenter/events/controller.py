"""행사·일정: the month calendar and agenda, an event's page, and calendar files. HTTP only."""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from litestar import Controller, Request, Response, get
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException, ValidationException
from litestar.params import FromPath, FromQuery
from litestar.response import Template

from jobcenter.events import feeds, service
from jobcenter.events.labels import CATEGORY_LABELS
from jobcenter.events.month import day_view, month_view
from jobcenter.events.occurrence_page import FEED_CATEGORIES, event_page_context, webcal_url
from jobcenter.settings import Settings
from jobcenter.web.form_input import RowId, read_day, read_month
from jobcenter.web.forms import NO_STORE
from jobcenter.web.hosts import site_url
from jobcenter.web.htmx import wants_fragment

CALENDAR_MEDIA_TYPE = "text/calendar"
"""Litestar adds "; charset=utf-8" to text/ types."""


def _month(value: str | None, today: date) -> date:
    if not value:
        return today.replace(day=1)
    first_day = read_month(value)
    if first_day is None:
        raise ValidationException(detail="invalid month")
    return first_day


def _calendar_query(first_day: date, category: str | None, place: str | None, view: str | None, week: int | None = None) -> str:
    pairs = [("month", f"{first_day:%Y-%m}")]
    pairs += [(key, str(value)) for key, value in (("category", category), ("place", place), ("view", view), ("week", week)) if value]
    return urlencode(pairs)


def _filters(category: str | None, place: str | None) -> tuple[str | None, str | None]:
    if category and category not in CATEGORY_LABELS:
        raise ValidationException(detail="invalid category")
    return category or None, place or None


def _week(value: str | None) -> int | None:
    """The agenda's week of the month, 1 to 6; anything else: the default week."""
    return int(value) if value and value.isascii() and value.isdigit() and len(value) == 1 else None


class EventController(Controller):
    path = "/events"

    @get("/", name="events")
    async def index(
        self,
        request: Request,
        settings: NamedDependency[Settings],
        now: NamedDependency[datetime],
        month: FromQuery[str | None] = None,
        category: FromQuery[str | None] = None,
        place: FromQuery[str | None] = None,
        view: FromQuery[str | None] = None,
        week: FromQuery[str | None] = None,
    ) -> Template:
        """A month: a grid on wide screens, an agenda of one week on narrow ones or when asked
        (view=agenda), with the week before and after."""
        today = now.astimezone(ZoneInfo(settings.timezone)).date()
        first_day = _month(month, today)
        category, place = _filters(category, place)
        calendar = await month_view(first_day, today=today, zone=settings.timezone, category=category, place=place, week=_week(week))
        context = {
            "calendar": calendar,
            "filters": {"category": category or "", "place": place or "", "view": view or ""},
            "query": lambda first, **changes: _calendar_query(
                first, changes.get("category", category), changes.get("place", place), changes.get("view", view), changes.get("week")
            ),
            "day_query": urlencode([(key, value) for key, value in (("category", category), ("place", place)) if value]),
            "categories": CATEGORY_LABELS,
            "feed_categories": FEED_CATEGORIES,
            "webcal": webcal_url(request),
        }
        headers = {"vary": "HX-Request"}
        if wants_fragment(request):
            headers["HX-Push-Url"] = "/events?" + _calendar_query(first_day, category, place, view, _week(week))
            return Template("events/_calendar.html", context=context, headers=headers)
        return Template("events/index.html", context=context, headers=headers)

    @get("/days/{day:str}", name="events_of_day")
    async def day(
        self,
        day: FromPath[str],
        settings: NamedDependency[Settings],
        now: NamedDependency[datetime],
        category: FromQuery[str | None] = None,
        place: FromQuery[str | None] = None,
    ) -> Template:
        """Everything on one day, where a cell of the month has "+N more"."""
        shown = read_day(day)
        if shown is None:
            raise ValidationException(detail="invalid day")
        category, place = _filters(category, place)
        today = now.astimezone(ZoneInfo(settings.timezone)).date()
        found = await day_view(shown, today=today, zone=settings.timezone, category=category, place=place)
        return Template("events/day.html", context={"day": found, "categories": CATEGORY_LABELS, "month": shown.replace(day=1),
                                                    "filters": {"category": category or "", "place": place or ""}})

    @get("/{occurrence_id:int}", name="event")
    async def detail(
        self, request: Request, occurrence_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Template:
        """What, when, where, who should come, what to bring, companies hiring, and registration."""
        occurrence = await service.get_occurrence(occurrence_id)
        return Template("events/occurrence.html", context=await event_page_context(request, occurrence, settings, now), headers=_personal(request))

    @get("/{occurrence_id:int}/calendar.ics", name="event_ics")
    async def single_ics(
        self, request: Request, occurrence_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Response:
        """One event as a calendar file to download."""
        body = await feeds.single(occurrence_id, base_url=site_url(request), now=now, zone=settings.timezone)
        if body is None:
            raise NotFoundException()
        return Response(body, media_type=CALENDAR_MEDIA_TYPE, headers={"content-disposition": f'attachment; filename="event-{occurrence_id}.ics"'})

    @get("/feeds/{feed_name:str}", name="feed")
    async def feed(
        self, request: Request, feed_name: FromPath[str], settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Response:
        """Subscription feeds: `all.ics` for every event and program session, `<category>.ics` for one
        category (`lecture.ics` with the lecture programs' sessions)."""
        category = feed_name.removesuffix(".ics")
        if not feed_name.endswith(".ics") or (category != "all" and category not in FEED_CATEGORIES):
            raise NotFoundException()
        body = await feeds.feed(
            settings.center.name,
            base_url=site_url(request),
            now=now,
            zone=settings.timezone,
            center_address=settings.center.address,
            category=None if category == "all" else category,
        )
        return Response(body, media_type=CALENDAR_MEDIA_TYPE)


def _personal(request: Request) -> dict[str, str] | None:
    return NO_STORE if request.state.citizen else None
