"""What the benchmarks share: a migrated database, the site in its own uvicorn process on a free
port of 127.0.0.1, stopping it, reading its log, and the few figures every report prints.

Not a benchmark itself; `bench/catalog.py` and `bench/rush.py` import it (run them from the
checkout as `.venv/bin/python bench/<name>.py`, so this directory is on `sys.path`).
"""

from __future__ import annotations

import os
import platform
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import httpx

PROJECT_ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
HEALTH_PATH = "/healthz"
STARTUP_TIMEOUT_SECONDS = 30.0
STOP_TIMEOUT_SECONDS = 10.0
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


# --- setting up the database and the server -------------------------------------------------


def server_environment(database_url: str, data_dir: Path) -> dict[str, str]:
    """The environment of every child process: the database, a throwaway key, no debug."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DATA_DIR": str(data_dir),
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": HOST,
        "DEBUG": "0",
    }


def run_step(command: list[str], env: dict[str, str]) -> str:
    """Run a set-up command from the checkout; on failure show its output and stop."""
    done = subprocess.run(command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"set-up step failed ({done.returncode}): {' '.join(command)}")
    return done.stdout.strip()


def prepare_database(env: dict[str, str]) -> str:
    """Migrate the database and load the demo content; return what the loader said."""
    run_step([str(Path(sys.executable).with_name("piccolo")), "migrations", "forwards", "all"], env)
    return run_step([sys.executable, "-m", "jobcenter.demo"], env)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def start_server(env: dict[str, str], port: int, workers: int, log: Path) -> subprocess.Popen[bytes]:
    """uvicorn in its own session, so Ctrl-C here reaches it only through `stop_server`."""
    command = [
        sys.executable, "-m", "uvicorn", "--factory", "jobcenter.app:create_app_from_env",
        "--host", HOST, "--port", str(port), "--no-access-log", "--workers", str(workers), "--no-proxy-headers",
    ]
    with log.open("wb") as output:
        return subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )


def wait_until_healthy(server: subprocess.Popen[bytes], base_url: str, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    with httpx.Client(base_url=base_url, timeout=1.0, trust_env=False) as client:
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise SystemExit(f"the server exited with {server.returncode}:\n{log.read_text()}")
            try:
                if client.get(HEALTH_PATH).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
    raise SystemExit(f"the server did not answer {HEALTH_PATH} within {STARTUP_TIMEOUT_SECONDS:.0f} s")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    """SIGTERM for a graceful shutdown; SIGKILL to the server's own process group if it hangs."""
    if server.poll() is not None:
        return
    server.terminate()
    try:
        server.wait(timeout=STOP_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def process_tree_cpu_s(pid: int) -> float:
    """CPU seconds used so far by a process and its descendants (Linux /proc)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    user_ticks, system_ticks = stat.rpartition(")")[2].split()[11:13]
    own = (int(user_ticks) + int(system_ticks)) / os.sysconf("SC_CLK_TCK")
    return own + sum(process_tree_cpu_s(int(child)) for child in children)


# --- the report -------------------------------------------------------------------------------


def percentile_ms(latencies_ms: list[float], percent: int) -> float:
    """The `percent`th percentile (inclusive method); NaN when nothing was measured."""
    if len(latencies_ms) < 2:
        return latencies_ms[0] if latencies_ms else float("nan")
    return statistics.quantiles(latencies_ms, n=100, method="inclusive")[percent - 1]


def machine_lines() -> list[str]:
    """The machine and the Python the figures were measured with, as header lines."""
    return [
        f"  machine   {platform.platform()}; {os.cpu_count()} CPUs ({len(os.sched_getaffinity(0))} usable)",
        f"  python    {platform.python_implementation()} {platform.python_version()}; httpx {httpx.__version__}",
    ]


def redacted(url: str) -> str:
    """The URL without its password, fit to print."""
    parts = urlsplit(url)
    if not parts.password:
        return url
    return parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@")).geturl()


def logged_errors(log: Path, levels: tuple[str, ...] = ("ERROR", "CRITICAL")) -> list[list[str]]:
    """The server's records at these levels (default ERROR and CRITICAL), each with its traceback lines."""
    records: list[list[str]] = []
    current: list[str] | None = None
    for line in log.read_text(errors="replace").splitlines():
        if line.startswith(levels):
            current = [line]
            records.append(current)
        elif line.startswith(LOG_LEVELS):
            current = None
        elif current is not None and line.strip():
            current.append(line)
    return records


def run_main(main: Callable[[], None]) -> None:
    """Run a benchmark's main; Ctrl-C still stops the server and removes the temporary directory."""
    try:
        main()
    except KeyboardInterrupt:
        print("interrupted: the server was stopped and the temporary directory removed", file=sys.stderr)
        raise SystemExit(130) from None
