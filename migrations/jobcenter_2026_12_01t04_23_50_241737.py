from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.column_types import BigInt
from piccolo.columns.indexes import IndexMethod

ID = "2026-12-01T04:23:50:241737"
VERSION = "1.38.0"
DESCRIPTION = "The row /readyz writes to"


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="jobcenter", description=DESCRIPTION
    )

    manager.add_table(
        class_name="ReadinessProbe",
        tablename="readiness_probe",
        schema=None,
        columns=None,
    )

    manager.add_column(
        table_class_name="ReadinessProbe",
        tablename="readiness_probe",
        column_name="writes",
        db_column_name="writes",
        column_class_name="BigInt",
        column_class=BigInt,
        params={
            "default": 0,
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
