"""The one-way pipeline: input -> fetch -> clean -> extract -> digest.

Every entry point (CLI, Slack handlers, the watcher) goes through these functions,
so a story is digested the same way wherever it came from.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace

import aiohttp

from bot.attribution import extract_attributions
from bot.clean_text import article_from_clean_text, clean_pasted_text
from bot.errors import BinaryInput, EmptyInput, InputTooLarge
from bot.facts import facts_and_conflicts
from bot.model import Article, Digest, InputMode, RawDocument
from bot.quality import check_article
from bot.sentences import split_sentences
from bot.sources import looks_like_html, read_source
from bot.urls import trusted_url
from config.settings import Settings

# Control characters other than tab, line feed and carriage return (``[\x00-\x08\x0b\x0c
# \x0e-\x1f]``). Counted in UTF-8, where each is one byte and no other character's bytes
# are among them: bytes.translate deletes them in one C pass, several times a regex's speed.
_CONTROL_BYTES = bytes(c for c in range(32) if c not in (9, 10, 13))


def _control_characters(text: str) -> int:
    data = text.encode("utf-8", "surrogatepass")
    return len(data) - len(data.translate(None, _CONTROL_BYTES))


def validate_text(text: str, settings: Settings, *, is_html: bool = False) -> str:
    """Reject input no cleaner can use, with a message that says why.

    HTML carries markup, scripts and styles around the story, so it gets the page-size
    cap; text is the story itself and gets the (smaller) text cap.
    """
    if not text or not text.strip():
        raise EmptyInput("There is no text to digest: the input is empty.")
    limit = settings.fetch_max_bytes if is_html else settings.max_text_chars
    if len(text) > limit:
        what = "page" if is_html else "text"
        raise InputTooLarge(
            f"The {what} is too long ({len(text):,} characters; the limit is "
            f"{limit:,}). Paste just the article, or send its URL."
        )
    if "\x00" in text or _control_characters(text[:20_000]) > 20:
        raise BinaryInput("That looks like binary data, not text. Send a URL or paste the article.")
    return text


def resolve_mode(raw: RawDocument, mode: InputMode) -> InputMode:
    if mode is not InputMode.AUTO:
        return mode
    return InputMode.HTML if raw.is_html or looks_like_html(raw.content) else InputMode.TEXT


def clean(raw: RawDocument, mode: InputMode, settings: Settings) -> Article:
    """Turn a raw document into a checked Article (raises NotAnArticle / Paywalled)."""
    mode = resolve_mode(raw, mode)
    text = validate_text(raw.content, settings, is_html=mode is InputMode.HTML)
    if mode is InputMode.HTML:
        from bot.clean_html import clean_html  # trafilatura is slow to import; text never needs it

        article = clean_html(text, url=raw.url)
    elif mode is InputMode.CLEAN:
        article = article_from_clean_text(text, url=raw.url)
    else:
        article = clean_pasted_text(text, url=raw.url)
    if mode is not InputMode.CLEAN:  # clean input is the body by definition: trust it
        check_article(article, text)
    if raw.url:
        url = trusted_url(article.meta.url, raw.url)
        if url != article.meta.url:
            article = replace(article, meta=replace(article.meta, url=url))
    return article


def build_digest(article: Article) -> Digest:
    body: Sequence[str] = article.body
    # Both steps read the body sentence by sentence: split it once, for this digest only.
    sentences = [split_sentences(para) for para in body]
    attributions = extract_attributions(body, sentences=sentences)
    facts, conflicts = facts_and_conflicts(body, attributions, sentences=sentences)
    return Digest(
        article=article,
        facts=tuple(facts),
        attributions=tuple(attributions),
        conflicts=tuple(conflicts),
    )


def digest_raw(raw: RawDocument, mode: InputMode, settings: Settings) -> Digest:
    return build_digest(clean(raw, mode, settings))


def digest_text(text: str, settings: Settings, mode: InputMode = InputMode.AUTO) -> Digest:
    """Digest text a person pasted (or HTML they pasted)."""
    return digest_raw(RawDocument(content=text, is_html=False), mode, settings)


async def digest_source(
    source: str,
    settings: Settings,
    mode: InputMode = InputMode.AUTO,
    *,
    session: aiohttp.ClientSession | None = None,
) -> Digest:
    """Digest a URL, a file path or ``-`` (stdin)."""
    raw = await read_source(source, settings, session=session)
    return digest_raw(raw, mode, settings)


def content_hash(article: Article) -> str:
    """A hash of what a reader sees, insensitive to whitespace-only edits."""
    h = hashlib.sha256()
    for part in (article.meta.title or "", article.meta.standfirst or "", *article.body):
        h.update(" ".join(part.split()).encode())
        h.update(b"\x1e")
    return h.hexdigest()
