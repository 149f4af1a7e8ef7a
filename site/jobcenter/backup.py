"""Backups of the SQLite database with SQLite's online backup API, safe while the site runs
(a file copy of a live database can be torn). PostgreSQL is backed up with its own pg_dump.

    python -m jobcenter.backup create data/backups/jobcenter-2026-11-26.sqlite3
    python -m jobcenter.backup restore data/backups/jobcenter-2026-11-26.sqlite3   # site stopped
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from urllib.parse import urlsplit

from jobcenter.settings import database_url


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as reading, sqlite3.connect(target) as writing:
        reading.backup(writing)
    with sqlite3.connect(target) as check:
        result = check.execute("PRAGMA integrity_check").fetchone()[0]
    if result != "ok":
        raise RuntimeError(f"integrity check of {target} failed: {result}")


def sqlite_path(url: str) -> Path:
    if urlsplit(url).scheme != "sqlite":
        raise SystemExit("This database is PostgreSQL: back it up with pg_dump.")
    return Path(url.removeprefix("sqlite:///"))


def create(destination: Path, url: str | None = None) -> None:
    """Copy the live database to `destination`, page by page, consistently."""
    _copy(sqlite_path(url or database_url()), destination)


def restore(backup: Path, url: str | None = None) -> None:
    """Put a backup back in place of the database (stop the site first)."""
    _copy(backup, sqlite_path(url or database_url()))


if __name__ == "__main__":
    command, path = sys.argv[1], Path(sys.argv[2])
    {"create": create, "restore": restore}[command](path)
    print(f"{command}: {path} ok")
