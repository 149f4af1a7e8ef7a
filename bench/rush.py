"""Benchmark: a rush of people applying for one cohort at once, while others read the catalog.

A cohort is opened (its window opened a minute ago) with `--capacity` seats, and `--applicants`
citizens are created and signed in before the clock starts. Then every one of them sends
`POST /applications` for that cohort at the same moment (at most `--concurrency` in flight,
default all of them), or evenly spread at `--rate` a second (the shape of the issue's bar: 1,000
applicants at 200 a second), while `--readers` anonymous visitors read the catalog in a loop: the list
`/programs`, the cohort's program page `/programs/<id>` and the seat count `/seats/<pool>` the
page polls. The readers stop when the last application is answered. Every person and every
reader is a browser of its own (an httpx client with one connection, in this one process).

Reported: applications per second over the rush (from the first request to the last answer),
p50/p95/p99 latency of the applications and of each kind of read, errors by kind, the CPU
used by the server and by this load generator, and the final confirmed/waitlisted counts,
checked against the application rows: the pool's counters match the rows, no more confirmed
than seats and no one waitlisted while a seat was free, waitlist positions 1..N without gaps,
one application per person, and exactly one row for each application the server accepted.

An application counts as accepted only when it is answered `303` to the new application's page;
any other status, a 303 elsewhere, or a transport error (timeout, reset) is reported as an
error, with the WARNING and ERROR records the server logged. The script exits with status 1 on
any error or inconsistency. Client and server share the machine, as in `bench/catalog.py`.

By default a temporary directory holds a fresh SQLite database that is migrated and loaded with
the demo content; `--database-url` uses another database instead (migrated; demo content only
if it has no programs). Every run adds its own program, cohort, citizens (unused mobile numbers)
and sessions, and leaves them there, so a database can be reused. Run from the checkout:

    .venv/bin/python bench/rush.py
    .venv/bin/python bench/rush.py --applicants 1000 --capacity 50 --readers 16 --workers 4
    .venv/bin/python bench/rush.py --applicants 1000 --rate 200
    .venv/bin/python bench/rush.py --database-url postgresql://user@127.0.0.1/jobcenter_bench
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import resource
import secrets
import ssl
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as time_of_day
from pathlib import Path

import httpx
from _server import (
    HOST,
    PROJECT_ROOT,
    free_port,
    logged_errors,
    machine_lines,
    percentile_ms,
    prepare_database,
    process_tree_cpu_s,
    redacted,
    run_main,
    server_environment,
    start_server,
    stop_server,
    wait_until_healthy,
)

# piccolo_conf.py lives in the checkout; it binds the engine to DATABASE_URL when a table is first
# used, so this process imports `jobcenter` only inside the functions below, after `use_database`.
sys.path.insert(0, str(PROJECT_ROOT))

APPLY_TIMEOUT_SECONDS = 60.0
"""Longer than the server's own 10 s wait for a busy SQLite, so its answer is what is measured."""
READ_TIMEOUT_SECONDS = 30.0
DATABASE_POOL_SIZE = 10
"""PostgreSQL connections per server process (the app's default, set explicitly here)."""
INSERT_BATCH = 100
BIRTH_YEAR = 1990
ZONE = "Asia/Seoul"
APPLICATION_PAGE = re.compile(r"/me/applications/(\d+)")
LOG_TIMESTAMP = re.compile(r" - \d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+")


@dataclass(frozen=True)
class Setup:
    """The cohort of the rush and the people rushing, all in the database before the clock starts."""

    program_id: int
    pool_id: int
    sessions: list[str]
    mobiles: tuple[str, str]

    @property
    def read_paths(self) -> tuple[str, ...]:
        return ("/programs", f"/programs/{self.program_id}", f"/seats/{self.pool_id}")


