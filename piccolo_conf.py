"""Piccolo's configuration: the engine comes from DATABASE_URL (see site/jobcenter/db.py)."""

from piccolo.conf.apps import AppRegistry

from jobcenter.db import engine_from_url
from jobcenter.settings import database_url

DB = engine_from_url(database_url())

APP_REGISTRY = AppRegistry(apps=["jobcenter.piccolo_app"])
