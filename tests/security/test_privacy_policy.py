"""Issue 12: the privacy policy (개인정보 처리방침, PIPA art. 30) is one click from every page and
from the kiosk, and says what the settings say (periods, the privacy officer, processors)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from jobcenter.app import create_app
from jobcenter.settings import Settings
from tests.conftest import TEST_HOST
from tests.in_loop_client import InLoopClient
from tests.support import FrozenClock, html, present, str_value


@pytest.mark.parametrize("path", ["/", "/programs", "/events", "/login", "/signup", "/privacy"])
async def test_every_public_page_links_the_privacy_policy_in_its_footer(client: InLoopClient, path: str) -> None:
    link = present(html(await client.get(path)).select_one("footer [data-testid=privacy-link]"))

    assert str_value(link["href"]) == "/privacy" and link.get_text(strip=True) == "개인정보 처리방침"


async def test_the_policy_says_the_periods_and_the_officer_of_the_settings(settings: Settings, clock: FrozenClock) -> None:
    center = replace(settings.center, privacy_officer="정보보호팀장 김보호", privacy_email="privacy@gimpo.example", processors="(주)알림: 문자 발송")
    app = create_app(replace(settings, retention_days=365, request_log_days=30, center=center), clock=clock)
    async with InLoopClient(app, base_url=f"http://{TEST_HOST}") as client:
        policy = present(html(await client.get("/privacy")).select_one("[data-testid=privacy-policy]")).get_text(" ", strip=True)

    assert "최대 365일까지 보관한 뒤 삭제합니다" in policy
    assert "서버 기록: 30일" in policy
    assert "정보주체의 권리와 행사 방법" in policy and "개인정보 보호책임자" in policy
    assert "정보보호팀장 김보호" in policy and "privacy@gimpo.example" in policy
    assert "처리 위탁: (주)알림: 문자 발송" in policy
    assert "2026년 12월 1일" in policy


async def test_without_processors_the_policy_says_there_are_none(client: InLoopClient) -> None:
    policy = present(html(await client.get("/privacy")).select_one("[data-testid=privacy-policy]")).get_text(" ", strip=True)

    assert "처리 위탁: 없음" in policy


async def test_the_kiosk_shows_the_policy_on_its_own_screen_and_leads_back(client: InLoopClient) -> None:
    start = html(await client.get("/kiosk"))
    link = str_value(present(start.select_one("[data-testid=privacy-link]"))["href"])

    screen = html(await client.get(link))

    assert link.startswith("/kiosk/privacy")
    assert present(screen.select_one("[data-testid=privacy-policy]"))
    assert str_value(present(screen.select_one("[data-testid=nav-back]"))["href"]) == "/kiosk"
    assert screen.select_one("footer") is None, "the kiosk's screen never leads out of the kiosk"