@dataclass
class Tally:
    """What the load generator saw for one kind of request during the rush."""

    latencies_ms: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    error_latencies_ms: dict[str, list[float]] = field(default_factory=dict)

    @property
    def requests(self) -> int:
        return len(self.latencies_ms) + self.errors.total()

    def failed(self, kind: str, started: float) -> None:
        """Count an error of this kind, and how long it took to come."""
        self.errors[kind] += 1
        self.error_latencies_ms.setdefault(kind, []).append((time.perf_counter() - started) * 1000)

    def percentile_ms(self, percent: int) -> float:
        return percentile_ms(self.latencies_ms, percent)


@dataclass
class Rush:
    """The whole rush: the applications, the reads per path, the time and CPU it took."""

    applications: Tally = field(default_factory=Tally)
    accepted_ids: list[int] = field(default_factory=list)
    reads: dict[str, Tally] = field(default_factory=dict)
    elapsed_s: float = 0.0
    client_cpu_s: float = 0.0
    server_cpu_s: float = 0.0

    @property
    def applications_per_second(self) -> float:
        return len(self.accepted_ids) / self.elapsed_s if self.elapsed_s else 0.0


@dataclass(frozen=True)
class FinalCounts:
    """The seat pool's counters after the rush and what the application rows say."""

    capacity: int
    confirmed: int
    waitlisted: int
    checks: list[tuple[str, bool]]

    @property
    def consistent(self) -> bool:
        return all(passed for _, passed in self.checks)


# --- setting up the database, the cohort, the people and the server ---------------------------


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applicants", type=int, default=500, help="people applying at once (default 500)")
    parser.add_argument("--capacity", type=int, default=30, help="seats in the cohort (default 30)")
    parser.add_argument("--readers", type=int, default=8, help="concurrent catalog readers during the rush (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes (default 2)")
    parser.add_argument("--database-url", help="use this database instead of a temporary SQLite file")
    parser.add_argument(
        "--concurrency", type=int, help="most applications in flight at once (default: all of them at once)"
    )
    parser.add_argument("--rate", type=float, help="applications sent per second, evenly spread (default: all at once)")
    args = parser.parse_args()
    if args.rate is not None and args.rate <= 0:
        parser.error("--rate must be above 0")
    if args.applicants < 1 or args.capacity < 1 or args.workers < 1 or args.readers < 0:
        parser.error("--applicants, --capacity and --workers must be at least 1; --readers at least 0")
    if args.concurrency is not None and args.concurrency < 1:
        parser.error("--concurrency must be at least 1")
    args.concurrency = min(args.concurrency or args.applicants, args.applicants)
    return args


def use_database(database_url: str) -> None:
    """Point this process at the benchmark's database, before anything from `jobcenter` is imported."""
    os.environ["DATABASE_URL"] = database_url


