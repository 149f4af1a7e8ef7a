"""Fixtures shared by the unit and integration tests.

The database is chosen before any table is imported: TEST_DATABASE_URL when set (CI sets a
throwaway PostgreSQL one), otherwise a fresh SQLite file in a temporary directory.
"""

from __future__ import annotations

import os
import tempfile

_scratch = tempfile.mkdtemp(prefix="jobcenter-tests-")
os.environ["DATABASE_URL"] = os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{_scratch}/test.sqlite3"
os.environ["DATA_DIR"] = _scratch

from collections.abc import AsyncIterator, Iterator  # noqa: E402
from datetime import UTC, datetime  # noqa: E402

import pytest  # noqa: E402
from argon2 import PasswordHasher  # noqa: E402
from litestar import Litestar  # noqa: E402
from piccolo.apps.migrations.commands.forwards import run_forwards  # noqa: E402

from jobcenter import db  # noqa: E402
from jobcenter.accounts import passwords  # noqa: E402
from jobcenter.accounts.sessions import SESSION_COOKIE, start_session  # noqa: E402
from jobcenter.accounts.tables import Citizen, PasswordReset, PhoneCode, WebSession  # noqa: E402
from jobcenter.app import create_app  # noqa: E402
from jobcenter.audit.tables import AuditEntry  # noqa: E402
from jobcenter.catalog.tables import Cohort, CohortSeries, CohortSession, Program, ProgramTerm, SessionAttendance  # noqa: E402
from jobcenter.companies.tables import Company, CompanyVisit, JobRequest, Posting, Referral  # noqa: E402
from jobcenter.counselling.tables import Availability, Booking, CounsellingPlace, CounsellingRecord, Counsellor, Leave  # noqa: E402
from jobcenter.events.tables import EventCompany, EventOccurrence, EventSeries  # noqa: E402
from jobcenter.kiosk.tables import HelpRequest, Kiosk, KioskSession  # noqa: E402
from jobcenter.limits.tables import RateEvent  # noqa: E402
from jobcenter.notifications.tables import OutboxMessage  # noqa: E402
from jobcenter.placements.tables import FollowUpCall, Placement  # noqa: E402
from jobcenter.schedule.tables import Closure  # noqa: E402
from jobcenter.settings import Settings  # noqa: E402
from jobcenter.signups.tables import Application, OpeningAlert, SeatPool  # noqa: E402
from jobcenter.staff.sessions import STAFF_COOKIE, start_half_session, verify_session  # noqa: E402
from jobcenter.staff.tables import StaffMember, StaffSession  # noqa: E402
from tests.in_loop_client import InLoopClient  # noqa: E402
from tests.support import SESSION_POOL_SIZE, FrozenClock  # noqa: E402

TEST_HOST = "testserver.local"


@pytest.fixture(scope="session", autouse=True)
def quick_password_hashes() -> Iterator[None]:
    """argon2id at its lowest cost in the tests' own process: the same code and the same format,
    about 1 ms a hash instead of 125 (hundreds of tests sign up and log in). The servers the tests
    start as processes hash as `make run` does."""
    quick = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(passwords, "_hasher", quick)
        patch.setattr(passwords, "_DUMMY_HASH", quick.hash("a password nobody has"))
        yield


@pytest.fixture(scope="session", autouse=True)
async def migrated_database() -> AsyncIterator[None]:
    """Apply the real migrations once, as `make run` does, then open the connections the whole
    session shares, as the app does at its start: the tests and the app run in one event loop
    (tests/in_loop_client.py), which a PostgreSQL pool and SQLite's kept connections are bound to.
    The test app is told to open none of its own (database_pool_size=0)."""
    engine = Program._meta.db
    db.prepare_sqlite_file(engine)
    response = await run_forwards(app_name="all")
    assert response.success, response.message
    await db.start(engine, SESSION_POOL_SIZE)
    yield
    await db.stop(engine)


@pytest.fixture(autouse=True)
async def empty_tables() -> None:
    """Each test starts from an empty database (one transaction: one connection, not one a table)."""
    async with Program._meta.db.transaction():
        for table in (
            HelpRequest, Kiosk, KioskSession, FollowUpCall, Placement, AuditEntry, StaffSession, StaffMember, OutboxMessage, OpeningAlert,
            Application,
            CounsellingRecord, Booking, Leave, Availability, Counsellor, CounsellingPlace,
            JobRequest, Referral, Posting, CompanyVisit, Company, EventCompany, EventOccurrence, EventSeries, Closure, SessionAttendance, CohortSession,
            Cohort, CohortSeries,
            SeatPool, ProgramTerm, Program, WebSession, PhoneCode, RateEvent, PasswordReset, Citizen,
        ):
            await table.delete(force=True)


TEST_NOW = datetime(2026, 11, 26, 3, 0, tzinfo=UTC)  # 12:00 in Seoul


@pytest.fixture(scope="session")
def shared_clock() -> FrozenClock:
    """The one clock the session's app reads; `clock` sets it back for each test."""
    return FrozenClock(TEST_NOW)


@pytest.fixture(autouse=True)
def clock(shared_clock: FrozenClock) -> FrozenClock:
    """Every test starts at TEST_NOW, whether it moves the clock or not."""
    shared_clock.now = TEST_NOW
    return shared_clock


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings(
        secret_key="test-secret-key-" + "x" * 32,
        allowed_hosts=[TEST_HOST, "127.0.0.1"],
        page_size=10,
        database_pool_size=0,  # the session's connections (migrated_database)
        background_jobs=False,
        ready_check_seconds=0,  # each test sees the database as it is now
    )


@pytest.fixture(scope="session")
def app(settings: Settings, shared_clock: FrozenClock) -> Litestar:
    """One app for the session (building it takes about 0.3 s); each test gets its own client."""
    return create_app(settings, clock=shared_clock)


@pytest.fixture
async def client(app: Litestar) -> AsyncIterator[InLoopClient]:
    async with InLoopClient(app, base_url=f"http://{TEST_HOST}") as test_client:
        yield test_client


@pytest.fixture
def query_counter(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every SQL statement the engine runs while the test goes on."""
    engine_class = type(Program._meta.db)  # the engine has __slots__: patch its class
    statements: list[str] = []
    original = engine_class.run_querystring

    async def counting(self, querystring, in_pool: bool = False):
        statements.append(str(querystring))
        return await original(self, querystring, in_pool=in_pool)

    monkeypatch.setattr(engine_class, "run_querystring", counting)
    return statements


@pytest.fixture
def sign_in(client, clock):
    """Sign a citizen in on the test client, as a successful login would."""

    async def sign(citizen) -> str:
        token = await start_session(citizen.id, clock.now)
        client.cookies.set(SESSION_COOKIE, token)
        return token

    return sign


@pytest.fixture
def sign_in_staff(client, clock):
    """Sign a staff member in on the test client, as a password and a right code would."""

    async def sign(staff) -> str:
        token = await verify_session(await start_half_session(staff.id, clock.now), clock.now)
        client.cookies.set(STAFF_COOKIE, token, path="/staff")
        return token

    return sign
