"""Adversarial Slack input through the real AsyncApp over signed HTTP, with the loopback fake
Web API: every odd request gets a specific answer (ack text, ephemeral, or the modal)."""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import ClientSession, web
from aiohttp.test_utils import TestServer

from bot.app import create_app
from bot.server import build_web_app
from bot.service import DigestService
from bot.urls import trusted_url
from handlers.events import mention_request
from storage.repo import Store
from tests.fake_slack import FakeSlack
from tests.pages import html_handler, serve
from tests.slack_helpers import SIGNING_SECRET, command_body, event_body, interactive_body
from tests.test_slack_app import ARTICLE_HTML, STORY_TEXT, Harness, harness, settings_for

__all__ = ["harness"]  # the fixture, shared with tests/test_slack_app.py


async def _digested(harness: Harness, text: str, key: str) -> list[dict[str, Any]]:
    status, ack = await harness.command(text, trigger_id=key)
    assert status == 200 and ack == "Working on it..."
    await harness.fake.wait_for("chat.postMessage", 2)
    await harness.service.drain()
    return harness.posts()


# --- links with notes -----------------------------------------------------------------------


async def test_a_link_after_a_note_is_digested_as_the_link(harness: Harness) -> None:
    url = f"{harness.pages}/news/library-sundays"
    posts = await _digested(harness, f"check this one <{url}|library story>", "t-note")
    assert "Library to open on Sundays" in json.dumps(posts[0]["blocks"])
    assert await harness.store.get_story_by_url(url) is not None


async def test_a_link_followed_by_a_line_of_junk_is_digested_as_the_link(
    harness: Harness,
) -> None:
    url = f"{harness.pages}/news/library-sundays"
    junk = " ".join(["see", "the", "second", "para", "for", "the", "cost", "figures"] * 3)
    posts = await _digested(harness, f"{url} {junk}", "t-junk")
    assert "Library to open on Sundays" in json.dumps(posts[0]["blocks"])


async def test_slack_mentions_before_a_link_do_not_hide_it(harness: Harness) -> None:
    url = f"{harness.pages}/news/library-sundays"
    posts = await _digested(harness, f"<@U0EDITOR> <!here> <{url}>", "t-mention-link")
    assert "Library to open on Sundays" in json.dumps(posts[0]["blocks"])


# --- nothing to digest: answered in the ack -------------------------------------------------


@pytest.mark.parametrize(
    "text", ["<@U0EDITOR>", "<!here>", "<#C0DESK|desk>", "<@U0EDITOR> <!channel>  <#C1>"]
)
async def test_only_mentions_get_a_specific_answer(harness: Harness, text: str) -> None:
    status, ack = await harness.command(text, trigger_id="t-only")
    await harness.service.drain()
    assert status == 200
    assert "no story there" in ack and "/digest https://" in ack
    assert harness.posts() == [] and harness.fake.responses == []


@pytest.mark.parametrize(
    ("text", "scheme"),
    [
        ("ftp://files.example/story.txt", "ftp"),
        ("file:///etc/passwd", "file"),
        ("<mailto:desk@news.example|desk@news.example>", "mailto"),
        ("javascript:alert(1)", "javascript"),
    ],
)
async def test_links_we_never_fetch_are_named(harness: Harness, text: str, scheme: str) -> None:
    status, ack = await harness.command(text, trigger_id="t-scheme")
    await harness.service.drain()
    assert status == 200
    assert f"not {scheme}: links" in ack
    assert harness.posts() == [] and harness.fake.responses == []


async def test_whitespace_only_opens_the_modal(harness: Harness) -> None:
    status, ack = await harness.command("  \n\t ", trigger_id="t-blank")
    assert status == 200 and ack == ""
    opened = await harness.fake.wait_for("views.open")
    assert opened[0].params["trigger_id"] == "t-blank"


async def test_shortcut_on_a_message_with_only_files_says_so(harness: Harness) -> None:
    payload = {
        "type": "message_action",
        "callback_id": "digest_story",
        "trigger_id": "t-files",
        "team": {"id": "T0TEAM", "domain": "fake"},
        "user": {"id": "U0EDITOR", "team_id": "T0TEAM"},
        "channel": {"id": "C0DESK", "name": "desk"},
        "response_url": harness.fake.response_url("files"),
        "message": {
            "type": "message",
            "ts": "1699999999.000500",
            "text": "",
            "files": [{"id": "F1", "name": "scan.pdf", "url_private": "https://files.example/x"}],
            "attachments": [{"fallback": "[image]", "image_url": "https://img.example/x.png"}],
        },
    }
    status, _ = await harness.post(interactive_body(payload))
    assert status == 200
    responses = await harness.fake.wait_for_responses(1)
    await harness.service.drain()
    # The file is named, and the way in (a link, or its text pasted) is given.
    assert responses[0]["text"].startswith("That message holds a file (scan.pdf)")
    assert "/digest" in responses[0]["text"]
    assert responses[0]["response_type"] == "ephemeral"
    assert harness.posts() == []


