"""Pure helpers for text as Slack delivers it: command parsing, link finding, link markup.

Nothing here performs I/O; every function takes plain strings or payload dicts.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from bot.quality import MIN_PROSE_WORDS, prose_stats

# Slack cuts long slash-command text; at or past this length we assume it was cut and
# offer the modal instead of digesting half a story.
SLASH_TEXT_LIMIT = 3_500

# <https://x.y/z|label>, <https://x.y/z>, <mailto:a@b|a@b>; not <@U123> or <#C123|name>.
_LINK_MARKUP = re.compile(r"<((?:https?|mailto):[^<>|\s]+)(?:\|([^<>]*))?>")
_ANY_MARKUP = re.compile(r"<([@#!])([^<>|]+)(?:\|([^<>]*))?>")
_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^<>]*)?>")
_BARE_URL = re.compile(r"https?://[^\s<>\"'|]+", re.IGNORECASE)
_TRAILING_PUNCT = ".,;:!?)]}'\"»”’"
_SUBCOMMAND_WORD = re.compile(r"[a-z][a-z-]{0,19}")
# A link-like token in another scheme: "ftp://x", "file:///etc/passwd", "mailto:a@b".
_OTHER_SCHEME = re.compile(r"<?([a-z][a-z0-9+.-]{1,15}):(?://|(?=\S))\S*", re.IGNORECASE)
_LINK_SCHEMES = frozenset({"ftp", "ftps", "file", "mailto", "data", "javascript", "gopher", "sftp"})
# A line this short with a link in it is the link plus a note, not a pasted story.
LINK_NOTE_WORDS = 40
# A headline, a paragraph and another: fewer lines than this is a note, however long.
PAGE_MIN_LINES = 3
# "bbc.co.uk/news/x", "www.example.com": a link typed without its scheme.
_BARE_DOMAIN = re.compile(
    r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\.?(?::\d{1,5})?(?:/\S*)?",
    re.IGNORECASE,
)


class CommandKind(StrEnum):
    EMPTY = "empty"  # no text: open the modal
    URL = "url"  # one URL, digest it
    TEXT = "text"  # pasted story text
    TOO_LONG = "too_long"  # text Slack probably cut short: open the modal
    OTHER_LINK = "other_link"  # a link we never fetch (ftp:, file:, mailto:); args = scheme
    NO_STORY = "no_story"  # only mentions, channels or @here: nothing to digest
    SUB = "sub"  # a registered subcommand (help, again, schedule, ...)
    UNKNOWN = "unknown"  # looks like a subcommand we do not know: show help


@dataclass(frozen=True, slots=True)
class ParsedCommand:
    kind: CommandKind
    name: str | None = None  # subcommand name (SUB / UNKNOWN)
    args: str = ""  # the rest after the subcommand, or the URL / pasted text


def unescape(text: str) -> str:
    """Undo Slack's &amp; &lt; &gt; escaping (only after markup has been handled)."""
    return html.unescape(text) if "&" in text else text


def unwrap_links(text: str) -> str:
    """Turn Slack markup into plain text: links to their URL, mentions to their label.

    ``<https://x.y|x.y>`` -> ``https://x.y``; ``<#C1|general>`` -> ``#general``;
    ``<@U1>`` -> ``@U1``; then entities are unescaped.
    """

    def link(m: re.Match[str]) -> str:
        return m.group(1)

    def other(m: re.Match[str]) -> str:
        sigil, ident, label = m.group(1), m.group(2), m.group(3)
        if sigil == "!":
            return f"@{label or ident.split('^')[0]}"
        return f"{sigil}{label or ident}" if sigil == "#" else f"@{label or ident}"

    text = _LINK_MARKUP.sub(link, text)
    text = _ANY_MARKUP.sub(other, text)
    return unescape(text)


def strip_mentions(text: str, *, keep_lines: bool = False) -> str:
    """Remove user mentions (``<@U123>``) such as the bot's own name in an app_mention.

    The text comes back on one line, for reading a command; ``keep_lines`` leaves the rest
    as written (a pasted story's line breaks are its paragraphs).
    """
    if keep_lines:
        return _MENTION.sub("", text).strip()
    return " ".join(_MENTION.sub(" ", text).split())


def _clean_url(url: str) -> str:
    url = unescape(url)
    while url and url[-1] in _TRAILING_PUNCT:
        # Keep a closing paren that balances one inside the URL (Wikipedia-style links).
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def links_in_text(text: str) -> list[str]:
    """URLs in Slack message text, in order: marked-up links first by position, then bare."""
    found: list[tuple[int, str]] = []
    for m in _LINK_MARKUP.finditer(text):
        if m.group(1).lower().startswith("http"):
            found.append((m.start(), _clean_url(m.group(1))))
    masked = _LINK_MARKUP.sub(lambda m: " " * len(m.group(0)), text)
    for m in _BARE_URL.finditer(masked):
        found.append((m.start(), _clean_url(m.group(0))))
    return [url for _, url in sorted(found) if url]


