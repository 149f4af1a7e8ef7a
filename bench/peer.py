"""Benchmark: this site beside pretix, the open-source ticketing system, measured the same way.

Both sides run two worker processes on SQLite on this machine and get the same load, in
interleaved rounds (ours, pretix, ours, pretix, ...; the machine is shared and noisy, so each
ratio is taken between the two sides of one round and the median of the rounds is reported):

- pages: `wrk -t1 -c32 -d15s` on a program page and on the catalog `/programs` here, and on
  pretix's event page (its nearest to both: pretix has no public list of events worth the name);
- the sign-up storm: 300 distinct signed-in people apply for a 30-seat cohort, 32 at a time
  (`bench/rush.py --applicants 300 --concurrency 32 --readers 0`'s storm), against pretix's
  add-to-cart storm of the same shape (`cartstorm.py`: 300 browsers, 32 at a time, 30 seats).

pretix's side is `../shared/peers/pretix/setup_and_bench.sh` in its `sqlite-immediate` mode (see
its README; the first run installs pretix under /tmp, about 8 minutes, and `wrk` with apt). Run
from the checkout:

    .venv/bin/python bench/peer.py
    .venv/bin/python bench/peer.py --rounds 1 --peer-script /path/to/setup_and_bench.sh
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from _server import HOST, PROJECT_ROOT, free_port, machine_lines, prepare_database, run_main, server_environment, start_server, stop_server, wait_until_healthy
from rush import DATABASE_POOL_SIZE, allow_open_files, run_rush, set_up, use_database

DEFAULT_PEER_SCRIPT = PROJECT_ROOT.parent / "shared" / "peers" / "pretix" / "setup_and_bench.sh"
WRK = ["wrk", "-t1", "-c32", "-d15s", "--timeout", "30s", "--latency"]
APPLICANTS, IN_FLIGHT, SEATS, WORKERS = 300, 32, 30, 2


@dataclass
class Side:
    """One side's figures in one round."""

    program_page: float  # requests per second
    catalog: float | None
    storm_per_s: float
    storm_p50_ms: float
    storm_p99_ms: float
    outcome: str


def wrk_rate(url: str) -> float:
    """Requests per second wrk measured; non-2xx answers or socket errors stop the benchmark."""
    output = subprocess.run([*WRK, url], capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in output or "Socket errors" in output:
        raise SystemExit(f"wrk saw failed requests on {url}:\n{output}")
    found = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if found is None:
        raise SystemExit(f"wrk said no rate for {url}:\n{output}")
    return float(found[1])


def our_round(round_number: int, data_dir: Path, env: dict[str, str]) -> Side:
    """One round on the database every round shares: a new cohort and new people each time."""
    setup = asyncio.run(set_up(APPLICANTS, SEATS))
    log = data_dir / f"server-{round_number}.log"
    port = free_port()
    server = start_server(env, port, WORKERS, log)
    try:
        base_url = f"http://{HOST}:{port}"
        wait_until_healthy(server, base_url, log)
        program_page = wrk_rate(f"{base_url}/programs/{setup.program_id}")
        catalog = wrk_rate(f"{base_url}/programs")
        rush = asyncio.run(run_rush(base_url, setup, IN_FLIGHT, None, 0, lambda: 0.0))
    finally:
        stop_server(server)
    errors = rush.applications.errors.total()
    print(f"  round {round_number}, this site: done", file=sys.stderr)
    return Side(
        program_page, catalog, rush.applications_per_second, rush.applications.percentile_ms(50),
        rush.applications.percentile_ms(99), f"{len(rush.accepted_ids)} accepted, {errors} errors",
    )


def peer_round(round_number: int, script: Path) -> Side:
    done = subprocess.run(
        ["bash", str(script)], env={**os.environ, "MODES": "sqlite-immediate", "FRESH": "0"}, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"{script} failed ({done.returncode}):\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    page = re.search(r"GET /jobcenter/lecture/\s+([\d.]+) req/s", done.stdout)
    storm = re.search(r"cart storm lecture: (\{.*\})", done.stdout)
    if page is None or storm is None:
        raise SystemExit(f"{script} printed no figures:\n{done.stdout[-3000:]}")
    figures = json.loads(storm[1])
    print(f"  round {round_number}, pretix: done", file=sys.stderr)
    return Side(
        float(page[1]), None, figures["post_rps"], figures["post_p50_ms"], figures["post_p99_ms"],
        ", ".join(f"{count} {what}" for what, count in figures["outcomes"].items()),
    )


def ratio(ours: float, theirs: float) -> float:
    return ours / theirs if theirs else float("inf")


def report(rounds: list[tuple[Side, Side]]) -> None:
    print("Peer benchmark (bench/peer.py): this site beside pretix, two workers each, SQLite")
    print("\n".join(machine_lines()))
    print(f"  pages     {' '.join(WRK)} URL")
    print(f"  storm     {APPLICANTS} signed-in people, {IN_FLIGHT} at a time, {SEATS} seats\n")
    header = f"{'round':<6}{'side':<8}{'program page/s':>15}{'catalog/s':>11}{'storm POST/s':>14}{'p50 ms':>9}{'p99 ms':>9}  outcome"
    print(header)
    for number, (ours, theirs) in enumerate(rounds, start=1):
        for name, side in (("ours", ours), ("pretix", theirs)):
            catalog_rate = f"{side.catalog:.1f}" if side.catalog is not None else "-"
            print(f"{number:<6}{name:<8}{side.program_page:>15.1f}{catalog_rate:>11}{side.storm_per_s:>14.1f}"
                  f"{side.storm_p50_ms:>9.1f}{side.storm_p99_ms:>9.1f}  {side.outcome}")
    page = [ratio(o.program_page, t.program_page) for o, t in rounds]
    catalog = [ratio(o.catalog or 0.0, t.program_page) for o, t in rounds]
    storm = [ratio(o.storm_per_s, t.storm_per_s) for o, t in rounds]
    print("\nratios, ours / pretix, per round (median):")
    for name, values in (("program page", page), ("catalog (to pretix's event page)", catalog), ("storm POSTs per second", storm)):
        print(f"  {name:<34} {' '.join(f'{v:.1f}x' for v in values)}  ({statistics.median(values):.1f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    parser.add_argument("--peer-script", type=Path, default=DEFAULT_PEER_SCRIPT, help="pretix's setup_and_bench.sh")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: run the peer script once (it installs wrk) or `apt-get install wrk`")
    if not args.peer_script.is_file():
        raise SystemExit(f"no peer script at {args.peer_script}")
    allow_open_files(APPLICANTS + 256)
    with tempfile.TemporaryDirectory(prefix="jobcenter-peer-") as temp:
        data_dir = Path(temp)
        database_url = f"sqlite:///{data_dir / 'db.sqlite3'}"
        env = server_environment(database_url, data_dir) | {"DATABASE_POOL_SIZE": str(DATABASE_POOL_SIZE)}
        prepare_database(env)
        use_database(database_url)
        rounds = [(our_round(n, data_dir, env), peer_round(n, args.peer_script)) for n in range(1, args.rounds + 1)]
    report(rounds)


if __name__ == "__main__":
    run_main(main)
