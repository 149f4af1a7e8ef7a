from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.column_types import Varchar
from piccolo.columns.indexes import IndexMethod

ID = "2026-12-02T11:19:13:280320"
VERSION = "1.38.0"
DESCRIPTION = "A landline for calls (Citizen.landline)"


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="jobcenter", description=DESCRIPTION
    )

    manager.add_column(
        table_class_name="Citizen",
        tablename="citizen",
        column_name="landline",
        db_column_name="landline",
        column_class_name="Varchar",
        column_class=Varchar,
        params={
            "length": 11,
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