def _walk_block_links(node: Any) -> Iterator[str]:
    """Depth-first URLs in Block Kit: rich_text link elements, mrkdwn text, button urls."""
    if isinstance(node, Mapping):
        kind = node.get("type")
        if kind == "link" and isinstance(node.get("url"), str):
            yield node["url"]
            return
        if kind in {"mrkdwn", "plain_text"} and isinstance(node.get("text"), str):
            yield from links_in_text(node["text"])
            return
        for key, value in node.items():
            if key == "url" and kind == "button":
                continue  # a button's target is UI, not the story the message is about
            yield from _walk_block_links(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk_block_links(item)


def _attachment_links(attachment: Mapping[str, Any]) -> Iterator[str]:
    for key in ("from_url", "original_url", "title_link"):
        value = attachment.get(key)
        if isinstance(value, str) and value.lower().startswith("http"):
            yield value
    for key in ("text", "pretext", "fallback"):
        value = attachment.get(key)
        if isinstance(value, str):
            yield from links_in_text(value)
    yield from _walk_block_links(attachment.get("blocks") or [])


def _message_links(message: Mapping[str, Any]) -> Iterator[str]:
    text = message.get("text")
    if isinstance(text, str):
        yield from links_in_text(text)
    for url in _walk_block_links(message.get("blocks") or []):
        yield _clean_url(url)
    for attachment in message.get("attachments") or []:
        if isinstance(attachment, Mapping):
            for url in _attachment_links(attachment):
                yield _clean_url(url)


def first_link(message: Mapping[str, Any]) -> str | None:
    """The first http(s) link in a message: its text, then its blocks, then its attachments.

    A link into Slack itself comes last: a shared message's permalink (an attachment's
    ``from_url``) stands before the story link inside it, and Slack pages are no story.
    """
    slack: str | None = None
    for url in _message_links(message):
        if url and not is_slack_link(url):
            return url
        slack = slack or url or None
    return slack


def message_text(message: Mapping[str, Any]) -> str:
    """A message's readable text with Slack markup removed (for digesting pasted stories)."""
    text = message.get("text")
    return unwrap_links(text).strip() if isinstance(text, str) else ""


def too_short_for_a_story(text: str) -> bool:
    """Fewer words than any story the pipeline accepts (counted as it counts them, so CJK
    text without spaces is not mistaken for a few words): a question or a chat message.
    Run before the ack, so a pasted story is let through at once: the pipeline counts no
    fewer words than its white-space tokens, and a bounded split stops at enough of them."""
    if len(text.split(None, MIN_PROSE_WORDS)) > MIN_PROSE_WORDS:
        return False
    return prose_stats(text.splitlines()).words < MIN_PROSE_WORDS


def is_pasted_page(text: str) -> bool:
    """Whether a message's text is a copied page rather than a link with a note.

    A page pasted into Slack keeps its links (menus, "Read more"), so a link in it is not
    the story: longer than a link-and-note (LINK_NOTE_WORDS) and laid out in paragraphs.
    """
    words = len(text.split())
    lines = sum(1 for line in text.splitlines() if line.strip())
    return words > LINK_NOTE_WORDS and lines >= PAGE_MIN_LINES


# Slack's own addresses: message permalinks, files, the web client. Fetched without a
# session they are a sign-in page, and "no article found" would not say why.
_SLACK_HOSTS = ("slack.com", "slack-files.com", "slack-edge.com")


def is_slack_link(url: str) -> bool:
    """Whether ``url`` points into Slack itself (a message or file link), not a story."""
    try:
        host = (urlsplit(url).hostname or "").rstrip(".").lower()
    except ValueError:
        return False
    return any(host == h or host.endswith("." + h) for h in _SLACK_HOSTS)


def single_url(text: str) -> str | None:
    """The URL if ``text`` is nothing but one link (bare or marked up), else None."""
    stripped = text.strip()
    if not stripped or any(c.isspace() for c in stripped):
        return None
    m = _LINK_MARKUP.fullmatch(stripped)
    if m:
        url = m.group(1)
        return _clean_url(url) if url.lower().startswith("http") else None
    if _BARE_URL.fullmatch(stripped):
        return _clean_url(stripped)
    return None


def parse_command(text: str | None, known: Collection[str]) -> ParsedCommand:
    """Classify ``/digest`` text.

    ``known`` holds the registered subcommand names. A lone word that is not a URL is
    read as a subcommand (unknown ones get help); more than a few words is pasted text.
    """
    raw = text or ""
    stripped = raw.strip()
    if not stripped:
        return ParsedCommand(CommandKind.EMPTY)
    url = single_url(stripped)
    if url:
        return ParsedCommand(CommandKind.URL, args=url)
    words = stripped.split()
    first = words[0]
    rest = stripped[len(first) :].strip()
    name = first.lower()
    short = len(words) <= 12 and "\n" not in stripped  # a story is longer than a command
    if name in known and short:
        return ParsedCommand(CommandKind.SUB, name=name, args=rest.strip())
    links = links_in_text(stripped)
    if links and len(words) <= LINK_NOTE_WORDS and "\n" not in stripped:
        # "check this <url>", "<url> from this morning": the link is the story, wherever it
        # sits; before, a link not in first place was digested as a few words of text.
        return ParsedCommand(CommandKind.URL, args=links[0])
    other = _OTHER_SCHEME.fullmatch(stripped)
    if len(words) == 1 and other and other.group(1).lower() in _LINK_SCHEMES:
        return ParsedCommand(CommandKind.OTHER_LINK, args=other.group(1).lower())
    if len(words) == 1 and _BARE_DOMAIN.fullmatch(stripped) and "." in stripped.split("/")[0]:
        # One word that is a web address without https://: never a story to paste.
        return ParsedCommand(CommandKind.URL, args=_clean_url("https://" + stripped))
    if not _ANY_MARKUP.sub(" ", stripped).strip():
        return ParsedCommand(CommandKind.NO_STORY, args=stripped)
    if len(raw) >= SLASH_TEXT_LIMIT:
        return ParsedCommand(CommandKind.TOO_LONG, args=stripped)
    if short and len(words) <= 3 and _SUBCOMMAND_WORD.fullmatch(name):
        return ParsedCommand(CommandKind.UNKNOWN, name=name, args=rest.strip())
    return ParsedCommand(CommandKind.TEXT, args=unwrap_links(stripped))
