"""What a booking page answers when a booking or a move does not go through, online and in the
back office alike: the form again with its problems (422), a refusal (409), or the next free times
when the one chosen was taken (409), each with its day in the center's zone to link to."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar
from zoneinfo import ZoneInfo

from litestar.status_codes import HTTP_409_CONFLICT, HTTP_422_UNPROCESSABLE_ENTITY

from jobcenter.counselling.bookings import BookingRefused, SlotTaken
from jobcenter.web.form_input import FormInvalid

Page = TypeVar("Page")


async def refused(change: Awaitable[object], again: Callable[..., Awaitable[Page]], zone: str) -> Page | None:
    """Book or move (`change`): None when done, otherwise the chooser `again(status_code, **context)`
    with `errors`, `refusal` or `taken` (the next free times, each with its day)."""
    try:
        await change
    except FormInvalid as invalid:
        return await again(HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors)
    except BookingRefused as refusal:
        return await again(HTTP_409_CONFLICT, refusal=refusal.message)
    except SlotTaken as taken:
        return await again(HTTP_409_CONFLICT, taken=[(slot, slot.starts_at.astimezone(ZoneInfo(zone)).date()) for slot in taken.alternatives])
    return None
