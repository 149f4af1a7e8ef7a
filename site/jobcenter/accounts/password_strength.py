"""How easy a new password is to guess: zxcvbn's estimate (keyboard patterns, sequences, repeats,
dates, common passwords and words), asked twice: for the password as typed, and for the keys a
Korean keyboard (두벌식) takes to type it, so 'ㅂㅈㄷㄱ1234' is seen as the 'qwer1234' it is and
'사랑해1234' as 'tkfkdgo1234'. Korean words people use in passwords are given to zxcvbn in
their key form too."""

from __future__ import annotations

from zxcvbn import zxcvbn

MIN_SCORE = 3
"""zxcvbn's scale: 0 too guessable ... 4 very unguessable; 3 is safely unguessable online."""
MEASURED_LENGTH = 100
"""zxcvbn's time grows with the length; a longer password is measured by its first 100 characters."""
KOREAN_WORDS = (
    "사랑해", "사랑해요", "비밀번호", "안녕", "안녕하세요", "대한민국", "김포", "김포시", "한강", "일자리", "일자리센터",
    "행복", "우리집", "우리가족", "하나님", "감사합니다", "화이팅", "파이팅", "아이러브유", "고양이", "강아지",
)

_CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JUNGSEONG = ["ㅏ", "ㅐ", "ㅑ", "ㅒ", "ㅓ", "ㅔ", "ㅕ", "ㅖ", "ㅗ", "ㅗㅏ", "ㅗㅐ", "ㅗㅣ", "ㅛ", "ㅜ", "ㅜㅓ", "ㅜㅔ", "ㅜㅣ", "ㅠ", "ㅡ", "ㅡㅣ", "ㅣ"]
_JONGSEONG = ["", "ㄱ", "ㄲ", "ㄱㅅ", "ㄴ", "ㄴㅈ", "ㄴㅎ", "ㄷ", "ㄹ", "ㄹㄱ", "ㄹㅁ", "ㄹㅂ", "ㄹㅅ", "ㄹㅌ", "ㄹㅍ", "ㄹㅎ",
              "ㅁ", "ㅂ", "ㅂㅅ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]
_COMPOUND_JAMO = {"ㅘ": "ㅗㅏ", "ㅙ": "ㅗㅐ", "ㅚ": "ㅗㅣ", "ㅝ": "ㅜㅓ", "ㅞ": "ㅜㅔ", "ㅟ": "ㅜㅣ", "ㅢ": "ㅡㅣ",
                  "ㄳ": "ㄱㅅ", "ㄵ": "ㄴㅈ", "ㄶ": "ㄴㅎ", "ㄺ": "ㄹㄱ", "ㄻ": "ㄹㅁ", "ㄼ": "ㄹㅂ", "ㄽ": "ㄹㅅ", "ㄾ": "ㄹㅌ",
                  "ㄿ": "ㄹㅍ", "ㅀ": "ㄹㅎ", "ㅄ": "ㅂㅅ"}
_KEYS = dict(zip("ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔㅁㄴㅇㄹㅎㅗㅓㅏㅣㅋㅌㅊㅍㅠㅜㅡㅃㅉㄸㄲㅆㅒㅖ", "qwertyuiopasdfghjklzxcvbnmQWERTOP", strict=True))
_FIRST_SYLLABLE, _LAST_SYLLABLE = 0xAC00, 0xD7A3


def typed_keys(text: str) -> str:
    """The keys a 두벌식 keyboard takes to type `text`: 김포 -> rlavh; anything else stays as it is."""
    keys = []
    for ch in text:
        code = ord(ch)
        if _FIRST_SYLLABLE <= code <= _LAST_SYLLABLE:
            index = code - _FIRST_SYLLABLE
            jamo = _CHOSEONG[index // 588] + _JUNGSEONG[index % 588 // 28] + _JONGSEONG[index % 28]
        else:
            jamo = _COMPOUND_JAMO.get(ch, ch)
        keys.append("".join(_KEYS.get(part, part) for part in jamo))
    return "".join(keys)


SITE_WORDS = ("gimpo", "jobcenter", "gimpojob", "ilijari")
_KOREAN_HINTS = [*(typed_keys(word) for word in KOREAN_WORDS), *SITE_WORDS]


def too_easy(password: str) -> bool:
    """Whether zxcvbn finds the password, as typed or as keys, easy to guess."""
    measured = password[:MEASURED_LENGTH]
    return any(zxcvbn(candidate, user_inputs=_KOREAN_HINTS)["score"] < MIN_SCORE for candidate in {measured, typed_keys(measured)})
