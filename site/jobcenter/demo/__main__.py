"""`python -m jobcenter.demo`: load the Gimpo demo content into an empty database."""

import asyncio

from jobcenter.clock import system_clock
from jobcenter.demo.loader import load_demo_content
from jobcenter.settings import Settings


def main() -> None:
    settings = Settings.from_env()
    inserted = asyncio.run(load_demo_content(system_clock(), settings.timezone))
    if inserted:
        print(f"Loaded {inserted} demo programs.")
    else:
        print("The database already has programs: demo content not loaded.")


if __name__ == "__main__":
    main()