# --- private addresses through Slack (private URLs NOT allowed) -----------------------------


@dataclasses.dataclass
class Guarded:
    harness: Harness
    hits: list[str]
    port: int  # the "internal" server's port, on 127.0.0.1


@pytest.fixture
async def guarded(db_url: str, store: Store) -> AsyncIterator[Guarded]:
    hits: list[str] = []

    async def internal(request: web.Request) -> web.Response:
        hits.append(request.path)
        return web.Response(text=ARTICLE_HTML, content_type="text/html")

    app = web.Application()
    app.router.add_get("/{tail:.*}", internal)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    fake = await FakeSlack().start()
    settings = dataclasses.replace(settings_for(fake, db_url), allow_private_urls=False)
    service = DigestService(settings, store)
    server = TestServer(build_web_app(create_app(settings, service), service), host="127.0.0.1")
    await server.start_server()
    async with ClientSession() as http:
        yield Guarded(
            Harness(
                base=str(server.make_url("")).rstrip("/"),
                http=http,
                fake=fake,
                service=service,
                store=store,
                pages=f"http://127.0.0.1:{port}",
            ),
            hits,
            port,
        )
    await service.aclose()
    await server.close()
    await runner.cleanup()
    await fake.stop()


@pytest.mark.parametrize(
    "template",
    [
        "<http://127.0.0.1:{port}/admin|bbc.co.uk/news>",  # the label is not the target
        "http://2130706433:{port}/admin",
        "http://localhost:{port}/admin",
        "read this http://[::ffff:127.0.0.1]:{port}/admin",
        "http://evil@127.0.0.1:{port}/admin",
    ],
)
async def test_private_links_in_a_command_are_refused_ephemerally(
    guarded: Guarded, template: str
) -> None:
    h = guarded.harness
    status, ack = await h.command(template.format(port=guarded.port), trigger_id="t-ssrf")
    assert status == 200 and ack == "Working on it..."
    responses = await h.fake.wait_for_responses(1)
    await h.service.drain()
    assert "private, local or reserved" in responses[0]["text"]
    assert responses[0]["response_type"] == "ephemeral"
    assert h.posts() == [] and guarded.hits == []


async def test_private_link_in_a_mention_is_refused_ephemerally(guarded: Guarded) -> None:
    h = guarded.harness
    event = {
        "type": "app_mention",
        "user": "U0REPORTER",
        "text": f"<@U0NEWSDESK> <http://[::1]:{guarded.port}/admin>",
        "ts": "1699999999.000600",
        "channel": "C0MENTION",
    }
    await h.post(event_body(event, event_id="Ev0SSRF"), form=False)
    calls = await h.fake.wait_for("chat.postEphemeral", 1)
    await h.service.drain()
    assert calls[0].params["user"] == "U0REPORTER"
    assert "private, local or reserved" in calls[0].params["text"]
    assert h.posts() == [] and guarded.hits == []


async def test_private_link_in_the_modal_is_refused_ephemerally(guarded: Guarded) -> None:
    h = guarded.harness
    view = {
        "type": "modal",
        "callback_id": "digest_modal",
        "private_metadata": json.dumps({"channel": "C0MODAL", "thread_ts": None}),
        "id": "V0MODAL",
        "state": {
            "values": {
                "story_url": {
                    "url": {"type": "url_text_input", "value": "http://169.254.169.254/x"}
                },
                "story_text": {"text": {"type": "plain_text_input", "value": None}},
            }
        },
    }
    payload = {
        "type": "view_submission",
        "team": {"id": "T0TEAM"},
        "user": {"id": "U0REPORTER", "team_id": "T0TEAM"},
        "api_app_id": "A0NEWSDESK",
        "trigger_id": "t-view",
        "view": view,
    }
    status, body = await h.post(interactive_body(payload))
    assert status == 200 and body == ""
    calls = await h.fake.wait_for("chat.postEphemeral", 2)  # "Working on it...", then why not
    await h.service.drain()
    assert calls[1].params["channel"] == "C0MODAL"
    assert "169.254.169.254" in calls[1].params["text"]
    assert h.posts() == []


# --- secrets stay out of logs and messages --------------------------------------------------


