"""The demo back-office accounts, printed by `make run` so the back office can be tried at once.
Never in production: the demo step makes none there, and a production start refuses while any
staff account still has the demo password (it is printed in the README)."""

from __future__ import annotations

from datetime import datetime

from jobcenter.accounts.passwords import verify_password
from jobcenter.settings import SettingsError
from jobcenter.staff.service import create_staff
from jobcenter.staff.tables import StaffMember

DEMO_PASSWORD = "gimpo-demo-2026"
DEMO_STAFF = [
    ("admin", "김포 관리자", "admin"),
    ("counsellor", "이상담", "staff"),
]


async def load_demo_staff(now: datetime) -> bool:
    """Create the demo accounts when the site has no staff yet; True when they were created."""
    if await StaffMember.count() > 0:
        return False
    for username, name, role in DEMO_STAFF:
        await create_staff(username=username, name=name, role=role, password=DEMO_PASSWORD, now=now)
    return True


async def refuse_demo_passwords() -> None:
    """SettingsError naming every staff account whose password is the demo one."""
    members = await StaffMember.select(StaffMember.username, StaffMember.password_hash)
    found = [member["username"] for member in members if (await verify_password(member["password_hash"], DEMO_PASSWORD))[0]]
    if found:
        raise SettingsError(
            f"APP_ENV=production: the staff account(s) {', '.join(found)} still have the demo password from the README. "
            "Deactivate them or give them a new password before the site starts."
        )


def demo_login_text(base_url: str) -> str:
    accounts = ", ".join(f"{username} ({role})" for username, _, role in DEMO_STAFF)
    return (
        f"Demo staff login: {base_url}/staff/login\n"
        f"  usernames: {accounts}; password: {DEMO_PASSWORD}\n"
        "  At the first login, scan the QR code with an authenticator app (or type the key shown)."
    )


FIRST_ADMIN_TEXT = (
    "APP_ENV=production: no demo content and no demo staff are created.\n"
    "  Create the first administrator: .venv/bin/python -m jobcenter.staff create-admin USERNAME \"NAME\"\n"
    "  It asks for a password; the authenticator app is set up at the first login."
)

