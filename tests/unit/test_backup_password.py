"""pg_dump and pg_restore get the database's password in their environment, never on their command
line (where `ps` and an error mail show it to anyone)."""

from __future__ import annotations

from jobcenter.backup import without_password


def test_the_password_leaves_the_url_for_pgpassword() -> None:
    url, environment = without_password("postgresql://jobcenter:s%40cret%2Fpw@db.internal:5433/jobcenter")

    assert url == "postgresql://jobcenter@db.internal:5433/jobcenter"
    assert environment["PGPASSWORD"] == "s@cret/pw"


def test_a_url_without_a_password_is_kept_as_it_is() -> None:
    url, _ = without_password("postgresql://postgres@127.0.0.1:5432/jobcenter_test")

    assert url == "postgresql://postgres@127.0.0.1:5432/jobcenter_test"
