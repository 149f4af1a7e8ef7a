"""The security baseline every response carries, errors included."""

from __future__ import annotations

import json
import sqlite3

import pytest
from litestar import Litestar, get, post
from litestar.params import JSONBody

from jobcenter.app import create_app
from jobcenter.settings import Settings
from tests.conftest import TEST_HOST
from tests.in_loop_client import InLoopClient
from tests.support import FrozenClock, html, present, str_value


@get("/test-only/crash", sync_to_thread=False)
def crash() -> str:
    raise RuntimeError("secret internal detail")


@get("/test-only/busy", sync_to_thread=False)
def busy() -> str:
    raise sqlite3.OperationalError("database is locked")


@post("/test-only/echo", sync_to_thread=False)
def echo(data: JSONBody[dict[str, str]]) -> dict[str, str]:
    return data


@pytest.fixture
def app(settings: Settings, shared_clock: FrozenClock) -> Litestar:
    """The site plus routes that exist only here: one that fails, one busy, one that takes a body."""
    app = create_app(settings, clock=shared_clock)
    app.register(crash)
    app.register(busy)
    app.register(echo)
    return app


def _assert_baseline_headers(response) -> None:
    policy = response.headers["content-security-policy"]
    for directive in ("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"):
        assert directive in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"
    assert "access-control-allow-origin" not in response.headers


@pytest.mark.parametrize("path", ["/", "/programs", "/static/css/site.css", "/healthz"])
async def test_pages_and_assets_carry_the_security_headers(client, path: str) -> None:
    response = await client.get(path)

    assert response.status_code == 200
    _assert_baseline_headers(response)


async def test_a_404_carries_the_security_headers(client) -> None:
    response = await client.get("/no-such-page")

    assert response.status_code == 404
    _assert_baseline_headers(response)
    assert present(html(response).h1).get_text(strip=True) == "페이지를 찾을 수 없습니다"


async def test_a_crash_is_a_plain_500_page_without_a_traceback(client) -> None:
    response = await client.get("/test-only/crash")

    assert response.status_code == 500
    _assert_baseline_headers(response)
    assert present(html(response).h1).get_text(strip=True) == "일시적인 오류가 발생했습니다"
    assert "secret internal detail" not in response.text and "Traceback" not in response.text


async def test_a_busy_database_is_a_503_with_retry_after(client) -> None:
    response = await client.get("/test-only/busy")

    assert response.status_code == 503
    assert response.headers["retry-after"] == "5"
    _assert_baseline_headers(response)
    assert present(html(response).h1).get_text(strip=True) == "접속이 많아 처리가 지연되고 있습니다"


async def test_hsts_is_sent_over_https_only(app) -> None:
    async with InLoopClient(app, base_url=f"https://{TEST_HOST}") as secure_client:
        assert "max-age" in (await secure_client.get("/")).headers["strict-transport-security"]
    async with InLoopClient(app, base_url=f"http://{TEST_HOST}") as plain_client:
        assert "strict-transport-security" not in (await plain_client.get("/")).headers


async def test_a_post_without_a_csrf_token_is_refused(client) -> None:
    response = await client.post("/test-only/echo", json={"name": "홍길동"})

    assert response.status_code == 403
    _assert_baseline_headers(response)
    assert present(html(response).h1).get_text(strip=True) == "접근 권한이 없습니다"


async def test_a_post_with_the_csrf_token_htmx_sends_from_the_page_goes_through(client) -> None:
    page = html(await client.get("/"))
    token = json.loads(str_value(present(page.body)["hx-headers:inherited"]))["x-csrftoken"]

    response = await client.post("/test-only/echo", json={"name": "홍길동"}, headers={"x-csrftoken": token})

    assert response.status_code == 201
    assert response.json() == {"name": "홍길동"}


async def test_a_body_over_the_limit_is_refused_with_413(client, settings) -> None:
    await client.get("/")
    token = client.cookies["csrftoken"]

    response = await client.post(
        "/test-only/echo",
        json={"name": "가" * settings.max_body_bytes},
        headers={"x-csrftoken": token},
    )

    assert response.status_code == 413
    assert present(html(response).h1).get_text(strip=True) == "보내신 내용이 너무 큽니다"


@pytest.mark.parametrize("host", ["evil.example", "testserver.local.evil.example"])
async def test_an_unknown_host_is_refused(client, host: str) -> None:
    response = await client.get("/", headers={"host": host})

    assert response.status_code == 400
    _assert_baseline_headers(response)


async def test_a_configured_host_with_a_port_is_served(client) -> None:
    response = await client.get("/", headers={"host": f"{TEST_HOST}:8000"})

    assert response.status_code == 200