def allow_open_files(count: int) -> None:
    """Raise this process's soft limit on open files (the server inherits it) if the rush needs more."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = count if hard == resource.RLIM_INFINITY else min(count, hard)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


async def open_cohort(capacity: int, now: datetime) -> tuple[int, int]:
    """A new published program with one cohort whose window opened a minute ago; (program, pool)."""
    from jobcenter.catalog.cohorts import add_cohort
    from jobcenter.catalog.tables import Program

    title = f"부하 시험 과정 {now.strftime('%Y-%m-%d %H:%M:%S')}"
    program = Program(
        title=title,
        audience="all",
        category="job_support",
        summary=f"{title}: bench/rush.py가 만든 과정",
        description="동시 신청 부하 시험을 위해 만든 과정입니다.",
        eligibility="",
        published=True,
    )
    await program.save()
    starts_on = date.today() + timedelta(days=14)
    cohort = await add_cohort(
        program_id=program.id,
        label="1기",
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=2),
        start_time=time_of_day(10),
        end_time=time_of_day(16),
        place="김포시일자리센터 교육장",
        capacity=capacity,
        opens_at=now - timedelta(minutes=1),
        closes_at=now + timedelta(hours=1),
        cancellable_until=now + timedelta(hours=1),
        zone=ZONE,
    )
    return program.id, cohort.seat_pool


async def unused_mobiles(count: int) -> list[str]:
    """`count` consecutive mobile numbers (010 and 8 digits) that no citizen has yet."""
    from jobcenter.accounts.tables import Citizen

    for _ in range(20):
        start = secrets.randbelow(10**8 - count + 1)
        first, last = f"010{start:08d}", f"010{start + count - 1:08d}"
        if not await Citizen.count().where(Citizen.mobile >= first, Citizen.mobile <= last):
            return [f"010{start + n:08d}" for n in range(count)]
    raise SystemExit(f"could not find {count} consecutive unused mobile numbers")


async def signed_in_people(count: int, now: datetime) -> tuple[list[str], tuple[str, str]]:
    """Insert `count` citizens in batches and sign each in; their session tokens and mobile range."""
    from jobcenter.accounts.service import CONSENT_VERSION
    from jobcenter.accounts.sessions import start_session
    from jobcenter.accounts.tables import Citizen

    mobiles = await unused_mobiles(count)
    async with Citizen._meta.db.transaction():
        ids: list[int] = []
        for offset in range(0, count, INSERT_BATCH):
            rows = [
                Citizen(
                    name=f"시민{offset + n + 1:05d}",
                    mobile=mobile,
                    password_hash="not-a-usable-hash",
                    birth_year=BIRTH_YEAR,
                    consent_version=CONSENT_VERSION,
                    consented_at=now,
                )
                for n, mobile in enumerate(mobiles[offset:offset + INSERT_BATCH])
            ]
            ids.extend(row["id"] for row in await Citizen.insert(*rows).returning(Citizen.id))
        sessions = [await start_session(citizen_id, now) for citizen_id in ids]
    return sessions, (mobiles[0], mobiles[-1])


async def set_up(applicants: int, capacity: int) -> Setup:
    from jobcenter.clock import system_clock

    now = system_clock()
    program_id, pool_id = await open_cohort(capacity, now)
    sessions, mobiles = await signed_in_people(applicants, now)
    return Setup(program_id, pool_id, sessions, mobiles)


# --- the rush ---------------------------------------------------------------------------------


def browser(
    base_url: str, timeout: float, tls: ssl.SSLContext, cookies: dict[str, str] | None = None
) -> httpx.AsyncClient:
    """One person's browser: a client of its own, with one connection and its cookies.

    Not one client for everybody: with hundreds of requests in flight, httpcore's pool bookkeeping
    (linear in the requests and connections, on every request) would take most of this process's
    CPU. `tls` is shared, as building one per client is slow (the traffic is plain http anyway).
    """
    return httpx.AsyncClient(
        base_url=base_url,
        cookies=cookies,
        timeout=timeout,
        limits=httpx.Limits(max_connections=1, max_keepalive_connections=1),
        verify=tls,
        trust_env=False,
    )


async def csrf_token(client: httpx.AsyncClient) -> str:
    """The token a browser gets with its first page; every form post sends it back."""
    response = await client.get("/")
    token = response.cookies.get("csrftoken")
    if response.status_code != 200 or not token:
        raise SystemExit(f"GET / answered {response.status_code} without a csrftoken cookie")
    return token


async def check_reads(client: httpx.AsyncClient, paths: tuple[str, ...]) -> None:
    """Each catalog read once before the clock starts: the cohort must be visible."""
    for path in paths:
        response = await client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"GET {path} answered {response.status_code} before the rush")


async def apply(client: httpx.AsyncClient, gate: asyncio.Semaphore, form: dict[str, str], rush: Rush, at: float) -> None:
    """One person presses 신청하기 at `at` (perf_counter time): accepted when sent on to the new
    application's page."""
    await asyncio.sleep(max(0.0, at - time.perf_counter()))
    async with gate:
        started = time.perf_counter()
        try:
            response = await client.post("/applications", data=form)
        except httpx.HTTPError as error:
            rush.applications.failed(type(error).__name__, started)
            return
    location = response.headers.get("location", "")
    accepted = APPLICATION_PAGE.fullmatch(location)
    if response.status_code == 303 and accepted:
        rush.applications.latencies_ms.append((time.perf_counter() - started) * 1000)
        rush.accepted_ids.append(int(accepted[1]))
    elif response.status_code == 303:
        rush.applications.failed(f"HTTP 303 to {location.split('?')[0] or '(nowhere)'}", started)
    else:
        rush.applications.failed(f"HTTP {response.status_code}", started)


