"""Issue 12, item 6: a client cannot choose its own address with X-Forwarded-For. The server is
started with exactly the command `make run` uses, so the login throttle per client holds."""

from __future__ import annotations

import os
import shlex
import subprocess
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest

from tests.servers import BIN, PROJECT_ROOT, free_port, serving

PER_ADDRESS = 5
"""LOGIN_FAILURES_PER_ADDRESS for these servers: each wrong login costs a password hash, and 5
show the throttle per client as well as the default 50 would."""
pytestmark = pytest.mark.load  # a real server process: run by make test and CI, not by a plain pytest



def _make_run_command(port: int, **variables: str) -> list[str]:
    """The uvicorn command `make run` would start (make -n prints it without running anything)."""
    assignments = [f"{key}={value}" for key, value in {"HOST": "127.0.0.1", "PORT": str(port), **variables}.items()]
    printed = subprocess.run(["make", "-n", "run", *assignments], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True).stdout
    command = shlex.split(next(line for line in printed.splitlines() if "uvicorn" in line))
    return [str(BIN / "uvicorn"), *command[1:]]


@pytest.fixture
def started(tmp_path: Path) -> Iterator[Callable[..., str]]:
    with ExitStack() as servers:

        def start(**variables: str) -> str:
            port = free_port()
            environment = {**os.environ, "DATA_DIR": str(tmp_path), "SECRET_KEY": "proxy-test-secret-key-" + "x" * 32,
                           "LOGIN_FAILURES_PER_ADDRESS": str(PER_ADDRESS)}
            return servers.enter_context(serving(_make_run_command(port, **variables), environment, port))

        yield start


def _wrong_logins(url: str, tries: int) -> list[int]:
    """Wrong passwords for as many different numbers, each claiming another address."""
    with httpx.Client(base_url=url) as client:
        csrf = client.get("/login").cookies["csrftoken"]
        return [
            client.post("/login", data={"mobile": f"010-4444-{n:04d}", "password": "wrong", "_csrf_token": csrf},
                        headers={"X-Forwarded-For": f"203.0.113.{n}"}).status_code
            for n in range(tries)
        ]


def test_make_run_believes_no_forwarded_address_and_the_throttle_per_client_holds(started: Callable[..., str]) -> None:
    answers = _wrong_logins(started(), PER_ADDRESS + 2)

    assert answers[:PER_ADDRESS] == [422] * PER_ADDRESS
    assert answers[PER_ADDRESS:] == [429, 429]


def test_behind_a_named_proxy_the_forwarded_address_is_the_client(started: Callable[..., str]) -> None:
    answers = _wrong_logins(started(FORWARDED_ALLOW_IPS="127.0.0.1"), PER_ADDRESS + 2)

    assert answers == [422] * (PER_ADDRESS + 2)
