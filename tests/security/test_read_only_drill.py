"""Issue 12, item 4, drilled on a real server: its SQLite file and write-ahead log made immutable
(chattr +i, as a full or failing volume would make them, even for connections already open), then
writable again. Reads go on, writes answer 503 with
Retry-After, /readyz says the server is not ready, and nothing written before is lost."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.servers import UVICORN, free_port, migrate, serving

PASSWORD = "김포 한강 2026 봄날"
pytestmark = pytest.mark.load  # a real server process: run by make test and CI, not by a plain pytest


def _chattr(flag: str, database: Path) -> bool:
    """Set or clear the immutable flag on the database file and its write-ahead log."""
    files = [str(path) for path in (database, database.with_name(database.name + "-wal")) if path.exists()]
    return shutil.which("chattr") is not None and subprocess.run(["chattr", flag, *files], capture_output=True).returncode == 0


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "drill.sqlite3"
    yield path
    _chattr("-i", path)


def _ready_again(client: httpx.Client, within_seconds: float = 15) -> bool:
    """Whether /readyz answers ok within the time, asked as a load balancer asks: every half second."""
    deadline = time.monotonic() + within_seconds
    while time.monotonic() < deadline:
        if client.get("/readyz").status_code == 200:
            return True
        time.sleep(0.5)
    return False


def _texted_code(database: Path, mobile: str) -> str:
    """The newest code queued for the number, read from the server's database as the person reads the text."""
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as connection:
        (body,) = connection.execute("SELECT body FROM outbox_message WHERE kind = 'code' AND mobile = ? ORDER BY id DESC",
                                     (mobile,)).fetchone()
    return re.search(r"\d{6}", body).group()  # type: ignore[union-attr]


def _sign_up(client: httpx.Client, database: Path, number: int) -> httpx.Response:
    """The form, then the texted code: the answer to the form if it was refused, else the answer to the code."""
    csrf = client.get("/signup").cookies.get("csrftoken") or client.cookies["csrftoken"]
    asked = client.post("/signup", data={
        "name": f"시민{number}", "mobile": f"010-6666-{number:04d}", "password": PASSWORD, "password_again": PASSWORD,
        "birth_year": "1970", "consent_required": "1", "_csrf_token": csrf,
    })
    if asked.status_code != 303:
        return asked
    return client.post("/signup/code", data={"code": _texted_code(database, f"0106666{number:04d}"), "_csrf_token": csrf})


def test_a_read_only_database_is_503_with_retry_after_then_recovers_with_nothing_lost(tmp_path: Path, database: Path) -> None:
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "DATA_DIR": str(tmp_path),
                   "SECRET_KEY": "drill-secret-key-" + "x" * 32, "BACKGROUND_JOBS": "0"}
    migrate(environment)
    port = free_port()
    with serving([*UVICORN, "--port", str(port), "--no-proxy-headers"], environment, port) as url, \
            httpx.Client(base_url=url) as first, httpx.Client(base_url=url) as second:
        assert _sign_up(first, database, 1).status_code == 303
        if not _chattr("+i", database):
            pytest.skip("chattr +i is not available here (it needs root and a file system that has it)")

        ready, live = first.get("/readyz"), first.get("/livez")
        assert ready.status_code == 503 and ready.headers["retry-after"]
        assert live.status_code == 200
        assert first.get("/programs").status_code == 200
        assert first.get("/me/applications").status_code == 200, "a signed-in read goes on"
        refused = _sign_up(second, database, 2)
        assert refused.status_code == 503 and refused.headers["retry-after"]

        assert _chattr("-i", database)
        assert _ready_again(first), "/readyz says ready once its last check is older than READY_CHECK_SECONDS"
        assert _sign_up(second, database, 2).status_code == 303

    with serving([*UVICORN, "--port", str(port), "--no-proxy-headers"], environment, port) as url, \
            httpx.Client(base_url=url) as again:
        csrf = again.get("/login").cookies["csrftoken"]
        logins = [again.post("/login", data={"mobile": f"010-6666-{n:04d}", "password": PASSWORD, "_csrf_token": csrf}) for n in (1, 2)]
    assert [login.status_code for login in logins] == [303, 303], "both accounts are there after a restart"
