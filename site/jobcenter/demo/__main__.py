"""`python -m jobcenter.demo`: load the Gimpo demo content into an empty database, create the demo
staff accounts on a site without staff, and print how to log in to the back office. With
APP_ENV=production it creates nothing and prints how to create the first administrator."""

import asyncio
import os

from jobcenter.clock import system_clock
from jobcenter.demo.loader import load_demo_content
from jobcenter.demo.staff import FIRST_ADMIN_TEXT, demo_login_text, load_demo_staff
from jobcenter.settings import Settings


async def run(settings: Settings, base_url: str) -> str:
    """Load the demo (never in production) and say what was done."""
    if settings.production:
        return FIRST_ADMIN_TEXT
    now = system_clock()
    inserted = await load_demo_content(now, settings.timezone)
    lines = [f"Loaded {inserted} demo programs." if inserted else "The database already has programs: demo content not loaded."]
    if await load_demo_staff(now):
        lines.append("Created the demo staff accounts.")
    return "\n".join([*lines, demo_login_text(base_url)])


def main() -> None:
    base_url = f"http://{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
    print(asyncio.run(run(Settings.from_env(), base_url)))


if __name__ == "__main__":
    main()
