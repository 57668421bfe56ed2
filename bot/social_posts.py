"""Social posts set into an article: a post's paragraphs and the signature under it.

A copied page renders an embedded post as its text, a picture link, then a signature line:
"— Arvind Kejriwal (@ArvindKejriwal) November 1, 2019". Those paragraphs are the poster's
words, not the article's: the facts leave them out, and the attributions give them to the
poster, whose first person ("I urge all ...") no pronoun rule could resolve.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from bot.clean_vocab import is_post_signature

POST_CHARS: Final = 300  # a post's text and its picture link

# Unquoted first person: the poster's own voice. An article's prose speaks of others (and may
# speak to the reader, so not "you"): a short paragraph in that voice above a post's text
# belongs to the post.
_OWN_VOICE = re.compile(r"\b(?:I|[Mm]y|[Mm]e|[Ww]e|[Oo]ur|[Uu]s)\b")
_QUOTED = re.compile("[\"“”]")
# "— Rep. Ilhan Omar (@Ilhan) November 19, 2019": the name and the handle.
_SIGNATURE = re.compile(r"[—–-]\s*(?P<name>[^()]{1,80}?)\s*\((?P<handle>@\w{1,15})\)")
# The picture or link a post ends with: not the poster's words.
_TRAILING_LINK = re.compile(r"\s*(?:(?:pic\.twitter\.com|https?://t\.co)/\w+\s*)+$")


@dataclass(frozen=True, slots=True)
class EmbeddedPost:
    """One post: its text paragraphs (indices into the body, in order), its signature
    paragraph, and who signed it."""

    paragraphs: tuple[int, ...]
    signature: int
    author: str
    handle: str

    @property
    def all_paragraphs(self) -> tuple[int, ...]:
        """Its text paragraphs and its signature."""
        return (*self.paragraphs, self.signature)


def embedded_posts(body: Sequence[str]) -> list[EmbeddedPost]:
    """The posts set into the article's paragraphs ``body``: each signature line, the
    paragraph above it when it fits in one post, and further paragraphs above that while
    the post still fits and they speak in the poster's own voice (unquoted "my", "we"),
    which a short article paragraph does not."""
    posts: list[EmbeddedPost] = []
    taken = -1  # paragraphs up to here belong to an earlier post
    for p, para in enumerate(body):
        if not is_post_signature(para):
            continue
        m = _SIGNATURE.match(para)
        if m is None:
            continue
        text: list[int] = []
        size = 0
        for q in range(p - 1, taken, -1):
            size += len(body[q])
            if size > POST_CHARS or is_post_signature(body[q]) or (
                text and (_QUOTED.search(body[q]) or not _OWN_VOICE.search(body[q]))
            ):
                break
            text.insert(0, q)
        posts.append(EmbeddedPost(tuple(text), p, m.group("name").strip(), m.group("handle")))
        taken = p
    return posts


def post_paragraphs(body: Sequence[str]) -> set[int]:
    """Every paragraph of every post, signatures included."""
    return {p for post in embedded_posts(body) for p in post.all_paragraphs}


def post_text_span(para: str) -> tuple[int, int] | None:
    """The poster's words in one of a post's paragraphs, without its picture link."""
    end = len(para.rstrip())
    link = _TRAILING_LINK.search(para, 0, end)
    if link is not None:
        end = link.start()
    start = len(para) - len(para.lstrip())
    return (start, end) if end > start else None
