"""Issue 17: the directory's map. Staff place a company's pin (both coordinates or neither, a pair
pasted from a map app read as both); the public list carries the pins for the map and stays the
page without it; images may come from the tile server alone, and with no tile server set there is
no map and no outside origin in the Content-Security-Policy."""

from __future__ import annotations

from dataclasses import replace

import pytest

from jobcenter.app import create_app
from jobcenter.audit.tables import AuditEntry
from jobcenter.companies.tables import Company
from jobcenter.settings import MapSettings, SettingsError
from tests.builders import a_staff_member
from tests.in_loop_client import InLoopClient
from tests.integration.companies.test_company_editing import COMPANY
from tests.support import html, post_form, present


async def made(client, sign_in_staff, **fields: str):
    await sign_in_staff(await a_staff_member())
    return await post_form(client, "/staff/companies/new", {**COMPANY, **fields}, follow_redirects=False)


async def test_a_pin_pasted_as_a_pair_from_a_map_app_is_saved_and_audited(client, sign_in_staff) -> None:
    response = await made(client, sign_in_staff, latitude="37.69301234567891, 126.59901234567891")

    assert response.status_code == 303
    company = present(await Company.select(Company.id, Company.latitude, Company.longitude).first())
    assert (company["latitude"], company["longitude"]) == (37.6930123, 126.5990123)
    assert '"latitude": 37.6930123' in present(await AuditEntry.select(AuditEntry.after).first())["after"]


async def test_the_form_takes_a_pasted_pair_whole(client, sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member())

    form = html(await client.get("/staff/companies/new"))

    assert int(str(present(form.select_one("#field-latitude"))["maxlength"])) >= len("37.69301234567891, 126.59901234567891")


@pytest.mark.parametrize(("fields", "wrong", "message"), [
    ({"latitude": "37.6930"}, "longitude", "위도와 경도를 모두 입력하거나 둘 다 비워 두세요."),
    ({"longitude": "126.5990"}, "latitude", "위도와 경도를 모두 입력하거나 둘 다 비워 두세요."),
    ({"latitude": "126.5990", "longitude": "37.6930"}, "latitude", "위도는 37.6153처럼 -90에서 90 사이의 숫자로 입력하거나 비워 두세요."),
    ({"latitude": "3.7e1", "longitude": "126.5990"}, "latitude", "위도는 37.6153처럼 -90에서 90 사이의 숫자로 입력하거나 비워 두세요."),
    ({"latitude": "37.6930", "longitude": "nan"}, "longitude", "경도는 126.7156처럼 -180에서 180 사이의 숫자로 입력하거나 비워 두세요."),
])
async def test_a_pin_half_given_or_out_of_range_is_refused_with_a_clear_message(client, sign_in_staff, fields, wrong, message) -> None:
    response = await made(client, sign_in_staff, **fields)

    assert response.status_code == 422
    assert present(html(response).select_one(f"#error-{wrong}")).get_text(strip=True).endswith(message)
    assert await Company.count() == 0


async def test_the_list_carries_the_pins_for_the_map_and_a_company_without_one_is_still_listed(client) -> None:
    await Company.insert(Company(name="핀있는기업", district="통진읍", industry="food", latitude=37.693, longitude=126.599),
                         Company(name="핀없는기업", district="통진읍", industry="food"))

    page = html(await client.get("/companies"))

    cards = {card.h4.get_text(strip=True): card for card in page.select("[data-testid=company]") if card.h4}
    assert (cards["핀있는기업"]["data-lat"], cards["핀있는기업"]["data-lng"]) == ("37.693", "126.599")
    assert not cards["핀없는기업"].has_attr("data-pin")
    box = present(page.select_one("[data-company-map]"))
    assert box.has_attr("hidden"), "without JavaScript the map is not shown"
    assert box["data-tiles"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png" and "OpenStreetMap" in box["data-attribution"]


async def test_images_may_come_from_the_tile_server_alone(client) -> None:
    policy = (await client.get("/companies")).headers["content-security-policy"]

    assert "img-src 'self' data: https://tile.openstreetmap.org;" in policy
    assert "script-src 'self';" in policy and "connect-src 'self';" in policy


async def test_without_a_tile_server_there_is_no_map_and_no_outside_origin(settings, shared_clock) -> None:
    app = create_app(replace(settings, map=MapSettings(tile_url="")), clock=shared_clock)
    async with InLoopClient(app, base_url="http://testserver.local") as client:
        response = await client.get("/companies")

    assert "img-src 'self' data:;" in response.headers["content-security-policy"]
    assert html(response).select_one("[data-company-map]") is None


def test_the_map_settings_are_read_and_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAP_TILE_URL", "https://{s}.tiles.example.kr/{z}/{x}/{y}.png")
    monkeypatch.setenv("MAP_CENTER", "35.1796, 129.0756")
    monkeypatch.setenv("MAP_ZOOM", "11")
    read = MapSettings.from_env()
    assert (read.tile_origin, read.latitude, read.longitude, read.zoom) == ("https://*.tiles.example.kr", 35.1796, 129.0756, 11)

    for name, wrong in [("MAP_TILE_URL", "javascript:alert(1)/{z}/{x}/{y}"), ("MAP_TILE_URL", "https://tiles.example.kr/"),
                        ("MAP_CENTER", "129.0756,35.1796,1"), ("MAP_CENTER", "95,129"), ("MAP_ZOOM", "30")]:
        with monkeypatch.context() as patch:
            patch.setenv(name, wrong)
            with pytest.raises(SettingsError):
                MapSettings.from_env()
