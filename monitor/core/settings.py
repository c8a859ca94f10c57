"""The one place that reads configuration: ``MONITOR_*`` variables and an optional ``.env``.

Everything else receives a :class:`Settings` instance as an argument. Building one reads the
environment; importing this module does not.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from monitor.core.errors import ConfigError

__all__ = ["DEFAULT_USER_AGENT", "Settings", "load_settings"]

DEFAULT_USER_AGENT = (
    "aiplus-monitor/0.1 (+https://github.com/aiplus-monitor/aiplus-monitor; "
    "policy-research crawler, one request at a time)"
)


class Settings(BaseSettings):
    """Service settings. Each field is the variable ``MONITOR_<FIELD>`` in upper case."""

    model_config = SettingsConfigDict(
        env_prefix="MONITOR_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    data_dir: Path = Field(default=Path("data"), description="Snapshots, reports, SQLite file.")
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL; default sqlite:///<data_dir>/monitor.db.",
    )
    targets_file: Path | None = Field(
        default=None,
        description="Declared targets; default ./targets.toml, else the copy in the package.",
    )
    timezone: str = Field(default="Asia/Shanghai")
    user_agent: str = Field(default=DEFAULT_USER_AGENT)
    mirror_url: str | None = Field(
        default=None, description="Send every fetch to this local mirror instead of the live host."
    )
    fetch_delay: float = Field(default=3.0, ge=0, description="Seconds between requests to a host.")
    connect_timeout: float = Field(default=10.0, gt=0)
    read_timeout: float = Field(default=30.0, gt=0)
    max_body_bytes: int = Field(default=20 * 1024 * 1024, gt=0)
    max_decompressed_bytes: int = Field(default=100 * 1024 * 1024, gt=0)
    retry_attempts: int = Field(default=4, ge=1, le=10)
    retry_wait_initial: float = Field(default=2.0, ge=0)
    retry_wait_max: float = Field(default=60.0, ge=0)
    max_retry_after: float = Field(
        default=300.0, ge=0, description="Longest Retry-After we honour before giving up."
    )
    max_pages_per_source: int = Field(default=200, gt=0)
    log_level: str = Field(default="INFO")
    log_format: Literal["kv", "json"] = Field(default="kv")
    schedule: str = Field(
        default="0 7 * * *", description="Cron: 5 fields, or 6 with seconds first."
    )
    misfire_grace: int = Field(
        default=6 * 3600, ge=0, description="Seconds a missed run may be late."
    )
    report_language: Literal["zh", "en"] = Field(default="zh")
    smtp_host: str | None = Field(
        default=None, description="Unset: reports are archived, not sent."
    )
    smtp_port: int = Field(default=587, gt=0, lt=65536)
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    smtp_security: Literal["starttls", "ssl", "none"] = Field(default="starttls")
    smtp_timeout: float = Field(default=30.0, gt=0)
    mail_from: str = Field(default="aiplus-monitor@localhost")
    mail_to: str = Field(default="", description="Comma-separated recipients.")

    @property
    def recipients(self) -> tuple[str, ...]:
        return tuple(sorted({a.strip() for a in self.mail_to.split(",") if a.strip()}))

    @property
    def can_send(self) -> bool:
        return bool(self.smtp_host and self.recipients)

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("schedule")
    @classmethod
    def _cron(cls, value: str) -> str:
        from monitor.core.schedule import cron_trigger

        cron_trigger(value, "UTC")  # raises ValueError with the reason
        return value

    @field_validator("database_url")
    @classmethod
    def _parseable_url(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        try:
            url = make_url(value)
        except ArgumentError as exc:
            raise ValueError(f"not a database URL: {value!r}") from exc
        if url.get_backend_name() not in ("sqlite", "postgresql"):
            raise ValueError(
                f"unsupported database {url.get_backend_name()!r} (sqlite, postgresql)"
            )
        return value

    @field_validator("mirror_url")
    @classmethod
    def _http_mirror(cls, value: str | None) -> str | None:
        if not value:
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError(f"mirror URL must start with http:// or https://, got {value!r}")
        return value.rstrip("/")

    @property
    def sqlalchemy_url(self) -> URL:
        if self.database_url:
            return make_url(self.database_url)
        return make_url(f"sqlite:///{(self.data_dir / 'monitor.db').resolve()}")

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def today(self) -> date:
        """Today in MONITOR_TIMEZONE: the date reports and assessments are for."""
        return datetime.now(self.tz).date()


def load_settings(**overrides: object) -> Settings:
    """Read settings from the environment, turning validation errors into one-line ConfigErrors."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        variable = f"MONITOR_{field.upper()}" if field else "settings"
        raise ConfigError(f"{variable}: {first['msg']}") from None
