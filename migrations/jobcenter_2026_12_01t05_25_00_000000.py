"""The catalog lists published programs by title: an index on (published, title, id) gives a page
of them without sorting every program (3.4 ms on PostgreSQL, 1.7 ms on SQLite, at 10,000 programs;
bench/scale.py). Published comes first so that SQLite, which has no statistics, takes it too."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from jobcenter.catalog.tables import Program

ID = "2026-12-01T05:25:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Index programs by title for the catalog's order"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="jobcenter", description=DESCRIPTION)

    async def index_titles():
        await Program.raw("CREATE INDEX IF NOT EXISTS program_published_title_id ON program (published, title, id)")

    manager.add_raw(index_titles)
    return manager
