"""Constraints the ORM cannot declare: they hold whatever the code does.

- One active (confirmed or waitlisted) application per person per seat pool.
- Confirmed seats never above capacity, counters never negative.
PostgreSQL gets CHECK constraints; SQLite cannot add one to an existing table, so triggers
refuse the same rows there.
"""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from jobcenter.signups.tables import SeatPool

ID = "2026-11-26T22:30:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "seat constraints"

ONE_ACTIVE_APPLICATION = (
    "CREATE UNIQUE INDEX application_one_active_per_citizen "
    "ON application (seat_pool, citizen) WHERE status <> 'cancelled'"
)

POSTGRES_CHECKS = [
    "ALTER TABLE seat_pool ADD CONSTRAINT seat_pool_within_capacity "
    "CHECK (confirmed_count >= 0 AND waitlisted_count >= 0 AND confirmed_count <= capacity)",
    "ALTER TABLE application ADD CONSTRAINT application_position_matches_status "
    "CHECK ((status = 'waitlisted') = (waitlist_position IS NOT NULL))",
]

SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER seat_pool_within_capacity_{event.lower()} BEFORE {event} ON seat_pool
    WHEN NEW.confirmed_count < 0 OR NEW.waitlisted_count < 0 OR NEW.confirmed_count > NEW.capacity
    BEGIN SELECT RAISE(ABORT, 'seat_pool_within_capacity'); END"""
    for event in ("INSERT", "UPDATE")
] + [
    f"""CREATE TRIGGER application_position_matches_status_{event.lower()} BEFORE {event} ON application
    WHEN (NEW.status = 'waitlisted') <> (NEW.waitlist_position IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'application_position_matches_status'); END"""
    for event in ("INSERT", "UPDATE")
]


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="jobcenter", description=DESCRIPTION)

    async def add_constraints():
        engine = SeatPool._meta.db
        statements = [ONE_ACTIVE_APPLICATION]
        statements += SQLITE_TRIGGERS if engine.engine_type == "sqlite" else POSTGRES_CHECKS
        for statement in statements:
            await engine.run_ddl(statement)

    manager.add_raw(add_constraints)
    return manager
