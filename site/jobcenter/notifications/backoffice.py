"""Failed messages in the back office: the reasons, and sending a group again. HTTP only."""

from __future__ import annotations

from datetime import datetime

from litestar import Controller, get, post
from litestar.di import NamedDependency
from litestar.params import URLEncodedBody
from litestar.response import Redirect, Template

from jobcenter.audit.service import Actor
from jobcenter.notifications.failed import failed_by_reason, retry_failed
from jobcenter.web.flash import done
from jobcenter.web.forms import NO_STORE


class FailedMessagesController(Controller):
    path = "/messages/failed"

    @get("/", name="staff_failed_messages")
    async def show(self) -> Template:
        """The reasons messages failed for good, most frequent first, each with a retry button."""
        return Template("notifications/backoffice/failed.html", context={"reasons": await failed_by_reason()}, headers=NO_STORE)

    @post("/retry", name="staff_retry_messages")
    async def retry(self, data: URLEncodedBody[dict[str, str]], actor: NamedDependency[Actor], now: NamedDependency[datetime]) -> Redirect:
        """Send every message of one reason again (the worker takes them at its next round)."""
        await retry_failed(data.get("reason", ""), data.get("channel", ""), actor=actor, now=now)
        return done("/staff/messages/failed", "queued_again")
