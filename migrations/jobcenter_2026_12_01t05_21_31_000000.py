"""once_key is unique (SQLite cannot add a UNIQUE column, so the index comes after the column;
several NULLs are allowed by both databases)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from jobcenter.notifications.tables import OutboxMessage

ID = "2026-12-01T05:21:31:000000"
VERSION = "1.38.0"
DESCRIPTION = "Outbox messages: one per once_key"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="jobcenter", description=DESCRIPTION)

    async def one_per_key():
        await OutboxMessage.raw("CREATE UNIQUE INDEX IF NOT EXISTS outbox_message_once_key ON outbox_message (once_key)")

    manager.add_raw(one_per_key)
    return manager
