"""Settings come from the environment; production refuses to start unsafely."""

from __future__ import annotations

import pytest

from jobcenter.settings import Settings, SettingsError


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch, tmp_path):
    for name in ("APP_ENV", "SECRET_KEY", "ALLOWED_HOSTS", "CENTER_NAME", "COOKIE_SECURE", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    return monkeypatch


def test_development_generates_a_secret_key_once_and_keeps_it(environment, tmp_path) -> None:
    first = Settings.from_env()
    second = Settings.from_env()

    assert len(first.secret_key) >= 32
    assert first.secret_key == second.secret_key
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_sqlite_under_the_data_directory_is_the_default_database(environment, tmp_path) -> None:
    assert Settings.from_env().database_url == f"sqlite:///{tmp_path / 'jobcenter.sqlite3'}"


def test_production_refuses_to_start_without_a_secret_key(environment) -> None:
    environment.setenv("APP_ENV", "production")
    environment.setenv("ALLOWED_HOSTS", "job.gimpo.go.kr")

    with pytest.raises(SettingsError, match="SECRET_KEY"):
        Settings.from_env()


def test_production_refuses_to_start_without_allowed_hosts(environment) -> None:
    environment.setenv("APP_ENV", "production")
    environment.setenv("SECRET_KEY", "k" * 40)

    with pytest.raises(SettingsError, match="ALLOWED_HOSTS"):
        Settings.from_env()


def test_production_with_its_settings_marks_cookies_secure_and_keeps_debug_off(environment) -> None:
    environment.setenv("APP_ENV", "production")
    environment.setenv("SECRET_KEY", "k" * 40)
    environment.setenv("ALLOWED_HOSTS", "job.gimpo.go.kr, www.job.gimpo.go.kr")

    settings = Settings.from_env()

    assert settings.cookie_secure is True
    assert settings.debug is False
    assert settings.allowed_hosts == ["job.gimpo.go.kr", "www.job.gimpo.go.kr"]


def test_the_center_is_configurable(environment) -> None:
    environment.setenv("CENTER_NAME", "파주시일자리센터")

    settings = Settings.from_env()

    assert settings.center.name == "파주시일자리센터"
    assert settings.center.phone == "031-980-5000"
