"""취업상담 예약 for citizens: the places, a place's free times by day (anyone may look; booking
needs an account), booking, and moving or cancelling one's own booking. HTTP only: rules in
bookings.py, free times in slots.py."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromQuery, URLEncodedBody
from litestar.response import Template
from litestar.status_codes import HTTP_409_CONFLICT

from jobcenter.accounts.web import provide_citizen
from jobcenter.counselling import bookings
from jobcenter.counselling.calendar import place_days, places_with_next_time
from jobcenter.counselling.labels import LABELS
from jobcenter.counselling.outcomes import refused
from jobcenter.settings import Settings
from jobcenter.web.flash import done
from jobcenter.web.form_input import RowId, read_day
from jobcenter.web.forms import NO_STORE
from jobcenter.web.htmx import wants_fragment
from jobcenter.web.language import language_of

Form = URLEncodedBody[dict[str, str]]
Citizen = NamedDependency[dict[str, Any]]
SIGNED_IN = {"citizen": Provide(provide_citizen, sync_to_thread=False)}


async def day_page(request: Request, place: dict[str, Any], day: str | None, settings: Settings, now: datetime, status_code: int = 200,
                   **context: Any) -> Template:
    """A place's days with free times and the chosen day's times with the booking form (for an
    htmx day change, the day's part alone); `moving` is a booking being moved."""
    shown = await place_days(place, read_day(day), now=now, zone=settings.timezone)
    moving = context.get("moving")
    form_action = (request.app.route_reverse("counselling_move", booking_id=moving["id"]) if moving else
                   request.app.route_reverse("counselling_place", place_id=place["id"]))
    context = {"shown": shown, "citizen": getattr(request.state, "citizen", None), "day_base": f"{form_action}?", "form_action": form_action,
               "errors": {}, "values": {}, **LABELS, **context}
    template = "counselling/_day.html" if wants_fragment(request) else "counselling/place.html"
    return Template(template, context=context, status_code=status_code, headers=NO_STORE)


class CounsellingController(Controller):
    path = "/counselling"

    @get("/", name="counselling")
    async def index(self, settings: NamedDependency[Settings], now: NamedDependency[datetime]) -> Template:
        """Where counsellors meet people, each place with its next free time."""
        places = await places_with_next_time(now=now, zone=settings.timezone)
        return Template("counselling/index.html", context={"places": places, **LABELS})

    @get("/{place_id:int}", name="counselling_place")
    async def place(self, request: Request, place_id: RowId, settings: NamedDependency[Settings], now: NamedDependency[datetime],
                    day: FromQuery[str | None] = None) -> Template:
        """A place's free times: the days that have any, and the chosen day's times."""
        return await day_page(request, await bookings.place_of(place_id), day, settings, now)

    @post("/{place_id:int}", dependencies=SIGNED_IN)
    async def book(self, request: Request, place_id: RowId, data: Form, citizen: Citizen, settings: NamedDependency[Settings],
                   now: NamedDependency[datetime]) -> Response:
        """The time chosen, booked for the signed-in person; the page again with the problem, or
        with the next free times when someone took it first."""
        place = await bookings.place_of(place_id)

        async def again(status_code: int, **context: Any) -> Template:
            return await day_page(request, place, data.get("day"), settings, now, status_code, values=data, **context)

        change = bookings.book(citizen["id"], place_id, data, who=bookings.Who(), now=now, zone=settings.timezone, language=language_of(request))
        return await refused(change, again, settings.timezone) or done("/me/applications", "counselling_booked")

    @get("/bookings/{booking_id:int}/move", name="counselling_move", dependencies=SIGNED_IN)
    async def move_form(self, request: Request, booking_id: RowId, citizen: Citizen, settings: NamedDependency[Settings],
                        now: NamedDependency[datetime], day: FromQuery[str | None] = None) -> Template:
        """Another free time at the same place for one's own booking."""
        booking = await bookings.booking_of(booking_id, citizen["id"])
        if not bookings.changeable(booking, now, by_staff=False):
            return Template("counselling/refused.html", context={"refusal": bookings.CANNOT_CHANGE}, status_code=HTTP_409_CONFLICT)
        return await day_page(request, await bookings.place_of(booking["place"]), day, settings, now, moving=booking)

    @post("/bookings/{booking_id:int}/move", dependencies=SIGNED_IN)
    async def move(self, request: Request, booking_id: RowId, data: Form, citizen: Citizen, settings: NamedDependency[Settings],
                   now: NamedDependency[datetime]) -> Response:
        booking = await bookings.booking_of(booking_id, citizen["id"])
        place = await bookings.place_of(booking["place"])

        async def again(status_code: int, **context: Any) -> Template:
            return await day_page(request, place, data.get("day"), settings, now, status_code, moving=booking, **context)

        change = bookings.move(booking_id, citizen["id"], data, actor=None, now=now, zone=settings.timezone, language=language_of(request))
        return await refused(change, again, settings.timezone) or done("/me/applications", "counselling_moved")

    @post("/bookings/{booking_id:int}/cancel", dependencies=SIGNED_IN)
    async def cancel(self, request: Request, booking_id: RowId, citizen: Citizen, settings: NamedDependency[Settings],
                     now: NamedDependency[datetime]) -> Response:
        """One's own booking cancelled (until two hours before); its time is free again."""
        try:
            await bookings.cancel(booking_id, citizen["id"], actor=None, now=now, zone=settings.timezone, language=language_of(request))
        except bookings.BookingRefused as refused:
            return Template("counselling/refused.html", context={"refusal": refused.message}, status_code=HTTP_409_CONFLICT)
        return done("/me/applications", "counselling_cancelled")
