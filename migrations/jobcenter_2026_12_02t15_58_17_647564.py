from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-12-02T15:58:17:647564"
VERSION = "1.38.0"
DESCRIPTION = "Free times never fall on a holiday or a closure day: the pattern keeps no setting for it"


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="jobcenter", description=DESCRIPTION
    )

    manager.drop_column(
        table_class_name="Availability",
        tablename="availability",
        column_name="skip_holidays",
        db_column_name="skip_holidays",
        schema=None,
    )

    return manager
