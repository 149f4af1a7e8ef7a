"""The switch between 한국어 and English: a cookie remembers the choice for a year."""

from __future__ import annotations

from litestar import get
from litestar.datastructures import Cookie
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, FromQuery
from litestar.response import Redirect
from litestar.status_codes import HTTP_303_SEE_OTHER

from jobcenter.i18n import LANGUAGES
from jobcenter.settings import Settings
from jobcenter.web.language import LANGUAGE_COOKIE, safe_return_path

ONE_YEAR_SECONDS = 365 * 24 * 3600


@get("/language/{code:str}", name="language", sync_to_thread=False)
def switch_language(code: FromPath[str], settings: NamedDependency[Settings], next_path: FromQuery[str | None] = None) -> Redirect:
    """Remember the chosen language in a cookie and go back to the page the person was on."""
    if code not in LANGUAGES:
        raise NotFoundException()
    return Redirect(
        path=safe_return_path(next_path),
        status_code=HTTP_303_SEE_OTHER,
        cookies=[
            Cookie(key=LANGUAGE_COOKIE, value=code, max_age=ONE_YEAR_SECONDS, httponly=True, samesite="lax", secure=settings.cookie_secure)
        ],
    )
