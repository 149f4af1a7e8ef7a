"""Search reads program_term by term for the program ids: an index on (term, program) answers from
the index alone (an index-only scan on PostgreSQL, a covering index on SQLite)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from jobcenter.catalog.tables import ProgramTerm

ID = "2026-12-01T05:53:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Index search terms with their programs"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="jobcenter", description=DESCRIPTION)

    async def index_terms():
        await ProgramTerm.raw("CREATE INDEX IF NOT EXISTS program_term_term_program ON program_term (term, program)")

    manager.add_raw(index_terms)
    return manager
