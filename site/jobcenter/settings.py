"""All settings, read from the environment in one place (see .env.example)."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

DEFAULT_TIMEZONE = "Asia/Seoul"
"""The center's zone unless TIMEZONE says otherwise."""

PROJECT_ROOT = Path(__file__).resolve().parents[2]
"""The checkout: templates/, static/ and migrations/ live beside site/."""


class SettingsError(RuntimeError):
    """The environment does not describe a runnable site."""


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def _months(name: str, default: tuple[int, ...]) -> tuple[int, ...]:
    """A comma-separated list of whole months (1 to 120), in order, each once."""
    value = os.environ.get(name)
    if not value:
        return default
    try:
        months = tuple(sorted({int(item) for item in value.split(",") if item.strip()}))
    except ValueError as error:
        raise SettingsError(f"{name} must be whole months separated by commas, like 1,3,6.") from error
    if not months or not all(1 <= month <= 120 for month in months):
        raise SettingsError(f"{name} must list months from 1 to 120, like 1,3,6.")
    return months


def data_dir() -> Path:
    """Where the SQLite file and the generated development key live."""
    return Path(os.environ.get("DATA_DIR") or PROJECT_ROOT / "data")


def database_url() -> str:
    """`DATABASE_URL`, or an SQLite file under the data directory."""
    return os.environ.get("DATABASE_URL") or f"sqlite:///{data_dir() / 'jobcenter.sqlite3'}"


def _kakao_templates(name: str) -> dict[str, str]:
    """`kind:template-id` pairs separated by commas: the 알림톡 template registered for each kind of
    message. Never for news: 알림톡 may not carry advertising."""
    value = os.environ.get(name, "")
    pairs = [item.strip() for item in value.split(",") if item.strip()]
    templates = {}
    for pair in pairs:
        kind, _, template = pair.partition(":")
        if not kind.strip() or not template.strip():
            raise SettingsError(f"{name} must be kind:template-id pairs separated by commas, like confirmed:KA01TP1,reminder:KA01TP2.")
        templates[kind.strip()] = template.strip()
    if "news" in templates:
        raise SettingsError(f"{name} may not name news: 알림톡 may not carry advertising (news goes by SMS or LMS).")
    return templates


def _production() -> bool:
    return os.environ.get("APP_ENV", "development").strip().lower() == "production"


