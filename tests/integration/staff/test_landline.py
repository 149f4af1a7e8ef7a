"""Issue 16: a senior who takes calls at home gives a landline at the desk; it is kept beside the
mobile number (the login id, where texts and codes go), masked for staff until revealed (audited),
correctable, and in the person's own data."""

from __future__ import annotations

import json

import pytest

from jobcenter.accounts.mobile import normalise_landline
from jobcenter.accounts.tables import Citizen
from jobcenter.audit.tables import AuditEntry
from tests.builders import a_citizen, a_cohort, a_program, a_staff_member
from tests.support import html, post_form, present

WALK_IN = {"mobile": "010-2345-6789", "name": "박순자", "birth_year": "1958", "consent": "1"}


async def a_walk_in_with_a_landline(client, sign_in_staff, landline: str = "031-980-1234"):
    cohort = await a_cohort(await a_program("어르신 스마트폰 교실", audience="senior", min_age=60))
    await sign_in_staff(await a_staff_member())
    return await post_form(client, f"/staff/rosters/{cohort.seat_pool}/add", {**WALK_IN, "landline": landline}, follow_redirects=False)


async def test_a_walk_in_record_keeps_the_landline_beside_the_mobile_number(client, sign_in_staff) -> None:
    response = await a_walk_in_with_a_landline(client, sign_in_staff)

    assert response.status_code == 303
    person = present(await Citizen.select(Citizen.id, Citizen.mobile, Citizen.landline).where(Citizen.name == "박순자").first())
    assert (person["mobile"], person["landline"]) == ("01023456789", "0319801234")
    page = html(await client.get(f"/staff/citizens/{person['id']}"))
    assert present(page.select_one("#citizen-landline [data-testid=mobile-number]")).get_text(strip=True) == "031-***-1234"
    assert "031-980-1234" not in page.get_text()


async def test_a_mobile_number_or_a_wrong_landline_is_refused_in_the_landline_field(client, sign_in_staff) -> None:
    response = await a_walk_in_with_a_landline(client, sign_in_staff, landline="010-9999-8888")

    assert response.status_code == 422
    assert "031-980-1234" in present(html(response).select_one("#error-landline")).get_text()
    assert await Citizen.count() == 0


async def test_revealing_the_landline_shows_it_and_is_audited(client, sign_in_staff) -> None:
    await a_walk_in_with_a_landline(client, sign_in_staff)
    person = present(await Citizen.select(Citizen.id).where(Citizen.name == "박순자").first())

    fragment = await post_form(client, f"/staff/citizens/{person['id']}/reveal?number=landline", {}, headers={"HX-Request": "true"})

    assert present(html(fragment).select_one("#citizen-landline a[href='tel:0319801234']")).get_text(strip=True) == "031-980-1234"
    assert await AuditEntry.count().where(AuditEntry.action == "citizen.reveal", AuditEntry.citizen_id == person["id"]) == 1


async def test_staff_correct_and_remove_a_landline_and_the_log_keeps_it_masked(client, sign_in_staff) -> None:
    person = await a_citizen("김영희", mobile="01055556666", birth_year=1950)
    await sign_in_staff(await a_staff_member())
    edit = f"/staff/citizens/{person.id}/edit"
    details = {"name": "김영희", "birth_year": "1950", "email": "", "mobile": ""}

    await post_form(client, edit, {**details, "landline": "02 1234 5678"})
    await post_form(client, edit, {**details, "landline": "", "name": "김영희"})  # an empty field keeps it
    assert present(await Citizen.select(Citizen.landline).where(Citizen.id == person.id).first())["landline"] == "0212345678"
    assert "02-****-5678" in present(html(await client.get(edit)).select_one("#hint-landline")).get_text()
    await post_form(client, edit, {**details, "remove_landline": "1"})

    assert present(await Citizen.select(Citizen.landline).where(Citizen.id == person.id).first())["landline"] is None
    logged = json.dumps(await AuditEntry.select(AuditEntry.before, AuditEntry.after).where(AuditEntry.action == "citizen.correct"))
    assert "02-****-5678" in logged and "12345678" not in logged


async def test_the_person_sees_their_landline_and_downloads_it(client, sign_in) -> None:
    person = await a_citizen("김영희", landline="0319801234")
    await sign_in(person)

    assert present(html(await client.get("/me")).select_one("[data-testid=landline]")).get_text(strip=True) == "031-980-1234"
    assert (await client.get("/me/export.json")).json()["account"]["landline"] == "0319801234"


@pytest.mark.parametrize(("typed", "stored"), [
    ("031-980-1234", "0319801234"), ("(02) 1234-5678", "0212345678"), ("+82 31-980-1234", "0319801234"), ("070-1234-5678", "07012345678"),
    ("０３１－９８０－１２３４", "0319801234"), ("010-1234-5678", None), ("1588-0000", None), ("031-980-12345678", None),
    ("0" * 30, None), ("031\x00980\x001234", "0319801234"), ("", None), ("٠٣١٩٨٠١٢٣٤", None),
])
def test_a_landline_is_read_however_it_is_typed(typed: str, stored: str | None) -> None:
    assert normalise_landline(typed) == stored


async def test_a_landline_typed_for_a_number_with_an_account_is_refused_not_dropped(client, sign_in_staff) -> None:
    await a_citizen("박순자", mobile="01023456789", birth_year=1958)

    response = await a_walk_in_with_a_landline(client, sign_in_staff)

    assert response.status_code == 422
    assert "시민" in present(html(response).select_one("#error-landline")).get_text()
    assert present(await Citizen.select(Citizen.landline).where(Citizen.mobile == "01023456789").first())["landline"] is None
