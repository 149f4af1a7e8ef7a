"""The Piccolo app: every table of the site and the migrations folder at the top of the checkout."""

from piccolo.conf.apps import AppConfig

from jobcenter.catalog.tables import Cohort, Program
from jobcenter.settings import PROJECT_ROOT

APP_CONFIG = AppConfig(
    app_name="jobcenter",
    migrations_folder_path=str(PROJECT_ROOT / "migrations"),
    table_classes=[Program, Cohort],
    migration_dependencies=[],
    commands=[],
)
