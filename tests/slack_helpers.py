"""Build Slack requests the way Slack sends them: form/JSON bodies signed with HMAC v0."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any
from urllib.parse import urlencode

SIGNING_SECRET = "test-signing-secret-0123456789"
TEAM_ID = "T0TEAM"


def sign(body: str, *, secret: str = SIGNING_SECRET, timestamp: int | None = None) -> dict:
    """The X-Slack-Signature / X-Slack-Request-Timestamp headers for ``body``."""
    ts = int(time.time()) if timestamp is None else timestamp
    base = f"v0:{ts}:{body}".encode()
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": str(ts), "X-Slack-Signature": f"v0={digest}"}


def command_body(
    text: str,
    *,
    channel: str = "C0NEWS",
    user: str = "U0REPORTER",
    trigger_id: str = "trig-1",
    response_url: str = "http://127.0.0.1:9/response/none",
    command: str = "/digest",
) -> str:
    return urlencode(
        {
            "token": "legacy-unused",
            "team_id": TEAM_ID,
            "team_domain": "fake",
            "channel_id": channel,
            "channel_name": "news",
            "user_id": user,
            "user_name": "reporter",
            "command": command,
            "text": text,
            "api_app_id": "A0NEWSDESK",
            "response_url": response_url,
            "trigger_id": trigger_id,
        }
    )


def interactive_body(payload: dict[str, Any]) -> str:
    return urlencode({"payload": json.dumps(payload)})


def event_body(event: dict[str, Any], *, event_id: str = "Ev0001") -> str:
    return json.dumps(
        {
            "token": "legacy-unused",
            "team_id": TEAM_ID,
            "api_app_id": "A0NEWSDESK",
            "event": event,
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
            "authorizations": [{"team_id": TEAM_ID, "user_id": "U0NEWSDESK", "is_bot": True}],
        }
    )


def headers_for(body: str, *, form: bool, **sign_kwargs: Any) -> dict[str, str]:
    content_type = "application/x-www-form-urlencoded" if form else "application/json"
    return {"Content-Type": content_type, **sign(body, **sign_kwargs)}
