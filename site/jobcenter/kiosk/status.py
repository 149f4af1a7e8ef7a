"""/status/<confirmation number>: the page the kiosk's QR code opens on the visitor's own phone.
It shows one application, and only after the last four digits of its mobile number; wrong
answers are throttled like logins (per confirmation number and per client)."""

from __future__ import annotations

import logging
from datetime import datetime

from litestar import Controller, Request, get, post
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, URLEncodedBody
from litestar.response import Template
from litestar.status_codes import HTTP_422_UNPROCESSABLE_ENTITY, HTTP_429_TOO_MANY_REQUESTS

from jobcenter.accounts import throttle
from jobcenter.i18n import N_, gettext
from jobcenter.kiosk.service import CONFIRMATION_CODE, WrongDigits, application_for_status
from jobcenter.settings import Settings
from jobcenter.web.forms import form_page
from jobcenter.web.language import language_of

logger = logging.getLogger("jobcenter.kiosk")

WRONG_DIGITS = N_("Those digits do not match this confirmation number. Enter the last four digits of the mobile number you applied with.")
TOO_MANY = N_("Too many wrong answers. Please try again in %(minutes)s minutes, or call the center.")


def _code(raw: str) -> str:
    """The confirmation number from the address; 404 for anything that cannot be one."""
    code = raw.strip().upper()
    if not CONFIRMATION_CODE.fullmatch(code):
        raise NotFoundException()
    return code


class StatusController(Controller):
    path = "/status"

    @get("/{code:str}", name="application_status")
    async def ask(self, code: FromPath[str]) -> Template:
        """Ask for the last four digits before anything about the application is shown."""
        return form_page("kiosk/status.html", code=_code(code))

    @post("/{code:str}")
    async def show(
        self, request: Request, code: FromPath[str], data: URLEncodedBody[dict[str, str]], settings: NamedDependency[Settings], now: NamedDependency[datetime]
    ) -> Template:
        """The application, when the digits match; the same question with an error otherwise."""
        code = _code(code)
        account = f"status:{code}"
        client = request.client.host if request.client else "unknown"
        wait = await throttle.seconds_to_wait(account, client, now)
        if wait:
            logger.warning("status page throttled: client %s", client)
            message = gettext(language_of(request), TOO_MANY) % {"minutes": max(1, -(-wait // 60))}
            response = form_page("kiosk/status.html", HTTP_429_TOO_MANY_REQUESTS, code=code, errors={"last_four": message})
            response.headers["retry-after"] = str(wait)
            return response
        try:
            application = await application_for_status(code, data.get("last_four", ""), now=now, zone=settings.timezone)
        except WrongDigits:
            await throttle.record_failure(account, client, now)
            logger.warning("status page: wrong digits, client %s", client)
            return form_page("kiosk/status.html", HTTP_422_UNPROCESSABLE_ENTITY, code=code, errors={"last_four": WRONG_DIGITS})
        await throttle.forget_failures(account)
        return form_page("kiosk/status.html", code=code, application=application, now=now)
