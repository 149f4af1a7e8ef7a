"""Korean first, English on request; the choice sticks and never sends people off-site."""

from __future__ import annotations

import pytest

from tests.builders import a_program
from tests.support import html, present


async def test_korean_is_the_default(client) -> None:
    soup = html(await client.get("/programs"))

    assert present(soup.html)["lang"] == "ko"
    assert present(soup.h1).get_text(strip=True) == "교육·프로그램"
    assert present(soup.select_one(".skip-link")).get_text(strip=True) == "본문 바로가기"


async def test_switching_to_english_returns_to_the_same_page_in_english(client) -> None:
    program = await a_program("경비신임교육", audience="middle_aged")
    page = f"/programs/{program.id}"
    link = present(html(await client.get(page)).select_one(".language-switch a[lang=en]"))["href"]

    response = await client.get(link, follow_redirects=False)

    assert response.status_code == 303
    assert response.headers["location"] == page
    english = html(await client.get(page))
    assert present(english.html)["lang"] == "en"
    assert present(english.select_one(".tag--audience")).get_text(strip=True) == "Middle-aged"
    assert english.select_one(".language-switch a[lang=ko]") is not None


async def test_the_switch_keeps_the_filters_of_the_page(client) -> None:
    link = present(html(await client.get("/programs?audience=senior&open=1")).select_one(".language-switch a[lang=en]"))["href"]

    response = await client.get(link, follow_redirects=False)

    assert response.headers["location"] == "/programs?audience=senior&open=1"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"])
async def test_the_switch_never_redirects_off_site(client, target: str) -> None:
    response = await client.get("/language/en", params={"next_path": target}, follow_redirects=False)

    assert response.headers["location"] == "/"


async def test_an_unknown_language_is_a_404(client) -> None:
    assert (await client.get("/language/xx")).status_code == 404


async def test_error_pages_follow_the_chosen_language(client) -> None:
    client.cookies.set("lang", "en")

    soup = html(await client.get("/no-such-page"))

    assert present(soup.html)["lang"] == "en"
    assert present(soup.h1).get_text(strip=True) == "Page not found"
