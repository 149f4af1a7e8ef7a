"""Benchmark: the pages people use most, at demo size and at city scale (SQLite or PostgreSQL).

A temporary SQLite database (or, with `--database-url`, an empty PostgreSQL database) is migrated and loaded with the demo content, and one signed-in
person with three applications is added. The catalog `/programs`, a keyword search
`/programs?q=<word>`, a program's page and that person's 내 신청 내역 are each requested
`--requests` times one after another (after a warm-up), and their p50 and p95 are taken. Then
`--programs` programs (each with a cohort and its seat pool), `--citizens` citizens and
`--applications` applications spread over them are written straight into the file, and the same
requests are measured again. The report gives both sizes side by side and the ratio of the p50s
(the aim in issue 13: within 1.5x). One uvicorn worker; client and server share the machine.

    .venv/bin/python bench/scale.py
    .venv/bin/python bench/scale.py --programs 10000 --citizens 100000 --applications 1000000
    .venv/bin/python bench/scale.py --database-url postgresql://user@127.0.0.1/jobcenter_scale
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import secrets
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from _server import (
    HOST,
    free_port,
    machine_lines,
    percentile_ms,
    prepare_database,
    redacted,
    run_main,
    server_environment,
    start_server,
    stop_server,
    wait_until_healthy,
)

from jobcenter.accounts.sessions import SESSION_COOKIE, digest
from jobcenter.catalog.search_index import terms_of

WORDS = ["경비", "청소", "요양", "보호", "조리", "바리스타", "지게차", "용접", "전기", "사무", "회계", "디지털", "스마트폰",
         "면접", "이력서", "창업", "물류", "운전", "간호", "돌봄", "원예", "제빵", "미용", "상담", "코딩", "엑셀"]
"""Words of real course titles; the titles of the added programs draw on these and on FILLER."""
SYLLABLES = "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허고노도로모보소오조초코토포호구누두루무부수우주추쿠투푸후"
FILLER = [a + b for a in SYLLABLES for b in SYLLABLES if a + b not in WORDS][:1000]
"""Made-up two-syllable words, so that a real word such as 경비 is in about one title in 90 (a
few dozen programs match a search, as in a real catalog), not in every description."""
AUDIENCES = ["youth", "middle_aged", "senior", "all"]
CATEGORIES = ["job_support", "training", "consulting", "lecture"]
KEYWORD = "경비"
"""A word of about one added title in 70: a search that fills a page at city scale."""
SAME_MATCHES = "신임교육"
"""A word of one demo program's title (경비신임교육) that no added program has (their syllables come
from WORDS and SYLLABLES): the same result at both sizes, so its ratio is the search index's growth
alone, while KEYWORD's also holds the rendering of ten cards instead of one or two."""
BATCH = 10_000


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--programs", type=int, default=10_000, help="programs added for the city-scale run (default 10,000)")
    parser.add_argument("--citizens", type=int, default=100_000, help="citizens added (default 100,000)")
    parser.add_argument("--applications", type=int, default=1_000_000, help="applications added (default 1,000,000)")
    parser.add_argument("--requests", type=int, default=60, help="timed requests per page and size (default 60)")
    parser.add_argument("--database-url", help="an empty PostgreSQL database to use instead of a temporary SQLite file")
    args = parser.parse_args()
    if min(args.programs, args.citizens, args.requests) < 1 or args.applications < 0:
        parser.error("--programs, --citizens and --requests must be at least 1")
    return args


