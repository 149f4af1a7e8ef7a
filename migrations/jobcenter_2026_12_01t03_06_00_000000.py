"""Fill the catalog's search index (program_term, made by the migration before) for the programs
a site already has; programs saved from now on index themselves (catalog/search_index.py)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from jobcenter.catalog.search_index import index_program
from jobcenter.catalog.tables import Program

ID = "2026-12-01T03:06:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Catalog search index: terms of the programs there are"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="jobcenter", description=DESCRIPTION)

    async def index_every_program():
        for row in await Program.select(Program.id):
            await index_program(row["id"])

    manager.add_raw(index_every_program)
    return manager
