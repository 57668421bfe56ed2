"""Settings that would break the app later (a traceback at bind, a timeout that never fires)
are refused at start with a message naming the variable."""

from __future__ import annotations

import pytest

from config.settings import Settings, SettingsError


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"PORT": "99999"}, "PORT must be at most 65535"),
        ({"NEWSDESK_FETCH_TIMEOUT": "nan"}, "NEWSDESK_FETCH_TIMEOUT must be a finite number"),
        ({"NEWSDESK_FETCH_TIMEOUT": "inf"}, "NEWSDESK_FETCH_TIMEOUT must be a finite number"),
        ({"NEWSDESK_WATCH_HORIZON_DAYS": "-inf"}, "must be a finite number"),
        ({"NEWSDESK_FETCH_MAX_BYTES": "1e9"}, "must be a number"),
        ({"NEWSDESK_FETCH_CONNECT_TIMEOUT": "-1"}, "must not be negative"),
    ],
)
def test_unusable_numbers_are_refused_by_name(env: dict[str, str], named: str) -> None:
    with pytest.raises(SettingsError, match=named):
        Settings.from_env(env)


def test_usable_numbers_still_read() -> None:
    settings = Settings.from_env({"PORT": "65535", "NEWSDESK_FETCH_TIMEOUT": "2.5"})
    assert settings.port == 65535 and settings.fetch_total_timeout == 2.5
