"""Changing one's login number in 내 정보: a code to the new number first, and the number changes
only with it; a number someone else holds is refused once the phone is proved."""

from __future__ import annotations

from jobcenter.accounts.tables import Citizen
from jobcenter.notifications.tables import OutboxMessage
from tests.builders import a_citizen
from tests.support import html, post_form, present, texted_code


async def _number_of(citizen_id: int) -> str:
    return present(await Citizen.select(Citizen.mobile).where(Citizen.id == citizen_id).first())["mobile"]


async def test_the_number_changes_only_once_the_code_texted_to_the_new_number_is_entered(client, sign_in) -> None:
    citizen = await a_citizen("김포시민", mobile="01023456789")
    await sign_in(citizen)

    asked = await post_form(client, "/me/mobile", {"mobile": "010-9876-5432"}, follow_redirects=False)

    assert asked.status_code == 303 and asked.headers["location"] == "/me/mobile/code"
    assert await _number_of(citizen.id) == "01023456789"
    page = html(await client.get("/me/mobile/code"))
    assert "010-****-5432" in present(page.select_one("[data-testid=code-sent]")).get_text()
    assert await OutboxMessage.count().where(OutboxMessage.kind == "code", OutboxMessage.mobile == "01098765432") == 1

    entered = await post_form(client, "/me/mobile/code", {"code": await texted_code("01098765432")}, follow_redirects=False)

    assert entered.status_code == 303 and entered.headers["location"] == "/me?done=mobile_changed"
    assert await _number_of(citizen.id) == "01098765432"
    shown = html(await client.get(entered.headers["location"]))
    assert "새 번호로 로그인하세요" in present(shown.select_one("[data-testid=flash]")).get_text()
    assert "010-9876-5432" in present(shown.select_one("[data-testid=held]")).get_text()


async def test_a_wrong_code_changes_nothing(client, sign_in) -> None:
    citizen = await a_citizen("김포시민", mobile="01023456789")
    await sign_in(citizen)
    await post_form(client, "/me/mobile", {"mobile": "010-9876-5432"})
    right = await texted_code("01098765432")

    wrong = await post_form(client, "/me/mobile/code", {"code": "000000" if right != "000000" else "111111"})

    assert wrong.status_code == 422
    assert "인증번호가 맞지 않습니다" in present(html(wrong).select_one("#error-code")).get_text()
    assert await _number_of(citizen.id) == "01023456789"


async def test_a_number_another_record_holds_is_refused_after_its_code(client, sign_in) -> None:
    citizen = await a_citizen("김포시민", mobile="01023456789")
    await a_citizen("창구 접수", mobile="01098765432")
    await sign_in(citizen)
    asked = await post_form(client, "/me/mobile", {"mobile": "010-9876-5432"}, follow_redirects=False)
    assert asked.status_code == 303, "the first step says nothing about the number"

    refused = await post_form(client, "/me/mobile/code", {"code": await texted_code("01098765432")})

    assert refused.status_code == 422
    assert "센터에 전화해" in present(html(refused).select_one("#error-mobile")).get_text()
    assert await _number_of(citizen.id) == "01023456789"


async def test_the_same_number_or_no_number_is_refused_with_nothing_sent(client, sign_in) -> None:
    await sign_in(await a_citizen("김포시민", mobile="01023456789"))

    same = await post_form(client, "/me/mobile", {"mobile": "010 2345 6789"})
    empty = await post_form(client, "/me/mobile", {"mobile": ""})

    assert (same.status_code, empty.status_code) == (422, 422)
    assert "지금 쓰고 계신 번호" in present(html(same).select_one("#error-mobile")).get_text()
    assert await OutboxMessage.count() == 0


async def test_a_code_asked_for_by_one_account_does_not_change_another(client, sign_in, app) -> None:
    first = await a_citizen("첫째", mobile="01023456789")
    second = await a_citizen("둘째", mobile="01023456780")
    await sign_in(first)
    await post_form(client, "/me/mobile", {"mobile": "010-9876-5432"})
    await sign_in(second)

    entered = await post_form(client, "/me/mobile/code", {"code": await texted_code("01098765432")})

    assert entered.status_code == 422
    assert (await _number_of(first.id), await _number_of(second.id)) == ("01023456789", "01023456780")


async def test_the_pages_are_for_signed_in_people(client) -> None:
    response = await client.get("/me/mobile", follow_redirects=False)

    assert response.status_code in (302, 303) and response.headers["location"].startswith("/login?next=")