async def reader(
    client: httpx.AsyncClient, paths: tuple[str, ...], first: int, done: asyncio.Event, rush: Rush
) -> None:
    """One visitor reading the catalog, path after path, until the rush is over."""
    turn = first
    while not done.is_set():
        path = paths[turn % len(paths)]
        turn += 1
        tally = rush.reads[path]
        started = time.perf_counter()
        try:
            response = await client.get(path)
        except httpx.HTTPError as error:
            tally.failed(type(error).__name__, started)
            continue
        if response.status_code == 200:
            tally.latencies_ms.append((time.perf_counter() - started) * 1000)
        else:
            tally.failed(f"HTTP {response.status_code}", started)


async def run_rush(
    base_url: str, setup: Setup, concurrency: int, rate: float | None, readers: int, server_cpu: Callable[[], float]
) -> Rush:
    """Readers start, every application is fired, and the readers stop at the last answer."""
    from jobcenter.accounts.sessions import SESSION_COOKIE

    rush = Rush(reads={path: Tally() for path in setup.read_paths})
    tls = ssl.create_default_context()
    async with AsyncExitStack() as clients:
        visitors = [
            await clients.enter_async_context(browser(base_url, READ_TIMEOUT_SECONDS, tls)) for _ in range(readers + 1)
        ]
        csrf = await csrf_token(visitors[-1])
        await check_reads(visitors[-1], setup.read_paths)
        people = [
            await clients.enter_async_context(
                browser(base_url, APPLY_TIMEOUT_SECONDS, tls, {SESSION_COOKIE: session, "csrftoken": csrf})
            )
            for session in setup.sessions
        ]
        form = {"pool": str(setup.pool_id), "_csrf_token": csrf}
        gate = asyncio.Semaphore(concurrency)
        done = asyncio.Event()
        print(f"rush: {len(people)} applications, {readers} readers ...", file=sys.stderr)
        started, client_cpu_started, server_cpu_started = time.perf_counter(), time.process_time(), server_cpu()
        reading = [
            asyncio.create_task(reader(visitor, setup.read_paths, n, done, rush))
            for n, visitor in enumerate(visitors[:readers])
        ]
        spacing = 1 / rate if rate else 0.0
        await asyncio.gather(*(apply(person, gate, form, rush, started + n * spacing) for n, person in enumerate(people)))
        rush.elapsed_s = time.perf_counter() - started
        rush.client_cpu_s = time.process_time() - client_cpu_started
        rush.server_cpu_s = server_cpu() - server_cpu_started
        done.set()
        await asyncio.gather(*reading)
    return rush


# --- the final counts -------------------------------------------------------------------------


