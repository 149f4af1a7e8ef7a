"""`python -m jobcenter.staff create-admin USERNAME NAME`: the first administrator of a new site.

The password is asked for twice without echo (or read from STAFF_PASSWORD, for scripts). The
account sets up its authenticator app at its first login."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import sys

from jobcenter.clock import system_clock
from jobcenter.i18n import gettext
from jobcenter.staff.service import create_staff
from jobcenter.staff.tables import StaffRole
from jobcenter.web.form_input import FormInvalid

CONSOLE_LANGUAGE = "en"
"""The command line answers in English (a name, not a literal, beside gettext: Babel would take a
literal first argument for a msgid)."""


def _password() -> str:
    if os.environ.get("STAFF_PASSWORD"):
        return os.environ["STAFF_PASSWORD"]
    first = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != first:
        sys.exit("The two passwords are not the same.")
    return first


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m jobcenter.staff")
    commands = parser.add_subparsers(dest="command", required=True)
    create = commands.add_parser("create-admin", help="create an administrator account")
    create.add_argument("username")
    create.add_argument("name")
    arguments = parser.parse_args(argv)
    try:
        asyncio.run(
            create_staff(
                username=arguments.username,
                name=arguments.name,
                role=StaffRole.admin.value,
                password=_password(),
                now=system_clock(),
            )
        )
    except FormInvalid as invalid:
        for field, message in invalid.errors.items():
            problem = gettext(CONSOLE_LANGUAGE, message)
            print(f"{field}: {problem}", file=sys.stderr)
        return 1
    print(f"Administrator {arguments.username} created. Log in at /staff/login and set up the authenticator app.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
