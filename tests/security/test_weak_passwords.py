"""Issue 12, item 7: passwords that a guesser tries first are refused, with a Korean message that
says what to do instead; passphrases people remember are taken."""

from __future__ import annotations

import pytest

from jobcenter.accounts.password_strength import typed_keys
from jobcenter.accounts.tables import Citizen
from tests.support import html, post_form, present, signed_up

ADVICE = "짐작하기 쉬운 비밀번호입니다. 기억하기 쉬운 낱말 서너 개를 띄어 쓰고 숫자를 더해 만들어 보세요."


def _sign_up(password: str, name: str = "홍길동") -> dict[str, str]:
    return {"name": name, "mobile": "010-2345-6789", "password": password, "password_again": password,
            "birth_year": "1970", "consent_required": "1"}


@pytest.mark.parametrize("password", [
    "password123", "qwerty12", "1234567a", "asdfasdf", "iloveyou1",  # the probe's five
    "qwer1234", "ㅂㅈㄷㄱ1234", "1q2w3e4r!", "사랑해요1234", "tkfkdgo1234", "안녕하세요123", "gimpo2026!", "바다 연필 초록 1987",
])
async def test_a_password_easy_to_guess_is_refused_at_sign_up_and_nothing_is_stored(client, password: str) -> None:
    response = await post_form(client, "/signup", _sign_up(password))

    assert response.status_code == 422
    assert ADVICE in present(html(response).select_one("#error-password")).get_text()
    assert await Citizen.count() == 0


@pytest.mark.parametrize("password", ["김포 한강 2026 봄날", "counter-desk-2026", "correct horse battery", "새 비밀번호는 길게 2027"])
async def test_a_passphrase_people_remember_is_taken(client, password: str) -> None:
    response = await signed_up(client, _sign_up(password))

    assert response.status_code == 303
    assert await Citizen.count() == 1


def test_hangul_is_read_as_the_keys_that_type_it() -> None:
    assert typed_keys("김포 한강") == "rlavh gksrkd"
    assert typed_keys("ㅂㅈㄷㄱ") == "qwer"
    assert typed_keys("괜찮아요 2026!") == "rhoscksgdkdy 2026!"
