"""The Slack manifest agrees with the code: command, shortcut, events, scopes, paths."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bot.app import INSTALL_PATH, REDIRECT_PATH
from bot.server import EVENTS_PATH
from config.settings import Settings
from handlers import commands, shortcuts, views

MANIFEST = Path(__file__).resolve().parents[1] / "config" / "manifest.yml"


def _manifest() -> dict[str, Any]:
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))


def test_command_and_shortcut_match_the_handlers() -> None:
    features = _manifest()["features"]
    assert [c["command"] for c in features["slash_commands"]] == [commands.COMMAND]
    assert features["slash_commands"][0]["url"].endswith(EVENTS_PATH)
    shortcut = features["shortcuts"][0]
    assert (shortcut["name"], shortcut["type"], shortcut["callback_id"]) == (
        "Digest story",
        "message",
        shortcuts.CALLBACK_ID,
    )
    assert views.CALLBACK_ID == "digest_modal"


def test_scopes_events_and_urls() -> None:
    manifest = _manifest()
    assert manifest["oauth_config"]["scopes"]["bot"] == list(Settings().slack_scopes)
    assert manifest["settings"]["event_subscriptions"]["bot_events"] == ["app_mention"]
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    for url in (
        manifest["settings"]["event_subscriptions"]["request_url"],
        manifest["settings"]["interactivity"]["request_url"],
    ):
        assert url.endswith(EVENTS_PATH)
    assert all(u.endswith(REDIRECT_PATH) for u in manifest["oauth_config"]["redirect_urls"])
    assert INSTALL_PATH == "/slack/install"
