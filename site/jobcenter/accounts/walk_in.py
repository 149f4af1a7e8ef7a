"""People who apply without signing up online: by phone or at the desk (staff type it in) or at
the lobby kiosk. The number finds their account when they have one; otherwise a minimal record is
made (name, mobile number, year of birth, and a landline for calls when staff were given one) with
the consent they gave by voice or on the kiosk."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from jobcenter.accounts.mobile import normalise_mobile
from jobcenter.accounts.service import CONSENT_VERSION, read_birth_year, read_landline, read_mobile, read_name
from jobcenter.accounts.tables import Citizen
from jobcenter.db import UNIQUE_VIOLATIONS
from jobcenter.i18n import N_, Filled
from jobcenter.web.form_input import FormInvalid, FormReader

NO_PASSWORD = ""
"""A record made for someone else has no password: its owner claims it by signing up with a code
to the number (signup.py), or logs in by a code."""
FIELDS = ["mobile", "name", "birth_year", "landline", "consent"]
"""The fields in the order staff ask for them (the number first: it may find the account)."""


@dataclass(frozen=True)
class WalkIn:
    """What staff or the kiosk typed in, as typed; `account`: the account staff were shown for the
    number and said is the person's (see AccountToConfirm)."""

    name: str
    mobile: str
    birth_year: str
    consent: bool
    account: str = ""
    landline: str = ""


class AccountToConfirm(Exception):
    """Staff typed a number that has an account, without the account's name and year of birth:
    they see both and confirm before a seat is added to it (a wrong digit finds a stranger)."""

    def __init__(self, account: dict[str, Any]) -> None:
        super().__init__(account["id"])
        self.account = account


async def find_by_mobile(typed: str) -> dict[str, Any] | None:
    """The account with this mobile number, however it was typed; None when there is none."""
    mobile = normalise_mobile(typed)
    if mobile is None:
        return None
    return await Citizen.select(Citizen.id, Citizen.name, Citizen.mobile, Citizen.birth_year).where(
        Citizen.mobile == mobile
    ).first()


def read_walk_in(person: WalkIn, now: datetime) -> tuple[str, str, int, str | None]:
    """The name, mobile number (as stored), year of birth and landline (or None) typed, every one
    checked and the consent given; FormInvalid with every problem otherwise. Nothing is looked up."""
    form = FormReader({"name": person.name, "mobile": person.mobile, "birth_year": person.birth_year, "landline": person.landline},
                      order=FIELDS)
    mobile = read_mobile(form, missing=N_("Enter the mobile number."))
    name = read_name(form)
    birth_year = read_birth_year(form, now)
    landline = read_landline(form)
    if not person.consent:
        form.fail("consent", N_("Without consent to the collection and use of personal data, the application cannot be taken."))
    form.check()
    assert mobile is not None and birth_year is not None, "the readers noted a problem otherwise"
    return name, mobile, birth_year, landline


LANDLINE_ON_ACCOUNT = N_("This mobile number already has an account: add its landline on the person's page in Citizens. Leave this empty to apply.")
NAME_MISMATCH = N_("The account with this number is in another name (%(name)s). Check the number with the person; "
                   "if it is theirs, leave the name empty.")


async def find_or_register(
    person: WalkIn, *, now: datetime, consent_taken_by: str, name_must_match: bool = False
) -> tuple[dict[str, Any], bool]:
    """The person's account and whether it was made just now. An existing account is used as it is
    (the application joins it); a new record needs the person's consent, and `consent_taken_by`
    (a staff member's name, or the kiosk's) is stored with it. FormInvalid, nothing written, otherwise.
    With `name_must_match` (staff typing what a caller says, where a wrong digit finds a stranger),
    a name typed that is not the account's is refused, the account's name shown masked; and unless
    both the name and the year of birth typed are the account's, or staff confirmed the account
    shown (`person.account`), AccountToConfirm shows it first."""
    existing = await find_by_mobile(person.mobile)
    if existing is not None:
        if person.landline.strip():  # an account's details are corrected on its own page, audited
            raise FormInvalid({"landline": LANDLINE_ON_ACCOUNT})
        typed = "".join(person.name.split())
        if name_must_match and typed and typed != "".join(existing["name"].split()):
            raise FormInvalid({"name": Filled(NAME_MISMATCH, name=_masked(existing["name"]))})
        known = typed and person.birth_year.strip() == str(existing["birth_year"])
        if name_must_match and not known and person.account != str(existing["id"]):
            raise AccountToConfirm(existing)
        return existing, False
    name, mobile, birth_year, landline = read_walk_in(person, now)
    try:
        (row,) = await Citizen.insert(
            Citizen(
                name=name,
                mobile=mobile,
                landline=landline,
                password_hash=NO_PASSWORD,
                birth_year=birth_year,
                consent_version=CONSENT_VERSION,
                consented_at=now,
                consent_taken_by=consent_taken_by[:50],
                last_active_at=now,
                created_at=now,
                updated_at=now,
            )
        ).returning(Citizen.id)
    except UNIQUE_VIOLATIONS:
        # The same new number was registered a moment ago (a double tap, two desks at once): use it.
        existing = await find_by_mobile(mobile)
        if existing is None:
            raise
        return existing, False
    return {"id": row["id"], "name": name, "mobile": mobile, "birth_year": birth_year}, True


def _masked(name: str) -> str:
    """김순자 -> 김*자, 이훈 -> 이*: enough for staff to ask "is it ...?", not to read it out."""
    if len(name) <= 2:
        return name[:1] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]
