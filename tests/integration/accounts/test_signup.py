"""Creating an account: consent first, every field checked, nothing stored on a mistake, and the
account made only once the code texted to the number is entered. Login by a code."""

from __future__ import annotations

import contextlib
import json
from datetime import timedelta

from jobcenter.accounts.service import TooManyAttempts, authenticate
from jobcenter.accounts.tables import Citizen, PhoneCode, WebSession
from jobcenter.accounts.walk_in import WalkIn, find_or_register
from jobcenter.notifications.senders import ConsoleSender
from jobcenter.notifications.tables import OutboxMessage
from jobcenter.notifications.worker import deliver_due
from jobcenter.settings import Settings
from jobcenter.signups import service
from jobcenter.signups.tables import Application
from jobcenter.web.form_input import FormInvalid
from tests.builders import NOON_SEOUL, a_cohort, a_program
from tests.support import html, post_form, present, signed_up, texted_code

GOOD = {
    "consent_required": "1",
    "name": "김포시민",
    "mobile": "010-2345-6789",
    "password": "한강 신도시 2026!",
    "password_again": "한강 신도시 2026!",
    "birth_year": "1968",
    "email": "",
}


async def authenticate_or_fail(mobile: str, settings: Settings) -> None:
    """Someone elsewhere tries a wrong password for the number."""
    with contextlib.suppress(FormInvalid, TooManyAttempts):
        await authenticate(mobile, "wrong password!", "203.0.113.9", NOON_SEOUL, settings.limits)


async def test_the_account_is_made_only_once_the_code_texted_to_the_number_is_entered(client) -> None:
    asked = await post_form(client, "/signup", {**GOOD, "next": "/programs"}, follow_redirects=False)

    assert asked.status_code == 303 and asked.headers["location"] == "/signup/code?next=%2Fprograms"
    assert await Citizen.count() == 0, "nothing is stored before the number is proved"
    page = html(await client.get(asked.headers["location"]))
    assert "010-****-6789(으)로 인증번호를 보냈습니다" in present(page.select_one("[data-testid=code-sent]")).get_text()

    response = await post_form(client, "/signup/code", {"code": await texted_code("01023456789"), "next": "/programs"},
                               follow_redirects=False)

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
    await signed_up(client, {**GOOD, "consent_notices": "1"})

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


async def test_a_registered_number_gets_the_same_answer_and_its_code_logs_its_owner_in_changing_nothing(client) -> None:
    await signed_up(client, {**GOOD, "mobile": "+82 10 2345 6789"})
    client.cookies.clear()
    stranger = await post_form(client, "/signup", {**GOOD, "mobile": "010-9999-8888"}, follow_redirects=False)
    client.cookies.clear()

    again = await post_form(client, "/signup", {**GOOD, "name": "다른 이름", "mobile": "010.2345.6789"}, follow_redirects=False)

    assert (again.status_code, again.headers["location"]) == (stranger.status_code, stranger.headers["location"]) == (303, "/signup/code")
    entered = await post_form(client, "/signup/code", {"code": await texted_code("01023456789")}, follow_redirects=False)
    assert entered.headers["location"] == "/me/applications?done=account_existing"
    assert await Citizen.select(Citizen.mobile, Citizen.name) == [{"mobile": "01023456789", "name": "김포시민"}]


async def test_the_owner_of_a_number_claims_the_record_made_at_the_desk_with_its_applications(client) -> None:
    walk_in, _ = await find_or_register(WalkIn(name="김포 시민", mobile="01023456789", birth_year="1968", consent=True),
                                        now=NOON_SEOUL, consent_taken_by="이상담")
    cohort = await a_cohort(await a_program())
    await service.take_seat(pool_id=cohort.seat_pool, citizen_id=walk_in["id"], now=NOON_SEOUL, language="ko", zone="Asia/Seoul")

    entered = await signed_up(client, GOOD)

    assert entered.headers["location"] == "/me/applications?done=account_claimed"
    citizen = present(await Citizen.select().where(Citizen.mobile == "01023456789").first())
    assert (citizen["id"], citizen["name"], citizen["consent_taken_by"]) == (walk_in["id"], "김포시민", None)
    assert citizen["password_hash"].startswith("$argon2id$")
    assert await Application.count().where(Application.citizen == walk_in["id"]) == 1
    page = await client.get("/me/applications?done=account_claimed")
    assert "센터나 키오스크에서 접수한 신청 내역도 이 계정에 들어 있습니다." in present(html(page).select_one("[data-testid=flash]")).get_text()


