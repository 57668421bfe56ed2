"""Typed settings, read once from the environment (and a ``.env`` file if present).

Secrets are kept out of ``repr`` so they never reach logs or error messages.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import overload

DEFAULT_SQLITE_PATH = Path("var") / "newsdesk.db"
DEFAULT_SLACK_API_URL = "https://slack.com/api/"
USER_AGENT = "Newsdesk/0.1 (+https://github.com/newsdesk/newsdesk; Slack story digests)"


class SettingsError(ValueError):
    """A setting has a value we cannot use; the message names the variable."""


def _bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise SettingsError(f"{name} must be 1/0, true/false, yes/no or on/off, not {raw!r}")


@overload
def _number(
    env: Mapping[str, str], name: str, default: int, cast: type[int], *, most: float = ...
) -> int: ...


@overload
def _number(
    env: Mapping[str, str], name: str, default: float, cast: type[float] = ..., *, most: float = ...
) -> float: ...


def _number(
    env: Mapping[str, str],
    name: str,
    default: float,
    cast: type[int] | type[float] = float,
    *,
    most: float = math.inf,
) -> float:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return cast(default)
    try:
        value = cast(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a number, not {raw!r}") from None
    if not math.isfinite(value):  # float() reads "nan" and "inf": no timeout or cap means that
        raise SettingsError(f"{name} must be a finite number, not {raw!r}")
    if value < 0:
        raise SettingsError(f"{name} must not be negative")
    if value > most:
        raise SettingsError(f"{name} must be at most {most:g}, not {raw!r}")
    return value


def _opt(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name, "").strip()
    return value or None


@dataclass(frozen=True, slots=True)
class Settings:
    # Slack (one workspace: bot token + signing secret; many: client id/secret for OAuth)
    slack_bot_token: str | None = field(default=None, repr=False)
    slack_signing_secret: str | None = field(default=None, repr=False)
    slack_client_id: str | None = None
    slack_client_secret: str | None = field(default=None, repr=False)
    slack_app_token: str | None = field(default=None, repr=False)  # Socket Mode
    slack_api_url: str = DEFAULT_SLACK_API_URL
    slack_scopes: tuple[str, ...] = (
        "app_mentions:read",
        "chat:write",
        "commands",
        "users:read",  # the requester's time zone for /digest schedule
    )
    database_url: str = field(default="", repr=False)  # may embed a password
    port: int = 3000

    # Fetching untrusted URLs
    allow_private_urls: bool = False
    fetch_connect_timeout: float = 5.0
    fetch_total_timeout: float = 20.0
    fetch_max_bytes: int = 5_000_000
    fetch_max_redirects: int = 5
    user_agent: str = USER_AGENT
    max_text_chars: int = 300_000  # pasted text or a decoded page

    # Watching and channel digests
    watch_horizon_days: float = 7.0
    digest_fresh_minutes: float = 30.0  # a repeat request within this links to the thread
    skip_quiet_channel_digests: bool = False
    fetch_concurrency: int = 64
    fetch_per_host: int = 8
    slack_post_interval: float = 1.0  # seconds between posts to one channel

    @property
    def oauth_enabled(self) -> bool:
        return bool(self.slack_client_id and self.slack_client_secret)

    @property
    def socket_mode(self) -> bool:
        return bool(self.slack_app_token)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Build settings from ``env`` (default: ``os.environ`` after loading ``.env``)."""
        if env is None:
            try:
                from dotenv import load_dotenv

                load_dotenv(override=False)
            except ImportError:  # python-dotenv is optional
                pass
            env = os.environ
        database_url = _opt(env, "DATABASE_URL") or f"sqlite+aiosqlite:///{DEFAULT_SQLITE_PATH}"
        if database_url.startswith("postgres://"):
            database_url = "postgresql+asyncpg://" + database_url.removeprefix("postgres://")
        elif database_url.startswith("postgresql://"):
            database_url = "postgresql+asyncpg://" + database_url.removeprefix("postgresql://")
        elif database_url.startswith("sqlite:///"):
            database_url = "sqlite+aiosqlite:///" + database_url.removeprefix("sqlite:///")
        api_url = _opt(env, "SLACK_API_URL") or DEFAULT_SLACK_API_URL
        if not api_url.endswith("/"):
            api_url += "/"
        return cls(
            slack_bot_token=_opt(env, "SLACK_BOT_TOKEN"),
            slack_signing_secret=_opt(env, "SLACK_SIGNING_SECRET"),
            slack_client_id=_opt(env, "SLACK_CLIENT_ID"),
            slack_client_secret=_opt(env, "SLACK_CLIENT_SECRET"),
            slack_app_token=_opt(env, "SLACK_APP_TOKEN"),
            slack_api_url=api_url,
            database_url=database_url,
            port=_number(env, "PORT", 3000, int, most=65535),  # else a traceback at bind
            allow_private_urls=_bool(env, "NEWSDESK_ALLOW_PRIVATE_URLS", False),
            fetch_connect_timeout=_number(env, "NEWSDESK_FETCH_CONNECT_TIMEOUT", 5.0),
            fetch_total_timeout=_number(env, "NEWSDESK_FETCH_TIMEOUT", 20.0),
            fetch_max_bytes=_number(env, "NEWSDESK_FETCH_MAX_BYTES", 5_000_000, int),
            fetch_max_redirects=_number(env, "NEWSDESK_FETCH_MAX_REDIRECTS", 5, int),
            max_text_chars=_number(env, "NEWSDESK_MAX_TEXT_CHARS", 300_000, int),
            watch_horizon_days=_number(env, "NEWSDESK_WATCH_HORIZON_DAYS", 7.0),
            digest_fresh_minutes=_number(env, "NEWSDESK_DIGEST_FRESH_MINUTES", 30.0),
            skip_quiet_channel_digests=_bool(env, "NEWSDESK_SKIP_QUIET_DIGESTS", False),
            fetch_concurrency=_number(env, "NEWSDESK_FETCH_CONCURRENCY", 64, int),
            fetch_per_host=_number(env, "NEWSDESK_FETCH_PER_HOST", 8, int),
            slack_post_interval=_number(env, "NEWSDESK_SLACK_POST_INTERVAL", 1.0),
        )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, parsed once."""
    return Settings.from_env()
