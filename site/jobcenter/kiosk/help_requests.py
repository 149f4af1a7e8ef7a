"""직원 호출: a visitor at the kiosk asks for a person; staff see the call on their dashboard and
mark it answered."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from jobcenter.audit.service import Actor, record
from jobcenter.errors import NotFound
from jobcenter.kiosk.tables import HelpRequest

POLL_SECONDS = 5
"""How soon a new call shows on an open dashboard."""


class HelpRequestNotFound(NotFound):
    """No open call has that id (it was answered meanwhile, or never existed)."""


async def call_staff(kiosk_name: str, now: datetime) -> dict[str, Any]:
    """Open a call for this kiosk; while one is still open, more taps do not add another."""
    async with HelpRequest._meta.db.transaction():
        open_call = await HelpRequest.select().where(
            HelpRequest.kiosk_name == kiosk_name, HelpRequest.answered_at.is_null()
        ).first()
        if open_call is not None:
            return open_call
        (row,) = await HelpRequest.insert(HelpRequest(kiosk_name=kiosk_name[:50], created_at=now)).returning(*HelpRequest.all_columns())
    return row


async def open_calls() -> list[dict[str, Any]]:
    """Calls nobody has answered yet, oldest first."""
    return await HelpRequest.select().where(HelpRequest.answered_at.is_null()).order_by(HelpRequest.created_at).order_by(HelpRequest.id)


async def answer_call(call_id: int, *, actor: Actor, now: datetime) -> None:
    """Mark a call answered by this staff member; audited with the change."""
    async with HelpRequest._meta.db.transaction():
        call = await HelpRequest.select().where(HelpRequest.id == call_id, HelpRequest.answered_at.is_null()).first()
        if call is None:
            raise HelpRequestNotFound(call_id)
        await HelpRequest.update({HelpRequest.answered_at: now, HelpRequest.answered_by: actor.name[:50]}).where(
            HelpRequest.id == call_id
        )
        await record(
            actor,
            "help_request.answered",
            "help_request",
            call_id,
            now=now,
            summary=call["kiosk_name"],
            before={"answered_at": None},
            after={"answered_at": now, "answered_by": actor.name},
        )
