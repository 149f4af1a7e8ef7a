"""Benchmark: the pages people use most, at demo size and at city scale (SQLite).

A temporary SQLite database is migrated and loaded with the demo content, and one signed-in
person with three applications is added. The catalog `/programs`, a keyword search
`/programs?q=<word>`, a program's page and that person's 내 신청 내역 are each requested
`--requests` times one after another (after a warm-up), and their p50 and p95 are taken. Then
`--programs` programs (each with a cohort and its seat pool), `--citizens` citizens and
`--applications` applications spread over them are written straight into the file, and the same
requests are measured again. The report gives both sizes side by side and the ratio of the p50s
(the aim in issue 13: within 1.5x). One uvicorn worker; client and server share the machine.

    .venv/bin/python bench/scale.py
    .venv/bin/python bench/scale.py --programs 10000 --citizens 100000 --applications 1000000
"""

from __future__ import annotations

import argparse
import random
import secrets
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from _server import (
    HOST,
    free_port,
    machine_lines,
    percentile_ms,
    prepare_database,
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
BATCH = 10_000


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--programs", type=int, default=10_000, help="programs added for the city-scale run (default 10,000)")
    parser.add_argument("--citizens", type=int, default=100_000, help="citizens added (default 100,000)")
    parser.add_argument("--applications", type=int, default=1_000_000, help="applications added (default 1,000,000)")
    parser.add_argument("--requests", type=int, default=60, help="timed requests per page and size (default 60)")
    args = parser.parse_args()
    if min(args.programs, args.citizens, args.requests) < 1 or args.applications < 0:
        parser.error("--programs, --citizens and --requests must be at least 1")
    return args


def stamp(moment: datetime) -> str:
    """A moment as Piccolo stores it in SQLite."""
    return moment.isoformat(sep=" ")


def add_probe_person(database: Path, now: datetime) -> tuple[str, int]:
    """A citizen signed in (returns the session token) with three applications; and a program id."""
    token = secrets.token_urlsafe(32)
    with sqlite3.connect(database) as connection:
        citizen = connection.execute(
            "INSERT INTO citizen (name, mobile, password_hash, birth_year, consent_version, consented_at, created_at, updated_at,"
            " last_active_at) VALUES ('측정용', '01099990000', '-', 1970, '2026-11', ?, ?, ?, ?)",
            (stamp(now),) * 4,
        ).lastrowid
        connection.execute("INSERT INTO web_session (token_hash, citizen, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
                           (digest(token), citizen, stamp(now), stamp(now)))
        pools = [row[0] for row in connection.execute("SELECT seat_pool FROM cohort ORDER BY id LIMIT 3")]
        for number, pool in enumerate(pools):
            connection.execute(
                "INSERT INTO application (seat_pool, citizen, status, confirmation_code, channel, created_at, updated_at)"
                " VALUES (?, ?, 'confirmed', ?, 'web', ?, ?)", (pool, citizen, f"PROBE{number:03d}", stamp(now), stamp(now)))
        program = connection.execute("SELECT program FROM cohort ORDER BY id LIMIT 1").fetchone()[0]
    return token, program


def _title_word(rng: random.Random) -> str:
    return rng.choice(WORDS) if rng.random() < 0.3 else rng.choice(FILLER)


def add_city(database: Path, programs: int, citizens: int, applications: int, now: datetime) -> None:
    """Programs with a cohort and seat pool each, citizens, and applications spread over the pools."""
    rng = random.Random(13)
    opens, closes = stamp(now - timedelta(days=3)), stamp(now + timedelta(days=30))
    with sqlite3.connect(database) as connection:
        first_pool = (connection.execute("SELECT coalesce(max(id), 0) FROM seat_pool").fetchone()[0]) + 1
        first_program = (connection.execute("SELECT coalesce(max(id), 0) FROM program").fetchone()[0]) + 1
        first_citizen = (connection.execute("SELECT coalesce(max(id), 0) FROM citizen").fetchone()[0]) + 1
        connection.executemany(
            "INSERT INTO seat_pool (id, capacity, confirmed_count, waitlisted_count, opens_at, closes_at, cancellable_until)"
            " VALUES (?, 1000000, 0, 0, ?, ?, ?)", ((first_pool + n, opens, closes, closes) for n in range(programs)))
        rows = [(first_program + n, f"{_title_word(rng)} {rng.choice(FILLER)} 과정 {n}", f"{rng.choice(FILLER)} 실무 요약",
                 " ".join(rng.choice(FILLER) for _ in range(40)), rng.choice(AUDIENCES), rng.choice(CATEGORIES), stamp(now), stamp(now))
                for n in range(programs)]
        connection.executemany(
            "INSERT INTO program (id, title, summary, description, audience, category, eligibility, fee_won, contact_phone,"
            " published, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '', 0, '', 1, ?, ?)", rows)
        connection.executemany(  # the search index, as catalog/search_index.py writes it for a program saved by staff
            "INSERT INTO program_term (program, term) VALUES (?, ?)",
            ((row[0], term) for row in rows for term in sorted(terms_of(row[1:4]))))
        connection.executemany(
            "INSERT INTO cohort (program, label, starts_on, ends_on, start_time, end_time, schedule_note, place, seat_pool)"
            " VALUES (?, '1기', '2026-12-10', '2026-12-20', '10:00:00', '16:00:00', '', '김포시일자리센터 교육장', ?)",
            ((first_program + n, first_pool + n) for n in range(programs)))
        connection.executemany(
            "INSERT INTO citizen (id, name, mobile, password_hash, birth_year, consent_version, consented_at, created_at,"
            " updated_at, last_active_at) VALUES (?, '시민', ?, '-', 1970, '2026-11', ?, ?, ?, ?)",
            ((first_citizen + n, f"0107{n:07d}", stamp(now), stamp(now), stamp(now), stamp(now)) for n in range(citizens)))
        for start in range(0, applications, BATCH):
            connection.executemany(
                "INSERT INTO application (seat_pool, citizen, status, confirmation_code, channel, created_at, updated_at)"
                " VALUES (?, ?, 'confirmed', ?, 'web', ?, ?)",
                ((first_pool + n % programs, first_citizen + n // programs % citizens, f"{n:08X}", stamp(now), stamp(now))
                 for n in range(start, min(start + BATCH, applications))))
        connection.execute(
            "UPDATE seat_pool SET confirmed_count = (SELECT count(*) FROM application WHERE application.seat_pool = seat_pool.id)"
            " WHERE id >= ?", (first_pool,))


def measure(base_url: str, token: str, program: int, requests: int) -> dict[str, list[float]]:
    pages = {"catalog": "/programs", "search": f"/programs?q={KEYWORD}", "program page": f"/programs/{program}",
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
        database = Path(scratch) / "scale.sqlite3"
        env = {**server_environment(f"sqlite:///{database}", Path(scratch)), "BACKGROUND_JOBS": "0"}
        prepare_database(env)
        token, program = add_probe_person(database, now)
        print("measuring at demo size ...", file=sys.stderr)
        small = serve_and_measure(env, Path(scratch) / "small.log", token, program, args.requests)
        print(f"adding {args.programs:,} programs, {args.citizens:,} citizens, {args.applications:,} applications ...", file=sys.stderr)
        started = time.perf_counter()
        add_city(database, args.programs, args.citizens, args.applications, now)
        seeded_s = time.perf_counter() - started
        print("measuring at city scale ...", file=sys.stderr)
        large = serve_and_measure(env, Path(scratch) / "large.log", token, program, args.requests)
    print("\n".join(machine_lines()))
    print(f"  data      demo content, then +{args.programs:,} programs, +{args.citizens:,} citizens, "
          f"+{args.applications:,} applications (written in {seeded_s:.0f} s)")
    print(f"  requests  {args.requests} timed a page and size, one after another, one uvicorn worker, SQLite\n")
    print(f"{'page':<14} {'demo p50':>9} {'demo p95':>9} {'city p50':>9} {'city p95':>9} {'p50 ratio':>10}")
    for label in small:
        demo50, demo95 = percentile_ms(small[label], 50), percentile_ms(small[label], 95)
        city50, city95 = percentile_ms(large[label], 50), percentile_ms(large[label], 95)
        print(f"{label:<14} {demo50:>9.1f} {demo95:>9.1f} {city50:>9.1f} {city95:>9.1f} {city50 / demo50:>9.2f}x")


if __name__ == "__main__":
    run_main(main)
