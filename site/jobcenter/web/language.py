"""Which language a request is served in (the switch in language_switch.py sets it), and the check
that a return path stays on this site."""

from __future__ import annotations

from litestar import Request

from jobcenter.i18n import LANGUAGES

LANGUAGE_COOKIE = "lang"


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
