"""Every route is either public on purpose or refuses a visitor who is not signed in."""

from __future__ import annotations

import re

from tests.support import csrf_token

PUBLIC = {
    ("GET", "/"),
    ("GET", "/healthz"),
    ("GET", "/programs"),
    ("GET", "/programs/{program_id:int}"),
    ("GET", "/seats/{pool_id:int}"),
    ("GET", "/events"),
    ("GET", "/events/{occurrence_id:int}"),
    ("GET", "/events/{occurrence_id:int}/calendar.ics"),
    ("GET", "/events/feeds/{feed_name:str}"),
    ("GET", "/language/{code:str}"),
    ("GET", "/signup"),
    ("POST", "/signup"),
    ("GET", "/login"),
    ("POST", "/login"),
    ("POST", "/logout"),
    ("GET", "/password/forgot"),
    ("POST", "/password/forgot"),
    ("GET", "/password/reset/{token:str}"),
    ("POST", "/password/reset/{token:str}"),
    ("GET", "/static/{file_path:path}"),
    ("HEAD", "/static/{file_path:path}"),
}


def _routes(app) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {
        (method, route.path)
        for route in app.routes
        for method in getattr(route, "methods", set())
        if method != "OPTIONS"
    }


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+:int\}", "1", re.sub(r"\{[^}]+:(str|path)\}", "x", path))


async def test_the_public_list_names_only_routes_that_exist(app) -> None:
    assert PUBLIC <= _routes(app)


async def test_every_other_route_sends_an_anonymous_visitor_to_log_in(app, client) -> None:
    token = await csrf_token(client)
    private = sorted(_routes(app) - PUBLIC)
    assert private, "the site has pages of one's own"

    for method, path in private:
        response = await client.request(
            method, _concrete(path), data={"_csrf_token": token} if method == "POST" else None, follow_redirects=False
        )
        assert response.status_code == 303, (method, path)
        assert response.headers["location"].startswith("/login?next="), (method, path)
