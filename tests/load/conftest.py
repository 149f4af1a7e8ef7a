"""The load tests' server: the site on the test database (SQLite file or PostgreSQL, as the suite)
in a real process with two uvicorn workers, so every lock must hold across processes."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.servers import UVICORN, free_port, serving


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    environment = {
        **os.environ,
        "DATA_DIR": str(tmp_path_factory.mktemp("server")),
        "SECRET_KEY": "load-test-secret-key-" + "x" * 32,
        "DATABASE_POOL_SIZE": "10",
    }
    with serving([*UVICORN, "--port", str(port), "--workers", "2", "--no-proxy-headers"], environment, port) as url:
        yield url
