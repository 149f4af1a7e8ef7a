"""`python -m jobcenter.demo`: load the Gimpo demo content into an empty database, create the demo
staff accounts on a site without staff, and print how to log in to the back office."""

import asyncio
import os

from jobcenter.clock import system_clock
from jobcenter.demo.loader import load_demo_content
from jobcenter.demo.staff import demo_login_text, load_demo_staff
from jobcenter.settings import Settings


async def _load(settings: Settings) -> tuple[int, bool]:
    now = system_clock()
    return await load_demo_content(now, settings.timezone), await load_demo_staff(now)


def main() -> None:
    settings = Settings.from_env()
    inserted, staff_created = asyncio.run(_load(settings))
    if inserted:
        print(f"Loaded {inserted} demo programs.")
    else:
        print("The database already has programs: demo content not loaded.")
    if staff_created:
        print("Created the demo staff accounts.")
    base_url = f"http://{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
    print(demo_login_text(base_url))


if __name__ == "__main__":
    main()
