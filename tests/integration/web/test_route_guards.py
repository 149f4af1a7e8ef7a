"""Every route is either public on purpose or refuses a visitor who is not signed in; every back-office
route refuses citizens as well, and the admin's pages refuse other staff."""

from __future__ import annotations

import re

from tests.builders import a_citizen, a_staff_member
from tests.support import csrf_token

PUBLIC = {
    ("GET", "/"),
    ("GET", "/healthz"),
    ("GET", "/favicon.ico"),
    ("GET", "/privacy"),
    ("GET", "/livez"),
    ("GET", "/readyz"),
    ("GET", "/programs"),
    ("GET", "/api/v1/programs"),
    ("GET", "/api/v1/programs/{program_id:int}"),
    ("GET", "/api/v1/events"),
    ("GET", "/api/v1/events/{event_id:int}"),
    ("GET", "/api/v1/companies"),
    ("GET", "/api/v1/companies/{company_id:int}"),
    ("GET", "/api/v1/jobs"),
    ("GET", "/api/v1/jobs/{job_id:int}"),
    ("GET", "/api"),
    ("GET", "/api/openapi.json"),
    ("GET", "/api/{path:str}"),
    ("GET", "/api/docs"),
    ("GET", "/programs/{program_id:int}"),
    ("GET", "/companies"),
    ("GET", "/counselling"),
    ("GET", "/counselling/{place_id:int}"),
    ("GET", "/companies/{company_id:int}"),
    ("GET", "/jobs"),
    ("GET", "/jobs/{posting_id:int}"),
    ("GET", "/jobs/feed.atom"),
    ("GET", "/jobs/request"),
    ("POST", "/jobs/request"),
    ("GET", "/seats/{pool_id:int}"),
    ("GET", "/draws/{pool_id:int}"),
    ("GET", "/draws/{pool_id:int}/tickets.txt"),
    ("GET", "/events"),
    ("GET", "/events/{occurrence_id:int}"),
    ("GET", "/events/{occurrence_id:int}/calendar.ics"),
    ("GET", "/events/feeds/{feed_name:str}"),
    ("GET", "/events/days/{day:str}"),
    ("GET", "/language/{code:str}"),
    ("GET", "/signup"),
    ("POST", "/signup"),
    ("GET", "/signup/code"),
    ("POST", "/signup/code"),
    ("POST", "/signup/code/again"),
    ("GET", "/login/code"),
    ("POST", "/login/code"),
    ("GET", "/login/code/enter"),
    ("POST", "/login/code/enter"),
    ("POST", "/login/code/again"),
    ("GET", "/login"),
    ("POST", "/login"),
    ("POST", "/logout"),
    ("GET", "/password/forgot"),
    ("POST", "/password/forgot"),
    ("GET", "/password/reset/{token:str}"),
    ("POST", "/password/reset/{token:str}"),
    ("GET", "/kiosk"),
    ("POST", "/kiosk/display"),
    ("GET", "/kiosk/enrol"),
    ("POST", "/kiosk/enrol"),
    ("GET", "/kiosk/programs"),
    ("GET", "/kiosk/programs/{program_id:int}"),
    ("GET", "/kiosk/events"),
    ("GET", "/kiosk/privacy"),
    ("GET", "/kiosk/events/{occurrence_id:int}"),
    ("GET", "/kiosk/apply/{pool_id:int}"),
    ("POST", "/kiosk/apply/{pool_id:int}"),
    ("GET", "/kiosk/apply/{pool_id:int}/code"),
    ("POST", "/kiosk/apply/{pool_id:int}/code"),
    ("POST", "/kiosk/apply/{pool_id:int}/code/again"),
    ("GET", "/kiosk/counselling"),
    ("GET", "/kiosk/counselling/book"),
    ("POST", "/kiosk/counselling/book"),
    ("GET", "/kiosk/counselling/code"),
    ("POST", "/kiosk/counselling/code"),
    ("POST", "/kiosk/counselling/code/again"),
    ("GET", "/kiosk/done"),
    ("GET", "/kiosk/help"),
    ("POST", "/kiosk/help"),
    ("POST", "/kiosk/reset"),
    ("GET", "/status/{code:str}"),
    ("POST", "/status/{code:str}"),
    ("GET", "/static/{file_path:path}"),
    ("HEAD", "/static/{file_path:path}"),
    ("GET", "/staff/login"),
    ("POST", "/staff/login"),
    ("POST", "/staff/logout"),
}

ADMIN_ONLY_PREFIXES = ("/staff/audit", "/staff/accounts", "/staff/kiosks")
TOKEN_ONLY = {("GET", "/metrics")}
"""For Prometheus, not a person: no login page, 403 without the token (tests/integration/web/test_metrics_and_request_log.py)."""


def _routes(app) -> set[tuple[str, str]]:
    return {
        (method, route.path)
        for route in app.routes
        for method in getattr(route, "methods", set())
        if method != "OPTIONS"
    }


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+:int\}", "1", re.sub(r"\{[^}]+:(str|path)\}", "x", path))


async def test_the_public_list_names_only_routes_that_exist(app) -> None:
    assert _routes(app) >= PUBLIC | TOKEN_ONLY


async def _call(client, method: str, path: str, token: str):
    return await client.request(
        method, _concrete(path), data={"_csrf_token": token} if method == "POST" else None, follow_redirects=False
    )


async def test_every_other_route_sends_an_anonymous_visitor_to_log_in(app, client) -> None:
    token = await csrf_token(client)
    private = sorted(_routes(app) - PUBLIC - TOKEN_ONLY)
    assert private, "the site has pages of one's own"

    for method, path in private:
        response = await _call(client, method, path, token)
        assert response.status_code == 303, (method, path)
        login = "/staff/login?next=" if path.startswith("/staff") else "/login?next="
        assert response.headers["location"].startswith(login), (method, path)


async def test_a_signed_in_citizen_is_sent_to_the_staff_login_from_every_back_office_route(app, client, sign_in) -> None:
    await sign_in(await a_citizen())
    token = await csrf_token(client)
    staff_routes = sorted(route for route in _routes(app) - PUBLIC if route[1].startswith("/staff"))
    assert staff_routes

    for method, path in staff_routes:
        response = await _call(client, method, path, token)
        assert response.status_code == 303, (method, path)
        assert response.headers["location"].startswith("/staff/login?next="), (method, path)


async def test_staff_who_are_not_admins_are_refused_the_admin_pages(app, client, sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member(role="staff"))
    token = await csrf_token(client)
    admin_routes = sorted(route for route in _routes(app) if route[1].startswith(ADMIN_ONLY_PREFIXES))
    assert admin_routes

    for method, path in admin_routes:
        response = await _call(client, method, path, token)
        assert response.status_code == 403, (method, path)
