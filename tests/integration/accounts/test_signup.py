"""Creating an account: consent first, every field checked, nothing stored on a mistake."""

from __future__ import annotations

from jobcenter.accounts.tables import Citizen, WebSession
from tests.builders import NOON_SEOUL
from tests.support import html, post_form, present

GOOD = {
    "consent_required": "1",
    "name": "김포시민",
    "mobile": "010-2345-6789",
    "password": "한강 신도시 2026!",
    "password_again": "한강 신도시 2026!",
    "birth_year": "1968",
    "email": "",
}


async def test_signing_up_stores_the_consent_and_signs_in(client) -> None:
    response = await post_form(client, "/signup", {**GOOD, "next": "/programs"}, follow_redirects=False)

    assert response.status_code == 303
    assert response.headers["location"] == "/programs"
    citizen = present(await Citizen.select().where(Citizen.mobile == "01023456789").first())
    assert citizen["name"] == "김포시민" and citizen["birth_year"] == 1968
    assert citizen["consent_version"] == "2026-11" and citizen["consented_at"] == NOON_SEOUL
    assert citizen["notices_consented_at"] is None, "the optional consent was not ticked"
    assert citizen["password_hash"].startswith("$argon2id$")
    assert "sid" in response.cookies
    assert await WebSession.count().where(WebSession.citizen == citizen["id"]) == 1


async def test_the_optional_consent_is_stored_when_ticked(client) -> None:
    await post_form(client, "/signup", {**GOOD, "consent_notices": "1"})

    citizen = present(await Citizen.select().first())
    assert citizen["notices_consented_at"] == NOON_SEOUL


async def test_the_consent_notice_comes_first_with_unticked_separate_boxes(client) -> None:
    soup = html(await client.get("/signup"))

    form = present(soup.select_one("form[data-testid=signup-form]"))
    consent = present(form.select_one(".consent"))
    assert consent.find_next("input", attrs={"name": "name"}) is not None, "consent comes before the fields"
    text = consent.get_text(" ", strip=True)
    for words in ("수집·이용 목적", "수집 항목", "보유·이용 기간", "동의를 거부할 권리"):
        assert words in text
    boxes = consent.select("input[type=checkbox]")
    assert [box["name"] for box in boxes] == ["consent_required", "consent_notices"]
    assert not any(box.has_attr("checked") for box in boxes)
    assert not form.select("input[name*=resident], input[name*=rrn], input[name*=jumin]")


async def test_mistakes_come_back_with_a_summary_messages_by_the_fields_and_values_kept(client) -> None:
    response = await post_form(
        client,
        "/signup",
        {"name": "김포시민", "mobile": "02-123-4567", "password": "12345678", "password_again": "12345678", "birth_year": "19"},
    )

    assert response.status_code == 422
    soup = html(response)
    assert present(soup.title).get_text().startswith("오류:")
    summary_links = [a["href"] for a in soup.select("[data-testid=error-summary] a")]
    assert summary_links == ["#field-mobile", "#field-password", "#field-birth_year", "#field-consent_required"]
    mobile = present(soup.select_one("#field-mobile"))
    assert mobile["aria-invalid"] == "true" and mobile["value"] == "02-123-4567"
    assert "error-mobile" in mobile["aria-describedby"]
    assert present(soup.select_one("#error-mobile")).get_text(" ", strip=True) == "오류: 010-1234-5678과 같은 휴대전화 번호를 입력하세요."
    assert present(soup.select_one("#field-name"))["value"] == "김포시민"
    assert not present(soup.select_one("#field-password")).has_attr("value")
    assert await Citizen.count() == 0


async def test_under_14s_are_refused_with_a_clear_reason(client) -> None:
    response = await post_form(client, "/signup", {**GOOD, "birth_year": "2012"})

    assert response.status_code == 422
    assert "보호자" in present(html(response).select_one("#error-birth_year")).get_text()
    assert await Citizen.count() == 0


async def test_any_common_way_of_typing_the_number_is_one_account(client) -> None:
    await post_form(client, "/signup", {**GOOD, "mobile": "+82 10 2345 6789"})
    client.cookies.clear()

    again = await post_form(client, "/signup", {**GOOD, "mobile": "010.2345.6789"})

    assert again.status_code == 422
    assert "이미 가입된" in present(html(again).select_one("#error-mobile")).get_text()
    assert await Citizen.select(Citizen.mobile) == [{"mobile": "01023456789"}]


async def test_weak_passwords_are_refused(client) -> None:
    for weak in ("qwer1234", "aaaaaaaaaa", "23456789ab", "짧은암호"):
        response = await post_form(client, "/signup", {**GOOD, "password": weak, "password_again": weak})
        assert response.status_code == 422, weak
        assert html(response).select_one("#error-password") is not None, weak


async def test_a_signup_without_the_csrf_token_is_refused_and_stores_nothing(client) -> None:
    await client.get("/signup")

    response = await client.post("/signup", data=GOOD)

    assert response.status_code == 403
    assert await Citizen.count() == 0


async def test_extra_fields_are_ignored(client) -> None:
    await post_form(client, "/signup", {**GOOD, "id": "999", "consent_version": "forged", "password_hash": "x"})

    citizen = present(await Citizen.select().first())
    assert citizen["id"] != 999 and citizen["consent_version"] == "2026-11"
    assert citizen["password_hash"].startswith("$argon2id$")


async def test_a_name_with_a_control_character_is_refused_in_korean_and_nothing_is_stored(client) -> None:
    response = await post_form(client, "/signup", {**GOOD, "name": "김포\x00시민"})

    assert response.status_code == 422
    assert "입력할 수 없는 문자" in present(html(response).select_one("#error-name")).get_text()
    assert await Citizen.count() == 0