async def test_a_wrong_code_is_refused_and_the_fifth_ends_the_code(client) -> None:
    await post_form(client, "/signup", GOOD)
    code = await texted_code("01023456789")
    wrong = "000000" if code != "000000" else "111111"

    first = await post_form(client, "/signup/code", {"code": wrong})
    assert first.status_code == 422
    assert "인증번호가 맞지 않습니다" in present(html(first).select_one("#error-code")).get_text()
    for _ in range(4):
        await post_form(client, "/signup/code", {"code": wrong})

    last = await post_form(client, "/signup/code", {"code": code})
    assert last.status_code == 422 and "만료되었거나" in last.text
    assert await Citizen.count() == 0


async def test_a_code_lasts_five_minutes_and_full_width_digits_count(client, clock) -> None:
    await post_form(client, "/signup", GOOD)
    code = await texted_code("01023456789")
    full_width = "".join(chr(ord(digit) + 0xFEE0) for digit in code)
    clock.now = NOON_SEOUL + timedelta(minutes=5, seconds=1)

    late = await post_form(client, "/signup/code", {"code": full_width})
    assert late.status_code == 422 and await Citizen.count() == 0

    client.cookies.clear()
    await post_form(client, "/signup", GOOD)
    on_time = await post_form(client, "/signup/code", {"code": " ".join(
        chr(ord(digit) + 0xFEE0) for digit in await texted_code("01023456789"))}, follow_redirects=False)
    assert on_time.status_code == 303 and await Citizen.count() == 1


async def test_a_new_code_comes_after_a_minute_and_the_old_one_stops_working(client, clock) -> None:
    await post_form(client, "/signup", GOOD)
    old = await texted_code("01023456789")

    early = await post_form(client, "/signup/code/again", {})
    assert early.status_code == 429 and early.headers["retry-after"] == "60"
    assert "60초 뒤에" in present(html(early).select_one("#error-code")).get_text()

    clock.now = NOON_SEOUL + timedelta(seconds=61)
    await post_form(client, "/signup/code/again", {})
    new = await texted_code("01023456789")
    if new != old:
        assert (await post_form(client, "/signup/code", {"code": old})).status_code == 422
    assert (await post_form(client, "/signup/code", {"code": new}, follow_redirects=False)).status_code == 303


async def test_codes_to_one_number_are_limited_with_a_korean_message_and_retry_after(client) -> None:
    for _ in range(5):
        client.cookies.clear()
        assert (await post_form(client, "/signup", GOOD, follow_redirects=False)).status_code == 303

    refused = await post_form(client, "/signup", GOOD)

    assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 0
    assert await OutboxMessage.count().where(OutboxMessage.kind == "code") == 5


async def test_neither_the_code_nor_the_ticket_is_stored_and_a_sent_code_leaves_no_copy(client) -> None:
    await post_form(client, "/signup", GOOD)
    code = await texted_code("01023456789")
    ticket = client.cookies["code_ticket"]

    row = present(await PhoneCode.select().first())
    assert code not in json.dumps(row, default=str) and ticket not in json.dumps(row, default=str)
    await deliver_due(ConsoleSender(production=False), NOON_SEOUL)
    assert present(await OutboxMessage.select(OutboxMessage.body).where(OutboxMessage.kind == "code").first())["body"] == ""


async def test_a_code_logs_in_while_someone_else_tries_wrong_passwords(client, settings: Settings) -> None:
    await signed_up(client, GOOD)
    client.cookies.clear()
    for _ in range(8):
        await authenticate_or_fail("01023456789", settings)

    asked = await post_form(client, "/login/code", {"mobile": "010-2345-6789", "next": "/me"}, follow_redirects=False)
    assert asked.headers["location"] == "/login/code/enter?next=%2Fme"
    entered = await post_form(client, "/login/code/enter", {"code": await texted_code("01023456789"), "next": "/me"},
                              follow_redirects=False)

    assert entered.status_code == 303 and entered.headers["location"] == "/me"
    assert (await client.get("/me")).status_code == 200


async def test_a_code_login_to_an_unknown_number_says_the_same_and_texts_nothing(client) -> None:
    asked = await post_form(client, "/login/code", {"mobile": "010-2345-6789"}, follow_redirects=False)

    assert asked.headers["location"] == "/login/code/enter"
    page = html(await client.get("/login/code/enter"))
    assert "010-****-6789(으)로 인증번호를 보냈습니다" in present(page.select_one("[data-testid=code-sent]")).get_text()
    assert await OutboxMessage.count() == 0


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
    await signed_up(client, {**GOOD, "id": "999", "consent_version": "forged", "password_hash": "x"})

    citizen = present(await Citizen.select().first())
    assert citizen["id"] != 999 and citizen["consent_version"] == "2026-11"
    assert citizen["password_hash"].startswith("$argon2id$")


async def test_a_name_with_a_control_character_is_refused_in_korean_and_nothing_is_stored(client) -> None:
    response = await post_form(client, "/signup", {**GOOD, "name": "김포\x00시민"})

    assert response.status_code == 422
    assert "입력할 수 없는 문자" in present(html(response).select_one("#error-name")).get_text()
    assert await Citizen.count() == 0
