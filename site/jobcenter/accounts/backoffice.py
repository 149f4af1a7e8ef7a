"""The center's news in the back office: written, previewed as it arrives (its length, SMS or LMS,
how many people get it, and when it leaves), then queued with an audit entry. HTTP only: the
rules are in news.py."""

from __future__ import annotations

from datetime import datetime

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import URLEncodedBody
from litestar.response import Template
from litestar.status_codes import HTTP_422_UNPROCESSABLE_ENTITY

from jobcenter.accounts.news import preview, read_news, send_news
from jobcenter.audit.service import Actor
from jobcenter.notifications.advertising import next_sending_time
from jobcenter.settings import Settings
from jobcenter.web.flash import done
from jobcenter.web.form_input import FormInvalid
from jobcenter.web.forms import form_page
from jobcenter.web.language import language_of


class NewsController(Controller):
    path = "/news"

    @get("/", name="staff_news")
    async def compose(self) -> Template:
        """Write the news; it is previewed before it goes."""
        return form_page("accounts/backoffice/news.html")

    @post("/")
    async def news(
        self, request: Request, data: URLEncodedBody[dict[str, str]],
        settings: NamedDependency[Settings], actor: NamedDependency[Actor], now: NamedDependency[datetime],
    ) -> Response:
        """`action=preview`: the page again with the text as it arrives; `action=send`: queued for
        everyone whose consent is current, if it is what was previewed."""
        values = {"text": data.get("text", "")}
        try:
            text = read_news(data)
        except FormInvalid as invalid:
            return form_page("accounts/backoffice/news.html", HTTP_422_UNPROCESSABLE_ENTITY, errors=invalid.errors, values=values)
        language = language_of(request)
        if data.get("action") != "send" or data.get("previewed") != data.get("text", ""):
            shown = await preview(text, settings=settings, language=language, now=now)
            leaves = next_sending_time(now, settings.timezone)
            return form_page("accounts/backoffice/news.html", preview=shown, leaves=leaves if leaves != now else None, values=values)
        await send_news(text, settings=settings, actor=actor, now=now, language=language)
        return done("/staff/news", "news_sent")
