"""End-to-end harness: a real server process and Debian's Chromium driven by Playwright.

The server gets its own database: E2E_DATABASE_URL when set (CI sets a PostgreSQL one),
otherwise a fresh SQLite file; it is migrated and loaded with the demo content first.
"""

from __future__ import annotations

import base64
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, expect

from e2e.pages import GATEWAY_VARIABLE
from jobcenter.staff.sessions import STAFF_COOKIE
from tests.servers import free_port, listening

PROJECT_ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium-headless-shell")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# How long an assertion waits for what a person would see. CI runs the Python suite beside this one
# on two cores, so a page that answers in 50 ms alone can take seconds; waiting longer only costs
# time when a test is failing anyway. Playwright's own default is 5 s.
SMS_SECRET = "e2e-gateway-secret"
EXPECT_TIMEOUT_MS = int(os.environ.get("E2E_EXPECT_TIMEOUT_MS", "15000"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(url: str, server: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with {server.returncode}")
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError("the server did not start in time")


@pytest.fixture(scope="session", autouse=True)
def patient_assertions() -> None:
    expect.set_options(timeout=EXPECT_TIMEOUT_MS)


@pytest.fixture(scope="session")
def sms_gateway() -> Iterator[str]:
    """The fake SMS provider (tests/fake_sms_gateway.py) the server texts through: a test reads a
    code from its inbox as a person reads it on their phone (pages.texted_code)."""
    port = free_port()
    with listening([sys.executable, "-m", "tests.fake_sms_gateway", str(port), SMS_SECRET], port):
        url = f"http://127.0.0.1:{port}"
        os.environ[GATEWAY_VARIABLE] = url
        yield url


@pytest.fixture(scope="session")
def server_environment(sms_gateway: str) -> dict[str, str]:
    """The environment of the server process; seed.py runs with it to reach the same database."""
    scratch = tempfile.mkdtemp(prefix="jobcenter-e2e-")
    return {
        **os.environ,
        "SMS_BACKEND": "solapi",
        "SOLAPI_BASE_URL": sms_gateway,
        "SOLAPI_API_KEY": "e2e",
        "SOLAPI_API_SECRET": SMS_SECRET,
        "SMS_SENDER_NUMBER": "0319805000",
        "DATABASE_URL": os.environ.get("E2E_DATABASE_URL") or f"sqlite:///{scratch}/e2e.sqlite3",
        "DATA_DIR": scratch,
        "SECRET_KEY": "e2e-secret-key-" + "x" * 32,
        "SEATS_POLL_SECONDS": "1",
        # Every browser of the run comes from 127.0.0.1: as many people as a lobby behind one address.
        "SIGNUPS_PER_ADDRESS_PER_HOUR": "1000",
        "RESETS_PER_ADDRESS_PER_HOUR": "1000",
    }


@pytest.fixture(scope="session")
def seed(server_environment: dict[str, str]) -> Iterator[Callable[..., str]]:
    """Run one of seed.py's commands against the server's database; what it returned. The commands
    go to one seed process for the whole run (starting one per command cost seconds each)."""
    process = subprocess.Popen([BIN / "python", "-m", "e2e.seed", "serve"], env=server_environment, cwd=PROJECT_ROOT,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    commands, answers = process.stdin, process.stdout
    assert commands is not None and answers is not None

    def run(*arguments: str) -> str:
        commands.write(json.dumps(arguments) + "\n")
        commands.flush()
        answer = json.loads(answers.readline() or '{"error": "the seed process ended"}')
        if "error" in answer:
            raise AssertionError(f"seed {arguments}: {answer['error']}")
        return answer["out"]

    try:
        yield run
    finally:
        commands.close()
        process.wait(timeout=30)


@contextmanager
def serving(environment: dict[str, str]) -> Iterator[str]:
    """uvicorn in its own process on a free loopback port, stopped afterwards."""
    port = _free_port()
    server = subprocess.Popen(
        [BIN / "uvicorn", "--factory", "jobcenter.app:create_app_from_env", "--host", "127.0.0.1", "--port", str(port), "--no-proxy-headers"],
        env=environment,
        cwd=PROJECT_ROOT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def live_server(server_environment: dict[str, str]) -> Iterator[str]:
    """The site served as `make run` serves it, on a migrated database with the demo content."""
    subprocess.run([BIN / "piccolo", "migrations", "forwards", "all"], env=server_environment, cwd=PROJECT_ROOT, check=True)
    subprocess.run([BIN / "python", "-m", "jobcenter.demo"], env=server_environment, cwd=PROJECT_ROOT, check=True)
    with serving(server_environment) as url:
        yield url


@pytest.fixture(scope="session")
def short_session_server(live_server: str, server_environment: dict[str, str]) -> Iterator[str]:
    """The same site and database, with a one-minute idle timeout to see its warning."""
    with serving({**server_environment, "SESSION_IDLE_MINUTES": "1", "SESSION_WARNING_SECONDS": "40"}) as url:
        yield url


@pytest.fixture(scope="session")
def base_url(live_server: str) -> str:
    return live_server


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On the PostgreSQL pass (E2E_DATABASE_URL set), the tests marked browser_only are left to the
    SQLite pass: layout, keyboard paths, browser history, display modes and idle timers come out the
    same on any database (the Python suite runs every route on both), and the pass stays within CI's time."""
    if not os.environ.get("E2E_DATABASE_URL"):
        return
    skip = pytest.mark.skip(reason="checked in the SQLite pass: what it tests happens in the browser alone")
    for item in items:
        if "browser_only" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ],
    }


@pytest.fixture(scope="session")
def axe() -> Axe:
    return Axe()


@pytest.fixture
def assert_accessible(axe: Axe) -> Callable[..., None]:
    """Run axe-core on the page as it is now and fail on any WCAG 2.x A/AA violation; with
    `enhanced_contrast`, on the AAA contrast rule (7:1) too."""

    def check(page: Page, *, enhanced_contrast: bool = False) -> None:
        # Measure the page at rest and as a person sees it: its stylesheets loaded (on a busy
        # machine a page can be read before its CSS arrives, every target then text-sized), no htmx
        # request in flight (results fade while one is) and no transition still running, or
        # colours are read half-way through a fade.
        page.wait_for_load_state("load")
        page.wait_for_function(
            "() => !document.querySelector('.htmx-request') && document.getAnimations().every(a => a.playState !== 'running')"
        )
        # Only the violations come back (the passes of a long page are hundreds of kB of JSON, half
        # a scan's time); axe-core is put into a page once, not at every scan of it.
        options: dict = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
        if enhanced_contrast:
            options["runOnly"]["values"] = [*WCAG_TAGS, "wcag2aaa"]
            options["rules"] = {"color-contrast-enhanced": {"enabled": True}}
        if not page.evaluate("'axe' in window"):
            page.evaluate(axe.axe_script)
        results = AxeResults(page.evaluate("options => axe.run(document, options)", options))
        assert results.violations_count == 0, results.generate_report()

    return check


TILE_SERVER = "https://tile.openstreetmap.org/**"
"""The map's tile server by default (MAP_TILE_URL)."""
BLANK_TILE = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=")


@pytest.fixture
def context(context: BrowserContext) -> BrowserContext:
    """Every test's browser context, its map tiles answered by a stand-in for the tile server:
    no test reaches an outside address, and none waits on one."""
    context.route(TILE_SERVER, lambda route: route.fulfill(status=200, content_type="image/png", body=BLANK_TILE))
    return context


@pytest.fixture
def no_js_page(browser, base_url: str) -> Iterator[Page]:
    """A page in a context with JavaScript turned off: the plain HTML path."""
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def staff_login(seed, base_url: str) -> Callable[..., str]:
    """Open the back office on `page` as a new staff member of `role`: the seed process opens a
    verified session as the password and the code would, and the browser gets its cookie
    (test_staff.py goes through the login form itself; here it would cost two pages and a password
    hash in each of some forty-five tests). Each call makes its own account."""

    def log_in(page: Page, role: str = "staff") -> str:
        username = f"e2e-{role}-{time.monotonic_ns()}"
        token = seed("staff_session", username, role)
        page.context.add_cookies([{"name": STAFF_COOKIE, "value": token, "url": f"{base_url}/staff", "httpOnly": True, "sameSite": "Strict"}])
        page.goto(f"{base_url}/staff")
        expect(page).to_have_url(f"{base_url}/staff")  # not sent on to the login form
        return username

    return log_in