async def final_counts(pool_id: int, accepted_ids: list[int]) -> FinalCounts:
    """The pool's counters against its application rows, and the rows against the accepted answers."""
    from jobcenter.signups.tables import Application, SeatPool

    pool = await SeatPool.select().where(SeatPool.id == pool_id).first()
    assert pool is not None
    rows = await Application.select(
        Application.id, Application.citizen, Application.status, Application.waitlist_position
    ).where(Application.seat_pool == pool_id)
    statuses = Counter(row["status"] for row in rows)
    confirmed, waitlisted = statuses["confirmed"], statuses["waitlisted"]
    positions = sorted(row["waitlist_position"] or 0 for row in rows if row["status"] == "waitlisted")
    capacity = pool["capacity"]
    checks = [
        (f"every row confirmed or waitlisted ({dict(sorted(statuses.items()))})", confirmed + waitlisted == len(rows)),
        (
            f"pool counters {pool['confirmed_count']}/{pool['waitlisted_count']} "
            f"match the rows {confirmed}/{waitlisted} (confirmed/waitlisted)",
            (pool["confirmed_count"], pool["waitlisted_count"]) == (confirmed, waitlisted),
        ),
        (
            f"seats filled before anyone waits: confirmed = min(capacity {capacity}, applications {len(rows)})",
            confirmed == min(capacity, len(rows)),
        ),
        ("waitlist positions 1..N without gaps or repeats", positions == list(range(1, waitlisted + 1))),
        (
            "no waitlist position on a confirmed row",
            all(row["waitlist_position"] is None for row in rows if row["status"] == "confirmed"),
        ),
        ("one application per person", len({row["citizen"] for row in rows}) == len(rows)),
        (
            f"one row for each accepted answer ({len(accepted_ids)} accepted, {len(rows)} rows)",
            sorted(accepted_ids) == sorted(row["id"] for row in rows),
        ),
    ]
    return FinalCounts(capacity, pool["confirmed_count"], pool["waitlisted_count"], checks)


# --- the report -------------------------------------------------------------------------------


def print_header(args: argparse.Namespace, database: str, loader_said: str, setup: Setup) -> None:
    print("Rush benchmark (bench/rush.py)")
    print("\n".join(machine_lines()))
    print(f"  server    uvicorn, {args.workers} worker(s), same machine as the client")
    print(f"  database  {database}")
    print(f"  content   {loader_said}")
    print(f"  cohort    program {setup.program_id}, seat pool {setup.pool_id}: {args.capacity} seats, window open")
    arriving = f"{args.rate:g} a second" if args.rate else "all at once"
    print(f"  rush      {args.applicants} signed-in applicants arriving {arriving}, at most {args.concurrency} in flight")
    print(f"  people    mobiles {setup.mobiles[0]}..{setup.mobiles[1]}, "
          f"each with its own httpx client (one connection)")
    print(f"  readers   {args.readers} anonymous catalog readers, each with its own client, "
          f"until the last application is answered")
    print()


