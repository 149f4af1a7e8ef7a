"""Issue 19: the site as the deployment guide runs it: two app server processes on one database with
`BACKGROUND_JOBS=0`, and the background jobs in worker processes of their own (`python -m
jobcenter.worker`). Sessions, seats and the outbox live in the database, so a login made on one server
works on the other, a rush split across both confirms exactly the seats there are, and with two
workers running at once (a deploy's overlap) every text reaches the provider exactly once; a scrape
of either server's /metrics sums what every process counted."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import timedelta

import httpx
import pytest

from jobcenter.accounts.passwords import hash_password
from jobcenter.accounts.sessions import SESSION_COOKIE, start_session
from jobcenter.accounts.tables import Citizen
from jobcenter.clock import system_clock
from jobcenter.notifications.tables import OutboxMessage
from jobcenter.signups.tables import Application
from tests.builders import a_citizen, a_cohort, a_program
from tests.servers import PROJECT_ROOT, UVICORN, free_port, listening, serving

pytestmark = pytest.mark.load

GATEWAY_SECRET = "several-servers-gateway"
METRICS_TOKEN = "several-servers-metrics-" + "z" * 16
PASSWORD = "김포 한강 2026 여름밤"
CAPACITY = 12
PEOPLE = 40


@pytest.fixture
def gateway() -> Iterator[str]:
    port = free_port()
    with listening([sys.executable, "-m", "tests.fake_sms_gateway", str(port), GATEWAY_SECRET], port):
        yield f"http://127.0.0.1:{port}"


def _environment(tmp_path, gateway: str) -> dict[str, str]:
    """What every process of the deployment shares: the database (the suite's), the secret key, the
    SMS provider, the metrics' directory; no app server runs background jobs."""
    metrics_directory = tmp_path / "metrics"
    metrics_directory.mkdir()
    return {
        **os.environ, "DATA_DIR": str(tmp_path), "SECRET_KEY": "several-servers-secret-key-" + "x" * 32, "BACKGROUND_JOBS": "0",
        "DATABASE_POOL_SIZE": "5", "SMS_BACKEND": "solapi", "SOLAPI_BASE_URL": gateway, "SOLAPI_API_KEY": "test",
        "SOLAPI_API_SECRET": GATEWAY_SECRET, "SMS_SENDER_NUMBER": "0319805000",
        "METRICS_TOKEN": METRICS_TOKEN, "PROMETHEUS_MULTIPROC_DIR": str(metrics_directory),
    }


async def _apply(url: str, csrf: str, session: str, pool_id: int) -> int:
    async with httpx.AsyncClient(base_url=url, cookies={SESSION_COOKIE: session, "csrftoken": csrf}, timeout=60) as client:
        return (await client.post("/applications", data={"pool": str(pool_id), "_csrf_token": csrf})).status_code


async def _received(gateway: str) -> list[dict]:
    async with httpx.AsyncClient() as client:
        return (await client.get(f"{gateway}/_received")).json()


async def _scrape(url: str) -> dict[str, float]:
    """The scrape's samples by name and labels, as Prometheus' text format writes them."""
    async with httpx.AsyncClient(base_url=url) as client:
        text = (await client.get("/metrics", headers={"authorization": f"Bearer {METRICS_TOKEN}"})).text
    return {name: float(value) for name, value in (line.rsplit(" ", 1) for line in text.splitlines() if line and not line.startswith("#"))}


async def _all_sent(within_seconds: float = 60) -> bool:
    deadline = time.monotonic() + within_seconds
    while time.monotonic() < deadline:
        if await OutboxMessage.count().where(OutboxMessage.status != "sent") == 0:
            return True
        await asyncio.sleep(0.5)
    return False


async def test_two_app_servers_and_two_workers_share_sessions_seats_and_the_outbox(tmp_path, gateway: str) -> None:
    now = system_clock()
    cohort = await a_cohort(await a_program("두 서버 과정", audience="all"), capacity=CAPACITY, application_opens_at=now - timedelta(minutes=1),
                            application_closes_at=now + timedelta(hours=1))
    person = await a_citizen("서버둘", mobile="01077770001")
    await Citizen.update({Citizen.password_hash: await hash_password(PASSWORD)}).where(Citizen.id == person.id)
    sessions = [await start_session((await a_citizen(f"시민{n:03d}")).id, now) for n in range(PEOPLE)]
    environment = _environment(tmp_path, gateway)
    ports = free_port(), free_port()

    with ExitStack() as servers:
        first, second = (servers.enter_context(serving([*UVICORN, "--port", str(port), "--no-proxy-headers"], environment, port)) for port in ports)
        async with httpx.AsyncClient(base_url=first) as on_first:
            csrf = (await on_first.get("/login")).cookies["csrftoken"]
            login = await on_first.post("/login", data={"mobile": "010-7777-0001", "password": PASSWORD, "_csrf_token": csrf})
        async with httpx.AsyncClient(base_url=second, cookies={SESSION_COOKIE: login.cookies[SESSION_COOKIE]}) as on_second:
            mine = await on_second.get("/me", follow_redirects=False)

        codes = await asyncio.gather(*(_apply((first, second)[n % 2], csrf, session, cohort.seat_pool) for n, session in enumerate(sessions)))
        queued = await OutboxMessage.count()
        received_before_workers = await _received(gateway)

        workers = [await asyncio.create_subprocess_exec(sys.executable, "-m", "jobcenter.worker", env=environment, cwd=PROJECT_ROOT)
                   for _ in range(2)]
        try:
            delivered = await _all_sent()
        finally:
            for worker in workers:
                worker.send_signal(signal.SIGTERM)
            stopped = [await asyncio.wait_for(worker.wait(), timeout=15) for worker in workers]
        metrics = await _scrape(first)

    assert login.status_code == 303 and mine.status_code == 200 and "서버둘" in mine.text
    assert Counter(codes) == {303: PEOPLE}, "every request answered, none with a 5xx"
    assert await Application.count().where(Application.seat_pool == cohort.seat_pool, Application.status == "confirmed") == CAPACITY
    assert queued >= PEOPLE and received_before_workers == [], "the app servers sent nothing themselves"

    received = await _received(gateway)
    provider_ids = [row["provider_id"] for row in await OutboxMessage.select(OutboxMessage.provider_id)]
    assert delivered, "the workers delivered the outbox"
    assert len(received) == queued == len(set(provider_ids)), "each message reached the provider once"
    assert sorted(entry["messageId"] for entry in received) == sorted(provider_ids)
    assert stopped == [0, 0], "a worker stops cleanly on SIGTERM"

    # One scrape of one server sums every process: both servers' seats and the workers' texts.
    assert metrics['jobcenter_seat_transactions_total{outcome="confirmed"}'] == CAPACITY
    assert metrics['jobcenter_seat_transactions_total{outcome="waitlisted"}'] == PEOPLE - CAPACITY
    assert metrics["jobcenter_outbox_sent_total"] == queued
