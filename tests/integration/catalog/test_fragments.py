"""One source per fragment: htmx gets the results alone, everything else the whole page."""

from __future__ import annotations

from tests.builders import a_program
from tests.support import card_titles, html, present

HTMX = {"HX-Request": "true"}


async def test_a_plain_request_gets_the_whole_page_with_the_results_inside(client) -> None:
    await a_program("청소전문교육", audience="senior")

    soup = html(await client.get("/programs?audience=senior"))

    assert soup.html is not None
    assert soup.select_one("form#catalog-filters[method=get]") is not None
    assert card_titles(present(soup.select_one("#catalog-results"))) == ["청소전문교육"]


async def test_an_htmx_request_gets_only_the_results_and_the_canonical_url(client) -> None:
    await a_program("청소전문교육", audience="senior")
    await a_program("청년 뉴딜 프로그램", audience="youth")

    response = await client.get("/programs?audience=senior&category=&q=&page=1", headers=HTMX)

    soup = html(response)
    assert soup.html is None and soup.select_one("form") is None
    root = present(soup.find(True))
    assert root.name == "section" and root["id"] == "catalog-results"
    assert card_titles(soup) == ["청소전문교육"]
    assert response.headers["hx-push-url"] == "/programs?audience=senior"
    assert "HX-Request" in response.headers["vary"]


async def test_a_history_restore_gets_the_whole_page(client) -> None:
    response = await client.get(
        "/programs?audience=senior", headers={**HTMX, "HX-History-Restore-Request": "true"}
    )

    assert html(response).html is not None
    assert "hx-push-url" not in response.headers


async def test_an_htmx_error_is_a_fragment_swapped_into_main(client) -> None:
    response = await client.get("/programs?audience=aliens", headers=HTMX)

    assert response.status_code == 400
    assert response.headers["hx-retarget"] == "#main"
    soup = html(response)
    assert soup.html is None
    assert present(soup.h1).get_text(strip=True) == "요청을 처리할 수 없습니다"
