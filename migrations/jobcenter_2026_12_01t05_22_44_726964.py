from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.column_types import Varchar
from piccolo.columns.indexes import IndexMethod

ID = "2026-12-01T05:22:44:726964"
VERSION = "1.38.0"
DESCRIPTION = "How each citizen hears about applications: text or email"


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="jobcenter", description=DESCRIPTION
    )

    manager.add_column(
        table_class_name="Citizen",
        tablename="citizen",
        column_name="notify_by",
        db_column_name="notify_by",
        column_class_name="Varchar",
        column_class=Varchar,
        params={
            "length": 5,
            "default": "sms",
            "null": False,
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
