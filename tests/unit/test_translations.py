"""Every user-visible msgid has a Korean translation (Korean is the default language)."""

from __future__ import annotations

from babel.messages.catalog import Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from jobcenter.i18n import TRANSLATIONS_DIR
from jobcenter.settings import PROJECT_ROOT

KOREAN_CATALOG = TRANSLATIONS_DIR / "ko" / "LC_MESSAGES" / "messages.po"


def _extracted_msgids() -> set[str]:
    """What `make messages` would extract from the code and the templates, as Babel sees it."""
    with (PROJECT_ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    msgids: set[str] = set()
    for _, _, message, _, _ in extract_from_dir(
        str(PROJECT_ROOT), method_map, options_map, keywords={"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
    ):
        msgids.add(message if isinstance(message, str) else message[0])
    return msgids


def _korean() -> dict[str, Message]:
    with KOREAN_CATALOG.open("rb") as source:
        catalog = read_po(source, locale="ko")
    return {(m.id if isinstance(m.id, str) else m.id[0]): m for m in catalog if m.id}


def test_the_extraction_finds_the_site_strings() -> None:
    msgids = _extracted_msgids()

    assert "Programs" in msgids and "Page not found" in msgids and "Youth" in msgids


def test_every_msgid_has_a_korean_translation() -> None:
    korean = _korean()

    missing = sorted(msgid for msgid in _extracted_msgids() if msgid not in korean or not _translated(korean[msgid]))

    assert missing == [], "run `make messages` and translate these in messages.po"


def test_no_korean_translation_is_fuzzy() -> None:
    assert [msgid for msgid, message in _korean().items() if message.fuzzy] == []


def _translated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(s.strip() for s in strings)