def public_url() -> str:
    """`PUBLIC_URL`, or in production https:// and the first allowed host: the site's address in
    the links text messages carry (read here, like database_url, by whatever queues a message)."""
    return _public_url(_production(), _list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"]))


def _public_url(production: bool, allowed_hosts: list[str]) -> str:
    value = os.environ.get("PUBLIC_URL", "").strip().rstrip("/")
    if value:
        if not value.startswith(("http://", "https://")):
            raise SettingsError("PUBLIC_URL must begin with https:// (or http:// in development).")
        return value
    return f"https://{allowed_hosts[0]}" if production else "http://127.0.0.1:8000"


def _development_secret_key(directory: Path) -> str:
    """A key generated once and kept under data/, so sessions survive restarts."""
    directory.mkdir(parents=True, exist_ok=True)
    key_file = directory / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    key = secrets.token_urlsafe(48)
    key_file.touch(mode=0o600)
    key_file.write_text(key)
    return key


GIMPO_DISTRICTS = ("통진읍", "고촌읍", "양촌읍", "대곶면", "월곶면", "하성면", "김포본동", "장기본동", "사우동", "풍무동", "장기동",
                   "구래동", "마산동", "운양동")
"""Gimpo's 3 읍, 3 면 and 8 동, in the city's own order."""


@dataclass(frozen=True)
class Center:
    """The job center the site is configured for (Gimpo by default)."""

    name: str = "김포시일자리센터"
    """Shown in the header, titles and footer (`CENTER_NAME`)."""
    address: str = "경기도 김포시 김포한강4로 125, 고용복지플러스센터 (장기동)"
    """Street address shown in the footer (`CENTER_ADDRESS`)."""
    phone: str = "031-980-5000"
    """Telephone for enquiries and phone applications (`CENTER_PHONE`)."""
    hours: str = "평일 09:00~18:00 (점심시간 12:00~13:00, 주말·공휴일 휴무)"
    """Opening hours as one line (`CENTER_HOURS`)."""
    privacy_officer: str = "김포시일자리센터장"
    """The privacy officer (개인정보 보호책임자) named in the privacy policy: title or name (`PRIVACY_OFFICER`)."""
    privacy_phone: str = "031-980-5000"
    """The privacy officer's telephone (`PRIVACY_PHONE`)."""
    privacy_email: str = ""
    """The privacy officer's email address, when there is one (`PRIVACY_EMAIL`)."""
    processors: str = ""
    """Who processes personal data for the center (처리 위탁), as one line, e.g. "(주)문자발송: 문자 발송"
    (`PRIVACY_PROCESSORS`); empty: nobody."""
    districts: tuple[str, ...] = GIMPO_DISTRICTS
    """The city's 읍·면·동 in the order its own lists use, for the company directory
    (`CITY_DISTRICTS`, comma separated)."""

    @classmethod
    def from_env(cls) -> Center:
        defaults = cls()
        return cls(
            name=os.environ.get("CENTER_NAME") or defaults.name,
            address=os.environ.get("CENTER_ADDRESS") or defaults.address,
            phone=os.environ.get("CENTER_PHONE") or defaults.phone,
            hours=os.environ.get("CENTER_HOURS") or defaults.hours,
            districts=tuple(name.strip() for name in os.environ.get("CITY_DISTRICTS", "").split(",") if name.strip()) or defaults.districts,
            privacy_officer=os.environ.get("PRIVACY_OFFICER") or defaults.privacy_officer,
            privacy_phone=os.environ.get("PRIVACY_PHONE") or os.environ.get("CENTER_PHONE") or defaults.privacy_phone,
            privacy_email=os.environ.get("PRIVACY_EMAIL", defaults.privacy_email),
            processors=os.environ.get("PRIVACY_PROCESSORS", defaults.processors),
        )


OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'


@dataclass(frozen=True)
class MapSettings:
    """The map of the company directory (Leaflet, served from the site itself): where its tiles come
    from and the city it opens on. Without tiles the list grouped by district is the whole page."""

    tile_url: str = OSM_TILES
    """The tile server (`MAP_TILE_URL`, Leaflet's {z}/{x}/{y} and optional {s}); empty: no map.
    OpenStreetMap's by default: its usage policy asks for the attribution and a light load; a
    city with many visitors points this at its own tile server or a provider's."""
    attribution: str = OSM_ATTRIBUTION
    """The credit shown on the map, as HTML (`MAP_ATTRIBUTION`); the tiles' licence requires it."""
    latitude: float = 37.6153
    longitude: float = 126.7156
    """Where the map opens (`MAP_CENTER`, "latitude,longitude"; Gimpo City Hall by default)."""
    zoom: int = 12
    """How close it opens (`MAP_ZOOM`, 1 to 18)."""

    @property
    def tile_origin(self) -> str:
        """The tile server's origin, for the Content-Security-Policy's img-src ({s} as any subdomain)."""
        if not self.tile_url:
            return ""
        parts = urlsplit(self.tile_url)
        return f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"

    @classmethod
    def from_env(cls) -> MapSettings:
        defaults = cls()
        tile_url = os.environ.get("MAP_TILE_URL", defaults.tile_url).strip()
        if tile_url and (not tile_url.startswith(("https://", "http://")) or not all(part in tile_url for part in ("{z}", "{x}", "{y}"))):
            raise SettingsError("MAP_TILE_URL must be an http(s) address with {z}, {x} and {y}, or empty.")
        latitude, longitude = defaults.latitude, defaults.longitude
        if center := os.environ.get("MAP_CENTER", "").strip():
            try:
                latitude, longitude = (float(part) for part in center.split(","))
            except ValueError as error:
                raise SettingsError("MAP_CENTER must be latitude,longitude, like 37.6153,126.7156.") from error
            if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
                raise SettingsError("MAP_CENTER must be latitude,longitude, like 37.6153,126.7156.")
        zoom_typed = os.environ.get("MAP_ZOOM") or str(defaults.zoom)
        zoom = int(zoom_typed) if zoom_typed.isascii() and zoom_typed.isdigit() else 0
        if not 1 <= zoom <= 18:
            raise SettingsError("MAP_ZOOM must be from 1 to 18.")
        return cls(tile_url=tile_url, attribution=os.environ.get("MAP_ATTRIBUTION") or defaults.attribution, latitude=latitude,
                   longitude=longitude, zoom=zoom)


@dataclass(frozen=True)
class Limits:
    """How often one client address or one account may use the forms that scripts hammer. The
    limits per address sit well above what one person does: a lobby's wifi or a mobile carrier puts
    many people behind one address, and a rush of distinct people must never be refused."""

    signups_per_address_per_hour: int = 20
    """New accounts from one address in an hour (`SIGNUPS_PER_ADDRESS_PER_HOUR`)."""
    resets_per_account_per_hour: int = 3
    """Reset links sent to one account in an hour; more are not sent, and the page says the same (`RESETS_PER_ACCOUNT_PER_HOUR`)."""
    resets_per_address_per_hour: int = 20
    """Reset requests from one address in an hour (`RESETS_PER_ADDRESS_PER_HOUR`)."""
    login_failures_per_account_and_address: int = 5
    """Wrong passwords (or codes) for one account from one address in 15 minutes (`LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS`)."""
    login_failures_per_address: int = 50
    """Wrong passwords from one address, for any accounts, in 15 minutes (`LOGIN_FAILURES_PER_ADDRESS`)."""
    texts_per_number_per_day: int = 20
    """Text messages to one person's number in 24 hours; more wait (`TEXTS_PER_NUMBER_PER_DAY`)."""
    texts_per_hour: int = 2000
    """Text messages about seats and dates in an hour, to everyone; more wait, and the dashboard says
    so (`TEXTS_PER_HOUR`): a script pumping texts to premium numbers costs the center per message."""
    codes_per_number_per_hour: int = 5
    """Codes texted to one number in an hour (`CODES_PER_NUMBER_PER_HOUR`); more are refused at once
    (429): a late code is useless, so codes never wait like other texts."""
    codes_per_address_per_hour: int = 30
    """Codes asked for from one address in an hour (`CODES_PER_ADDRESS_PER_HOUR`)."""
    codes_per_hour: int = 500
    """Codes texted to everyone in an hour (`CODES_PER_HOUR`): their own budget, so a script asking
    for codes never holds back a text about someone's seat."""
    news_texts_per_hour: int = 2000
    """News texts in an hour (`NEWS_TEXTS_PER_HOUR`): a budget of their own, so a broadcast never
    holds back a text about someone's seat."""
    job_requests_per_address_per_hour: int = 5
    """구인 신청 from one address in an hour (`JOB_REQUESTS_PER_ADDRESS_PER_HOUR`): a company asks for a
    few jobs at a time; a script filling the staff's queue is refused."""
    applications_per_person_per_hour: int = 20
    """Applications one person makes in an hour, cancelled ones included (`APPLICATIONS_PER_PERSON_PER_HOUR`):
    applying is limited per person, never per address, so a rush of distinct people always goes through."""
    api_requests_per_address_per_minute: int = 120
    """Requests to the public API from one address in a minute (`API_REQUESTS_PER_ADDRESS_PER_MINUTE`): a
    portal or a display reading it every few seconds stays well under; a script copying it all is slowed."""
    overlapping_seats: int = 1
    """Places one person may hold at once in courses whose days and hours overlap (`OVERLAPPING_SEATS`):
    nobody attends two at once, and a seat held twice is a seat someone else lacks."""

    @classmethod
    def from_env(cls) -> Limits:
        defaults = cls()
        return cls(**{
            name: int(os.environ.get(name.upper()) or getattr(defaults, name))
            for name in cls.__dataclass_fields__
        })


@dataclass(frozen=True)
class Settings:
    """Everything the app reads from its environment."""

    secret_key: str
    """Signs CSRF tokens and sessions (`SECRET_KEY`). Unset in development: generated under data/."""
    database_url: str = field(default_factory=database_url)
    """`sqlite:///path/to/file` (default: data/jobcenter.sqlite3) or `postgresql://user@host/db`."""
    database_pool_size: int = 10
    """Connections each process keeps open for reads (`DATABASE_POOL_SIZE`; SQLite keeps one more for
    writes); 0 opens one per query."""
    production: bool = False
    """`APP_ENV=production`: refuses to start without SECRET_KEY and ALLOWED_HOSTS."""
    debug: bool = False
    """`DEBUG=1` shows tracebacks in the log with more detail; never on a public server."""
    allowed_hosts: list[str] = field(default_factory=lambda: ["127.0.0.1", "localhost"])
    """Host names the site answers to (`ALLOWED_HOSTS`, comma separated)."""
    cookie_secure: bool = False
    """Mark cookies Secure (`COOKIE_SECURE=1`); on whenever the site is served over https."""
    max_body_bytes: int = 64 * 1024
    """Largest request body accepted (`MAX_BODY_BYTES`); forms are small."""
    page_size: int = 10
    """Programs per catalog page (`PAGE_SIZE`)."""
    minimum_wage: int = 10_320
    """The legal minimum wage in won an hour (`MINIMUM_WAGE`; 10,320원 in 2026): a job posting
    offering less is refused (a monthly wage is compared with 209 hours of it)."""
    timezone: str = DEFAULT_TIMEZONE
    """Zone in which times are shown and application windows are judged (`TIMEZONE`)."""
    default_language: str = "ko"
    """Language of a first visit (`DEFAULT_LANGUAGE`: ko or en)."""
    seats_poll_seconds: int = 20
    """How often an open page refreshes its seat counts (`SEATS_POLL_SECONDS`)."""
    retention_days: int = 730
    """Accounts not used for this many days are deleted, as the consent notice says (`RETENTION_DAYS`)."""
    ready_check_seconds: float = 2.0
    """/readyz answers from its last check of the database for this long (`READY_CHECK_SECONDS`), so
    that probing it often never adds writes."""
    request_log_days: int = 90
    """How long the server's logs (which hold client addresses) are kept, as the privacy policy
    says (`REQUEST_LOG_DAYS`): set the process manager's log rotation to it."""
    session_idle_minutes: int = 30
    """A signed-in session ends after this long without a request (`SESSION_IDLE_MINUTES`)."""
    session_warning_seconds: int = 60
    """How long before an idle session ends the page offers to continue (`SESSION_WARNING_SECONDS`)."""
    session_max_hours: int = 12
    """A signed-in session ends this long after login whatever happens (`SESSION_MAX_HOURS`)."""
    kiosk_idle_seconds: int = 90
    """After this long without a tap or key the kiosk asks 계속 사용하시겠습니까? (`KIOSK_IDLE_SECONDS`)."""
    kiosk_warning_seconds: int = 60
    """How long that question counts down before the kiosk resets for the next visitor (`KIOSK_WARNING_SECONDS`)."""
    notify_backend: str = "console"
    """How emails leave the outbox (`NOTIFY_BACKEND`): `console` logs them, `smtp` sends them."""
    sms_backend: str = "console"
    """How text messages leave the outbox (`SMS_BACKEND`): `console` logs them, `solapi` sends them."""
    solapi_api_key: str = ""
    """SOLAPI's API key (`SOLAPI_API_KEY`)."""
    solapi_api_secret: str = ""
    """SOLAPI's API secret (`SOLAPI_API_SECRET`)."""
    sms_sender_number: str = ""
    """The center's sender number, registered with the provider (`SMS_SENDER_NUMBER`, digits only)."""
    reminder_hour: int = 10
    """From this hour (in the center's zone) the day before, people holding a seat get a reminder (`REMINDER_HOUR`)."""
    solapi_base_url: str = "https://api.solapi.com"
    """SOLAPI's address (`SOLAPI_BASE_URL`); tests point it at a fake gateway."""
    kakao_profile_id: str = ""
    """The center's 카카오톡 채널 profile id at SOLAPI (`KAKAO_PROFILE_ID`); with it, messages of the
    kinds in `kakao_templates` go as 알림톡, and as SMS/LMS when 알림톡 cannot reach the person."""
    kakao_templates: dict[str, str] = field(default_factory=dict)
    """The 알림톡 template of each kind of message (`KAKAO_TEMPLATES`, like confirmed:KA01TP1,reminder:KA01TP2);
    each template must be registered with the wording of that kind's Korean text."""
    public_url: str = field(default_factory=public_url)
    """The site's address as people reach it (`PUBLIC_URL`; in production https:// and the first of
    ALLOWED_HOSTS by default): links in text messages point here."""
    news_opt_out_number: str = ""
    """A free number (080) to stop the center's news, printed in every news text (`NEWS_OPT_OUT_NUMBER`);
    without one, news texts point to 내 정보 on the site, where stopping is one step."""
    metrics_token: str = ""
    """Prometheus scrapes /metrics with `Authorization: Bearer <METRICS_TOKEN>`; unset, /metrics answers 403."""
    request_log: bool = False
    """One JSON line per request on standard output, with a request id (`REQUEST_LOG=json`)."""
    background_jobs: bool = True
    """Run outbox delivery and housekeeping inside each app process (`BACKGROUND_JOBS`)."""
    smtp_host: str = "localhost"
    """SMTP server for the `smtp` backend (`SMTP_HOST`)."""
    smtp_port: int = 25
    """SMTP port (`SMTP_PORT`)."""
    smtp_username: str = ""
    """SMTP login, if the server wants one (`SMTP_USERNAME`)."""
    smtp_password: str = ""
    """SMTP password (`SMTP_PASSWORD`)."""
    smtp_starttls: bool = False
    """Upgrade the SMTP connection with STARTTLS (`SMTP_STARTTLS`)."""
    mail_from: str = "noreply@localhost"
    """Sender address of the center's emails (`MAIL_FROM`)."""
    follow_up_months: tuple[int, ...] = (1, 3, 6)
    """Months after a placement's start date at which follow-up calls (해피콜) are scheduled
    (`FOLLOW_UP_MONTHS`, comma separated)."""
    center: Center = field(default_factory=Center)
    map: MapSettings = field(default_factory=MapSettings)
    """The company directory's map (each from its own variable, see MapSettings)."""
    limits: Limits = field(default_factory=Limits)
    """Rate limits of the public forms (each from its own variable, see Limits)."""
    """The center's name and contact details."""

    @classmethod
    def from_env(cls) -> Settings:
        """Read the environment; refuse a production setup that would be unsafe."""
        production = _production()
        secret_key = os.environ.get("SECRET_KEY", "").strip()
        if production and len(secret_key) < 32:
            raise SettingsError("APP_ENV=production needs SECRET_KEY (at least 32 characters).")
        if production and not os.environ.get("ALLOWED_HOSTS"):
            raise SettingsError("APP_ENV=production needs ALLOWED_HOSTS.")
        allowed_hosts = _list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
        return cls(
            secret_key=secret_key or _development_secret_key(data_dir()),
            production=production,
            database_pool_size=int(os.environ.get("DATABASE_POOL_SIZE") or 10),
            debug=_flag("DEBUG", False),
            allowed_hosts=allowed_hosts,
            cookie_secure=_flag("COOKIE_SECURE", production),
            max_body_bytes=int(os.environ.get("MAX_BODY_BYTES") or 64 * 1024),
            page_size=int(os.environ.get("PAGE_SIZE") or 10),
            minimum_wage=int(os.environ.get("MINIMUM_WAGE") or 10_320),
            timezone=os.environ.get("TIMEZONE") or DEFAULT_TIMEZONE,
            default_language=os.environ.get("DEFAULT_LANGUAGE") or "ko",
            seats_poll_seconds=int(os.environ.get("SEATS_POLL_SECONDS") or 20),
            retention_days=int(os.environ.get("RETENTION_DAYS") or 730),
            request_log_days=int(os.environ.get("REQUEST_LOG_DAYS") or 90),
            ready_check_seconds=float(os.environ.get("READY_CHECK_SECONDS") or 2.0),
            session_idle_minutes=int(os.environ.get("SESSION_IDLE_MINUTES") or 30),
            session_warning_seconds=int(os.environ.get("SESSION_WARNING_SECONDS") or 60),
            session_max_hours=int(os.environ.get("SESSION_MAX_HOURS") or 12),
            kiosk_idle_seconds=int(os.environ.get("KIOSK_IDLE_SECONDS") or 90),
            kiosk_warning_seconds=int(os.environ.get("KIOSK_WARNING_SECONDS") or 60),
            notify_backend=os.environ.get("NOTIFY_BACKEND") or "console",
            sms_backend=os.environ.get("SMS_BACKEND") or "console",
            reminder_hour=int(os.environ.get("REMINDER_HOUR") or 10),
            solapi_api_key=os.environ.get("SOLAPI_API_KEY", ""),
            solapi_api_secret=os.environ.get("SOLAPI_API_SECRET", ""),
            sms_sender_number="".join(filter(str.isdigit, os.environ.get("SMS_SENDER_NUMBER", ""))),
            solapi_base_url=os.environ.get("SOLAPI_BASE_URL") or "https://api.solapi.com",
            kakao_profile_id=os.environ.get("KAKAO_PROFILE_ID", "").strip(),
            kakao_templates=_kakao_templates("KAKAO_TEMPLATES"),
            public_url=_public_url(production, allowed_hosts),
            news_opt_out_number=os.environ.get("NEWS_OPT_OUT_NUMBER", "").strip(),
            background_jobs=_flag("BACKGROUND_JOBS", True),
            metrics_token=os.environ.get("METRICS_TOKEN", ""),
            request_log=os.environ.get("REQUEST_LOG", "").strip().lower() == "json",
            smtp_host=os.environ.get("SMTP_HOST") or "localhost",
            smtp_port=int(os.environ.get("SMTP_PORT") or 25),
            smtp_username=os.environ.get("SMTP_USERNAME", ""),
            smtp_password=os.environ.get("SMTP_PASSWORD", ""),
            smtp_starttls=_flag("SMTP_STARTTLS", False),
            mail_from=os.environ.get("MAIL_FROM") or "noreply@localhost",
            follow_up_months=_months("FOLLOW_UP_MONTHS", (1, 3, 6)),
            center=Center.from_env(),
            map=MapSettings.from_env(),
            limits=Limits.from_env(),
        )
