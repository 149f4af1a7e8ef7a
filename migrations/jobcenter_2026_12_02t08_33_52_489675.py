from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.column_types import Date
from piccolo.columns.indexes import IndexMethod

ID = "2026-12-02T08:33:52:489675"
VERSION = "1.38.0"
DESCRIPTION = "A series may have a last day"


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="jobcenter", description=DESCRIPTION
    )

    manager.add_column(
        table_class_name="EventSeries",
        tablename="event_series",
        column_name="last_day",
        db_column_name="last_day",
        column_class_name="Date",
        column_class=Date,
        params={
            "default": None,
            "null": True,
            "primary_key": False,
            "unique": False,
            "index": False,
            "index_method": IndexMethod.btree,
            "choices": None,
            "db_column_name": None,
            "secret": False,
        },
        schema=None,
    )

    return manager
