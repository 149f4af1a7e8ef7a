"""Static files: addresses that change with their content, kept a year by browsers, compressed;
pages never compressed (BREACH); a favicon."""

from __future__ import annotations

import re

from tests.builders import a_citizen
from tests.in_loop_client import InLoopClient
from tests.support import html, present, str_value

YEAR = "max-age=31536000"


async def _stylesheet(client: InLoopClient) -> str:
    return str_value(present(html(await client.get("/")).select_one("link[rel=stylesheet]"))["href"])


async def test_a_stylesheet_address_holds_its_content_hash_and_is_kept_a_year(client: InLoopClient) -> None:
    address = await _stylesheet(client)

    response = await client.get(address)

    assert re.fullmatch(r"/static/css/site\.css\?v=[0-9a-f]{12}", address)
    assert response.status_code == 200
    assert YEAR in response.headers["cache-control"] and "immutable" in response.headers["cache-control"]


async def test_static_files_are_sent_compressed_with_brotli_or_gzip(client: InLoopClient) -> None:
    address = await _stylesheet(client)

    brotli = await client.get(address, headers={"accept-encoding": "br, gzip"})
    gzip = await client.get(address, headers={"accept-encoding": "gzip"})
    plain = await client.get(address, headers={"accept-encoding": "identity"})

    assert brotli.headers["content-encoding"] == "br" and gzip.headers["content-encoding"] == "gzip"
    assert "content-encoding" not in plain.headers
    assert brotli.text == gzip.text == plain.text, "the same stylesheet, however it travels"


async def test_pages_are_never_compressed_because_they_hold_the_csrf_token(client: InLoopClient) -> None:
    for path in ("/", "/programs?q=경비", "/login"):
        response = await client.get(path, headers={"accept-encoding": "br, gzip"})
        assert response.status_code == 200 and "content-encoding" not in response.headers, path


async def test_the_favicon_answers_at_its_old_name_and_pages_name_it(client: InLoopClient) -> None:
    icon = await client.get("/favicon.ico")
    named = str_value(present(html(await client.get("/")).select_one("link[rel=icon]"))["href"])

    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")
    assert (await client.get(named)).status_code == 200


async def test_an_unchanged_public_page_costs_a_304_without_a_body(client: InLoopClient) -> None:
    first = await client.get("/programs")
    etag = first.headers["etag"]

    again = await client.get("/programs", headers={"if-none-match": etag})
    changed = await client.get("/programs?audience=senior", headers={"if-none-match": etag})

    assert first.headers["cache-control"] == "private, no-cache"
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    assert changed.status_code == 200 and changed.headers["etag"] != etag


async def test_a_page_with_personal_data_is_never_kept(client: InLoopClient, sign_in) -> None:
    await sign_in(await a_citizen())

    response = await client.get("/me/applications")

    assert "no-store" in response.headers["cache-control"] and "etag" not in response.headers
