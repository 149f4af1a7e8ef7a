"""Backups, safe while the site runs, and restores. SQLite: SQLite's online backup API (a file copy of
a live database can be torn), checked with PRAGMA integrity_check. PostgreSQL: pg_dump's custom format
(one consistent snapshot, taken without stopping anyone), restored by pg_restore into an empty
database in one transaction, so a restore is whole or not at all.

    python -m jobcenter.backup create data/backups/jobcenter-2026-11-26.sqlite3
    python -m jobcenter.backup restore data/backups/jobcenter-2026-11-26.sqlite3   # site stopped

With DATABASE_URL naming PostgreSQL, `create` writes a pg_dump file and `restore` fills the (new,
empty) database DATABASE_URL names from one: see docs/deploy.md.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from jobcenter.settings import database_url


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as reading, sqlite3.connect(target) as writing:
        reading.backup(writing)
    with sqlite3.connect(target) as check:
        result = check.execute("PRAGMA integrity_check").fetchone()[0]
    if result != "ok":
        raise RuntimeError(f"integrity check of {target} failed: {result}")


def _is_sqlite(url: str) -> bool:
    return urlsplit(url).scheme == "sqlite"


def sqlite_path(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def without_password(url: str) -> tuple[str, dict[str, str]]:
    """The URL with its password taken out, and the environment that passes it instead (PGPASSWORD):
    a password on the command line is readable by anyone on the machine (ps) and in error mail."""
    parts = urlsplit(url)
    if not parts.password:
        return url, dict(os.environ)
    user = quote(unquote(parts.username or ""), safe="")
    host = parts.hostname or ""
    netloc = f"{user}@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc)), {**os.environ, "PGPASSWORD": unquote(parts.password)}


def _run(tool: str, url: str, *arguments: str) -> None:
    program = shutil.which(tool)
    if program is None:
        raise SystemExit(f"{tool} is not installed (Debian: apt-get install postgresql-client)")
    bare, environment = without_password(url)
    subprocess.run([program, *arguments, f"--dbname={bare}"], check=True, env=environment)


def create(destination: Path, url: str | None = None) -> None:
    """Copy the live database to `destination`, consistently."""
    url = url or database_url()
    if _is_sqlite(url):
        _copy(sqlite_path(url), destination)
        return
    destination.parent.mkdir(parents=True, exist_ok=True)
    _run("pg_dump", url, "--format=custom", "--no-owner", f"--file={destination}")


def restore(backup: Path, url: str | None = None) -> None:
    """Put a backup back: in place of the SQLite file (stop the site first), or into the empty
    PostgreSQL database `url` names, in one transaction."""
    url = url or database_url()
    if _is_sqlite(url):
        _copy(backup, sqlite_path(url))
        return
    _run("pg_restore", url, "--no-owner", "--exit-on-error", "--single-transaction", str(backup))


if __name__ == "__main__":
    command, path = sys.argv[1], Path(sys.argv[2])
    {"create": create, "restore": restore}[command](path)
    print(f"{command}: {path} ok")
