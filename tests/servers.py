"""Real server processes for the tests that need one: the site in uvicorn (load, forwarded headers,
the read-only drill) and the gateways it talks to (SMTP, the fake SMS provider): a free loopback
port, the process started, waited for, and stopped afterwards."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

BIN = Path(sys.executable).parent
PROJECT_ROOT = Path(__file__).resolve().parents[1]
UVICORN = [str(BIN / "uvicorn"), "--factory", "jobcenter.app:create_app_from_env", "--host", "127.0.0.1", "--no-access-log"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(command: list[str], environment: dict[str, str], port: int, output: Path | None = None) -> Iterator[str]:
    """Run `command` (a uvicorn serving on `port`) until the block ends; its base URL once it answers.
    With `output`, what it writes on standard output goes to that file."""
    stdout = output.open("w") if output else None
    process = subprocess.Popen(command, env=environment, cwd=PROJECT_ROOT, stdout=stdout)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/livez", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"the server did not start: {command}") from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=15)
        if stdout:
            stdout.close()


@contextmanager
def listening(command: list[str], port: int) -> Iterator[None]:
    """Run `command` (a server on `port` of 127.0.0.1) until the block ends, from when it accepts connections."""
    process = subprocess.Popen(command, cwd=PROJECT_ROOT)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"the server did not start: {command}") from None
                time.sleep(0.05)
        yield
    finally:
        process.terminate()
        process.wait(timeout=5)


def migrate(environment: dict[str, str]) -> None:
    """Bring the database named in the environment to the latest migration."""
    subprocess.run([str(BIN / "piccolo"), "migrations", "forwards", "all"], env=environment, cwd=PROJECT_ROOT, check=True,
                   capture_output=True)
