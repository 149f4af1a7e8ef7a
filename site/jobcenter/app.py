"""The application factory: routes, templates, static files, CSRF, security headers, lifecycle."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime

from litestar import Litestar
from litestar.config.csrf import CSRFConfig
from litestar.datastructures import State
from litestar.di import Provide
from litestar.logging.config import LoggingConfig
from litestar.plugins.htmx import HTMXPlugin, HTMXRequest
from litestar.plugins.prometheus import PrometheusConfig
from litestar.types import ASGIApp

from jobcenter import db
from jobcenter.accounts.controller import AccountController, CodeController, MobileChangeController, NewsConsentController
from jobcenter.accounts.web import LoginRequired, handle_login_required, load_citizen
from jobcenter.api.controller import ApiController, ApiDocsController
from jobcenter.api.openapi import openapi_config
from jobcenter.catalog.controller import CatalogController
from jobcenter.catalog.tables import Program
from jobcenter.clock import Clock, system_clock
from jobcenter.companies.controller import DirectoryController, JobsController
from jobcenter.counselling.controller import CounsellingController
from jobcenter.demo.staff import refuse_demo_passwords
from jobcenter.events.controller import EventController
from jobcenter.home.controller import ApplyController, home, privacy
from jobcenter.housekeeping import start_background_jobs
from jobcenter.kiosk.controller import KioskController, StatusController
from jobcenter.monitoring.controller import MetricsController
from jobcenter.settings import Settings
from jobcenter.signups.controller import ApplicationController, DrawController, MyDataController, seats
from jobcenter.staff.menu import STAFF_MENU
from jobcenter.staff.router import staff_router
from jobcenter.staff.web import StaffLoginRequired, handle_staff_login_required
from jobcenter.web.assets import favicon, static_files_router
from jobcenter.web.errors import EXCEPTION_HANDLERS
from jobcenter.web.etags import PageValidators
from jobcenter.web.headers import security_headers
from jobcenter.web.health import Readiness, health, ready
from jobcenter.web.hosts import AllowedHostsMiddleware
from jobcenter.web.language_switch import switch_language
from jobcenter.web.request_log import LOGGING_FORMATTERS, LOGGING_HANDLERS, REQUEST_LOGGER, RequestLog
from jobcenter.web.templating import template_config

REQUEST_METRICS = PrometheusConfig(app_name="jobcenter", prefix="jobcenter", group_path=True, exclude=["^/metrics"])
"""Requests by route (its template, never the address asked: no unbounded labels), method and status;
their latency as a histogram; 5xx counted apart; requests in progress."""


def create_app(settings: Settings | None = None, clock: Clock = system_clock) -> Litestar:
    """Build the site for `settings` (default: the environment) reading time from `clock`."""
    settings = settings or Settings.from_env()
    engine = Program._meta.db

    def provide_settings() -> Settings:
        return settings

    readiness = Readiness(engine, settings.ready_check_seconds)

    def provide_readiness() -> Readiness:
        return readiness

    def provide_now() -> datetime:
        return clock()

    background: list[asyncio.Task] = []

    async def open_database() -> None:
        await db.start(engine, settings.database_pool_size)
        if settings.production:
            await refuse_demo_passwords()
        if settings.background_jobs:
            background.extend(start_background_jobs(settings, clock))

    async def close_database() -> None:
        for task in background:
            task.cancel()
        await asyncio.gather(*background, return_exceptions=True)
        if settings.database_pool_size > 0:  # what it opened; with 0, whoever opened connections closes them
            await db.stop(engine)

    return Litestar(
        route_handlers=[
            home,
            privacy,
            CatalogController,
            DirectoryController,
            JobsController,
            CounsellingController,
            AccountController,
            NewsConsentController,
            CodeController,
            MobileChangeController,
            MyDataController,
            ApplyController,
            ApplicationController,
            DrawController,
            EventController,
            seats,
            KioskController,
            StatusController,
            staff_router(),
            switch_language,
            health,
            ready,
            ApiController,
            ApiDocsController,
            MetricsController,
            static_files_router(),
            favicon,
        ],
        dependencies={
            "settings": Provide(provide_settings, sync_to_thread=False),
            "readiness": Provide(provide_readiness, sync_to_thread=False),
            "now": Provide(provide_now, sync_to_thread=False),
        },
        state=State({"settings": settings, "clock": clock}),
        before_request=load_citizen,
        template_config=template_config(settings, staff_menu=STAFF_MENU),
        plugins=[HTMXPlugin()],
        request_class=HTMXRequest,
        csrf_config=CSRFConfig(
            secret=settings.secret_key,
            cookie_secure=settings.cookie_secure,
            cookie_samesite="lax",
            header_name="x-csrftoken",
            exclude=["^/api/", "^/metrics"],  # read-only and cached by anyone: no token cookie on them
        ),
        middleware=[REQUEST_METRICS.middleware, AllowedHostsMiddleware(settings.allowed_hosts), PageValidators()],
        request_max_body_size=settings.max_body_bytes,
        before_send=[security_headers(settings.map.tile_origin)],
        exception_handlers={
            **EXCEPTION_HANDLERS,
            LoginRequired: handle_login_required,
            StaffLoginRequired: handle_staff_login_required,
        },
        on_startup=[open_database],
        on_shutdown=[close_database],
        logging_config=LoggingConfig(
            root={"level": "DEBUG" if settings.debug else "INFO", "handlers": ["queue_listener"]},
            loggers={"jobcenter": {"level": "DEBUG" if settings.debug else "INFO", "propagate": True}, **REQUEST_LOGGER},
            handlers=dict(LOGGING_HANDLERS),
            formatters=dict(LOGGING_FORMATTERS),
            log_exceptions="never",
        ),
        openapi_config=openapi_config(),
        include_in_schema=False,  # only the API (/api/v1) is documented: its controller says so
        debug=False,
    )


def create_app_from_env() -> ASGIApp:
    """Entry point for uvicorn's --factory: the site, inside the request log when REQUEST_LOG=json."""
    logging.captureWarnings(True)
    settings = Settings.from_env()
    app = create_app(settings)
    return RequestLog(app) if settings.request_log else app