class Writer:
    """Rows written straight into the database, past the site: SQL with `?` placeholders, run by
    sqlite3 on a file or by asyncpg on PostgreSQL (moments as text for SQLite, as Piccolo stores them)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.sqlite: sqlite3.Connection | None = None
        self.postgres: asyncpg.Connection | None = None

    async def __aenter__(self) -> Writer:
        if self.url.startswith("sqlite:///"):
            self.sqlite = sqlite3.connect(self.url.removeprefix("sqlite:///"))
        else:
            self.postgres = await asyncpg.connect(self.url)
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        if self.sqlite is not None:
            self.sqlite.commit()
            self.sqlite.close()
        if self.postgres is not None:
            for table in ("seat_pool", "program", "program_term", "cohort", "citizen", "application", "web_session"):
                await self.postgres.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT coalesce(max(id), 1) FROM {table}))"
                )
            await self.postgres.execute("ANALYZE")
            await self.postgres.close()

    def _values(self, row: Sequence[Any]) -> list[Any]:
        if self.sqlite is None:
            return list(row)
        return [value.isoformat(sep=" ") if isinstance(value, datetime) else value for value in row]

    def _sql(self, sql: str) -> str:
        if self.sqlite is not None:
            return sql
        numbers = iter(range(1, sql.count("?") + 1))
        return re.sub(r"\?", lambda _: f"${next(numbers)}", sql)

    async def value(self, sql: str, *args: Any) -> Any:
        if self.sqlite is not None:
            row = self.sqlite.execute(sql, self._values(args)).fetchone()
            return row[0] if row else None
        assert self.postgres is not None
        return await self.postgres.fetchval(self._sql(sql), *args)

    async def many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        if self.sqlite is not None:
            self.sqlite.executemany(sql, (self._values(row) for row in rows))
            return
        assert self.postgres is not None
        batch: list[Sequence[Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) == BATCH:
                await self.postgres.executemany(self._sql(sql), batch)
                batch = []
        if batch:
            await self.postgres.executemany(self._sql(sql), batch)


async def add_probe_person(url: str, now: datetime) -> tuple[str, int]:
    """A citizen signed in (returns the session token) with three applications; and a program id."""
    token = secrets.token_urlsafe(32)
    async with Writer(url) as db:
        citizen = await db.value(
            "INSERT INTO citizen (name, mobile, password_hash, birth_year, consent_version, consented_at, created_at, updated_at,"
            " last_active_at) VALUES ('측정용', '01099990000', '-', 1970, '2026-11', ?, ?, ?, ?) RETURNING id",
            now, now, now, now,
        )
        await db.many("INSERT INTO web_session (token_hash, citizen, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
                      [(digest(token), citizen, now, now)])
        for number in range(3):
            pool = await db.value("SELECT seat_pool FROM cohort ORDER BY id LIMIT 1 OFFSET ?", number)
            await db.many(
                "INSERT INTO application (seat_pool, citizen, status, confirmation_code, channel, created_at, updated_at)"
                " VALUES (?, ?, 'confirmed', ?, 'web', ?, ?)", [(pool, citizen, f"PROBE{number:03d}", now, now)])
        program = await db.value("SELECT program FROM cohort ORDER BY id LIMIT 1")
    return token, program


def _title_word(rng: random.Random) -> str:
    return rng.choice(WORDS) if rng.random() < 0.3 else rng.choice(FILLER)


async def add_city(url: str, programs: int, citizens: int, applications: int, now: datetime) -> None:
    """Programs with a cohort and seat pool each, citizens, and applications spread over the pools."""
    rng = random.Random(13)
    opens, closes = now - timedelta(days=3), now + timedelta(days=30)
    async with Writer(url) as db:
        first_pool = await db.value("SELECT coalesce(max(id), 0) FROM seat_pool") + 1
        first_program = await db.value("SELECT coalesce(max(id), 0) FROM program") + 1
        first_citizen = await db.value("SELECT coalesce(max(id), 0) FROM citizen") + 1
        await db.many(
            "INSERT INTO seat_pool (id, capacity, confirmed_count, waitlisted_count, opens_at, closes_at, cancellable_until)"
            " VALUES (?, 1000000, 0, 0, ?, ?, ?)", ((first_pool + n, opens, closes, closes) for n in range(programs)))
        rows = [(first_program + n, f"{_title_word(rng)} {rng.choice(FILLER)} 과정 {n}", f"{rng.choice(FILLER)} 실무 요약",
                 " ".join(rng.choice(FILLER) for _ in range(40)), rng.choice(AUDIENCES), rng.choice(CATEGORIES), now, now)
                for n in range(programs)]
        await db.many(
            "INSERT INTO program (id, title, summary, description, audience, category, eligibility, fee_won, contact_phone,"
            " published, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '', 0, '', TRUE, ?, ?)", rows)
        await db.many(  # the search index, as catalog/search_index.py writes it for a program saved by staff
            "INSERT INTO program_term (program, term) VALUES (?, ?)",
            ((row[0], term) for row in rows for term in sorted(terms_of(row[1:4]))))
        await db.many(
            "INSERT INTO cohort (program, label, starts_on, ends_on, start_time, end_time, schedule_note, place, seat_pool)"
            " VALUES (?, '1기', '2026-12-10', '2026-12-20', '10:00:00', '16:00:00', '', '김포시일자리센터 교육장', ?)",
            ((first_program + n, first_pool + n) for n in range(programs)))
        await db.many(
            "INSERT INTO citizen (id, name, mobile, password_hash, birth_year, consent_version, consented_at, created_at,"
            " updated_at, last_active_at) VALUES (?, '시민', ?, '-', 1970, '2026-11', ?, ?, ?, ?)",
            ((first_citizen + n, f"0107{n:07d}", now, now, now, now) for n in range(citizens)))
        await db.many(
            "INSERT INTO application (seat_pool, citizen, status, confirmation_code, channel, created_at, updated_at)"
            " VALUES (?, ?, 'confirmed', ?, 'web', ?, ?)",
            ((first_pool + n % programs, first_citizen + n // programs % citizens, f"{n:08X}", now, now)
             for n in range(applications)))
        await db.value(
            "UPDATE seat_pool SET confirmed_count = (SELECT count(*) FROM application WHERE application.seat_pool = seat_pool.id)"
            " WHERE id >= ?", first_pool)


def measure(base_url: str, token: str, program: int, requests: int) -> dict[str, list[float]]:
    pages = {"catalog": "/programs", "search, same hits": f"/programs?q={SAME_MATCHES}", "search, page fills": f"/programs?q={KEYWORD}",
             "program page": f"/programs/{program}",
             "내 신청 내역": "/me/applications"}
    timings: dict[str, list[float]] = {}
    with httpx.Client(base_url=base_url, cookies={SESSION_COOKIE: token}, timeout=60, trust_env=False) as client:
        for label, path in pages.items():
            for _ in range(5):
                client.get(path)
            latencies = []
            for _ in range(requests):
                started = time.perf_counter()
                response = client.get(path)
                if response.status_code != 200:
                    raise SystemExit(f"{label}: {path} answered {response.status_code}")
                latencies.append((time.perf_counter() - started) * 1000)
            timings[label] = latencies
    return timings


def serve_and_measure(env: dict[str, str], log: Path, token: str, program: int, requests: int) -> dict[str, list[float]]:
    port = free_port()
    base_url = f"http://{HOST}:{port}"
    server = start_server(env, port, 1, log)
    try:
        wait_until_healthy(server, base_url, log)
        return measure(base_url, token, program, requests)
    finally:
        stop_server(server)


def main() -> None:
    args = parse_args()
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory(prefix="jobcenter-scale-") as scratch:
        url = args.database_url or f"sqlite:///{Path(scratch) / 'scale.sqlite3'}"
        env = {**server_environment(url, Path(scratch)), "BACKGROUND_JOBS": "0"}
        prepare_database(env)
        token, program = asyncio.run(add_probe_person(url, now))
        print("measuring at demo size ...", file=sys.stderr)
        small = serve_and_measure(env, Path(scratch) / "small.log", token, program, args.requests)
        print(f"adding {args.programs:,} programs, {args.citizens:,} citizens, {args.applications:,} applications ...", file=sys.stderr)
        started = time.perf_counter()
        asyncio.run(add_city(url, args.programs, args.citizens, args.applications, now))
        seeded_s = time.perf_counter() - started
        print("measuring at city scale ...", file=sys.stderr)
        large = serve_and_measure(env, Path(scratch) / "large.log", token, program, args.requests)
    print("\n".join(machine_lines()))
    print(f"  data      demo content, then +{args.programs:,} programs, +{args.citizens:,} citizens, "
          f"+{args.applications:,} applications (written in {seeded_s:.0f} s)")
    database = redacted(args.database_url) if args.database_url else "SQLite"
    print(f"  requests  {args.requests} timed a page and size, one after another, one uvicorn worker, {database}\n")
    print(f"{'page':<20} {'demo p50':>9} {'demo p95':>9} {'city p50':>9} {'city p95':>9} {'p50 ratio':>10}")
    for label in small:
        demo50, demo95 = percentile_ms(small[label], 50), percentile_ms(small[label], 95)
        city50, city95 = percentile_ms(large[label], 50), percentile_ms(large[label], 95)
        print(f"{label:<20} {demo50:>9.1f} {demo95:>9.1f} {city50:>9.1f} {city95:>9.1f} {city50 / demo50:>9.2f}x")


if __name__ == "__main__":
    run_main(main)
