"""Pure helpers: /digest parsing, finding a message's first link, unwrapping Slack markup."""

from __future__ import annotations

import pytest

from bot.slack_text import (
    SLASH_TEXT_LIMIT,
    CommandKind,
    first_link,
    links_in_text,
    message_text,
    parse_command,
    single_url,
    strip_mentions,
    unwrap_links,
)

KNOWN = {"help", "again", "schedule"}


@pytest.mark.parametrize(
    ("text", "kind", "name", "args"),
    [
        ("", CommandKind.EMPTY, None, ""),
        ("   ", CommandKind.EMPTY, None, ""),
        ("https://news.example/a/b", CommandKind.URL, None, "https://news.example/a/b"),
        ("<https://news.example/a?x=1&amp;y=2>", CommandKind.URL, None,
         "https://news.example/a?x=1&y=2"),
        ("<https://news.example/a|news.example/a>", CommandKind.URL, None,
         "https://news.example/a"),
        ("https://news.example/a please look", CommandKind.URL, None, "https://news.example/a"),
        ("help", CommandKind.SUB, "help", ""),
        ("HELP", CommandKind.SUB, "help", ""),
        ("again <https://n.example/x>", CommandKind.SUB, "again", "<https://n.example/x>"),
        ("schedule daily 9am", CommandKind.SUB, "schedule", "daily 9am"),
        ("frobnicate", CommandKind.UNKNOWN, "frobnicate", ""),
        ("frob the thing", CommandKind.UNKNOWN, "frob", "the thing"),
        ("look at <https://n.example/x|this>", CommandKind.URL, None, "https://n.example/x"),
        ("<@U1> https://n.example/x.", CommandKind.URL, None, "https://n.example/x"),
        ("ftp://n.example/story", CommandKind.OTHER_LINK, None, "ftp"),
        ("<mailto:a@n.example|a@n.example>", CommandKind.OTHER_LINK, None, "mailto"),
        ("<@U1> <!here>  <#C1|desk>", CommandKind.NO_STORY, None, "<@U1> <!here>  <#C1|desk>"),
        ("bbc.co.uk/news/world-123", CommandKind.URL, None, "https://bbc.co.uk/news/world-123"),
        ("www.n.example.", CommandKind.URL, None, "https://www.n.example"),
        ("U.S.", CommandKind.TEXT, None, "U.S."),
    ],
)
def test_parse_command(text: str, kind: CommandKind, name: str | None, args: str) -> None:
    parsed = parse_command(text, KNOWN)
    assert (parsed.kind, parsed.name, parsed.args) == (kind, name, args)


def test_pasted_text_is_text_and_unwrapped() -> None:
    text = (
        "Council votes to close harbour\nThe council voted 7-2 on Tuesday, "
        "<https://port.example|the port> said &amp; more."
    )
    parsed = parse_command(text, KNOWN)
    assert parsed.kind is CommandKind.TEXT
    assert "https://port.example said & more." in parsed.args
    assert parsed.args.startswith("Council votes")


def test_help_word_inside_pasted_text_is_not_a_subcommand() -> None:
    text = "Help arrived late. " * 5  # starts with a command word, but is a story
    assert parse_command(text, KNOWN).kind is CommandKind.TEXT
    text = "Rescuers said help arrived late on Tuesday night after the storm."
    assert parse_command(text, KNOWN).kind is CommandKind.TEXT


def test_text_at_slash_limit_is_too_long() -> None:
    text = "The council met. " * (SLASH_TEXT_LIMIT // 17 + 1)
    assert parse_command(text, KNOWN).kind is CommandKind.TOO_LONG
    assert parse_command(text[: SLASH_TEXT_LIMIT - 100], KNOWN).kind is CommandKind.TEXT


def test_short_multiline_text_is_text_not_subcommand() -> None:
    assert parse_command("storm\nhits coast", KNOWN).kind is CommandKind.TEXT


def test_single_url() -> None:
    assert single_url("https://a.example/x.") == "https://a.example/x"
    assert single_url("<mailto:a@b.example|a@b.example>") is None
    assert single_url("https://a.example/x y") is None
    assert single_url("https://en.example/wiki/Foo_(bar)") == "https://en.example/wiki/Foo_(bar)"


def test_unwrap_links_and_mentions() -> None:
    text = "See <https://a.example/x|A story> in <#C123|newsroom>, cc <@U42> <!here>: a &lt; b"
    assert unwrap_links(text) == "See https://a.example/x in #newsroom, cc @U42 @here: a < b"


def test_strip_mentions() -> None:
    assert strip_mentions("<@U0BOT> please digest <https://a.example>") == (
        "please digest <https://a.example>"
    )


def test_links_in_text_order_and_trailing_punctuation() -> None:
    text = "first https://b.example/1, then <https://a.example/2|two> and (https://c.example/3)."
    assert links_in_text(text) == [
        "https://b.example/1",
        "https://a.example/2",
        "https://c.example/3",
    ]


def test_first_link_prefers_text_then_blocks_then_attachments() -> None:
    msg = {
        "text": "no link here",
        "blocks": [
            {
                "type": "rich_text",
                "elements": [
                    {
                        "type": "rich_text_section",
                        "elements": [
                            {"type": "text", "text": "read "},
                            {"type": "link", "url": "https://blocks.example/story"},
                        ],
                    }
                ],
            }
        ],
        "attachments": [{"from_url": "https://attach.example/x"}],
    }
    assert first_link(msg) == "https://blocks.example/story"
    msg["text"] = "look <https://text.example/s|here>"
    assert first_link(msg) == "https://text.example/s"
    assert first_link({"text": "", "attachments": msg["attachments"]}) == "https://attach.example/x"


def test_first_link_in_mrkdwn_section_and_attachment_text_skips_buttons() -> None:
    msg = {
        "text": "",
        "blocks": [
            {
                "type": "actions",
                "elements": [{"type": "button", "url": "https://button.example"}],
            },
            {"type": "section", "text": {"type": "mrkdwn", "text": "<https://s.example/a|a>"}},
        ],
    }
    assert first_link(msg) == "https://s.example/a"
    assert first_link({"attachments": [{"text": "via https://t.example/z"}]}) == (
        "https://t.example/z"
    )
    assert first_link({"text": "plain words only"}) is None


def test_message_text() -> None:
    text = "Mayor &amp; council <@U1> agreed"
    assert message_text({"text": text}) == "Mayor & council @U1 agreed"
    assert message_text({}) == ""