async def test_tokens_never_reach_logs_or_replies_when_slack_fails(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    harness.fake.fail("chat.postMessage", "invalid_auth")
    await harness.command(STORY_TEXT, trigger_id="t-auth")
    responses = await harness.fake.wait_for_responses(1)
    assert "invalid_auth" in responses[0]["text"]  # specific, and still no token
    harness.fake.fail("chat.postMessage", "not_authed", after=1)
    await harness.command(f"{harness.pages}/news/library-sundays", trigger_id="t-auth2")
    await harness.fake.wait_for("chat.postMessage", 4)  # failed, parent, failed, notice
    await harness.service.drain()
    status, _ = await harness.post(command_body("help"), secret="forged-secret")
    assert status == 401  # Bolt logs the refused signature: ours must not be in it
    logged = "\n".join(r.getMessage() + str(r.exc_info or "") for r in caplog.records)
    replies = json.dumps(harness.fake.responses) + json.dumps(harness.posts())
    for secret in ("xoxb-test", SIGNING_SECRET):
        assert secret not in logged
        assert secret not in replies


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"\xff\xfe\x00not text", "application/x-www-form-urlencoded"),
        (b"{not json", "application/json"),
        (b"payload=%7Bnot-json", "application/x-www-form-urlencoded"),
    ],
)
async def test_unsigned_junk_is_refused_without_a_traceback(
    harness: Harness, caplog: pytest.LogCaptureFixture, body: bytes, content_type: str
) -> None:
    caplog.set_level(logging.WARNING)
    url = f"{harness.base}/slack/events"
    async with harness.http.post(url, data=body, headers={"Content-Type": content_type}) as r:
        assert r.status == 400
        assert await r.json() == {"error": "invalid request"}
    assert not [rec for rec in caplog.records if rec.levelno >= logging.ERROR]
    assert harness.fake.calls == []


def test_a_mention_with_a_schemeless_link_asks_for_that_link() -> None:
    body = {
        "team_id": "T0TEAM",
        "event_id": "Ev0BARE",
        "event": {
            "type": "app_mention",
            "user": "U0REPORTER",
            "text": "<@U0NEWSDESK> bbc.co.uk/news/world-123",
            "ts": "1699999999.000700",
            "channel": "C0MENTION",
        },
    }
    req = mention_request(body)
    assert req is not None and req.url == "https://bbc.co.uk/news/world-123"


async def test_an_expired_response_url_does_not_swallow_the_error(harness: Harness) -> None:
    expired = f"http://127.0.0.1:{harness.fake.port}/expired/r"  # Slack answers 404 here
    await harness.command(
        f"{harness.pages}/news/missing", trigger_id="t-expired", response_url=expired
    )
    calls = await harness.fake.wait_for("chat.postEphemeral", 1)
    await harness.service.drain()
    assert calls[0].params["user"] == "U0REPORTER"
    assert "404" in calls[0].params["text"]


# --- a page's claim to be another outlet's story --------------------------------------------


def _page_claiming(canonical: str) -> str:
    return ARTICLE_HTML.replace("<title>", f'<link rel="canonical" href="{canonical}">\n<title>', 1)


async def test_a_canonical_link_to_another_site_is_not_believed(harness: Harness) -> None:
    real = "https://outlet.example/news/library-sundays"
    async with serve({"/copy": html_handler(_page_claiming(real))}) as base:
        posts = await _digested(harness, f"{base}/copy", "t-claim")
    parent = json.dumps(posts[0]["blocks"])
    assert f"{base}/copy" in parent and real not in parent  # no outlet.example link
    assert await harness.store.get_story_by_url(f"{base}/copy") is not None
    assert await harness.store.get_story_by_url(real) is None  # not filed as its story


async def test_a_canonical_link_on_the_same_site_is_kept(harness: Harness) -> None:
    async def amp(request: web.Request) -> web.Response:
        page = _page_claiming(f"http://{request.host}/news/story")
        return web.Response(text=page, content_type="text/html")

    async with serve({"/amp/news/story": amp}) as base:
        posts = await _digested(harness, f"{base}/amp/news/story", "t-same")
    assert f"{base}/news/story" in json.dumps(posts[0]["blocks"])
    assert await harness.store.get_story_by_url(f"{base}/news/story") is not None


@pytest.mark.parametrize(
    ("claimed", "fetched", "kept"),
    [
        ("https://www.outlet.example/a", "https://amp.outlet.example/a", True),
        ("https://outlet.example/a", "https://m.outlet.example/a", True),
        ("https://outlet.example/a", "https://other.example/a", False),
        ("https://outlet.example.evil.example/a", "https://outlet.example/a", False),
        ("not a url at all", "https://outlet.example/a", False),
        (None, "https://outlet.example/a", False),
    ],
)
def test_trusted_url(claimed: str | None, fetched: str, kept: bool) -> None:
    assert trusted_url(claimed, fetched) == (claimed if kept else fetched)


async def test_again_accepts_a_link_with_a_note(harness: Harness) -> None:
    url = f"{harness.pages}/news/library-sundays"
    await _digested(harness, url, "t-first")
    status, _ = await harness.command(f"again see <{url}|the library story>", trigger_id="t-ag")
    assert status == 200
    await harness.fake.wait_for("chat.postMessage", 4)  # a fresh parent and digest
    await harness.service.drain()
    assert not [r for r in harness.fake.responses if "Usage" in r.get("text", "")]
