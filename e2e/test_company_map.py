"""Issue 17: the company directory's map. A job seeker opens the map of the companies listed (Leaflet
from the site, tiles from the tile server asked with the site's origin alone); the pins follow a
filter change; a pin leads to the company. A counsellor places a company's pin by clicking the map.
Without JavaScript there is no map and the list is the page; axe finds nothing with the map open."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

TILES = "https://tile.openstreetmap.org/"


def test_a_job_seeker_opens_the_map_of_the_companies_listed_and_follows_a_pin(page: Page, base_url: str, assert_accessible) -> None:
    referers: list[str | None] = []
    page.on("request", lambda request: referers.append(request.headers.get("referer")) if request.url.startswith(TILES) else None)
    page.goto("/companies?district=고촌읍")
    pinned = page.locator("[data-testid=company][data-pin]")
    expect(pinned.first).to_be_visible()
    show = page.get_by_role("button", name="지도에서 보기")

    show.click()

    expect(page.get_by_role("region", name="목록의 기업 위치 지도")).to_be_visible()
    expect(page.get_by_role("button", name="지도 닫기")).to_have_attribute("aria-expanded", "true")
    markers = page.locator(".leaflet-marker-icon")
    expect(markers).to_have_count(pinned.count())
    expect(page.locator(".leaflet-control-attribution")).to_contain_text("OpenStreetMap")
    assert referers and set(referers) == {base_url + "/"}, "tiles are asked with the site's origin, never the page's address"
    assert_accessible(page)

    page.get_by_label("읍·면·동").select_option("통진읍")
    expect(page.locator(".company-district")).to_have_text(["통진읍"])
    expect(markers).to_have_count(page.locator("[data-testid=company][data-pin]").count())
    expect(markers.first).to_be_visible()

    page.get_by_role("button", name="한강정밀").click()
    page.locator(".leaflet-popup").get_by_role("link", name="한강정밀").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("한강정밀")
    page.get_by_role("button", name="지도에서 보기").click()
    expect(page.get_by_role("region", name="한강정밀 위치")).to_be_visible()
    expect(page.locator(".leaflet-marker-icon")).to_have_count(1)
    assert_accessible(page)


def test_without_javascript_there_is_no_map_and_the_list_is_the_page(no_js_page: Page) -> None:
    no_js_page.goto("/companies?district=고촌읍")

    expect(no_js_page.get_by_test_id("company").first).to_be_visible()
    expect(no_js_page.get_by_role("button", name="지도에서 보기")).to_have_count(0)
    expect(no_js_page.get_by_role("region", name="목록의 기업 위치 지도")).to_have_count(0)


def test_a_counsellor_places_a_companys_pin_by_clicking_the_map(page: Page, staff_login, assert_accessible) -> None:
    staff_login(page)
    page.goto("/staff/companies?q=약암가구")
    page.get_by_role("link", name="약암가구").click()
    page.get_by_role("link", name="기업 정보 고치기").click()
    canvas = page.get_by_role("region", name="기업 위치를 지정하는 지도")
    expect(canvas.locator(".leaflet-tile-loaded").first).to_be_attached()
    assert_accessible(page)

    canvas.click(position={"x": 120, "y": 90})

    expect(page.get_by_label("위도")).to_have_value(re.compile(r"^37\.\d{6}$"))
    expect(page.get_by_label("경도")).to_have_value(re.compile(r"^126\.\d{6}$"))
    expect(canvas.locator(".leaflet-marker-icon")).to_have_count(1)
    latitude = page.get_by_label("위도").input_value()
    page.get_by_role("button", name="저장").click()
    expect(page.get_by_test_id("flash")).to_have_text("저장했습니다.")

    page.get_by_role("link", name="시민 화면으로 보기").click()
    expect(page.locator("[data-pin]")).to_have_attribute("data-lat", str(float(latitude)))
