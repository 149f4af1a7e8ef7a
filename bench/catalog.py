"""Benchmark: requests per second of the catalog page `/programs` against `/healthz`.

`/healthz` answers "ok" without touching the database, so it measures what the stack alone
(uvicorn, Litestar, middleware, the load generator) can do on this machine. The catalog is
measured in three forms in the same run, and each is reported as a ratio of that baseline:

- `/programs`                        the full page, every published program (page 1);
- `/programs?audience=youth&open=1`  the full page with two filters;
- `/programs?audience=senior` with `HX-Request: true`, the htmx fragment a filter swaps in.

The server runs as a separate uvicorn process; the load comes from this process (asyncio and
one httpx client, a fixed number of concurrent workers, each endpoint after a short warm-up
that is not counted). Only 200 responses count; anything else is reported as an error, along
with the first error the server logged, and the script then exits with status 1.
Client and server share the machine, so the figures are for comparing endpoints with each
other in one run, not for capacity planning.

The CPU time of the server's processes and of the load generator is reported too: when the
load generator is the bottleneck (likely for `/healthz`), the req/s ratio understates what the
catalog costs, and the server CPU time per request is the fairer comparison.

By default a temporary directory holds a fresh SQLite database that is migrated and loaded
with the demo content; `--database-url` uses another database instead (it is migrated, and
the demo content is loaded only if it has no programs). Run from the checkout:

    .venv/bin/python bench/catalog.py
    .venv/bin/python bench/catalog.py --seconds 10 --concurrency 16 --workers 1
    .venv/bin/python bench/catalog.py --database-url postgresql://user@127.0.0.1/jobcenter_bench
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from _server import (
    HEALTH_PATH,
    HOST,
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

WARMUP_SECONDS = 1.0
REQUEST_TIMEOUT_SECONDS = 10.0


@dataclass(frozen=True)
class Endpoint:
    """One request the benchmark repeats; `htmx` sends it as an htmx swap would."""

    label: str
    path: str
    htmx: bool = False

    @property
    def headers(self) -> dict[str, str]:
        return {"HX-Request": "true"} if self.htmx else {}


BASELINE = Endpoint(HEALTH_PATH, HEALTH_PATH)
CATALOG = (
    Endpoint("/programs (full page)", "/programs"),
    Endpoint("/programs?audience=youth&open=1", "/programs?audience=youth&open=1"),
    Endpoint("/programs?audience=senior (htmx)", "/programs?audience=senior", htmx=True),
)


@dataclass
class Sample:
    """What the workers saw for one endpoint during one timed window."""

    latencies_ms: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    elapsed_s: float = 0.0
    client_cpu_s: float = 0.0
    server_cpu_s: float = 0.0

    @property
    def requests(self) -> int:
        return len(self.latencies_ms) + self.errors.total()

    @property
    def per_second(self) -> float:
        return len(self.latencies_ms) / self.elapsed_s if self.elapsed_s else 0.0

    @property
    def server_cpu_ms_per_request(self) -> float:
        return self.server_cpu_s * 1000 / len(self.latencies_ms) if self.latencies_ms else float("nan")

    def percentile_ms(self, percent: int) -> float:
        return percentile_ms(self.latencies_ms, percent)


@dataclass(frozen=True)
class Measurement:
    """An endpoint, the size of its response body and its timed sample."""

    endpoint: Endpoint
    body_bytes: int
    sample: Sample


# --- setting up the database and the server -------------------------------------------------


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="timed load per endpoint (default 10)")
    parser.add_argument("--concurrency", type=int, default=16, help="concurrent client workers (default 16)")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes (default 1)")
    parser.add_argument("--database-url", help="use this database instead of a temporary SQLite file")
    args = parser.parse_args()
    if args.seconds <= 0 or args.concurrency < 1 or args.workers < 1:
        parser.error("--seconds must be positive; --concurrency and --workers at least 1")
    return args


# --- the load ---------------------------------------------------------------------------------


async def worker(client: httpx.AsyncClient, endpoint: Endpoint, deadline: float, sample: Sample) -> None:
    while time.perf_counter() < deadline:
        started = time.perf_counter()
        try:
            response = await client.get(endpoint.path, headers=endpoint.headers)
        except httpx.HTTPError as error:
            sample.errors[type(error).__name__] += 1
            continue
        if response.status_code == 200:
            sample.latencies_ms.append((time.perf_counter() - started) * 1000)
        else:
            sample.errors[f"HTTP {response.status_code}"] += 1


async def load(
    client: httpx.AsyncClient, endpoint: Endpoint, seconds: float, concurrency: int, server_cpu: Callable[[], float]
) -> Sample:
    """`concurrency` workers repeat the request for `seconds`; in-flight requests finish."""
    sample = Sample()
    started, client_cpu_started, server_cpu_started = time.perf_counter(), time.process_time(), server_cpu()
    deadline = started + seconds
    await asyncio.gather(*(worker(client, endpoint, deadline, sample) for _ in range(concurrency)))
    sample.elapsed_s = time.perf_counter() - started
    sample.client_cpu_s = time.process_time() - client_cpu_started
    sample.server_cpu_s = server_cpu() - server_cpu_started
    return sample


async def check_response(client: httpx.AsyncClient, endpoint: Endpoint) -> int:
    """Fetch once and return the body size; stop if a 200 is not the page or fragment meant.

    Any other status is left to the load, which counts it as an error.
    """
    response = await client.get(endpoint.path, headers=endpoint.headers)
    is_page = "<html" in response.text.lower()
    if response.status_code == 200 and endpoint in CATALOG and is_page == endpoint.htmx:
        raise SystemExit(f"{endpoint.label}: expected {'a fragment' if is_page else 'a full page'}")
    return len(response.content)


async def measure_all(
    base_url: str, seconds: float, concurrency: int, server_cpu: Callable[[], float]
) -> list[Measurement]:
    """Each endpoint in turn, the baseline first: a check, a warm-up, then the timed load."""
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    results: list[Measurement] = []
    async with httpx.AsyncClient(
        base_url=base_url, limits=limits, timeout=REQUEST_TIMEOUT_SECONDS, trust_env=False
    ) as client:
        for endpoint in (BASELINE, *CATALOG):
            print(f"measuring {endpoint.label} ...", file=sys.stderr)
            size = await check_response(client, endpoint)
            await load(client, endpoint, WARMUP_SECONDS, concurrency, server_cpu)
            sample = await load(client, endpoint, seconds, concurrency, server_cpu)
            results.append(Measurement(endpoint, size, sample))
    return results


# --- the report -------------------------------------------------------------------------------


def print_header(args: argparse.Namespace, database: str, loader_said: str) -> None:
    print("Catalog benchmark (bench/catalog.py)")
    print("\n".join(machine_lines()))
    print(f"  server    uvicorn, {args.workers} worker(s), same machine as the client")
    print(f"  load      {args.concurrency} concurrent workers, one httpx client, "
          f"{WARMUP_SECONDS:g} s warm-up + {args.seconds:g} s per endpoint")
    print(f"  database  {database}")
    print(f"  content   {loader_said}")
    print()


def print_table(results: list[Measurement]) -> None:
    row = "{:<34} {:>6} {:>8} {:>6} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}"
    print(row.format(
        "endpoint", "bytes", "requests", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms", "srv CPU", "cli CPU"
    ))
    for result in results:
        sample = result.sample
        print(row.format(
            result.endpoint.label, result.body_bytes, sample.requests, sample.errors.total(),
            f"{sample.per_second:.1f}",
            f"{sample.percentile_ms(50):.1f}", f"{sample.percentile_ms(95):.1f}", f"{sample.percentile_ms(99):.1f}",
            f"{sample.server_cpu_s / sample.elapsed_s:.0%}", f"{sample.client_cpu_s / sample.elapsed_s:.0%}",
        ))
    print("(CPU: seconds of CPU per second of wall time, of the server's processes and of this load generator;")
    print(" if the load generator is near 100% and the server is not, the load generator sets the pace)")


def print_ratios(results: list[Measurement]) -> None:
    """Each catalog variant against the baseline: req/s, and server CPU time per request."""
    baseline, *catalog = results
    rate, cost = baseline.sample.per_second, baseline.sample.server_cpu_ms_per_request
    print()
    print(f"relative to {baseline.endpoint.label} ({rate:.1f} req/s, {cost:.2f} ms server CPU per request):")
    print(f"  {'':<34} {'req/s ratio':>11} {'srv CPU ms/req':>15} {'x baseline':>10}")
    for result in catalog:
        ratio = result.sample.per_second / rate if rate else float("nan")
        variant_cost = result.sample.server_cpu_ms_per_request
        times = variant_cost / cost if cost else float("nan")
        print(f"  {result.endpoint.label:<34} {ratio:11.3f} {variant_cost:15.2f} {times:10.1f}")


def report_errors(results: list[Measurement], log: Path) -> bool:
    """Print error kinds per endpoint and the first error the server logged; True if there was any."""
    for result in results:
        if result.sample.errors:
            kinds = ", ".join(f"{kind} x{count}" for kind, count in result.sample.errors.most_common())
            print(f"errors on {result.endpoint.label}: {kinds}")
    records = logged_errors(log)
    if records:
        first = records[0]
        print(f"\nthe server logged {len(records)} error(s); the first one:\n  {first[0]}")
        if len(first) > 1:
            print(f"  ... {first[-1].strip()}")
    return bool(records) or any(result.sample.errors for result in results)


# --- main -------------------------------------------------------------------------------------


def main() -> None:
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="jobcenter-bench-") as temp:
        data_dir = Path(temp)
        database_url = args.database_url or f"sqlite:///{data_dir / 'db.sqlite3'}"
        env = server_environment(database_url, data_dir)
        loader_said = prepare_database(env)
        port = free_port()
        log = data_dir / "server.log"
        server = start_server(env, port, args.workers, log)
        try:
            base_url = f"http://{HOST}:{port}"
            wait_until_healthy(server, base_url, log)
            database = redacted(database_url) if args.database_url else "SQLite, fresh temporary file"
            print_header(args, database, loader_said)
            results = asyncio.run(
                measure_all(base_url, args.seconds, args.concurrency, lambda: process_tree_cpu_s(server.pid))
            )
        finally:
            stop_server(server)
        print_table(results)
        print_ratios(results)
        if report_errors(results, log):
            raise SystemExit(1)


if __name__ == "__main__":
    run_main(main)
