"""Jinja2 set-up: autoescaping, gettext bound to the request's language, and date formatting. What
the areas give every template (the back office's menu) comes in from app.py: web/ knows no area."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from litestar import Litestar
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.template.config import TemplateConfig

from jobcenter import i18n
from jobcenter.settings import PROJECT_ROOT, Settings
from jobcenter.web.assets import asset
from jobcenter.web.flash import flash_message
from jobcenter.web.language import language_of


def _language(context: Context) -> str:
    request = context.get("request")
    if request is None:
        return context.get("language", "ko")
    return language_of(request)


def _zone(context: Context) -> str:
    return context["settings"].timezone


@pass_context
def _gettext(context: Context, message: str) -> str:
    """Jinja formats what this returns once more (newstyle gettext), so a message already filled
    with what someone typed (a code with a %) has its % doubled first."""
    settings = context.get("settings")
    translated = i18n.gettext(_language(context), message, settings.timezone if settings else None)
    return translated.replace("%", "%%") if isinstance(message, i18n.Filled) else translated


@pass_context
def _ngettext(context: Context, singular: str, plural: str, count: int) -> str:
    return i18n.ngettext(_language(context), singular, plural, count)


@pass_context
def _current_language(context: Context) -> str:
    return _language(context)


@pass_context
def _day(context: Context, value: Any, with_year: bool = True) -> str:
    return i18n.format_day(value, _language(context), _zone(context), with_year)


@pass_context
def _clock(context: Context, value: Any) -> str:
    return i18n.format_clock(value, _language(context), _zone(context))


@pass_context
def _moment(context: Context, value: Any) -> str:
    return i18n.format_moment(value, _language(context), _zone(context))


@pass_context
def _month_title(context: Context, value: Any) -> str:
    return i18n.format_month(value, _language(context))


@pass_context
def _weekday_names(context: Context) -> list[str]:
    return i18n.weekday_names(_language(context))


@pass_context
def _number(context: Context, value: int) -> str:
    return i18n.format_number(value, _language(context))


@lru_cache(maxsize=16384)
def _reverse(app: Litestar, name: str, parameters: tuple[tuple[str, Any], ...]) -> str:
    return app.route_reverse(name, **dict(parameters))


@pass_context
def _url_for(context: Context, name: str, **parameters: Any) -> str:
    """Litestar's url_for, remembered: a path depends on the route and its parameters alone, and a
    page of program cards asks for dozens (Litestar looks through its routes each time)."""
    return _reverse(context["request"].app, name, tuple(sorted(parameters.items())))


def template_config(settings: Settings, **area_globals: Any) -> TemplateConfig[JinjaTemplateEngine]:
    """Templates from <checkout>/templates with the site's helpers installed, and `area_globals`
    (such as `staff_menu`) available to every template."""

    def configure(engine: JinjaTemplateEngine) -> None:
        environment: Environment = engine.engine
        environment.autoescape = True
        environment.auto_reload = settings.debug  # no stat() of every template on every request
        environment.trim_blocks = True
        environment.lstrip_blocks = True
        environment.add_extension("jinja2.ext.i18n")
        environment.install_gettext_callables(_gettext, _ngettext, newstyle=True)  # type: ignore[attr-defined]  # added by the i18n extension at run time
        environment.globals.update(
            settings=settings,
            center=settings.center,
            languages=i18n.LANGUAGES,
            current_language=_current_language,
            weekday_names=_weekday_names,
            flash_message=flash_message,
            asset=asset,
            url_for=_url_for,
            **area_globals,
        )
        environment.filters.update(day=_day, clock=_clock, moment=_moment, number=_number, month_title=_month_title)

    return TemplateConfig(
        directory=PROJECT_ROOT / "templates",
        engine=JinjaTemplateEngine,
        engine_callback=configure,
    )