def print_rush(rush: Rush) -> None:
    answered = rush.applications.requests
    print(f"rush: {answered} applications answered in {rush.elapsed_s:.2f} s: "
          f"{answered / rush.elapsed_s:.1f}/s answered, {rush.applications_per_second:.1f}/s accepted")
    print(f"  CPU: server {rush.server_cpu_s / rush.elapsed_s:.0%}, load generator "
          f"{rush.client_cpu_s / rush.elapsed_s:.0%} (CPU seconds per second of wall time)")
    print()
    row = "{:<28} {:>8} {:>6} {:>7} {:>8} {:>8} {:>8} {:>8}"
    print(row.format("request", "requests", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms"))
    tallies = {"POST /applications": rush.applications} | {f"GET {path}": tally for path, tally in rush.reads.items()}
    for label, tally in tallies.items():
        print(row.format(
            label, tally.requests, tally.errors.total(),
            f"{len(tally.latencies_ms) / rush.elapsed_s:.1f}",
            f"{tally.percentile_ms(50):.1f}", f"{tally.percentile_ms(95):.1f}", f"{tally.percentile_ms(99):.1f}",
            f"{max(tally.latencies_ms, default=float('nan')):.1f}",
        ))
    print("(latency of answered requests only: 303 to the application for POST, 200 for GET; reads")
    print(" answered after the last application are counted, req/s is over the rush's wall time)")


def print_errors(rush: Rush) -> bool:
    """Errors by kind for each request; True if there was any."""
    tallies = {"POST /applications": rush.applications} | {f"GET {path}": tally for path, tally in rush.reads.items()}
    failed = {label: tally for label, tally in tallies.items() if tally.errors}
    print()
    if not failed:
        print("errors: none")
    for label, tally in failed.items():
        print(f"errors on {label}:")
        for kind, count in tally.errors.most_common():
            took = tally.error_latencies_ms[kind]
            print(f"  {kind} x{count}, answered after {min(took):.0f}..{max(took):.0f} ms "
                  f"(p50 {percentile_ms(took, 50):.0f} ms)")
    return bool(failed)


def print_final_counts(counts: FinalCounts) -> None:
    print()
    print(f"final counts: {counts.confirmed} confirmed, {counts.waitlisted} waitlisted ({counts.capacity} seats)")
    for description, passed in counts.checks:
        print(f"  {'ok  ' if passed else 'FAIL'} {description}")
    print(f"consistent: {'yes' if counts.consistent else 'NO'}")


def print_server_log(log: Path, shown: int = 5, lines: int = 30) -> bool:
    """The server's WARNING, ERROR and CRITICAL records, alike ones counted together (the first of
    each kind with its traceback); True if there was any ERROR or worse."""
    records = logged_errors(log, levels=("WARNING", "ERROR", "CRITICAL"))
    if not records:
        print("\nthe server logged no warnings or errors")
        return False
    kinds: dict[str, list[list[str]]] = {}
    for record in records:
        kinds.setdefault(LOG_TIMESTAMP.sub("", record[0], count=1), []).append(record)
    print(f"\nthe server logged {len(records)} warning(s) or error(s) of {len(kinds)} kind(s):")
    for alike in list(kinds.values())[:shown]:
        first = alike[0]
        print(f"  x{len(alike)}  {first[0]}")
        for line in first[1:lines]:
            print(f"        {line}")
        if len(first) > lines:
            print(f"        ... {len(first) - lines} more line(s), the last: {first[-1].strip()}")
    if len(kinds) > shown:
        print(f"  ... and {len(kinds) - shown} more kind(s)")
    return any(record[0].startswith(("ERROR", "CRITICAL")) for record in records)


# --- main -------------------------------------------------------------------------------------


def main() -> None:
    args = parse_args()
    allow_open_files(args.applicants + args.readers + 256)  # each person's connection stays open
    with tempfile.TemporaryDirectory(prefix="jobcenter-bench-") as temp:
        data_dir = Path(temp)
        database_url = args.database_url or f"sqlite:///{data_dir / 'db.sqlite3'}"
        env = server_environment(database_url, data_dir) | {"DATABASE_POOL_SIZE": str(DATABASE_POOL_SIZE)}
        loader_said = prepare_database(env)
        use_database(database_url)
        print(f"creating a cohort of {args.capacity} seats and {args.applicants} signed-in citizens ...",
              file=sys.stderr)
        setup = asyncio.run(set_up(args.applicants, args.capacity))
        port = free_port()
        log = data_dir / "server.log"
        server = start_server(env, port, args.workers, log)
        try:
            base_url = f"http://{HOST}:{port}"
            wait_until_healthy(server, base_url, log)
            database = redacted(database_url) if args.database_url else "SQLite, fresh temporary file"
            print_header(args, database, loader_said, setup)
            rush = asyncio.run(
                run_rush(base_url, setup, args.concurrency, args.rate, args.readers, lambda: process_tree_cpu_s(server.pid))
            )
        finally:
            stop_server(server)
        counts = asyncio.run(final_counts(setup.pool_id, rush.accepted_ids))
        print_rush(rush)
        failed = print_errors(rush)
        print_final_counts(counts)
        server_failed = print_server_log(log)
        if failed or server_failed or not counts.consistent:
            raise SystemExit(1)


if __name__ == "__main__":
    run_main(main)
