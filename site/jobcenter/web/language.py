"""Which language a request is served in, and the switch between 한국어 and English."""

from __future__ import annotations

from litestar import Request, get
from litestar.datastructures import Cookie
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, FromQuery
from litestar.response import Redirect
from litestar.status_codes import HTTP_303_SEE_OTHER

from jobcenter.i18n import LANGUAGES

LANGUAGE_COOKIE = "lang"
ONE_YEAR_SECONDS = 365 * 24 * 3600


def language_of(request: Request) -> str:
    """The language chosen with the switch, or the site's default language."""
    chosen = request.cookies.get(LANGUAGE_COOKIE)
    if chosen in LANGUAGES:
        return chosen
    return request.app.state.settings.default_language


def safe_return_path(candidate: str | None) -> str:
    """Only a path on this site: never `//host` or `https://host` (no open redirect)."""
    if not candidate or not candidate.startswith("/") or candidate.startswith("//") or "\\" in candidate:
        return "/"
    return candidate


@get("/language/{code:str}", name="language", sync_to_thread=False)
def switch_language(code: FromPath[str], next_path: FromQuery[str | None] = None) -> Redirect:
    """Remember the chosen language in a cookie and go back to the page the person was on."""
    if code not in LANGUAGES:
        raise NotFoundException()
    return Redirect(
        path=safe_return_path(next_path),
        status_code=HTTP_303_SEE_OTHER,
        cookies=[
            Cookie(key=LANGUAGE_COOKIE, value=code, max_age=ONE_YEAR_SECONDS, httponly=True, samesite="lax")
        ],
    )
