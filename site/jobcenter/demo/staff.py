"""The demo back-office accounts, printed by `make run` so the back office can be tried at once."""

from __future__ import annotations

from datetime import datetime

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


def demo_login_text(base_url: str) -> str:
    accounts = ", ".join(f"{username} ({role})" for username, _, role in DEMO_STAFF)
    return (
        f"Demo staff login: {base_url}/staff/login\n"
        f"  usernames: {accounts}; password: {DEMO_PASSWORD}\n"
        "  At the first login, scan the QR code with an authenticator app (or type the key shown)."
    )
