"""큰 글씨 and 고대비: the kiosk's two display modes, each a cookie set by a plain form post, so
they work without JavaScript; the reset deletes them and the kiosk is back to normal."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from litestar import Request
from litestar.datastructures import Cookie

from jobcenter.settings import Settings

KIOSK_PATH = "/kiosk"
MODE_COOKIES = {"text": ("kiosk_text", "large"), "contrast": ("kiosk_contrast", "high")}
"""Mode name -> (cookie, value when on)."""


@dataclass(frozen=True)
class Display:
    large_text: bool = False
    high_contrast: bool = False

    @property
    def normal(self) -> bool:
        return not (self.large_text or self.high_contrast)


def display_of(request: Request) -> Display:
    """The modes this kiosk browser has turned on."""
    cookies = request.cookies
    return Display(
        large_text=cookies.get(MODE_COOKIES["text"][0]) == MODE_COOKIES["text"][1],
        high_contrast=cookies.get(MODE_COOKIES["contrast"][0]) == MODE_COOKIES["contrast"][1],
    )


def toggled(request: Request, mode: str, settings: Settings) -> Cookie | None:
    """The cookie that turns `mode` the other way (None for an unknown mode)."""
    if mode not in MODE_COOKIES:
        return None
    name, on_value = MODE_COOKIES[mode]
    if request.cookies.get(name) == on_value:
        return Cookie(key=name, value="", path=KIOSK_PATH, max_age=0, httponly=True, samesite="lax", secure=settings.cookie_secure)
    return Cookie(key=name, value=on_value, path=KIOSK_PATH, httponly=True, samesite="lax", secure=settings.cookie_secure)


def kiosk_path(candidate: str | None) -> str:
    """A path inside the kiosk to go back to; anything else (another page, another site, a way out
    such as /kiosk/../staff, also when percent-encoded) is the start."""
    if not candidate or "\\" in candidate or not candidate.isprintable():
        return KIOSK_PATH
    parts = urlsplit(candidate)
    path = unquote(parts.path)
    inside = not (parts.scheme or parts.netloc) and (path == KIOSK_PATH or path.startswith(KIOSK_PATH + "/"))
    return candidate if inside and not {".", ".."} & set(path.split("/")) else KIOSK_PATH
