"""Messages queued before outbox messages had a channel were emails: password reset links stay so
(every other kind goes by text from now on, the channel's default)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from jobcenter.notifications.tables import OutboxMessage

ID = "2026-12-01T05:20:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Password reset links already queued stay emails"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="jobcenter", description=DESCRIPTION)

    async def reset_links_stay_emails():
        await OutboxMessage.update({OutboxMessage.channel: "email"}).where(OutboxMessage.kind == "password_reset")

    manager.add_raw(reset_links_stay_emails)
    return manager
