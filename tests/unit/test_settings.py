"""Settings come from the environment; production refuses to start unsafely."""

from __future__ import annotations

import pytest

from jobcenter.settings import Settings, SettingsError


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch, tmp_path):
    for name in ("APP_ENV", "SECRET_KEY", "ALLOWED_HOSTS", "CENTER_NAME", "COOKIE_SECURE", "DATABASE_URL", "PUBLIC_URL",
                 "KAKAO_PROFILE_ID", "KAKAO_TEMPLATES"):
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


def test_links_in_texts_point_to_the_public_host_in_production(environment) -> None:
    environment.setenv("APP_ENV", "production")
    environment.setenv("SECRET_KEY", "k" * 40)
    environment.setenv("ALLOWED_HOSTS", "job.gimpo.go.kr, www.job.gimpo.go.kr")
    assert Settings.from_env().public_url == "https://job.gimpo.go.kr"

    environment.setenv("PUBLIC_URL", "https://jobs.example.kr/")
    assert Settings.from_env().public_url == "https://jobs.example.kr"

    environment.setenv("PUBLIC_URL", "jobs.example.kr")
    with pytest.raises(SettingsError, match="PUBLIC_URL"):
        Settings.from_env()


def test_alimtalk_templates_are_read_by_kind_and_never_for_news(environment) -> None:
    environment.setenv("KAKAO_PROFILE_ID", "KA01PF1")
    environment.setenv("KAKAO_TEMPLATES", "confirmed:KA01TP1, reminder:KA01TP2")
    assert Settings.from_env().kakao_templates == {"confirmed": "KA01TP1", "reminder": "KA01TP2"}

    environment.setenv("KAKAO_TEMPLATES", "confirmed:KA01TP1,news:KA01TP3")
    with pytest.raises(SettingsError, match="advertising"):
        Settings.from_env()

    environment.setenv("KAKAO_TEMPLATES", "confirmed")
    with pytest.raises(SettingsError, match="kind:template-id"):
        Settings.from_env()
