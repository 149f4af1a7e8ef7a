"""One not-found mapping: a domain's NotFound (jobcenter.errors) that no handler catches is the 404
page (the kiosk's own screen inside /kiosk), and a bug's KeyError is never mistaken for one."""

from __future__ import annotations

import pytest

from jobcenter import errors
from jobcenter.accounts.corrections import CitizenNotFound
from jobcenter.catalog import editing as catalog_editing
from jobcenter.catalog import service as catalog_service
from jobcenter.catalog.service import CohortNotFound, ProgramNotFound
from jobcenter.events.editing import SeriesNotFound
from jobcenter.events.rescheduling import OccurrenceNotFound
from jobcenter.events.service import EventNotFound
from jobcenter.kiosk.help_requests import HelpRequestNotFound
from jobcenter.placements.calls import FollowUpCallNotFound
from jobcenter.placements.service import PersonNotFound
from jobcenter.signups import service as signups
from tests.builders import a_citizen, a_staff_member
from tests.support import html, post_form, present

NOT_FOUND = "페이지를 찾을 수 없습니다"
HTMX = {"HX-Request": "true"}


def _not_found_page(response) -> None:
    assert response.status_code == 404, response.text[:300]
    assert present(html(response).select_one("[data-testid=error] h1")).get_text(strip=True) == NOT_FOUND


def test_every_domain_not_found_is_one_not_found_and_none_is_a_lookup_error() -> None:
    domain = [
        ProgramNotFound, CohortNotFound, EventNotFound, SeriesNotFound, OccurrenceNotFound, signups.NotFound,
        PersonNotFound, FollowUpCallNotFound, CitizenNotFound, HelpRequestNotFound,
    ]
    assert all(issubclass(error, errors.NotFound) for error in domain)
    assert not issubclass(errors.NotFound, LookupError)
    assert issubclass(signups.NotFound, signups.SignupError), "a refused walk-in undoes its record for this too"


async def _buggy(*args, **kwargs):
    raise KeyError("cohorts")


async def test_a_key_error_in_a_handler_is_a_500_not_a_404(client, sign_in_staff, monkeypatch) -> None:
    monkeypatch.setattr(catalog_service, "get_program", _buggy)
    # The staff page once caught LookupError for a missing program, and so any KeyError too.
    monkeypatch.setattr(catalog_editing, "set_published", _buggy)
    await sign_in_staff(await a_staff_member())

    for response in (await client.get("/programs/1"), await post_form(client, "/staff/programs/1/published", {"published": "1"})):
        assert response.status_code == 500
        assert present(html(response).select_one("[data-testid=error] h1")).get_text(strip=True) == "일시적인 오류가 발생했습니다"


@pytest.mark.parametrize("path", ["/events/999999", "/programs/999999"])
async def test_a_missing_thing_on_a_public_page_is_the_404_page(client, path: str) -> None:
    _not_found_page(await client.get(path))


async def test_a_citizens_missing_application_and_seat_pool_are_404_pages(client, sign_in) -> None:
    await sign_in(await a_citizen())

    _not_found_page(await client.get("/me/applications/999999"))
    # take_seat's NotFound is also a SignupError: it is still a 404, not a refusal shown at a cohort.
    _not_found_page(await post_form(client, "/applications", {"pool": "999999"}, follow_redirects=False))


async def test_a_missing_thing_on_a_staff_page_is_the_404_page(client, sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member())

    _not_found_page(await client.get("/staff/citizens/999999"))
    _not_found_page(await client.get("/staff/calendar/999999"))
    _not_found_page(await client.get("/staff/rosters/999999/"))
    _not_found_page(await post_form(client, "/staff/programs/999999/published", {"published": "1"}))
    _not_found_page(await post_form(client, "/staff/rosters/999999/applications/1/cancel", {}))
    fragment = await client.get("/staff/calls/999999", headers=HTMX)
    assert fragment.status_code == 404 and fragment.headers["hx-retarget"] == "#main"
    assert present(html(fragment).h1).get_text(strip=True) == NOT_FOUND


@pytest.mark.parametrize("path", ["/kiosk/programs/999999", "/kiosk/events/999999"])
async def test_a_missing_thing_in_the_kiosk_is_the_kiosks_own_404_screen(client, path: str) -> None:
    response = await client.get(path)

    assert response.status_code == 404
    soup = html(response)
    assert soup.select_one("[data-kiosk]") is not None
    assert present(soup.select_one(".kiosk-title")).get_text(strip=True) == NOT_FOUND
    assert present(soup.select_one("[data-testid=nav-start]"))["href"] == "/kiosk"
    assert response.headers["cache-control"] == "no-store"
